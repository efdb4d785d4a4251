"""The schedule engine on the data-model shapes of issue 16 (tertial, a count over the
period, seasons, event-tied schedules, the end in effect, completions known by year, joint
commitments), with dates computed by hand."""

from __future__ import annotations

import json
import textwrap
from datetime import date
from pathlib import Path
from typing import Any

from helpers import write_file

from trygg_cli.due import plan
from trygg_cli.due.extract import SCHEDULES, schedules_of
from trygg_cli.due.occurrence import DuePlan
from trygg_cli.due.report import problems
from trygg_cli.due.report.words import when_tied
from trygg_cli.workspace import load_sources

AGREEMENT = """\
trygg: 1
kind: agreement
id: a
title: Överenskommelse
scope: local
municipality: Exempelby
parties:
  - {id: kommun, name: Exempelby kommun, type: kommun}
  - {id: polis, name: Lokalpolisområde Exempel, type: lokalpolisområde}
"""
PROMISE = """\
trygg: 1
kind: citizen-promise
id: p
title: Medborgarlöfte
municipality: Exempelby
parties:
  - {id: kommun, name: Exempelby kommun, type: kommun}
  - {id: polis, name: Lokalpolisområde Exempel, type: lokalpolisområde}
actors:
  - {id: bostader, name: Exempelbostäder AB, type: bostadsbolag}
problem: Otrygghet i centrum.
"""
OPEN = "validity:\n  from: 2023-05-01\n  until_further_notice: true\n"


def _plan_sources(
    sources: dict[str, str], until: date, shift: bool, as_of: date | None = None
) -> DuePlan:
    raw = {name: text.encode() for name, text in sources.items()}
    workspace = load_sources(raw, passes=(SCHEDULES,))
    planned = schedules_of(workspace)
    assert len(planned) == len(sources), workspace.findings
    return plan(planned, until=until, shift_holidays=shift, as_of=as_of)


def _agreement(
    body: str,
    validity: str = OPEN,
    *,
    until: date = date(2027, 12, 31),
    shift: bool = False,
    as_of: date | None = None,
) -> DuePlan:
    text = AGREEMENT + validity + textwrap.dedent(body)
    return _plan_sources({"a.yaml": text}, until, shift, as_of)


def _promise(body: str, *, until: date = date(2027, 12, 31), shift: bool = False) -> DuePlan:
    return _plan_sources({"p.yaml": PROMISE + textwrap.dedent(body)}, until, shift)


def _planned(result: DuePlan, item: str) -> list[date]:
    return [o.planned for o in result.occurrences if o.item == item]


def _meetings(schedule: str, validity: str = OPEN, **kwargs: object) -> DuePlan:
    body = f"""\
    bodies:
      - id: grupp
        name: Grupp
        level: taktisk
        members: [{{party: kommun, role: Samordnare}}]
        meetings: {schedule}
    """
    return _agreement(body, validity, **kwargs)  # type: ignore[arg-type]


# --------------------------------------------------------------------------- tertial


def test_once_a_tertial_is_due_at_the_end_of_each_third_of_the_year() -> None:
    validity = "validity:\n  from: 2023-05-01\n  until: 2024-04-30\n"
    result = _meetings("{times: 1, unit: tertial}", validity)
    assert _planned(result, "meeting") == [
        date(2023, 8, 31),
        date(2023, 12, 31),
        date(2024, 4, 30),  # the period's last day is included
    ]
    assert [o.occasion for o in result.occurrences if o.item == "meeting"] == [
        "2023-TR2#1",
        "2023-TR3#1",
        "2024-TR1#1",
    ]
    shifted = _meetings("{times: 1, unit: tertial}", validity, shift=True)
    # Sunday 31 December (nyårsafton) and Saturday 30 → Friday 29 December
    assert [o.due for o in shifted.occurrences if o.item == "meeting"] == [
        date(2023, 8, 31),
        date(2023, 12, 29),
        date(2024, 4, 30),
    ]


