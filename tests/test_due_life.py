"""The life of documents and routine cadences (trygg_cli.due.life), with dates by hand."""

from __future__ import annotations

import textwrap
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from trygg_cli.due import bucket, plan
from trygg_cli.due.config import DueConfig, due_config, load_due_config
from trygg_cli.due.extract import SCHEDULES, Concluded, concluded_of, schedules_of
from trygg_cli.due.life import settle
from trygg_cli.due.occurrence import DuePlan
from trygg_cli.due.run import DueQuery, run_due
from trygg_cli.errors import TryggError
from trygg_cli.workspace import load_sources

AS_OF = date(2026, 12, 2)  # a Wednesday

AGREEMENT = """\
trygg: 1
kind: agreement
id: a
title: Överenskommelse
scope: local
municipality: Mölndal
parties:
  - {{id: stad, name: Mölndals stad, type: stad}}
  - {{id: polis, name: Lokalpolisområde Syd, type: lokalpolisområde}}
validity: {validity}
{body}"""

PROMISE = """\
trygg: 1
kind: citizen-promise
id: {id}
title: Medborgarlöfte {id}
municipality: Mölndal
parties:
  - {{id: stad, name: Mölndals stad, type: stad}}
  - {{id: polis, name: Lokalpolisområde Syd, type: lokalpolisområde}}
problem: Otrygghet i centrum.
period: {period}
commitments:
  - id: vandring
    party: polis
    text: Polisen deltar i trygghetsvandringar.
    schedule: {{times: 2}}
follow_up: {{first: validity_end, text: Löftet följs upp efter perioden.}}
{extra}"""

OPEN = "{from: 2023-05-01, until_further_notice: true}"
MEETINGS = """\
bodies:
  - id: grupp
    name: Lägesbildsgruppen
    level: operativ
    members: [{{party: polis, role: Kommunpolis}}]
    meetings: {meetings}
"""


def _settle(sources: dict[str, str], as_of: date = AS_OF, strict: date | None = None) -> DuePlan:
    workspace = load_sources(
        {name: textwrap.dedent(text).encode() for name, text in sources.items()},
        passes=(SCHEDULES,),
    )
    documents = schedules_of(workspace)
    assert len(documents) == len(sources), workspace.findings
    planned = plan(documents, until=date(as_of.year + 1, 12, 31), as_of=as_of)
    return settle(planned, documents, as_of=as_of, strict_routine_from=strict)


def _rows(result: DuePlan, doc_id: str) -> list[tuple[str, date, str]]:
    return [(o.item, o.planned, bucket(o, AS_OF)) for o in result.occurrences if o.doc_id == doc_id]


def _meeting(meetings: str, validity: str = OPEN) -> dict[str, str]:
    return {"a.yaml": AGREEMENT.format(validity=validity, body=MEETINGS.format(meetings=meetings))}


# --------------------------------------------------------------------------- documents


def test_an_ended_promise_without_successor_is_listed_once_and_never_overdue() -> None:
    """2023-05-01 – 2025-04-30: its end and its twice-yearly commitment stop there; the
    final follow-up, three months after the end (2025-07-30), is still an obligation."""
    period = "{from: 2023-05-01, until: 2025-04-30}"
    result = _settle({"p.yaml": PROMISE.format(id="gammal", period=period, extra="")})
    # once, pointing at the period (line 10) where its end is written
    assert [(e.doc_id, e.end, e.line) for e in result.ended] == [("gammal", date(2025, 4, 30), 10)]
    assert _rows(result, "gammal") == [("promise-follow-up", date(2025, 7, 30), "overdue")]
    assert result.unrecorded == []  # its commitment is no longer in force


