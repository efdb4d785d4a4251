"""The rule catalogue: an explicit registry, one module per rule.

Ids are stable and grouped by theme: TRY0xx trygg's own suppression comments, TRY1xx
structure and content, TRY2xx references and consistency, TRY3xx periods and schedules,
TRY4xx personal data, TRY5xx text. Each theme lists its modules in its own ``_theme``
file; a rule is added by writing its module and naming it there.
"""

from __future__ import annotations

import importlib

from trygg_cli.lint.base import Rule
from trygg_cli.lint.rules import _content, _meta, _periods, _personal, _references, _text


def _load() -> dict[str, Rule]:
    rules: dict[str, Rule] = {}
    for theme in (_meta, _content, _references, _periods, _personal, _text):
        for name in theme.MODULES:
            rule = Rule.from_module(importlib.import_module(f"{__name__}.{name}"))
            if rule.id in rules:  # pragma: no cover - caught by the catalogue test
                raise RuntimeError(f"rule id {rule.id} is used twice")
            rules[rule.id] = rule
    return dict(sorted(rules.items()))


RULES: dict[str, Rule] = _load()
