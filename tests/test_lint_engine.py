"""Suppressions, per-path ignores, configuration and the baseline."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from helpers import MINIMAL_AGREEMENT

from trygg_cli.configfile import find_config
from trygg_cli.errors import TryggError
from trygg_cli.findings import Finding, Severity
from trygg_cli.lint import baseline
from trygg_cli.lint.config import LintConfig, load_config
from trygg_cli.lint.engine import PathIgnore, lint_workspace
from trygg_cli.lint.passes import lint_passes
from trygg_cli.lint.rules import RULES
from trygg_cli.lint.suppress import parse
from trygg_cli.source_lines import SourceLines
from trygg_cli.workspace import load_sources

TODAY = date(2026, 11, 25)
PLACEHOLDER = MINIMAL_AGREEMENT + 'decision:\n  body: Kommunstyrelsen\n  paragraph: "§ XX"\n'


def run(
    sources: dict[str, str],
    config: LintConfig | None = None,
) -> list[str]:
    config = config or LintConfig()
    settings = config.settings(TODAY)
    workspace = load_sources(
        {k: v.encode() for k, v in sources.items()}, passes=lint_passes(settings)
    )
    findings = lint_workspace(workspace, settings, config.path_ignores)
    return [f"{f.path}:{f.line}:{f.column}: {f.rule}" for f in findings]


def test_end_of_line_suppression_covers_its_line_only() -> None:
    text = PLACEHOLDER.replace('"§ XX"', '"§ XX" # trygg: ignore[TRY501] given at the meeting')
    assert [f for f in run({"a.yaml": text}) if "TRY0" in f or "TRY501" in f] == []


def test_own_line_suppression_covers_the_following_block() -> None:
    text = MINIMAL_AGREEMENT + (
        "# trygg: ignore[TRY501] the decision is taken on 12 April\n"
        "decision:\n"
        "  body: Kommunstyrelsen\n"
        '  paragraph: "§ XX"\n'
        "  dnr: KS XX/XX\n"
    )
    assert [f for f in run({"a.yaml": text}) if "TRY501" in f or "TRY0" in f] == []


def test_block_ends_at_the_next_key_on_the_same_level() -> None:
    lines = "a:\n  # trygg: ignore[TRY501] why\n  b: 1\n  c:\n    d: 2\n  e: 3\nf: 4\n".splitlines()
    (item,) = parse("\n".join(lines))
    assert (item.first, item.last) == (3, 3)
    (item,) = parse("# trygg: ignore[TRY501] why\nitems:\n- a\n- b\nnext: 1\n")
    assert (item.first, item.last) == (2, 4)


def test_suppression_without_reason_and_unused_ones_are_findings() -> None:
    text = PLACEHOLDER.replace('"§ XX"', '"§ XX" # trygg: ignore[TRY501]') + (
        "# trygg: ignore[TRY402] nothing here to suppress\n"
        "last_revised: 2023-03-17 # trygg: ignore[TRY999] misspelt id\n"
    )
    assert [f for f in run({"a.yaml": text}) if "TRY0" in f or "TRY501" in f] == [
        "a.yaml:19:21: TRY001",
        "a.yaml:20:1: TRY002",
        "a.yaml:21:26: TRY002",
    ]


def test_suppressions_in_a_file_with_schema_errors_are_not_called_unused() -> None:
    text = PLACEHOLDER + "titel: fel\n# trygg: ignore[TRY501] reason\nlast_revised: 2023-03-17\n"
    assert [f for f in run({"a.yaml": text}) if "TRY0" in f] == []


def test_per_path_ignores_and_severity_overrides(tmp_path: Path) -> None:
    config = LintConfig(
        path_ignores=(PathIgnore("arkiv/**", ("TRY5",)),),
        severities={"TRY501": Severity.INFO},
    )
    out = run(
        {"arkiv/2019/a.yaml": PLACEHOLDER, "b.yaml": PLACEHOLDER.replace("test-lokal", "b")}, config
    )
    assert [f for f in out if "TRY501" in f] == ["b.yaml:19:17: TRY501"]
    settings = config.settings(TODAY)
    workspace = load_sources({"b.yaml": PLACEHOLDER.encode()}, passes=lint_passes(settings))
    (finding,) = [f for f in lint_workspace(workspace, settings) if f.rule == "TRY501"]
    assert finding.severity is Severity.INFO


def test_select_and_ignore_choose_rules_by_prefix() -> None:
    config = LintConfig(select=("TRY5", "TRY301"), ignore=("TRY50",))
    assert config.settings(TODAY).selected == {"TRY301"} | {
        r for r in RULES if r.startswith("TRY5") and not r.startswith("TRY50")
    }


def test_config_file_is_read_and_checked(write: Callable[..., Path]) -> None:
    path = write(
        ".trygg.yaml",
        """\
        lint:
          ignore: [TRY109]
          severity:
            TRY301: error
          per_path_ignores:
            "arkiv/**": [TRY3]
          fail_on: error
        """,
    )
    config = load_config(path)
    assert config.ignore == ("TRY109",)
    assert config.severities == {"TRY301": Severity.ERROR}
    assert config.path_ignores == (PathIgnore("arkiv/**", ("TRY3",), str(path.parent)),)
    assert config.fail_on is Severity.ERROR
    assert find_config(path.parent / "sub") == path


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("lint:\n  ignroe: [TRY1]\n", ":2:3: unknown key 'ignroe'; did you mean 'ignore'?"),
        (
            "lint:\n  ignore: [TRY501, TRY5O1]\n",
            ":2:20: 'TRY5O1' is not a trygg rule or the start of one (did you mean 'TRY501'?); "
            "'trygg rules' lists them",
        ),
        (
            "lint:\n  severity:\n    TRY3011: error\n",
            ":3:5: 'TRY3011' is not a trygg rule or the start of one (did you mean 'TRY301'?); "
            "'trygg rules' lists them",
        ),
        ("lint:\n  fail_on: warnings\n", ":2:12: 'warnings' is not allowed for 'fail_on'"),
        ("lint: [\n", ":2:1: "),
        (
            "lint:\n  options:\n    promise_min_months: tolv\n",
            ":3:25: the option 'promise_min_months' should be a number greater than 0, not 'tolv'",
        ),
        (
            "lint:\n  options:\n    promise_max_months: 0\n",
            ":3:25: the option 'promise_max_months' should be a number greater than 0, not 0",
        ),
        (
            'lint:\n  options:\n    promise_max_months: "24"\n',
            ":3:25: the option 'promise_max_months' should be a number greater than 0, "
            "not the text '24' (leave out the quotes)",
        ),
        (
            "lint:\n  options:\n    promise_min_months:\n",
            ":3:24: the option 'promise_min_months' should be a number greater than 0, not empty",
        ),
        (
            "lint:\n  options:\n    email_domains: true\n",
            ":3:20: the option 'email_domains' should be a list such as [a, b], not true",
        ),
        (
            "lint:\n  options:\n    email_domains:\n      molndal: se\n",
            ":4:7: the option 'email_domains' should be a list such as [a, b], not a mapping",
        ),
        (
            "lint:\n  options:\n    phone_numbers_allowed: [[031-315 10 00]]\n",
            ":3:28: the option 'phone_numbers_allowed' should list texts such as [a, b], but "
            "one item is a list",
        ),
    ],
)
def test_config_mistakes_are_located_errors(
    write: Callable[..., Path], content: str, message: str
) -> None:
    path = write(".trygg.yaml", content)
    with pytest.raises(TryggError) as raised:
        load_config(path)
    assert str(raised.value).startswith(f"{path}{message}")


def test_option_values_in_the_forms_the_rules_read(write: Callable[..., Path]) -> None:
    path = write(
        ".trygg.yaml",
        """\
        lint:
          options:
            promise_min_months: 6
            promise_max_months: 30.5
            email_domains: molndal.se
            phone_numbers_allowed:
        """,
    )
    assert load_config(path).options["email_domains"] == "molndal.se"
    path.write_text('lint:\n  options:\n    phone_numbers_allowed: [0313151000, "031-315 10 00"]\n')
    assert load_config(path).options["phone_numbers_allowed"] == [313151000, "031-315 10 00"]
    # every option a rule documents is checked when the file is read
    assert all(set(rule.options) == set(rule.option_checks) for rule in RULES.values())


def test_baseline_matches_by_line_text_not_line_number(tmp_path: Path) -> None:
    before = {"a.yaml": PLACEHOLDER.encode()}
    source = SourceLines(before)
    old = [Finding("a.yaml", 19, 15, "TRY501", "placeholder", Severity.ERROR)]
    path = tmp_path / "baseline.json"
    path.write_text(baseline.render(old, source), encoding="utf-8")
    known = baseline.load(path)
    shifted = {"a.yaml": ("# a new comment line\n" + PLACEHOLDER).encode()}
    moved = [Finding("a.yaml", 20, 15, "TRY501", "placeholder", Severity.ERROR)]
    assert baseline.new_findings(moved, known, SourceLines(shifted)) == ([], 1)
    fresh = Finding("a.yaml", 21, 3, "TRY501", "another", Severity.ERROR)
    text = PLACEHOLDER + "  dnr: KS XX/XX\n"
    shifted = {"a.yaml": ("# a new comment line\n" + text).encode()}
    assert baseline.new_findings([*moved, fresh], known, SourceLines(shifted)) == ([fresh], 1)


def test_a_broken_baseline_file_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "baseline.json"
    path.write_text("not json", encoding="utf-8")
    with pytest.raises(TryggError, match="is not a trygg baseline"):
        baseline.load(path)
    with pytest.raises(TryggError, match="cannot read the baseline"):
        baseline.load(tmp_path / "missing.json")


def test_ignore_comment_for_a_rule_that_did_not_run_is_not_unused() -> None:
    text = (
        MINIMAL_AGREEMENT
        + "# trygg: ignore[TRY402] the police's public switchboard\nlast_revised: 2023-03-17\n"
    )
    assert [f for f in run({"a.yaml": text}) if "TRY002" in f] == ["a.yaml:17:1: TRY002"]
    config = LintConfig(ignore=("TRY402",))
    assert [f for f in run({"a.yaml": text}, config) if "TRY002" in f] == []
    config = LintConfig(path_ignores=(PathIgnore("a.yaml", ("TRY4",)),))
    assert [f for f in run({"a.yaml": text}, config) if "TRY002" in f] == []


def test_positions_inside_folded_plain_and_quoted_text() -> None:
    text = MINIMAL_AGREEMENT + (
        "priorities:\n"
        "  - id: p\n"
        "    title: Otrygghet\n"
        "    problem: >-\n"
        "      Otrygghet i centrum kvällstid enligt beslut i kommunstyrelsen § XX och\n"
        "      medborgardialoger.\n"
        "    causes: Dålig belysning och få vuxna i rörelse kvällstid vid stationen och\n"
        "      busshållplatserna, enligt beslut § XX i nämnden.\n"
        "    description: 'Det ''centrum'' ring 070-123 45 67'\n"
    )
    found = [f for f in run({"a.yaml": text}) if "TRY501" in f or "TRY402" in f]
    assert found == ["a.yaml:21:71: TRY501", "a.yaml:24:42: TRY501", "a.yaml:25:40: TRY402"]


def test_severity_for_a_prefix_sets_every_rule_it_starts(write: Callable[..., Path]) -> None:
    path = write(".trygg.yaml", "lint:\n  severity:\n    TRY3: error\n    TRY306: warning\n")
    severities = load_config(path).severities
    assert severities["TRY301"] is Severity.ERROR
    assert severities["TRY306"] is Severity.WARNING


@pytest.mark.parametrize(
    "content",
    [
        '{"version": 1, "findings": 5}',
        '{"version": 1, "findings": null}',
        '{"version": true}',
        "[]",
    ],
)
def test_a_baseline_of_the_wrong_shape_is_a_clear_error(tmp_path: Path, content: str) -> None:
    path = tmp_path / "baseline.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(TryggError, match="baseline"):
        baseline.load(path)


def test_ignore_text_inside_a_block_or_quoted_value_is_text_not_a_comment() -> None:
    text = MINIMAL_AGREEMENT + (
        "sections:\n"
        "  - id: s\n"
        "    title: Kontakt\n"
        "    text: |\n"
        "      Frågor om XX # trygg: ignore[TRY501] published text, not a comment\n"
        "  - id: t\n"
        '    title: "XX # trygg: ignore[TRY501] also text"\n'
        "    text: Kontakt XX # trygg: ignore[TRY501] a real comment\n"
    )
    assert [f for f in run({"a.yaml": text}) if "TRY501" in f or "TRY0" in f] == [
        "a.yaml:21:17: TRY501",
        "a.yaml:23:13: TRY501",
    ]


def test_source_lines_keep_only_the_last_files_read() -> None:
    sources = {f"f{i}.yaml": f"first {i}\nsecond {i}\n".encode() for i in range(40)}
    source = SourceLines(sources)
    assert [source(f"f{i}.yaml", 2) for i in range(40)] == [f"second {i}" for i in range(40)]
    assert len(source.cache) == SourceLines.KEEP
    assert source("f0.yaml", 1) == "first 0" and source("f0.yaml", 3) is None
