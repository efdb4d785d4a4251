"""Swedish wording in rendered documents: dates, periods and every cadence the seeds use."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from trygg_cli.model.common import Measure, Period, Source
from trygg_cli.model.schedule import Completion, Schedule
from trygg_cli.render import sentences, words

# Every cadence phrase listed in shared/DOMAIN.md ("Cadences as the documents write
# them"), as a coordinator writes it in YAML, and how the rendered document words it.
DOMAIN_CADENCES: list[tuple[str, dict[str, Any], str]] = [
    (
        "En uppföljning av denna överenskommelse görs 2021 och därefter vartannat år.",
        {"first": 2021, "every": 2},
        "2021 och därefter vartannat år",
    ),
    (
        "En utvärdering av denna överenskommelse görs 2022 och därefter vart femte år.",
        {"first": 2022, "every": 5},
        "2022 och därefter vart femte år",
    ),
    (
        "Gruppen träffas cirka fyra gånger per år.",
        {"times": 4, "qualifier": "about"},
        "cirka fyra gånger per år",
    ),
    ("Nätverket träffas två gånger per år.", {"times": 2}, "två gånger per år"),
    ("Träffas två gånger per termin.", {"times": 2, "unit": "term"}, "två gånger per termin"),
    (
        "Styrgruppen ska sammankalla möten minst fyra gånger per år.",
        {"times": 4, "qualifier": "at_least"},
        "minst fyra gånger per år",
    ),
    (
        "Möten sammankallas vid minst två tillfällen per år och ytterligare vid behov.",
        {"times": 2, "qualifier": "at_least", "also_as_needed": True},
        "minst två gånger per år och ytterligare vid behov",
    ),
    (
        "De lokala samverkansöverenskommelserna ska revideras och vid behov uppdateras "
        "vartannat år.",
        {"every": 2},
        "vartannat år",
    ),
    ("årligen följas upp", {"every": 1}, "årligen"),
    (
        "revidering ska ske åtminstone var fjärde år",
        {"every": 4, "qualifier": "at_least"},
        "åtminstone vart fjärde år",
    ),
    (
        "Uppföljning ... genomförs i slutet av varje år",
        {"every": 1, "at": "end"},
        "i slutet av varje år",
    ),
    ("Övergripande uppföljning av åtgärdsplanen sker på årsbasis.", {"every": 1}, "årligen"),
    (
        "tecknas för en period om fyra år varefter en slutlig uppföljning görs",
        {"first": "validity_end"},
        "efter avtalsperiodens slut",
    ),
    ("löpande och efter behov", {"qualifier": "as_needed"}, "löpande och vid behov"),
]


@pytest.mark.parametrize(
    ("phrase", "data", "expected"), DOMAIN_CADENCES, ids=[c[2] for c in DOMAIN_CADENCES]
)
def test_domain_cadence_phrases_come_back_as_natural_swedish(
    phrase: str, data: dict[str, Any], expected: str
) -> None:
    schedule = Schedule.model_validate({"text": phrase, **data})
    assert words.cadence(schedule) == expected


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ({"every": 2, "unit": "term"}, "varannan termin"),
        ({"every": 3, "unit": "month"}, "var tredje månad"),
        ({"every": 2, "unit": "quarter"}, "vartannat kvartal"),
        ({"every": 1, "unit": "week"}, "varje vecka"),
        ({"every": 15}, "vart 15:e år"),
        ({"times": 1}, "en gång per år"),
        ({"times": 13, "unit": "month"}, "13 gånger per månad"),
        ({"every": 1, "at": "start", "unit": "term"}, "i början av varje termin"),
        ({"first": "2021-06-30"}, "den 30 juni 2021"),
        ({"first": 2025}, "år 2025"),
        ({"first": "signing", "every": 1}, "vid undertecknandet och därefter årligen"),
        ({"times": 4, "first": 2024}, "fyra gånger per år från och med 2024"),
        ({"every": 2, "qualifier": "about"}, "ungefär vartannat år"),
    ],
)
def test_units_take_the_right_gender_and_number(data: dict[str, Any], expected: str) -> None:
    assert words.cadence(Schedule.model_validate(data)) == expected


MOST = {"year": 366, "tertial": 123, "term": 184, "quarter": 92, "month": 31, "week": 7}


@given(
    every=st.one_of(st.none(), st.integers(1, 40)),
    times=st.integers(1, 40),
    unit=st.sampled_from(["year", "tertial", "term", "quarter", "month", "week"]),
    qualifier=st.sampled_from(["exact", "about", "at_least"]),
    first=st.one_of(st.none(), st.integers(1990, 2100), st.sampled_from(list(words._EVENTS))),
    also=st.booleans(),
)
def test_every_schedule_has_swedish_words(
    every: int | None, times: int, unit: str, qualifier: str, first: Any, also: bool
) -> None:
    data: dict[str, Any] = {"unit": unit, "qualifier": qualifier, "also_as_needed": also}
    data.update({"every": every} if every is not None else {"times": min(times, MOST[unit])})
    if first is not None:
        data["first"] = first
    text = words.cadence(Schedule.model_validate(data))
    assert text and text == text.strip()
    assert not any(english in text.split() for english in ("every", "times", "year", "about"))


def test_dates_and_periods_in_swedish() -> None:
    assert words.long_date(date(2018, 11, 15)) == "15 november 2018"
    assert words.long_date(date(2023, 5, 1)) == "1 maj 2023"
    period = Period.model_validate({"from": "2023-05-01", "until": "2026-12-31"})
    assert words.period(period) == "från och med 1 maj 2023 till och med 31 december 2026"
    open_ended = Period.model_validate({"from_signing": True, "until_further_notice": True})
    assert words.period(open_ended) == "från och med undertecknandet och tills vidare"
    term = Period.model_validate({"from": "2018-11-15", "term": {"amount": 4, "unit": "year"}})
    # A term without an end date gives its end (issue 16): start + term − 1 day.
    assert words.period(term) == "i fyra år från 15 november 2018, till och med 14 november 2022"
    assert words.sentence("cirka fyra gånger per år") == "Cirka fyra gånger per år."


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ({"first": "validity_end", "qualifier": "at_least"}, "senast vid avtalsperiodens slut"),
        (
            {"first": "validity_start", "qualifier": "about"},
            "i samband med att avtalsperioden börjar",
        ),
        ({"first": 2025, "qualifier": "at_least"}, "senast år 2025"),
        ({"first": "2025-03-01", "qualifier": "about"}, "omkring den 1 mars 2025"),
        ({"every": 2, "at": "end"}, "i slutet av vartannat år"),
        ({"every": 1, "at": "end", "qualifier": "at_least"}, "åtminstone i slutet av varje år"),
    ],
)
def test_qualified_single_occasions_and_ends_of_periods(
    data: dict[str, Any], expected: str
) -> None:
    assert words.cadence(Schedule.model_validate(data)) == expected


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ({"every": 2, "unit": "tertial"}, "vartannat tertial"),
        ({"every": 1, "unit": "tertial", "at": "end"}, "i slutet av varje tertial"),
        ({"times": 1, "unit": "period"}, "vid ett tillfälle under perioden"),
        (
            {"times": 4, "unit": "period", "qualifier": "about"},
            "vid cirka fyra tillfällen under perioden",
        ),
        ({"every": 2, "during": "summer_holiday"}, "vartannat sommarlov"),
        ({"every": 1, "during": "spring", "at": "start"}, "i början av varje vår"),
        (
            {"times": 2, "first": 2024, "during": "autumn"},
            "två gånger varje höst från och med 2024",
        ),
        (
            {"every": 1, "first": 2024, "during": "summer_holiday"},
            "under sommarlovet 2024 och därefter varje sommarlov",
        ),
        ({"first": 2025, "during": "winter", "qualifier": "at_least"}, "senast under vintern 2025"),
        ({"with_meetings_of": "okand"}, "vid varje möte i okand"),
        ({"with_meetings_of": "ksau", "qualifier": "as_needed"}, "vid behov vid möten i KSAU"),
        ({"at_event": "Valborg", "also_as_needed": True}, "vid Valborg och ytterligare vid behov"),
        ({"at_event": "inför skolavslutningen"}, "inför skolavslutningen"),
    ],
)
def test_cadences_of_issue_16(data: dict[str, Any], expected: str) -> None:
    assert words.cadence(Schedule.model_validate(data), {"ksau": "KSAU"}) == expected


def test_completions_measures_and_sources_in_swedish() -> None:
    done = Completion.model_validate(
        {"date": "2022-01-20", "occurrence": 2021, "report": "KS 2022/7", "note": "sent"}
    )
    assert sentences.completion(done) == "Genomförd 20 januari 2022 (avser 2021, KS 2022/7). Sent."
    assert sentences.completion(Completion.model_validate(2023)) == "Genomförd 2023."
    assert sentences.measure(Measure.model_validate({"value": 3.25, "unit": "%"})) == "3,25 %"
    assert sentences.measure(Measure.model_validate({"value": 1234567})) == "1 234 567"
    assert sentences.source(Source.model_validate({"title": "Lägesbild", "year": 2022})) == (
        "Lägesbild (2022)"
    )
    dated = Source.model_validate({"title": "Dialog", "date": "2023-10-04", "year": 2023})
    assert sentences.source(dated) == "Dialog (4 oktober 2023)"
    replaced = Period.model_validate({"from": "2024-01-01", "until_replaced": True})
    assert (
        words.period(replaced)
        == "från och med 1 januari 2024 tills en ny överenskommelse ersätter den"
    )
    months = Period.model_validate({"from": "2024-01-31", "term": {"amount": 1, "unit": "month"}})
    assert words.period(months) == "i en månad från 31 januari 2024, till och med 28 februari 2024"
