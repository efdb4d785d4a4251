"""The output formats of `trygg due`: table, json and markdown (ics: test_due_ics.py)."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from typing import Any

import pytest
from helpers import ROOT

from trygg_cli.due import DuePlan, Occurrence, Unanchored, Unmatched, plan
from trygg_cli.due.extract import SCHEDULES, schedules_of
from trygg_cli.due.life import settle
from trygg_cli.due.report import (
    DUE_REPORTERS,
    DueReportContext,
    group,
    label,
    summary_line,
)
from trygg_cli.textout import md_cell
from trygg_cli.workspace import load_paths

AS_OF = date(2026, 11, 24)
CONTEXT = DueReportContext()
ANSI = re.compile("\x1b\\[[0-9;]*m")


@pytest.fixture(scope="module")
def seeds() -> Iterator[DuePlan]:
    # Relative paths, so that the golden files do not depend on where the repository is.
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(ROOT)
        # The examples drawn from the seeds; examples/exempel is invented and not a seed.
        seeds = ["examples/goteborg", "examples/molndal", "examples/stockholm"]
        workspace = load_paths(seeds, passes=(SCHEDULES,))
        planned = plan(
            schedules_of(workspace),
            until=date(2027, 12, 31),
            fallback_start=date(AS_OF.year, 1, 1),
        )
        # As `trygg due` shows it: documents' lives and routine cadences settled.
        yield settle(planned, schedules_of(workspace), as_of=AS_OF)


def _shown(result: DuePlan) -> list[Occurrence]:
    """What a coordinator might ask for: since September, four months ahead, and every
    follow-up of Göteborg's central agreement (two of them done)."""
    return [
        o
        for o in result.occurrences
        if date(2026, 9, 1) <= o.due <= AS_OF + timedelta(days=120)
        or (o.doc_id == "goteborg-central-2018" and o.item == "follow-up")
    ]


def _occurrence(**changes: Any) -> Occurrence:
    base = Occurrence(
        due=date(2026, 12, 1),
        doc_id="test-lokal",
        item="follow-up",
        item_id="",
        planned=date(2026, 12, 1),
        occasion="2026",
        doc_kind="agreement",
        path="lokal.yaml",
        line=20,
        column=1,
        yaml_path=("follow_up",),
        title="Lokal samverkansöverenskommelse",
        parties=("stad", "polis"),
        text="Uppföljning görs årligen.",
    )
    return base._replace(**changes)


SMALL = [
    _occurrence(due=date(2026, 10, 30), planned=date(2026, 10, 31), occasion="2026-10-31"),
    _occurrence(
        due=date(2026, 11, 20),
        planned=date(2026, 11, 20),
        item="meeting",
        item_id="styrgrupp",
        occasion="2026#4",
        title="Styrgrupp | ledning\nmed @polis och <b>staden</b>",
        qualifier="about",
        tolerance_days=23,
        yaml_path=("bodies", 0, "meets"),
        line=12,
        bodies=("styrgrupp",),
    ),
    _occurrence(
        due=date(2027, 1, 15),
        planned=date(2027, 1, 15),
        item="deadline",
        item_id="rutin",
        occasion="2027-01-15",
        doc_id="test-plan",
        doc_kind="action-plan",
        title="Gemensam rutin",
        path="plan.yaml",
        line=33,
        text=None,
    ),
    _occurrence(due=date(2027, 6, 30), planned=date(2027, 6, 30), occasion="2027"),
    _occurrence(
        due=date(2025, 12, 1),
        planned=date(2025, 12, 1),
        occasion="2025",
        done=date(2025, 11, 20),
    ),
]
SMALL_PLAN = DuePlan(
    occurrences=sorted(SMALL),
    unmatched=[
        Unmatched(
            "lokal.yaml",
            24,
            9,
            "test-lokal",
            ("follow_up", "done", 1),
            date(2019, 3, 1),
            None,
            "before-first",
        ),
        Unmatched(
            "lokal.yaml",
            26,
            9,
            "test-lokal",
            ("follow_up", "done", 2),
            date(2024, 3, 1),
            2030,
            "no-such-occasion",
        ),
    ],
    unanchored=[
        Unanchored("lokal.yaml", 30, 1, "test-lokal", ("revision",), "revision", "no-start")
    ],
)


# --------------------------------------------------------------------------- shared


