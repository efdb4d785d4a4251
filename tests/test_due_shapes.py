"""The schedule engine on the data-model shapes of issue 16 (tertial, a count over the
period, seasons, event-tied schedules, the end in effect, completions known by year, joint
commitments), with dates computed by hand."""

from __future__ import annotations

import textwrap
from datetime import date

from trygg_cli.due import plan
from trygg_cli.due.extract import SCHEDULES, schedules_of
from trygg_cli.due.occurrence import DuePlan
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
