"""``trygg due --format ics``: a calendar to import (RFC 5545).

What it holds (see :func:`ics`):

* **Upcoming occasions** by default: not done and due on or after the as-of date. What is
  overdue belongs in the table, not in the calendar as a past event; ``include_past``
  keeps everything shown (overdue, and done when asked for).
* **One event per series** where the cadence is regular: the upcoming occasions of one
  item become one ``VEVENT`` with an ``RRULE`` (``FREQ=YEARLY;INTERVAL=2`` for "2021 och
  därefter vartannat år", ``FREQ=MONTHLY;INTERVAL=4;BYMONTHDAY=-1`` for tertials …) and a
  ``COUNT``, so that it expands to exactly the occasions the table lists for the same
  horizon. When the holiday shift moves an occasion, the rule must give the moved dates
  too: a working-day rule (``BYMONTHDAY=-1,…,-7;BYDAY=MO,…,FR;BYSETPOS=-1``: the last
  weekday on or before the month's end, or before a few days that are never working
  days) is used when it reproduces every due date; if none does, the occasions stay
  separate events (``EXDATE``/``RDATE`` are not used: several calendar programs ignore
  ``RDATE``). Every rule is checked by expanding it (:func:`expand`) before it is
  written.
* **UIDs** stay the same across runs: a separate event's is its occurrence key
  (``doc/item/item-id/occasion@trygg``), a series' its item's (``doc/item/item-id/series@trygg``).
* **A reminder** (``VALARM``, ``remind_days`` before) on every obligation — follow-up,
  evaluation, revision, deadline, renegotiation, final follow-up, a promise's follow-up
  and end — and on routine occasions (meetings, recurring actions, commitments and
  occasions) only with ``remind_routine``.
* **Who is responsible** in the description, by name where the documents name them
  (:func:`names_by_document`), and the item's label in the user's language as
  ``CATEGORIES``.

``DTSTAMP`` is the as-of date at 00:00 UTC, so the same input gives the same bytes.
``icalendar`` is imported only when this format is asked for.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import TYPE_CHECKING, NamedTuple

from trygg_cli.due.calendar import add_months, month_end
from trygg_cli.due.extract import DocumentSchedules
from trygg_cli.due.occurrence import DuePlan, Occurrence
from trygg_cli.due.report.context import DueReportContext, DueReporter, DueStream
from trygg_cli.due.report.grouping import item_key
from trygg_cli.due.report.words import SUMMARY, grace, label, source
from trygg_cli.i18n import _
from trygg_cli.identity_numbers import mask_text
from trygg_cli.textout import one_line

if TYPE_CHECKING:
    from icalendar import Event

PRODID = "-//trygg//trygg due//SV"
DEFAULT_REMIND_DAYS = 14
YEARS_AHEAD = 3
"""Without ``--within`` the calendar plans to the end of the third year after the as-of
year, so that a cadence of every second year has a series to repeat."""

ROUTINE_ITEMS = frozenset({"meeting", "occasion", "action", "commitment"})
"""Routine cadences: no reminder unless asked for. Every other item is an obligation."""

Names = Mapping[str, Mapping[str, str]]
"""Per document id: the names of the parties, actors and bodies it can refer to, by id."""


@dataclass(frozen=True)
class IcsOptions:
    """What ``trygg due --format ics`` was asked for (see the module docstring)."""

    include_past: bool = False
    remind_days: int = DEFAULT_REMIND_DAYS
    remind_routine: bool = False
    names: Names = field(default_factory=dict)


def horizon(today: date) -> date:
    """The last day the calendar covers when no ``--within`` is given."""
    return date(today.year + YEARS_AHEAD, 12, 31)


def names_by_document(documents: Mapping[str, DocumentSchedules]) -> dict[str, dict[str, str]]:
    """The names each document's occurrences can refer to: its own parties, actors and
    bodies, and for an action plan its agreement's as well."""
    own = {
        doc_id: dict((*schedules.party_names, *schedules.body_names))
        for doc_id, schedules in documents.items()
    }
    out: dict[str, dict[str, str]] = {}
    for doc_id, schedules in documents.items():
        agreement = own.get(schedules.agreement or "", {})
        out[doc_id] = {**agreement, **own[doc_id]}
    return out


def summary(occurrence: Occurrence) -> str:
    """A calendar event's title: ``Follow-up: <title>`` (translated)."""
    message = SUMMARY.get(occurrence.item, "{title}")
    return _(message).format(title=one_line(occurrence.title))


def responsible(occurrence: Occurrence, names: Names) -> str:
    """The bodies and parties of an occurrence, by name where known, else by id."""
    known = names.get(occurrence.doc_id, {})
    ids = dict.fromkeys((*occurrence.bodies, *occurrence.parties))
    return ", ".join(one_line(known.get(i, i)) for i in ids)


