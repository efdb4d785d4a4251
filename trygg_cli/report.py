"""Reporters: a dict of small functions from findings to text. No printing here.

``REPORTERS`` serves ``trygg validate`` (text and json, unchanged since version 1);
``LINT_REPORTERS`` serves ``trygg lint``, whose reports also show source lines and rule
documentation and so take a :class:`ReportContext` as well.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import PureWindowsPath
from typing import Any, Protocol
from urllib.parse import quote

from trygg_cli.findings import Finding, Severity
from trygg_cli.i18n import N_, _, plural

JSON_VERSION = 1


@dataclass(frozen=True)
class Summary:
    """Counts that every report ends with; ``paths`` lists the files checked, if known."""

    checked: int
    skipped: Sequence[str]
    paths: Sequence[str] = ()

    def counts(self, findings: Sequence[Finding]) -> dict[str, int]:
        return {
            "files_checked": self.checked,
            "files_skipped": len(self.skipped),
            "files_with_findings": len({f.path for f in findings}),
            "errors": sum(f.severity is Severity.ERROR for f in findings),
            "warnings": sum(f.severity is Severity.WARNING for f in findings),
            "infos": sum(f.severity is Severity.INFO for f in findings),
        }


def text(findings: Sequence[Finding], summary: Summary) -> str:
    """``path:line:col: severity [rule] message`` — one line each, never wrapped."""
    return "".join(f"{_one_line_finding(f)}\n" for f in findings)


def json_report(findings: Sequence[Finding], summary: Summary) -> str:
    """The versioned JSON shape documented in docs/json-output.md."""
    payload = {
        "version": JSON_VERSION,
        "tool": "trygg",
        "findings": [f.to_dict() for f in findings],
        "skipped": list(summary.skipped),
        "summary": summary.counts(findings),
    }
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def _one_line(message: str) -> str:
    return " ".join(message.split())


def _one_line_finding(f: Finding) -> str:
    return f"{f.path}:{f.line}:{f.column}: {f.severity.label} [{f.rule}] {_one_line(f.message)}"


REPORTERS: dict[str, Callable[[Sequence[Finding], Summary], str]] = {
    "text": text,
    "json": json_report,
}


# --- trygg lint ---------------------------------------------------------------------------


@dataclass(frozen=True)
class RuleInfo:
    """What a report needs to know about a rule (lint or validation)."""

    id: str
    name: str
    severity: Severity
    summary: str
    help: str  # the full documentation; may be ""


@dataclass(frozen=True)
class ReportContext:
    """What lint reports need besides the findings.

    ``source_line(path, line)`` returns that 1-based line's text without its newline, or
    None. ``root_uri`` (a ``file:`` URI ending in ``/``) and ``homepage`` are optional;
    SARIF includes them when given.
    """

    rules: Mapping[str, RuleInfo]
    source_line: Callable[[str, int], str | None]
    color: bool = False
    version: str = ""
    root_uri: str = ""
    homepage: str = ""


class _RuleLike(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def severity(self) -> Severity: ...
    @property
    def summary(self) -> str: ...
    @property
    def doc(self) -> str: ...


def rule_info(rule: _RuleLike) -> RuleInfo:
    """A lint :class:`~trygg_cli.lint.base.Rule` as reports see it."""
    return RuleInfo(rule.id, rule.name, rule.severity, rule.summary, rule.doc)


def all_rules(lint_rules: Mapping[str, _RuleLike]) -> dict[str, RuleInfo]:
    """Every rule a lint report can show: validation's and the lint catalogue's."""
    return {**VALIDATION_RULES, **{rule_id: rule_info(r) for rule_id, r in lint_rules.items()}}


def _validation_rule(rule_id: str, summary: str) -> RuleInfo:
    return RuleInfo(rule_id, rule_id, Severity.ERROR, summary, "")


# The table in docs/json-output.md; summaries are translated where they are shown.
VALIDATION_RULES: dict[str, RuleInfo] = {
    info.id: info
    for info in (
        _validation_rule(
            "yaml-syntax",
            N_("the file is not valid YAML (indentation, a stray `:`, an unclosed quote, a tab …)"),
        ),
        _validation_rule(
            "yaml-limits", N_("nesting deeper than 64 levels, or aliases that expand too far")
        ),
        _validation_rule("yaml-tags", N_("an explicit YAML tag such as `!!python/object`")),
        _validation_rule("encoding", N_("not UTF-8, UTF-16, or a byte-order mark")),
        _validation_rule("file-too-large", N_("over 8 MB")),
        _validation_rule("read-error", N_("the file could not be read")),
        _validation_rule("duplicate-key", N_("the same key twice in one mapping")),
        _validation_rule("unsupported-version", N_("`trygg:` is not a version this trygg reads")),
        _validation_rule(
            "unknown-kind", N_("`kind:` is not `agreement`, `action-plan` or `citizen-promise`")
        ),
        _validation_rule("unknown-key", N_("a key the model does not have (with a suggestion)")),
        _validation_rule(
            "missing-field", N_("a required key is missing (reported at its parent mapping)")
        ),
        _validation_rule(
            "wrong-type", N_("text where a list belongs, a number where text belongs …")
        ),
        _validation_rule("bad-date", N_("not a `YYYY-MM-DD` date, or a date that does not exist")),
        _validation_rule(
            "bad-value",
            N_("a value outside the allowed choices, an unusable id, an inconsistent schedule"),
        ),
        _validation_rule(
            "duplicate-id",
            N_("two documents, or two items in one list, with the same id"),
        ),
        _validation_rule(
            "dangling-reference",
            N_("an id that points at nothing: a party, body, priority or document"),
        ),
    )
}


def _rule(ctx: ReportContext, finding: Finding) -> RuleInfo:
    """The finding's rule, or a stand-in for an id the context does not know."""
    return ctx.rules.get(finding.rule) or RuleInfo(
        finding.rule, finding.rule, finding.severity, "", ""
    )


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
    """``3 problems (1 error, 2 warnings) in 2 files.`` or ``No problems in 5 files.``"""
    if not findings:
        return plural(
            summary.checked, N_("No problems in {n} file."), N_("No problems in {n} files.")
        )
    return _("{problems} in {files}.").format(
        problems=problems(findings),
        files=plural(len({f.path for f in findings}), N_("{n} file"), N_("{n} files")),
    )


