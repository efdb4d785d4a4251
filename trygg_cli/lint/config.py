"""The lint configuration: ``.trygg.yaml`` at the repository root.

Coordinators already write YAML, so the configuration is YAML too::

    lint:
      select: [TRY1, TRY2, TRY3, TRY4, TRY5]   # ids or id prefixes; default: every rule
      ignore: [TRY109]
      severity:
        TRY305: error
      per_path_ignores:
        "arkiv/**": [TRY3]
      options:
        email_domains: [molndal.se]
      fail_on: warning

A mistake in the file — an unknown key, an unknown rule id — stops the run with a located
one-line error (exit 2), with a suggestion where one is close.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from trygg_cli.errors import TryggError
from trygg_cli.findings import Finding, Severity
from trygg_cli.i18n import _
from trygg_cli.lint.base import LintSettings
from trygg_cli.lint.engine import PathIgnore
from trygg_cli.lint.rules import RULES
from trygg_cli.text import did_you_mean_aside
from trygg_cli.yamlload import YamlError, decode, load, locate

SeverityName = Literal["error", "warning", "info"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)


class LintSection(_Strict):
    """The ``lint:`` section of ``.trygg.yaml``."""

    select: list[str] | None = Field(None, description="Regler att köra: id eller början av id.")
    ignore: list[str] = Field(default_factory=list, description="Regler att inte köra.")
    severity: dict[str, SeverityName] = Field(
        default_factory=dict, description="Ändrad allvarlighetsgrad per regel."
    )
    per_path_ignores: dict[str, list[str]] = Field(
        default_factory=dict, description="Regler att inte köra för vissa sökvägar (glob)."
    )
    options: dict[str, Any] = Field(default_factory=dict, description="Inställningar för regler.")
    fail_on: SeverityName | None = Field(
        None, description="Lägsta allvarlighetsgrad som ger felkod."
    )


class ConfigFile(_Strict):
    """The whole ``.trygg.yaml``."""

    language: Literal["sv", "en"] | None = Field(
        None, description="Språk för trygg:s meddelanden: sv (svenska) eller en (engelska)."
    )
    lint: LintSection = Field(default_factory=LintSection)
    due: Any = Field(None, description="Inställningar för trygg due; läses och kontrolleras där.")
    ci: Any = Field(None, description="Inställningar för trygg init (ci.install); läses där.")
    render: Any = Field(None, description="Inställningar för trygg render --site; läses där.")


@dataclass(frozen=True)
class LintConfig:
    """The configuration as the lint command uses it."""

    path: str | None = None
    select: tuple[str, ...] = ("TRY",)
    ignore: tuple[str, ...] = ()
    severities: dict[str, Severity] = field(default_factory=dict)
    path_ignores: tuple[PathIgnore, ...] = ()
    options: dict[str, Any] = field(default_factory=dict)
    fail_on: Severity | None = None

    def settings(
        self, today: date, select: Sequence[str] = (), ignore: Sequence[str] = ()
    ) -> LintSettings:
        """Settings for a run; ``select``/``ignore`` from the command line win over the file."""
        chosen = tuple(select) or self.select
        dropped = (*self.ignore, *ignore)
        selected = frozenset(
            rule_id
            for rule_id in RULES
            if _matches_any(rule_id, chosen) and not _matches_any(rule_id, dropped)
        )
        return LintSettings(today, selected, dict(self.severities), dict(self.options))


def _matches_any(rule_id: str, prefixes: Iterable[str]) -> bool:
    return any(rule_id.startswith(prefix) for prefix in prefixes)


def load_config(path: Path) -> LintConfig:
    """Read and check ``path``; a mistake is a :class:`TryggError` naming line and column."""
    shown = str(path)
    data, root = _read_yaml(path)
    section = _parse(shown, data, root)
    _check_rule_ids(shown, root, section)
    _check_options(shown, root, section)
    return LintConfig(
        path=shown,
        select=tuple(section.select) if section.select is not None else ("TRY",),
        ignore=tuple(section.ignore),
        # A prefix (TRY3: error) sets every rule it starts; an exact id wins over a prefix.
        severities={
            rule_id: Severity[name.upper()]
            for prefix, name in sorted(section.severity.items(), key=lambda kv: len(kv[0]))
            for rule_id in RULES
            if rule_id.startswith(prefix)
        },
        path_ignores=tuple(
            PathIgnore(pattern, tuple(ids), str(path.parent))
            for pattern, ids in section.per_path_ignores.items()
        ),
        options=dict(section.options),
        fail_on=Severity[section.fail_on.upper()] if section.fail_on else None,
    )


def _read_yaml(path: Path) -> tuple[Any, Any]:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise TryggError(
            _("cannot read the configuration {path}: {reason}").format(
                path=path, reason=exc.strerror or exc
            )
        ) from None
    try:
        loaded = load(decode(raw))
    except YamlError as exc:
        raise _located(str(path), exc.line + 1, exc.column + 1, exc.message) from None
    return (loaded.data if loaded.data is not None else {}), loaded.root


def _parse(shown: str, data: Any, root: Any) -> LintSection:
    def at(loc: Sequence[str | int], rule: str, message: str, *, at_key: bool = False) -> Finding:
        line, column = locate(root, loc, at_key=at_key)
        return Finding(shown, line + 1, column + 1, rule, message)

    try:
        return ConfigFile.model_validate(data).lint
    except ValidationError as exc:
        from trygg_cli.check.schema_errors import schema_error_finding

        finding = schema_error_finding(exc.errors(include_url=False)[0], ConfigFile, at)
        raise _located(shown, finding.line, finding.column, finding.message) from None


def _check_rule_ids(shown: str, root: Any, section: LintSection) -> None:
    def check_ids(ids: Iterable[str], loc: tuple[str | int, ...], *, keys: bool = False) -> None:
        for index, rule_id in enumerate(ids):
            if not any(known.startswith(rule_id) for known in RULES) or not rule_id:
                where = (*loc, rule_id) if keys else (*loc, index)
                line, column = locate(root, where, at_key=keys)
                raise _located(shown, line + 1, column + 1, unknown_rule_message(rule_id))

    check_ids(section.select or (), ("lint", "select"))
    check_ids(section.ignore, ("lint", "ignore"))
    check_ids(section.severity, ("lint", "severity"), keys=True)
    for pattern, ids in section.per_path_ignores.items():
        check_ids(ids, ("lint", "per_path_ignores", pattern))


def _check_options(shown: str, root: Any, section: LintSection) -> None:
    known_options = {name for rule in RULES.values() for name in rule.options}
    option_checks = {
        name: check for rule in RULES.values() for name, check in rule.option_checks.items()
    }
    for name, value in section.options.items():
        if name not in known_options:
            line, column = locate(root, ("lint", "options", name), at_key=True)
            hint = did_you_mean_aside(name, known_options)
            raise _located(
                shown,
                line + 1,
                column + 1,
                _("'{name}' is not an option of any trygg rule{hint}").format(name=name, hint=hint),
            )
        problem = option_checks[name](value) if name in option_checks else None
        if problem is not None:
            line, column = locate(root, ("lint", "options", name))
            raise _located(
                shown,
                line + 1,
                column + 1,
                _("the option '{name}' {problem}").format(name=name, problem=problem),
            )


def check_rule_ids(ids: Iterable[str]) -> None:
    """Refuse unknown rule ids or prefixes given on the command line."""
    for rule_id in ids:
        if not rule_id or not any(known.startswith(rule_id) for known in RULES):
            raise TryggError(unknown_rule_message(rule_id))


def unknown_rule_message(rule_id: str) -> str:
    return _(
        "'{id}' is not a trygg rule or the start of one{hint}; 'trygg rules' lists them"
    ).format(id=rule_id, hint=did_you_mean_aside(rule_id, RULES))


def _located(path: str, line: int, column: int, message: str) -> TryggError:
    return TryggError(f"{path}:{line}:{column}: {message}")
