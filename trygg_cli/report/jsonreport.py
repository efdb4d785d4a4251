"""The versioned JSON report documented in docs/json-output.md."""

from __future__ import annotations

import json
from collections.abc import Sequence

from trygg_cli.findings import Finding
from trygg_cli.report.base import ReportContext, Summary

JSON_VERSION = 1


def json_report(
    findings: Sequence[Finding], summary: Summary, ctx: ReportContext | None = None
) -> str:
    """Findings, skipped files and counts; the same for validate and lint."""
    payload = {
        "version": JSON_VERSION,
        "tool": "trygg",
        "findings": [f.to_dict() for f in findings],
        "skipped": list(summary.skipped),
        "summary": summary.counts(findings),
    }
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
