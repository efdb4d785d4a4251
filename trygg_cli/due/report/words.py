"""What due's reports say: bucket headings, what an item is, notes, and the problems a
coordinator must fix, in plain words (translated)."""

from __future__ import annotations

from datetime import date

from trygg_cli.date_words import long_date
from trygg_cli.due.engine import bucket
from trygg_cli.due.occurrence import (
    Bucket,
    DuePlan,
    Ended,
    Occurrence,
    Tied,
    Unanchored,
    Unmatched,
    Unrecorded,
)
from trygg_cli.findings import Finding, Severity
from trygg_cli.i18n import N_, _, plural

MAIN_BUCKETS: tuple[Bucket, ...] = ("overdue", "within-30", "within-90", "later")

BUCKET_HEADING: dict[str, str] = {
    "overdue": N_("Overdue"),
    "within-30": N_("Within 30 days"),
    "within-90": N_("In 31–90 days"),
    "later": N_("Later"),
    "done": N_("Done"),
}
BUCKET_COUNT: dict[str, str] = {
    "overdue": N_("{n} overdue"),
    "within-30": N_("{n} within 30 days"),
    "within-90": N_("{n} in 31–90 days"),
    "later": N_("{n} later"),
    "done": N_("{n} done"),
}

# What an occurrence is, in plain English; keyed by item, or (item, document kind).
_LABEL: dict[str, str] = {
    "follow-up": N_("follow-up of the agreement"),
    "follow-up/action-plan": N_("follow-up of the action plan"),
    "evaluation": N_("evaluation of the agreement"),
    "revision": N_("revision of the agreement"),
    "final-follow-up": N_("final follow-up after the agreement period"),
    "final-follow-up/action-plan": N_("final follow-up after the plan period"),
    "validity-end": N_("renegotiation before the agreement ends"),
    "period-end": N_("end of the agreement"),
    "period-end/action-plan": N_("end of the action plan"),
    "meeting": N_("meeting"),
    "occasion": N_("recurring occasion"),
    "priority-review": N_("review of the annex priorities"),
    "priority-revision": N_("revision of the annex priorities"),
    "deadline": N_("action deadline"),
    "action": N_("recurring action"),
    "commitment": N_("commitment"),
    "promise-end": N_("end of the citizen promise"),
    "promise-follow-up": N_("follow-up of the citizen promise"),
}

# Calendar event titles: short, with the title after the colon.
SUMMARY: dict[str, str] = {
    "follow-up": N_("Follow-up: {title}"),
    "evaluation": N_("Evaluation: {title}"),
    "revision": N_("Revision: {title}"),
    "final-follow-up": N_("Final follow-up: {title}"),
    "validity-end": N_("Renegotiation: {title}"),
    "period-end": N_("Ends: {title}"),
    "meeting": N_("Meeting: {title}"),
    "occasion": N_("Occasion: {title}"),
    "priority-review": N_("Review of priorities: {title}"),
    "priority-revision": N_("Revision of priorities: {title}"),
    "deadline": N_("Deadline: {title}"),
    "action": N_("Action: {title}"),
    "commitment": N_("Commitment: {title}"),
    "promise-end": N_("Citizen promise ends: {title}"),
    "promise-follow-up": N_("Follow-up of citizen promise: {title}"),
}

_UNANCHORED_REASON: dict[str, str] = {
    "no-start": N_(
        "cannot be placed in time: the document's start is unknown; give the schedule `first:`"
    ),
    "no-event-date": N_("cannot be placed in time: the event in `first:` has no recorded date"),
    "no-end": N_(
        "cannot be placed in time: it is spread over the document's period, which has no "
        "known end; give the period `until:` or `term:`"
    ),
}
_UNMATCHED_REASON: dict[str, str] = {
    "no-such-occasion": N_("completion of {date} matches no planned occasion"),
    "before-first": N_("completion of {date} is before the first planned occasion"),
    "already-done": N_("completion of {date} names an occasion that is already done"),
}


def label(item: str, doc_kind: str = "") -> str:
    """The item in plain words (translated): ``follow-up of the agreement``, ``meeting`` …"""
    message = _LABEL.get(f"{item}/{doc_kind}") or _LABEL.get(item)
    return _(message) if message else item


def _days_overdue(count: int) -> str:
    return plural(count, N_("{n} day overdue"), N_("{n} days overdue"))


def grace(count: int) -> str:
    return plural(count, N_("about: {n} day's grace"), N_("about: {n} days' grace"))


