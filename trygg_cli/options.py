"""Small pieces the commands share: reading a date option and writing a report."""

from __future__ import annotations

import re
import sys
from datetime import date
from pathlib import Path

from trygg_cli.errors import TryggError
from trygg_cli.i18n import _

_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def parse_day(text: str | None, option: str) -> date:
    """``--today``/``--as-of``: a YYYY-MM-DD date, or today when not given."""
    if text is None:
        return date.today()
    try:
        if not _DAY.fullmatch(text):
            raise ValueError(text)
        return date.fromisoformat(text)
    except ValueError:
        raise TryggError(
            _("{option} needs a date written YYYY-MM-DD, not '{text}'").format(
                option=option, text=text
            )
        ) from None


def to_screen(output: Path | None) -> bool:
    """Whether a report goes to standard output (no --output, or '-')."""
    return output is None or str(output) == "-"


def write_report(report: str, output: Path | None) -> None:
    """The report to ``output`` (whole or not at all), or to the screen."""
    if output is None or to_screen(output):
        sys.stdout.write(report)
    else:
        from trygg_cli.fsutil import write_atomic

        write_atomic(output, report)
