"""Schema errors: one pydantic error → one finding a coordinator can act on."""

from __future__ import annotations

import dataclasses
import difflib
import re
import types
import typing
from collections.abc import Sequence
from typing import Any, Protocol

from pydantic import BaseModel

from trygg_cli.findings import Finding, Fix
from trygg_cli.i18n import N_, _
from trygg_cli.model.common import MESSAGES
from trygg_cli.text import did_you_mean, show


class At(Protocol):
    """Makes a finding located at a pydantic-style location in the current file."""

    def __call__(
        self, loc: Sequence[str | int], rule: str, message: str, *, at_key: bool = False
    ) -> Finding: ...


_TYPE_WORDS = {
    "string_type": N_("text"),
    "int_type": N_("a whole number"),
    "int_from_float": N_("a whole number"),
    "bool_type": N_("true or false"),
    "list_type": N_("a list (lines starting with '- ')"),
    "model_type": N_("a mapping of keys and values"),
    "model_attributes_type": N_("a mapping of keys and values"),
    "dict_type": N_("a mapping of keys and values"),
    "date_type": N_("a date (YYYY-MM-DD)"),
}


def _describe(value: Any) -> str:
    if isinstance(value, bool):
        return _("true/false")
    if isinstance(value, int | float):
        return _("a number")
    if isinstance(value, str):
        return _("text")
    if isinstance(value, list):
        return _("a list")
    if isinstance(value, dict):
        return _("a mapping")
    if value is None:
        return _("empty")
    return type(value).__name__


def schema_error_finding(error: Any, model: type[BaseModel], at: At) -> Finding:
    """Turn one pydantic error (from ``ValidationError.errors()``) into a finding."""
    loc: tuple[str | int, ...] = tuple(error["loc"])
    kind: str = error["type"]
    ctx = error.get("ctx") or {}
    name = next((show(p) for p in reversed(loc) if isinstance(p, str)), "")
    if kind == "missing":
        return at(
            loc[:-1],
            "missing-field",
            _("'{field}' is required here but missing; add it").format(field=show(loc[-1])),
        )
    if kind == "extra_forbidden":
        return _unknown_key(loc, model, at)
    if kind in MESSAGES:
        message = _(MESSAGES[kind]).format(**{k: show(v) for k, v in ctx.items()})
        return at(loc, "bad-date" if kind.startswith("trygg_date") else "bad-value", message)
    if kind == "literal_error":
        return _not_a_choice(loc, name, error.get("input"), ctx, at)
    if kind in _TYPE_WORDS:
        return _wrong_type(loc, name, kind, error.get("input"), at)
    return _bad_value(loc, name, kind, ctx, at) or at(loc, "bad-value", str(error["msg"]))


# Swedish words for the keys of the schedule's 'unit' and 'qualifier', where the word
# means one key only. A word becomes its key only where that key is allowed.
SWEDISH_KEYS = {
    "år": "year",
    "termin": "term",
    "kvartal": "quarter",
    "månad": "month",
    "vecka": "week",
    "tertial": "tertial",
    "mandatperiod": "mandate_period",
    "exakt": "exact",
    "ungefär": "about",
    "minst": "at_least",
    "vid behov": "as_needed",
    "vid_behov": "as_needed",
}


def certain_choice(word: str, choices: Sequence[str], *, swedish: bool = True) -> str | None:
    """The one choice ``word`` must mean, or None when it could mean none or several: its
    Swedish key (for values), the one choice it equals but for case, or the only choice
    that is close (similarity 0.8 or more: ``untill`` → ``until``, not ``until_replaced``)."""
    if swedish and (key := SWEDISH_KEYS.get(word.strip().lower())) in choices:
        return key
    same = [c for c in choices if c.lower() == word.lower()]
    if len(same) == 1:
        return same[0]
    close = difflib.get_close_matches(word, choices, n=2, cutoff=0.8)
    return close[0] if len(close) == 1 else None


def _with_fix(finding: Finding, kind: str, old: str, new: str | None) -> Finding:
    if new is None or new == old:
        return finding
    fix = Fix(finding.yaml_path, "key" if kind == "key" else "value", old, new)
    return dataclasses.replace(finding, fix=fix)


