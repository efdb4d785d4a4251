"""Shell completion of rule ids and document ids (typer's completion calls these).

Document ids come from a quick look at the YAML files under the current folder: the
``id:`` at the start of a line near the top of each file, without parsing YAML, so that
pressing Tab stays instant in a large repository.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_ID = re.compile(rb"^id:[ \t]*['\"]?([a-z0-9][a-z0-9_.-]*)", re.MULTILINE)
_KIND = re.compile(rb"^kind:[ \t]*['\"]?([a-z-]+)", re.MULTILINE)
_MAX_FILES = 5000


def rule_ids(incomplete: str) -> list[str]:
    from trygg_cli.lint.rules import RULES

    return [rule_id for rule_id in RULES if rule_id.lower().startswith(incomplete.lower())]


def _documents(folder: str = ".") -> Iterator[tuple[str, str]]:
    # The same files trygg itself reads (hidden and tool folders skipped).
    from trygg_cli.workspace.discover import walk

    for seen, path in enumerate(walk(folder), 1):
        if seen > _MAX_FILES:
            return
        try:
            with open(path, "rb") as handle:
                head = handle.read(4096)
        except OSError:
            continue
        found, kind = _ID.search(head), _KIND.search(head)
        if found is not None and kind is not None:
            yield found.group(1).decode("ascii"), kind.group(1).decode("ascii")


def document_ids(incomplete: str) -> list[str]:
    return sorted({d for d, _kind in _documents() if d.startswith(incomplete)})


def agreement_ids(incomplete: str) -> list[str]:
    return sorted(
        {d for d, kind in _documents() if kind == "agreement" and d.startswith(incomplete)}
    )


def due_refs(incomplete: str) -> list[tuple[str, str]]:
    """The references of the open occasions `trygg due` lists here, with their titles."""
    from datetime import date

    from trygg_cli.due.run import DueQuery, run_due

    try:
        outcome = run_due(["."], DueQuery(as_of=date.today()), cache=True)
    except Exception:  # completion must never break the shell: offer nothing instead
        return []
    return [
        (o.ref, f"{o.due} {o.title}")
        for o in outcome.shown
        if o.done is None and o.ref.startswith(incomplete.lower())
    ]
