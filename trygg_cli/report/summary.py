"""The sentence every findings report ends with, and the one exit-code rule."""

from __future__ import annotations

from collections.abc import Sequence

from trygg_cli.findings import Finding, Severity
from trygg_cli.i18n import N_, _, plural
from trygg_cli.report.base import Summary

_KINDS = (
    (Severity.ERROR, N_("{n} error"), N_("{n} errors")),
    (Severity.WARNING, N_("{n} warning"), N_("{n} warnings")),
    (Severity.INFO, N_("{n} info"), N_("{n} infos")),
)


def problems(findings: Sequence[Finding]) -> str:
    """``3 problems (1 error, 2 warnings)``"""
    kinds = ", ".join(
        plural(count, one, many)
        for severity, one, many in _KINDS
        if (count := sum(f.severity is severity for f in findings))
    )
    return _("{problems} ({kinds})").format(
        problems=plural(len(findings), N_("{n} problem"), N_("{n} problems")), kinds=kinds
    )


def summary_line(findings: Sequence[Finding], summary: Summary) -> str:
    """``3 problems (1 error, 2 warnings) in 2 files.`` or ``No problems in 5 files.``,
    and how many YAML files were skipped as not trygg documents, when any were."""
    if not findings:
        line = plural(
            summary.checked, N_("No problems in {n} file."), N_("No problems in {n} files.")
        )
    else:
        line = _("{problems} in {files}.").format(
            problems=problems(findings),
            files=plural(len({f.path for f in findings}), N_("{n} file"), N_("{n} files")),
        )
    if summary.skipped:
        line += " " + plural(
            len(summary.skipped),
            N_("{n} other YAML file was skipped: it is not a trygg document."),
            N_("{n} other YAML files were skipped: they are not trygg documents."),
        )
    return line


def exit_code(findings: Sequence[Finding], fail_on: Severity) -> int:
    """1 when a finding is at least as serious as ``fail_on``, else 0."""
    return 1 if any(f.severity >= fail_on for f in findings) else 0