# --------------------------------------------------------------------------- rules


class Rule(NamedTuple):
    """The recurrence rules this calendar writes: every ``interval`` years, months or
    weeks; within a month on ``monthdays`` (negative: from its end; empty: the first
    occasion's day); with ``weekdays`` the last Monday–Friday among those days."""

    freq: str
    interval: int
    month: int | None = None
    monthdays: tuple[int, ...] = ()
    weekdays: bool = False

    def text(self, count: int) -> str:
        parts = [f"FREQ={self.freq}", f"INTERVAL={self.interval}"]
        if self.month is not None:
            parts.append(f"BYMONTH={self.month}")
        if self.monthdays:
            parts.append("BYMONTHDAY=" + ",".join(map(str, self.monthdays)))
        if self.weekdays:
            parts += ["BYDAY=MO,TU,WE,TH,FR", "BYSETPOS=-1"]
        return ";".join([*parts, f"COUNT={count}"])


def _in_month(rule: Rule, year: int, month: int, day: int) -> date | None:
    last = month_end(year, month).day
    days = [d if d > 0 else last + 1 + d for d in rule.monthdays or (day,)]
    found = [date(year, month, d) for d in days if 1 <= d <= last]
    if rule.weekdays:
        found = [d for d in found if d.weekday() < 5]
        return max(found) if found else None
    return found[0] if len(found) == 1 else None


def expand(rule: Rule, first: date, count: int) -> list[date]:
    """The first ``count`` dates of ``rule`` from ``first`` (as RFC 5545 expands the rules
    this module writes, with ``first`` as DTSTART)."""
    if rule.freq == "WEEKLY":
        return [first + timedelta(weeks=rule.interval * k) for k in range(count)]
    step = rule.interval * (12 if rule.freq == "YEARLY" else 1)
    out: list[date] = []
    k = 0
    while len(out) < count and k < count * 4:
        start = add_months(first.replace(day=1), step * k)
        found = _in_month(rule, start.year, start.month, first.day)
        if found is not None and found >= first:
            out.append(found)
        k += 1
    return out


