"""Shell completion: typer's, with rule ids and document ids completed."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from helpers import EXAMPLES


def _complete(words: str, cwd: str = str(EXAMPLES)) -> list[str]:
    env = {**os.environ, "_TRYGG_COMPLETE": "complete_bash", "COMP_WORDS": words}
    env["COMP_CWORD"] = str(len(words.split()) - (0 if words.endswith(" ") else 1))
    done = subprocess.run(
        [str(Path(sys.executable).parent / "trygg")],  # the name the shell knows
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
    )
    return done.stdout.split()


def test_rule_ids_complete() -> None:
    assert _complete("trygg lint --explain TRY40") == ["TRY401", "TRY402", "TRY403", "TRY404"]
    assert "TRY101" in _complete("trygg lint --ignore ")


def test_document_ids_complete() -> None:
    assert _complete("trygg render -d molndal") == [
        "molndal-atgardsplan-2023",
        "molndal-lokal-2023",
        "molndal-medborgarlofte-2023",
        "molndal-uppfoljning-2024",
    ]
    assert _complete("trygg due --document goteborg") == ["goteborg-central-2018"]
    # Only agreements for the agreement an action plan belongs to.
    assert _complete("trygg new action-plan --agreement ") == [
        "exempel-lokal-2022",
        "goteborg-central-2018",
        "molndal-lokal-2023",
        "stockholm-overgripande",
    ]


def test_commands_complete() -> None:
    assert "render" in _complete("trygg re")


def test_done_completes_the_references_of_open_occasions() -> None:
    from datetime import date

    from trygg_cli.due.run import DueQuery, run_due

    outcome = run_due([str(EXAMPLES)], DueQuery(as_of=date.today()))
    open_refs = sorted(o.ref for o in outcome.shown if o.done is None)
    assert open_refs
    completed = _complete("trygg done ")
    assert sorted(completed) == open_refs
    first = open_refs[0]
    assert _complete(f"trygg done {first[:3]}") == sorted(
        r for r in open_refs if r[:3] == first[:3]
    )
