"""One ``trygg report new`` run: read the documents, write the draft, check it."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from pathlib import Path

from trygg_cli.atomicfile import write_atomic
from trygg_cli.check import KEEP_DOCUMENT
from trygg_cli.errors import TryggError
from trygg_cli.followup.draft import Draft, draft, parse_occasion
from trygg_cli.i18n import _
from trygg_cli.workspace import load_paths


def new_follow_up(
    paths: Sequence[str],
    target_id: str,
    occasion: str,
    *,
    today: datetime.date,
    doc_id: str | None = None,
    jobs: int | None = None,
) -> Draft:
    """A draft follow-up of ``target_id`` at ``occasion`` from the documents in ``paths``;
    it is checked before it is returned."""
    from trygg_cli.check import check_source

    when = parse_occasion(occasion)
    workspace = load_paths(paths, jobs=jobs, passes=(KEEP_DOCUMENT,))
    made = draft(workspace.documents, target_id, when, today=today, doc_id=doc_id)
    result = check_source(f"{made.doc_id}.yaml", made.text.encode("utf-8"), passes=())
    if result.findings:  # a draft that is not valid is trygg's fault
        raise TryggError(
            _("the draft would not be valid ({message}); please report this").format(
                message=result.findings[0].message
            )
        )
    return made


def write_draft(made: Draft, path: Path, *, force: bool) -> bool:
    """Write the draft to ``path`` (whole, making its folder); whether it replaced a file.
    An existing file is replaced only with ``force``."""
    existed = path.exists()
    if existed and not force:
        raise TryggError(
            _(
                "{path} already exists; choose another name with -o, or replace it with --force"
            ).format(path=path)
        )
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, made.text)
    return existed
