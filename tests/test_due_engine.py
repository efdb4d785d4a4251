"""The schedule engine's semantics, one by one, with dates computed by hand."""

from __future__ import annotations

import pickle
import textwrap
from datetime import date, timedelta
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest
from helpers import EXAMPLES
from hypothesis import given, settings
from hypothesis import strategies as st

from trygg_cli.check import KEEP_DOCUMENT
from trygg_cli.due import bucket, buckets, extract, is_overdue, plan
from trygg_cli.due.extract import SCHEDULES, schedules_of
from trygg_cli.due.holidays_se import holidays_in, is_working_day, previous_working_day
from trygg_cli.due.occurrence import DuePlan, Occurrence
from trygg_cli.model import Agreement
from trygg_cli.workspace import load_sources
from trygg_cli.yamlload import load, locate

HEAD = """\
trygg: 1
kind: agreement
id: a
title: Överenskommelse
scope: local
municipality: Mölndal
parties:
  - {id: stad, name: Mölndals stad, type: stad}
  - {id: polis, name: Lokalpolisområde Syd, type: lokalpolisområde}
"""
VALIDITY = "validity:\n  from: 2023-05-01\n  until_further_notice: true\n"


def _plan(
    body: str,
    *,
    until: date = date(2027, 12, 31),
    validity: str = VALIDITY,
    shift: bool = True,
    fallback: date | None = None,
) -> DuePlan:
    text = HEAD + validity + textwrap.dedent(body)
    workspace = load_sources({"a.yaml": text.encode()}, passes=(SCHEDULES,))
    assert "a" in schedules_of(workspace), workspace.findings
    return plan(
        schedules_of(workspace),
        until=until,
        fallback_start=fallback,
        shift_holidays=shift,
    )


def _planned(result: DuePlan, item: str = "follow-up") -> list[date]:
    return [o.planned for o in result.occurrences if o.item == item]


# --------------------------------------------------------------------------- anchors


def test_year_anchor_is_due_at_the_end_of_the_year() -> None:
    result = _plan("follow_up: {first: 2024}\n", shift=False)
    assert _planned(result) == [date(2024, 12, 31)]


def test_year_anchor_at_start_is_due_at_the_end_of_the_first_quarter() -> None:
    result = _plan("follow_up: {first: 2024, every: 2, at: start}\n", shift=False)
    assert _planned(result) == [date(2024, 3, 31), date(2026, 3, 31)]


def test_date_anchor_repeats_on_anniversaries() -> None:
    result = _plan("follow_up: {first: 2024-06-30, every: 1}\n", shift=False)
    assert _planned(result) == [
        date(2024, 6, 30),
        date(2025, 6, 30),
        date(2026, 6, 30),
        date(2027, 6, 30),
    ]


def test_every_counts_from_the_period_start_without_first() -> None:
    result = _plan("follow_up: {every: 2}\n", shift=False)
    assert _planned(result) == [date(2025, 5, 1), date(2027, 5, 1)]


def test_at_end_aligns_to_calendar_years() -> None:
    result = _plan("follow_up: {every: 1, at: end}\n", shift=False, until=date(2025, 12, 31))
    assert _planned(result) == [date(2023, 12, 31), date(2024, 12, 31), date(2025, 12, 31)]


def test_from_signing_counts_from_the_last_signature() -> None:
    validity = "validity:\n  from_signing: true\n  until_further_notice: true\n"
    body = """\
    signatories:
      - {name: A, title: Ordförande, party: stad, signed: 2024-02-10}
      - {name: B, title: Chef, party: polis, signed: 2024-02-15}
    revision: {every: 2}
    evaluation: {first: signing}
    """
    result = _plan(body, validity=validity, shift=False)
    assert _planned(result, "revision") == [date(2026, 2, 15)]
    assert _planned(result, "evaluation") == [date(2024, 2, 15)]


def test_event_without_a_date_is_unanchored() -> None:
    validity = "validity:\n  from_signing: true\n  until_further_notice: true\n"
    result = _plan("evaluation: {first: signing}\nrevision: {every: 4}\n", validity=validity)
    assert result.occurrences == []
    assert [(u.item, u.reason) for u in result.unanchored] == [
        ("evaluation", "no-event-date"),
        ("revision", "no-start"),
    ]


