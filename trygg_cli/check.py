"""Check one file: YAML, version marker, kind and schema; index its ids and references.

This is the per-file half of ``trygg validate``: it needs no other file, so it can run in
worker processes. References between items and documents are resolved afterwards, over the
whole workspace, by :mod:`trygg_cli.workspace`.
"""

from __future__ import annotations

import difflib
import re
import types
import typing
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any, Protocol

from pydantic import BaseModel, ValidationError

from trygg_cli.findings import Finding, Severity, YamlPath, show
from trygg_cli.i18n import N_, _
from trygg_cli.model import KINDS, VERSION, ActionPlan, Agreement, CitizenPromise, Document
from trygg_cli.model.common import MESSAGES
from trygg_cli.results import DocIndex, FileResult, Ref
from trygg_cli.yamlload import YamlError, decode, load, locate

if TYPE_CHECKING:
    from trygg_cli.lint.base import LintSettings

_MARKER = re.compile(rb"^trygg[ \t]*:", re.MULTILINE)

# Collections whose items carry ids that must be unique and can be referred to.
_ID_LISTS: dict[str, tuple[str, ...]] = {
    "agreement": ("parties", "bodies", "priorities", "sections", "occasions"),
    "action-plan": ("actions", "sections"),
    "citizen-promise": ("parties", "commitments"),
}


class _At(Protocol):
    """Makes a finding located at a pydantic-style location in the current file."""

    def __call__(
        self, loc: Sequence[str | int], rule: str, message: str, *, at_key: bool = False
    ) -> Finding: ...


def is_trygg_text(raw: bytes) -> bool:
    """Quick test for the ``trygg:`` marker at the start of a line, before parsing."""
    return _MARKER.search(raw) is not None


def check_source(
    path: str,
    raw: bytes,
    *,
    keep_document: bool = False,
    lint: LintSettings | None = None,
    schedules: bool = False,
    references: bool = True,
) -> FileResult:
    """Check one file's bytes; never raises for bad input, every problem is a finding.

    With ``lint`` settings, a valid document is also linted here (see :mod:`trygg_cli.lint`)
    and every checked file's ignore comments are read. With ``schedules``, what a valid
    document schedules is taken out of it for ``trygg due`` (see
    :mod:`trygg_cli.due.extract`). Without ``references`` the links to other documents
    are not collected (``trygg due`` does not judge them).
    """
    if not is_trygg_text(raw):
        return FileResult(path, checked=False)
    result = FileResult(path, checked=True)
    text = None
    try:
        text = decode(raw)
        if lint is not None:
            from trygg_cli.lint.suppress import parse

            result.suppressions = parse(text)
        loaded = load(text)
    except YamlError as exc:
        result.findings.append(Finding(path, exc.line + 1, exc.column + 1, exc.rule, exc.message))
        result.index = _salvaged_index(path, text) if text is not None else None
        return result
    data, root = loaded.data, loaded.root
    if result.suppressions and root is not None:
        from trygg_cli.lint.suppress import outside_text

        result.suppressions = outside_text(result.suppressions, root)
    if not isinstance(data, dict) or "trygg" not in data:
        return FileResult(path, checked=False)

    def at(loc: Sequence[str | int], rule: str, message: str, *, at_key: bool = False) -> Finding:
        line, column = locate(root, loc, at_key=at_key)
        return Finding(path, line + 1, column + 1, rule, message, Severity.ERROR, tuple(loc))

    version = data.get("trygg")
    if version != VERSION:
        result.findings.append(
            at(
                ("trygg",),
                "unsupported-version",
                _(
                    "this file says 'trygg: {version}', but this trygg reads version {supported}; "
                    "write 'trygg: {supported}' or update trygg"
                ).format(version=show(version), supported=VERSION),
            )
        )
        return result
    kind = data.get("kind")
    if kind is None:
        result.findings.append(
            at(
                (),
                "missing-field",
                _("'kind' is missing; add 'kind:' with one of: {kinds}").format(
                    kinds=", ".join(KINDS)
                ),
            )
        )
        return result
    model = KINDS.get(kind) if isinstance(kind, str) else None
    if model is None:
        result.findings.append(
            at(
                ("kind",),
                "unknown-kind",
                _("'{kind}' is not a kind of trygg document{hint}").format(
                    kind=show(kind), hint=_did_you_mean(str(kind), list(KINDS))
                ),
            )
        )
        return result

    result.index = _raw_index(path, data, kind, root)
    try:
        document = model.model_validate(data)
    except ValidationError as exc:
        for error in exc.errors(include_url=False):
            result.findings.append(_error_finding(error, model, at))
        if result.index is not None:
            result.index.complete = False
        return result
    result.findings.extend(_duplicate_ids(document, kind, at))
    if references:
        result.refs = list(_references(document, path, root))
    if keep_document:
        result.document = document
    if schedules:
        from trygg_cli.due.extract import extract

        def where(loc: YamlPath) -> tuple[str, int, int]:
            line, column = locate(root, loc, at_key=True)
            return path, line + 1, column + 1

        result.schedules = extract(document, where)
    if lint is not None and root is not None:
        from trygg_cli.lint.engine import lint_document

        result.lint = lint_document(path, kind, document, data, root, text, lint)
    return result