def test_group_orders_buckets_and_leaves_out_empty_ones() -> None:
    groups = group(list(reversed(SMALL)), AS_OF)
    assert [name for name, _members in groups] == [
        "overdue",
        "within-30",
        "within-90",
        "later",
        "done",
    ]
    assert all(members == sorted(members) for _name, members in groups)
    assert [name for name, _m in group(SMALL[:1], AS_OF)] == ["overdue"]
    assert group([], AS_OF) == []


def test_summary_line_counts_every_main_bucket() -> None:
    assert summary_line(SMALL, AS_OF) == (
        "1 overdue, 1 within 30 days, 1 in 31–90 days, 1 later, 1 done"
    )
    assert summary_line([], AS_OF) == "0 overdue, 0 within 30 days, 0 in 31–90 days, 0 later"


def test_labels_are_plain_english() -> None:
    assert label("follow-up", "agreement") == "follow-up of the agreement"
    assert label("follow-up", "action-plan") == "follow-up of the action plan"
    assert label("meeting") == "meeting"
    assert label("deadline") == "action deadline"
    assert label("something-new") == "something-new"


def test_every_format_is_registered() -> None:
    assert set(DUE_REPORTERS) == {"table", "json", "markdown", "ics"}


# --------------------------------------------------------------------------- table


def test_table_seeds_golden(seeds: DuePlan, golden: Callable[[str, str], None]) -> None:
    golden("due-table.txt", DUE_REPORTERS["table"](seeds, _shown(seeds), AS_OF, CONTEXT))


def test_table_small_golden(golden: Callable[[str, str], None]) -> None:
    golden("due-small-table.txt", DUE_REPORTERS["table"](SMALL_PLAN, SMALL, AS_OF, CONTEXT))


def test_table_lines(seeds: DuePlan) -> None:
    out = DUE_REPORTERS["table"](seeds, _shown(seeds), AS_OF, CONTEXT)
    lines = out.splitlines()
    assert lines[0] == "Overdue: 1 item, 1 occasion"
    first = lines[1]
    assert first.startswith("  2025-12-30  xbgsqie  follow-up of the agreement  ")
    assert "goteborg-central-2018" in first
    assert "examples/goteborg/central-2018.yaml:293" in first
    assert first.endswith("329 days overdue")
    assert any("about: 23 days' grace" in line for line in lines)
    assert "To fix (1 problem)" in lines
    assert any(
        "examples/stockholm/overgripande.yaml:409:1" in line and "annex priorities" in line
        for line in lines
    )
    assert (
        lines[-1]
        == "1 overdue, 0 within 30 days, 12 in 31–90 days, 1 later, 2 done (as of 24 November 2026)."
    )
    assert "\x1b" not in out


def test_table_small_notes_and_escapes() -> None:
    out = DUE_REPORTERS["table"](SMALL_PLAN, SMALL, AS_OF, DueReportContext(width=200))
    assert "25 days overdue" in out  # due 2026-10-30
    assert "4 days past due, within the grace; about: 23 days' grace" in out
    assert "done 2025-11-20" in out
    # a newline in a title never breaks the line; nothing is wrapped
    assert "Styrgrupp | ledning med @polis" in out
    assert "completion of 1 March 2019 is before the first planned occasion" in out
    assert "matches no planned occasion (occurrence: 2030)" in out
    assert "revision of the agreement: cannot be placed in time" in out


def test_table_shortens_titles_to_the_width_but_never_wraps() -> None:
    long = _occurrence(title="Ett mycket långt namn " * 10)
    wide = DUE_REPORTERS["table"](DuePlan(), [long], AS_OF, DueReportContext(width=400))
    narrow = DUE_REPORTERS["table"](DuePlan(), [long], AS_OF, DueReportContext(width=60))
    assert ("Ett mycket långt namn " * 10).strip() in wide
    row = narrow.splitlines()[1]
    assert "…" in row
    assert "lokal.yaml:20" in row  # the source is never cut


def test_table_control_characters_are_made_harmless() -> None:
    evil = _occurrence(title="Titel\x1b[2Jrensa\x07")
    out = DUE_REPORTERS["table"](DuePlan(), [evil], AS_OF, DueReportContext(width=200))
    assert "\x1b" not in out and "\x07" not in out
    assert "Titel\\x1b[2Jrensa\\x07" in out


def test_table_color_is_ansi_over_the_same_text(seeds: DuePlan) -> None:
    plain = DUE_REPORTERS["table"](seeds, _shown(seeds), AS_OF, CONTEXT)
    colored = DUE_REPORTERS["table"](seeds, _shown(seeds), AS_OF, DueReportContext(color=True))
    assert "\x1b[1;31mOverdue: 1 item, 1 occasion\x1b[0m" in colored
    assert ANSI.sub("", colored) == plain


