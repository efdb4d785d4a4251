"""`trygg due --format ics`: a calendar that parses back, holds what is upcoming, repeats
with RRULE where the cadence is regular, and whose every rule expands (with dateutil, not
trygg's own code) to exactly the occasions the engine plans for the same horizon."""

from __future__ import annotations

import json
from collections import Counter
from datetime import date, datetime
from typing import Any

import pytest
from dateutil.rrule import rrulestr
from helpers import EXAMPLES
from icalendar import Calendar

from trygg_cli.due import DuePlan, Occurrence
from trygg_cli.due.report import DUE_REPORTERS, DueReportContext
from trygg_cli.due.report.ics import (
    IcsOptions,
    Rule,
    expand,
    horizon,
    ics,
    series_rule,
)
from trygg_cli.i18n import set_language

AS_OF = date(2026, 11, 24)
AS_OF_ARG = f"--as-of={AS_OF.isoformat()}"
# The calendar's own horizon without --within, as a --within for the JSON report.
WITHIN = f"--within={(horizon(AS_OF) - AS_OF).days}d"
CONTEXT = DueReportContext()


def _calendar(cli: Any, *args: str) -> tuple[str, list[Any]]:
    result = cli("due", AS_OF_ARG, "-f", "ics", *args, str(EXAMPLES))
    assert result.exit_code == 0, result.stderr
    return result.stdout, list(Calendar.from_ical(result.stdout).walk("VEVENT"))


def _json(cli: Any, *args: str) -> list[dict[str, Any]]:
    result = cli("due", AS_OF_ARG, "-f", "json", *args, str(EXAMPLES))
    items: list[dict[str, Any]] = json.loads(result.stdout)["items"]
    return items


def _item(uid: str) -> str:
    """``doc/item/item-id`` of an event's UID (an occasion's or a series')."""
    return uid.removesuffix("@trygg").rsplit("/", 1)[0]


def _dates(event: Any) -> list[date]:
    """Every date the event stands for, expanded by dateutil from its own RRULE text."""
    start: date = event.decoded("DTSTART")
    if "RRULE" not in event:
        return [start]
    text = event["RRULE"].to_ical().decode()
    rule = rrulestr(text, dtstart=datetime.combine(start, datetime.min.time()))
    return [moment.date() for moment in rule]


def _by_event(event: Any, name: str) -> Any:
    return next(e for e in event if _item(str(e["UID"])) == name)


GOTEBORG_FOLLOW_UP = "goteborg-central-2018/follow-up/"


# --------------------------------------------------------------------------- what it holds


def _upcoming(shift: bool) -> Counter[tuple[str, date]]:
    """What the engine plans for the calendar's horizon: every occasion to come, routine
    meetings too (the table shows only a routine cadence's next one)."""
    from trygg_cli.due.buckets import bucket
    from trygg_cli.due.run import DueQuery, run_due

    query = DueQuery(
        as_of=AS_OF,
        within_days=(horizon(AS_OF) - AS_OF).days,
        shift_holidays=shift,
        every_upcoming=True,
    )
    outcome = run_due([str(EXAMPLES)], query)
    return Counter(
        (f"{o.doc_id}/{o.item}/{o.item_id}", o.due)
        for o in outcome.shown
        if bucket(o, AS_OF) != "overdue"
    )


def test_every_rule_expands_to_exactly_what_the_engine_plans(cli: Any) -> None:
    for shift in ((), ("--no-holiday-shift",)):
        _text, events = _calendar(cli, *shift)
        listed = _upcoming(not shift)
        expanded = Counter((_item(str(e["UID"])), day) for e in events for day in _dates(e))
        assert expanded == listed
        assert any("RRULE" in e for e in events)


def test_only_upcoming_occasions_by_default_and_everything_with_include_past(cli: Any) -> None:
    _text, events = _calendar(cli)
    assert events and min(e.decoded("DTSTART") for e in events) >= AS_OF
    _text, everything = _calendar(cli, "--include-past")
    starts = [e.decoded("DTSTART") for e in everything]
    assert min(starts) < AS_OF
    past = [e for e in everything if e.decoded("DTSTART") < AS_OF]
    assert any("Done " in str(e["DESCRIPTION"]) for e in past)  # done ones too
    overdue = _json(cli, "--overdue")
    assert {i["key"] + "@trygg" for i in overdue} <= {str(e["UID"]) for e in everything}


def test_goteborgs_follow_up_every_other_year_is_one_event_with_a_working_day_rule(
    cli: Any,
) -> None:
    _text, events = _calendar(cli)
    follow_up = _by_event(events, GOTEBORG_FOLLOW_UP)
    assert str(follow_up["UID"]) == "goteborg-central-2018/follow-up//series@trygg"
    rule = follow_up["RRULE"]
    assert rule["FREQ"] == ["YEARLY"] and rule["INTERVAL"] == [2] and rule["COUNT"] == [2]
    # 31 December is nyårsafton: the last weekday before it (2029-12-31 is a Monday,
    # the 30th and 29th a weekend)
    assert _dates(follow_up) == [date(2027, 12, 30), date(2029, 12, 28)]
    assert "vartannat år" in str(follow_up["DESCRIPTION"])


