"""One lint run, from paths to final findings: the core behind ``trygg lint``."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from pathlib import Path

from trygg_cli.findings import Finding
from trygg_cli.lint import baseline as baselines
from trygg_cli.lint.config import LintConfig
from trygg_cli.lint.engine import lint_workspace
from trygg_cli.lint.passes import lint_passes
from trygg_cli.source_lines import SourceLines
from trygg_cli.workspace import Workspace, load_paths


@dataclass
class LintOutcome:
    """What a lint run found, and what the baseline already knew."""

    workspace: Workspace
    findings: list[Finding]
    source: SourceLines
    known: int = 0  # findings matched by the baseline and left out
    all_findings: list[Finding] = field(default_factory=list)  # before the baseline


def run_lint(
    paths: Sequence[str],
    config: LintConfig,
    *,
    today: date,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    jobs: int | None = None,
    cache: bool = False,
    progress: Callable[[int, int], None] | None = None,
    baseline: Path | None = None,
    root: str | None = None,
) -> LintOutcome:
    """Validate and lint every trygg file under ``paths``; apply ``baseline`` if given
    (its paths are relative to ``root``, by default the current folder)."""
    settings = config.settings(today, select, ignore)
    known = baselines.load(baseline) if baseline is not None else None
    workspace = load_paths(
        paths,
        jobs=jobs,
        progress=progress,
        passes=lint_passes(settings),
        cache=cache,
        conclude=partial(lint_workspace, settings=settings, path_ignores=config.path_ignores),
        conclude_settings=repr(config.path_ignores),
    )
    findings = workspace.findings
    source = SourceLines()
    outcome = LintOutcome(workspace, findings, source, all_findings=findings)
    if known is not None:
        outcome.findings, outcome.known = baselines.new_findings(findings, known, source, root)
    return outcome
