"""`trygg due` on the real examples: the schedules of seeds 000, 003 and 004 by hand."""

from __future__ import annotations

from datetime import date

import pytest
from helpers import EXAMPLES

from trygg_cli.due import Occurrence, bucket, plan
from trygg_cli.due.extract import SCHEDULES, schedules_of
from trygg_cli.due.occurrence import DuePlan
from trygg_cli.workspace import load_paths

AS_OF = date(2026, 11, 24)


@pytest.fixture(scope="module")
def seeds() -> DuePlan:
    workspace = load_paths([str(EXAMPLES)], passes=(SCHEDULES,))
    return plan(
        schedules_of(workspace),
        until=date(2028, 12, 31),
        fallback_start=date(AS_OF.year, 1, 1),
    )


def _items(result: DuePlan, doc_id: str, item: str, item_id: str = "") -> list[Occurrence]:
    return [
        o
        for o in result.occurrences
        if o.doc_id == doc_id and o.item == item and o.item_id == item_id
    ]


def test_goteborg_follow_up_every_other_year_from_2021(seeds: DuePlan) -> None:
    follow_ups = _items(seeds, "goteborg-central-2018", "follow-up")
    assert [o.planned for o in follow_ups] == [
        date(2021, 12, 31),
        date(2023, 12, 31),
        date(2025, 12, 31),
        date(2027, 12, 31),
    ]
    # 2021 and 2023 are recorded as done in the example; 2025 is deliberately not.
    assert [o.done for o in follow_ups] == [date(2021, 11, 30), date(2023, 12, 5), None, None]
    assert [bucket(o, AS_OF) for o in follow_ups] == ["done", "done", "overdue", "later"]
    # nyårsafton is a day off: 31 December moves to 30 December (2023: a Sunday → Friday 29th).
    assert [o.due for o in follow_ups] == [
        date(2021, 12, 30),
        date(2023, 12, 29),
        date(2025, 12, 30),
        date(2027, 12, 30),
    ]
    assert follow_ups[0].path.endswith("goteborg/central-2018.yaml")
    assert (follow_ups[0].line, follow_ups[0].column) == (293, 1)
    assert follow_ups[0].text is not None and "vartannat år" in follow_ups[0].text


def test_goteborg_evaluation_every_fifth_year_from_2022(seeds: DuePlan) -> None:
    evaluations = _items(seeds, "goteborg-central-2018", "evaluation")
    assert [o.planned for o in evaluations] == [date(2022, 12, 31), date(2027, 12, 31)]
    assert [bucket(o, AS_OF) for o in evaluations] == ["done", "later"]


def test_goteborg_next_follow_up_and_evaluation_are_2027(seeds: DuePlan) -> None:
    for item in ("follow-up", "evaluation"):
        upcoming = [o for o in _items(seeds, "goteborg-central-2018", item) if o.due >= AS_OF]
        assert upcoming[0].planned.year == 2027


def test_goteborg_meetings(seeds: DuePlan) -> None:
    css = [
        o
        for o in _items(seeds, "goteborg-central-2018", "meeting", "css")
        if o.planned.year == 2026
    ]
    assert [o.planned for o in css] == [
        date(2026, 3, 31),
        date(2026, 6, 30),
        date(2026, 9, 30),
        date(2026, 12, 31),
    ]
    assert {o.qualifier for o in css} == {"about"} and css[0].tolerance_days == 23
    assert css[0].bodies == ("css",) and css[0].title.startswith("Den centrala strategiska")
    sspf = [
        o
        for o in _items(seeds, "goteborg-central-2018", "meeting", "sspf-styrgrupper")
        if o.planned.year == 2026
    ]
    # two per term: spring Jan–Jun in halves, autumn Aug–Dec (153 days) in halves.
    assert [o.planned for o in sspf] == [
        date(2026, 3, 31),
        date(2026, 6, 30),
        date(2026, 10, 15),
        date(2026, 12, 31),
    ]
    # "löpande och efter behov" yields nothing.
    assert _items(seeds, "goteborg-central-2018", "meeting", "kunskaps-och-analysteam") == []


def test_goteborg_occurrences_start_after_signing(seeds: DuePlan) -> None:
    hearing = _items(seeds, "goteborg-central-2018", "occasion", "hearing")
    # every year from the signing date 2018-11-15, the first one a year after.
    assert hearing[0].planned == date(2019, 11, 15)
    # 2026-11-15 is a Sunday: due Friday 13th.
    h2026 = next(o for o in hearing if o.planned.year == 2026)
    assert h2026.due == date(2026, 11, 13)
    meetings = _items(seeds, "goteborg-central-2018", "meeting", "css")
    assert meetings[0].planned == date(2018, 12, 31)  # the last quarter of 2018


