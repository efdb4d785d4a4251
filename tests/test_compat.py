"""Files that were valid `trygg: 1` stay valid: a frozen copy of 2026-12-02's examples and
fixtures (see tests/data/compat-2026-12-02/README.md) validates without findings."""

from __future__ import annotations

from pathlib import Path

import pytest

from trygg_cli.workspace import load_paths

COMPAT = Path(__file__).resolve().parent / "data" / "compat-2026-12-02"
# Each folder is one workspace: documents refer to one another only inside it.
_FIXTURES = {path.parent for path in COMPAT.rglob("*.yaml") if "examples" not in path.parts}
FOLDERS = [*sorted(_FIXTURES), COMPAT / "examples"]


def test_the_copy_is_all_there() -> None:
    assert len(list(COMPAT.rglob("*.yaml"))) == 125
    assert len(FOLDERS) > 60


@pytest.mark.parametrize("folder", FOLDERS, ids=lambda p: str(p.relative_to(COMPAT)))
def test_still_valid(folder: Path) -> None:
    workspace = load_paths([str(folder)], jobs=1)
    assert len(workspace.checked) >= 1
    assert workspace.findings == []