_TOP_ID = re.compile(r"^id:[ \t]*(['\"]?)([\w][\w.-]*)\1[ \t]*(?:#.*)?$", re.MULTILINE)
_TOP_KIND = re.compile(r"^kind:[ \t]*(['\"]?)([\w-]+)\1[ \t]*(?:#.*)?$", re.MULTILINE)


def _salvaged_index(path: str, text: str) -> DocIndex | None:
    """The id and kind of a file whose YAML cannot be read, from its top-level lines.

    Without this, one syntax error in a citizen promise would also be reported as a
    dangling reference in every document that links to it. The index is marked
    incomplete, so links to items inside the broken file are not judged either.
    """
    id_match, kind_match = _TOP_ID.search(text), _TOP_KIND.search(text)
    if id_match is None or kind_match is None or kind_match.group(2) not in KINDS:
        return None
    line = text.count("\n", 0, id_match.start())
    return DocIndex(id_match.group(2), kind_match.group(2), path, line + 1, 1, {}, complete=False)


def _raw_index(path: str, data: dict[str, Any], kind: str, root: Any) -> DocIndex | None:
    """Index ids from the raw data, so that a document with schema errors still has its id."""
    doc_id = data.get("id")
    if not isinstance(doc_id, str):
        return None
    collections: dict[str, set[str]] = {}
    for name in _ID_LISTS[kind]:
        items = data.get(name)
        ids = set()
        if isinstance(items, list):
            ids = {
                item["id"]
                for item in items
                if isinstance(item, dict) and isinstance(item.get("id"), str)
            }
        collections[name] = ids
    line, column = locate(root, ("id",))
    return DocIndex(doc_id, kind, path, line + 1, column + 1, collections, complete=True)


# --- schema errors -------------------------------------------------------------------------

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


def _error_finding(error: Any, model: type[BaseModel], at: _At) -> Finding:
    """Turn one pydantic error into a finding a coordinator can act on."""
    loc: tuple[str | int, ...] = tuple(error["loc"])
    kind: str = error["type"]
    value = error.get("input")
    ctx = error.get("ctx") or {}
    name = next((show(p) for p in reversed(loc) if isinstance(p, str)), "")
    if kind == "missing":
        return at(
            loc[:-1],
            "missing-field",
            _("'{field}' is required here but missing; add it").format(field=show(loc[-1])),
        )
    if kind == "extra_forbidden":
        allowed = _allowed_keys(model, loc[:-1])
        key = show(loc[-1])
        hint = _did_you_mean(key, allowed)
        if not hint and allowed:
            hint = _("; allowed here: {keys}").format(keys=", ".join(allowed))
        return at(
            loc,
            "unknown-key",
            _("unknown key '{key}'{hint}").format(key=key, hint=hint),
            at_key=True,
        )
    if kind in MESSAGES:
        message = _(MESSAGES[kind]).format(**{k: show(v) for k, v in ctx.items()})
        return at(loc, "bad-date" if kind.startswith("trygg_date") else "bad-value", message)
    if kind == "literal_error":
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
        hint = _did_you_mean(str(value), choices) if isinstance(value, str) else ""
        return at(
            loc,
            "bad-value",
            _("'{value}' is not allowed for '{field}'; use one of: {choices}{hint}").format(
                value=show(value), field=name, choices=", ".join(choices), hint=hint
            ),
        )
    if kind in _TYPE_WORDS:
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
    return at(loc, "bad-value", str(error["msg"]))


def _did_you_mean(word: str, choices: Sequence[str]) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    if not close:
        close = [c for c in choices if c.lower() == word.lower()]
    return _("; did you mean '{choice}'?").format(choice=close[0]) if close else ""


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
        candidates = _unwrap(current)
        step: Any = None
        for candidate in candidates:
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


# --- ids and references --------------------------------------------------------------------

_NOUNS = {
    "parties": N_("party"),
    "bodies": N_("body"),
    "priorities": N_("priority"),
    "sections": N_("section"),
    "occasions": N_("occasion"),
    "actions": N_("action"),
    "commitments": N_("commitment"),
    "goals": N_("goal"),
}


