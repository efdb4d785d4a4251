"""--fix and --diff apply only the certain fixes, change only the fixed lines, and write
nothing half-way; lint's --quiet and --statistics."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from helpers import FIXTURES, MINIMAL_AGREEMENT, run_cli, write_file

from trygg_cli import fix
from trygg_cli.workspace import load_paths

INVALID = FIXTURES / "invalid"

# The lines of tests/fixtures/invalid/agreement.yaml that --fix changes, as they become.
FIXED_LINES = {
    7: "scope: local                      # should be 'local'",
    15: "    type: lokalpolisområde         # should be 'lokalpolisområde'",
    18: "  until: 2026-12-31                # typo for 'until'",
    23: "    members: []                    # typo for 'members'",
}

EXPECTED_DIFF = """\
--- a/invalid/agreement.yaml
+++ b/invalid/agreement.yaml
@@ -4,7 +4,7 @@
 kind: agreement
 id: trasig-lokal
 title: Lokal samverkansöverenskommelse
-scope: lokal                      # should be 'local'
+scope: local                      # should be 'local'
 municipality: Mölndal
 parties:
   - id: molndals-stad
@@ -12,15 +12,15 @@
     type: stad
   - id: lpo-syd
     name: Lokalpolisområde Storgöteborg Syd
-    type: lokalpolisomrade         # should be 'lokalpolisområde'
+    type: lokalpolisområde         # should be 'lokalpolisområde'
 validity:
   from: 2025-13-01                 # there is no month 13
-  untill: 2026-12-31               # typo for 'until'
+  until: 2026-12-31                # typo for 'until'
 bodies:
   - id: bra
     name: BRÅ Mölndal
     level: strategisk
-    memebrs: []                    # typo for 'members'
+    members: []                    # typo for 'members'
     meetings:
       times: "4"                   # a number, not text
   - id: sspf
"""


@pytest.fixture
def invalid(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of tests/fixtures/invalid/, with the current folder above it."""
    shutil.copytree(INVALID, tmp_path / "invalid")
    monkeypatch.chdir(tmp_path)
    return tmp_path / "invalid"


def _remaining(folder: Path) -> set[tuple[str, int, str]]:
    return {(Path(f.path).name, f.line, f.rule) for f in load_paths([str(folder)]).findings}


def test_validate_fix_fixes_the_certain_problems_and_reports_the_rest(invalid: Path) -> None:
    result = run_cli("validate", "--fix", "invalid")
    assert result.exit_code == 1  # errors remain
    assert "Fixed 4 problems in 1 file." in result.stderr
    assert "5 problems (5 errors) in 2 files." in result.stderr
    # What stays: what no fix is certain for.
    assert _remaining(invalid) == {
        ("action-plan.yaml", 6, "dangling-reference"),
        ("action-plan.yaml", 10, "duplicate-id"),
        ("agreement.yaml", 17, "bad-date"),
        ("agreement.yaml", 25, "wrong-type"),
        ("agreement.yaml", 26, "missing-field"),
    }
    assert "dangling-reference" in result.stdout and "bad-value" not in result.stdout


def test_only_the_fixed_lines_change(invalid: Path) -> None:
    run_cli("validate", "--fix", "invalid")
    before = (INVALID / "agreement.yaml").read_text(encoding="utf-8").splitlines()
    after = (invalid / "agreement.yaml").read_text(encoding="utf-8").splitlines()
    assert len(before) == len(after)
    changed = {n: b for n, (a, b) in enumerate(zip(before, after, strict=True), 1) if a != b}
    assert changed == FIXED_LINES
    assert (invalid / "action-plan.yaml").read_bytes() == (
        INVALID / "action-plan.yaml"
    ).read_bytes()


def test_diff_prints_the_exact_diff_and_writes_nothing(invalid: Path) -> None:
    result = run_cli("validate", "--diff", "invalid")
    assert result.stdout == EXPECTED_DIFF
    assert result.exit_code == 1  # there is something to fix
    assert "Would fix 4 problems in 1 file." in result.stderr
    for name in ("agreement.yaml", "action-plan.yaml"):
        assert (invalid / name).read_bytes() == (INVALID / name).read_bytes()


def test_lint_fix_and_diff_as_validate(invalid: Path) -> None:
    assert run_cli("lint", "--diff", "invalid").stdout == EXPECTED_DIFF
    result = run_cli("lint", "--fix", "invalid")
    assert "Fixed 4 problems in 1 file." in result.stderr
    assert "untill" not in (invalid / "agreement.yaml").read_text(encoding="utf-8")
    assert "TRY101" in result.stdout and result.exit_code == 1


def test_diff_with_nothing_to_fix_is_empty_and_exits_0(tmp_path: Path) -> None:
    path = write_file(tmp_path, "a.yaml", MINIMAL_AGREEMENT)
    result = run_cli("validate", "--diff", str(path))
    assert (result.exit_code, result.stdout) == (0, "")
    assert "Would fix 0 problems in 0 files." in result.stderr


@pytest.mark.parametrize("marker", ["tryg", "Trygg", "TRYGG", "trygq"])
def test_a_near_miss_marker_is_fixed(tmp_path: Path, marker: str) -> None:
    path = write_file(tmp_path, "a.yaml", MINIMAL_AGREEMENT.replace("trygg: 1", f"{marker}: 1"))
    before = run_cli("validate", str(path))
    assert before.exit_code == 1 and "error [missing-marker]" in before.stdout  # named
    result = run_cli("validate", "--fix", str(path))
    assert "Fixed 1 problem in 1 file." in result.stderr
    assert path.read_text(encoding="utf-8") == MINIMAL_AGREEMENT
    assert "No problems in 1 file." in result.stderr