def test_a_superseded_promise_is_silent() -> None:
    """The new promise (from 2025-05-01) names the old one under supersedes: nothing of the
    old one from 2025-05-01 on, not even its final follow-up, and no 'ended' entry."""
    old = PROMISE.format(id="gammal", period="{from: 2023-05-01, until: 2025-04-30}", extra="")
    new = PROMISE.format(
        id="ny",
        period="{from: 2025-05-01, until: 2027-04-30}",
        extra="supersedes:\n  - {title: Det förra löftet, citizen_promise: gammal}\n",
    )
    result = _settle({"gammal.yaml": old, "ny.yaml": new})
    assert _rows(result, "gammal") == []
    assert result.ended == []
    # The successor runs as usual: its end in 2027 is upcoming, not decided yet.
    assert ("promise-end", date(2027, 4, 30), "later") in _rows(result, "ny")


def test_a_superseded_document_keeps_what_fell_due_before_its_successor() -> None:
    """An agreement until replaced, follow-up every year at the end: 2023, 2024 and 2025
    fell due while it was in force (overdue, never done); its successor starts
    2026-03-01, so 2026 and 2027 are not shown."""
    old = AGREEMENT.format(
        validity="{from: 2023-05-01, until_replaced: true}",
        body="follow_up: {every: 1, at: end}\n",
    )
    new = AGREEMENT.replace("id: a\n", "id: b\n").format(
        validity="{from: 2026-03-01, until_further_notice: true}",
        body="supersedes:\n  - {title: Den förra, agreement: a}\n",
    )
    result = _settle({"a.yaml": old, "b.yaml": new})
    assert [planned for _item, planned, _b in _rows(result, "a")] == [
        date(2023, 12, 31),
        date(2024, 12, 31),
        date(2025, 12, 31),
    ]


def test_the_end_of_an_agreement_is_an_item_beside_the_renegotiation() -> None:
    """Until 2027-06-30: renegotiation six months before (2026-12-30, a working day) and
    the end itself (2027-06-30)."""
    result = _settle(
        {"a.yaml": AGREEMENT.format(validity="{from: 2023-05-01, until: 2027-06-30}", body="")}
    )
    assert _rows(result, "a") == [
        ("validity-end", date(2026, 12, 30), "within-30"),
        ("period-end", date(2027, 6, 30), "later"),
    ]


def test_a_term_without_an_end_date_gives_the_end() -> None:
    """Four years from 2023-01-15 end 2027-01-14; ended as of 2027-02-01."""
    validity = "{from: 2023-01-15, term: {amount: 4, unit: year}}"
    sources = {"a.yaml": AGREEMENT.format(validity=validity, body="")}
    before = _settle(sources)
    assert ("period-end", date(2027, 1, 14)) in [(i, p) for i, p, _b in _rows(before, "a")]
    after = _settle(sources, as_of=date(2027, 2, 1))
    assert [(e.doc_id, e.end) for e in after.ended] == [("a", date(2027, 1, 14))]
    assert after.occurrences == []  # renegotiation and end are now the decision above


def test_nothing_of_an_ended_document_falls_due_after_its_end() -> None:
    """An action plan 2024-01-01 – 2025-12-31 with a deadline after its end (2026-03-01)
    and a yearly follow-up: as of 2026-12-02 the deadline is not shown; the plan is
    listed as ended on 2025-12-31."""
    agreement = AGREEMENT.format(validity=OPEN, body="")
    action_plan = """\
    trygg: 1
    kind: action-plan
    id: p
    title: Åtgärdsplan
    agreement: a
    period: {from: 2024-01-01, until: 2025-12-31}
    follow_up: {every: 1, at: end}
    actions:
      - {id: x, title: Sent, performs: [{party: stad}], deadline: 2026-03-01}
    """
    result = _settle({"a.yaml": agreement, "p.yaml": action_plan})
    assert _rows(result, "p") == [
        ("follow-up", date(2024, 12, 31), "overdue"),
        ("follow-up", date(2025, 12, 31), "overdue"),
    ]
    assert [(e.doc_id, e.doc_kind, e.end) for e in result.ended] == [
        ("p", "action-plan", date(2025, 12, 31))
    ]


