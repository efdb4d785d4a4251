"""A date of something that has happened lies in the future.

What:
  A date that records something already done but is later than today: a signatory's
  `signed` date, a completed follow-up, evaluation or meeting under `done:`, a
  `last_revised` date, or the agreement's `decision: date:`. A decision date is reported
  as a warning (it may be the date of a meeting still to come); the others as errors.

Why:
  `trygg due` treats a schedule as done once its `done:` has a date, and readers take a
  `signed` date as proof that the agreement was signed (Mölndal's local agreement
  2023–2026 was published with an empty "Datum" under each signature). A date after today
  cannot be true yet: a follow-up recorded as done next month hides one that is in fact
  overdue, and a future signing date says the document is in force when it is not.

How to fix:
  Write the date on which it actually happened. If it has not happened yet, remove the
  date (leave out `signed:`, remove the entry under `done:`) and add it when it does.
  For a decision still to be taken, leave out `date:` until the body has decided.

Passing example:
  follow_up:
    first: 2021
    every: 2
    done:
      - {date: 2021-11-30, occurrence: 2021}

Failing example:
  follow_up:
    first: 2021
    every: 2
    done:
      - {date: 2031-11-30, occurrence: 2021}
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from datetime import date

from trygg_cli.date_words import long_date
from trygg_cli.findings import Finding, Severity, YamlPath, show
from trygg_cli.i18n import _
from trygg_cli.lint.base import DocContext
from trygg_cli.model import ActionPlan, Agreement, CitizenPromise
from trygg_cli.model.dates import schedules

ID = "TRY304"
NAME = "date-in-the-future"
SEVERITY = Severity.ERROR


def check(ctx: DocContext) -> Iterator[Finding]:
    doc = ctx.document
    today = ctx.settings.today
    if isinstance(doc, Agreement) and doc.decision is not None:
        decided = doc.decision.date
        if decided is not None and decided > today:
            finding = ctx.finding(
                ("decision", "date"),
                _(
                    "the decision date {day} is after today ({today}); if the decision has "
                    "not been taken yet, leave out 'date:' until it has"
                ).format(day=long_date(decided), today=long_date(today)),
            )
            if ID not in ctx.settings.severities:
                finding = dataclasses.replace(finding, severity=Severity.WARNING)
            yield finding
    if isinstance(doc, (Agreement, CitizenPromise)):
        for index, signatory in enumerate(doc.signatories):
            if signatory.signed is not None and signatory.signed > today:
                yield _future(
                    ctx,
                    ("signatories", index, "signed"),
                    signatory.signed,
                    _(
                        "{name} is recorded as having signed on {day}, which is after today "
                        "({today}); write the real date, or leave out 'signed:' until it is signed"
                    ),
                    name=show(signatory.name),
                )
    if (
        isinstance(doc, (Agreement, ActionPlan))
        and doc.last_revised is not None
        and doc.last_revised > today
    ):
        yield _future(
            ctx,
            ("last_revised",),
            doc.last_revised,
            _(
                "'last_revised' is {day}, after today ({today}); write the date of the "
                "latest revision that has been made"
            ),
        )
    for loc, schedule in schedules(doc):
        for index, done in enumerate(schedule.done):
            if done.date is not None and done.date > today:
                yield _future(
                    ctx,
                    (*loc, "done", index, "date"),
                    done.date,
                    _(
                        "this is recorded as done on {day}, which is after today ({today}); "
                        "write the date it was done, or remove the entry until it is"
                    ),
                )


def _future(ctx: DocContext, loc: YamlPath, day: date, message: str, **values: str) -> Finding:
    return ctx.finding(
        loc, message.format(day=long_date(day), today=long_date(ctx.settings.today), **values)
    )
