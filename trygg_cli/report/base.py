"""What every findings report is built from: the run's counts, the rules a report can
name, and small text helpers the formats share."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Protocol

from trygg_cli.findings import Finding, Severity
from trygg_cli.i18n import N_
from trygg_cli.identity_numbers import mask_text
from trygg_cli.text import printable
from trygg_cli.textout import printable_line


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
    """What reports need besides the findings.

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
            "yaml-limits",
            N_(
                "nesting deeper than 64 levels, more than 50,000 values, aliases that expand "
                "too far, or an integer longer than 40 characters"
            ),
        ),
        _validation_rule("yaml-tags", N_("an explicit YAML tag such as `!!python/object`")),
        _validation_rule("encoding", N_("not UTF-8, UTF-16, or a byte-order mark")),
        _validation_rule("file-too-large", N_("over 8 MB")),
        _validation_rule("read-error", N_("the file could not be read")),
        _validation_rule(
            "not-a-mapping", N_("the top level is a list (`- trygg: 1`), not one document")
        ),
        _validation_rule("duplicate-key", N_("the same key twice in one mapping")),
        _validation_rule("unsupported-version", N_("`trygg:` is not a version this trygg reads")),
        _validation_rule(
            "unknown-kind",
            N_("`kind:` is not `agreement`, `action-plan`, `citizen-promise` or `follow-up`"),
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
            N_(
                "a value outside the allowed choices or bounds, an unusable id, an "
                "inconsistent schedule"
            ),
        ),
        _validation_rule(
            "duplicate-id",
            N_("two documents, or two items in one list, with the same id"),
        ),
        _validation_rule(
            "dangling-reference",
            N_("an id that points at nothing: a party, body, priority or document"),
        ),
        _validation_rule(
            "more-problems",
            N_("more than 200 schema errors in one file: the rest are counted, not listed"),
        ),
    )
}


def rule_for(ctx: ReportContext, finding: Finding) -> RuleInfo:
    """The finding's rule, or a stand-in for an id the context does not know."""
    return ctx.rules.get(finding.rule) or RuleInfo(
        finding.rule, finding.rule, finding.severity, "", ""
    )


def one_line_finding(f: Finding) -> str:
    """``path:line:col: severity [rule] message``, control characters in the path and the
    message escaped: a file name with a newline cannot start a line of its own."""
    place = f"{printable(f.path)}:{f.line}:{f.column}"
    return f"{place}: {f.severity.label} [{f.rule}] {printable_line(f.message)}"


def masked(
    findings: Sequence[Finding], summary: Summary, ctx: ReportContext
) -> tuple[list[Finding], Summary, ReportContext]:
    """What a report is made of, with every personnummer and samordningsnummer masked:
    each finding's path, message and YAML path, the files listed, and the source lines
    (looked up under the paths as they were). Every reporter gets this and nothing else
    (see ``REPORTERS``), so no format can print a number."""
    shown = [_masked(f) for f in findings]
    original = {m.path: f.path for m, f in zip(shown, findings, strict=True) if m is not f}
    source_line = ctx.source_line
    lines: dict[tuple[str, int], str | None] = {}  # reports ask for a line once per finding

    def line(path: str, number: int) -> str | None:
        key = (path, number)
        if key not in lines:
            text = source_line(original.get(path, path), number)
            lines[key] = mask_text(text) if text is not None else None
        return lines[key]

    listed = Summary(
        summary.checked,
        [mask_text(p) for p in summary.skipped],
        [mask_text(p) for p in summary.paths],
    )
    return shown, listed, replace(ctx, source_line=line)


def _masked(f: Finding) -> Finding:
    path, message = mask_text(f.path), mask_text(f.message)
    yaml_path = tuple(mask_text(p) if isinstance(p, str) else p for p in f.yaml_path)
    if path == f.path and message == f.message and yaml_path == f.yaml_path:
        return f
    return replace(f, path=path, message=message, yaml_path=yaml_path)


def by_path(findings: Iterable[Finding]) -> dict[str, list[Finding]]:
    """The findings of each file, files in the order they first come."""
    groups: dict[str, list[Finding]] = {}
    for finding in findings:
        groups.setdefault(finding.path, []).append(finding)
    return groups


def posix(path: str) -> str:
    """``path`` with forward slashes and without a leading ``./``."""
    path = path.replace("\\", "/")
    while path.startswith("./"):
        path = path[2:]
    return path