def test_times_per_tertial_split_its_four_months() -> None:
    result = _meetings("{first: 2024, times: 2, unit: tertial}", until=date(2024, 12, 31))
    assert _planned(result, "meeting") == [
        date(2024, 2, 29),
        date(2024, 4, 30),
        date(2024, 6, 30),
        date(2024, 8, 31),
        date(2024, 10, 31),
        date(2024, 12, 31),
    ]


def test_every_other_tertial_at_end_and_at_start() -> None:
    at_end = _meetings("{every: 2, unit: tertial, at: end}", until=date(2024, 12, 31))
    assert _planned(at_end, "meeting") == [date(2023, 8, 31), date(2024, 4, 30), date(2024, 12, 31)]
    # at the start: a quarter of the way in (May–August has 123 days: 31 days in)
    at_start = _meetings("{every: 1, unit: tertial, at: start}", until=date(2023, 12, 31))
    assert _planned(at_start, "meeting") == [date(2023, 5, 31), date(2023, 10, 1)]


def test_every_tertial_without_at_is_four_months_after_the_start() -> None:
    result = _meetings("{every: 1, unit: tertial}", until=date(2024, 6, 30), shift=True)
    meetings = [o for o in result.occurrences if o.item == "meeting"]
    assert [o.planned for o in meetings] == [date(2023, 9, 1), date(2024, 1, 1), date(2024, 5, 1)]
    # nyårsdagen → Friday 29 December; första maj → Tuesday 30 April
    assert [o.due for o in meetings] == [date(2023, 9, 1), date(2023, 12, 29), date(2024, 4, 30)]


def test_about_a_tertial_has_a_quarter_of_its_days_of_grace() -> None:
    once = _meetings("{every: 1, unit: tertial, qualifier: about}", until=date(2023, 9, 30))
    assert [o.tolerance_days for o in once.occurrences] == [30]  # 122 / 4 = 30.5 → 30
    twice = _meetings("{times: 2, unit: tertial, qualifier: about}", until=date(2023, 6, 30))
    assert [o.tolerance_days for o in twice.occurrences] == [15]  # 61 / 4 = 15.25 → 15


def test_at_least_twice_a_tertial_counts_completions_in_the_tertial() -> None:
    schedule = (
        "{first: 2024, times: 2, unit: tertial, qualifier: at_least,"
        " done: [2024-01-10, 2024-01-20]}"
    )
    result = _meetings(schedule, until=date(2024, 8, 31))
    done = [(o.planned, o.done) for o in result.occurrences]
    assert done[:2] == [
        (date(2024, 2, 29), date(2024, 1, 10)),
        (date(2024, 4, 30), date(2024, 1, 20)),
    ]
    assert all(d is None for _p, d in done[2:]) and not result.unmatched


# --------------------------------------------------------------------------- end in effect

FOLLOW_UP = "follow_up: {every: 1, at: end}\nevaluation: {first: validity_end}\n"


def test_a_term_without_until_ends_start_plus_term_minus_a_day() -> None:
    validity = "validity:\n  from: 2020-05-11\n  term: {amount: 4, unit: year}\n"
    result = _agreement(FOLLOW_UP, validity)
    # end in effect 2024-05-10: the yearly follow-up stops there
    assert _planned(result, "follow-up") == [
        date(2020, 12, 31),
        date(2021, 12, 31),
        date(2022, 12, 31),
        date(2023, 12, 31),
    ]
    assert _planned(result, "validity-end") == [date(2023, 11, 10)]  # six months before
    assert _planned(result, "final-follow-up") == [date(2024, 8, 10)]  # three months after
    (end,) = [o for o in result.occurrences if o.item == "validity-end"]
    assert end.yaml_path == ("validity", "term") and end.occasion == "end-2024-05-10"


def test_the_last_extension_is_the_end_in_effect() -> None:
    validity = """\
    validity:
      from: 2020-05-11
      until: 2024-05-10
      extensions:
        - {until: 2024-12-31}
        - {until: 2025-06-30, decided: 2024-04-02}
    """
    result = _agreement(FOLLOW_UP, textwrap.dedent(validity))
    assert _planned(result, "follow-up")[-1] == date(2024, 12, 31)
    assert _planned(result, "validity-end") == [date(2024, 12, 30)]
    assert _planned(result, "final-follow-up") == [date(2025, 9, 30)]
    (end,) = [o for o in result.occurrences if o.item == "validity-end"]
    assert end.yaml_path == ("validity", "extensions", 1, "until")


