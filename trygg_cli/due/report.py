"""Reporters for ``trygg due``: a dict of small functions from a plan to text. No printing.

Every reporter takes ``(plan, shown, today, context)``: ``shown`` is the occurrences to
print, already filtered by the command (``--within``, ``--overdue``, party, body …);
``plan`` gives the schedules that could not be placed and the completions that matched
nothing, which people must fix. Occurrences are grouped by :func:`bucket` in the order of
:data:`BUCKETS` (``done`` only when ``shown`` has done ones).

``icalendar`` is imported only by the ``ics`` reporter, so the other formats stay light.
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from trygg_cli.due.engine import bucket
from trygg_cli.due.occurrence import BUCKETS, Bucket, DuePlan, Occurrence, Unanchored, Unmatched
from trygg_cli.findings import YamlPath, format_yaml_path
from trygg_cli.i18n import N_, _, plural
from trygg_cli.jsonfmt import Encoded, dumps_records, encode, encode_text

JSON_VERSION = 1
PRODID = "-//trygg//trygg due//SV"


@dataclass(frozen=True)
class DueReportContext:
    """What due reports need besides the plan: ANSI colour (table only), trygg's version
    (shown in the markdown footer) and the terminal width (the table shortens titles to
    fit it where it can; lines are never wrapped)."""

    color: bool = False
    version: str = ""
    width: int = 100


DueReporter = Callable[[DuePlan, Sequence[Occurrence], date, DueReportContext], str]

# --------------------------------------------------------------------------- words

_MAIN_BUCKETS: tuple[Bucket, ...] = ("overdue", "within-30", "within-90", "later")

_BUCKET_HEADING: dict[str, str] = {
    "overdue": N_("Overdue"),
    "within-30": N_("Within 30 days"),
    "within-90": N_("In 31–90 days"),
    "later": N_("Later"),
    "done": N_("Done"),
}
_BUCKET_COUNT: dict[str, str] = {
    "overdue": N_("{n} overdue"),
    "within-30": N_("{n} within 30 days"),
    "within-90": N_("{n} in 31–90 days"),
    "later": N_("{n} later"),
    "done": N_("{n} done"),
}

# What an occurrence is, in plain English; keyed by item, or (item, document kind).
_LABEL: dict[str, str] = {
    "follow-up": N_("follow-up of the agreement"),
    "follow-up/action-plan": N_("follow-up of the action plan"),
    "evaluation": N_("evaluation of the agreement"),
    "revision": N_("revision of the agreement"),
    "final-follow-up": N_("final follow-up after the agreement period"),
    "final-follow-up/action-plan": N_("final follow-up after the plan period"),
    "validity-end": N_("renegotiation before the agreement ends"),
    "meeting": N_("meeting"),
    "occasion": N_("recurring occasion"),
    "priority-review": N_("review of the annex priorities"),
    "priority-revision": N_("revision of the annex priorities"),
    "deadline": N_("action deadline"),
    "action": N_("recurring action"),
    "commitment": N_("commitment"),
    "promise-end": N_("end of the citizen promise"),
    "promise-follow-up": N_("follow-up of the citizen promise"),
}

# Calendar event titles: short, with the title after the colon.
_SUMMARY: dict[str, str] = {
    "follow-up": N_("Follow-up: {title}"),
    "evaluation": N_("Evaluation: {title}"),
    "revision": N_("Revision: {title}"),
    "final-follow-up": N_("Final follow-up: {title}"),
    "validity-end": N_("Renegotiation: {title}"),
    "meeting": N_("Meeting: {title}"),
    "occasion": N_("Occasion: {title}"),
    "priority-review": N_("Review of priorities: {title}"),
    "priority-revision": N_("Revision of priorities: {title}"),
    "deadline": N_("Deadline: {title}"),
    "action": N_("Action: {title}"),
    "commitment": N_("Commitment: {title}"),
    "promise-end": N_("Citizen promise ends: {title}"),
    "promise-follow-up": N_("Follow-up of citizen promise: {title}"),
}

_UNANCHORED_REASON: dict[str, str] = {
    "no-start": N_(
        "cannot be placed in time: the document's start is unknown; give the schedule `first:`"
    ),
    "no-event-date": N_("cannot be placed in time: the event in `first:` has no recorded date"),
}
_UNMATCHED_REASON: dict[str, str] = {
    "no-such-occasion": N_("completion of {date} matches no planned occasion"),
    "before-first": N_("completion of {date} is before the first planned occasion"),
    "already-done": N_("completion of {date} names an occasion that is already done"),
}


def label(item: str, doc_kind: str = "") -> str:
    """The item in plain words (translated): ``follow-up of the agreement``, ``meeting`` …"""
    message = _LABEL.get(f"{item}/{doc_kind}") or _LABEL.get(item)
    return _(message) if message else item


def _days_overdue(count: int) -> str:
    return plural(count, N_("{n} day overdue"), N_("{n} days overdue"))


def _grace(count: int) -> str:
    return plural(count, N_("about: {n} day's grace"), N_("about: {n} days' grace"))


def note(occurrence: Occurrence, today: date, earlier: int = 0) -> str:
    """What the table adds after the source: days overdue, grace, or when it was done —
    and how many earlier occasions of the same item are overdue too."""
    parts: list[str] = []
    if earlier:
        parts.append(
            plural(
                earlier,
                N_("{n} earlier occasion also overdue"),
                N_("{n} earlier occasions also overdue"),
            )
        )
    if occurrence.done is not None:
        parts.append(_("done {date}").format(date=occurrence.done.isoformat()))
    elif occurrence.due < today:
        days = (today - occurrence.due).days
        if bucket(occurrence, today) == "overdue":
            parts.append(_days_overdue(days))
        else:
            parts.append(
                plural(days, N_("{n} day past due"), N_("{n} days past due"))
                + _(", within the grace")
            )
    if occurrence.tolerance_days and occurrence.done is None:
        parts.append(_grace(occurrence.tolerance_days))
    return "; ".join(parts)


# --------------------------------------------------------------------------- shared


def _bucketed(shown: Sequence[Occurrence], today: date) -> dict[Bucket, list[Occurrence]]:
    """The occurrences by bucket (every bucket present), each sorted by due date."""
    groups: dict[Bucket, list[Occurrence]] = {name: [] for name in BUCKETS}
    for occurrence in shown:
        groups[bucket(occurrence, today)].append(occurrence)
    for members in groups.values():
        members.sort(key=Occurrence.sort_key)
    return groups


def group(
    shown: Sequence[Occurrence], today: date, *, collapse: bool = False
) -> list[tuple[Bucket, list[Occurrence]]]:
    """The occurrences by bucket, in the order of :data:`BUCKETS`, each sorted by due date;
    empty buckets are left out. With ``collapse``, only the latest overdue occasion of
    each item is kept (see :meth:`Grouped.earlier_overdue` for how many were left out): eight
    years of unrecorded meetings are one line to act on, not thirty."""
    return Grouped.of(shown, today).sections(collapse=collapse)


@dataclass(frozen=True)
class Grouped:
    """The shown occurrences by bucket, sorted once for a whole report."""

    buckets: dict[Bucket, list[Occurrence]]

    @classmethod
    def of(cls, shown: Sequence[Occurrence], today: date) -> Grouped:
        return cls(_bucketed(shown, today))

    def sections(self, *, collapse: bool = False) -> list[tuple[Bucket, list[Occurrence]]]:
        """See :func:`group`."""
        groups = dict(self.buckets)
        if collapse:
            latest: dict[tuple[str, str, str], Occurrence] = {}
            for occurrence in groups["overdue"]:
                latest[_item_key(occurrence)] = occurrence
            groups["overdue"] = list(latest.values())
        return [(name, groups[name]) for name in BUCKETS if groups[name]]

    def earlier_overdue(self) -> dict[tuple[str, str, str], int]:
        """Per item, how many overdue occasions there are before its latest overdue one."""
        total: dict[tuple[str, str, str], int] = {}
        for occurrence in self.buckets["overdue"]:
            key = _item_key(occurrence)
            total[key] = total.get(key, 0) + 1
        return {key: count - 1 for key, count in total.items() if count > 1}

    def counts(self) -> dict[str, int]:
        """Occurrences per bucket: the four main buckets always, ``done`` when any."""
        out: dict[str, int] = {name: len(self.buckets[name]) for name in _MAIN_BUCKETS}
        if self.buckets["done"]:
            out["done"] = len(self.buckets["done"])
        return out

    def summary_line(self) -> str:
        """``3 overdue, 2 within 30 days, 0 in 31–90 days, 5 later``"""
        return ", ".join(_(_BUCKET_COUNT[name]).format(n=n) for name, n in self.counts().items())


def _item_key(occurrence: Occurrence) -> tuple[str, str, str]:
    return occurrence.doc_id, occurrence.item, occurrence.item_id


def summary_line(shown: Sequence[Occurrence], today: date) -> str:
    """``3 overdue, 2 within 30 days, 0 in 31–90 days, 5 later``"""
    return Grouped.of(shown, today).summary_line()


def _one_line(value: str) -> str:
    return " ".join(value.split())


def _printable(value: str) -> str:
    """On one line, with no control characters that could drive a terminal."""
    if value.isprintable():
        return _one_line(value)
    return "".join(
        ch if ch.isprintable() else ch.encode("unicode_escape").decode("ascii")
        for ch in _one_line(value)
    )


@functools.lru_cache(maxsize=4096)
def _char_cells(ch: str) -> int:
    if unicodedata.combining(ch):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def _cells(value: str) -> int:
    """Terminal cells ``value`` takes (wide characters two, combining marks none)."""
    if value.isascii():
        return len(value)
    return sum(map(_char_cells, value))


def _pad(value: str, width: int) -> str:
    return value + " " * max(0, width - _cells(value))


def _cut(value: str, width: int) -> str:
    """``value`` shortened with ``…`` to at most ``width`` cells."""
    if _cells(value) <= width:
        return value
    used = 0
    for end, ch in enumerate(value):
        used += _char_cells(ch)
        if used > width - 1:
            return value[:end] + "…"
    return value


def _source(path: str, line: int) -> str:
    return f"{path}:{line}"


def _unanchored_message(u: Unanchored) -> str:
    return _("{what}: {reason}").format(
        what=label(u.item), reason=_(_UNANCHORED_REASON.get(u.reason, u.reason))
    )


def _unmatched_message(u: Unmatched) -> str:
    message = _(_UNMATCHED_REASON.get(u.reason, u.reason)).format(date=u.date.isoformat())
    if u.occurrence is not None:
        occasion = u.occurrence.isoformat() if isinstance(u.occurrence, date) else u.occurrence
        message += _(" (occurrence: {occasion})").format(occasion=occasion)
    return message


def _problems(plan: DuePlan) -> list[tuple[str, str, str]]:
    """``(path:line:column, document id, message)`` for what the coordinator must fix."""
    rows = [
        (f"{u.path}:{u.line}:{u.column}", u.doc_id, _unanchored_message(u)) for u in plan.unanchored
    ]
    rows += [
        (f"{u.path}:{u.line}:{u.column}", u.doc_id, _unmatched_message(u)) for u in plan.unmatched
    ]
    return rows


# --------------------------------------------------------------------------- table

_RESET = "\x1b[0m"
_BOLD = "\x1b[1m"
_DIM = "\x1b[2m"
_BUCKET_COLOR: dict[str, str] = {
    "overdue": "\x1b[1;31m",
    "within-30": "\x1b[1;33m",
    "within-90": "\x1b[1;36m",
    "later": _BOLD,
    "done": "\x1b[1;32m",
}
_MIN_TITLE = 24


def _paint(code: str, value: str, color: bool) -> str:
    return f"{code}{value}{_RESET}" if color and value else value


def table(
    plan: DuePlan, shown: Sequence[Occurrence], today: date, context: DueReportContext
) -> str:
    """For people: per bucket a heading with its count and one aligned line per
    occurrence (due, what, title, document, source ``path:line``, note), then what must be
    fixed and a one-line summary. Titles are shortened to fit ``context.width`` where the
    other columns leave room; lines are never wrapped."""
    color = context.color
    grouped = Grouped.of(shown, today)
    earlier = grouped.earlier_overdue()
    sections = [
        (
            name,
            [
                (
                    o,
                    [
                        o.due.isoformat(),
                        _printable(label(o.item, o.doc_kind)),
                        _printable(o.title),
                        _printable(o.doc_id),
                        _printable(_source(o.path, o.line)),
                        note(o, today, earlier.get(_item_key(o), 0) if name == "overdue" else 0),
                    ],
                )
                for o in members
            ],
        )
        for name, members in grouped.sections(collapse=True)
    ]
    rows = [row for _name, section in sections for row in section]
    widths = [max((_cells(cells[i]) for _o, cells in rows), default=0) for i in range(5)]
    note_width = max((_cells(cells[5]) for _o, cells in rows), default=0)
    fixed = 2 + sum(widths) - widths[2] + 2 * 4 + (2 + note_width if note_width else 0)
    widths[2] = min(widths[2], max(_MIN_TITLE, context.width - fixed))
    out: list[str] = []
    total = grouped.counts()
    for name, section in sections:
        heading = f"{_(_BUCKET_HEADING[name])} ({total[name]})"
        out.append(_paint(_BUCKET_COLOR[name], heading, color))
        for occurrence, cells in section:
            due, what, title, doc, source, extra = cells
            title = _cut(title, widths[2])
            line = "  " + "  ".join(
                (
                    _pad(due, widths[0]),
                    _pad(what, widths[1]),
                    _pad(title, widths[2]),
                    _pad(doc, widths[3]),
                    _paint(_DIM, _pad(source, widths[4]) if extra else source, color),
                )
            )
            if extra:
                overdue = bucket(occurrence, today) == "overdue"
                line += "  " + _paint(_BUCKET_COLOR["overdue"], extra, color and overdue)
            out.append(line.rstrip())
        out.append("")
    problems = _problems(plan)
    if problems:
        heading = plural(len(problems), N_("To fix ({n} problem)"), N_("To fix ({n} problems)"))
        out.append(_paint(_BOLD, heading, color))
        place_width = max(_cells(_printable(p)) for p, _d, _m in problems)
        doc_width = max(_cells(_printable(d)) for _p, d, _m in problems)
        for place, doc_id, message in problems:
            out.append(
                "  "
                + _paint(_DIM, _pad(_printable(place), place_width), color)
                + "  "
                + _pad(_printable(doc_id), doc_width)
                + "  "
                + _printable(message)
            )
        out.append("")
    if not shown:
        out.append(_("Nothing due."))
    out.append(
        _("{counts} (as of {date}).").format(counts=grouped.summary_line(), date=today.isoformat())
    )
    return "\n".join(out) + "\n"


# --------------------------------------------------------------------------- json


def occurrence_dict(occurrence: Occurrence, today: date) -> dict[str, Any]:
    """One item of the JSON report (see docs/due-json.md): first the occasion, then the
    item it is an occasion of."""
    o = occurrence
    return {
        "bucket": bucket(o, today),
        "due": o.due.isoformat(),
        "planned": o.planned.isoformat(),
        "occasion": o.occasion,
        "done": o.done.isoformat() if o.done is not None else None,
        "key": o.key,
        **_item_dict(o),
    }


def _item_dict(o: Occurrence) -> dict[str, Any]:
    """The fields every occasion of one item shares."""
    return {
        "item": o.item,
        "item_id": o.item_id,
        "title": o.title,
        "doc_id": o.doc_id,
        "doc_kind": o.doc_kind,
        "path": o.path,
        "line": o.line,
        "column": o.column,
        "yaml_path": format_yaml_path(o.yaml_path),
        "qualifier": o.qualifier,
        "tolerance_days": o.tolerance_days,
        "parties": list(o.parties),
        "bodies": list(o.bodies),
        "text": o.text,
    }


def _unanchored_dict(u: Unanchored) -> dict[str, Any]:
    return {
        "path": u.path,
        "line": u.line,
        "column": u.column,
        "yaml_path": format_yaml_path(u.yaml_path),
        "doc_id": u.doc_id,
        "item": u.item,
        "reason": u.reason,
    }


def _unmatched_dict(u: Unmatched) -> dict[str, Any]:
    occurrence: int | str | None = (
        u.occurrence.isoformat() if isinstance(u.occurrence, date) else u.occurrence
    )
    return {
        "path": u.path,
        "line": u.line,
        "column": u.column,
        "yaml_path": format_yaml_path(u.yaml_path),
        "doc_id": u.doc_id,
        "date": u.date.isoformat(),
        "occurrence": occurrence,
        "reason": u.reason,
    }


def json_report(
    plan: DuePlan, shown: Sequence[Occurrence], today: date, context: DueReportContext
) -> str:
    """The versioned JSON shape documented in docs/due-json.md."""
    grouped = Grouped.of(shown, today)
    payload = {
        "version": JSON_VERSION,
        "tool": "trygg",
        "as_of": today.isoformat(),
        "items": _encoded_items(grouped.sections()),
        "unanchored": [_unanchored_dict(u) for u in plan.unanchored],
        "unmatched": [_unmatched_dict(u) for u in plan.unmatched],
        "summary": grouped.counts(),
    }
    return dumps_records(payload)


def _encoded_items(grouped: list[tuple[Bucket, list[Occurrence]]]) -> list[Encoded]:
    """:func:`occurrence_dict` of each occurrence, bucket by bucket, already encoded.

    What an item's occasions share (title, document, source, parties …) is encoded once
    per item: a national corpus shows some 40,000 occasions of 13,000 items.
    """
    shared: dict[tuple[str, str, str, YamlPath], str] = {}
    out: list[Encoded] = []
    for name, members in grouped:
        for o in members:
            item = (o.doc_id, o.item, o.item_id, o.yaml_path)
            tail = shared.get(item)
            if tail is None:
                tail = shared[item] = encode(_item_dict(o))[1:]
            done = f'"{o.done.isoformat()}"' if o.done is not None else "null"
            out.append(
                Encoded(
                    f'{{"bucket": "{name}", "due": "{o.due.isoformat()}", '
                    f'"planned": "{o.planned.isoformat()}", '
                    f'"occasion": {encode_text(o.occasion)}, "done": {done}, '
                    f'"key": {encode_text(o.key)}, {tail}'
                )
            )
    return out


# --------------------------------------------------------------------------- markdown

_MD_SPECIAL = str.maketrans(
    {c: "\\" + c for c in "\\`*_[]<>|~#!"} | {"\r": " ", "\n": " ", "@": "@\u200b"}
)


def md_cell(value: str) -> str:
    """Text for a Markdown table cell: one line, ``|`` and inline markup escaped, and no
    ``@mention`` (a zero-width space after ``@``) so an issue body pings nobody."""
    return _one_line(value).translate(_MD_SPECIAL)


def md_code(value: str) -> str:
    """``value`` as inline code in a table cell (``|`` escaped as GFM tables require)."""
    value = _one_line(value).replace("|", "\\|")
    fence = "``" if "`" in value else "`"
    pad = " " if "`" in value else ""
    return f"{fence}{pad}{value}{pad}{fence}"


def markdown(
    plan: DuePlan, shown: Sequence[Occurrence], today: date, context: DueReportContext
) -> str:
    """For an issue body: the summary, then per bucket a heading and a table
    (due | what | title | document | source), then what must be fixed."""
    grouped = Grouped.of(shown, today)
    out = [
        _("**{counts}** as of {date}.").format(
            counts=grouped.summary_line(), date=today.isoformat()
        ),
        "",
    ]
    headers = (_("Due"), _("What"), _("Title"), _("Document"), _("Source"))
    earlier = grouped.earlier_overdue()
    total = grouped.counts()
    for name, members in grouped.sections(collapse=True):
        out += [f"## {_(_BUCKET_HEADING[name])} ({total[name]})", ""]
        out.append("| " + " | ".join(md_cell(h) for h in headers) + " |")
        out.append("|" + "---|" * len(headers))
        for o in members:
            extra = note(o, today, earlier.get(_item_key(o), 0) if name == "overdue" else 0)
            due = o.due.isoformat() + (f" ({extra})" if extra else "")
            cells = (
                md_cell(due),
                md_cell(label(o.item, o.doc_kind)),
                md_cell(o.title),
                md_code(o.doc_id),
                md_code(_source(o.path, o.line)),
            )
            out.append("| " + " | ".join(cells) + " |")
        out.append("")
    if not shown:
        out += [_("Nothing due."), ""]
    problems = _problems(plan)
    if problems:
        out += [f"## {_('To fix')} ({len(problems)})", ""]
        out += [
            f"- {md_code(place)} {md_code(doc_id)}: {md_cell(message)}"
            for place, doc_id, message in problems
        ]
        out.append("")
    tool = f"trygg {context.version}" if context.version else "trygg"
    footer = _("Made by {tool} ({command}).").format(tool=md_cell(tool), command="`trygg due`")
    out.append(f"<sub>{footer}</sub>")
    return "\n".join(out) + "\n"


# --------------------------------------------------------------------------- ics


def summary(occurrence: Occurrence) -> str:
    """A calendar event's title: ``Follow-up: <title>`` (translated)."""
    message = _SUMMARY.get(occurrence.item, "{title}")
    return _(message).format(title=_one_line(occurrence.title))