def note(occurrence: Occurrence, today: date, earlier: int = 0) -> str:
    """What the table adds after the source: days overdue, grace, or when it was done —
    and how many earlier occasions of the same item are overdue too."""
    parts: list[str] = []
    if earlier:
        parts.append(
            plural(
                earlier,
                N_("{n} earlier occasion also overdue"),
                N_("{n} earlier occasions also overdue"),
            )
        )
    if occurrence.done is not None:
        when = occurrence.done_label or occurrence.done.isoformat()
        parts.append(_("done {date}").format(date=when))
    elif occurrence.due < today:
        days = (today - occurrence.due).days
        if bucket(occurrence, today) == "overdue":
            parts.append(_days_overdue(days))
        else:
            parts.append(
                plural(days, N_("{n} day past due"), N_("{n} days past due"))
                + _(", within the grace")
            )
    if occurrence.tolerance_days and occurrence.done is None:
        parts.append(grace(occurrence.tolerance_days))
    return "; ".join(parts)


TIED_HEADING = N_("At meetings and events")
ENDED_HEADING = N_("Ended without a successor")
UNRECORDED_HEADING = N_("No completion recorded yet")

_DOCUMENT: dict[str, str] = {
    "agreement": N_("agreement"),
    "action-plan": N_("action plan"),
    "citizen-promise": N_("citizen promise"),
}


def overdue_heading(items: int, occasions: int) -> str:
    """``Overdue: 7 items, 11 occasions``: the rows shown, and the occasions they hold."""
    return _("{heading}: {items}, {occasions}").format(
        heading=_(BUCKET_HEADING["overdue"]),
        items=plural(items, N_("{n} item"), N_("{n} items")),
        occasions=plural(occasions, N_("{n} occasion"), N_("{n} occasions")),
    )


def document_kind(doc_kind: str) -> str:
    """``agreement``, ``action plan``, ``citizen promise`` (translated)."""
    message = _DOCUMENT.get(doc_kind)
    return _(message) if message else doc_kind


def ended_when(ended: Ended) -> str:
    return _("ended {date}").format(date=ended.end.isoformat())


ENDED_DECISION = N_(
    "decide: renew it, replace it (the new document names it under `supersedes`) or mark "
    "it as ended"
)


def unrecorded_note(item: Unrecorded) -> str:
    """``no meeting recorded yet; next due 2027-01-15``"""
    first = _("no meeting recorded yet") if item.item == "meeting" else _("nothing recorded yet")
    if item.next_due is None:
        return first
    return _("{what}; only the next occasion is listed, due {date}").format(
        what=first, date=item.next_due.isoformat()
    )


def when_tied(tied: Tied) -> str:
    """When a tied schedule happens, in words: ``at every meeting of <body name>`` or
    ``at <event>``."""
    if tied.with_meetings_of is not None:
        name = tied.body_name or tied.with_meetings_of
        return _("at every meeting of {body}").format(body=name)
    return _("at {event}").format(event=tied.at_event or "")


def source(path: str, line: int) -> str:
    return f"{path}:{line}"


# The rule ids of what ``trygg due`` finds wrong with a schedule or a completion.
UNPLACED_RULE = "unplaced-schedule"
UNMATCHED_RULE = "unmatched-done"


def _unanchored_message(u: Unanchored) -> str:
    return _("{what}: {reason}").format(
        what=label(u.item), reason=_(_UNANCHORED_REASON.get(u.reason, u.reason))
    )


def occasion_name(occurrence: Occurrence) -> str:
    """An occasion as people say it, in a sentence: its year, or its planned date."""
    if occurrence.occasion.isdigit():
        return occurrence.occasion
    return long_date(occurrence.planned)


def done_when(occurrence: Occurrence) -> str:
    """When an occasion was done, in a sentence: the date, or the year when only the
    year was recorded."""
    if occurrence.done_label or occurrence.done is None:
        return occurrence.done_label or ""
    return long_date(occurrence.done)


def _unmatched_message(u: Unmatched) -> str:
    when = str(u.date.year) if u.year_only else long_date(u.date)
    message = _(_UNMATCHED_REASON.get(u.reason, u.reason)).format(date=when)
    if u.occurrence is not None:
        occasion = u.occurrence.isoformat() if isinstance(u.occurrence, date) else u.occurrence
        message += _(" (occurrence: {occasion})").format(occasion=occasion)
    return message


def problems(plan: DuePlan) -> list[tuple[Finding, str]]:
    """What the coordinator must fix, as findings (with the id of each one's document):
    schedules that cannot be placed in time, completions that close no occasion."""
    found = [
        (
            Finding(
                u.path,
                u.line,
                u.column,
                UNPLACED_RULE,
                _unanchored_message(u),
                Severity.WARNING,
                u.yaml_path,
            ),
            u.doc_id,
        )
        for u in plan.unanchored
    ]
    found += [
        (
            Finding(
                u.path,
                u.line,
                u.column,
                UNMATCHED_RULE,
                _unmatched_message(u),
                Severity.WARNING,
                u.yaml_path,
            ),
            u.doc_id,
        )
        for u in plan.unmatched
    ]
    return found
