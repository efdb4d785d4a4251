"""Lint reporters: text for people, json, GitHub annotations, SARIF, GitLab Code Quality, JUnit."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from helpers import ROOT

from trygg_cli.findings import Finding, Severity
from trygg_cli.report import (
    REPORTERS,
    VALIDATION_RULES,
    ReportContext,
    RuleInfo,
    Summary,
    all_rules,
    excerpt,
    fingerprints,
    json_report,
    summary_line,
    text_body,
)

DATA = Path(__file__).resolve().parent / "data"

AGREEMENT = "examples/molndal/lokal-2023.yaml"
PLAN = "docs/Mölndal plan.yaml"
CLEAN = "examples/goteborg/lokal-2018.yaml"

SOURCES = {
    AGREEMENT: (
        "trygg: 1\n"
        "kind: agreement\n"
        "validity:\n"
        "  from: 2025-13-01\n"
        'decision:\t"§ XX, dnr KS XX/XX"\n'
        "parties:\n"
        "  - name: Mölnåls stad\n"
        "  - Datum\n"
        "  - Datum\n"
    ),
    PLAN: "trygg: 1\n\tkind: action-plan\n",
    CLEAN: "trygg: 1\nkind: agreement\n",
}


def source_line(path: str, line: int) -> str | None:
    lines = SOURCES.get(path, "").splitlines()
    return lines[line - 1] if 1 <= line <= len(lines) else None


LINT_RULE = RuleInfo(
    "TRY501",
    "placeholder",
    Severity.ERROR,
    "Template placeholder left in the text.",
    "Template placeholder left in the text.\n\nWhat:\n  Text that is still a template's placeholder.",
)
CONTEXT = ReportContext(
    rules={**VALIDATION_RULES, "TRY501": LINT_RULE},
    source_line=source_line,
    version="0.1.0",
)

FINDINGS = sorted(
    [
        Finding(
            AGREEMENT,
            4,
            9,
            "bad-date",
            "'2025-13-01' is not a date that exists; check the month (01–12) and the day",
            yaml_path=("validity", "from"),
        ),
        Finding(
            AGREEMENT,
            5,
            14,
            "TRY501",
            'placeholder "XX" in [namn]: 100% unfinished, see §§ 3,4',
            yaml_path=("decision",),
        ),
        Finding(
            AGREEMENT,
            7,
            40,
            "TRY201",
            "'Mölnåls stad' looks like a misspelling of 'Mölndals stad'",
            Severity.WARNING,
        ),
        Finding(AGREEMENT, 8, 5, "TRY501", "a bare 'Datum' where a date belongs"),
        Finding(AGREEMENT, 9, 5, "TRY501", "a bare 'Datum' where a date belongs"),
        Finding(AGREEMENT, 9, 1, "TRY301", "first line\nsecond line\r\nthird", Severity.INFO),
        Finding(
            PLAN,
            2,
            1,
            "yaml-syntax",
            "found character '\\t' that cannot start any token: a tab, with a comma",
        ),
    ]
)
SUMMARY = Summary(3, ["notes.yaml"], paths=[AGREEMENT, PLAN, CLEAN])

ANSI = re.compile("\x1b\\[[0-9;]*m")


def report(name: str, findings: Sequence[Finding] = FINDINGS, **kwargs: Any) -> str:
    ctx = ReportContext(**{**CONTEXT.__dict__, **kwargs})
    return REPORTERS[name](findings, SUMMARY, ctx)


# --- text -----------------------------------------------------------------------------------


def test_text_golden(golden: Callable[[str, str], None]) -> None:
    golden("lint-text.txt", report("text"))


def test_text_colour_is_only_ansi_codes_around_the_same_text() -> None:
    coloured = report("text", color=True)
    assert "\x1b[31m" in coloured  # errors in red
    assert ANSI.sub("", coloured) == report("text")
    assert "\x1b" not in report("text")


def test_text_never_wraps_and_keeps_brackets() -> None:
    long = Finding(AGREEMENT, 4, 9, "bad-date", "[bold]x[/bold] " + "ord " * 80)
    out = report("text", [long])
    line = next(line for line in out.splitlines() if "bad-date" in line)
    assert "[bold]x[/bold] ord ord" in line
    assert len(line) > 300


def test_text_summary_and_body_separately() -> None:
    assert report("text").endswith("\n\n" + summary_line(FINDINGS, SUMMARY) + "\n")
    assert (
        report("text")
        == text_body(FINDINGS, CONTEXT) + "\n" + summary_line(FINDINGS, SUMMARY) + "\n"
    )
    assert report("text", []) == (
        "No problems in 3 files. 1 other YAML file was skipped: it is not a trygg document.\n"
    )


@pytest.mark.parametrize(
    ("findings", "checked", "expected"),
    [
        ([], 1, "No problems in 1 file."),
        ([], 5, "No problems in 5 files."),
        (FINDINGS[:1], 1, "1 problem (1 error) in 1 file."),
        (FINDINGS, 3, "7 problems (5 errors, 1 warning, 1 info) in 2 files."),
        (FINDINGS[3:4], 2, "1 problem (1 warning) in 1 file."),
    ],
)
def test_summary_line(findings: list[Finding], checked: int, expected: str) -> None:
    assert summary_line(findings, Summary(checked, ())) == expected


def test_caret_under_the_column_after_a_tab() -> None:
    line = 'decision:\t"§ XX"'
    column = line.index("XX") + 1
    shown, caret = excerpt(line, column)
    assert "\t" not in shown
    assert shown == 'decision:   "§ XX"'
    assert shown[len(caret) - 1 :].startswith("XX")


def test_caret_counts_wide_characters_twice() -> None:
    shown, caret = excerpt("name: 東京 XX", 10)
    assert shown == "name: 東京 XX"
    assert caret == " " * 11 + "^"


def test_caret_past_the_end_of_the_line_sits_after_it() -> None:
    assert excerpt("kind: x", 40) == ("kind: x", " " * 7 + "^")
    assert excerpt("kind: x", 0) == ("kind: x", "^")


def test_control_characters_in_source_and_message_cannot_drive_the_terminal() -> None:
    shown, caret = excerpt("a: \x1b[2Jb", 8)
    assert "\x1b" not in shown
    assert shown == "a: \ufffd[2Jb" and caret == " " * 7 + "^"
    out = report("text", [Finding(AGREEMENT, 1, 1, "bad-value", "bad \x1b[31m value")])
    assert "\x1b" not in out
    assert "bad \\x1b[31m value" in out


def test_byte_order_mark_takes_no_room() -> None:
    assert excerpt("\ufefftrygg: 1", 2) == ("trygg: 1", "^")


def test_long_source_lines_are_cut_around_the_column() -> None:
    line = "text: " + "a" * 300 + "XX" + "b" * 300
    shown, caret = excerpt(line, line.index("XX") + 1)
    assert len(shown) <= 162
    assert shown.startswith("…") and shown.endswith("…")
    assert shown[len(caret) - 1 :].startswith("XX")


# --- json -----------------------------------------------------------------------------------


def test_json_is_the_validate_shape() -> None:
    assert report("json") == json_report(FINDINGS, SUMMARY)
    payload = json.loads(report("json"))
    assert payload["version"] == 1
    assert payload["findings"][1]["yaml_path"] == "validity.from"


# --- github ---------------------------------------------------------------------------------


def test_github_golden(golden: Callable[[str, str], None]) -> None:
    golden("lint-github.txt", report("github"))


def test_github_escapes_data_and_properties_exactly() -> None:
    finding = Finding(
        "a,b:c%d\n.yaml",
        3,
        7,
        "x:y,z",
        "100% sure: a, b\r\nnext [line]",
        Severity.WARNING,
    )
    assert report("github", [finding]) == (
        "::warning file=a%2Cb%3Ac%25d%0A.yaml,line=3,col=7,title=x%3Ay%2Cz"
        "::100%25 sure: a, b%0D%0Anext [line]\n"
    )


def test_github_commands_per_severity() -> None:
    commands = [line.split(" ", 1)[0] for line in report("github").splitlines()]
    assert commands == ["::error"] * 3 + ["::warning", "::error", "::notice", "::error"]


# --- fingerprints ---------------------------------------------------------------------------


def _shifted(lines: int) -> tuple[list[Finding], ReportContext]:
    """The same findings after ``lines`` lines were added at the top of every file."""
    shifted = {path: "# comment\n" * lines + text for path, text in SOURCES.items()}

    def shifted_line(path: str, line: int) -> str | None:
        all_lines = shifted.get(path, "").splitlines()
        return all_lines[line - 1] if 1 <= line <= len(all_lines) else None

    findings = [
        Finding(f.path, f.line + lines, f.column, f.rule, f.message, f.severity, f.yaml_path)
        for f in FINDINGS
    ]
    return findings, ReportContext(CONTEXT.rules, shifted_line)


def test_fingerprints_are_stable_when_only_line_numbers_shift() -> None:
    findings, ctx = _shifted(5)
    assert fingerprints(findings, ctx) == fingerprints(FINDINGS, CONTEXT)
    before = json.loads(report("gitlab"))
    after = json.loads(REPORTERS["gitlab"](findings, SUMMARY, ctx))
    assert [i["fingerprint"] for i in after] == [i["fingerprint"] for i in before]
    assert [i["location"]["lines"]["begin"] for i in after] == [
        i["location"]["lines"]["begin"] + 5 for i in before
    ]


def test_fingerprints_differ_for_identical_lines_and_for_edits() -> None:
    prints = fingerprints(FINDINGS, CONTEXT)
    assert len(set(prints)) == len(prints)  # 'Datum' twice: each its own
    edited = {**SOURCES, AGREEMENT: SOURCES[AGREEMENT].replace("2025-13-01", "2025-14-01")}
    ctx = ReportContext(CONTEXT.rules, lambda p, n: edited[p].splitlines()[n - 1])
    changed = [a != b for a, b in zip(fingerprints(FINDINGS, ctx), prints, strict=True)]
    assert changed == [False, True, False, False, False, False, False]


# --- sarif ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def sarif_validator() -> Any:
    schema = json.loads((DATA / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def test_sarif_golden(golden: Callable[[str, str], None]) -> None:
    golden("lint-sarif.json", report("sarif"))


def test_sarif_is_valid_against_the_official_schema(sarif_validator: Any) -> None:
    for findings in (FINDINGS, []):
        sarif_validator.validate(json.loads(report("sarif", findings)))
    with_root = report("sarif", root_uri="file:///work/repo/", homepage="https://example.org/")
    sarif_validator.validate(json.loads(with_root))


def test_sarif_rules_and_results() -> None:
    log = json.loads(report("sarif"))
    assert log["version"] == "2.1.0"
    (run,) = log["runs"]
    driver = run["tool"]["driver"]
    assert driver["name"] == "trygg" and driver["version"] == "0.1.0"
    rules = driver["rules"]
    assert [r["id"] for r in rules] == ["TRY201", "TRY301", "TRY501", "bad-date", "yaml-syntax"]
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
    placeholder = rules[2]
    assert placeholder["name"] == "placeholder"
    assert placeholder["shortDescription"]["text"] == "Template placeholder left in the text."
    assert placeholder["help"]["text"].startswith("Template placeholder left in the text.\n\nWhat:")
    assert placeholder["defaultConfiguration"] == {"level": "error"}
    assert rules[3]["shortDescription"]["text"] == VALIDATION_RULES["bad-date"].summary
    unknown = rules[0]  # a rule the context does not know still gets a descriptor
    assert unknown["shortDescription"]["text"] == "TRY201"
    assert unknown["defaultConfiguration"] == {"level": "warning"}
    assert [r["level"] for r in run["results"]] == [
        "error",
        "error",
        "error",
        "warning",
        "error",
        "note",
        "error",
    ]
    assert run["results"][0]["locations"][0]["physicalLocation"] == {
        "artifactLocation": {"uri": "docs/M%C3%B6lndal%20plan.yaml", "uriBaseId": "%SRCROOT%"},
        "region": {"startLine": 2, "startColumn": 1},
    }
    assert run["columnKind"] == "unicodeCodePoints"
    assert "%SRCROOT%" in run["originalUriBaseIds"]


@pytest.mark.parametrize(
    ("path", "location"),
    [
        ("./a/b.yaml", {"uri": "a/b.yaml", "uriBaseId": "%SRCROOT%"}),
        ("a\\b c.yaml", {"uri": "a/b%20c.yaml", "uriBaseId": "%SRCROOT%"}),
        ("/tmp/x #1.yaml", {"uri": "file:///tmp/x%20%231.yaml"}),
        ("C:\\work\\å.yaml", {"uri": "file:///C:/work/%C3%A5.yaml"}),
    ],
)
def test_sarif_uris(path: str, location: dict[str, str], sarif_validator: Any) -> None:
    log = json.loads(report("sarif", [Finding(path, 1, 1, "read-error", "x")]))
    sarif_validator.validate(log)
    assert (
        log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
        == location
    )


# --- gitlab ---------------------------------------------------------------------------------


def test_gitlab_golden(golden: Callable[[str, str], None]) -> None:
    golden("lint-gitlab.json", report("gitlab"))


def test_gitlab_issue_shape() -> None:
    issues = json.loads(report("gitlab"))
    assert isinstance(issues, list) and len(issues) == len(FINDINGS)
    for issue in issues:
        assert set(issue) == {"description", "check_name", "fingerprint", "severity", "location"}
        assert issue["severity"] in {"info", "minor", "major", "critical", "blocker"}
        assert "\n" not in issue["description"]
    assert [i["severity"] for i in issues][3:6] == ["minor", "major", "info"]
    assert issues[0]["location"] == {"path": PLAN, "lines": {"begin": 2}}
    assert not report("gitlab").startswith("\ufeff")
    assert json.loads(report("gitlab", [])) == []


# --- junit ----------------------------------------------------------------------------------


def test_junit_golden(golden: Callable[[str, str], None]) -> None:
    golden("lint-junit.xml", report("junit"))


def test_junit_parses_back_with_one_case_per_file() -> None:
    root = ET.fromstring(report("junit").encode("utf-8"))
    assert root.tag == "testsuites"
    (suite,) = root
    assert (suite.get("tests"), suite.get("failures"), suite.get("errors")) == ("3", "2", "0")
    cases = {case.get("name"): case for case in suite.iter("testcase")}
    assert sorted(cases) == sorted([AGREEMENT, PLAN, CLEAN])
    assert cases[CLEAN].find("failure") is None
    failure = cases[AGREEMENT].find("failure")
    assert failure is not None
    assert failure.get("message") == "6 problems (4 errors, 1 warning, 1 info)"
    assert failure.get("type") == "bad-date,TRY501,TRY201,TRY301"
    assert failure.text is not None
    assert (
        f'{AGREEMENT}:5:14: error [TRY501] placeholder "XX" in [namn]: 100% unfinished, see §§ 3,4'
        in failure.text.splitlines()
    )
    assert "Mölnåls" in failure.text


def test_junit_carries_characters_xml_cannot() -> None:
    finding = Finding('a<&>".yaml', 1, 1, "bad-value", "nul \x00 esc \x1b & <tag> \"q\" 'a'")
    root = ET.fromstring(report("junit", [finding]).encode("utf-8"))
    failure = root.find("testsuite/testcase/failure")
    assert failure is not None and failure.text is not None
    assert "nul \\x00 esc \\x1b & <tag> \"q\" 'a'" in failure.text
    names = [case.get("name") for case in root.iter("testcase")]
    assert 'a<&>".yaml' in names


def test_junit_without_paths_lists_the_files_with_findings() -> None:
    out = REPORTERS["junit"](FINDINGS, Summary(2, ()), CONTEXT)
    suite = ET.fromstring(out.encode("utf-8")).find("testsuite")
    assert suite is not None and suite.get("tests") == "2"


# --- the catalogue --------------------------------------------------------------------------


def test_every_format_handles_no_findings() -> None:
    assert set(REPORTERS) == {"text", "json", "github", "sarif", "gitlab", "junit"}
    for name in set(REPORTERS) - {"github"}:
        assert report(name, []).endswith("\n")
    assert report("github", []) == ""


def test_validation_rules_match_the_documented_table() -> None:
    doc = (ROOT / "docs" / "json-output.md").read_text(encoding="utf-8")
    table = dict(re.findall(r"^\| `([a-z-]+)` \| (.+) \|$", doc, re.M))
    assert {rule_id: info.summary for rule_id, info in VALIDATION_RULES.items()} == table
    assert all(info.severity is Severity.ERROR for info in VALIDATION_RULES.values())


def test_all_rules_covers_validation_and_the_lint_catalogue() -> None:
    from trygg_cli.lint.rules import RULES

    rules = all_rules(RULES)
    assert set(rules) == set(VALIDATION_RULES) | set(RULES)
    for rule_id, rule in RULES.items():
        assert rules[rule_id].help == rule.doc and rules[rule_id].summary == rule.summary


def test_report_module_stays_light() -> None:
    code = (
        "import sys, trygg_cli.report; "
        "print(sorted(m for m in ('yaml', 'pydantic', 'ruamel', 'typer', 'rich') "
        "if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert out.stdout.strip() == "[]"
