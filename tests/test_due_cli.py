"""`trygg due` from the command line, on the real examples."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from helpers import EXAMPLES

AS_OF = "--as-of=2026-11-24"


def items(cli: Any, *args: str) -> tuple[int, list[dict[str, Any]]]:
    result = cli("due", AS_OF, "--format", "json", *args, str(EXAMPLES))
    return result.exit_code, json.loads(result.stdout)["items"]


def test_goteborgs_2025_follow_up_is_overdue_and_the_next_is_2027(cli: Any) -> None:
    code, found = items(cli, "--document", "goteborg-central-2018", "--kind", "follow-up")
    assert code == 0
    assert [(i["planned"], i["bucket"]) for i in found] == [
        ("2025-12-31", "overdue"),
        ("2027-12-31", "later"),
    ]


def test_fail_on_overdue_is_for_scheduled_ci(cli: Any) -> None:
    assert cli("due", AS_OF, "--overdue", str(EXAMPLES)).exit_code == 0
    assert cli("due", AS_OF, "--overdue", "--fail-on", "overdue", str(EXAMPLES)).exit_code == 1
    # the earlier spelling, kept for workflows written with it
    assert cli("due", AS_OF, "--overdue", "--fail-on-overdue", str(EXAMPLES)).exit_code == 1
    assert cli("due", AS_OF, "--fail-on", "late", str(EXAMPLES)).exit_code == 2


def test_overdue_and_within_filter_what_is_shown(cli: Any) -> None:
    _code, overdue = items(cli, "--overdue")
    assert overdue and {i["bucket"] for i in overdue} == {"overdue"}
    _code, soon = items(cli, "--within", "30d")
    assert {i["bucket"] for i in soon} <= {"overdue", "within-30"}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("--as-of", "24/11/2026"),
            "error: --as-of needs a date written YYYY-MM-DD, not '24/11/2026'\n",
        ),
        (
            ("--within", "soon"),
            "error: 'soon' is not a length of time; write e.g. 30d, 12w, 6m or 1y\n",
        ),
    ],
)
def test_bad_options_are_one_line_errors(cli: Any, args: tuple[str, ...], message: str) -> None:
    result = cli("due", *args, str(EXAMPLES))
    assert (result.exit_code, result.stderr) == (2, message)


def test_unknown_kind_lists_the_kinds(cli: Any) -> None:
    result = cli("due", AS_OF, "--kind", "meetings", str(EXAMPLES))
    assert result.exit_code == 2
    assert result.stderr.startswith(
        "error: 'meetings' is not a kind of item; use one of: follow-up"
    )


def test_ics_is_a_calendar_with_stable_uids(cli: Any) -> None:
    from icalendar import Calendar

    first = cli("due", AS_OF, "-f", "ics", "--within", "1y", str(EXAMPLES)).stdout
    again = cli("due", AS_OF, "-f", "ics", "--within", "1y", str(EXAMPLES)).stdout
    assert first == again
    events = Calendar.from_ical(first).walk("VEVENT")
    assert events
    assert len({str(e["UID"]) for e in events}) == len(events)


def test_the_table_shows_one_line_per_item_with_how_many_earlier_are_overdue(cli: Any) -> None:
    """Mölndal's yearly follow-ups from 2023-05-01 (planned 1 May, a holiday, so due
    30 April) of 2024 and 2026 are overdue (its follow-up document closes 2025's): one
    line, for 2026, and the heading counts one item and two occasions."""
    args = ("due", AS_OF, "--overdue", "--document", "molndal-lokal-2023", "--kind", "follow-up")
    table = cli(*args, str(EXAMPLES)).stdout
    _code, every = items(
        cli, "--overdue", "--document", "molndal-lokal-2023", "--kind", "follow-up"
    )
    assert [i["planned"] for i in every] == ["2024-05-01", "2026-05-01"]
    lines = [line for line in table.splitlines() if line.startswith("  20")]
    assert len(lines) == 1 and lines[0].startswith("  2026-04-30  ")
    assert table.startswith("Overdue: 1 item, 2 occasions\n")
    assert "1 earlier occasion also overdue" in lines[0]


def test_a_broken_file_is_reported_and_fails_a_scheduled_job(cli: Any) -> None:
    from helpers import FIXTURES

    result = cli("due", AS_OF, "--fail-on-overdue", str(FIXTURES / "invalid"))
    assert result.exit_code == 1
    assert (
        "1 file could not be read, so what it schedules is missing below; "
        "run 'trygg validate' to see why" in result.stderr
    )


def test_a_dangling_link_does_not_hide_a_schedule(cli: Any, tmp_path: Path) -> None:
    """A plan that names a missing agreement still has its deadlines; validate reports the
    link, due does not call the file unread."""
    plan = (EXAMPLES / "molndal" / "atgardsplan-2023.yaml").read_text(encoding="utf-8")
    (tmp_path / "plan.yaml").write_text(plan, encoding="utf-8")
    result = cli("due", AS_OF, "--fail-on-overdue", "--format", "json", str(tmp_path))
    assert "could not be read" not in result.stderr
    assert any(i["item"] == "deadline" for i in json.loads(result.stdout)["items"])


def test_within_keeps_an_occasion_a_holiday_moves_into_the_window(write: Any, cli: Any) -> None:
    """Twice a term: the first spring occasion is planned for 2024-03-31, Easter Sunday,
    so it is due on Maundy Thursday, 2024-03-28, inside a 27-day window from 1 March."""
    from helpers import MINIMAL_AGREEMENT

    write("avtal.yaml", MINIMAL_AGREEMENT.replace("from: 2023-05-01", "from: 2023-01-01"))
    write(
        "plan.yaml",
        """\
        trygg: 1
        kind: action-plan
        id: plan
        title: Plan
        agreement: test-lokal
        actions:
          - id: moten
            title: Föräldramöten
            schedule: {times: 2, unit: term}
        """,
    )
    folder = str(Path(write("x", "").parent))
    result = cli("due", folder, "--as-of", "2024-03-01", "--within", "27d", "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert '"due": "2024-03-28"' in result.stdout and '"planned": "2024-03-31"' in result.stdout


def test_overdue_on_the_examples_lists_only_obligations(cli: Any) -> None:
    """As of 2026-12-02 no meeting, recurring action, commitment or occasion is overdue (none
    is recorded, so none is tracked); the ended promise is listed once, apart."""
    result = cli("due", "--as-of", "2026-12-02", "--overdue", "-f", "json", str(EXAMPLES))
    payload = json.loads(result.stdout)
    rows = sorted({(i["doc_id"], i["item"], i["item_id"]) for i in payload["items"]})
    assert rows == [
        ("goteborg-central-2018", "follow-up", ""),
        ("molndal-atgardsplan-2023", "deadline", "hot-mot-fortroendevalda"),
        ("molndal-atgardsplan-2023", "deadline", "stod-vid-upprepad-utsatthet"),
        ("molndal-atgardsplan-2023", "follow-up", ""),
        ("molndal-lokal-2023", "follow-up", ""),
        ("molndal-lokal-2023", "validity-end", ""),
    ]
    assert not any(i["routine"] for i in payload["items"])
    assert len(payload["items"]) == 8  # the follow-up document closes 2025's
    assert [(e["doc_id"], e["end"]) for e in payload["ended"]] == [
        ("molndal-medborgarlofte-2023", "2025-04-30")
    ]
    table = cli("due", "--as-of", "2026-12-02", "--overdue", str(EXAMPLES)).stdout
    assert table.startswith("Overdue: 6 items, 8 occasions\n")
    assert "Ended without a successor (1)" in table
