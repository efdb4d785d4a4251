"""The standing attack suite: hostile files made from the examples (tests/hostile_cases.py)
through every pass and the five commands. benchmarks/attack.py runs the same generator
over ten thousand cases; here a fixed, small sample keeps the suite fast."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

import hostile_cases
from helpers import EXAMPLES, Result
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from trygg_cli.check import check_source

PASSES = hostile_cases.all_passes()
TEXTS = hostile_cases.bases()


@settings(max_examples=150, derandomize=True, deadline=2000)
@given(seed=st.integers(0, 2**32 - 1))
def test_every_pass_survives_a_hostile_file_and_never_skips_a_document(seed: int) -> None:
    raw = hostile_cases.case(seed, TEXTS)
    result = check_source(f"case-{seed}.yaml", raw, passes=PASSES)  # raises: the test fails
    if not result.checked:
        assert not hostile_cases.looks_like_a_document(raw), "skipped without a word"
    for finding in result.findings:
        assert finding.line >= 1 and finding.column >= 1  # every problem is located


@settings(
    max_examples=3,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(first=st.integers(0, 10**6))
def test_the_five_commands_on_a_folder_of_hostile_files(
    cli: Callable[..., Result], first: int
) -> None:
    with tempfile.TemporaryDirectory(prefix="attack-") as temporary:
        _five_commands(cli, Path(temporary), first)


def _five_commands(cli: Callable[..., Result], folder: Path, first: int) -> None:
    for seed in range(first, first + 25):
        (folder / f"case-{seed}.yaml").write_bytes(hostile_cases.case(seed, TEXTS))
    runs = {
        "validate": cli("validate", str(folder), "--no-cache"),
        "lint": cli("lint", str(folder), "--no-cache", "--format", "json"),
        "due": cli("due", str(folder), "--no-cache", "--format", "json"),
        "render": cli("render", str(folder), "--site", str(folder / "site")),
        "diff": cli("diff", str(EXAMPLES), str(folder)),
    }
    for name, result in runs.items():
        assert result.exit_code in (0, 1, 2), name
        assert "internal error" not in result.stderr, (name, result.stderr[-500:])