def test_table_nothing_due() -> None:
    out = DUE_REPORTERS["table"](DuePlan(), [], AS_OF, CONTEXT)
    assert out == (
        "Nothing due.\n0 overdue, 0 within 30 days, 0 in 31–90 days, 0 later (as of 24 November 2026).\n"
    )


# --------------------------------------------------------------------------- json


def test_json_seeds_shape(seeds: DuePlan) -> None:
    shown = _shown(seeds)
    payload = json.loads(DUE_REPORTERS["json"](seeds, shown, AS_OF, CONTEXT))
    assert list(payload) == [
        "version",
        "tool",
        "as_of",
        "items",
        "unanchored",
        "unmatched",
        "tied",
        "ended",
        "unrecorded",
        "unreadable",
        "summary",
    ]
    assert (payload["version"], payload["tool"], payload["as_of"]) == (1, "trygg", "2026-11-24")
    assert len(payload["items"]) == len(shown)
    assert payload["items"][0] == {
        "bucket": "overdue",
        "due": "2025-12-30",
        "planned": "2025-12-31",
        "item": "follow-up",
        "item_id": "",
        "occasion": "2025",
        "title": "Central samverkansöverenskommelse mellan Polisområde Storgöteborg och Göteborgs Stad",
        "doc_id": "goteborg-central-2018",
        "doc_kind": "agreement",
        "path": "examples/goteborg/central-2018.yaml",
        "line": 293,
        "column": 1,
        "yaml_path": "follow_up",
        "qualifier": "exact",
        "tolerance_days": 0,
        "done": None,
        "done_label": None,
        "done_report": None,
        "parties": ["polisomrade-storgoteborg", "goteborgs-stad"],
        "bodies": [],
        "text": "En uppföljning av denna överenskommelse görs 2021 och därefter vartannat år.",
        "key": "goteborg-central-2018/follow-up//2025",
        "ref": "xbgsqie",
        "routine": False,
        "last_done": "2023-12-05",  # the latest completion of the follow-up
    }
    assert payload["ended"] == [
        {
            "doc_id": "molndal-medborgarlofte-2023",
            "doc_kind": "citizen-promise",
            "title": "Medborgarlöfte Mölndal 2023–2025",
            "end": "2025-04-30",
            "path": "examples/molndal/medborgarlofte-2023.yaml",
            "line": 27,
            "column": 3,
            "parties": ["molndals-stad", "lpo-storgoteborg-syd"],
        }
    ]
    assert [item["bucket"] for item in payload["items"]][-2:] == ["done", "done"]
    assert payload["items"][-1]["done"] == "2023-12-05"
    assert payload["unanchored"] == [
        {
            "path": "examples/stockholm/overgripande.yaml",
            "line": 409,
            "column": 1,
            "yaml_path": "priority_revision",
            "doc_id": "stockholm-overgripande",
            "item": "priority-revision",
            "reason": "no-start",
        }
    ]
    assert payload["unmatched"] == []
    assert payload["tied"] == []
    assert payload["summary"] == {
        "overdue": 1,  # the meetings' backlog is gone: none is recorded, so none is tracked
        "within-30": 0,
        "within-90": 12,  # with the ends of Mölndal's agreement and action plan
        "later": 1,
        "done": 2,
    }


def test_json_small_unmatched_and_yaml_paths() -> None:
    payload = json.loads(DUE_REPORTERS["json"](SMALL_PLAN, SMALL, AS_OF, CONTEXT))
    assert payload["unmatched"][1] == {
        "path": "lokal.yaml",
        "line": 26,
        "column": 9,
        "yaml_path": "follow_up.done[2]",
        "doc_id": "test-lokal",
        "date": "2024-03-01",
        "occurrence": 2030,
        "reason": "no-such-occasion",
    }
    meeting = next(i for i in payload["items"] if i["item"] == "meeting")
    assert meeting["yaml_path"] == "bodies[0].meets"
    assert meeting["bucket"] == "within-30"
    assert meeting["title"] == "Styrgrupp | ledning\nmed @polis och <b>staden</b>"


# --------------------------------------------------------------------------- markdown


def test_markdown_seeds_golden(seeds: DuePlan, golden: Callable[[str, str], None]) -> None:
    golden(
        "due-markdown.md",
        DUE_REPORTERS["markdown"](seeds, _shown(seeds), AS_OF, DueReportContext(version="0.1.0")),
    )