def test_molndal_yearly_follow_ups_and_final_follow_up(seeds: DuePlan) -> None:
    follow_ups = _items(seeds, "molndal-lokal-2023", "follow-up")
    # "på årsbasis", counted from 2023-05-01 and stopping at the end 2026-12-31.
    assert [o.planned for o in follow_ups] == [date(2024, 5, 1), date(2025, 5, 1), date(2026, 5, 1)]
    # 1 May is a holiday: due 30 April.
    assert [o.due for o in follow_ups] == [date(2024, 4, 30), date(2025, 4, 30), date(2026, 4, 30)]
    final = _items(seeds, "molndal-lokal-2023", "final-follow-up")
    assert [o.planned for o in final] == [date(2027, 3, 31)]
    assert final[0].planned > date(2026, 12, 31)
    assert bucket(final[0], AS_OF) == "later"
    end = _items(seeds, "molndal-lokal-2023", "validity-end")
    assert [o.planned for o in end] == [date(2026, 6, 30)]  # six months before 2026-12-31
    assert bucket(end[0], AS_OF) == "overdue"


def test_molndal_action_plan(seeds: DuePlan) -> None:
    doc = "molndal-atgardsplan-2023"
    lighting = _items(seeds, doc, "deadline", "belysning-gang-och-cykelvagar")
    assert len(lighting) == 1 and lighting[0].done == date(2024, 10, 31)  # status: done
    threat = _items(seeds, doc, "deadline", "hot-mot-fortroendevalda")
    assert threat[0].due == date(2025, 6, 30) and bucket(threat[0], AS_OF) == "overdue"
    assert threat[0].parties == ("molndals-stad", "lpo-storgoteborg-syd")
    assert threat[0].bodies == ("bra",)
    place = [
        o for o in _items(seeds, doc, "action", "platssamverkan-centrum") if o.planned.year == 2023
    ]
    # at least four a year from 2023-05-01: the first quarter of 2023 is before the start.
    assert [o.planned for o in place] == [date(2023, 6, 30), date(2023, 9, 30), date(2023, 12, 31)]
    assert max(o.planned for o in _items(seeds, doc, "action", "platssamverkan-centrum")) == (
        date(2026, 12, 31)
    )


def test_molndal_promise(seeds: DuePlan) -> None:
    doc = "molndal-medborgarlofte-2023"
    end = _items(seeds, doc, "promise-end")
    assert [o.planned for o in end] == [date(2025, 4, 30)]
    follow_up = _items(seeds, doc, "promise-follow-up")
    assert [o.planned for o in follow_up] == [date(2025, 7, 30)]
    evenings = _items(seeds, doc, "commitment", "polisen-narvaro")
    assert evenings[0].planned == date(2023, 5, 15) and evenings[-1].planned == date(2025, 4, 30)
    assert len(evenings) == 24 * 2  # two a month, May 2023 – April 2025
    assert _items(seeds, doc, "commitment", "staden-belysning") == []  # no schedule


def test_stockholm_styrgrupp_four_meetings_a_year(seeds: DuePlan) -> None:
    meetings = [
        o
        for o in _items(seeds, "stockholm-overgripande", "meeting", "styrgrupp")
        if o.planned.year == 2026
    ]
    assert [o.planned for o in meetings] == [
        date(2026, 3, 31),
        date(2026, 6, 30),
        date(2026, 9, 30),
        date(2026, 12, 31),
    ]
    assert {o.qualifier for o in meetings} == {"at_least"}


def test_stockholm_yearly_review_and_unanchored_revision(seeds: DuePlan) -> None:
    review = _items(seeds, "stockholm-overgripande", "priority-review")
    # signed date unknown: yearly cadences count calendar years from the fallback start.
    assert [o.planned for o in review] == [
        date(2026, 12, 31),
        date(2027, 12, 31),
        date(2028, 12, 31),
    ]
    # "åtminstone var fjärde år" with no first year and no signing date: not placed.
    assert _items(seeds, "stockholm-overgripande", "priority-revision") == []
    assert [(u.doc_id, u.yaml_path, u.reason) for u in seeds.unanchored] == [
        ("stockholm-overgripande", ("priority_revision",), "no-start")
    ]
    assert seeds.unanchored[0].line == 409  # the `priority_revision:` key


def test_stockholm_without_fallback_places_nothing_open_ended() -> None:
    workspace = load_paths([str(EXAMPLES / "stockholm")], passes=(SCHEDULES,))
    result = plan(schedules_of(workspace), until=date(2027, 1, 1))
    assert result.occurrences == []
    assert {u.item for u in result.unanchored} == {
        "follow-up",
        "priority-review",
        "priority-revision",
        "meeting",
    }


def test_examples_have_no_unmatched_completions(seeds: DuePlan) -> None:
    assert seeds.unmatched == []


def test_keys_are_unique(seeds: DuePlan) -> None:
    keys = [o.key for o in seeds.occurrences]
    assert len(keys) == len(set(keys))
    assert "goteborg-central-2018/follow-up//2025" in keys
