"""SARIF 2.1.0, for GitHub code scanning and other SARIF viewers."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from pathlib import PureWindowsPath
from typing import Any
from urllib.parse import quote

from trygg_cli.findings import Finding, Severity
from trygg_cli.i18n import _
from trygg_cli.report.base import ReportContext, RuleInfo, Summary, posix, rule_for
from trygg_cli.report.fingerprint import fingerprints

SARIF_SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
_SARIF_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
_SRCROOT = "%SRCROOT%"
_WINDOWS_DRIVE = re.compile(r"^[A-Za-z]:/")


def _artifact_location(path: str) -> dict[str, str]:
    """A relative path under %SRCROOT%, or a ``file:`` URI for an absolute one."""
    shown = posix(path)
    if _WINDOWS_DRIVE.match(shown) or PureWindowsPath(path).drive:
        return {"uri": "file:///" + quote(shown, safe="/:")}
    if shown.startswith("/"):
        return {"uri": "file://" + quote(shown, safe="/")}
    return {"uri": quote(shown, safe="/"), "uriBaseId": _SRCROOT}


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


def _driver(findings: Sequence[Finding], ctx: ReportContext) -> dict[str, Any]:
    rule_ids = sorted({f.rule for f in findings})
    infos = {f.rule: rule_for(ctx, f) for f in findings}
    driver: dict[str, Any] = {"name": "trygg"}
    if ctx.version:
        driver["version"] = ctx.version
    if ctx.homepage:
        driver["informationUri"] = ctx.homepage
    driver["rules"] = [_sarif_rule(infos[rule_id]) for rule_id in rule_ids]
    return driver


def sarif(findings: Sequence[Finding], summary: Summary, ctx: ReportContext) -> str:
    """SARIF 2.1.0 with one run; rules are listed in id order, results in findings order."""
    index = {rule_id: i for i, rule_id in enumerate(sorted({f.rule for f in findings}))}
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
                "tool": {"driver": _driver(findings, ctx)},
                "originalUriBaseIds": {_SRCROOT: root},
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"
