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

from trygg_cli.configfile import find_config
from trygg_cli.i18n import _
from trygg_cli.text import did_you_mean_aside
from trygg_cli.yamlload.section import read_section

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
    found = read_section(path, "due")
    shown, section, fail = found.path, found.data, found.fail
    if section is None:
        return DueConfig(shown)
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
