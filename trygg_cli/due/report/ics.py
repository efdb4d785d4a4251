"""``trygg due --format ics``: a calendar to import (RFC 5545).

``icalendar`` is imported only when this format is asked for.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime, time, timedelta

from trygg_cli.due.occurrence import DuePlan, Occurrence
from trygg_cli.due.report.context import DueReportContext
from trygg_cli.due.report.grouping import group
from trygg_cli.due.report.words import SUMMARY, grace, label, source
from trygg_cli.i18n import _
from trygg_cli.textout import one_line

PRODID = "-//trygg//trygg due//SV"


def summary(occurrence: Occurrence) -> str:
    """A calendar event's title: ``Follow-up: <title>`` (translated)."""
    message = SUMMARY.get(occurrence.item, "{title}")
    return _(message).format(title=one_line(occurrence.title))


def _description(occurrence: Occurrence) -> str:
    o = occurrence
    lines: list[str] = []
    if o.text:
        lines += [o.text.strip(), ""]
    lines.append(_("What: {what}").format(what=label(o.item, o.doc_kind)))
    lines.append(_("Document: {doc_id}").format(doc_id=o.doc_id))
    lines.append(_("Source: {source}").format(source=source(o.path, o.line)))
    if o.planned != o.due:
        lines.append(
            _("Planned for {planned}, moved to the previous working day.").format(
                planned=o.planned.isoformat()
            )
        )
    if o.tolerance_days:
        lines.append(grace(o.tolerance_days))
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
