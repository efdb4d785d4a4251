"""Ids and references inside one document: duplicates, the index other files need, and
every reference it makes (resolved across the workspace by :mod:`trygg_cli.workspace`)."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Any

from trygg_cli.check.results import DocIndex, Ref
from trygg_cli.check.schema_errors import At
from trygg_cli.findings import Finding, YamlPath
from trygg_cli.i18n import _
from trygg_cli.model import KINDS, ActionPlan, Agreement, CitizenPromise, Document
from trygg_cli.nouns import ITEM_NOUNS
from trygg_cli.yamlload import locate

# Collections whose items carry ids that must be unique and can be referred to.
ID_LISTS: dict[str, tuple[str, ...]] = {
    "agreement": ("parties", "bodies", "priorities", "sections", "occasions"),
    "action-plan": ("actions", "sections"),
    "citizen-promise": ("parties", "commitments"),
}

_TOP_ID = re.compile(r"^id:[ \t]*(['\"]?)([\w][\w.-]*)\1[ \t]*(?:#.*)?$", re.MULTILINE)
_TOP_KIND = re.compile(r"^kind:[ \t]*(['\"]?)([\w-]+)\1[ \t]*(?:#.*)?$", re.MULTILINE)


def salvaged_index(path: str, text: str) -> DocIndex | None:
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


def raw_index(path: str, data: dict[str, Any], kind: str, root: Any) -> DocIndex | None:
    """Index ids from the raw data, so that a document with schema errors still has its id."""
    doc_id = data.get("id")
    if not isinstance(doc_id, str):
        return None
    collections: dict[str, set[str]] = {}
    for name in ID_LISTS[kind]:
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


def duplicate_ids(document: Document, kind: str, at: At) -> Iterator[Finding]:
    """A finding for every id used twice in one of the document's lists."""
    lists: list[tuple[str, list[tuple[Any, YamlPath]]]] = [
        (name, [(item, (name, i)) for i, item in enumerate(getattr(document, name))])
        for name in ID_LISTS[kind]
    ]
    if isinstance(document, Agreement):
        goals: list[tuple[Any, YamlPath]] = [
            (goal, ("priorities", p, "goals", g))
            for p, priority in enumerate(document.priorities)
            for g, goal in enumerate(priority.goals)
        ]
        lists.insert(0, ("goals", goals))
    for name, items in lists:
        seen: dict[str, YamlPath] = {}
        for item, loc in items:
            if item.id in seen:
                yield _duplicate(at, loc, name, item.id, seen[item.id])
            else:
                seen[item.id] = loc


def _duplicate(at: At, loc: YamlPath, collection: str, item_id: str, first: YamlPath) -> Finding:
    first_line = at((*first, "id"), "", "").line
    return at(
        (*loc, "id"),
        "duplicate-id",
        _(
            "the {noun} id '{id}' is already used on line {line}; give each {noun} its own id"
        ).format(noun=_(ITEM_NOUNS[collection]), id=item_id, line=first_line),
    )


class _Refs:
    """Makes :class:`Ref` records located in one file."""

    def __init__(self, path: str, root: Any) -> None:
        self.path = path
        self.root = root

    def __call__(
        self,
        loc: YamlPath,
        target_doc: str,
        collection: str,
        target_id: str,
        expect_kind: str | None = None,
        via: str | None = None,
    ) -> Ref:
        line, column = locate(self.root, loc)
        return Ref(
            self.path,
            line + 1,
            column + 1,
            loc,
            target_doc,
            collection,
            target_id,
            expect_kind,
            via,
        )

    def document(self, loc: YamlPath, target: str, kind: str) -> Ref:
        """A link to another document, which must be of ``kind``."""
        return self(loc, target, "document", target, kind)


def references(document: Document, path: str, root: Any) -> Iterator[Ref]:
    """Every reference the document makes, with its position."""
    ref = _Refs(path, root)
    if isinstance(document, Agreement):
        yield from _agreement_refs(document, ref)
    elif isinstance(document, ActionPlan):
        yield from _action_plan_refs(document, ref)
    elif isinstance(document, CitizenPromise):
        if document.agreement is not None:
            yield ref.document(("agreement",), document.agreement, "agreement")
        for c, commitment in enumerate(document.commitments):
            yield ref(("commitments", c, "party"), document.id, "parties", commitment.party)
        for i, s in enumerate(document.signatories):
            yield ref(("signatories", i, "party"), document.id, "parties", s.party)


def _agreement_refs(document: Agreement, ref: _Refs) -> Iterator[Ref]:
    own = document.id
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
        yield ref.document(("central_agreement",), document.central_agreement, "agreement")
    for i, old in enumerate(document.supersedes):
        if old.agreement is not None:
            yield ref.document(("supersedes", i, "agreement"), old.agreement, "agreement")
    for field_name, kind in (
        ("action_plans", "action-plan"),
        ("citizen_promises", "citizen-promise"),
    ):
        for i, target in enumerate(getattr(document, field_name)):
            yield ref.document((field_name, i), target, kind)


def _action_plan_refs(document: ActionPlan, ref: _Refs) -> Iterator[Ref]:
    agreement = document.agreement
    yield ref.document(("agreement",), agreement, "agreement")
    if document.responsible_body is not None:
        yield ref(
            ("responsible_body",), agreement, "bodies", document.responsible_body, via=agreement
        )
    for a, action in enumerate(document.actions):
        if action.priority is not None:
            loc: YamlPath = ("actions", a, "priority")
            yield ref(loc, agreement, "priorities", action.priority, via=agreement)
        for role in ("plans", "performs", "follows_up"):
            who_list: Sequence[Any] = getattr(action, role)
            for r, who in enumerate(who_list):
                for field_name, collection in (("party", "parties"), ("body", "bodies")):
                    target = getattr(who, field_name)
                    if target is not None:
                        yield ref(
                            ("actions", a, role, r, field_name),
                            agreement,
                            collection,
                            target,
                            via=agreement,
                        )