# --- text: for people ---------------------------------------------------------------------

_TAB = 4
_EXCERPT_WIDTH = 160  # longer source lines are cut around the column, never wrapped
_RESET = "\x1b[0m"
_BOLD = "\x1b[1m"
_DIM = "\x1b[2m"
_SEVERITY_COLOR = {
    Severity.ERROR: "\x1b[31m",
    Severity.WARNING: "\x1b[33m",
    Severity.INFO: "\x1b[36m",
}


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
    if unicodedata.combining(ch):
        return ch, 0
    return ch, 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


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


def _printable(message: str) -> str:
    """A message on one line with no control characters that could drive the terminal."""
    return "".join(
        ch if ch.isprintable() else ch.encode("unicode_escape").decode("ascii")
        for ch in _one_line(message)
    )


def _paint(code: str, text_: str, color: bool) -> str:
    return f"{code}{text_}{_RESET}" if color and text_ else text_


def _by_path(findings: Iterable[Finding]) -> dict[str, list[Finding]]:
    groups: dict[str, list[Finding]] = {}
    for finding in findings:
        groups.setdefault(finding.path, []).append(finding)
    return groups


def text_body(findings: Sequence[Finding], ctx: ReportContext) -> str:
    """Findings grouped by file, each with its source line and a caret; no summary."""
    if not findings:
        return ""
    place_width = max(len(f"{f.line}:{f.column}") for f in findings)
    rule_width = max(len(f.rule) for f in findings)
    blocks: list[str] = []
    for path, group in _by_path(findings).items():
        lines = [_paint(_BOLD, _printable(path), ctx.color)]
        for finding in group:
            color = _SEVERITY_COLOR[finding.severity]
            place = f"{finding.line}:{finding.column}"
            lines.append(
                "  "
                + _paint(_DIM, place.ljust(place_width), ctx.color)
                + "  "
                + _paint(color, finding.severity.label.ljust(7), ctx.color)
                + "  "
                + _paint(_DIM, finding.rule.ljust(rule_width), ctx.color)
                + "  "
                + _printable(finding.message)
            )
            source = ctx.source_line(finding.path, finding.line)
            if source is not None and source.strip():
                shown, caret = excerpt(source, finding.column)
                lines.append("    " + shown.rstrip())
                lines.append("    " + _paint(color, caret, ctx.color))
        blocks.append("\n".join(lines) + "\n")
    return "\n".join(blocks)


def lint_text(findings: Sequence[Finding], summary: Summary, ctx: ReportContext) -> str:
    """For people: findings grouped by file with source excerpts, then the summary line."""
    body = text_body(findings, ctx)
    return body + ("\n" if body else "") + summary_line(findings, summary) + "\n"


def lint_json(findings: Sequence[Finding], summary: Summary, ctx: ReportContext) -> str:
    """The same versioned JSON as ``trygg validate --format json``."""
    return json_report(findings, summary)


# --- github: workflow commands ------------------------------------------------------------

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
                ("file", _posix(f.path)),
                ("line", str(f.line)),
                ("col", str(f.column)),
                ("title", f.rule),
            )
        )
        out.append(f"::{_GITHUB_COMMAND[f.severity]} {properties}::{_github_data(f.message)}\n")
    return "".join(out)


# --- fingerprints, shared by sarif and gitlab ---------------------------------------------


def _posix(path: str) -> str:
    path = path.replace("\\", "/")
    while path.startswith("./"):
        path = path[2:]
    return path


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
        anchor = " ".join(source.split()) if source is not None else _one_line(f.message)
        key = "\0".join((_posix(f.path), f.rule, anchor))
        occurrence = seen.get(key, 0)
        seen[key] = occurrence + 1
        out.append(
            hashlib.sha256(f"{key}\0{occurrence}".encode("utf-8", "surrogatepass")).hexdigest()
        )
    return out