def _unknown_key(loc: tuple[str | int, ...], model: type[BaseModel], at: At) -> Finding:
    allowed = _allowed_keys(model, loc[:-1])
    key = show(loc[-1])
    hint = did_you_mean(key, allowed)
    if not hint and allowed:
        hint = _("; allowed here: {keys}").format(keys=", ".join(allowed))
    finding = at(
        loc, "unknown-key", _("unknown key '{key}'{hint}").format(key=key, hint=hint), at_key=True
    )
    if not isinstance(loc[-1], str):
        return finding
    return _with_fix(finding, "key", loc[-1], certain_choice(loc[-1], allowed, swedish=False))


def _not_a_choice(
    loc: tuple[str | int, ...], name: str, value: Any, ctx: dict[str, Any], at: At
) -> Finding:
    choices = re.findall(r"'([^']*)'", str(ctx.get("expected", "")))
    if not choices:
        choices = [str(c) for c in re.findall(r"(\d+)", str(ctx.get("expected", "")))]
    if isinstance(value, list | dict) or value is None:
        return at(
            loc,
            "wrong-type",
            _("'{field}' should be one of: {choices}, not {actual}").format(
                field=name, choices=", ".join(choices), actual=_describe(value)
            ),
        )
    certain = certain_choice(value, choices) if isinstance(value, str) else None
    hint = ""
    if certain is not None:
        hint = _("; did you mean '{choice}'?").format(choice=certain)
    elif isinstance(value, str):
        hint = did_you_mean(value, choices)
    finding = at(
        loc,
        "bad-value",
        _("'{value}' is not allowed for '{field}'; use one of: {choices}{hint}").format(
            value=show(value), field=name, choices=", ".join(choices), hint=hint
        ),
    )
    return _with_fix(finding, "value", value, certain) if isinstance(value, str) else finding


def _wrong_type(loc: tuple[str | int, ...], name: str, kind: str, value: Any, at: At) -> Finding:
    quote = (
        _("; put it in quotes to keep it as text")
        if kind == "string_type" and isinstance(value, int | float | bool)
        else ""
    )
    return at(
        loc,
        "wrong-type",
        _("'{field}' should be {expected}, not {actual}{quote}").format(
            field=name, expected=_(_TYPE_WORDS[kind]), actual=_describe(value), quote=quote
        ),
    )


def _bad_value(
    loc: tuple[str | int, ...], name: str, kind: str, ctx: dict[str, Any], at: At
) -> Finding | None:
    if kind == "string_too_short":
        return at(
            loc,
            "bad-value",
            _("'{field}' is empty; write something or remove the line").format(field=name),
        )
    if kind == "too_short":
        return at(
            loc,
            "missing-field",
            _("'{field}' needs at least {n} entry").format(field=name, n=ctx.get("min_length", 1)),
        )
    if kind in ("greater_than_equal", "greater_than"):
        limit = ctx.get("ge", ctx.get("gt"))
        return at(
            loc,
            "bad-value",
            _("'{field}' should be at least {limit}").format(field=name, limit=limit),
        )
    return None


def _unwrap(annotation: Any) -> list[Any]:
    """The concrete classes inside Optional[...], Union[...], Annotated[...] and list[...]."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        out: list[Any] = []
        for arg in typing.get_args(annotation):
            out.extend(_unwrap(arg))
        return out
    return [annotation]


def _allowed_keys(model: type[BaseModel], loc: Sequence[str | int]) -> list[str]:
    """The keys allowed in the mapping at ``loc`` of a document of type ``model``."""
    current: Any = model
    for part in loc:
        step: Any = None
        for candidate in _unwrap(current):
            if isinstance(part, int) and typing.get_origin(candidate) is list:
                step = typing.get_args(candidate)[0]
            elif isinstance(candidate, type) and issubclass(candidate, BaseModel):
                for fname, finfo in candidate.model_fields.items():
                    if (finfo.alias or fname) == part:
                        step = finfo.annotation
            if step is not None:
                break
        if step is None:
            return []
        current = step
    for candidate in _unwrap(current):
        if isinstance(candidate, type) and issubclass(candidate, BaseModel):
            return [finfo.alias or fname for fname, finfo in candidate.model_fields.items()]
    return []
