"""A citizen promise does not run for about one or two years.

What:
  A citizen promise whose period is shorter than about a year or longer than about two
  years (with a month of slack: under 11 or over 25 months by default), or that has no
  end date at all. The end is the one in effect: the last extension's `until`, else
  `until`, else `from` plus the stated `term:`. A promise that runs until a new one
  replaces it (`until_replaced: true`) has no end of its own and is not judged.

Why:
  A medborgarlöfte is a short, concrete commitment that is followed up and then renewed:
  Göteborg's central agreement of 2018 gives it "en period – vanligtvis ett år", Mölndal's
  local agreement 2023–2026 "en period om två år": one or two years. A promise that runs
  much longer, or until further notice, is no longer followed up as a promise; a much
  shorter one is usually a date typed wrong.

How to fix:
  Check the period's `from` and `until` against the signed promise. If the promise really
  is meant to run longer or shorter, keep it and suppress the finding with a reason, or
  set `promise_min_months` / `promise_max_months` under `lint: options:` in .trygg.yaml.

Passing example:
  period:
    from: 2023-05-01
    until: 2025-04-30

Failing example:
  period:
    from: 2023-05-01
    until: 2027-04-30
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from typing import Any

from trygg_cli.date_words import long_date
from trygg_cli.findings import Finding, Severity, YamlPath
from trygg_cli.i18n import N_, _
from trygg_cli.lint.base import DocContext, positive_number
from trygg_cli.lint.parts import end_loc
from trygg_cli.model import CitizenPromise
from trygg_cli.model.dates import describe_span, months_between, period_end, period_start

ID = "TRY306"
NAME = "promise-period-length"
SEVERITY = Severity.INFO
OPTIONS = {
    "promise_min_months": N_("shortest usual citizen promise, in months (default 11)"),
    "promise_max_months": N_("longest usual citizen promise, in months (default 25)"),
}
OPTION_CHECKS = {"promise_min_months": positive_number, "promise_max_months": positive_number}
_MIN_MONTHS = 11
_MAX_MONTHS = 25


def check(ctx: DocContext) -> Iterator[Finding]:
    doc = ctx.document
    if not isinstance(doc, CitizenPromise):
        return
    period = doc.period
    if period.until_replaced:
        return  # it ends when its successor lists it under `supersedes:`
    end = period_end(doc, period)
    if end is None:
        if period.term is not None:
            return  # a term from an unknown start (not signed yet)
        loc: YamlPath = ("period", "until_further_notice")
        if not period.until_further_notice:
            loc = ("period",)
        yield ctx.finding(
            loc,
            at_key=True,
            message=_(
                "this citizen promise has no end date; a promise runs for a set period, "
                "usually one or two years — add 'until:' with the date it ends"
            ),
        )
        return
    start = period_start(doc, period)
    if start is None or end < start:
        return  # unknown start, or TRY302's case
    months = months_between(start, end + timedelta(days=1))
    shortest = _number(ctx.option("promise_min_months"), _MIN_MONTHS)
    longest = _number(ctx.option("promise_max_months"), _MAX_MONTHS)
    if shortest <= months <= longest:
        return
    if months < shortest:
        advice = _("a promise usually runs one or two years — check the dates")
    else:
        advice = _("a promise usually runs one or two years and is then followed up and renewed")
    yield ctx.finding(
        end_loc(("period",), period),
        _("this citizen promise runs {start} – {end}, which is {length}; {advice}").format(
            start=long_date(start),
            end=long_date(end),
            length=describe_span(start, end),
            advice=advice,
        ),
    )


def _number(value: Any, default: int) -> float:
    if isinstance(value, (int, float)) and not isinstance(value, bool) and value > 0:
        return float(value)
    return float(default)
