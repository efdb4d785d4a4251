"""JUnit XML, for the test reports of GitLab, Jenkins and the like."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence

from trygg_cli.findings import Finding
from trygg_cli.report.base import ReportContext, Summary, by_path, one_line_finding
from trygg_cli.report.summary import problems
from trygg_cli.report.text import excerpt

# Characters XML 1.0 cannot carry at all, not even as character references.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def _xml_text(value: str) -> str:
    return _NOT_XML.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), value)


def _details(group: Sequence[Finding], ctx: ReportContext) -> str:
    """Each finding on a line, with its source line and a caret under the column."""
    details = []
    for f in group:
        details.append(_xml_text(one_line_finding(f)))
        source = ctx.source_line(f.path, f.line)
        if source is not None and source.strip():
            shown, caret = excerpt(source, f.column)
            details.extend(("    " + _xml_text(shown.rstrip()), "    " + caret))
    return "\n".join(details) + "\n"


def junit(findings: Sequence[Finding], summary: Summary, ctx: ReportContext) -> str:
    """JUnit XML: one test case per file checked, failed when the file has findings.

    All of a file's findings go into one ``<failure>``: GitLab keeps only the first test
    case of a given name and shows only the failure's text, and Jenkins reads only the
    first ``<failure>`` of a test case, so one failure listing every finding is what both
    display in full.
    """
    groups = by_path(findings)
    paths = sorted({*summary.paths, *groups})
    failed = sum(path in groups for path in paths)
    counts = {"tests": str(len(paths)), "failures": str(failed), "errors": "0"}
    suites = ET.Element("testsuites", {"name": "trygg", **counts})
    suite = ET.SubElement(suites, "testsuite", {"name": "trygg", **counts, "skipped": "0"})
    suite.set("time", "0")
    for path in paths:
        case = ET.SubElement(
            suite,
            "testcase",
            {"classname": "trygg", "name": _xml_text(path), "file": _xml_text(path), "time": "0"},
        )
        group = groups.get(path)
        if not group:
            continue
        failure = ET.SubElement(
            case,
            "failure",
            {
                "type": ",".join(dict.fromkeys(f.rule for f in group)),
                "message": problems(group),
            },
        )
        failure.text = _details(group, ctx)
    ET.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, "unicode") + "\n"