def test_validity_end_is_a_final_follow_up_three_months_after() -> None:
    validity = "validity:\n  from: 2023-05-01\n  until: 2026-12-31\n"
    result = _plan("evaluation: {first: validity_end}\n", validity=validity, shift=False)
    assert _planned(result, "final-follow-up") == [date(2027, 3, 31)]
    assert _planned(result, "validity-end") == [date(2026, 6, 30)]


def test_recurring_stops_at_the_period_end() -> None:
    validity = "validity:\n  from: 2023-05-01\n  until: 2025-06-30\n"
    result = _plan("follow_up: {every: 1, at: end}\n", validity=validity, shift=False)
    assert _planned(result) == [date(2023, 12, 31), date(2024, 12, 31)]


# --------------------------------------------------------------------------- units


def _meetings(schedule: str, **kwargs: Any) -> list[date]:
    body = f"""\
    bodies:
      - id: grupp
        name: Grupp
        level: taktisk
        members: [{{party: stad, role: Samordnare}}]
        meetings: {schedule}
    """
    return _planned(_plan(body, shift=False, **kwargs), "meeting")


def test_terms_are_spring_january_june_and_autumn_august_december() -> None:
    got = _meetings("{times: 2, unit: term}", until=date(2024, 12, 31))
    assert got == [
        date(2023, 6, 30),  # spring 2023: the first half (31 March) is before 1 May
        date(2023, 10, 15),
        date(2023, 12, 31),
        date(2024, 3, 31),
        date(2024, 6, 30),
        date(2024, 10, 15),
        date(2024, 12, 31),
    ]


def test_a_start_in_july_counts_from_the_autumn_term() -> None:
    validity = "validity:\n  from: 2024-07-10\n  until_further_notice: true\n"
    assert _meetings("{times: 1, unit: term}", validity=validity, until=date(2025, 7, 1)) == [
        date(2024, 12, 31),
        date(2025, 6, 30),
    ]


def test_quarters_and_months() -> None:
    assert _meetings("{first: 2024, every: 1, unit: quarter}", until=date(2024, 12, 31)) == [
        date(2024, 3, 31),
        date(2024, 6, 30),
        date(2024, 9, 30),
        date(2024, 12, 31),
    ]
    assert _meetings("{first: 2024, times: 2, unit: month}", until=date(2024, 2, 29)) == [
        date(2024, 1, 15),
        date(2024, 1, 31),
        date(2024, 2, 14),
        date(2024, 2, 29),
    ]


def test_times_per_year_are_split_in_equal_parts() -> None:
    assert _meetings("{first: 2024, times: 3}", until=date(2024, 12, 31)) == [
        date(2024, 4, 30),
        date(2024, 8, 31),
        date(2024, 12, 31),
    ]


def test_as_needed_yields_nothing() -> None:
    assert _meetings("{qualifier: as_needed}") == []


# --------------------------------------------------------------------------- qualifiers


def test_about_gives_a_grace_period() -> None:
    result = _plan("follow_up: {first: 2024, qualifier: about}\n", shift=False)
    (o,) = result.occurrences
    assert o.tolerance_days == 30
    assert bucket(o, date(2025, 1, 30)) == "within-30"
    assert bucket(o, date(2025, 1, 31)) == "overdue"
    exact = _plan("follow_up: {first: 2024}\n", shift=False).occurrences[0]
    assert exact.tolerance_days == 0 and bucket(exact, date(2025, 1, 1)) == "overdue"


AT_LEAST = """\
follow_up:
  first: 2024
  times: 4
  qualifier: at_least
  done: [{dates}]
"""


def test_at_least_counts_completions_in_the_year() -> None:
    result = _plan(
        AT_LEAST.format(dates="2024-01-10, 2024-02-05, 2024-03-01"),
        until=date(2024, 12, 31),
        shift=False,
    )
    done = [o.done for o in result.occurrences]
    assert done == [date(2024, 1, 10), date(2024, 2, 5), date(2024, 3, 1), None]
    assert not any(is_overdue(o, date(2024, 10, 1)) for o in result.occurrences)
    assert result.unmatched == []


