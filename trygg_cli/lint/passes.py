"""Lint's pass: what linting needs of each file, taken where the file is read."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import ClassVar

from trygg_cli.check.passes import REFERENCES, ParsedFile, Pass
from trygg_cli.lint.base import LintSettings
from trygg_cli.lint.engine import DocumentLint, lint_document
from trygg_cli.lint.suppress import Suppression, outside_text, parse


@dataclass
class FileLint:
    """One file's ignore comments and, for a valid document, its rules' findings and facts."""

    suppressions: list[Suppression]
    document: DocumentLint | None = None


@dataclass(frozen=True)
class LintPass:
    """Reads every checked file's ignore comments and lints every valid document."""

    settings: LintSettings
    name: ClassVar[str] = "lint"
    findings_only: ClassVar[bool] = False

    def fingerprint(self) -> str:
        # No hash-ordered sets: those iterate differently from run to run.
        settings = self.settings
        return json.dumps(
            {
                "today": settings.today.isoformat(),
                "selected": sorted(settings.selected),
                "severities": sorted((k, str(v)) for k, v in settings.severities.items()),
                "options": repr(sorted((k, repr(v)) for k, v in settings.options.items())),
            },
            sort_keys=True,
        )

    def run(self, parsed: ParsedFile) -> FileLint | None:
        suppressions = parse(parsed.text)
        if suppressions and parsed.root is not None:
            suppressions = outside_text(suppressions, parsed.root)
        document = None
        if parsed.document is not None and parsed.root is not None and parsed.kind is not None:
            document = lint_document(
                parsed.path,
                parsed.kind,
                parsed.document,
                parsed.data,
                parsed.root,
                parsed.text,
                self.settings,
            )
        if document is None and not suppressions:
            return None
        return FileLint(suppressions, document)


def lint_passes(settings: LintSettings) -> tuple[Pass, ...]:
    """What ``trygg lint`` loads with: validate's checks and references, and lint's pass."""
    return (REFERENCES, LintPass(settings))
