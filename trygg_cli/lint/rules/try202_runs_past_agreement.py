"""An action plan or citizen promise runs outside its agreement's validity.

What:
  An action plan's or citizen promise's `period` that starts before the `validity` of the
  agreement it names (`agreement:`), or ends after it. Ends are the ones in effect: the
  last extension's `until`, else `until`, else the start plus the stated `term:`. An
  agreement extended to 2027 is valid until 2027. Open ends are not judged: an agreement
  that runs until further notice or until it is replaced has no end to run past, and a
  plan or promise without an end is not compared with the agreement's end.

Why:
  An action plan and a citizen promise rest on the agreement: its parties, bodies and
  priorities (Mölndal's local agreement 2023–2026: "De prioriterade problemen ger även
  grund för ett lokalt medborgarlöfte … som gäller under en period om två år"). Once the
  agreement has expired, nothing commits the parties to them; before it starts, the
  priorities they serve have not been agreed.

How to fix:
  Move the plan's or promise's dates inside the agreement's validity, or — if the work is
  meant to go on — renew or extend the agreement first and point `agreement:` at the new
  one.

Passing example:
  # agreement molndal-lokal-2023: validity 2023-05-01 – 2026-12-31
  kind: citizen-promise
  agreement: molndal-lokal-2023
  period: {from: 2025-05-01, until: 2026-12-31}

Failing example:
  # agreement molndal-lokal-2023: validity 2023-05-01 – 2026-12-31
  kind: citizen-promise
  agreement: molndal-lokal-2023
  period: {from: 2025-05-01, until: 2027-04-30}
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date

from trygg_cli.date_words import long_date
from trygg_cli.findings import Finding, Severity, YamlPath
from trygg_cli.i18n import N_, _
from trygg_cli.lint.base import Collected, DocContext, WorkspaceContext
from trygg_cli.lint.parts import end_loc
from trygg_cli.model import ActionPlan, Agreement, CitizenPromise
from trygg_cli.model.dates import period_end, period_start, start_loc
from trygg_cli.nouns import KIND_NOUNS

ID = "TRY202"
NAME = "runs-past-agreement"
SEVERITY = Severity.WARNING


@dataclass(frozen=True)
class _Validity:
    start: date | None
    end: date | None


@dataclass(frozen=True)
class _Edge:
    day: date
    line: int
    column: int
    loc: YamlPath


@dataclass(frozen=True)
class _Linked:
    agreement: str
    start: _Edge | None
    end: _Edge | None


def collect(ctx: DocContext) -> _Validity | _Linked | None:
    doc = ctx.document
    if isinstance(doc, Agreement):
        return _Validity(period_start(doc, doc.validity), period_end(doc, doc.validity))
    if not isinstance(doc, (ActionPlan, CitizenPromise)):  # a follow-up has no period
        return None
    period = doc.period
    if doc.agreement is None or period is None:
        return None
    start = period_start(doc, period)
    return _Linked(
        doc.agreement,
        _edge(ctx, start_loc(("period",), period), start),
        _edge(ctx, end_loc(("period",), period), period_end(doc, period)),
    )


def _edge(ctx: DocContext, loc: YamlPath, day: date | None) -> _Edge | None:
    if day is None:
        return None
    line, column = ctx.position(loc)
    return _Edge(day, line, column, loc)


def check_workspace(collected: Sequence[Collected], ctx: WorkspaceContext) -> Iterator[Finding]:
    agreements: dict[str, _Validity] = {}
    for item in collected:
        if isinstance(item.facts, _Validity):
            agreements.setdefault(item.doc_id, item.facts)
    for item in collected:
        linked = item.facts
        if not isinstance(linked, _Linked) or linked.agreement not in agreements:
            continue
        validity = agreements[linked.agreement]
        noun = _(KIND_NOUNS.get(item.kind, N_("document")))
        if linked.start and validity.start and linked.start.day < validity.start:
            edge = linked.start
            yield ctx.finding_at(
                item.path,
                edge.line,
                edge.column,
                _(
                    "this {noun} starts on {day}, before agreement '{id}' is valid (from "
                    "{start}); start it on or after {start}, or correct the agreement's dates"
                ).format(
                    noun=noun,
                    day=long_date(edge.day),
                    id=linked.agreement,
                    start=long_date(validity.start),
                ),
                edge.loc,
            )
        if linked.end and validity.end and linked.end.day > validity.end:
            edge = linked.end
            yield ctx.finding_at(
                item.path,
                edge.line,
                edge.column,
                _(
                    "this {noun} runs until {day}, after agreement '{id}' ends ({end}); end it "
                    "by {end}, or renew the agreement and link the {noun} to the new one"
                ).format(
                    noun=noun,
                    day=long_date(edge.day),
                    id=linked.agreement,
                    end=long_date(validity.end),
                ),
                edge.loc,
            )