def _description(occurrence: Occurrence) -> str:
    o = occurrence
    lines: list[str] = []
    if o.text:
        lines += [o.text.strip(), ""]
    lines.append(_("What: {what}").format(what=label(o.item, o.doc_kind)))
    lines.append(_("Document: {doc_id}").format(doc_id=o.doc_id))
    lines.append(_("Source: {source}").format(source=_source(o.path, o.line)))
    if o.planned != o.due:
        lines.append(
            _("Planned for {planned}, moved to the previous working day.").format(
                planned=o.planned.isoformat()
            )
        )
    if o.tolerance_days:
        lines.append(_grace(o.tolerance_days))
    if o.done is not None:
        lines.append(_("Done {date}.").format(date=o.done.isoformat()))
    return "\n".join(lines)


def ics(plan: DuePlan, shown: Sequence[Occurrence], today: date, context: DueReportContext) -> str:
    """iCalendar (RFC 5545): one all-day VEVENT per occurrence, ``UID`` from the
    occurrence's key (stable across runs and edits that do not change the plan),
    ``DTSTAMP`` at the as-of date 00:00 UTC so the same input gives the same bytes.
    Lines end in CRLF, as the standard requires: write the text without newline
    translation."""
    from icalendar import Calendar, Event  # lazily: only this format needs it

    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", _("trygg: what is due"))
    stamp = datetime.combine(today, time(0), tzinfo=UTC)
    for _name, members in group(shown, today):
        for o in members:
            event = Event()
            event.add("uid", f"{o.key}@trygg")
            event.add("dtstamp", stamp)
            event.add("dtstart", o.due)
            event.add("dtend", o.due + timedelta(days=1))
            event.add("summary", summary(o))
            event.add("description", _description(o))
            event.add("categories", [o.item])
            event.add("transp", "TRANSPARENT")
            calendar.add_component(event)
    ical: bytes = calendar.to_ical()
    return ical.decode("utf-8")


DUE_REPORTERS: dict[str, DueReporter] = {
    "table": table,
    "json": json_report,
    "markdown": markdown,
    "ics": ics,
}
"""``trygg due --format NAME``: table for people, json, markdown for an issue body, ics."""
