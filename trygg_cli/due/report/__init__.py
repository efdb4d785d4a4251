"""Reporters for ``trygg due``: a dict of small functions from a plan to text. No printing.

Every reporter takes ``(plan, shown, today, context)``: ``shown`` is the occurrences to
print, already filtered by the command (``--within``, ``--overdue``, party, body …);
``plan`` gives the schedules that could not be placed and the completions that matched
nothing, which people must fix (:func:`~trygg_cli.due.report.words.problems` makes them
findings). Occurrences are grouped by bucket in the order of
:data:`~trygg_cli.due.occurrence.BUCKETS` (``done`` only when ``shown`` has done ones).

One module per format (``table``, ``json``, ``markdown``, ``ics``); ``words`` and
``grouping`` are what they share.
"""

from __future__ import annotations

from trygg_cli.due.report.context import DueReportContext, DueReporter, DueStream
from trygg_cli.due.report.grouping import Grouped, group, summary_line
from trygg_cli.due.report.ics import ics, ics_lines, summary
from trygg_cli.due.report.json import JSON_VERSION, json_lines, json_report, occurrence_dict
from trygg_cli.due.report.markdown import markdown, markdown_lines
from trygg_cli.due.report.table import table, table_lines
from trygg_cli.due.report.words import label, note, problems

DUE_REPORTERS: dict[str, DueReporter] = {
    "table": table,
    "json": json_report,
    "markdown": markdown,
    "ics": ics,
}
"""``trygg due --format NAME``: table for people, json, markdown for an issue body, ics."""

DUE_STREAMS: dict[str, DueStream] = {
    "table": table_lines,
    "json": json_lines,
    "markdown": markdown_lines,
    "ics": ics_lines,
}
"""The same reports as chunks of text, to write as they are made (what ``trygg due``
does): the same bytes as :data:`DUE_REPORTERS`."""

__all__ = [
    "DUE_REPORTERS",
    "DUE_STREAMS",
    "JSON_VERSION",
    "DueReportContext",
    "DueReporter",
    "DueStream",
    "Grouped",
    "group",
    "json_report",
    "label",
    "markdown",
    "note",
    "occurrence_dict",
    "problems",
    "summary",
    "summary_line",
    "table",
]