def test_a_concluded_document_is_silent_after_its_end() -> None:
    """The engine side of the proposed `ended:` of a period: concluded on 2025-06-30, an
    open-ended agreement's yearly follow-ups stop after 2024, and it is not listed."""
    sources = {"a.yaml": AGREEMENT.format(validity=OPEN, body="follow_up: {every: 1, at: end}\n")}
    workspace = load_sources({k: v.encode() for k, v in sources.items()}, passes=(SCHEDULES,))
    documents = schedules_of(workspace)
    concluded = Concluded(date(2025, 6, 30), "KS 2025-06-12 § 80")
    documents["a"] = documents["a"]._replace(
        concluded=concluded, span=documents["a"].span._replace(end=date(2025, 6, 30))
    )
    planned = plan(documents, until=date(2027, 12, 31))
    result = settle(planned, documents, as_of=AS_OF)
    assert [o.planned for o in result.occurrences] == [date(2023, 12, 31), date(2024, 12, 31)]
    assert result.ended == []


def test_a_document_marked_as_ended_is_never_listed() -> None:
    from trygg_cli.model.common import Period

    period = Period.model_validate(
        {"from": "2023-05-01", "until": "2025-04-30", "ended": {"decision": "KS § 80"}}
    )
    assert concluded_of(period) == Concluded(None, "KS § 80")
    ended = "{from: 2023-05-01, until: 2025-04-30}"
    marked = (
        "{from: 2023-05-01, until: 2025-04-30, "
        "ended: {date: 2025-06-12, decision: 'KS 2025-06-12 § 80'}}"
    )
    plain = _settle({"p.yaml": PROMISE.format(id="p", period=ended, extra="")})
    assert [e.doc_id for e in plain.ended] == ["p"]
    decided = _settle({"p.yaml": PROMISE.format(id="p", period=marked, extra="")})
    assert decided.ended == []
    assert "promise-end" not in {o.item for o in decided.occurrences}


# --------------------------------------------------------------------------- routine


def test_a_weekly_meeting_with_no_record_shows_one_row() -> None:
    """Weekly from Monday 2023-05-01: 187 meetings lie before 2026-12-02, none recorded;
    only the next, Monday 2026-12-07, is shown."""
    result = _settle(_meeting("{every: 1, unit: week}"))
    assert _rows(result, "a") == [("meeting", date(2026, 12, 7), "within-30")]
    (unrecorded,) = result.unrecorded
    assert (unrecorded.item, unrecorded.item_id, unrecorded.next_due) == (
        "meeting",
        "grupp",
        date(2026, 12, 7),
    )


def test_after_a_completion_on_its_latest_occasion_the_next_missed_one_is_overdue() -> None:
    """Recorded on Monday 2026-11-16 (that week's meeting); the meeting of 2026-11-23 was
    not recorded: overdue. 2026-11-30 too; 2026-12-07 is next."""
    result = _settle(_meeting("{every: 1, unit: week, done: [2026-11-16]}"))
    rows = _rows(result, "a")
    assert rows[:4] == [
        ("meeting", date(2026, 11, 16), "done"),
        ("meeting", date(2026, 11, 23), "overdue"),
        ("meeting", date(2026, 11, 30), "overdue"),
        ("meeting", date(2026, 12, 7), "within-30"),
    ]
    assert result.unrecorded == []


def test_obligations_stay_overdue_per_occasion() -> None:
    """A yearly follow-up at the end of each year from 2023: 2023, 2024 and 2025 overdue."""
    body = "follow_up: {every: 1, at: end}\n"
    result = _settle({"a.yaml": AGREEMENT.format(validity=OPEN, body=body)})
    assert [(p, b) for _i, p, b in _rows(result, "a")] == [
        (date(2023, 12, 31), "overdue"),
        (date(2024, 12, 31), "overdue"),
        (date(2025, 12, 31), "overdue"),
        (date(2026, 12, 31), "within-30"),
        (date(2027, 12, 31), "later"),
    ]


