"""Sweden's 290 municipalities as data."""

from __future__ import annotations

import csv

import pytest
from helpers import ROOT

from trygg_cli import municipalities

DATA = ROOT / "trygg_cli" / "data" / "municipalities.csv"

POLICE_REGIONS = {
    "Nord": {"Norrbottens län", "Västerbottens län", "Jämtlands län", "Västernorrlands län"},
    "Mitt": {"Uppsala län", "Gävleborgs län", "Västmanlands län"},
    "Stockholm": {"Stockholms län", "Gotlands län"},
    "Öst": {"Östergötlands län", "Jönköpings län", "Södermanlands län"},
    "Väst": {"Västra Götalands län", "Hallands län"},
    "Syd": {"Skåne län", "Blekinge län", "Kronobergs län", "Kalmar län"},
    "Bergslagen": {"Värmlands län", "Örebro län", "Dalarnas län"},
}


def test_the_290_municipalities_load_with_unique_four_digit_codes() -> None:
    every = municipalities.municipalities()
    assert len(every) == 290
    codes = [m.code for m in every]
    assert len(set(codes)) == 290
    assert all(len(code) == 4 and code.isdigit() for code in codes)
    assert len({m.name for m in every}) == 290
    assert len({municipalities.key(m.official_name) for m in every}) == 290


def test_a_lans_municipalities_share_its_code_and_police_region() -> None:
    by_county: dict[str, set[str]] = {}
    for m in municipalities.municipalities():
        by_county.setdefault(m.county, set()).add(m.code[:2])
        assert m.county in POLICE_REGIONS[m.police_region], m
    assert len(by_county) == 21
    assert all(len(prefixes) == 1 for prefixes in by_county.values()), by_county
    assert len({p for prefixes in by_county.values() for p in prefixes}) == 21


def test_the_file_names_its_source_and_parses_as_plain_csv() -> None:
    text = DATA.read_text(encoding="utf-8")
    assert text.startswith("# Sweden's 290 municipalities") and "README.md" in text[:300]
    rows = list(csv.reader(line for line in text.splitlines() if not line.startswith("#")))
    assert rows[0] == ["code", "name", "official_name", "kommun_name", "county", "police_region"]
    assert len(rows) == 291 and all(len(row) == 6 for row in rows)
    readme = (DATA.parent / "README.md").read_text(encoding="utf-8")
    assert "SCB" in readme and "sjbrg/swedish-geodata" in readme


@pytest.mark.parametrize(
    ("written", "official"),
    [
        ("Motala", "Motala kommun"),
        ("Göteborg", "Göteborgs Stad"),
        ("göteborgs stad", "Göteborgs Stad"),
        ("Göteborgs kommun", "Göteborgs Stad"),
        ("Mölndal", "Mölndals stad"),
        ("MALMÖ", "Malmö stad"),
        ("Stockholm", "Stockholms stad"),
        ("Gotland", "Region Gotland"),
        ("Upplands  Väsby", "Upplands Väsby kommun"),
        ("Nässjö", "Nässjö kommun"),
        ("Falun", "Falu kommun"),
        ("Kalmar", "Kalmar kommun"),
        ("0583", "Motala kommun"),
    ],
)
def test_a_municipality_is_found_by_any_of_its_names_or_its_code(
    written: str, official: str
) -> None:
    found = municipalities.find(written)
    assert found is not None and found.official_name == official


@pytest.mark.parametrize(
    ("written", "nearest"),
    [
        ("Mölnål", ("Mölndal",)),
        ("Motalas kommun", ("Motala kommun",)),
        ("Nässjös kommun", ("Nässjö kommun",)),
        ("Göteborg stad", ("Göteborgs Stad",)),
        ("Göteborgs stads kommun", ("Göteborgs Stad",)),
        ("Lunds stad", ("Lunds kommun",)),
        ("Upplands Bro", ("Upplands-Bro", "Upplands Väsby")),
        ("Xyzzyköping", ()),
    ],
)
def test_a_near_miss_gets_the_nearest_names(written: str, nearest: tuple[str, ...]) -> None:
    assert municipalities.find(written) is None
    assert municipalities.close(written) == nearest


def test_gothenburg_and_police_regions() -> None:
    goteborg = municipalities.find("Göteborg")
    assert goteborg is not None
    assert (goteborg.code, goteborg.county, goteborg.police_region) == (
        "1480",
        "Västra Götalands län",
        "Väst",
    )