def test_a_mandate_period_ends_on_14_october_of_the_election_year() -> None:
    validity = "validity:\n  from: 2023-01-01\n  term: {unit: mandate_period}\n"
    result = _agreement(FOLLOW_UP, validity)
    assert _planned(result, "validity-end") == [date(2026, 4, 14)]
    assert _planned(result, "follow-up") == [
        date(2023, 12, 31),
        date(2024, 12, 31),
        date(2025, 12, 31),
    ]


def test_until_replaced_has_no_end_even_with_a_term() -> None:
    validity = (
        "validity:\n  from: 2023-05-01\n  until_replaced: true\n  term: {amount: 2, unit: year}\n"
    )
    result = _agreement(FOLLOW_UP, validity, until=date(2026, 12, 31))
    assert _planned(result, "validity-end") == []
    assert _planned(result, "follow-up") == [
        date(2023, 12, 31),
        date(2024, 12, 31),
        date(2025, 12, 31),
        date(2026, 12, 31),
    ]
    assert [(u.item, u.reason) for u in result.unanchored] == [("final-follow-up", "no-event-date")]


WALKS = "commitments: [{id: c, party: polis, text: Polisen går trygghetsvandringar.}]\n"


def test_a_promise_with_a_term_ends_at_the_end_of_its_term() -> None:
    result = _promise("period: {from: 2024-01-01, term: {amount: 1, unit: year}}\n" + WALKS)
    assert _planned(result, "promise-end") == [date(2024, 12, 31)]
    (end,) = result.occurrences
    assert end.yaml_path == ("period", "term")
    replaced = _promise("period: {from: 2024-01-01, until_replaced: true}\n" + WALKS)
    assert replaced.occurrences == []


# --------------------------------------------------------------------------- over the period


def _commitment(schedule: str, period: str) -> DuePlan:
    body = f"""\
    period: {period}
    commitments:
      - id: vandringar
        parties: [kommun, polis, bostader]
        text: Tillsammans genomför vi trygghetsvandringar.
        schedule: {schedule}
    """
    return _promise(body)


TWO_YEARS = "{from: 2024-01-01, until: 2025-12-31}"


def test_times_over_the_period_are_spread_in_equal_parts() -> None:
    result = _commitment("{times: 4, unit: period}", TWO_YEARS)
    walks = [o for o in result.occurrences if o.item == "commitment"]
    # 24 months in four parts of six
    assert [o.planned for o in walks] == [
        date(2024, 6, 30),
        date(2024, 12, 31),
        date(2025, 6, 30),
        date(2025, 12, 31),
    ]
    assert [o.occasion for o in walks] == ["period#1", "period#2", "period#3", "period#4"]
    shifted = _promise(
        f"period: {TWO_YEARS}\n"
        "commitments:\n"
        "  - {id: v, party: polis, text: Vandringar, schedule: {times: 4, unit: period}}\n",
        shift=True,
    )
    # Sunday 30 June → Friday 28; nyårsafton (Tuesday, Wednesday) → the Monday, Tuesday before
    assert [o.due for o in shifted.occurrences if o.item == "commitment"] == [
        date(2024, 6, 28),
        date(2024, 12, 30),
        date(2025, 6, 30),
        date(2025, 12, 30),
    ]


def test_a_period_that_is_not_whole_months_is_split_by_days() -> None:
    validity = "validity:\n  from: 2020-05-11\n  term: {amount: 4, unit: year}\n"
    body = """\
    occasions:
      - id: dialog
        name: Medborgardialog
        schedule: {times: 3, unit: period}
    """
    result = _agreement(body, validity)
    # 2020-05-11 – 2024-05-10 is 1461 days: parts end after 487, 974 and 1461 days
    assert _planned(result, "occasion") == [date(2021, 9, 9), date(2023, 1, 9), date(2024, 5, 10)]