def _duplicate_ids(document: Document, kind: str, at: _At) -> Iterator[Finding]:
    lists: list[tuple[str, Sequence[Any], YamlPath]] = [
        (name, getattr(document, name), (name,)) for name in _ID_LISTS[kind]
    ]
    if isinstance(document, Agreement):
        goals: list[tuple[Any, YamlPath]] = [
            (goal, ("priorities", p, "goals", g))
            for p, priority in enumerate(document.priorities)
            for g, goal in enumerate(priority.goals)
        ]
        seen_goals: dict[str, YamlPath] = {}
        for goal, loc in goals:
            if goal.id in seen_goals:
                yield _duplicate(at, loc, "goals", goal.id, seen_goals[goal.id])
            else:
                seen_goals[goal.id] = loc
    for name, items, base in lists:
        seen: dict[str, YamlPath] = {}
        for i, item in enumerate(items):
            loc = (*base, i)
            if item.id in seen:
                yield _duplicate(at, loc, name, item.id, seen[item.id])
            else:
                seen[item.id] = loc


def _duplicate(at: _At, loc: YamlPath, collection: str, item_id: str, first: YamlPath) -> Finding:
    first_line = at((*first, "id"), "", "").line
    return at(
        (*loc, "id"),
        "duplicate-id",
        _(
            "the {noun} id '{id}' is already used on line {line}; give each {noun} its own id"
        ).format(noun=_(_NOUNS[collection]), id=item_id, line=first_line),
    )


def _references(document: Document, path: str, root: Any) -> Iterator[Ref]:
    """Every reference the document makes, with its position."""

    def ref(
        loc: YamlPath,
        target_doc: str,
        collection: str,
        target_id: str,
        expect_kind: str | None = None,
        via: str | None = None,
    ) -> Ref:
        line, column = locate(root, loc)
        return Ref(
            path, line + 1, column + 1, loc, target_doc, collection, target_id, expect_kind, via
        )

    own = document.id
    if isinstance(document, Agreement):
        for i, s in enumerate(document.signatories):
            yield ref(("signatories", i, "party"), own, "parties", s.party)
        for b, body in enumerate(document.bodies):
            for m, member in enumerate(body.members):
                yield ref(("bodies", b, "members", m, "party"), own, "parties", member.party)
            for role in ("chair", "convener"):
                person = getattr(body, role)
                if person is not None:
                    yield ref(("bodies", b, role, "party"), own, "parties", person.party)
            if body.reports_to is not None:
                yield ref(("bodies", b, "reports_to"), own, "bodies", body.reports_to)
        if document.central_agreement is not None:
            yield ref(
                ("central_agreement",),
                document.central_agreement,
                "document",
                document.central_agreement,
                "agreement",
            )
        for i, old in enumerate(document.supersedes):
            if old.agreement is not None:
                yield ref(
                    ("supersedes", i, "agreement"),
                    old.agreement,
                    "document",
                    old.agreement,
                    "agreement",
                )
        for field_name, kind in (
            ("action_plans", "action-plan"),
            ("citizen_promises", "citizen-promise"),
        ):
            for i, target in enumerate(getattr(document, field_name)):
                yield ref((field_name, i), target, "document", target, kind)
    elif isinstance(document, ActionPlan):
        agreement = document.agreement
        yield ref(("agreement",), agreement, "document", agreement, "agreement")
        if document.responsible_body is not None:
            yield ref(
                ("responsible_body",), agreement, "bodies", document.responsible_body, via=agreement
            )
        for a, action in enumerate(document.actions):
            if action.priority is not None:
                yield ref(
                    ("actions", a, "priority"),
                    agreement,
                    "priorities",
                    action.priority,
                    via=agreement,
                )
            for role in ("plans", "performs", "follows_up"):
                for r, who in enumerate(getattr(action, role)):
                    if who.party is not None:
                        yield ref(
                            ("actions", a, role, r, "party"),
                            agreement,
                            "parties",
                            who.party,
                            via=agreement,
                        )
                    if who.body is not None:
                        yield ref(
                            ("actions", a, role, r, "body"),
                            agreement,
                            "bodies",
                            who.body,
                            via=agreement,
                        )
    elif isinstance(document, CitizenPromise):
        if document.agreement is not None:
            yield ref(
                ("agreement",), document.agreement, "document", document.agreement, "agreement"
            )
        for c, commitment in enumerate(document.commitments):
            yield ref(("commitments", c, "party"), own, "parties", commitment.party)
        for i, s in enumerate(document.signatories):
            yield ref(("signatories", i, "party"), own, "parties", s.party)