def test_strict_routine_from_tracks_every_occasion_from_that_day() -> None:
    """Four times a year, none recorded, strict from 2026-01-01: 31 March, 30 June and
    30 September 2026 are overdue (due 2026-03-31, 2026-06-30, 2026-09-30); 2025 is not."""
    result = _settle(_meeting("{times: 4}"), strict=date(2026, 1, 1))
    overdue = [p for _i, p, b in _rows(result, "a") if b == "overdue"]
    assert overdue == [date(2026, 3, 31), date(2026, 6, 30), date(2026, 9, 30)]


# --------------------------------------------------------------------------- holidays


def test_the_first_occasion_of_an_agreement_from_2023_01_01_is_not_2022_12_30() -> None:
    """Planned on its start, Sunday 2023-01-01 (nyårsdagen): the previous working day,
    Friday 2022-12-30, is before the start, so it is due on Monday 2023-01-02."""
    validity = "{from: 2023-01-01, until_further_notice: true}"
    body = "evaluation: {first: validity_start}\nfollow_up: {every: 1, unit: month, at: start}\n"
    result = _settle({"a.yaml": AGREEMENT.format(validity=validity, body=body)})
    first = min(result.occurrences, key=lambda o: o.due)
    assert first.planned == date(2023, 1, 1)
    assert first.due == date(2023, 1, 2)
    assert all(o.due >= date(2023, 1, 1) for o in result.occurrences)


# --------------------------------------------------------------------------- config


def test_due_config_reads_strict_routine_from(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    assert due_config(tmp_path) == DueConfig()
    config = tmp_path / ".trygg.yaml"
    config.write_text("lint:\n  ignore: [TRY109]\ndue:\n  strict_routine_from: 2026-01-01\n")
    assert due_config(tmp_path).strict_routine_from == date(2026, 1, 1)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "due:\n  strict_routine: 2026-01-01\n",
            ":2:3: 'strict_routine' is not a setting of 'due' (did you mean "
            "'strict_routine_from'?); the settings are: strict_routine_from",
        ),
        (
            "due:\n  strict_routine_from: 1 januari\n",
            ":2:24: 'strict_routine_from' must be a date written YYYY-MM-DD, not '1 januari'",
        ),
        ("due: [a]\n", ":1:6: 'due' must be a mapping of settings, e.g. strict_routine_from"),
    ],
)
def test_due_config_mistakes_are_located(tmp_path: Path, text: str, message: str) -> None:
    config = tmp_path / ".trygg.yaml"
    config.write_text(text)
    with pytest.raises(TryggError) as caught:
        load_due_config(config)
    assert str(caught.value) == f"{config}{message}"


def test_lint_accepts_the_due_section(tmp_path: Path) -> None:
    from trygg_cli.lint.config import load_config

    config = tmp_path / ".trygg.yaml"
    config.write_text("due:\n  strict_routine_from: 2026-01-01\nlint:\n  ignore: [TRY109]\n")
    assert load_config(config).ignore == ("TRY109",)


def test_run_due_reads_the_setting_in_the_current_folder(tmp_path: Path, monkeypatch: Any) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / "a.yaml").write_text(_meeting("{times: 4}")["a.yaml"], encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    query = DueQuery(as_of=AS_OF, overdue_only=True)
    assert run_due(["."], query).shown == []
    (tmp_path / ".trygg.yaml").write_text("due: {strict_routine_from: 2026-07-01}\n")
    assert [o.planned for o in run_due(["."], query).shown] == [date(2026, 9, 30)]


def test_unrecorded_is_listed_with_done_only(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(_meeting("{times: 4}")["a.yaml"], encoding="utf-8")
    plain = run_due([str(tmp_path)], DueQuery(as_of=AS_OF), config=DueConfig())
    done = run_due([str(tmp_path)], DueQuery(as_of=AS_OF, include_done=True), config=DueConfig())
    assert plain.plan.unrecorded == []
    # next: planned 2026-12-31, nyårsafton, so due the day before
    assert [(u.item_id, u.next_due) for u in done.plan.unrecorded] == [
        ("grupp", date(2026, 12, 30))
    ]
