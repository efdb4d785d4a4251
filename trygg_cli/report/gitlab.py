"""A GitLab Code Quality report."""

from __future__ import annotations

import json
from collections.abc import Sequence

from trygg_cli.findings import Finding, Severity
from trygg_cli.report.base import ReportContext, Summary, posix
from trygg_cli.report.fingerprint import fingerprints
from trygg_cli.textout import one_line

_GITLAB_SEVERITY = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


def gitlab(findings: Sequence[Finding], summary: Summary, ctx: ReportContext) -> str:
    """A GitLab Code Quality report: a JSON array of Code Climate issues (GitLab's subset)."""
    issues = [
        {
            "description": one_line(f.message),
            "check_name": f.rule,
            "fingerprint": fingerprint,
            "severity": _GITLAB_SEVERITY[f.severity],
            "location": {"path": posix(f.path), "lines": {"begin": f.line}},
        }
        for f, fingerprint in zip(findings, fingerprints(findings, ctx), strict=True)
    ]
    return json.dumps(issues, ensure_ascii=False, indent=2) + "\n"
