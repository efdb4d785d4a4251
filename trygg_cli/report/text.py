"""Reports for people: one line per finding (validate), or findings grouped by file with
the source line and a caret under the column (lint)."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from trygg_cli.findings import Finding, Severity
from trygg_cli.report.base import ReportContext, Summary, by_path, one_line_finding
from trygg_cli.report.summary import summary_line
from trygg_cli.text import printable
from trygg_cli.textout import BOLD, DIM, char_cells, paint, printable_line

_TAB = 4
_EXCERPT_WIDTH = 160  # longer source lines are cut around the column, never wrapped
_SEVERITY_COLOR = {
    Severity.ERROR: "\x1b[31m",
    Severity.WARNING: "\x1b[33m",
    Severity.INFO: "\x1b[36m",
}


def lines(findings: Sequence[Finding], summary: Summary, ctx: ReportContext | None = None) -> str:
    """``path:line:col: severity [rule] message`` — one line each, never wrapped."""
    return "".join(f"{one_line_finding(f)}\n" for f in findings)


def _cell(ch: str, at: int) -> tuple[str, int]:
    """How one source character is shown, and how many terminal cells that takes."""
    if ch == "\t":
        spaces = _TAB - at % _TAB
        return " " * spaces, spaces
    category = unicodedata.category(ch)
    if category == "Cf":  # byte-order mark, zero-width joiners, direction marks
        return "", 0
    if category in ("Cc", "Cs", "Co", "Cn", "Zl", "Zp"):  # controls could drive the terminal
        return "\ufffd", 1
    return ch, char_cells(ch)


def _display(chars: str, at: int = 0) -> tuple[str, int]:
    shown: list[str] = []
    width = at
    for ch in chars:
        text_, cells = _cell(ch, width)
        shown.append(text_)
        width += cells
    return "".join(shown), width - at


def excerpt(line: str, column: int) -> tuple[str, str]:
    """The source line as shown to people and the caret line under ``column`` (1-based).

    Tabs become spaces up to the next multiple of four, control characters a replacement
    character, and wide characters count two cells, so the caret stays under the column's
    character. A column past the end puts the caret just after the last character. A very
    long line is cut around the column and marked with ``…``.
    """
    line = line.rstrip("\r\n")
    index = min(max(column, 1) - 1, len(line))
    lead = trail = ""
    if len(line) > _EXCERPT_WIDTH:
        start = max(0, min(index - _EXCERPT_WIDTH // 3, len(line) - _EXCERPT_WIDTH))
        end = start + _EXCERPT_WIDTH
        lead = "…" if start else ""
        trail = "…" if end < len(line) else ""
        line, index = line[start:end], index - start
    before, width = _display(line[:index])
    after, _width = _display(line[index:], width)
    return lead + before + after + trail, " " * (len(lead) + width) + "^"


def text_body(findings: Sequence[Finding], ctx: ReportContext) -> str:
    """Findings grouped by file, each with its source line and a caret; no summary."""
    if not findings:
        return ""
    place_width = max(len(f"{f.line}:{f.column}") for f in findings)
    rule_width = max(len(f.rule) for f in findings)
    blocks: list[str] = []
    for path, group in by_path(findings).items():
        out = [paint(BOLD, printable(path), ctx.color)]
        for finding in group:
            color = _SEVERITY_COLOR[finding.severity]
            place = f"{finding.line}:{finding.column}"
            out.append(
                "  "
                + paint(DIM, place.ljust(place_width), ctx.color)
                + "  "
                + paint(color, finding.severity.label.ljust(7), ctx.color)
                + "  "
                + paint(DIM, finding.rule.ljust(rule_width), ctx.color)
                + "  "
                + printable_line(finding.message)
            )
            source = ctx.source_line(finding.path, finding.line)
            if source is not None and source.strip():
                shown, caret = excerpt(source, finding.column)
                out.append("    " + shown.rstrip())
                out.append("    " + paint(color, caret, ctx.color))
        blocks.append("\n".join(out) + "\n")
    return "\n".join(blocks)


def grouped(findings: Sequence[Finding], summary: Summary, ctx: ReportContext) -> str:
    """For people: findings grouped by file with source excerpts, then the summary line."""
    body = text_body(findings, ctx)
    return body + ("\n" if body else "") + summary_line(findings, summary) + "\n"
