"""``trygg due --format markdown``: for an issue body or an e-mail."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date

from trygg_cli.date_words import long_date
from trygg_cli.due.occurrence import DuePlan, Occurrence
from trygg_cli.due.report.context import DueReportContext, unread_sentence
from trygg_cli.due.report.grouping import Grouped, item_key
from trygg_cli.due.report.words import (
    BUCKET_HEADING,
    ENDED_DECISION,
    ENDED_HEADING,
    TIED_HEADING,
    UNRECORDED_HEADING,
    document_kind,
    ended_when,
    label,
    note,
    overdue_heading,
    problems,
    source,
    unrecorded_note,
    when_tied,
)
from trygg_cli.i18n import _
from trygg_cli.textout import md_cell, md_code


def _summary(grouped: Grouped, today: date, context: DueReportContext) -> list[str]:
    """The summary line, and under it the files that could not be read: an issue body must
    not look complete when what they schedule is missing."""
    out = [
        _("**{counts}** as of {date}.").format(
            counts=grouped.summary_line(), date=long_date(today)
        ),
        "",
    ]
    if context.unread:
        out += [md_cell(unread_sentence(len(context.unread))), ""]
    return out


def markdown(
    plan: DuePlan, shown: Sequence[Occurrence], today: date, context: DueReportContext
) -> str:
    """For an issue body: the summary, then per bucket a heading and a table
    (due | what | title | document | source), then what must be fixed."""
    return "".join(markdown_lines(plan, shown, today, context))


def markdown_lines(
    plan: DuePlan, shown: Sequence[Occurrence], today: date, context: DueReportContext
) -> Iterator[str]:
    """:func:`markdown` line by line."""
    grouped = Grouped.of(shown, today)
    for line in _summary(grouped, today, context):
        yield line + "\n"
    headers = (_("Due"), _("What"), _("Title"), _("Document"), _("Source"))
    earlier = grouped.earlier_overdue()
    total = grouped.counts()
    for name, members in grouped.sections(collapse=True):
        heading = f"{_(BUCKET_HEADING[name])} ({total[name]})"
        if name == "overdue":
            heading = overdue_heading(len(members), total[name])
        yield f"## {heading}\n\n"
        yield "| " + " | ".join(md_cell(h) for h in headers) + " |\n"
        yield "|" + "---|" * len(headers) + "\n"
        for o in members:
            extra = note(o, today, earlier.get(item_key(o), 0) if name == "overdue" else 0)
            due = o.due.isoformat() + (f" ({extra})" if extra else "")
            cells = (
                md_cell(due),
                md_cell(label(o.item, o.doc_kind)),
                md_cell(o.title),
                md_code(o.doc_id),
                md_code(source(o.path, o.line)),
            )
            yield "| " + " | ".join(cells) + " |\n"
        yield "\n"
    out: list[str] = []
    if not shown and not plan.ended:
        out += [_("Nothing due."), ""]
    out += _apart(plan)
    if plan.tied:
        out += [f"## {_(TIED_HEADING)} ({len(plan.tied)})", ""]
        out.append("| " + " | ".join(md_cell(h) for h in (_("When"), *headers[1:])) + " |")
        out.append("|" + "---|" * len(headers))
        for t in plan.tied:
            cells = (
                md_cell(when_tied(t)),
                md_cell(label(t.item, t.doc_kind)),
                md_cell(t.title),
                md_code(t.doc_id),
                md_code(source(t.path, t.line)),
            )
            out.append("| " + " | ".join(cells) + " |")
        out.append("")
    to_fix = problems(plan)
    if to_fix:
        out += [f"## {_('To fix')} ({len(to_fix)})", ""]
        out += [
            f"- {md_code(f'{f.path}:{f.line}:{f.column}')} {md_code(doc_id)}: {md_cell(f.message)}"
            for f, doc_id in to_fix
        ]
        out.append("")
    tool = f"trygg {context.version}" if context.version else "trygg"
    footer = _("Made by {tool} ({command}).").format(tool=md_cell(tool), command="`trygg due`")
    out.append(f"<sub>{footer}</sub>")
    for line in out:
        yield line + "\n"


def _apart(plan: DuePlan) -> list[str]:
    """Documents that ended without a successor, and (with ``--done``) routine cadences
    with no completion recorded: each a list apart from the buckets."""
    out: list[str] = []
    if plan.ended:
        out += [f"## {_(ENDED_HEADING)} ({len(plan.ended)})", ""]
        out += [
            f"- {md_cell(ended_when(e))}: {md_cell(document_kind(e.doc_kind))} "
            f"{md_code(e.doc_id)} ({md_cell(e.title)}), {md_code(source(e.path, e.line))} — "
            + md_cell(_(ENDED_DECISION))
            for e in plan.ended
        ]
        out.append("")
    if plan.unrecorded:
        out += [f"## {_(UNRECORDED_HEADING)} ({len(plan.unrecorded)})", ""]
        out += [
            f"- {md_cell(label(u.item, u.doc_kind))}: {md_cell(u.title)}, {md_code(u.doc_id)}, "
            f"{md_code(source(u.path, u.line))} — {md_cell(unrecorded_note(u))}"
            for u in plan.unrecorded
        ]
        out.append("")
    return out
