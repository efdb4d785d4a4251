"""Run the rules: per document where the file was read, then across the workspace."""

from __future__ import annotations

import os
import pickle
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from fnmatch import fnmatch
from typing import TYPE_CHECKING, Any

from yaml.nodes import Node

from trygg_cli.findings import Finding, Severity
from trygg_cli.i18n import _
from trygg_cli.lint.base import Collected, DocContext, LintSettings, WorkspaceContext
from trygg_cli.lint.rules import RULES
from trygg_cli.lint.suppress import Suppression
from trygg_cli.model import Document

if TYPE_CHECKING:
    from trygg_cli.workspace import Workspace

UNSUPPRESSED_RULE = "TRY001"
UNUSED_SUPPRESSION_RULE = "TRY002"


@dataclass
class DocumentLint:
    """What linting one document in a worker sends back: findings and collected facts.

    Each workspace rule's facts are kept pickled until that rule runs: a national
    register's facts take a few hundred megabytes as objects, a tenth of that as bytes,
    and only one rule's are needed at a time."""

    doc_id: str
    kind: str
    findings: list[Finding] = field(default_factory=list)
    collected: dict[str, bytes] = field(default_factory=dict)

    def facts(self, rule_id: str) -> Any:
        return pickle.loads(self.collected[rule_id])


def lint_document(
    path: str,
    kind: str,
    document: Document,
    data: Any,
    root: Node,
    text: str,
    settings: LintSettings,
) -> DocumentLint:
    """Run every selected document rule and collect every selected workspace rule's facts."""
    ctx = DocContext(path, kind, document, data, root, text, settings)
    result = DocumentLint(document.id, kind)
    for rule_id in settings.selected:
        rule = RULES.get(rule_id)
        if rule is None:
            continue
        ctx.rule = rule
        if rule.check is not None:
            result.findings.extend(rule.check(ctx))
        if rule.collect is not None:
            facts = rule.collect(ctx)
            if facts is not None:  # nothing to say about this document: nothing to send
                result.collected[rule_id] = pickle.dumps(facts, pickle.HIGHEST_PROTOCOL)
    return result


@dataclass(frozen=True)
class PathIgnore:
    """Rules (ids or their start) not to report for files matching ``pattern``, a glob
    relative to ``root`` (the folder of the .trygg.yaml that says so)."""

    pattern: str
    rules: tuple[str, ...]
    root: str | None = None


def finish(
    validation: Iterable[Finding],
    documents: Mapping[str, DocumentLint],
    suppressions: Mapping[str, list[Suppression]],
    settings: LintSettings,
    path_ignores: Sequence[PathIgnore] = (),
    read: Callable[[str], bytes | None] | None = None,
) -> list[Finding]:
    """Workspace rules, per-path ignores and suppressions: the final, sorted findings.

    ``documents`` maps each linted file's path to its :class:`DocumentLint`;
    ``suppressions`` maps every checked file's path to its ignore comments.
    """
    found: list[Finding] = [f for lint in documents.values() for f in lint.findings]
    context = WorkspaceContext(settings, read)
    for rule_id in sorted(settings.selected):
        rule = RULES.get(rule_id)
        if rule is None or rule.check_workspace is None:
            continue
        collected = [
            Collected(path, lint.kind, lint.doc_id, lint.facts(rule_id))
            for path, lint in sorted(documents.items())
            if rule_id in lint.collected
        ]
        context.rule = rule
        found.extend(rule.check_workspace(collected, context))
    found = [f for f in found if not _ignored_by_path(f, path_ignores)]
    found = _apply_suppressions(found, documents, suppressions, settings, path_ignores)
    return sorted([*validation, *found])


def _ignored_by_path(finding: Finding, path_ignores: Sequence[PathIgnore]) -> bool:
    return any(
        _matches(finding.path, rule.pattern, rule.root)
        and any(finding.rule.startswith(prefix) for prefix in rule.rules)
        for rule in path_ignores
    )


