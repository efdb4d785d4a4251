"""A follow-up document closes its occasion in `trygg due` by itself: no `done:` needed."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from followup_cases import AGREEMENT, PLAN, PROMISE, follow_up

from trygg_cli.due import plan
from trygg_cli.due.extract import SCHEDULES, schedules_of
from trygg_cli.due.occurrence import Occurrence
from trygg_cli.due.run import DueQuery, run_due
from trygg_cli.workspace import load_sources

FILES = {"avtal.yaml": AGREEMENT, "plan.yaml": PLAN, "lofte.yaml": PROMISE}


def _follow_ups(*follow_ups: str) -> list[Occurrence]:
    texts = {**FILES, **{f"u{i}.yaml": text for i, text in enumerate(follow_ups)}}
    workspace = load_sources({p: t.encode() for p, t in texts.items()}, passes=(SCHEDULES,))
    planned = plan(schedules_of(workspace), until=date(2027, 12, 31), shift_holidays=False)
    assert planned.unmatched == []
    items = ("follow-up", "final-follow-up", "promise-follow-up")
    return [o for o in planned.occurrences if o.item in items]


def _done(occurrences: list[Occurrence]) -> dict[tuple[str, str], date | None]:
    return {(o.doc_id, o.occasion): o.done for o in occurrences}


def test_a_year_closes_that_years_follow_up_of_the_agreement_and_of_the_plan() -> None:
    done = _done(_follow_ups(follow_up("2024", date="2025-01-20")))
    assert done[("avtal", "2024")] == date(2025, 1, 20)
    assert done[("plan", "2024")] == date(2025, 1, 20)
    assert done[("avtal", "2025")] is None
    # The promise's final follow-up (after 2025-12-31) is another occasion: left as it is.
    assert done[("lofte", "after-2025-12-31")] is None


def test_a_date_as_trygg_due_shows_it_closes_the_occasion_whose_window_holds_it() -> None:
    # The follow-up of 2025 is planned 2025-12-31 and due 2025-12-30 (nyårsafton).
    done = _done(_follow_ups(follow_up("2025-12-30", date="2026-01-15")))
    assert done[("avtal", "2025")] == date(2026, 1, 15)
    assert done[("avtal", "2024")] is None


def test_the_final_follow_up_is_closed_by_validity_end() -> None:
    done = _done(_follow_ups(follow_up("validity_end", date="2026-02-10")))
    assert done[("lofte", "after-2025-12-31")] == date(2026, 2, 10)


def test_a_draft_without_a_date_closes_nothing() -> None:
    assert all(o.done is None for o in _follow_ups(follow_up("2024", date=None)))


def test_the_date_it_was_noted_counts_when_it_has_no_date_of_its_own() -> None:
    noted = "noted_by: {body: Kommunstyrelsen, date: 2025-02-12}\n"
    done = _done(_follow_ups(follow_up("2024", date=None, extra=noted)))
    assert done[("avtal", "2024")] == date(2025, 2, 12)


def test_an_occasion_none_of_its_documents_plans_closes_nothing_and_is_no_due_finding() -> None:
    # 2023 is before the agreement's first follow-up: lint's TRY310 says so, not due.
    assert all(o.done is None for o in _follow_ups(follow_up("2023", date="2024-01-10")))


def test_a_done_entry_and_a_follow_up_for_the_same_occasion_are_no_conflict() -> None:
    agreement = AGREEMENT.replace(
        "follow_up: {every: 1, at: end}", "follow_up: {every: 1, at: end, done: [2024-12-20]}"
    )
    texts = {**FILES, "avtal.yaml": agreement, "u.yaml": follow_up("2024")}
    workspace = load_sources({p: t.encode() for p, t in texts.items()}, passes=(SCHEDULES,))
    planned = plan(schedules_of(workspace), until=date(2027, 12, 31))
    assert planned.unmatched == []
    done = {(o.doc_id, o.occasion): o.done for o in planned.occurrences}
    assert done[("avtal", "2024")] == date(2024, 12, 20)  # the done: entry came first


def test_trygg_due_closes_it_whatever_order_the_files_arrive_in(tmp_path: Path) -> None:
    # "a-" sorts first: the follow-up arrives before the documents it follows up.
    texts = {**FILES, "a-uppfoljning.yaml": follow_up("2024", date="2025-01-20")}
    for name, text in texts.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    query = DueQuery(as_of=date(2025, 6, 1), include_done=True)
    outcome = run_due([str(tmp_path)], query, jobs=1)
    rows = {(o.doc_id, o.item, o.occasion): o for o in outcome.shown}
    assert rows[("avtal", "follow-up", "2024")].done == date(2025, 1, 20)
    assert rows[("plan", "follow-up", "2024")].done == date(2025, 1, 20)
    assert rows[("plan", "follow-up", "2024")].done_report == "uppfoljning-2024"
    assert outcome.plan.unmatched == []
