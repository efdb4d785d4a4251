"""`trygg report new`: a draft follow-up, prefilled from the documents, that validates."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from followup_cases import AGREEMENT, PLAN, PROMISE, follow_up
from helpers import Result

from trygg_cli.check import KEEP_DOCUMENT
from trygg_cli.errors import TryggError
from trygg_cli.followup import draft
from trygg_cli.model import Document
from trygg_cli.workspace import load_sources

TODAY = date(2026, 12, 2)
FILES = {"avtal.yaml": AGREEMENT, "plan.yaml": PLAN, "lofte.yaml": PROMISE}


def _documents(**extra: str) -> dict[str, Document]:
    texts = {**FILES, **{f"{name}.yaml": text for name, text in extra.items()}}
    workspace = load_sources({p: t.encode() for p, t in texts.items()}, passes=(KEEP_DOCUMENT,))
    return workspace.documents


def _validates_beside(text: str, **extra: str) -> None:
    texts = {**FILES, **extra, "utkast.yaml": text}
    findings = load_sources({p: t.encode() for p, t in texts.items()}).findings
    assert findings == []


def test_the_draft_of_an_agreement_names_its_plan_and_promise_and_validates() -> None:
    made = draft(_documents(), "avtal", 2025, today=TODAY)
    assert made.doc_id == "avtal-uppfoljning-2025"
    assert "agreement: avtal\naction_plan: plan\ncitizen_promise: lofte\noccasion: 2025\n" in (
        made.text
    )
    assert "\n# date: ÅÅÅÅ-MM-DD\n" in made.text  # a draft: it closes nothing yet
    _validates_beside(made.text)


def test_every_action_and_commitment_with_its_status_and_outcome_now() -> None:
    text = draft(_documents(), "avtal", 2025, today=TODAY).text
    assert "  # Trygghetsvandringar\n  - action: vandringar\n    status: ongoing\n" in text
    assert (
        "  - action: belysning\n    status: done\n    outcome: Ny belysning i oktober 2025.\n"
        in (text)
    )
    assert "  - commitment: narvaro\n    status: ongoing\n" in text


def test_every_indicator_with_its_last_value_and_an_empty_slot() -> None:
    earlier = follow_up("2024", value="64")
    text = draft(_documents(u=earlier), "avtal", 2025, today=TODAY).text
    assert (
        "  # Andelen som känner sig trygga i centrum\n"
        "  # Senast: 64 % (2024). Utgångsläge: 62 % (2022). Målvärde: 70 % (2026).\n"
        "  - indicator: trygga-centrum\n"
        "    values:\n"
        "      - year: 2025\n"
        "        value:\n"
        '        unit: "%"\n'
        "        source: Polisens trygghetsmätning\n"
    ) in text
    assert "  # Indikatorn ”Antal trygghetsvandringar” saknar id" in text
    # and what each action was at the last follow-up
    assert "  # Trygghetsvandringar (förra uppföljningen: pågående)\n" in text
    _validates_beside(text, **{"u.yaml": earlier})


def test_the_draft_of_a_plan_measures_its_agreements_indicators() -> None:
    text = draft(_documents(), "plan", 2025, today=TODAY).text
    assert "agreement: avtal\naction_plan: plan\noccasion: 2025\n" in text
    assert "commitments:" not in text and "- indicator: trygga-centrum" in text
    _validates_beside(text)


def test_the_final_follow_up_of_a_promise() -> None:
    made = draft(_documents(), "lofte", "validity_end", today=TODAY)
    assert made.doc_id == "lofte-uppfoljning-slutlig"
    assert "title: Slutlig uppföljning av Medborgarlöfte för Exempelby\n" in made.text
    assert "citizen_promise: lofte\noccasion: validity_end\n" in made.text
    _validates_beside(made.text)


def test_an_id_already_taken_or_a_document_that_is_not_there() -> None:
    documents = _documents(u=follow_up("2025", doc_id="avtal-uppfoljning-2025"))
    with pytest.raises(TryggError, match="already used"):
        draft(documents, "avtal", 2025, today=TODAY)
    with pytest.raises(TryggError, match="no agreement, action plan or citizen promise"):
        draft(documents, "avtal-uppfoljning-2025", 2025, today=TODAY)


def test_the_command_writes_it_to_uppfoljningar(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cli: Callable[..., Result]
) -> None:
    for name, text in FILES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = cli("report", "new", "avtal", "--occasion", "2025")
    written = Path("uppfoljningar/avtal-uppfoljning-2025.yaml")
    assert (result.exit_code, result.stderr) == (0, f"created {written}\n")
    assert cli("validate", ".").exit_code == 0
    again = cli("report", "new", "avtal", "--occasion", "2025", "-o", str(written), "--id", "x")
    assert again.exit_code == 2 and "already exists" in again.stderr
    screen = cli("report", "new", "plan", "--occasion", "2025-12-30", "-o", "-", "--id", "y")
    assert screen.exit_code == 0 and screen.stdout.startswith("# yaml-language-server:")
    wrong = cli("report", "new", "avtal", "--occasion", "snart")
    assert wrong.exit_code == 2 and "'snart' is not an occasion" in wrong.stderr