def _matches(path: str, pattern: str, root: str | None) -> bool:
    path = relative_to(path, root)
    return fnmatch(path, pattern) or fnmatch(path, pattern.rstrip("/") + "/*")


def relative_to(path: str, root: str | None) -> str:
    """``path`` relative to ``root`` (default: the current folder), with forward slashes.

    Per-path ignores and the baseline name files this way, so that they hold whatever
    folder trygg runs from and however the paths were typed."""
    root = os.path.abspath(root) if root else os.getcwd()
    absolute = os.path.abspath(path)
    try:
        relative = os.path.relpath(absolute, root)
    except ValueError:  # another drive on Windows
        relative = absolute
    if relative.startswith(".."):
        relative = absolute
    return relative.replace("\\", "/")


def _apply_suppressions(
    findings: list[Finding],
    documents: Mapping[str, DocumentLint],
    suppressions: Mapping[str, list[Suppression]],
    settings: LintSettings,
    path_ignores: Sequence[PathIgnore],
) -> list[Finding]:
    used: set[tuple[str, int]] = set()
    kept: list[Finding] = []
    for finding in findings:
        hit = next(
            (s for s in suppressions.get(finding.path, ()) if s.covers(finding.rule, finding.line)),
            None,
        )
        if hit is None:
            kept.append(finding)
        else:
            used.add((finding.path, hit.line))
    meta: list[Finding] = []
    for path, items in suppressions.items():
        for item in items:
            # A comment for a rule that did not run here (not selected, or ignored for
            # this path) cannot be judged unused: it will matter when the rule runs.
            ran = all(
                rule in settings.selected
                and not _ignored_by_path(Finding(path, 1, 1, rule, ""), path_ignores)
                for rule in item.rules
                if rule in RULES
            )
            used_or_idle = (path, item.line) in used or not ran
            meta.extend(_judge(path, item, used_or_idle, path in documents))
    meta = [
        f for f in meta if f.rule in settings.selected and not _ignored_by_path(f, path_ignores)
    ]
    return kept + meta


def _judge(path: str, item: Suppression, used: bool, linted: bool) -> Iterable[Finding]:
    def finding(rule: str, message: str) -> Finding:
        severity = RULES[rule].severity if rule in RULES else Severity.WARNING
        return Finding(path, item.line, item.column, rule, message, severity)

    if not item.reason:
        yield finding(
            UNSUPPRESSED_RULE,
            _(
                "this ignore comment gives no reason; write why after the bracket, e.g. "
                "'# trygg: ignore[{rules}] the numbers are the police's switchboard'"
            ).format(rules=",".join(item.rules) or "TRY401"),
        )
    unknown = [rule for rule in item.rules if rule not in RULES]
    if unknown:
        yield finding(
            UNUSED_SUPPRESSION_RULE,
            _(
                "this ignore comment names {rules}, which is not a trygg rule; see 'trygg rules'"
            ).format(rules=", ".join(unknown)),
        )
    elif linted and not used:
        yield finding(
            UNUSED_SUPPRESSION_RULE,
            _(
                "this ignore comment suppresses nothing: no {rules} finding on the lines it "
                "covers ({first}–{last}); remove it"
            ).format(rules=", ".join(item.rules), first=item.first, last=item.last),
        )


def lint_workspace(
    workspace: Workspace, settings: LintSettings, path_ignores: Sequence[PathIgnore] = ()
) -> list[Finding]:
    """All findings of a workspace loaded with lint's pass: validation and lint."""
    documents: dict[str, DocumentLint] = {}
    suppressions: dict[str, list[Suppression]] = {}
    for result in workspace.results:
        kept = result.outputs.get("lint")
        if kept is None:
            continue
        if kept.document is not None:
            documents[result.path] = kept.document
        if kept.suppressions:
            suppressions[result.path] = kept.suppressions
    return finish(
        workspace.findings, documents, suppressions, settings, path_ignores, workspace.read
    )