def test_a_marker_with_another_version_is_not_certain(tmp_path: Path) -> None:
    path = write_file(tmp_path, "a.yaml", MINIMAL_AGREEMENT.replace("trygg: 1", "tryg: 2"))
    run_cli("validate", "--fix", str(path))
    assert path.read_text(encoding="utf-8").startswith("tryg: 2\n")


MEETINGS = """\
bodies:
  - id: bra
    name: BRÅ
    level: strategisk
    members:
      - {{party: stad, role: Kommundirektör}}
    meetings:
      times: 4
      unit: {unit}
"""


@pytest.mark.parametrize(
    ("word", "key"),
    [
        ("år", "year"),
        ("termin", "term"),
        ("kvartal", "quarter"),
        ("Månad", "month"),
        ("vecka", "week"),
        ("'år'", "'year'"),
    ],
)
def test_a_swedish_unit_word_becomes_its_key(tmp_path: Path, word: str, key: str) -> None:
    text = MINIMAL_AGREEMENT + MEETINGS.format(unit=word)
    path = write_file(tmp_path, "a.yaml", text)
    assert "did you mean" in run_cli("validate", str(path)).stdout
    result = run_cli("validate", "--fix", str(path))
    assert path.read_text(encoding="utf-8") == MINIMAL_AGREEMENT + MEETINGS.format(unit=key)
    assert result.exit_code == 0, result.stdout


def test_a_swedish_qualifier_and_a_quoted_value_keep_their_style(tmp_path: Path) -> None:
    text = (
        MINIMAL_AGREEMENT + MEETINGS.format(unit="year") + "      qualifier: ungefär\n"
    ).replace("scope: local", 'scope: "lokal"')
    path = write_file(tmp_path, "a.yaml", text)
    run_cli("validate", "--fix", str(path))
    fixed = path.read_text(encoding="utf-8")
    assert 'scope: "local"' in fixed and "qualifier: about" in fixed


def test_a_key_that_would_collide_is_left_with_the_reason(tmp_path: Path) -> None:
    text = MINIMAL_AGREEMENT + "  untill: 2026-12-31\n"
    path = write_file(tmp_path, "a.yaml", text)
    result = run_cli("validate", "--fix", str(path))
    assert path.read_text(encoding="utf-8") == text
    assert "not fixed: 'until' is already there" in result.stderr
    assert "Fixed 0 problems in 0 files." in result.stderr
    assert result.exit_code == 1


def test_a_value_with_two_close_choices_is_not_fixed(tmp_path: Path) -> None:
    # 'lisregion' is as close to 'polisregion' as to 'region'.
    text = MINIMAL_AGREEMENT.replace("type: lokalpolisområde", "type: lisregion")
    path = write_file(tmp_path, "a.yaml", text)
    [finding] = load_paths([str(path)]).findings
    assert finding.rule == "bad-value" and finding.fix is None
    run_cli("validate", "--fix", str(path))
    assert path.read_text(encoding="utf-8") == text


def test_a_layout_ruamel_cannot_keep_is_left_alone(tmp_path: Path) -> None:
    # Two indentation styles in one file: ruamel would rewrite one of them.
    text = MINIMAL_AGREEMENT.replace("scope: local", "scope: lokal") + (
        "bodies:\n"
        "    - id: bra\n"
        "      name: BRÅ\n"
        "      level: strategisk\n"
        "      members:\n"
        "        - {party: stad, role: Kommundirektör}\n"
    )
    path = write_file(tmp_path, "a.yaml", text)
    result = run_cli("validate", "--fix", str(path))
    assert path.read_text(encoding="utf-8") == text
    assert "without changing its layout" in result.stderr


def test_a_file_changed_meanwhile_is_not_overwritten(tmp_path: Path) -> None:
    path = write_file(tmp_path, "a.yaml", MINIMAL_AGREEMENT.replace("scope: local", "scope: lokal"))
    plan = fix.plan(load_paths([str(path)]).findings)
    assert plan.count == 1
    edited = path.read_text(encoding="utf-8") + "# edited meanwhile\n"
    path.write_text(edited, encoding="utf-8")
    done = fix.write(plan)
    assert done.count == 0 and "changed while trygg was fixing" in done.left_out[0][1]
    assert path.read_text(encoding="utf-8") == edited


def test_a_byte_order_mark_stays(tmp_path: Path) -> None:
    text = MINIMAL_AGREEMENT.replace("scope: local", "scope: lokal")
    path = write_file(tmp_path, "a.yaml", b"\xef\xbb\xbf" + text.encode())
    run_cli("validate", "--fix", str(path))
    assert path.read_bytes() == b"\xef\xbb\xbf" + MINIMAL_AGREEMENT.encode()


def test_lint_quiet_prints_only_the_summary_or_nothing(invalid: Path, tmp_path: Path) -> None:
    result = run_cli("lint", "--quiet", "invalid")
    assert result.stdout == "15 problems (9 errors, 6 warnings) in 2 files.\n"
    assert result.exit_code == 1
    clean = write_file(tmp_path, "clean/a.yaml", MINIMAL_AGREEMENT)
    result = run_cli("lint", "-q", "--select", "TRY001", str(clean))
    assert (result.exit_code, result.stdout) == (0, "")


def test_lint_statistics_counts_per_rule(invalid: Path) -> None:
    result = run_cli("lint", "--statistics", "invalid")
    assert result.stdout == (
        "2  TRY101              action-without-performer\n"
        "2  TRY102              action-without-follow-up\n"
        "2  TRY103              action-without-timing\n"
        "2  bad-value\n"
        "2  unknown-key\n"
        "1  bad-date\n"
        "1  dangling-reference\n"
        "1  duplicate-id\n"
        "1  missing-field\n"
        "1  wrong-type\n"
    )
    assert result.exit_code == 1
