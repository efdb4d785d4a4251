"""Reports of findings, for ``trygg validate`` and ``trygg lint`` alike: a dict of small
functions from findings to text. No printing here.

Every reporter takes the findings, a :class:`Summary` of the run and a
:class:`ReportContext` (rules, source lines, colour). ``grouped`` ("text") is lint's
report for people; validate's text is :func:`lines`, one line per finding, with the
summary sentence written by the command. Each one is wrapped by :func:`masking`: what it
is given has every personnummer masked (paths, messages, source lines), whatever the
format does with it.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence

from trygg_cli.findings import Finding
from trygg_cli.report.base import (
    VALIDATION_RULES,
    ReportContext,
    RuleInfo,
    Summary,
    all_rules,
    masked,
    rule_info,
)
from trygg_cli.report.fingerprint import fingerprints
from trygg_cli.report.github import github
from trygg_cli.report.gitlab import gitlab
from trygg_cli.report.jsonreport import JSON_VERSION, json_report
from trygg_cli.report.junit import junit
from trygg_cli.report.sarif import SARIF_SCHEMA, sarif
from trygg_cli.report.statistics import statistics
from trygg_cli.report.summary import exit_code, problems, summary_line
from trygg_cli.report.text import excerpt, grouped, text_body
from trygg_cli.report.text import lines as _lines

Reporter = Callable[[Sequence[Finding], Summary, ReportContext], str]


def masking(reporter: Reporter) -> Reporter:
    """``reporter`` given only masked findings, file lists and source lines (see
    :func:`~trygg_cli.report.base.masked`)."""

    @functools.wraps(reporter)
    def report(findings: Sequence[Finding], summary: Summary, ctx: ReportContext) -> str:
        return reporter(*masked(findings, summary, ctx))

    return report


REPORTERS: dict[str, Reporter] = {
    name: masking(reporter)
    for name, reporter in {
        "text": grouped,
        "json": json_report,
        "github": github,
        "sarif": sarif,
        "gitlab": gitlab,
        "junit": junit,
    }.items()
}
lines = masking(_lines)
"""validate's text: one line per finding (:func:`~trygg_cli.report.text.lines`), masked."""

__all__ = [
    "JSON_VERSION",
    "REPORTERS",
    "SARIF_SCHEMA",
    "VALIDATION_RULES",
    "ReportContext",
    "Reporter",
    "RuleInfo",
    "Summary",
    "all_rules",
    "excerpt",
    "exit_code",
    "fingerprints",
    "grouped",
    "json_report",
    "lines",
    "masked",
    "masking",
    "problems",
    "rule_info",
    "statistics",
    "summary_line",
    "text_body",
]
