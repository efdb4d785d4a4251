"""`trygg validate` writes every findings format lint writes, with lint's summary
sentence and exit code: one reporting path for both commands."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from helpers import MINIMAL_AGREEMENT, ROOT

INVALID = "tests/fixtures/invalid"
DATA = Path(__file__).resolve().parent / "data"
EXPECTED_RULES = {
    "bad-date",
    "bad-value",
    "dangling-reference",
    "duplicate-id",
    "missing-field",
    "unknown-key",
    "wrong-type",
}


@pytest.fixture
def invalid(cli: Any, monkeypatch: pytest.MonkeyPatch) -> Callable[..., Any]:
    monkeypatch.chdir(ROOT)
    return lambda *args: cli("validate", "--no-cache", *args, INVALID)


def test_sarif_is_valid_against_the_official_schema(invalid: Callable[..., Any]) -> None:
    result = invalid("-f", "sarif")
    assert result.exit_code == 1
    log = json.loads(result.stdout)
    schema = json.loads((DATA / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    jsonschema.validators.validator_for(schema)(schema).validate(log)
    (run,) = log["runs"]
    assert len(run["results"]) == 9
    assert {r["ruleId"] for r in run["results"]} == EXPECTED_RULES
    assert [rule["id"] for rule in run["tool"]["driver"]["rules"]] == sorted(EXPECTED_RULES)
    first = run["results"][0]["locations"][0]["physicalLocation"]
    assert first == {
        "artifactLocation": {"uri": f"{INVALID}/action-plan.yaml", "uriBaseId": "%SRCROOT%"},
        "region": {"startLine": 6, "startColumn": 12},
    }


def test_github_annotations(invalid: Callable[..., Any]) -> None:
    result = invalid("--format", "github")
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert len(lines) == 9 and all(line.startswith("::error file=") for line in lines)
    assert lines[0].startswith(
        f"::error file={INVALID}/action-plan.yaml,line=6,col=12,title=dangling-reference::"
    )
    assert result.stderr == ""


def test_gitlab_code_quality(invalid: Callable[..., Any]) -> None:
    result = invalid("-f", "gitlab")
    assert result.exit_code == 1
    issues = json.loads(result.stdout)
    assert len(issues) == 9
    assert {i["check_name"] for i in issues} == EXPECTED_RULES
    assert {i["severity"] for i in issues} == {"major"}
    assert len({i["fingerprint"] for i in issues}) == 9
    assert issues[0]["location"] == {"path": f"{INVALID}/action-plan.yaml", "lines": {"begin": 6}}


def test_junit_has_a_failing_case_per_file(invalid: Callable[..., Any]) -> None:
    result = invalid("-f", "junit")
    assert result.exit_code == 1
    suites = ET.fromstring(result.stdout)
    assert (suites.get("tests"), suites.get("failures")) == ("2", "2")
    failures = {case.get("name"): case.find("failure") for case in suites.iter("testcase")}
    assert sorted(failures) == [f"{INVALID}/action-plan.yaml", f"{INVALID}/agreement.yaml"]
    agreement = failures[f"{INVALID}/agreement.yaml"]
    assert agreement is not None
    assert agreement.get("message") == "7 problems (7 errors)"
    assert "scope: lokal" in (agreement.text or "")  # the source line under each finding


def test_output_file(invalid: Callable[..., Any], tmp_path: Path) -> None:
    out = tmp_path / "reports" / "validate.sarif"
    result = invalid("-f", "sarif", "-o", str(out))
    assert (result.exit_code, result.stdout) == (1, "")
    assert json.loads(out.read_text(encoding="utf-8"))["version"] == "2.1.0"
    text = invalid("--output", str(tmp_path / "findings.txt"))
    assert text.stdout == ""
    assert (tmp_path / "findings.txt").read_text(encoding="utf-8").count("\n") == 9
    assert text.stderr == "9 problems (9 errors) in 2 files.\n"


def test_a_clean_run_in_every_format(write: Callable[..., Path], cli: Any) -> None:
    path = write("a.yaml", MINIMAL_AGREEMENT)
    for fmt in ("text", "json", "github", "sarif", "gitlab", "junit"):
        result = cli("validate", "-f", fmt, str(path))
        assert result.exit_code == 0, fmt
    assert cli("validate", "-f", "github", str(path)).stdout == ""
    assert json.loads(cli("validate", "-f", "gitlab", str(path)).stdout) == []


def test_validate_and_lint_print_the_same_summary_sentence(
    invalid: Callable[..., Any], cli: Any, write: Callable[..., Path], tmp_path: Path
) -> None:
    validated = invalid()
    # Every lint rule off: lint reports what validate does, and must say it the same way.
    linted = cli("lint", "--no-cache", "--ignore", "TRY", "--no-color", INVALID)
    assert validated.exit_code == linted.exit_code == 1
    sentence = validated.stderr.splitlines()[-1]
    assert sentence == "9 problems (9 errors) in 2 files."
    assert linted.stdout.splitlines()[-1] == sentence
    write("a.yaml", MINIMAL_AGREEMENT)
    write("b.yaml", MINIMAL_AGREEMENT.replace("test-lokal", "test-b"))
    clean_validate = cli("validate", "--no-cache", str(tmp_path))
    clean_lint = cli("lint", "--no-cache", "--ignore", "TRY", str(tmp_path))
    assert clean_validate.stderr == "No problems in 2 files.\n"
    assert clean_lint.stdout.splitlines()[-1] == "No problems in 2 files."


def test_the_same_json_from_validate_and_lint(invalid: Callable[..., Any], cli: Any) -> None:
    validated = json.loads(invalid("-f", "json").stdout)
    linted = json.loads(cli("lint", "--no-cache", "--ignore", "TRY", "-f", "json", INVALID).stdout)
    assert validated == linted
