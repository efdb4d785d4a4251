"""Follow-up documents close their occasions: no ``done:`` entry is needed.

A dated follow-up (``kind: follow-up`` with a ``date``, or a ``noted_by`` date) closes
its ``occasion`` — a year, a date or ``validity_end``, as ``trygg due`` shows it — in the
follow-up schedule of each document it follows up (its agreement's ``follow_up``, its
action plan's, its citizen promise's), exactly as ``done: [{date: …, occurrence: …}]``
there would: a year closes the open occasion of that year, a date the occasion planned on
it or whose window holds it. A document that plans no follow-up at that occasion is left
as it is; a follow-up whose occasion none of its documents plans is lint's TRY310, not a
due finding.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from trygg_cli.due.records import Closing, DocumentSchedules

FOLLOW_UP_ITEMS = frozenset({"follow-up", "final-follow-up", "promise-follow-up"})
"""The items a follow-up document closes: the follow-up of an agreement, an action plan
or a citizen promise, and the final follow-up after the period."""


def closings(documents: Mapping[str, DocumentSchedules]) -> dict[str, list[Closing]]:
    """By document id, what the dated follow-ups among ``documents`` close in it, in the
    order they were done."""
    found: dict[str, list[Closing]] = {}
    done = sorted(
        (doc.closes for doc in documents.values() if doc.closes is not None),
        key=lambda closing: (closing.done.date, closing.done.report or ""),
    )
    for closing in done:
        for doc_id in closing.documents:
            found.setdefault(doc_id, []).append(closing)
    return found


def with_closings(source: DocumentSchedules, closing: Sequence[Closing]) -> DocumentSchedules:
    """``source`` with each of ``closing`` as a completion of its follow-up schedules,
    matched after those under ``done:`` (see :func:`trygg_cli.due.engine.plan`)."""
    entries = []
    for entry in source.entries:
        if entry.schedule is None or entry.base.item not in FOLLOW_UP_ITEMS:
            entries.append(entry)
            continue
        closed_by = (*entry.schedule.closed_by, *(c.done for c in closing))
        entries.append(entry._replace(schedule=entry.schedule._replace(closed_by=closed_by)))
    return source._replace(entries=tuple(entries))


def with_follow_ups(documents: Mapping[str, DocumentSchedules]) -> dict[str, DocumentSchedules]:
    """``documents`` with what their follow-up documents close added (see the module)."""
    found = closings(documents)
    return {
        doc_id: with_closings(doc, found[doc_id]) if doc_id in found else doc
        for doc_id, doc in documents.items()
    }