def _candidates(planned: Sequence[date]) -> Iterator[Rule]:
    """Rules that could give ``planned`` (they are checked by expanding them)."""
    first, second = planned[0], planned[1]
    days = (second - first).days
    if days % 7 == 0:
        yield Rule("WEEKLY", days // 7)
    months = (second.year - first.year) * 12 + second.month - first.month
    if months <= 0:
        return
    freq, interval = ("YEARLY", months // 12) if months % 12 == 0 else ("MONTHLY", months)
    month = first.month if freq == "YEARLY" else None
    if all(d == month_end(d.year, d.month) for d in planned):
        yield Rule(freq, interval, month, (-1,))
    yield Rule(freq, interval, month, (first.day,))


def _working_day_rules(rule: Rule) -> Iterator[Rule]:
    """The rule moved to the last weekday on or before its day, skipping ``skip`` days
    before it (the 31st of December is nyårsafton: the last weekday of 27–30 December)."""
    if rule.freq == "WEEKLY" or len(rule.monthdays) != 1:
        return
    day = rule.monthdays[0]
    for skip in range(4):
        if day < 0:
            days = tuple(day - skip - j for j in range(7))
        else:
            days = tuple(d for d in (day - skip - j for j in range(7)) if d >= 1)
        if days:
            yield rule._replace(monthdays=days, weekdays=True)


def series_rule(members: Sequence[Occurrence]) -> Rule | None:
    """A rule whose expansion from the first due date is exactly the due dates of
    ``members`` (one item's occasions, sorted), or None."""
    if len(members) < 2:
        return None
    planned = [o.planned for o in members]
    due = [o.due for o in members]
    for rule in _candidates(planned):
        if expand(rule, planned[0], len(planned)) != planned:
            continue
        if due == planned:
            return rule
        for moved in _working_day_rules(rule):
            if expand(moved, due[0], len(due)) == due:
                return moved
    return None


# --------------------------------------------------------------------------- events


def _description(o: Occurrence, names: Names, series: Rule | None) -> str:
    lines: list[str] = []
    if o.text:
        lines += [o.text.strip(), ""]
    lines.append(_("What: {what}").format(what=label(o.item, o.doc_kind)))
    who = responsible(o, names)
    if who:
        lines.append(_("Responsible: {who}").format(who=who))
    lines.append(_("Document: {doc_id}").format(doc_id=o.doc_id))
    lines.append(_("Source: {source}").format(source=source(o.path, o.line)))
    if series is not None:
        if series.weekdays:
            lines.append(_("A date on a weekend or holiday is moved to the working day before."))
    else:
        if o.planned != o.due:
            lines.append(
                _("Planned for {planned}, moved to the previous working day.").format(
                    planned=o.planned.isoformat()
                )
            )
        lines.append(_("Reference: {ref} (trygg due --explain {ref})").format(ref=o.ref))
    if o.tolerance_days:
        lines.append(grace(o.tolerance_days))
    if o.done is not None:
        lines.append(_("Done {date}.").format(date=o.done.isoformat()))
    return "\n".join(lines)


def _event(
    o: Occurrence, stamp: datetime, options: IcsOptions, series: Rule | None, count: int
) -> Event:
    """One event: an occasion, or with ``series`` the first of ``count`` occasions."""
    from icalendar import Alarm, Event, vRecur

    event = Event()
    uid = f"{o.doc_id}/{o.item}/{o.item_id}/series" if series is not None else o.key
    # Every text from the documents is masked before icalendar escapes and folds it.
    event.add("uid", mask_text(f"{uid}@trygg"))
    event.add("dtstamp", stamp)
    event.add("dtstart", o.due)
    event.add("dtend", o.due + timedelta(days=1))
    if series is not None:
        event.add("rrule", vRecur.from_ical(series.text(count)))
    event.add("summary", mask_text(summary(o)))
    event.add("description", mask_text(_description(o, options.names, series)))
    event.add("categories", [label(o.item, o.doc_kind)])
    event.add("transp", "TRANSPARENT")
    routine = o.item in ROUTINE_ITEMS
    if options.remind_days > 0 and (options.remind_routine or not routine) and o.done is None:
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", mask_text(summary(o)))
        alarm.add("trigger", timedelta(days=-options.remind_days))
        event.add_component(alarm)
    return event


def _events(
    shown: Sequence[Occurrence], today: date, options: IcsOptions
) -> Iterator[tuple[Occurrence, Rule | None, int]]:
    """What to write, in a stable order: each separate occasion, and each series (its
    first occasion, its rule and how many occasions it has)."""
    upcoming = [o for o in shown if o.done is None and o.due >= today]
    kept = sorted(shown if options.include_past else upcoming, key=Occurrence.sort_key)
    by_item: dict[tuple[str, str, str], list[Occurrence]] = {}
    for o in kept:
        if o.done is None and o.due >= today:
            by_item.setdefault(item_key(o), []).append(o)
    in_series: dict[tuple[str, str, str], Rule] = {}
    for key, members in by_item.items():
        rule = series_rule(members)
        if rule is not None:
            in_series[key] = rule
    for o in kept:
        rule = in_series.get(item_key(o))
        members = by_item.get(item_key(o), [])
        if rule is None or o.done is not None or o.due < today:
            yield o, None, 1
        elif o is members[0]:
            yield o, rule, len(members)


def ics(
    plan: DuePlan,
    shown: Sequence[Occurrence],
    today: date,
    context: DueReportContext,
    options: IcsOptions | None = None,
) -> str:
    """iCalendar (RFC 5545) as the module docstring describes. Lines end in CRLF, as the
    standard requires: write the text without newline translation."""
    return "".join(ics_lines(plan, shown, today, context, options))


_END = "END:VCALENDAR\r\n"


def ics_lines(
    plan: DuePlan,
    shown: Sequence[Occurrence],
    today: date,
    context: DueReportContext,
    options: IcsOptions | None = None,
) -> Iterator[str]:
    """:func:`ics` event by event: the calendar's head, each event as it is made, the
    end (the same bytes as the calendar made whole)."""
    from icalendar import Calendar

    options = options or IcsOptions()
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", _("trygg: what is due"))
    stamp = datetime.combine(today, time(0), tzinfo=UTC)
    head: str = calendar.to_ical().decode("utf-8")
    yield head.removesuffix(_END)
    for o, rule, count in _events(shown, today, options):
        event: bytes = _event(o, stamp, options, rule, count).to_ical()
        yield event.decode("utf-8")
    yield _END


def ics_reporter(options: IcsOptions) -> DueReporter:
    """The ics reporter with ``options`` (the plain :func:`ics` uses the defaults)."""

    def report(
        plan: DuePlan, shown: Sequence[Occurrence], today: date, context: DueReportContext
    ) -> str:
        return ics(plan, shown, today, context, options)

    return report


def ics_stream(options: IcsOptions) -> DueStream:
    """:func:`ics_reporter` as a stream of chunks."""

    def report(
        plan: DuePlan, shown: Sequence[Occurrence], today: date, context: DueReportContext
    ) -> Iterator[str]:
        return ics_lines(plan, shown, today, context, options)

    return report