# --- sarif --------------------------------------------------------------------------------

SARIF_SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
_SARIF_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
_SRCROOT = "%SRCROOT%"
_WINDOWS_DRIVE = re.compile(r"^[A-Za-z]:/")


def _artifact_location(path: str) -> dict[str, str]:
    """A relative path under %SRCROOT%, or a ``file:`` URI for an absolute one."""
    posix = _posix(path)
    if _WINDOWS_DRIVE.match(posix) or PureWindowsPath(path).drive:
        return {"uri": "file:///" + quote(posix, safe="/:")}
    if posix.startswith("/"):
        return {"uri": "file://" + quote(posix, safe="/")}
    return {"uri": quote(posix, safe="/"), "uriBaseId": _SRCROOT}


def _sarif_rule(info: RuleInfo) -> dict[str, Any]:
    summary = _(info.summary) if info.summary else info.id
    return {
        "id": info.id,
        "name": info.name,
        "shortDescription": {"text": summary},
        "fullDescription": {"text": summary},
        "help": {"text": info.help or summary},
        "defaultConfiguration": {"level": _SARIF_LEVEL[info.severity]},
    }


def sarif(findings: Sequence[Finding], summary: Summary, ctx: ReportContext) -> str:
    """SARIF 2.1.0 with one run, for GitHub code scanning and other SARIF viewers."""
    rule_ids = sorted({f.rule for f in findings})
    index = {rule_id: i for i, rule_id in enumerate(rule_ids)}
    infos = {f.rule: _rule(ctx, f) for f in findings}
    driver: dict[str, Any] = {"name": "trygg"}
    if ctx.version:
        driver["version"] = ctx.version
    if ctx.homepage:
        driver["informationUri"] = ctx.homepage
    driver["rules"] = [_sarif_rule(infos[rule_id]) for rule_id in rule_ids]
    root: dict[str, Any] = (
        {"uri": ctx.root_uri}
        if ctx.root_uri
        else {"description": {"text": _("The folder trygg was run in.")}}
    )
    results = [
        {
            "ruleId": f.rule,
            "ruleIndex": index[f.rule],
            "level": _SARIF_LEVEL[f.severity],
            "message": {"text": f.message},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": _artifact_location(f.path),
                        "region": {"startLine": f.line, "startColumn": f.column},
                    }
                }
            ],
            "partialFingerprints": {"trygg/v1": fingerprint},
        }
        for f, fingerprint in zip(findings, fingerprints(findings, ctx), strict=True)
    ]
    log = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": driver},
                "originalUriBaseIds": {_SRCROOT: root},
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"


# --- gitlab: Code Quality -----------------------------------------------------------------

_GITLAB_SEVERITY = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


def gitlab(findings: Sequence[Finding], summary: Summary, ctx: ReportContext) -> str:
    """A GitLab Code Quality report: a JSON array of Code Climate issues (GitLab's subset)."""
    issues = [
        {
            "description": _one_line(f.message),
            "check_name": f.rule,
            "fingerprint": fingerprint,
            "severity": _GITLAB_SEVERITY[f.severity],
            "location": {"path": _posix(f.path), "lines": {"begin": f.line}},
        }
        for f, fingerprint in zip(findings, fingerprints(findings, ctx), strict=True)
    ]
    return json.dumps(issues, ensure_ascii=False, indent=2) + "\n"


# --- junit --------------------------------------------------------------------------------

# Characters XML 1.0 cannot carry at all, not even as character references.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def _xml_text(value: str) -> str:
    return _NOT_XML.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), value)


def junit(findings: Sequence[Finding], summary: Summary, ctx: ReportContext) -> str:
    """JUnit XML: one test case per file checked, failed when the file has findings.

    All of a file's findings go into one ``<failure>``: GitLab keeps only the first test
    case of a given name and shows only the failure's text, and Jenkins reads only the
    first ``<failure>`` of a test case, so one failure listing every finding is what both
    display in full.
    """
    groups = _by_path(findings)
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
        details = []
        for f in group:
            details.append(_xml_text(_one_line_finding(f)))
            source = ctx.source_line(f.path, f.line)
            if source is not None and source.strip():
                shown, caret = excerpt(source, f.column)
                details.extend(("    " + _xml_text(shown.rstrip()), "    " + caret))
        failure = ET.SubElement(
            case,
            "failure",
            {
                "type": ",".join(dict.fromkeys(f.rule for f in group)),
                "message": problems(group),
            },
        )
        failure.text = "\n".join(details) + "\n"
    ET.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, "unicode") + "\n"


LINT_REPORTERS: dict[str, Callable[[Sequence[Finding], Summary, ReportContext], str]] = {
    "text": lint_text,
    "json": lint_json,
    "github": github,
    "sarif": sarif,
    "gitlab": gitlab,
    "junit": junit,
}