def test_at_least_times_over_the_period_count_completions_in_the_period() -> None:
    schedule = "{times: 3, unit: period, qualifier: at_least, done: [2024-02-01, 2024-02-02]}"
    result = _commitment(schedule, "{from: 2024-01-01, until: 2024-12-31}")
    walks = [(o.planned, o.done) for o in result.occurrences if o.item == "commitment"]
    assert walks == [
        (date(2024, 4, 30), date(2024, 2, 1)),
        (date(2024, 8, 31), date(2024, 2, 2)),
        (date(2024, 12, 31), None),
    ]


def test_about_over_the_period_takes_its_grace_from_the_period() -> None:
    # 731 days / 24 = 30.5 days between occasions; a quarter of that is 7.6 → 8
    result = _commitment("{times: 24, unit: period, qualifier: about}", TWO_YEARS)
    assert {o.tolerance_days for o in result.occurrences if o.item == "commitment"} == {8}


def test_times_over_a_period_without_an_end_cannot_be_placed() -> None:
    result = _commitment(
        "{times: 9, unit: period, qualifier: at_least}", "{from: 2024-01-01, until_replaced: true}"
    )
    assert result.occurrences == []
    assert [(u.item, u.reason) for u in result.unanchored] == [("commitment", "no-end")]
    ((finding, doc_id),) = problems(result)
    assert doc_id == "p" and finding.rule == "unplaced-schedule"
    assert "no known end" in finding.message


# --------------------------------------------------------------------------- seasons


def _occasion(schedule: str, **kwargs: object) -> DuePlan:
    body = f"""\
    occasions:
      - id: insats
        name: Sommarinsats
        schedule: {schedule}
    """
    return _agreement(body, **kwargs)  # type: ignore[arg-type]


def test_every_summer_holiday_is_due_on_15_august() -> None:
    result = _occasion("{every: 1, during: summer_holiday}", until=date(2025, 12, 31))
    occasions = [o for o in result.occurrences if o.item == "occasion"]
    assert [o.planned for o in occasions] == [
        date(2023, 8, 15),
        date(2024, 8, 15),
        date(2025, 8, 15),
    ]
    assert occasions[0].occasion == "2023-summer_holiday"


def test_winter_runs_from_december_to_the_end_of_february() -> None:
    result = _occasion("{every: 1, during: winter}", until=date(2026, 3, 31), shift=True)
    occasions = [o for o in result.occurrences if o.item == "occasion"]
    # the winter of 2022 ended on 2023-02-28, before the start (2023-05-01)
    assert [o.planned for o in occasions] == [
        date(2024, 2, 29),
        date(2025, 2, 28),
        date(2026, 2, 28),
    ]
    assert [o.occasion for o in occasions] == ["2023-winter", "2024-winter", "2025-winter"]
    # Saturday 28 February 2026 → Friday 27
    assert [o.due for o in occasions][-1] == date(2026, 2, 27)


def test_autumn_of_a_year_once_with_its_window() -> None:
    done = _occasion("{first: 2024, during: autumn, done: [2024-10-05]}", shift=True)
    (o,) = [o for o in done.occurrences if o.item == "occasion"]
    assert (o.planned, o.due, o.done) == (date(2024, 11, 30), date(2024, 11, 29), date(2024, 10, 5))
    early = _occasion("{first: 2024, during: autumn, done: [2024-08-31]}")
    assert [u.reason for u in early.unmatched] == ["before-first"]


def test_every_other_spring_and_at_the_start_of_summer() -> None:
    spring = _occasion("{first: 2024, every: 2, during: spring}", shift=True)
    occasions = [o for o in spring.occurrences if o.item == "occasion"]
    assert [o.planned for o in occasions] == [date(2024, 5, 31), date(2026, 5, 31)]
    assert [o.due for o in occasions] == [date(2024, 5, 31), date(2026, 5, 29)]  # Sunday → Friday
    # June–August has 92 days: a quarter of the way in is 23 days, 23 June
    summer = _occasion("{first: 2024, during: summer, at: start}")
    assert _planned(summer, "occasion") == [date(2024, 6, 23)]


