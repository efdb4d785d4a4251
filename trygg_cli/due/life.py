"""What of a plan is shown on a given day: the life of documents, and routine cadences.

:func:`trygg_cli.due.engine.plan` places every occasion of every schedule in time;
:func:`settle` then applies what only the whole workspace and the day (``as_of``) can say.
The rules of a document's life are :mod:`trygg_cli.model.life`, which render uses for the
status it prints on a document; what due does with them is here.

The life of a document (agreement, action plan, citizen promise)
  * **Superseded**: some document in the workspace names it under ``supersedes``
    (``agreement``, ``action_plan`` or ``citizen_promise``). Nothing of it planned on or
    after its successor's start is shown (the earliest among its successors: the start,
    else the signing, else ``as_of``), nor its end or the renegotiation reminder: the
    successor answers them. An action plan without a period of its own follows its
    agreement.
  * **Ended**: its end in effect is before ``as_of``. Its end (``period-end``,
    ``promise-end``) and the renegotiation reminder (``validity-end``) are no longer
    occasions, and nothing planned after the end is shown — except what its text places
    after the end (a schedule with ``first: validity_end``: the final follow-up).
    Unless it is superseded or concluded, it is listed once in :attr:`DuePlan.ended`
    ("Ended without a successor") with its end and what to decide: renew it, replace it
    (a successor names it under ``supersedes``) or mark it as ended. An action plan
    without a period of its own ends with its agreement, which is the one listed.
  * **Concluded** (marked as deliberately ended, :class:`~trygg_cli.due.records.Concluded`):
    as ended on the day it names, else at its period's end, else now (``as_of``); its end
    and the renegotiation reminder are dropped at once and it is never listed.
  Occasions before these dates stay as they are: an obligation missed while the document
  was in force is still overdue.

Routine cadences versus obligations
  Meetings, recurring actions, recurring commitments and recurring occasions are routine
  (:data:`~trygg_cli.due.occurrence.ROUTINE_ITEMS`): nobody records every meeting, so
  with no completion recorded only the next occasion is shown — the first open one that
  is not overdue — never a backlog, and the item is listed in
  :attr:`DuePlan.unrecorded` ("no meeting recorded yet") unless its document is no
  longer in force. Once a completion is recorded,
  every occasion planned after the latest closed one is tracked, and a missed one is
  overdue. ``strict_routine_from`` (``due: {strict_routine_from: YYYY-MM-DD}`` in
  ``.trygg.yaml``) tracks every routine occasion planned on or after that day as well.
  A calendar (``every_upcoming``) keeps every routine occasion not yet overdue: the
  meetings to come belong in it, the missed ones do not.
  Everything else — follow-up, evaluation, revision, priority review and revision,
  deadlines, renegotiation, the final follow-up, a promise's follow-up and end — is an
  obligation, overdue per occasion.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping, Sequence
from dataclasses import replace
from datetime import date

from trygg_cli.due.buckets import is_overdue
from trygg_cli.due.occurrence import DuePlan, Ended, Occurrence, Unrecorded
from trygg_cli.due.records import DocumentSchedules
from trygg_cli.findings import YamlPath
from trygg_cli.model.life import Life, lives_of, successors

END_ITEMS = frozenset({"period-end", "promise-end", "validity-end"})
"""The end of a document and the reminder to renegotiate before it."""


def shows(life: Life, occurrence: Occurrence, anchored: bool) -> bool:
    """Whether ``occurrence`` is still shown in a document with this ``life``: not an end
    item once the end is quiet, not planned once replaced, not planned after the end
    (unless its text places it after the end)."""
    if life.quiet_end and occurrence.item in END_ITEMS:
        return False
    if life.replaced is not None and occurrence.planned >= life.replaced:
        return False
    return life.ended is None or anchored or occurrence.planned <= life.ended


def settle(
    plan: DuePlan,
    documents: Mapping[str, DocumentSchedules],
    *,
    as_of: date,
    strict_routine_from: date | None = None,
    every_upcoming: bool = False,
) -> DuePlan:
    """``plan`` as it is shown on ``as_of`` (see the module docstring): documents that
    ended or were replaced, and routine cadences without a backlog; ``ended`` and
    ``unrecorded`` filled in. With ``every_upcoming`` (a calendar), every routine occasion
    that is not yet overdue is kept, not only the next one."""
    lives = lives_of(documents, as_of)
    anchored = {
        (doc.doc_id, entry.loc)
        for doc in documents.values()
        for entry in doc.entries
        if entry.schedule is not None and entry.schedule.first == "validity_end"
    }
    alive = [
        o
        for o in plan.occurrences
        if o.doc_id not in lives or shows(lives[o.doc_id], o, (o.doc_id, o.yaml_path) in anchored)
    ]
    shown, unrecorded = routine(alive, as_of, strict_routine_from, every_upcoming)
    over = {doc_id for doc_id, life in lives.items() if life.over(as_of)}
    return replace(
        plan,
        occurrences=shown,
        ended=sorted(ended_documents(documents, as_of)),
        unrecorded=sorted(u for u in unrecorded if u.doc_id not in over),
    )


def settle_document(
    occurrences: Sequence[Occurrence],
    life: Life | None,
    anchored: Collection[YamlPath],
    *,
    as_of: date,
    strict_routine_from: date | None = None,
    every_upcoming: bool = False,
) -> tuple[list[Occurrence], list[Unrecorded]]:
    """:func:`settle` for the occurrences of one document with this ``life`` (``None``:
    none to apply) and its schedules placed after its end (``anchored``, their YAML
    paths): the occurrences shown, in their order, and its routine items with no
    completion recorded (none once the document is no longer in force)."""
    alive = [o for o in occurrences if life is None or shows(life, o, o.yaml_path in anchored)]
    shown, unrecorded = routine(alive, as_of, strict_routine_from, every_upcoming)
    if life is not None and life.over(as_of):
        unrecorded = []
    return shown, unrecorded


def ended_documents(documents: Mapping[str, DocumentSchedules], as_of: date) -> Iterator[Ended]:
    """The documents with a period of their own that ended before ``as_of``, with no
    successor and not concluded."""
    replaced = successors(documents, as_of)
    for doc_id, doc in documents.items():
        end = doc.span.end
        if end is None or end >= as_of or doc.end_where is None:
            continue
        if doc_id in replaced or doc.concluded is not None:
            continue
        path, line, column = doc.end_where
        yield Ended(end, doc_id, doc.doc_kind, doc.title, path, line, column, doc.span.parties)


def routine(
    occurrences: Sequence[Occurrence],
    as_of: date,
    strict_from: date | None,
    every_upcoming: bool = False,
) -> tuple[list[Occurrence], list[Unrecorded]]:
    """The occurrences with each routine cadence cut to what is tracked (see the module
    docstring), in their order, and the routine items with no completion recorded."""
    groups: dict[tuple[str, str, str, object], list[Occurrence]] = {}
    for o in occurrences:
        if o.routine:
            groups.setdefault((o.doc_id, o.item, o.item_id, o.yaml_path), []).append(o)
    dropped: set[int] = set()
    unrecorded: list[Unrecorded] = []
    for members in groups.values():
        members.sort(key=lambda o: o.planned)
        latest = max((o.planned for o in members if o.done is not None), default=None)
        upcoming = next((o for o in members if o.done is None and not is_overdue(o, as_of)), None)
        for o in members:
            tracked = (
                o.done is not None
                or (latest is not None and o.planned > latest)
                or (strict_from is not None and o.planned >= strict_from)
                or o is upcoming
                or (every_upcoming and o.done is None and not is_overdue(o, as_of))
            )
            if not tracked:
                dropped.add(id(o))
        if latest is None:
            first = members[0]
            unrecorded.append(
                Unrecorded(
                    first.doc_id,
                    first.item,
                    first.item_id,
                    first.title,
                    first.doc_kind,
                    first.path,
                    first.line,
                    upcoming.due if upcoming is not None else None,
                    first.parties,
                    first.bodies,
                )
            )
    if not dropped:
        return list(occurrences), unrecorded
    return [o for o in occurrences if id(o) not in dropped], unrecorded
