"""``trygg diff`` output: text for the terminal, Markdown for a pull request, JSON, --stat.

What the documents say reaches every format masked (no personnummer; a pull-request
comment is as public as the repository) and, in text and Markdown, with control
characters and direction overrides escaped (:func:`~trygg_cli.textout.printable_line`,
:func:`~trygg_cli.textout.md_cell`)."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from pydantic import BaseModel

from trygg_cli.diff.compare import format_path
from trygg_cli.diff.run import DiffResult, DocumentDiff
from trygg_cli.i18n import N_, _, plural
from trygg_cli.identity_numbers import mask_data, mask_text
from trygg_cli.nouns import KIND_NOUNS
from trygg_cli.textout import md_cell, md_code, printable_line

JSON_VERSION = 1
_DETAIL_CHARS = 300


@dataclass(frozen=True)
class DiffReportContext:
    color: bool = False
    stat: bool = False


def _heading(document: DocumentDiff) -> str:
    if document.status == "unreadable":
        return _("{path} (could not be read in {side})").format(
            path=document.new_path or document.old_path, side=document.side
        )
    noun = _(KIND_NOUNS.get(document.kind, "document"))
    return _("{kind} {title} ({id})").format(
        kind=noun[:1].upper() + noun[1:], title=document.title, id=document.doc_id
    )


def summary(result: DiffResult) -> str:
    """``2 documents changed, 1 added, 1 removed: 7 changes`` or ``No changes.``"""
    if not result.documents:
        return _("No changes between {old} and {new}.").format(old=result.old, new=result.new)
    counts = result.counts()
    parts = [
        plural(counts[status], one, many)
        for status, one, many in (
            ("changed", N_("{n} document changed"), N_("{n} documents changed")),
            ("added", N_("{n} added"), N_("{n} added")),
            ("removed", N_("{n} removed"), N_("{n} removed")),
            ("moved", N_("{n} moved"), N_("{n} moved")),
            ("unreadable", N_("{n} could not be read"), N_("{n} could not be read")),
        )
        if counts[status]
    ]
    return _("{parts}: {changes} from {old} to {new}.").format(
        parts=", ".join(parts),
        changes=plural(counts["changes"], N_("{n} change"), N_("{n} changes")),
        old=result.old,
        new=result.new,
    )


def _cut(text: str) -> str:
    """On one line, masked, then shortened (a number is masked before it can be cut)."""
    text = " ".join(mask_text(text).split())
    return text if len(text) <= _DETAIL_CHARS else text[: _DETAIL_CHARS - 1] + "…"


def _problem(finding: Any) -> str:
    return f"{finding.path}:{finding.line}:{finding.column}: {finding.message}"


def text(result: DiffResult, context: DiffReportContext) -> str:
    """For the terminal: a heading per document, a sentence per change, each line masked
    and escaped."""
    bold = (lambda s: f"\x1b[1m{s}\x1b[0m") if context.color else (lambda s: s)
    out: list[str] = []
    for document in result.documents:
        count = len(document.narrated) or len(document.problems)
        heading = printable_line(_heading(document))
        if context.stat:
            out.append(
                _("{heading}: {changes}").format(
                    heading=heading,
                    changes=plural(count, N_("{n} change"), N_("{n} changes")),
                )
            )
            continue
        out.append(bold(heading))
        for narrated in document.narrated:
            out.append(f"  - {printable_line(narrated.sentence)}")
            if narrated.detail is not None:
                before, after = (printable_line(_cut(text)) for text in narrated.detail)
                out.append("      " + _("before: {text}").format(text=before))
                out.append("      " + _("now: {text}").format(text=after))
        for finding in document.problems:
            out.append(f"  ! {printable_line(_problem(finding))}")
        out.append("")
    out.append(printable_line(summary(result)))
    return "\n".join(out) + "\n"


def markdown(result: DiffResult, context: DiffReportContext) -> str:
    """For a pull request comment: a one-line summary, then a section per document;
    before-and-after texts folded away in ``<details>``."""
    out = [f"**{md_cell(summary(result))}**", ""]
    if context.stat:
        for document in result.documents:
            count = len(document.narrated) or len(document.problems)
            out.append(
                f"- {md_cell(_heading(document))}: "
                + plural(count, N_("{n} change"), N_("{n} changes"))
            )
        return "\n".join(out) + "\n"
    for document in result.documents:
        out += [f"### {md_cell(_heading(document))}", ""]
        for narrated in document.narrated:
            out.append(f"- {md_cell(narrated.sentence)}")
            if narrated.detail is not None:
                before, after = narrated.detail
                out += [
                    "  <details><summary>" + _("Before and after") + "</summary>",
                    "",
                    "  " + _("Before:") + " " + md_cell(_cut(before)),
                    "",
                    "  " + _("Now:") + " " + md_cell(_cut(after)),
                    "",
                    "  </details>",
                ]
        for finding in document.problems:
            out.append(f"- {md_code(_problem(finding))}")
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def _jsonable(value: Any) -> Any:
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json", by_alias=True, exclude_defaults=True)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    return value


def json_report(result: DiffResult, context: DiffReportContext) -> str:
    """Versioned, stable: see docs/diff-json.md."""
    documents = []
    for document in result.documents:
        documents.append(
            {
                "doc_id": document.doc_id,
                "kind": document.kind,
                "title": document.title,
                "status": document.status,
                "old_path": document.old_path,
                "new_path": document.new_path,
                "changes": [
                    {
                        "path": format_path(n.change.path),
                        "change": n.change.kind,
                        "old": _jsonable(n.change.old),
                        "new": _jsonable(n.change.new),
                        "sentence": n.sentence,
                    }
                    for n in document.narrated
                ]
                if not context.stat
                else len(document.narrated),
                "problems": [
                    {
                        "path": f.path,
                        "line": f.line,
                        "column": f.column,
                        "rule": f.rule,
                        "message": f.message,
                    }
                    for f in document.problems
                ],
            }
        )
    payload = {
        "version": JSON_VERSION,
        "tool": "trygg",
        "old": result.old,
        "new": result.new,
        "documents": documents,
        "summary": result.counts(),
    }
    return json.dumps(mask_data(payload), ensure_ascii=False, indent=2) + "\n"


DIFF_REPORTERS: dict[str, Callable[[DiffResult, DiffReportContext], str]] = {
    "text": text,
    "markdown": markdown,
    "json": json_report,
}