def test_at_least_missing_one_is_overdue() -> None:
    result = _plan(AT_LEAST.format(dates="2024-01-10"), until=date(2024, 12, 31), shift=False)
    overdue = [o.planned for o in result.occurrences if is_overdue(o, date(2024, 7, 1))]
    assert overdue == [date(2024, 6, 30)]


def test_at_least_extra_completions_are_not_findings() -> None:
    dates = ", ".join(f"2024-0{m}-01" for m in range(1, 7))
    result = _plan(AT_LEAST.format(dates=dates), until=date(2024, 12, 31))
    assert result.unmatched == []
    assert all(o.done is not None for o in result.occurrences)


# --------------------------------------------------------------------------- completions


def test_late_completion_closes_its_own_occasion_and_the_plan_stands() -> None:
    body = "follow_up:\n  first: 2021\n  every: 2\n  done: [2024-01-20]\n"
    result = _plan(body, shift=False)
    assert [(o.planned, o.done) for o in result.occurrences] == [
        (date(2021, 12, 31), date(2024, 1, 20)),  # the earliest open one
        (date(2023, 12, 31), None),
        (date(2025, 12, 31), None),
        (date(2027, 12, 31), None),
    ]


def test_named_occurrence_closes_that_occasion() -> None:
    body = "follow_up:\n  first: 2021\n  every: 2\n  done: [{date: 2024-01-20, occurrence: 2023}]\n"
    result = _plan(body, shift=False)
    assert [o.done for o in result.occurrences][:2] == [None, date(2024, 1, 20)]


def test_completion_early_in_the_year_closes_that_year() -> None:
    body = "follow_up:\n  first: 2021\n  every: 2\n  done: [2021-03-01, 2023-06-01]\n"
    result = _plan(body, shift=False)
    assert [o.done for o in result.occurrences][:2] == [date(2021, 3, 1), date(2023, 6, 1)]


def test_unmatched_completions_are_returned() -> None:
    body = """\
    follow_up:
      first: 2021
      every: 2
      done:
        - {date: 2022-11-30, occurrence: 2022}
        - 2020-05-01
        - {date: 2021-11-30, occurrence: 2021}
        - {date: 2021-12-01, occurrence: 2021}
    """
    result = _plan(body, shift=False)
    reasons = {(u.yaml_path, u.reason) for u in result.unmatched}
    assert reasons == {
        (("follow_up", "done", 0), "no-such-occasion"),
        (("follow_up", "done", 1), "before-first"),
        (("follow_up", "done", 3), "already-done"),
    }
    first = next(u for u in result.unmatched if u.yaml_path[-1] == 0)
    assert first.date == date(2022, 11, 30) and first.occurrence == 2022
    assert first.path == "a.yaml" and first.line == 17


def test_exact_times_extra_completion_is_unmatched() -> None:
    body = "follow_up:\n  first: 2024\n  times: 2\n  done: [2024-01-05, 2024-02-10]\n"
    result = _plan(body, until=date(2024, 12, 31))
    assert [u.reason for u in result.unmatched] == ["no-such-occasion"]
    also = body.replace("times: 2\n", "times: 2\n  also_as_needed: true\n")
    assert _plan(also, until=date(2024, 12, 31)).unmatched == []


# --------------------------------------------------------------------------- actions


PLAN = """\
trygg: 1
kind: action-plan
id: p
title: Åtgärdsplan
agreement: a
period: {{from: 2024-01-01, until: 2025-12-31}}
actions:
  - id: x
    title: Åtgärd
    performs: [{{party: stad}}, {{body: bra}}]
    {extra}
"""


def _actions(extra: str) -> DuePlan:
    sources = {
        "a.yaml": (HEAD + VALIDITY).encode(),
        "p.yaml": PLAN.format(extra=extra.replace("\n", "\n    ")).encode(),
    }
    workspace = load_sources(sources, passes=(SCHEDULES,))
    return plan(
        schedules_of(workspace),
        until=date(2026, 12, 31),
        shift_holidays=False,
    )


