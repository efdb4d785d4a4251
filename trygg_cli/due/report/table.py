"""``trygg due`` for people: aligned columns per bucket, what to fix, one summary line."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date

from trygg_cli.date_words import long_date
from trygg_cli.due.engine import bucket
from trygg_cli.due.occurrence import Bucket, DuePlan, Ended, Occurrence, Tied, Unrecorded
from trygg_cli.due.report.context import DueReportContext
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
from trygg_cli.i18n import N_, _, plural
from trygg_cli.textout import BOLD, DIM, cells, cut, pad, paint, printable_line

_BUCKET_COLOR: dict[str, str] = {
    "overdue": "\x1b[1;31m",
    "within-30": "\x1b[1;33m",
    "within-90": "\x1b[1;36m",
    "later": BOLD,
    "done": "\x1b[1;32m",
}
_MIN_TITLE = 24

_Row = tuple[Occurrence, list[str]]  # due and ref, what, title, document, source, note


def table(
    plan: DuePlan, shown: Sequence[Occurrence], today: date, context: DueReportContext
) -> str:
    """For people: per bucket a heading with its count and one aligned line per
    occurrence (due, its reference for `trygg done`, what, title, document, source
    ``path:line``, note), then what must be
    fixed and a one-line summary. Titles are shortened to fit ``context.width`` where the
    other columns leave room; lines are never wrapped."""
    return "".join(table_lines(plan, shown, today, context))


def table_lines(
    plan: DuePlan, shown: Sequence[Occurrence], today: date, context: DueReportContext
) -> Iterator[str]:
    """:func:`table` line by line: the columns' widths are measured over every row
    first, then each row is made again as it is written (rows are not kept)."""
    grouped = Grouped.of(shown, today)
    sections = grouped.sections(collapse=True)
    earlier = grouped.earlier_overdue()
    widths = [0] * 5
    note_width = 0
    for name, members in sections:
        for o in members:
            columns = _columns(o, name, today, earlier)
            widths = [max(w, cells(c)) for w, c in zip(widths, columns, strict=False)]
            note_width = max(note_width, cells(columns[5]))
    fixed = 2 + sum(widths) - widths[2] + 2 * 4 + (2 + note_width if note_width else 0)
    widths[2] = min(widths[2], max(_MIN_TITLE, context.width - fixed))
    total = grouped.counts()
    for name, members in sections:
        heading = f"{_(BUCKET_HEADING[name])} ({total[name]})"
        if name == "overdue":
            heading = overdue_heading(len(members), total[name])
        yield paint(_BUCKET_COLOR[name], heading, context.color) + "\n"
        for o in members:
            row = (o, _columns(o, name, today, earlier))
            yield _line(row, widths, today, context.color) + "\n"
        yield "\n"
    out = _ended(plan.ended, context.color)
    out += _unrecorded(plan.unrecorded, context.color)
    out += _tied(plan.tied, context.color)
    out += _to_fix(plan, context.color)
    if not shown and not plan.ended:
        out.append(_("Nothing due."))
    out.append(
        _("{counts} (as of {date}).").format(counts=grouped.summary_line(), date=long_date(today))
    )
    for line in out:
        yield line + "\n"


def _columns(
    o: Occurrence, name: Bucket, today: date, earlier: dict[tuple[str, str, str], int]
) -> list[str]:
    """A row's cells: due and ref, what, title, document, source, note."""
    return [
        f"{o.due.isoformat()}  {o.ref}",
        printable_line(label(o.item, o.doc_kind)),
        printable_line(o.title),
        printable_line(o.doc_id),
        printable_line(source(o.path, o.line)),
        note(o, today, earlier.get(item_key(o), 0) if name == "overdue" else 0),
    ]


def _line(row: _Row, widths: list[int], today: date, color: bool) -> str:
    occurrence, (due, what, title, doc, where, extra) = row
    line = "  " + "  ".join(
        (
            pad(due, widths[0]),
            pad(what, widths[1]),
            pad(cut(title, widths[2]), widths[2]),
            pad(doc, widths[3]),
            paint(DIM, pad(where, widths[4]) if extra else where, color),
        )
    )
    if extra:
        overdue = bucket(occurrence, today) == "overdue"
        line += "  " + paint(_BUCKET_COLOR["overdue"], extra, color and overdue)
    return line.rstrip()


def _aligned(heading: str, rows: Sequence[tuple[str, ...]], color: bool) -> list[str]:
    """A section apart from the buckets: its heading, then aligned rows whose
    second-to-last cell is a source (dimmed) and last a note."""
    if not rows:
        return []
    widths = [max(cells(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = [paint(BOLD, f"{heading} ({len(rows)})", color)]
    for row in rows:
        padded = [pad(cell, width) for cell, width in zip(row[:-2], widths, strict=False)]
        where = paint(DIM, pad(row[-2], widths[-2]), color)
        lines.append("  " + "  ".join([*padded, where, row[-1]]).rstrip())
    return [*lines, ""]


def _ended(ended: Sequence[Ended], color: bool) -> list[str]:
    """Documents that ended without a successor: when, what, title, document, source,
    what to decide."""
    rows = [
        (
            ended_when(e),
            document_kind(e.doc_kind),
            printable_line(cut(e.title, _MIN_TITLE)),
            printable_line(e.doc_id),
            printable_line(source(e.path, e.line)),
            _(ENDED_DECISION),
        )
        for e in ended
    ]
    return _aligned(_(ENDED_HEADING), rows, color)


def _unrecorded(unrecorded: Sequence[Unrecorded], color: bool) -> list[str]:
    """Routine cadences with no completion recorded (listed with ``--done``)."""
    rows = [
        (
            printable_line(label(u.item, u.doc_kind)),
            printable_line(cut(u.title, _MIN_TITLE)),
            printable_line(u.doc_id),
            printable_line(source(u.path, u.line)),
            unrecorded_note(u),
        )
        for u in unrecorded
    ]
    return _aligned(_(UNRECORDED_HEADING), rows, color)


def _tied(tied: Sequence[Tied], color: bool) -> list[str]:
    """Schedules tied to meetings or events: when (in words), what, title, document,
    source; no dates, so apart from the buckets."""
    if not tied:
        return []
    rows = [
        (
            printable_line(when_tied(t)),
            printable_line(label(t.item, t.doc_kind)),
            printable_line(cut(t.title, _MIN_TITLE)),
            printable_line(t.doc_id),
            printable_line(source(t.path, t.line)),
        )
        for t in tied
    ]
    widths = [max(cells(row[i]) for row in rows) for i in range(4)]
    lines = [paint(BOLD, f"{_(TIED_HEADING)} ({len(tied)})", color)]
    for row in rows:
        padded = [pad(cell, width) for cell, width in zip(row, widths, strict=False)]
        lines.append("  " + "  ".join([*padded, paint(DIM, row[4], color)]))
    return [*lines, ""]


def _to_fix(plan: DuePlan, color: bool) -> list[str]:
    found = [
        (printable_line(f"{f.path}:{f.line}:{f.column}"), printable_line(doc_id), f.message)
        for f, doc_id in problems(plan)
    ]
    if not found:
        return []
    heading = plural(len(found), N_("To fix ({n} problem)"), N_("To fix ({n} problems)"))
    place_width = max(cells(place) for place, _d, _m in found)
    doc_width = max(cells(doc_id) for _p, doc_id, _m in found)
    lines = [paint(BOLD, heading, color)]
    lines += [
        f"  {paint(DIM, pad(place, place_width), color)}  {pad(doc_id, doc_width)}  "
        + printable_line(message)
        for place, doc_id, message in found
    ]
    return [*lines, ""]
