"""Reporters: a dict of small functions from findings to text. No printing here."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from trygg_cli.findings import Finding, Severity

JSON_VERSION = 1


@dataclass(frozen=True)
class Summary:
    """Counts that every report ends with."""

    checked: int
    skipped: Sequence[str]

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
    return "".join(
        f"{f.path}:{f.line}:{f.column}: {f.severity.label} [{f.rule}] {_one_line(f.message)}\n"
        for f in findings
    )


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


REPORTERS: dict[str, Callable[[Sequence[Finding], Summary], str]] = {
    "text": text,
    "json": json_report,
}
