"""`trygg due --explain REF`: the reasoning behind one row, in plain words."""

from __future__ import annotations

import itertools
import json
from datetime import date
from typing import Any

import pytest
from helpers import EXAMPLES, ROOT

from trygg_cli.due import Occurrence
from trygg_cli.due.occurrence import REF_FULL, ref_of
from trygg_cli.due.refs import the_one as find
from trygg_cli.errors import TryggError
from trygg_cli.i18n import set_language

AS_OF = "--as-of=2026-11-24"
FOLLOW_UP_2025 = "goteborg-central-2018/follow-up//2025"


@pytest.fixture(autouse=True)
def _in_the_checkout(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)  # paths in the text as a coordinator sees them


def explain(cli: Any, ref: str, *args: str) -> Any:
    return cli("due", AS_OF, *args, "--explain", ref, "examples")


def test_goteborgs_overdue_follow_up_explained(cli: Any) -> None:
    result = explain(cli, ref_of(FOLLOW_UP_2025))
    assert result.exit_code == 0, result.stderr
    assert result.stdout == (
        f"{ref_of(FOLLOW_UP_2025)}: follow-up of the agreement, Central "
        "samverkansöverenskommelse mellan Polisområde Storgöteborg och Göteborgs Stad "
        "(goteborg-central-2018, examples/goteborg/central-2018.yaml:293)\n"
        "  'En uppföljning av denna överenskommelse görs 2021 och därefter vartannat år.'\n"
        "  every other year, from 2021, each due at the end of its year → "
        "2021, 2023, 2025, 2027, 2029 …\n"
        "  2025: due 31 December 2025, moved to Tuesday 30 December 2025 "
        "(New Year's Eve is not a working day).\n"
        "  2021 recorded done 30 November 2021; 2023 recorded done 5 December 2023.\n"
        "  2025 not recorded: overdue since 30 December 2025 (329 days).\n"
    )


def test_a_prefix_the_twelve_character_reference_and_the_key_all_work(cli: Any) -> None:
    expected = explain(cli, ref_of(FOLLOW_UP_2025)).stdout
    for ref in (ref_of(FOLLOW_UP_2025, REF_FULL), ref_of(FOLLOW_UP_2025)[:4], FOLLOW_UP_2025):
        assert explain(cli, ref).stdout == expected
    # other filters do not hide the row asked about
    assert explain(cli, FOLLOW_UP_2025, "--kind", "meeting", "--within", "1d").stdout == expected


def test_in_swedish(cli: Any) -> None:
    try:
        out = cli("--lang", "sv", "due", AS_OF, "--explain", FOLLOW_UP_2025, str(EXAMPLES)).stdout
    finally:
        set_language(None)
    assert "vartannat år, från 2021, var och en senast i slutet av sitt år → 2021" in out
    assert "flyttat till tisdag den 30 december 2025 (nyårsafton är inte en arbetsdag)" in out
    assert "2025 är inte markerat som gjort: försenat sedan 30 december 2025 (329 dagar)." in out
    assert "2021 markerat som gjort 30 november 2021" in out


def test_a_done_one_a_weekend_and_grace(cli: Any) -> None:
    # CSS meets about four times a year: the next meeting, 2026-12-31, is nyårsafton.
    out = explain(cli, "goteborg-central-2018/meeting/css/2026#4").stdout
    assert "about four times a year" not in out
    assert "four times a year, counted from the start of the period, 15 November 2018" in out
    assert (
        "31 December 2026: due 31 December 2026, moved to Wednesday 30 December 2026 "
        "(New Year's Eve is not a working day)." in out
    )
    assert "  About: 23 days' grace.\n" in out
    assert "not recorded yet: due in" in out
    # The summer holiday ends on Sunday 15 August 2027.
    summer = explain(cli, "exempel-lokal-2022/occasion/sommarlovet/2027-summer_holiday").stdout
    assert "moved to Friday 13 August 2027 (15 August 2027 is a Sunday)" in summer
    done = explain(cli, "goteborg-central-2018/follow-up//2023").stdout
    assert done.endswith("  2023 is done.\n")


def test_renegotiation_names_the_end(cli: Any) -> None:
    found = json.loads(
        cli("due", AS_OF, "-f", "json", "--kind", "validity-end", str(EXAMPLES)).stdout
    )["items"]
    molndal = next(i for i in found if i["doc_id"] == "molndal-lokal-2023")
    out = explain(cli, molndal["ref"]).stdout
    assert molndal["occasion"] == "end-2026-12-31"
    assert "six months before the agreement ends on 31 December 2026, to renegotiate in time" in out


@pytest.mark.parametrize(
    ("ref", "message"),
    [
        (
            "zzzz",
            "error: no occasion has the reference 'zzzz'; 'trygg due' prints it on each row\n",
        ),
        ("ab", "error: 'ab' is too short: give at least 4 characters of the reference\n"),
    ],
)
def test_unknown_or_short_reference_is_a_one_line_error(cli: Any, ref: str, message: str) -> None:
    result = explain(cli, ref)
    assert (result.exit_code, result.stderr, result.stdout) == (2, message, "")


def _occurrence(key_occasion: str, title: str) -> Occurrence:
    return Occurrence(
        due=date(2027, 1, 1),
        doc_id="test-lokal",
        item="meeting",
        item_id="styrgrupp",
        planned=date(2027, 1, 1),
        occasion=key_occasion,
        doc_kind="agreement",
        path="lokal.yaml",
        line=1,
        column=1,
        yaml_path=(),
        title=title,
    )


def test_an_ambiguous_prefix_lists_the_candidates() -> None:
    # two occasions whose references share their first four characters
    seen: dict[str, Occurrence] = {}
    for n in itertools.count():
        o = _occurrence(f"2027#{n}", f"Möte {n}")
        prefix = ref_of(o.key, REF_FULL)[:4]
        if prefix in seen:
            first = seen[prefix]
            break
        seen[prefix] = o
    with pytest.raises(TryggError) as raised:
        find([first, o], prefix)
    message = str(raised.value)
    assert raised.value.exit_code == 2
    assert message.startswith(f"'{prefix}' fits 2 occasions: ")
    assert f"{first.ref} ({first.title})" in message and f"{o.ref} ({o.title})" in message
    assert "\n" not in message
    assert find([first, o], ref_of(o.key, REF_FULL)) == o
