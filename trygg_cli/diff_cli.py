"""``trygg diff``: read the two versions, compare them, write the report."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path


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

    old, new = sides_from_arguments(arguments, Path.cwd())
    result = diff_sides(old, new)
    context = DiffReportContext(color=color, stat=stat)
    write_report(DIFF_REPORTERS[output_format](result, context), output)
    return 1 if exit_code and result.changed else 0
