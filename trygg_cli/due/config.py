"""The ``due:`` section of ``.trygg.yaml``: what ``trygg due`` reads of the configuration.

::

    due:
      strict_routine_from: 2026-01-01   # routine cadences are tracked per occasion from then

The file is found as lint finds it (the nearest ``.trygg.yaml`` or ``.trygg.yml`` in the
folder or a parent, not beyond the repository root). Lint accepts the ``due:`` key without
reading it; this module checks its own section. A mistake stops the run with a located
one-line error, like lint's.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from trygg_cli.configfile import find_config
from trygg_cli.errors import TryggError
from trygg_cli.i18n import _
from trygg_cli.text import did_you_mean_aside
from trygg_cli.yamlload import YamlError, decode, load, locate

KEYS = ("strict_routine_from",)


@dataclass(frozen=True)
class DueConfig:
    """``strict_routine_from``: from this day on, routine cadences (meetings, recurring
    actions, commitments and occasions) are tracked per occasion like obligations, even
    with no completion recorded (see :mod:`trygg_cli.due.life`)."""

    path: str | None = None
    strict_routine_from: date | None = None


def due_config(start: Path) -> DueConfig:
    """The configuration that applies in ``start`` (none found: the defaults)."""
    path = find_config(start)
    return load_due_config(path) if path is not None else DueConfig()


def load_due_config(path: Path) -> DueConfig:
    """Read the ``due:`` section of ``path``; a mistake is a :class:`TryggError` naming
    line and column."""
    shown = str(path)
    try:
        loaded = load(decode(path.read_bytes()))
    except OSError as exc:
        raise TryggError(
            _("cannot read the configuration {path}: {reason}").format(
                path=shown, reason=exc.strerror or exc
            )
        ) from None
    except YamlError as exc:
        raise TryggError(f"{shown}:{exc.line + 1}:{exc.column + 1}: {exc.message}") from None
    data: Any = loaded.data
    section = data.get("due") if isinstance(data, dict) else None
    if section is None:
        return DueConfig(shown)

    def fail(loc: tuple[str, ...], message: str, *, at_key: bool = False) -> TryggError:
        line, column = locate(loaded.root, loc, at_key=at_key)
        return TryggError(f"{shown}:{line + 1}:{column + 1}: {message}")

    if not isinstance(section, dict):
        raise fail(("due",), _("'due' must be a mapping of settings, e.g. strict_routine_from"))
    for key in section:
        if key not in KEYS:
            hint = did_you_mean_aside(str(key), KEYS)
            message = _("'{key}' is not a setting of 'due'{hint}; the settings are: {keys}")
            raise fail(
                ("due", key), message.format(key=key, hint=hint, keys=", ".join(KEYS)), at_key=True
            )
    strict = section.get("strict_routine_from")
    if strict is None:
        return DueConfig(shown)
    try:
        day = date.fromisoformat(strict) if isinstance(strict, str) else None
    except ValueError:
        day = None
    if day is None or len(str(strict)) != 10:
        raise fail(
            ("due", "strict_routine_from"),
            _("'strict_routine_from' must be a date written YYYY-MM-DD, not '{value}'").format(
                value=strict
            ),
        )
    return DueConfig(shown, day)