def test_without_the_holiday_shift_the_rule_is_plain(cli: Any) -> None:
    _text, events = _calendar(cli, "--no-holiday-shift")
    follow_up = _by_event(events, GOTEBORG_FOLLOW_UP)
    assert (
        follow_up["RRULE"].to_ical() == b"FREQ=YEARLY;COUNT=2;INTERVAL=2;BYMONTHDAY=-1;BYMONTH=12"
    )
    assert _dates(follow_up) == [date(2027, 12, 31), date(2029, 12, 31)]


def test_a_series_no_rule_reproduces_stays_separate_events(cli: Any) -> None:
    # CSS meets about four times a year: 31 March, 30 June, 30 September and 31 December;
    # nyårsafton moves December's, and no one rule gives both that and the others.
    _text, events = _calendar(cli)
    css = [e for e in events if _item(str(e["UID"])) == "goteborg-central-2018/meeting/css"]
    assert len(css) > 2
    assert all("RRULE" not in e for e in css)
    assert "goteborg-central-2018/meeting/css/2027#4@trygg" in {str(e["UID"]) for e in css}


def test_reminders_before_obligations_not_before_meetings(cli: Any) -> None:
    def alarms(*args: str) -> dict[str, list[str]]:
        _text, events = _calendar(cli, *args)
        return {
            str(e["UID"]): [a["TRIGGER"].to_ical().decode() for a in e.walk("VALARM")]
            for e in events
        }

    default = alarms()
    assert default["goteborg-central-2018/follow-up//series@trygg"] == ["-P14D"]
    meeting = "goteborg-central-2018/meeting/css/2027#4@trygg"
    assert default[meeting] == []
    assert alarms("--remind", "1m")["goteborg-central-2018/follow-up//series@trygg"] == ["-P30D"]
    assert alarms("--remind-routine", "--remind", "2w")[meeting] == ["-P14D"]
    assert not any(alarms("--remind", "0").values())


def test_who_is_responsible_is_named(cli: Any) -> None:
    _text, events = _calendar(cli, "--include-past")
    follow_up = str(_by_event(events, GOTEBORG_FOLLOW_UP)["DESCRIPTION"])
    assert "Responsible: Polisområde Storgöteborg, Göteborgs Stad" in follow_up
    # an action plan's action: its bodies by the agreement's names, its parties by name
    plan = str(
        _by_event(events, "molndal-atgardsplan-2023/action/oppna-foraldramoten")["DESCRIPTION"]
    )
    assert (
        "Responsible: SSPF styrgrupp, BRÅ Mölndal (Styrgrupp BRÅ), Mölndals stad, "
        "Lokalpolisområde Storgöteborg Syd" in plan
    )


def test_categories_are_in_the_chosen_language(cli: Any) -> None:
    try:
        result = cli("--lang", "sv", "due", AS_OF_ARG, "-f", "ics", str(EXAMPLES))
    finally:
        set_language(None)  # --lang is in-process: leave English for the other tests
    events = Calendar.from_ical(result.stdout).walk("VEVENT")
    follow_up = _by_event(events, GOTEBORG_FOLLOW_UP)
    assert follow_up["CATEGORIES"].cats == ["uppföljning av överenskommelsen"]
    assert "Ansvariga: Polisområde Storgöteborg, Göteborgs Stad" in str(follow_up["DESCRIPTION"])


def test_same_input_same_bytes(cli: Any) -> None:
    first, _events = _calendar(cli)
    again, _events = _calendar(cli)
    assert first == again
    assert "DTSTAMP:20261124T000000Z" in first


def test_bad_remind_is_a_one_line_error(cli: Any) -> None:
    result = cli("due", AS_OF_ARG, "-f", "ics", "--remind", "soon", str(EXAMPLES))
    assert (result.exit_code, result.stderr) == (
        2,
        "error: 'soon' is not a length of time; write e.g. 30d, 12w, 6m or 1y\n",
    )


# --------------------------------------------------------------------------- rules


def _occurrence(planned: date, due: date | None = None, **changes: Any) -> Occurrence:
    base = Occurrence(
        due=due or planned,
        doc_id="test-lokal",
        item="follow-up",
        item_id="",
        planned=planned,
        occasion=planned.isoformat(),
        doc_kind="agreement",
        path="lokal.yaml",
        line=20,
        column=1,
        yaml_path=("follow_up",),
        title="Lokal samverkansöverenskommelse",
        parties=("stad", "polis"),
    )
    return base._replace(**changes)