def test_times_in_a_season_split_it_every_year() -> None:
    result = _occasion("{first: 2024, times: 2, during: autumn}", until=date(2025, 12, 31))
    # September–November is three months, not two halves: 91 days, 45 and 46
    assert _planned(result, "occasion") == [
        date(2024, 10, 15),
        date(2024, 11, 30),
        date(2025, 10, 15),
        date(2025, 11, 30),
    ]


def test_every_other_season_with_an_unknown_start_cannot_be_placed() -> None:
    validity = "validity:\n  from_signing: true\n  until_further_notice: true\n"
    result = _occasion("{every: 2, during: summer}", validity=validity)
    assert [u.reason for u in result.unanchored] == ["no-start"]


# --------------------------------------------------------------------------- tied


TIED = """\
bodies:
  - id: ksau
    name: Kommunstyrelsens arbetsutskott
    level: strategisk
    members: [{party: kommun, role: Ledamöter}]
occasions:
  - id: kommunpolis
    name: Kommunpolisen bjuds in
    schedule:
      with_meetings_of: ksau
      text: Kommunpolisen bjuds in till varje möte i kommunstyrelsens arbetsutskott.
      done: [2024-03-01]
  - id: skolstart
    name: Trygghetsvandring vid skolstart
    schedule: {at_event: skolstart}
"""


def test_tied_schedules_have_no_dates_and_are_listed_apart() -> None:
    result = _agreement(TIED)
    assert [o for o in result.occurrences if o.item == "occasion"] == []
    assert not result.unmatched and not result.unanchored  # their done: is not judged
    meetings, school = result.tied
    assert (meetings.item_id, meetings.with_meetings_of, meetings.body_name) == (
        "kommunpolis",
        "ksau",
        "Kommunstyrelsens arbetsutskott",
    )
    assert meetings.bodies == ("ksau",) and meetings.parties == ("kommun", "polis")
    assert meetings.yaml_path == ("occasions", 0, "schedule")
    assert (school.at_event, school.with_meetings_of) == ("skolstart", None)
    assert when_tied(meetings) == "at every meeting of Kommunstyrelsens arbetsutskott"
    assert when_tied(school) == "at skolstart"


def test_an_action_plan_names_the_body_of_its_agreement() -> None:
    plan_text = """\
    trygg: 1
    kind: action-plan
    id: plan
    title: Åtgärdsplan
    agreement: a
    actions:
      - id: rapport
        title: Lägesrapport till KSAU
        performs: [{parties: [kommun, polis]}]
        schedule: {with_meetings_of: ksau}
    """
    sources = {"a.yaml": AGREEMENT + OPEN + TIED, "plan.yaml": textwrap.dedent(plan_text)}
    result = _plan_sources(sources, date(2027, 12, 31), False)
    (tied,) = [t for t in result.tied if t.doc_id == "plan"]
    assert (tied.item, tied.body_name, tied.parties) == (
        "action",
        "Kommunstyrelsens arbetsutskott",
        ("kommun", "polis"),
    )


def test_trygg_due_lists_tied_schedules_and_never_as_overdue(cli: Any, tmp_path: Path) -> None:
    write_file(tmp_path, "a.yaml", AGREEMENT + OPEN + TIED)
    table = cli("due", "--as-of=2026-12-02", str(tmp_path))
    assert "At meetings and events (2)" in table.stdout
    assert "at every meeting of Kommunstyrelsens arbetsutskott" in table.stdout
    payload = json.loads(cli("due", "--as-of=2026-12-02", "--format=json", str(tmp_path)).stdout)
    assert [(t["item_id"], t["with_meetings_of"], t["at_event"]) for t in payload["tied"]] == [
        ("kommunpolis", "ksau", None),
        ("skolstart", None, "skolstart"),
    ]
    assert payload["items"] == [] and payload["summary"]["overdue"] == 0
    overdue = json.loads(
        cli("due", "--as-of=2026-12-02", "--overdue", "--format=json", str(tmp_path)).stdout
    )
    assert overdue["tied"] == []
    by_body = json.loads(
        cli("due", "--as-of=2026-12-02", "--body=ksau", "--format=json", str(tmp_path)).stdout
    )
    assert [t["item_id"] for t in by_body["tied"]] == ["kommunpolis"]
    markdown = cli("due", "--as-of=2026-12-02", "--format=markdown", str(tmp_path)).stdout
    assert "## At meetings and events (2)" in markdown