def test_markdown_small_golden(golden: Callable[[str, str], None]) -> None:
    golden("due-small-markdown.md", DUE_REPORTERS["markdown"](SMALL_PLAN, SMALL, AS_OF, CONTEXT))


def test_markdown_tables_have_five_cells_per_row() -> None:
    out = DUE_REPORTERS["markdown"](SMALL_PLAN, SMALL, AS_OF, CONTEXT)
    rows = [line for line in out.splitlines() if line.startswith("|")]
    assert rows
    for row in rows:
        # unescaped pipes only: the cell separators
        assert len(re.findall(r"(?<!\\)\|", row)) == 6, row
    assert "Styrgrupp \\| ledning med @\u200bpolis och \\<b\\>staden\\</b\\>" in out
    assert "## Overdue: 1 item, 1 occasion" in out and "## Done (1)" in out


def test_md_cell_escapes() -> None:
    assert md_cell("a|b\nc\r\nd") == "a\\|b c d"
    assert md_cell("*x* _y_ `z`") == "\\*x\\* \\_y\\_ \\`z\\`"


def test_titles_are_cut_by_terminal_cells() -> None:
    from trygg_cli.textout import cells as _cells
    from trygg_cli.textout import cut as _cut

    assert _cells("Trygghetsvandring") == 17
    assert _cells("e\u0301n") == 2  # a combining accent takes no cell
    assert _cells("漢字") == 4
    assert _cut("åäö漢字abc", 6) == "åäö漢…"
    assert _cut("Mölndal", 7) == "Mölndal"
    assert _cut("Mölndals stad", 7) == "Mölnda…"


def test_json_records_read_back_as_written() -> None:
    from trygg_cli.jsonfmt import dumps_records

    payload = {
        "version": 1,
        "items": [{"title": "Trygghetsvandring i Lindome", "parties": ["kommun"]}, {"a": None}],
        "empty": [],
        "summary": {"overdue": 2},
    }
    text = dumps_records(payload)
    assert json.loads(text) == payload
    assert (
        text.splitlines()[3]
        == '    {"title": "Trygghetsvandring i Lindome", "parties": ["kommun"]},'
    )
    assert dumps_records({}) == "{\n}\n" and json.loads(dumps_records({})) == {}


def test_json_items_are_the_occurrence_dicts(seeds: DuePlan) -> None:
    """The item records, encoded with shared parts, read back as occurrence_dict gives
    them, field order included."""
    from trygg_cli.due.report import group, occurrence_dict
    from trygg_cli.due.report.json import _encoded_items

    shown = [*seeds.occurrences, seeds.occurrences[0]._replace(done=AS_OF)]
    expected = [occurrence_dict(o, AS_OF) for _n, m in group(shown, AS_OF) for o in m]
    read = [json.loads(text) for text in _encoded_items(group(shown, AS_OF))]
    assert read == expected and len(read) > 5
    assert [list(r) for r in read] == [list(e) for e in expected]


def test_schedule_problems_are_findings_with_rule_ids() -> None:
    from trygg_cli.due.report import problems
    from trygg_cli.findings import Severity

    found = problems(SMALL_PLAN)
    assert [(f.path, f.line, f.column, f.rule, doc) for f, doc in found] == [
        ("lokal.yaml", 30, 1, "unplaced-schedule", "test-lokal"),
        ("lokal.yaml", 24, 9, "unmatched-done", "test-lokal"),
        ("lokal.yaml", 26, 9, "unmatched-done", "test-lokal"),
    ]
    assert all(f.severity is Severity.WARNING for f, _doc in found)
    assert found[0][0].yaml_path == ("revision",)
    assert "the document's start is unknown" in found[0][0].message
    assert "1 March 2019" in found[1][0].message and "2030" in found[2][0].message


def test_refs_are_short_stable_and_unambiguous_in_the_examples(seeds: DuePlan) -> None:
    from trygg_cli.due.occurrence import REF_SHOWN, ref_of

    refs = [o.ref for o in seeds.occurrences]
    assert all(len(ref) == REF_SHOWN and ref.isalnum() for ref in refs)
    assert not set("lo01") & set("".join(refs))
    assert len(set(refs)) == len(refs)
    assert ref_of("goteborg-central-2018/follow-up//2025") == "xbgsqie"  # the same every run
    assert ref_of("goteborg-central-2018/follow-up//2025", 12).startswith("xbgsqie")
