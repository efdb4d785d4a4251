"""``trygg due --explain REF``: why one occasion is due when it is, in plain words.

For the occasion whose reference starts with ``REF`` (4 characters or more; see
:func:`trygg_cli.due.occurrence.ref_of`) or whose key is ``REF``, it says what the item
is and where it is written, quotes the document's own words, says how the schedule is
placed in time and which occasions that gives, when this one is due and why a holiday or
weekend moved it, which occasions are recorded done, and where this one stands::

    xbgsqie: follow-up of the agreement, Central samverkansöverenskommelse … (…:293)
      'En uppföljning av denna överenskommelse görs 2021 och därefter vartannat år.'
      every 2 years from 2021, each due at the end of its year → 2021, 2023, 2025, 2027 …
      2025: due 2025-12-31, moved to Tuesday 2025-12-30 (nyårsafton is not a working day).
      2021 recorded done 2021-11-30; 2023 recorded done 2023-12-05.
      2025 not recorded: overdue since 2025-12-30 (337 days).

The rules themselves are the engine's (:mod:`trygg_cli.due.engine`); this module only
puts them in words.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, timedelta

from trygg_cli.cadence_words import every, season, times
from trygg_cli.date_words import long_date
from trygg_cli.due.buckets import bucket
from trygg_cli.due.extract import Cadence, DocumentSchedules, Entry
from trygg_cli.due.occurrence import Occurrence
from trygg_cli.due.report.grouping import item_key
from trygg_cli.due.report.words import done_when, grace, label, occasion_name, source
from trygg_cli.due.spans import resolve
from trygg_cli.i18n import N_, _, language, plural, quoted
from trygg_cli.textout import printable_line

_LISTED = 8  # occasions listed in full; more are shortened with "…"
_DONE_LISTED = 6

WEEKDAYS = (
    N_("Monday"),
    N_("Tuesday"),
    N_("Wednesday"),
    N_("Thursday"),
    N_("Friday"),
    N_("Saturday"),
    N_("Sunday"),
)
_AT_END: dict[str, str] = {
    "year": N_("each due at the end of its year"),
    "tertial": N_("each due at the end of its tertial"),
    "term": N_("each due at the end of its term"),
    "quarter": N_("each due at the end of its quarter"),
    "month": N_("each due at the end of its month"),
    "week": N_("each due at the end of its week"),
}
_FIXED: dict[str, str] = {
    "deadline": N_("the action's deadline"),
    "validity-end": N_("six months before the agreement ends on {date}, to renegotiate in time"),
    "promise-end": N_("the day the citizen promise ends"),
}


# --------------------------------------------------------------------------- the rule


def _entry(o: Occurrence, documents: Mapping[str, DocumentSchedules]) -> Entry | None:
    source = documents.get(o.doc_id)
    for entry in source.entries if source is not None else ():
        if entry.base.item == o.item and entry.base.item_id == o.item_id:
            return entry
    return None


def _anchor(c: Cadence, start: date | None, fallback: date) -> str:
    first = c.first
    if isinstance(first, int):
        return _("from {year}").format(year=first)
    if isinstance(first, date):
        return _("from {date}").format(date=long_date(first))
    if first == "signing":
        return _("from the signing")
    if first == "validity_start":
        return _("from the start of the period")
    if start is not None:
        return _("counted from the start of the period, {date}").format(date=long_date(start))
    return _("counted from {date}, as the document's start is unknown").format(
        date=long_date(fallback)
    )


def _placement(c: Cadence) -> str:
    if c.times is not None:
        return _("each due at the end of its part")
    if isinstance(c.first, int) or c.at is not None:
        if c.at == "start":
            return _("each due early in its unit (a year: by 31 March)")
        return _(_AT_END.get(c.unit, _AT_END["year"]))
    if c.every is None:
        return ""
    return _("each on the same day of its unit")


def rule_text(c: Cadence, start: date | None, end: date | None, fallback: date) -> str:
    """How a schedule is placed in time, in words."""
    if c.first == "validity_end":
        when = long_date(end) if end is not None else "?"
        return _("three months after the period ends ({date})").format(date=when)
    if c.times is not None:
        how = times(c.times, c.unit)
    elif c.every is not None:
        how = every(c.every, c.unit)
    else:
        how = _("once")
    if c.during is not None:
        how += ", " + season(c.during)
    parts = [how, _anchor(c, start, fallback), _placement(c)]
    if c.qualifier == "at_least":
        parts.append(_("at least: more completions are fine"))
    return ", ".join(p for p in parts if p)


# --------------------------------------------------------------------------- dates


def _holiday_name(day: date) -> str | None:
    import holidays  # slow to import: only here

    from trygg_cli.due.holidays_se import CATEGORIES

    sv = language() == "sv"
    names = holidays.country_holidays(
        "SE", years=day.year, categories=CATEGORIES, language="sv" if sv else "en_US"
    )
    name = names.get(day)
    if name is None:
        return None
    return str(name).lower() if sv else str(name)


def weekday(day: date) -> str:
    return _(WEEKDAYS[day.weekday()])


def _when(o: Occurrence) -> str:
    text = _("due {date}").format(date=long_date(o.planned))
    if o.due == o.planned:
        return text
    holiday = _holiday_name(o.planned)
    if holiday is not None:
        why = _("{holiday} is not a working day").format(holiday=holiday)
    else:
        why = _("{date} is a {weekday}").format(
            date=long_date(o.planned), weekday=weekday(o.planned)
        )
    moved = _("moved to {weekday} {date} ({why})").format(
        weekday=weekday(o.due), date=long_date(o.due), why=why
    )
    return f"{text}, {moved}"


def _ends(occasion: str) -> str:
    """The day in an occasion's key ('end-2026-12-31'), written out."""
    day = occasion.removeprefix("end-")
    try:
        return long_date(date.fromisoformat(day))
    except ValueError:
        return day


