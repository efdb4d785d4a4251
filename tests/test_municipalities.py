"""Sweden's 290 municipalities as data, and `trygg validate` on a `municipality:` that is
not one of them."""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import MINIMAL_AGREEMENT, ROOT, Result

from trygg_cli import municipalities
from trygg_cli.check import check_source
from trygg_cli.findings import Fix, Severity

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


# ---------------------------------------------------------------- trygg validate


def _agreement(municipality: str) -> bytes:
    return MINIMAL_AGREEMENT.replace("municipality: Mölndal", municipality).encode("utf-8")


def test_a_misspelt_municipality_is_a_warning_with_a_certain_fix() -> None:
    result = check_source("x.yaml", _agreement("municipality: Mölnål"))
    (finding,) = result.findings
    assert (finding.line, finding.column, finding.rule, finding.severity) == (
        6,
        15,
        "unknown-municipality",
        Severity.WARNING,
    )
    assert finding.message == "'Mölnål' is not a Swedish municipality; did you mean 'Mölndal'?"
    assert finding.fix == Fix(("municipality",), "value", "Mölnål", "Mölndal")


@pytest.mark.parametrize(
    "written",
    [
        "municipality: Mölndal",
        "municipality: Mölndals stad",
        "municipality: mölndals kommun",
        "municipality: Exempelby",
        "municipality: Exempelby kommun",
        'municipality: "Göteborgs stad"',
    ],
)
def test_any_name_of_a_municipality_and_the_example_one_pass(written: str) -> None:
    assert check_source("x.yaml", _agreement(written)).findings == []


def test_several_near_names_are_listed_without_a_fix_and_none_gets_a_hint() -> None:
    (two,) = check_source("x.yaml", _agreement("municipality: Upplands Bro")).findings
    assert two.message == (
        "'Upplands Bro' is not a Swedish municipality; did you mean one of: 'Upplands-Bro', "
        "'Upplands Väsby'?"
    )
    assert two.fix is None
    (none,) = check_source("x.yaml", _agreement("municipality: Xyzzyköping")).findings
    assert none.message == (
        "'Xyzzyköping' is not a Swedish municipality; write the name of a Swedish "
        "municipality, for example 'Mölndal' or 'Mölndals stad' (in an invented example: "
        "'Exempelby')"
    )
    (code,) = check_source("x.yaml", _agreement("municipality: '1481'")).findings
    assert code.fix == Fix(("municipality",), "value", "1481", "Mölndal")


def test_a_citizen_promise_is_checked_too_and_fixed_in_place(
    tmp_path: Path, cli: Callable[..., Result]
) -> None:
    promise = tmp_path / "lofte.yaml"
    promise.write_text(
        "trygg: 1\nkind: citizen-promise\nid: lofte\ntitle: Medborgarlöfte\n"
        "municipality: Motalas kommun  # som i beslutet\n"
        "parties: [{id: k, name: Motala kommun, type: kommun}]\n"
        "period: {from: 2024-01-01, until: 2024-12-31}\n"
        "problem: Otrygghet i centrum.\n"
        "commitments: [{id: ljus, party: k, text: Kommunen tänder belysningen.}]\n",
        encoding="utf-8",
    )
    before = cli("validate", str(promise))
    assert before.exit_code == 0  # a warning: validate still passes
    assert "lofte.yaml:5:15: warning [unknown-municipality] 'Motalas kommun'" in before.stdout
    assert "did you mean 'Motala kommun'?" in before.stdout
    assert cli("validate", "--fix", str(promise)).exit_code == 0
    text = promise.read_text(encoding="utf-8")
    # The comment keeps its column: only the value changed.
    assert "municipality: Motala kommun   # som i beslutet\n" in text
    assert cli("validate", str(promise)).stdout == ""


def test_the_examples_are_free_of_municipality_warnings(cli: Callable[..., Result]) -> None:
    validated = cli("validate", str(ROOT / "examples"))
    assert (validated.stdout, validated.stderr) == ("", "No problems in 8 files.\n")


# ---------------------------------------------------------------- trygg render


@pytest.mark.parametrize(
    ("written", "rendered"),
    [
        ("Göteborg", "Göteborgs Stad"),
        ("Motala", "Motala kommun"),
        ("mölndals kommun", "Mölndals stad"),
        ("Gotland", "Region Gotland"),
        ("Exempelby", "Exempelby"),
    ],
)
def test_render_names_the_municipality_as_it_writes_itself(written: str, rendered: str) -> None:
    from trygg_cli.render.words import municipality

    assert municipality(written) == rendered


def test_a_rendered_citizen_promise_says_which_municipality_in_its_own_words(
    cli: Callable[..., Result],
) -> None:
    rendered = cli(
        "render", str(ROOT / "examples/molndal/medborgarlofte-2023.yaml"), "-f", "markdown"
    )
    assert rendered.exit_code == 0, rendered.stderr
    assert "| Kommun | Mölndals stad |" in rendered.stdout
