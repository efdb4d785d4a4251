"""Render's pass: personal identity numbers in a file's text, found where it is read."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from trygg_cli.check.passes import ParsedFile
from trygg_cli.check.personal import in_document
from trygg_cli.findings import Finding, Severity
from trygg_cli.yamlload.positions import Located

# Reported under lint's id for the same finding, so that a coordinator recognises it.
PERSONAL_RULE = "TRY401"


@dataclass(frozen=True)
class PersonalNumbers:
    """Every personnummer or samordningsnummer in a valid document's text values."""

    name: ClassVar[str] = "personal-numbers"
    findings_only: ClassVar[bool] = False

    def fingerprint(self) -> str:
        return self.name

    def run(self, parsed: ParsedFile) -> list[Finding] | None:
        if parsed.document is None or parsed.root is None:
            return None
        located = Located(parsed.data, parsed.root, parsed.text)
        found = [
            Finding(parsed.path, line, column, PERSONAL_RULE, message, Severity.ERROR, loc)
            for loc, line, column, message in in_document(located)
        ]
        return found or None


PERSONAL_NUMBERS = PersonalNumbers()
