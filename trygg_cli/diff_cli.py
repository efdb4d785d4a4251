"""``trygg diff``: read the two versions, compare them, write the report."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path


def _after_double_dash(arguments: Sequence[str]) -> int:
    """How many of ``arguments`` came after a ``--`` on the command line (click drops the
    ``--`` itself, so it is looked for in sys.argv)."""
    import sys

    argv = sys.argv[1:]
    if "--" not in argv:
        return 0
    tail = argv[argv.index("--") + 1 :]
    if tail and list(arguments[-len(tail) :]) == tail:
        return len(tail)
    return 0


def diff_command(
    arguments: Sequence[str],
    *,
    output_format: str,
    output: Path | None,
    stat: bool,
    exit_code: bool,
    color: bool,
) -> int:
    """Run the comparison and write its report; the exit code."""
    from trygg_cli.diff.report import DIFF_REPORTERS, DiffReportContext
    from trygg_cli.diff.run import diff_sides, sides_from_arguments
    from trygg_cli.options import write_report

    old, new = sides_from_arguments(arguments, Path.cwd(), _after_double_dash(arguments))
    result = diff_sides(old, new)
    context = DiffReportContext(color=color, stat=stat)
    write_report(DIFF_REPORTERS[output_format](result, context), output)
    return 1 if exit_code and result.changed else 0