# --------------------------------------------------------------------------- completions by year

BY_YEAR = """\
follow_up:
  first: 2021
  every: 1
  done: [2021, {year: 2022, report: KS 2022/118}, {date: 2023-11-30, report: 'https://example.se/uppf'}]
"""


def test_a_year_only_completion_closes_that_years_occasion_with_its_report() -> None:
    result = _agreement(BY_YEAR, until=date(2024, 12, 31))
    got = [(o.occasion, o.done, o.done_label, o.done_report) for o in result.occurrences]
    assert got == [
        ("2021", date(2021, 12, 31), "2021", None),
        ("2022", date(2022, 12, 31), "2022", "KS 2022/118"),
        ("2023", date(2023, 11, 30), None, "https://example.se/uppf"),
        ("2024", None, None, None),
    ]


def test_a_year_only_completion_is_done_on_the_planned_date_but_not_after_as_of() -> None:
    # anniversaries from 2023-05-01: 2024-05-01, 2025-05-01, 2026-05-01
    body = "follow_up: {every: 1, done: [2026]}\n"

    def done_2026(as_of: date | None) -> date | None:
        result = _agreement(body, until=date(2026, 12, 31), as_of=as_of)
        (o,) = [o for o in result.occurrences if o.planned.year == 2026]
        return o.done

    assert done_2026(None) == date(2026, 5, 1)
    assert done_2026(date(2026, 12, 2)) == date(2026, 5, 1)
    assert done_2026(date(2026, 3, 1)) == date(2026, 3, 1)  # recorded by 1 March: done by then


def test_a_year_only_completion_of_another_years_occasion() -> None:
    body = "follow_up: {every: 1, at: end, done: [{year: 2024, occurrence: 2023}]}\n"
    result = _agreement(body, until=date(2024, 12, 31), as_of=date(2024, 6, 1))
    done = {o.occasion: o.done for o in result.occurrences}
    # planned 2023-12-31 is not in 2024: 31 December 2024, but not after as-of
    assert done == {"2023": date(2024, 6, 1), "2024": None}


def test_a_year_only_completion_that_matches_nothing_says_its_year() -> None:
    result = _agreement("follow_up: {first: 2021, every: 2, done: [2022]}\n")
    (unmatched,) = result.unmatched
    assert (unmatched.reason, unmatched.occurrence, unmatched.year_only) == (
        "no-such-occasion",
        2022,
        True,
    )
    ((finding, _doc),) = problems(result)
    assert finding.message.startswith("completion of 2022 matches no planned occasion")


# --------------------------------------------------------------------------- joint commitments


def test_party_finds_every_party_of_a_joint_commitment(cli: Any, tmp_path: Path) -> None:
    body = """\
    period: {from: 2024-01-01, until: 2025-12-31}
    commitments:
      - id: vandringar
        parties: [kommun, polis, bostader]
        text: Tillsammans genomför vi trygghetsvandringar.
        schedule: {first: 2024, every: 1}
      - id: ensam
        party: polis
        text: Polisen besöker skolorna.
        schedule: {first: 2024-09-01}
    """
    write_file(tmp_path, "p.yaml", PROMISE + textwrap.dedent(body))

    def commitments(party: str) -> set[str]:
        args = ("due", "--as-of=2024-06-01", "--format=json", f"--party={party}", str(tmp_path))
        return {
            i["item_id"]
            for i in json.loads(cli(*args).stdout)["items"]
            if i["item"] == "commitment"
        }

    assert commitments("kommun") == {"vandringar"}
    assert commitments("polis") == {"vandringar", "ensam"}
    assert commitments("bostader") == {"vandringar"}  # an actor, not a signing party
    assert commitments("region") == set()