def test_action_deadline_and_recurring_action() -> None:
    result = _actions("deadline: 2024-09-30\nschedule: {first: 2024, every: 1}")
    got = [(o.item, o.planned) for o in result.occurrences if o.doc_id == "p"]
    assert got == [
        ("deadline", date(2024, 9, 30)),
        ("action", date(2024, 12, 31)),
        ("action", date(2025, 12, 31)),
        ("period-end", date(2025, 12, 31)),  # the plan's own period ends: an item of its own
    ]
    deadline = result.occurrences[0]
    assert deadline.parties == ("stad",) and deadline.bodies == ("bra",)
    assert (deadline.path, deadline.line) == ("p.yaml", 11)


def test_cancelled_action_yields_nothing_and_done_only_what_was_recorded() -> None:
    assert [
        o
        for o in _actions("deadline: 2024-09-30\nstatus: cancelled").occurrences
        if o.doc_id == "p" and o.item != "period-end"
    ] == []
    done = _actions("schedule: {first: 2024, every: 1, done: [2024-05-01]}\nstatus: done")
    assert [(o.planned, o.done) for o in done.occurrences if o.item == "action"] == [
        (date(2024, 12, 31), date(2024, 5, 1))
    ]


# --------------------------------------------------------------------------- holidays


def test_holiday_shift() -> None:
    assert previous_working_day(date(2026, 6, 19)) == date(2026, 6, 18)  # midsommarafton
    assert previous_working_day(date(2026, 12, 24)) == date(2026, 12, 23)  # julafton
    assert previous_working_day(date(2026, 12, 31)) == date(2026, 12, 30)  # nyårsafton
    assert previous_working_day(date(2026, 11, 15)) == date(2026, 11, 13)  # a Sunday
    # Easter 2026: långfredag 3 April, annandag påsk 6 April.
    assert previous_working_day(date(2026, 4, 6)) == date(2026, 4, 2)
    assert previous_working_day(date(2026, 4, 2)) == date(2026, 4, 2)
    assert is_working_day(date(2026, 6, 18)) and not is_working_day(date(2026, 6, 20))
    assert date(2026, 6, 19) in holidays_in(2026) and date(2026, 4, 30) not in holidays_in(2026)


def test_due_is_shifted_but_planned_and_key_are_not() -> None:
    body = "follow_up: {first: 2026-06-19}\n"
    shifted = _plan(body).occurrences[0]
    plain = _plan(body, shift=False).occurrences[0]
    assert (shifted.planned, shifted.due) == (date(2026, 6, 19), date(2026, 6, 18))
    assert plain.due == date(2026, 6, 19)
    assert shifted.key == plain.key == "a/follow-up//2026-06-19"


# --------------------------------------------------------------------------- buckets, types


def test_buckets_boundaries() -> None:
    result = _plan(
        "follow_up: {first: 2026-03-02, every: 1, unit: month}\n",
        until=date(2026, 8, 31),
        shift=False,
    )
    today = date(2026, 4, 1)
    got = buckets(result.occurrences, today)
    assert [o.planned for o in got["overdue"]] == [date(2026, 3, 2)]
    assert [o.planned for o in got["within-30"]] == [date(2026, 4, 2)]
    assert [o.planned for o in got["within-90"]] == [date(2026, 5, 2), date(2026, 6, 2)]
    assert [o.planned for o in got["later"]] == [date(2026, 7, 2), date(2026, 8, 2)]
    assert bucket(result.occurrences[3], date(2026, 3, 4)) == "within-90"  # 90 days
    assert bucket(result.occurrences[3], date(2026, 3, 3)) == "later"  # 91 days


def test_occurrences_pickle_and_sort() -> None:
    result = _plan("follow_up: {first: 2024, every: 1}\nrevision: {first: 2024-06-01}\n")
    occurrences = result.occurrences
    assert pickle.loads(pickle.dumps(occurrences)) == occurrences
    assert sorted(reversed(occurrences)) == occurrences
    assert occurrences[0].item == "revision"


