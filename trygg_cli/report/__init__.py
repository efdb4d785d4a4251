"""Reports of findings, for ``trygg validate`` and ``trygg lint`` alike: a dict of small
functions from findings to text. No printing here.

Every reporter takes the findings, a :class:`Summary` of the run and a
:class:`ReportContext` (rules, source lines, colour). ``grouped`` ("text") is lint's
report for people; validate's text is :func:`lines`, one line per finding, with the
summary sentence written by the command.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from trygg_cli.findings import Finding
from trygg_cli.report.base import (
    VALIDATION_RULES,
    ReportContext,
    RuleInfo,
    Summary,
    all_rules,
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
from trygg_cli.report.text import excerpt, grouped, lines, text_body

Reporter = Callable[[Sequence[Finding], Summary, ReportContext], str]

REPORTERS: dict[str, Reporter] = {
    "text": grouped,
    "json": json_report,
    "github": github,
    "sarif": sarif,
    "gitlab": gitlab,
    "junit": junit,
}

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
    "problems",
    "rule_info",
    "statistics",
    "summary_line",
    "text_body",
]