def _series(members: Sequence[Occurrence], chosen: Occurrence, more: bool) -> str:
    names = [occasion_name(o) for o in members]
    if len(names) > _LISTED:
        at = members.index(chosen)
        keep = sorted({0, 1, max(at - 1, 0), at, min(at + 1, len(names) - 1)})
        shown: list[str] = []
        for k, index in enumerate(keep):
            if k and index != keep[k - 1] + 1:
                shown.append("…")
            shown.append(names[index])
        names = shown
        more = more or keep[-1] < len(members) - 1
    return ", ".join(names) + (" …" if more else "")


def _done_line(members: Sequence[Occurrence]) -> str:
    done = [o for o in members if o.done is not None]
    if not done:
        return _("No occasion of it is recorded done.")
    said = []
    for o in done[-_DONE_LISTED:]:
        said.append(
            _("{occasion} recorded done {date}").format(
                occasion=occasion_name(o), date=done_when(o)
            )
        )
    line = "; ".join(said)
    if len(done) > _DONE_LISTED:
        earlier = len(done) - _DONE_LISTED
        line = plural(earlier, N_("{n} earlier one recorded done"), N_("{n} earlier recorded done"))
        line += "; " + "; ".join(said)
    return line + "."


def _status(o: Occurrence, today: date) -> str:
    where = bucket(o, today)
    name = occasion_name(o)
    if o.done is not None:
        return _("{occasion} is done.").format(occasion=name)
    if where == "overdue":
        since = o.due + timedelta(days=o.tolerance_days)
        days = (today - since).days
        return _("{occasion} not recorded: overdue since {date} ({days}).").format(
            occasion=name,
            date=long_date(since),
            days=plural(days, N_("{n} day"), N_("{n} days")),
        )
    if o.due < today:
        return _("{occasion} not recorded: past due, within the grace.").format(occasion=name)
    days = (o.due - today).days
    return _("{occasion} not recorded yet: due in {days}.").format(
        occasion=name, days=plural(days, N_("{n} day"), N_("{n} days"))
    )


# --------------------------------------------------------------------------- the text


def explain(
    chosen: Occurrence,
    occurrences: Sequence[Occurrence],
    today: date,
    documents: Mapping[str, DocumentSchedules],
) -> str:
    """The reasoning behind ``chosen`` (one of ``occurrences``, the whole plan), as lines."""
    o = chosen
    where = source(o.path, o.line)
    lines = [
        _("{ref}: {what}, {title} ({doc_id}, {source})").format(
            ref=o.ref,
            what=label(o.item, o.doc_kind),
            title=printable_line(o.title),
            doc_id=printable_line(o.doc_id),
            source=printable_line(where),
        )
    ]
    if o.text:
        lines.append(quoted(printable_line(o.text)))
    members = sorted(
        (x for x in occurrences if item_key(x) == item_key(o)), key=lambda x: x.planned
    )
    entry = _entry(o, documents)
    source_doc = documents.get(o.doc_id)
    if entry is not None and entry.schedule is not None and source_doc is not None:
        fallback = date(today.year, 1, 1)
        span, _parties, _names = resolve(source_doc, documents, fallback)
        rule = rule_text(entry.schedule, span.start, span.end, fallback)
        recurring = entry.schedule.every is not None or entry.schedule.times is not None
        more = recurring and (span.end is None or span.end > members[-1].planned)
        lines.append(f"{rule} → {_series(members, o, more)}")
    elif o.item in _FIXED:
        lines.append(_(_FIXED[o.item]).format(date=_ends(o.occasion)))
    lines.append(f"{occasion_name(o)}: {_when(o)}.")
    if o.tolerance_days:
        lines.append(grace(o.tolerance_days).capitalize() + ".")
    if len(members) > 1 or o.done is not None:
        lines.append(_done_line(members))
    lines.append(_status(o, today))
    return lines[0] + "\n" + "".join(f"  {line}\n" for line in lines[1:])
