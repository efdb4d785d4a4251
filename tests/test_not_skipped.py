"""Nothing is skipped in silence: a named file is always checked, a near-miss document in a
folder gets a warning with the fix, a BOM is read and UTF-16/32 gets a located error."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from helpers import MINIMAL_AGREEMENT

WORKFLOW = "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n"


def test_a_named_file_that_is_not_a_document_is_an_error(
    write: Callable[..., Path], cli: Any
) -> None:
    for name, content in {
        "workflow.yml": WORKFLOW,
        "list.yaml": "- en\n- lista\n",
        "binary.yaml": b"\x00\x01\x02\x89PNG\r\n",
    }.items():
        path = write(name, content)
        result = cli("validate", str(path))
        assert result.exit_code == 1, name
        assert f"{path}:1:1: error [not-a-document] this file was named to be checked" in (
            result.stdout
        )
    assert "it is not a text file" in cli("validate", str(write("binary.yaml", b"\x00x"))).stdout


def test_in_a_folder_other_yaml_is_skipped_and_counted(
    write: Callable[..., Path], cli: Any, tmp_path: Path
) -> None:
    write("docs/a.yaml", MINIMAL_AGREEMENT)
    write("docs/ci.yml", WORKFLOW)
    result = cli("validate", str(tmp_path / "docs"))
    assert result.exit_code == 0
    assert result.stderr == (
        "No problems in 1 file. 1 other YAML file was skipped: it is not a trygg document.\n"
    )


def test_a_misspelt_or_missing_marker_in_a_folder_is_a_warning_with_the_fix(
    write: Callable[..., Path], cli: Any, tmp_path: Path
) -> None:
    write("docs/tryg.yaml", MINIMAL_AGREEMENT.replace("trygg: 1", "tryg: 1"))
    write("docs/capital.yaml", MINIMAL_AGREEMENT.replace("trygg: 1", "Trygg: 1"))
    write("docs/none.yaml", MINIMAL_AGREEMENT.replace("trygg: 1\n", "# utkast\n"))
    result = cli("validate", "-f", "json", str(tmp_path / "docs"))
    found = {
        (Path(f["path"]).name, f["line"], f["rule"], f["severity"]): f["message"]
        for f in json.loads(result.stdout)["findings"]
    }
    assert found == {
        ("capital.yaml", 1, "missing-marker", "warning"): (
            "'Trygg:' looks like a misspelt 'trygg:', so trygg did not read this document; "
            "write 'trygg: 1'"
        ),
        ("none.yaml", 2, "missing-marker", "warning"): (
            "this file says 'kind: agreement' but has no 'trygg: 1' line, so trygg did not "
            "read it; add 'trygg: 1' as its first line"
        ),
        ("tryg.yaml", 1, "missing-marker", "warning"): (
            "'tryg:' looks like a misspelt 'trygg:', so trygg did not read this document; "
            "write 'trygg: 1'"
        ),
    }
    assert result.exit_code == 0  # warnings: validate fails on errors only
    assert cli("lint", str(tmp_path / "docs")).exit_code == 1  # lint fails on warnings


def test_bom_is_read_and_wide_encodings_are_located_errors(
    write: Callable[..., Path], cli: Any, tmp_path: Path
) -> None:
    bom = write("bom.yaml", b"\xef\xbb\xbf" + MINIMAL_AGREEMENT.encode())
    assert cli("validate", str(bom)).exit_code == 0
    for encoding, words in (("utf-16", "UTF-16"), ("utf-32", "UTF-32")):
        path = write(f"{encoding}.yaml", MINIMAL_AGREEMENT.encode(encoding))
        result = cli("validate", str(path))
        assert result.exit_code == 1
        assert f"error [encoding] the file is saved as {words}; save it as UTF-8" in result.stdout


def test_the_cached_outcome_of_a_folder_is_not_used_for_a_named_file(
    write: Callable[..., Path], cli: Any, tmp_path: Path
) -> None:
    (tmp_path / ".git").mkdir()
    path = write("only/ci.yml", WORKFLOW)
    assert cli("validate", str(tmp_path / "only")).exit_code == 0
    assert cli("validate", str(path)).exit_code == 1
    assert cli("validate", str(tmp_path / "only")).exit_code == 0
