"""The rule catalogue: every rule documented, and proven by a passing and a failing fixture.

Each rule has ``tests/fixtures/rules/<ID>/pass/`` and ``.../fail/``: small workspaces of
valid trygg documents. Linted with every rule on, the failing one must give at least one
finding of the rule — at the lines its files mark with ``# expect: <ID>`` on the line
above, when they mark any — and the passing one none.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from trygg_cli.findings import Finding, Severity
from trygg_cli.lint.base import LintSettings
from trygg_cli.lint.engine import lint_workspace
from trygg_cli.lint.passes import lint_passes
from trygg_cli.lint.rules import RULES
from trygg_cli.workspace import load_paths

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "rules"
TODAY = date(2026, 11, 25)
SETTINGS = LintSettings(today=TODAY, selected=frozenset(RULES))
_EXPECT = re.compile(r"#\s*expect:\s*(TRY\d{3})")


def lint(folder: Path) -> list[Finding]:
    return lint_workspace(load_paths([str(folder)], passes=lint_passes(SETTINGS)), SETTINGS)


def expected_lines(folder: Path, rule: str) -> set[tuple[str, int]]:
    marked = set()
    for path in sorted(folder.rglob("*.yaml")):
        for number, line in enumerate(path.read_text("utf-8").splitlines(), 1):
            match = _EXPECT.search(line)
            if match and match.group(1) == rule:
                marked.add((str(path), number + 1))
    return marked


def test_ids_are_grouped_by_theme_and_names_are_unique() -> None:
    assert all(re.fullmatch(r"TRY[0-5]\d\d", rule_id) for rule_id in RULES)
    names = [rule.name for rule in RULES.values()]
    assert len(names) == len(set(names))
    assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", name) for name in names)


@pytest.mark.parametrize("rule_id", sorted(RULES))
def test_every_rule_is_documented(rule_id: str) -> None:
    rule = RULES[rule_id]
    sections = rule.sections()
    assert rule.summary and rule.summary.endswith(".")
    for heading in ("What", "Why", "How to fix", "Passing example", "Failing example"):
        assert sections.get(heading, "").strip(), f"{rule_id}: '{heading}:' is missing"
    assert isinstance(rule.severity, Severity)
    assert (rule.check is not None) or (rule.check_workspace is not None) or rule_id < "TRY100"


@pytest.mark.parametrize("rule_id", sorted(RULES))
def test_failing_fixture_is_caught(rule_id: str) -> None:
    folder = FIXTURES / rule_id / "fail"
    assert folder.is_dir(), f"{folder} is missing"
    findings = lint(folder)
    assert not [f for f in findings if not f.rule.startswith("TRY")], "fixture must be valid"
    mine = {(f.path, f.line) for f in findings if f.rule == rule_id}
    assert mine, f"{rule_id} found nothing in {folder}"
    marked = expected_lines(folder, rule_id)
    if marked:
        assert mine == marked


@pytest.mark.parametrize("rule_id", sorted(RULES))
def test_passing_fixture_is_clean(rule_id: str) -> None:
    folder = FIXTURES / rule_id / "pass"
    assert folder.is_dir(), f"{folder} is missing"
    findings = lint(folder)
    assert not [f for f in findings if not f.rule.startswith("TRY")], "fixture must be valid"
    assert [f for f in findings if f.rule == rule_id] == []
