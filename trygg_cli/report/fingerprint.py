"""Stable identities for findings, shared by the SARIF and GitLab reports."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

from trygg_cli.findings import Finding
from trygg_cli.report.base import ReportContext, posix
from trygg_cli.textout import one_line


def fingerprints(findings: Sequence[Finding], ctx: ReportContext) -> list[str]:
    """A stable hash per finding: path, rule and the source line's stripped text.

    Line numbers are left out so that an alert keeps its identity when lines are added
    above it. Findings that would share a hash (the same rule twice on one line, or on
    identical lines) are numbered in order, so each still gets its own.
    """
    seen: dict[str, int] = {}
    out = []
    for f in findings:
        source = ctx.source_line(f.path, f.line)
        anchor = " ".join(source.split()) if source is not None else one_line(f.message)
        key = "\0".join((posix(f.path), f.rule, anchor))
        occurrence = seen.get(key, 0)
        seen[key] = occurrence + 1
        out.append(
            hashlib.sha256(f"{key}\0{occurrence}".encode("utf-8", "surrogatepass")).hexdigest()
        )
    return out
