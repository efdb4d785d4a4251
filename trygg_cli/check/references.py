"""Ids and references inside one document: duplicates, the index other files need, and
every reference it makes (resolved across the workspace by :mod:`trygg_cli.workspace`)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import partial
from typing import TYPE_CHECKING, Any

from trygg_cli.check.results import DocIndex, Ref, Target
from trygg_cli.check.schema_errors import At
from trygg_cli.findings import Finding, YamlPath
from trygg_cli.i18n import _
from trygg_cli.model import KINDS, ActionPlan, Agreement, CitizenPromise, Document, FollowUp
from trygg_cli.model.dates import schedules
from trygg_cli.nouns import ITEM_NOUNS
from trygg_cli.yamlload import locate
from trygg_cli.yamlload.positions import node_at, reach

if TYPE_CHECKING:
    from yaml.nodes import Node

# Collections whose items carry ids that must be unique and can be referred to, with the
# YAML paths of the lists that hold them: sub-priorities share their priorities' ids, and
# goals are unique over the whole document wherever they stand. Indicators, wherever their
# goal stands, are referred to by a follow-up's measurements.
_Lists = tuple[tuple[str | int | None, ...], ...]  # None: every item of the list above
ID_LISTS: dict[str, dict[str, _Lists]] = {
    "agreement": {
        "parties": (("parties",),),
        "actors": (("actors",),),
        "bodies": (("bodies",),),
        "priorities": (("priorities",), ("priorities", None, "sub_priorities")),
        "goals": (
            ("goals",),
            ("priorities", None, "goals"),
            ("priorities", None, "sub_priorities", None, "goals"),
        ),
        "indicators": (
            ("goals", None, "indicators"),
            ("priorities", None, "goals", None, "indicators"),
            ("priorities", None, "sub_priorities", None, "goals", None, "indicators"),
        ),
        "sections": (("sections",),),
        "occasions": (("occasions",),),
    },
    "action-plan": {
        "actors": (("actors",),),
        "actions": (("actions",),),
        "sections": (("sections",),),
    },
    "citizen-promise": {
        "parties": (("parties",),),
        "actors": (("actors",),),
        "goals": (("goals",),),
        "indicators": (("goals", None, "indicators"),),
        "commitments": (("commitments",),),
    },
    "follow-up": {
        "sections": (("sections",),),
    },
}
# Indicator ids were optional, and never required to be unique, before follow-ups referred
# to them: a repeated one stays valid (a file valid before stays valid), and a follow-up's
# measurement of it belongs to the first.
NOT_CHECKED_FOR_DUPLICATES = frozenset({"indicators"})
# Who can be named as doing something (members, responsibles, commitments): a party or an
# actor. Signatories sign for parties only.
PARTICIPANTS = "participants"


def _items(data: Any, path: tuple[str | int | None, ...]) -> list[tuple[Any, YamlPath]]:
    """The items of the list at ``path`` in raw data (``None`` steps into every item),
    each with its YAML path, in the order they are written."""
    level: list[tuple[Any, YamlPath]] = [(data, ())]
    for step in path:
        deeper: list[tuple[Any, YamlPath]] = []
        for value, at in level:
            if step is None:
                if isinstance(value, list):
                    deeper.extend((item, (*at, i)) for i, item in enumerate(value))
            elif isinstance(value, dict) and isinstance(step, str) and step in value:
                deeper.append((value[step], (*at, step)))
        level = deeper
    items: list[tuple[Any, YamlPath]] = []
    for value, at in level:
        if isinstance(value, list):
            items.extend((item, (*at, i)) for i, item in enumerate(value))
    return items


IdLists = dict[str, list[tuple[str, YamlPath]]]


def id_lists(kind: str, data: Any) -> IdLists:
    """Every id in each of the kind's id collections, with where it is written."""
    return {
        name: [
            (item["id"], loc)
            for path in paths
            for item, loc in _items(data, path)
            if isinstance(item, dict) and isinstance(item.get("id"), str)
        ]
        for name, paths in ID_LISTS[kind].items()
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


def raw_index(
    path: str, data: dict[str, Any], kind: str, root: Any, lists: IdLists
) -> DocIndex | None:
    """Index ids from the raw data (``lists``: :func:`id_lists` of it), so that a document
    with schema errors still has its id."""
    doc_id = data.get("id")
    if not isinstance(doc_id, str):
        return None
    collections = {name: {i for i, _loc in ids} for name, ids in lists.items()}
    collections[PARTICIPANTS] = collections.get("parties", set()) | collections.get("actors", set())
    line, column = locate(root, ("id",))
    # Sorted tuples, not sets: a national register keeps tens of thousands of these, and
    # a set of eight ids takes six times the memory of a tuple of them.
    kept = {name: tuple(sorted(ids)) for name, ids in collections.items()}
    return DocIndex(doc_id, kind, path, line + 1, column + 1, kept, complete=True)


def duplicate_ids(lists: IdLists, at: At) -> Iterator[Finding]:
    """A finding for every id used twice in one of the document's collections (``lists``:
    :func:`id_lists`), and for an actor that has a party's id (who would a reference to it
    mean?)."""
    for name, ids in lists.items():
        if name not in NOT_CHECKED_FOR_DUPLICATES:
            yield from _repeated(name, ids, at)
    parties = {i: loc for i, loc in lists.get("parties", [])}
    for actor_id, loc in lists.get("actors", []):
        if actor_id in parties:
            yield _duplicate(at, loc, "parties", actor_id, parties[actor_id])


def _repeated(name: str, ids: list[tuple[str, YamlPath]], at: At) -> Iterator[Finding]:
    counts: dict[str, int] = {}
    for item_id, _loc in ids:
        counts[item_id] = counts.get(item_id, 0) + 1
    if all(n == 1 for n in counts.values()):
        return
    # The first use in the file is the original, wherever its list stands.
    repeated = [(item_id, loc) for item_id, loc in ids if counts[item_id] > 1]
    repeated.sort(key=lambda pair: at((*pair[1], "id"), "", "").line)
    seen: dict[str, YamlPath] = {}
    for item_id, loc in repeated:
        if item_id in seen:
            yield _duplicate(at, loc, name, item_id, seen[item_id])
        else:
            seen[item_id] = loc


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
    """Makes :class:`Ref` records located in one file. The node of each item (the first
    two steps of a longer path: an action, a body) is found once and the rest of each path
    followed from it; a Ref is made from a plain tuple at C speed, as results.py does."""

    def __init__(self, path: str, root: Node) -> None:
        self.path = path
        self.root = root
        self.items: dict[YamlPath, tuple[Node, bool]] = {}

    def __call__(
        self,
        loc: YamlPath,
        target_doc: str,
        collection: str,
        target_id: str,
        expect_kind: str | None = None,
        via: str | None = None,
    ) -> Ref:
        if len(loc) > 3:
            head = loc[:2]
            item = self.items.get(head)
            if item is None:
                item = self.items[head] = reach(self.root, head)
            node = node_at(item[0], loc[2:]) if item[1] else item[0]
        else:
            node = node_at(self.root, loc)
        mark = node.start_mark
        return _ref(
            (
                self.path,
                mark.line + 1,
                mark.column + 1,
                loc,
                target_doc,
                collection,
                target_id,
                expect_kind,
                via,
            )
        )

    def document(self, loc: YamlPath, target: str, kind: str) -> Ref:
        """A link to another document, which must be of ``kind``."""
        return self(loc, target, "document", target, kind)


class _Targets(_Refs):
    """Makes :class:`Target` records: where each reference points, not where it stands."""

    def __init__(self) -> None:
        pass

    def __call__(
        self,
        loc: YamlPath,
        target_doc: str,
        collection: str,
        target_id: str,
        expect_kind: str | None = None,
        via: str | None = None,
    ) -> Any:  # a Target where the walk wants a Ref: it reads neither
        return _target((target_doc, collection, target_id, expect_kind))


_ref = partial(tuple.__new__, Ref)
_target = partial(tuple.__new__, Target)


def targets(document: Document) -> list[Target]:
    """Each distinct target of the references the document makes, in the order they are
    first made (what the workspace keeps of a file; the places of the references that
    point at nothing are found again, by :func:`references`)."""
    made: Iterator[Any] = _made(document, _Targets())
    return list(dict.fromkeys(made))


def references(document: Document, path: str, root: Node) -> Iterator[Ref]:
    """Every reference the document makes, with its position."""
    return _made(document, _Refs(path, root))


def _made(document: Document, ref: _Refs) -> Iterator[Ref]:
    if isinstance(document, Agreement):
        yield from _agreement_refs(document, ref)
    elif isinstance(document, ActionPlan):
        yield from _action_plan_refs(document, ref)
    elif isinstance(document, CitizenPromise):
        yield from _promise_refs(document, ref)
    elif isinstance(document, FollowUp):
        yield from _follow_up_refs(document, ref)
    yield from _superseded_refs(document, ref)
    yield from _tied_schedule_refs(document, ref)


def _agreement_refs(document: Agreement, ref: _Refs) -> Iterator[Ref]:
    own = document.id
    for i, s in enumerate(document.signatories):
        yield ref(("signatories", i, "party"), own, "parties", s.party)
    for b, body in enumerate(document.bodies):
        for m, member in enumerate(body.members):
            yield ref(("bodies", b, "members", m, "party"), own, PARTICIPANTS, member.party)
        for role in ("chair", "convener"):
            person = getattr(body, role)
            if person is not None:
                yield ref(("bodies", b, role, "party"), own, PARTICIPANTS, person.party)
        if body.reports_to is not None:
            yield ref(("bodies", b, "reports_to"), own, "bodies", body.reports_to)
    for g, goal in enumerate(document.goals):
        for p, priority in enumerate(goal.priorities):
            yield ref(("goals", g, "priorities", p), own, "priorities", priority)
    if document.central_agreement is not None:
        yield ref.document(("central_agreement",), document.central_agreement, "agreement")
    for i, plan in enumerate(document.action_plans):
        yield ref.document(("action_plans", i), plan, "action-plan")
    for i, promise in enumerate(document.citizen_promises):
        yield ref.document(("citizen_promises", i), promise, "citizen-promise")


def _action_plan_refs(document: ActionPlan, ref: _Refs) -> Iterator[Ref]:
    agreement = document.agreement
    own_actors = {actor.id for actor in document.actors}
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
            for r, who in enumerate(getattr(action, role)):
                base: YamlPath = ("actions", a, role, r)
                for where, target in _named(who):
                    if target not in own_actors:  # else one of the plan's own actors
                        yield ref((*base, *where), agreement, PARTICIPANTS, target, via=agreement)
                if who.body is not None:
                    yield ref((*base, "body"), agreement, "bodies", who.body, via=agreement)


def _promise_refs(document: CitizenPromise, ref: _Refs) -> Iterator[Ref]:
    own = document.id
    if document.agreement is not None:
        yield ref.document(("agreement",), document.agreement, "agreement")
    for c, commitment in enumerate(document.commitments):
        for where, target in _named(commitment):
            yield ref(("commitments", c, *where), own, PARTICIPANTS, target)
    for i, s in enumerate(document.signatories):
        yield ref(("signatories", i, "party"), own, "parties", s.party)
    agreement = document.agreement
    if agreement is not None:
        for g, goal in enumerate(document.goals):
            for p, priority in enumerate(goal.priorities):
                loc: YamlPath = ("goals", g, "priorities", p)
                yield ref(loc, agreement, "priorities", priority, via=agreement)


def _follow_up_refs(document: FollowUp, ref: _Refs) -> Iterator[Ref]:
    """What it follows up, and every action, commitment and indicator it reports on."""
    for field_name, kind in _SUPERSEDED_KINDS:
        target = getattr(document, field_name)
        if target is not None:
            yield ref.document((field_name,), target, kind)
    plan, promise, measured = document.action_plan, document.citizen_promise, document.indicators_of
    for a, action in enumerate(document.actions):
        if plan is not None:
            yield ref(("actions", a, "action"), plan, "actions", action.action, via=plan)
    for c, commitment in enumerate(document.commitments):
        if promise is not None:
            loc: YamlPath = ("commitments", c, "commitment")
            yield ref(loc, promise, "commitments", commitment.commitment, via=promise)
    for i, indicator in enumerate(document.indicators):
        if measured is not None:
            loc = ("indicators", i, "indicator")
            yield ref(loc, measured, "indicators", indicator.indicator, via=measured)


def _named(who: Any) -> Iterator[tuple[YamlPath, str]]:
    """The parties or actors a responsible or a commitment names, with where."""
    if who.party is not None:
        yield ("party",), who.party
    for i, target in enumerate(who.parties):
        yield ("parties", i), target


_SUPERSEDED_KINDS = (
    ("agreement", "agreement"),
    ("action_plan", "action-plan"),
    ("citizen_promise", "citizen-promise"),
)


def _superseded_refs(document: Document, ref: _Refs) -> Iterator[Ref]:
    for i, old in enumerate(getattr(document, "supersedes", ())):
        for field_name, kind in _SUPERSEDED_KINDS:
            target = getattr(old, field_name)
            if target is not None:
                yield ref.document(("supersedes", i, field_name), target, kind)


def _tied_schedule_refs(document: Document, ref: _Refs) -> Iterator[Ref]:
    """A schedule held at another body's meetings names a body of the agreement (its own,
    or for a plan or promise, the agreement it belongs to)."""
    if isinstance(document, Agreement):
        owner: str | None = document.id
    else:
        owner = getattr(document, "agreement", None)
    for loc, schedule in schedules(document):
        if schedule.with_meetings_of is None:
            continue
        where: YamlPath = (*loc, "with_meetings_of")
        if owner is None:
            continue  # a promise of no agreement has no bodies to name
        via = None if owner == document.id else owner
        yield ref(where, owner, "bodies", schedule.with_meetings_of, via=via)
