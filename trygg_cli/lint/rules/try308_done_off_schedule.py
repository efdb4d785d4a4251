"""A completed occasion is recorded against a year the schedule does not plan.

What:
  An entry under `done:` whose `occurrence:` year is not one of the schedule's planned
  years — `first: 2021, every: 2` plans 2021, 2023, 2025 …, so `occurrence: 2022` matches
  none — or, without `occurrence:`, whose date is before the first planned year. Only
  schedules that start in a given year (`first: 2021`) and repeat every so many years, or
  happen once, are judged.

Why:
  A follow-up that has been done is recorded so that it stops being due, and the next one
  counts from the plan, not from when it was late. Göteborg's central agreement of 2018
  plans a follow-up "2021 och därefter vartannat år". A completion recorded against a year
  that is not planned clears no occasion: the occasion it was meant for stays overdue in
  `trygg due`, and the record is misleading.

How to fix:
  Set `occurrence:` to the planned year the work was done for (a follow-up for 2023 that
  was done in January 2024 is `{date: 2024-01-20, occurrence: 2023}`). If the schedule
  itself is wrong, correct `first:` or `every:`.

Passing example:
  follow_up:
    first: 2021
    every: 2
    done:
      - {date: 2024-01-20, occurrence: 2023}

Failing example:
  follow_up:
    first: 2021
    every: 2
    done:
      - {date: 2022-11-30, occurrence: 2022}
"""

from __future__ import annotations

from collections.abc import Iterator

from trygg_cli.date_words import day_or_year
from trygg_cli.findings import Finding, Severity
from trygg_cli.i18n import _
from trygg_cli.lint.base import DocContext
from trygg_cli.model.dates import schedules
from trygg_cli.model.schedule import Schedule

ID = "TRY308"
NAME = "done-off-schedule"
SEVERITY = Severity.WARNING


def check(ctx: DocContext) -> Iterator[Finding]:
    for loc, schedule in schedules(ctx.document):
        first = schedule.first
        if (
            not schedule.done
            or not isinstance(first, int)
            or schedule.unit != "year"
            or schedule.qualifier == "as_needed"
            or schedule.times is not None
        ):
            continue
        for index, done in enumerate(schedule.done):
            occurrence = done.occurrence
            if isinstance(occurrence, int):
                if _planned(schedule, first, occurrence):
                    continue
                yield ctx.finding(
                    (*loc, "done", index, "occurrence"),
                    _(
                        "{year} is not a year this schedule plans ({planned}); set "
                        "'occurrence:' to the planned year this was done for"
                    ).format(year=occurrence, planned=_describe(schedule, first)),
                )
            elif occurrence is None and done.done_year < first:
                yield ctx.finding(
                    (*loc, "done", index),
                    _(
                        "this is recorded as done on {day}, before the first planned "
                        "occasion ({first}); if it was done early, add 'occurrence: {first}'"
                    ).format(day=day_or_year(done.date or done.done_year), first=first),
                )


def _planned(schedule: Schedule, first: int, year: int) -> bool:
    if schedule.every is None:
        return year == first
    return year >= first and (year - first) % schedule.every == 0


def _describe(schedule: Schedule, first: int) -> str:
    if schedule.every is None:
        return _("only {first}").format(first=first)
    years = ", ".join(str(first + k * schedule.every) for k in range(3))
    return _("{years} …").format(years=years)
