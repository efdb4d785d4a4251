"""The words in `text:` say something other than the data beside them.

What:
  A period's or a schedule's `text:` — the sentence as the agreement writes it — read with
  trygg's Swedish phrase parser, and compared with the data it stands beside: "cirka fyra
  gånger per år" with `times: 2`, "2023–2026" with `until: 2025-12-31`, "tills vidare"
  with an `until` date, "vartannat år" with `every: 3`, a term's "fyra år" with
  `amount: 3`. A schedule held at the period's start or end (`first: validity_end`)
  whose text says how long the period is ("tecknas för en period om fyra år varefter en
  slutlig uppföljning görs") is compared with the period's dates too. Only what the words
  plainly say is judged: "vid behov" or "löpande" in passing, or a text the parser cannot
  read, is never a finding. A stated term against the dates of its own period is TRY301's.

Why:
  The text is what people read and sign; the data is what `trygg due` and the rendered
  page use. When they disagree, reminders come at other times than the agreement says.
  Mölndal's local agreement 2023–2026 says it "tecknas för en period om fyra år varefter
  en slutlig uppföljning görs", but runs 2023-05-01 – 2026-12-31: three years and eight
  months, so the final follow-up is due eight months before "four years" would put it.

How to fix:
  Make the data say what the text says, or correct the text if the data is right. If the
  text quotes the published document as it is, keep it and silence the finding with a
  comment that says why: `# trygg: ignore[TRY309] the source says four years; the dates
  apply`.

Passing example:
  meetings:
    text: Gruppen träffas cirka fyra gånger per år.
    times: 4
    qualifier: about

Failing example:
  meetings:
    text: Gruppen träffas cirka fyra gånger per år.
    times: 2
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

from trygg_cli.date_words import long_date
from trygg_cli.findings import Finding, Severity, YamlPath
from trygg_cli.i18n import _, quoted
from trygg_cli.lint.base import DocContext
from trygg_cli.model import Agreement
from trygg_cli.model.common import Period, Term
from trygg_cli.model.dates import (
    add_term,
    describe_months,
    months_between,
    period_start,
    periods,
    schedules,
)
from trygg_cli.model.schedule import Schedule
from trygg_cli.phrases import PeriodReading, find_schedules, read_period

ID = "TRY309"
NAME = "text-contradicts-data"
SEVERITY = Severity.WARNING

# The fields of a cadence compared, in the order a finding names the first that differs.
_FIELDS = ("times", "every", "unit", "qualifier", "first", "at", "during", "with_meetings_of")


def check(ctx: DocContext) -> Iterator[Finding]:
    own = next(periods(ctx.document), None)
    for loc, period in periods(ctx.document):
        yield from _period(ctx, loc, period)
    bodies = (
        {b.id: b.name for b in ctx.document.bodies} if isinstance(ctx.document, Agreement) else {}
    )
    for loc, schedule in schedules(ctx.document):
        if schedule.text is None:
            continue
        yield from _schedule(ctx, loc, schedule, schedule.text, bodies)
        if own is not None and schedule.first in ("validity_start", "validity_end"):
            yield from _term_against_dates(ctx, loc, schedule.text, own)


def _finding(
    ctx: DocContext, text_loc: YamlPath, offset: int, message: str, datum: YamlPath
) -> Finding:
    """A finding at character ``offset`` of the text at ``text_loc``, naming the line of
    ``datum``."""
    node_line, node_column = ctx.position_of(text_loc, offset)
    line = ctx.position(datum)[0]
    return ctx.finding_at(
        ctx.path, node_line, node_column, message.replace("{line}", str(line)), text_loc
    )


def _contradiction(words: str, data: str) -> str:
    return _(
        "the text says {words}, but {data} on line {{line}} says otherwise; correct the text "
        "or the data"
    ).format(words=quoted(words), data=data)


# --- schedules ---------------------------------------------------------------------------


def _core(schedule: Schedule) -> dict[str, Any]:
    """A cadence's fields, "once a year" and "every year" counted alike."""
    fields = schedule.model_dump(exclude={"text", "done"})
    if (
        fields["times"] == 1
        and fields["unit"] != "period"
        and fields["first"] is None
        and fields["during"] is None
    ):
        fields["times"], fields["every"] = None, 1
    return fields


def _differs(said: Schedule, stated: frozenset[str], data: Schedule) -> str | None:
    """The first field the words state differently from the data, else None."""
    words, values = _core(said), _core(data)
    compared = set(stated)
    if compared & {"times", "every"}:
        compared |= {"times", "every", "unit"}
    return next((f for f in _FIELDS if f in compared and words[f] != values[f]), None)


def _written(schedule: Schedule) -> str:
    """The data of a schedule as written: '{times: 2, unit: year}'."""
    fields = schedule.model_dump(exclude={"text", "done"}, exclude_defaults=True)
    shown = ", ".join(f"{k}: {v}" for k, v in fields.items())
    return quoted(f"{{{shown}}}")