def test_schedules_point_at_their_source_lines() -> None:
    """Every occurrence and unmatched completion names the line of its schedule (or of
    the completion) in the file, as ``locate`` finds it in the parsed YAML."""
    from trygg_cli.model.dates import schedules
    from trygg_cli.workspace import load_paths

    workspace = load_paths([str(EXAMPLES)], passes=(KEEP_DOCUMENT, SCHEDULES))
    checked = 0
    for result in workspace.results:
        document = result.outputs.get("document")
        found = result.outputs.get("schedules")
        if document is None or found is None:
            continue
        root = load(Path(result.path).read_text(encoding="utf-8")).root
        entries = {entry.loc: entry for entry in found.entries}
        for loc, _schedule in schedules(document):
            if loc not in entries:
                continue  # e.g. a schedule inside a cancelled action
            entry = entries[loc]
            line, column = locate(root, loc, at_key=True)
            assert entry.where == (result.path, line + 1, column + 1), loc
            for i, where in enumerate(entry.done_where):
                line, column = locate(root, (*loc, "done", i), at_key=True)
                assert where == (result.path, line + 1, column + 1)
            checked += 1
    assert checked > 10


def test_schedules_from_worker_processes_plan_the_same(monkeypatch: Any) -> None:
    """What worker processes send back (pickled) plans exactly as in one process."""
    from trygg_cli import workspace as ws

    monkeypatch.setattr(ws.load, "_PARALLEL_MIN_FILES", 1)
    monkeypatch.setattr(ws.load, "_PARALLEL_MIN_BYTES", 0)
    monkeypatch.setattr(ws.load, "_CHUNK", 1)
    parallel = ws.load_paths([str(EXAMPLES)], jobs=2, passes=(SCHEDULES,))
    serial = ws.load_paths([str(EXAMPLES)], jobs=1, passes=(SCHEDULES,))
    assert schedules_of(parallel) == schedules_of(serial)
    until = date(2027, 12, 31)
    assert plan(schedules_of(parallel), until=until) == plan(schedules_of(serial), until=until)
    assert len(plan(schedules_of(serial), until=until).occurrences) > 20


# --------------------------------------------------------------------------- properties


def _agreement(schedule: dict[str, Any], start: date) -> Agreement:
    return Agreement.model_validate(
        {
            "trygg": 1,
            "kind": "agreement",
            "id": "a",
            "title": "T",
            "scope": "local",
            "municipality": "M",
            "parties": [{"id": "s", "name": "S", "type": "stad"}],
            "validity": {"from": start.isoformat(), "until_further_notice": True},
            "follow_up": schedule,
        }
    )


@st.composite
def _schedules(draw: st.DrawFn) -> dict[str, Any]:
    unit = draw(st.sampled_from(["year", "term", "quarter", "month", "week"]))
    qualifier = draw(st.sampled_from(["exact", "about", "at_least"]))
    schedule: dict[str, Any] = {"unit": unit, "qualifier": qualifier}
    if draw(st.booleans()):
        schedule["times"] = draw(st.integers(1, 6))
    else:
        schedule["every"] = draw(st.integers(1, 4))
        if draw(st.booleans()):
            schedule["at"] = draw(st.sampled_from(["start", "end"]))
    anchor = draw(st.sampled_from(["none", "year", "date"]))
    if anchor == "year":
        schedule["first"] = draw(st.integers(2019, 2025))
    elif anchor == "date":
        schedule["first"] = draw(st.dates(date(2019, 1, 1), date(2025, 12, 31))).isoformat()
    return schedule


_START = st.dates(date(2019, 1, 1), date(2025, 12, 31))
_TODAY = st.dates(date(2019, 1, 1), date(2027, 12, 31))


def _occurrences(schedule: dict[str, Any], start: date) -> list[Occurrence]:
    doc = _agreement(schedule, start)
    schedules = {"a": extract(doc, lambda loc: ("a.yaml", 1, 1))}
    return plan(schedules, until=date(2027, 12, 31)).occurrences


@settings(max_examples=150, deadline=None)
@given(_schedules(), _START)
def test_property_strictly_increasing(schedule: dict[str, Any], start: date) -> None:
    occurrences = [o for o in _occurrences(schedule, start) if o.item == "follow-up"]
    planned = [o.planned for o in occurrences]
    due = [o.due for o in occurrences]
    assert all(a < b for a, b in pairwise(planned))
    assert all(a <= b for a, b in pairwise(due))


