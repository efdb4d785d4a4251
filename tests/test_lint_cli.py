"""`trygg lint` and `trygg rules` from the command line."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from helpers import EXAMPLES, FIXTURES, MINIMAL_AGREEMENT

from trygg_cli.lint.rules import RULES

SEED_004 = FIXTURES / "lint" / "molndal-2023-original.yaml"
TODAY = "--today=2026-11-25"


def lint_json(cli: Any, *args: str) -> tuple[int, list[dict[str, Any]]]:
    result = cli("lint", TODAY, "--format", "json", *args)
    return result.exit_code, json.loads(result.stdout)["findings"]


def test_the_four_defects_of_seed_004_are_reported_where_they_are(cli: Any) -> None:
    code, findings = lint_json(cli, str(SEED_004))
    assert code == 1
    found = {(f["line"], f["column"], f["rule"]): f["message"] for f in findings}
    # 1. the placeholder decision reference "201Å-MM-DD § XX dnr KS XX/XX"
    assert found[(31, 17, "TRY501")] == (
        "template placeholder left in the text: 'XX'; write the real value or remove it"
    )
    assert found[(32, 11, "TRY501")].startswith("template placeholder left in the text: 'XX'")
    assert found[(33, 39, "TRY501")] == (
        "template placeholder left in the text: '201Å-MM-DD', 'XX'; write the real value or "
        "remove it"
    )
    # 2. the city's name misspelt, in the heading block and the signature block
    for line, column in ((20, 13), (174, 7)):
        assert found[(line, column, "TRY201")] == (
            "'Mölnåls' looks like a misspelling of the party name 'Mölndals stad'; spell it "
            "as the party's name does"
        )
    # 3. "en period om fyra år" against 2023-05-01 – 2026-12-31
    assert found[(37, 3, "TRY301")] == (
        "the term is stated as 4 years ('en period om fyra år'), but 1 May 2023 – 31 December 2026 "
        "is 3 years and 8 months; correct the dates or the stated term"
    )
    # 4. a bare "Datum" where the signing dates belong
    for line in (175, 178):
        assert found[(line, 7, "TRY501")].startswith("a bare 'Datum' stands where a date belongs")


def test_examples_are_lint_clean(cli: Any) -> None:
    result = cli("lint", TODAY, str(EXAMPLES))
    assert result.exit_code == 0, result.stdout


def test_fail_on_decides_the_exit_code(write: Callable[..., Path], cli: Any) -> None:
    path = write("a.yaml", MINIMAL_AGREEMENT + "  term: {amount: 3, unit: year}\n")
    code, findings = lint_json(cli, str(path), "--select", "TRY301")
    assert (code, [f["severity"] for f in findings]) == (1, ["warning"])
    assert cli("lint", TODAY, str(path), "--select", "TRY301", "--fail-on", "error").exit_code == 0
    assert cli("lint", TODAY, str(path), "--select", "TRY5").exit_code == 0


def test_validation_problems_are_reported_by_lint_too(write: Callable[..., Path], cli: Any) -> None:
    path = write("a.yaml", MINIMAL_AGREEMENT.replace("scope: local", "scope: lokal"))
    code, findings = lint_json(cli, str(path))
    assert code == 1
    assert [f["rule"] for f in findings] == ["bad-value"]


def test_explain_prints_the_rules_documentation(cli: Any) -> None:
    result = cli("lint", "--explain", "try301")
    assert result.exit_code == 0
    assert result.stdout.startswith("TRY301 term-mismatch (warning)\n\nStated term does not match")
    assert "Failing example:" in result.stdout
    result = cli("lint", "--explain", "TRY3011")
    assert result.exit_code == 2
    assert "did you mean 'TRY301'?" in result.stderr


def test_rules_lists_the_catalogue_in_text_and_json(cli: Any) -> None:
    text = cli("rules").stdout.splitlines()
    assert len(text) == len(RULES)
    assert any(line.startswith("TRY501  error    placeholder") for line in text)
    listed = json.loads(cli("rules", "--format", "json").stdout)
    assert [r["id"] for r in listed] == sorted(RULES)
    assert {"id", "name", "severity", "summary", "options"} <= set(listed[0])


def test_unknown_rule_on_the_command_line_is_a_usage_error(cli: Any) -> None:
    result = cli("lint", "--select", "TRY9", str(EXAMPLES))
    assert result.exit_code == 2
    assert result.stderr.startswith("error: 'TRY9' is not a trygg rule or the start of one")


def test_bad_today_is_a_usage_error(cli: Any) -> None:
    result = cli("lint", "--today", "25/11/2026", str(EXAMPLES))
    assert (result.exit_code, result.stderr) == (
        2,
        "error: --today needs a date written YYYY-MM-DD, not '25/11/2026'\n",
    )


def test_config_file_is_found_and_its_mistakes_stop_the_run(
    write: Callable[..., Path], cli: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write("a.yaml", MINIMAL_AGREEMENT + "  term: {amount: 3, unit: year}\n")
    write(".trygg.yaml", "lint:\n  severity:\n    TRY301: error\n  fail_on: error\n")
    monkeypatch.chdir(path.parent)
    code, findings = lint_json(cli, "a.yaml", "--select", "TRY301")
    assert (code, [f["severity"] for f in findings]) == (1, ["error"])
    write(".trygg.yaml", "lint:\n  ignore: [TRY30l]\n")
    result = cli("lint", "a.yaml")
    assert result.exit_code == 2
    assert result.stderr.startswith(
        f"error: {path.parent / '.trygg.yaml'}:2:12: 'TRY30l' is not a trygg rule"
    )


def test_baseline_adoption_fails_only_on_new_findings(
    write: Callable[..., Path], cli: Any, tmp_path: Path
) -> None:
    text = MINIMAL_AGREEMENT + 'decision:\n  body: Kommunstyrelsen\n  paragraph: "§ XX"\n'
    path = write("a.yaml", text)
    baseline = tmp_path / "baseline.json"
    result = cli("lint", TODAY, "--select=TRY5", str(path), "--write-baseline", str(baseline))
    assert result.exit_code == 0
    assert "wrote 1 finding(s) to the baseline" in result.stderr
    path.write_text("# a comment that moves every line\n" + text, encoding="utf-8")
    result = cli("lint", TODAY, "--select=TRY5", str(path), "--baseline", str(baseline))
    assert result.exit_code == 0
    assert "1 known finding(s) left out by the baseline" in result.stderr
    path.write_text(text + "  dnr: KS XX/XX\n", encoding="utf-8")
    code, findings = lint_json(cli, "--select=TRY5", str(path), "--baseline", str(baseline))
    assert code == 1
    assert [(f["line"], f["rule"]) for f in findings] == [(20, "TRY501")]


def test_output_file_is_written_whole_or_not_at_all(
    write: Callable[..., Path], cli: Any, tmp_path: Path
) -> None:
    path = write("a.yaml", MINIMAL_AGREEMENT)
    out = tmp_path / "reports" / "trygg.sarif"
    result = cli("lint", TODAY, str(path), "--format", "sarif", "--output", str(out))
    assert result.exit_code == 0
    assert json.loads(out.read_text("utf-8"))["version"] == "2.1.0"
    blocked = tmp_path / "blocked"
    blocked.write_text("a file, not a folder", encoding="utf-8")
    result = cli("lint", TODAY, str(path), "--output", str(blocked / "x.json"))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: cannot write {blocked / 'x.json'}")
    assert os.listdir(tmp_path / "reports") == ["trygg.sarif"]


@pytest.mark.parametrize("fmt", ["text", "json", "github", "sarif", "gitlab", "junit"])
def test_every_format_is_produced_for_seed_004(cli: Any, fmt: str) -> None:
    result = cli("lint", TODAY, "--no-color", "--format", fmt, str(SEED_004))
    assert result.exit_code == 1
    assert "TRY301" in result.stdout
    assert "\x1b[" not in result.stdout


def test_docs_rules_md_is_current(cli: Any) -> None:
    """docs/rules.md is the published catalogue; regenerate it when a rule changes."""
    from helpers import ROOT

    current = (ROOT / "docs" / "rules.md").read_text("utf-8")
    assert cli("rules", "--format", "markdown").stdout == current, (
        "docs/rules.md is out of date: run trygg rules --format markdown > docs/rules.md"
    )


def test_select_takes_comma_separated_ids_as_the_readme_shows(cli: Any) -> None:
    code, findings = lint_json(cli, "--select", "TRY2,TRY3", "--select", "try501", str(SEED_004))
    assert code == 1
    assert {f["rule"] for f in findings} == {"TRY201", "TRY301", "TRY501"}


def test_baseline_paths_do_not_depend_on_how_the_files_were_named(
    write: Callable[..., Path], cli: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = MINIMAL_AGREEMENT + 'decision:\n  body: Kommunstyrelsen\n  paragraph: "§ XX"\n'
    path = write("repo/arkiv/a.yaml", text)
    (path.parent.parent / ".git").mkdir()
    monkeypatch.chdir(path.parent.parent)
    assert cli("lint", TODAY, "--select=TRY5", "arkiv", "--write-baseline", "b.json").exit_code == 0
    monkeypatch.chdir(path.parent)
    result = cli("lint", TODAY, "--select=TRY5", str(path), "--baseline", "../b.json")
    assert (result.exit_code, "1 known finding(s)" in result.stderr) == (0, True)
    # writing the baseline over the one in use keeps every finding in it
    result = cli(
        "lint",
        TODAY,
        "--select=TRY5",
        ".",
        "--baseline",
        "../b.json",
        "--write-baseline",
        "../b.json",
    )
    assert "wrote 1 finding(s)" in result.stderr


def test_today_must_be_written_yyyy_mm_dd(cli: Any) -> None:
    assert cli("lint", "--today", "20240601", str(EXAMPLES)).exit_code == 2