def _schedule(
    ctx: DocContext, loc: YamlPath, schedule: Schedule, text: str, bodies: dict[str, str]
) -> Iterator[Finding]:
    found = [f for f in find_schedules(text, bodies) if not f.weak]
    if not found:
        return
    differences = [(f, _differs(f.value, f.stated, schedule)) for f in found]
    if any(field is None for _f, field in differences):
        return
    first, field = differences[0]
    assert field is not None
    datum = ctx.written_or(loc, field, fallback="text")
    yield _finding(
        ctx,
        (*loc, "text"),
        first.start,
        _contradiction(text[first.start : first.end], _written(schedule)),
        datum,
    )


def _term_against_dates(
    ctx: DocContext, loc: YamlPath, text: str, own: tuple[YamlPath, Period]
) -> Iterator[Finding]:
    """A schedule at the period's start or end whose words give the period's length."""
    period_loc, period = own
    reading = read_period(text)
    start = period_start(ctx.document, period)
    if reading.term is None or period.term is not None or start is None or period.end is None:
        return
    where = reading.where("term")
    assert where is not None
    message = _term_message(reading.term, start, period.end)
    if message is not None:
        yield _finding(ctx, (*loc, "text"), where[0], message, (*period_loc, "until"))


def _term_message(term: Term, start: date, end: date) -> str | None:
    stated_end = add_term(start, term)
    if abs(months_between(*sorted((stated_end, end)))) < 1:
        return None
    return _(
        "the text says {words}, which from {start} runs until {stated_end}, but the period "
        "ends {end} (line {{line}}), {actual} in all; correct the text or the dates"
    ).format(
        words=quoted(term.text or ""),
        start=long_date(start),
        stated_end=long_date(stated_end),
        end=long_date(end),
        actual=describe_months(round(months_between(start, end + timedelta(days=1)))),
    )


# --- periods -----------------------------------------------------------------------------


def _period(ctx: DocContext, loc: YamlPath, period: Period) -> Iterator[Finding]:
    if period.text is not None:
        reading = read_period(period.text)
        for name, key in _period_differences(ctx, reading, period):
            where = reading.where(name)
            assert where is not None
            words = period.text[where[0] : where[1]]
            datum = ctx.written_or(loc, key, fallback="text")
            message = _contradiction(words, _shown(ctx, (*loc, key), key))
            start = period_start(ctx.document, period)
            if name == "term" and reading.term and start and period.end:
                message = _term_message(reading.term, start, period.end) or message
            yield _finding(ctx, (*loc, "text"), where[0], message, datum)
    term = period.term
    if term is not None and term.text is not None:
        said = read_period(term.text).term
        if said is not None and (said.amount, said.unit) != (term.amount, term.unit):
            datum = (*loc, "term", "amount")
            shown = quoted(f"{{amount: {term.amount}, unit: {term.unit}}}")
            yield _finding(ctx, (*loc, "term", "text"), 0, _contradiction(term.text, shown), datum)


def _shown(ctx: DocContext, loc: YamlPath, key: str) -> str:
    """'until: 2025-12-31' as written, or the key alone when it is not written."""
    line = ctx.lines[ctx.position(loc)[0] - 1].strip().lstrip("- ")
    return quoted(line) if line.startswith(f"{key}:") else quoted(key)


def _period_differences(
    ctx: DocContext, reading: PeriodReading, period: Period
) -> Iterator[tuple[str, str]]:
    """(what the words say, the key that says otherwise) for each contradiction."""
    if reading.empty:
        return
    start = period_start(ctx.document, period)
    said_start = reading.start if "start" not in reading.conflicts else None
    if said_start is not None and period.start is not None and not said_start.holds(period.start):
        yield "start", "from"
    ends = [period.end, *(e.until for e in period.extensions)]
    if period.end is None and period.term is not None and start is not None:
        ends.append(add_term(start, period.term))
    known = [e for e in ends if e is not None]
    open_ended = period.until_further_notice or period.until_replaced
    if reading.end is not None and "end" not in reading.conflicts:
        if known and not any(reading.end.holds(e) for e in known):
            yield "end", "until"
        elif not known and open_ended:
            yield "end", "until_further_notice" if period.until_further_notice else "until_replaced"
        return
    if (reading.until_further_notice or reading.until_replaced) and period.end is not None:
        said = "until_further_notice" if reading.until_further_notice else "until_replaced"
        yield said, "until"
    term = reading.term
    if term is None:
        return
    if period.term is not None:
        if (term.amount, term.unit) != (period.term.amount, period.term.unit):
            yield "term", "term"
    elif start is not None and period.end is not None and _term_message(term, start, period.end):
        yield "term", "until"