@pytest.mark.parametrize(
    ("planned", "text"),
    [
        # tertials: the end of April, August and December
        (
            [date(2027, 4, 30), date(2027, 8, 31), date(2027, 12, 31), date(2028, 4, 30)],
            "FREQ=MONTHLY;INTERVAL=4;BYMONTHDAY=-1;COUNT=4",
        ),
        # every week on a Tuesday
        (
            [date(2027, 1, 5), date(2027, 1, 12), date(2027, 1, 19)],
            "FREQ=WEEKLY;INTERVAL=1;COUNT=3",
        ),
        # anniversaries
        (
            [date(2027, 5, 3), date(2028, 5, 3), date(2029, 5, 3)],
            "FREQ=YEARLY;INTERVAL=1;BYMONTH=5;BYMONTHDAY=3;COUNT=3",
        ),
    ],
)
def test_regular_cadences_get_a_rule_that_dateutil_agrees_with(
    planned: list[date], text: str
) -> None:
    rule = series_rule([_occurrence(day) for day in planned])
    assert rule is not None and rule.text(len(planned)) == text
    expanded = rrulestr(text, dtstart=datetime.combine(planned[0], datetime.min.time()))
    assert (
        [moment.date() for moment in expanded]
        == planned
        == expand(rule, planned[0], 4)[: len(planned)]
    )


def test_irregular_dates_and_single_occasions_get_no_rule() -> None:
    assert series_rule([_occurrence(date(2027, 3, 31))]) is None
    days = [date(2027, 3, 31), date(2027, 6, 30), date(2027, 10, 15)]
    assert series_rule([_occurrence(day) for day in days]) is None
    # a holiday moves one of them and no working-day rule gives the rest
    moved = [_occurrence(date(2027, 5, 1), date(2027, 4, 30)), _occurrence(date(2027, 6, 1))]
    assert series_rule(moved) is None


def test_working_day_rule_is_what_dateutil_expands() -> None:
    rule = Rule("YEARLY", 1, 12, tuple(range(-2, -9, -1)), weekdays=True)
    dues = expand(rule, date(2026, 12, 30), 6)
    text = rule.text(6)
    dateutil = rrulestr(text, dtstart=datetime(2026, 12, 30))
    assert [moment.date() for moment in dateutil] == dues
    assert all(d.weekday() < 5 and 27 <= d.day <= 30 for d in dues)


# --------------------------------------------------------------------------- the reporter


SMALL = [
    _occurrence(date(2026, 12, 1), occasion="2026", text="Uppföljning görs årligen."),
    _occurrence(date(2027, 12, 1), occasion="2027", text="Uppföljning görs årligen."),
    _occurrence(
        date(2026, 12, 5),
        date(2026, 12, 4),
        item="meeting",
        item_id="styrgrupp",
        occasion="2026#4",
        bodies=("styrgrupp",),
        title="Styrgrupp",
    ),
    _occurrence(date(2026, 10, 31), occasion="2026-10-31", item="deadline", item_id="rutin"),
    _occurrence(date(2025, 12, 1), occasion="2025", done=date(2025, 11, 20)),
]
NAMES = {"test-lokal": {"stad": "Mölndals stad", "styrgrupp": "Styrgruppen"}}


def test_reporter_default_is_upcoming_and_stable_in_any_order() -> None:
    plan = DuePlan(occurrences=sorted(SMALL))
    first = DUE_REPORTERS["ics"](plan, SMALL, AS_OF, CONTEXT)
    again = DUE_REPORTERS["ics"](plan, list(reversed(SMALL)), AS_OF, CONTEXT)
    assert first.encode() == again.encode()
    uids = [str(e["UID"]) for e in Calendar.from_ical(first).walk("VEVENT")]
    assert uids == [
        "test-lokal/follow-up//series@trygg",
        "test-lokal/meeting/styrgrupp/2026#4@trygg",
    ]


def test_reporter_names_the_responsible_and_keeps_uids_across_edits() -> None:
    options = IcsOptions(include_past=True, names=NAMES)
    text = ics(DuePlan(), SMALL, AS_OF, CONTEXT, options)
    events = {str(e["UID"]): e for e in Calendar.from_ical(text).walk("VEVENT")}
    meeting = str(events["test-lokal/meeting/styrgrupp/2026#4@trygg"]["DESCRIPTION"])
    assert "Responsible: Styrgruppen, Mölndals stad, polis" in meeting
    assert "Planned for 2026-12-05, moved to the previous working day." in meeting
    assert "Reference: " in meeting
    moved = [o._replace(line=o.line + 7) for o in SMALL]
    after = ics(DuePlan(), moved, AS_OF, CONTEXT, options)
    assert set(events) == {str(e["UID"]) for e in Calendar.from_ical(after).walk("VEVENT")}
    assert "test-lokal/deadline/rutin/2026-10-31@trygg" in events  # overdue, kept
    assert not list(events["test-lokal/follow-up//2025@trygg"].walk("VALARM"))  # done


def test_empty_calendar_still_parses() -> None:
    text = DUE_REPORTERS["ics"](DuePlan(), [], AS_OF, CONTEXT)
    assert list(Calendar.from_ical(text).walk("VEVENT")) == []
    assert text.startswith("BEGIN:VCALENDAR\r\n")
    assert str(Calendar.from_ical(text)["PRODID"]) == "-//trygg//trygg due//SV"