@settings(max_examples=150, deadline=None)
@given(_schedules(), _START, _TODAY)
def test_property_recording_every_past_occurrence_leaves_nothing_overdue(
    schedule: dict[str, Any], start: date, today: date
) -> None:
    past = [o for o in _occurrences(schedule, start) if o.due < today]
    schedule = {**schedule, "done": [o.planned.isoformat() for o in past]}
    after = _occurrences(schedule, start)
    assert [o for o in after if is_overdue(o, today)] == []


@settings(max_examples=150, deadline=None)
@given(_schedules(), _START, _TODAY, st.integers(0, 800))
def test_property_overdue_stays_overdue(
    schedule: dict[str, Any], start: date, today: date, days: int
) -> None:
    later = today + timedelta(days=days)
    for o in _occurrences(schedule, start):
        if bucket(o, today) == "overdue":
            assert bucket(o, later) == "overdue"
        assert (bucket(o, today) == "done") == (bucket(o, later) == "done")


@pytest.mark.parametrize("order", ["serial", "parallel", "reversed"])
def test_planning_files_as_they_arrive_plans_the_whole_workspace(
    tmp_path: Path, monkeypatch: Any, order: str
) -> None:
    """run_due plans each file as it arrives (action plans once their agreement is in);
    the result equals planning the finished workspace, whatever the order of arrival,
    with an agreement id used twice and an action plan whose agreement is missing."""
    from trygg_cli import workspace as ws
    from trygg_cli.due.config import DueConfig
    from trygg_cli.due.life import settle
    from trygg_cli.due.run import DueQuery, run_due

    signed = "signatories:\n  - {name: A, title: B, party: stad, signed: 2023-03-01}\n"
    plan_text = (
        "trygg: 1\nkind: action-plan\nid: {id}\ntitle: Plan\nagreement: {agreement}\n"
        "follow_up: {{every: 1}}\n{period}actions:\n"
        "  - {{id: x, title: Åtgärd, deadline: 2025-03-01, schedule: {{times: 2}}}}\n"
    )
    files = {
        "0-plan.yaml": plan_text.format(id="p0", agreement="a", period=""),
        "1-agreement.yaml": HEAD + VALIDITY + signed,
        "2-plan.yaml": plan_text.format(
            id="p2", agreement="a", period="period: {from_signing: true}\n"
        ),
        "3-same-id.yaml": HEAD + "validity: {from: 2020-01-01, until: 2030-12-31}\n",
        "4-orphan.yaml": plan_text.format(id="p4", agreement="gone", period=""),
    }
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    if order != "serial":
        monkeypatch.setattr(ws.load, "_PARALLEL_MIN_FILES", 1)
        monkeypatch.setattr(ws.load, "_PARALLEL_MIN_BYTES", 0)
        monkeypatch.setattr(ws.load, "_CHUNK", 1)
    if order == "reversed":
        # The later agreement with the same id arrives first and is lent to 2-plan; the
        # plan must still use 1-agreement, which holds the id in the workspace.
        chunks = ws.load._chunks
        monkeypatch.setattr(ws.load, "_chunks", lambda files: chunks(files)[::-1])
    query = DueQuery(as_of=date(2026, 11, 24), include_done=True)
    jobs = 1 if order == "serial" else 2
    outcome = run_due([str(tmp_path)], query, jobs=jobs, config=DueConfig())
    whole = ws.load_paths([str(tmp_path)], jobs=1, passes=(SCHEDULES,))
    expected = plan(schedules_of(whole), until=date(2027, 12, 31), fallback_start=date(2026, 1, 1))
    assert outcome.plan == settle(expected, schedules_of(whole), as_of=query.as_of)
    p0 = [o for o in expected.occurrences if o.doc_id == "p0" and o.item == "follow-up"]
    assert p0[0].planned == date(2024, 5, 1) and p0[0].parties == ("stad", "polis")
    assert outcome.unread == [str(tmp_path / "3-same-id.yaml")]
