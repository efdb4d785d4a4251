"""GitHub Actions workflow commands: an annotation per finding."""

from __future__ import annotations

from collections.abc import Sequence

from trygg_cli.findings import Finding, Severity
from trygg_cli.report.base import ReportContext, Summary, posix

_GITHUB_COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _github_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _github_property(value: str) -> str:
    return _github_data(value).replace(":", "%3A").replace(",", "%2C")


def github(findings: Sequence[Finding], summary: Summary, ctx: ReportContext) -> str:
    """GitHub Actions annotations: ``::error file=…,line=…,col=…,title=RULE::message``.

    Escaped as @actions/core does: % CR LF in the message; also : and , in properties.
    """
    out = []
    for f in findings:
        properties = ",".join(
            f"{key}={_github_property(value)}"
            for key, value in (
                ("file", posix(f.path)),
                ("line", str(f.line)),
                ("col", str(f.column)),
                ("title", f.rule),
            )
        )
        out.append(f"::{_GITHUB_COMMAND[f.severity]} {properties}::{_github_data(f.message)}\n")
    return "".join(out)
