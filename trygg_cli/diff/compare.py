"""What changed between two versions of a document, as data.

Documents are compared through the model, not the text, so re-indenting, reordering a list
or editing a comment changes nothing:

* list items with an ``id`` (parties, actors, bodies, priorities, sub-priorities, goals,
  actions, commitments, occasions, sections) are matched by id; an item whose id changed
  but whose content did not is *renamed*; where the id is optional and left out
  (indicators), by their name;
* list items without an id (members, signatories, sources, extensions, completions,
  responsible parties) are matched by their content; what is left over on both sides is paired in
  order as *changed* (one member's new role is one change, not a removal and an
  addition);
* lists of plain values (links to action plans) are compared as sets;
* a schedule is compared as a cadence (one change, old and new schedule), its recorded
  completions as a list, and its wording apart; a measure (an indicator's baseline or
  target) and a stated term are one value each;
* who makes a commitment (``party`` and ``parties``) is one change, field ``who``, old and
  new the tuples of ids;
* everything else field by field, dates as dates.

Each :class:`Change` carries what a sentence needs (see :mod:`trygg_cli.diff.narrate`):
its place in the model, the kind of change, the old and new values and the item it
belongs to.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import BaseModel

from trygg_cli.findings import YamlPath
from trygg_cli.model.common import Measure, Term
from trygg_cli.model.documents import Commitment
from trygg_cli.model.schedule import Completion, Schedule

ChangeKind = Literal["added", "removed", "changed", "renamed"]


@dataclass(frozen=True)
class Owner:
    """The item a change belongs to: which collection it is in and how it is called."""

    collection: str  # "bodies", "priorities", … ("" for the document itself)
    name: str


@dataclass(frozen=True)
class Change:
    """One change inside a document.

    ``path`` is the place in the model, items named by id where they have one
    (``("bodies", "[css]", "meetings")``); ``field`` is its last field name and
    ``collection`` the list an added, removed or renamed item belongs to. ``old`` and
    ``new`` are model values (None for what is not there); ``owner`` is the nearest
    enclosing item (None at the top of the document).
    """

    kind: ChangeKind
    path: tuple[str, ...]
    field: str
    old: Any
    new: Any
    owner: Owner | None = None
    collection: str = ""


_CADENCE_FIELDS = (
    "first",
    "every",
    "times",
    "unit",
    "qualifier",
    "also_as_needed",
    "at",
    "during",
    "with_meetings_of",
    "at_event",
)
_WHO = ("party", "parties")


def compare(old: BaseModel, new: BaseModel) -> list[Change]:
    """Every change from ``old`` to ``new`` (two documents of the same kind), in the order
    of the model's fields and of the new document's lists."""
    return list(_model(old, new, (), None))


def _model(
    old: BaseModel, new: BaseModel, path: tuple[str, ...], owner: Owner | None
) -> Iterator[Change]:
    joint = isinstance(old, Commitment) and isinstance(new, Commitment)
    if isinstance(old, Commitment) and isinstance(new, Commitment) and old.who != new.who:
        yield Change("changed", (*path, "parties"), "who", old.who, new.who, owner)
    for name, info in type(new).model_fields.items():
        a, b = getattr(old, name, None), getattr(new, name)
        if a == b or (joint and name in _WHO):
            continue
        written = info.alias or name  # as the documents write it: `until`, not `end`
        yield from _value(a, b, (*path, written), written, owner)


def _value(
    a: Any, b: Any, path: tuple[str, ...], name: str, owner: Owner | None
) -> Iterator[Change]:
    if isinstance(a, Schedule) and isinstance(b, Schedule):
        yield from _schedule(a, b, path, name, owner)
    elif isinstance(a, (Measure, Term)) and type(a) is type(b):
        yield Change("changed", path, name, a, b, owner)
    elif isinstance(a, BaseModel) and isinstance(b, BaseModel) and type(a) is type(b):
        yield from _model(a, b, path, owner)
    elif isinstance(a, list) and isinstance(b, list):
        yield from _list(a, b, path, name, owner)
    elif a is None and b is not None:
        yield Change("added", path, name, None, b, owner)
    elif b is None and a is not None:
        yield Change("removed", path, name, a, None, owner)
    else:
        yield Change("changed", path, name, a, b, owner)


def _schedule(
    a: Schedule, b: Schedule, path: tuple[str, ...], name: str, owner: Owner | None
) -> Iterator[Change]:
    if any(getattr(a, f) != getattr(b, f) for f in _CADENCE_FIELDS):
        yield Change("changed", path, name, a, b, owner)
    elif a.text != b.text:
        yield Change("changed", (*path, "text"), "text", a.text, b.text, owner)
    if a.done != b.done:
        yield from _unkeyed(a.done, b.done, (*path, "done"), "done", owner)


def item_name(item: Any) -> str:
    """How an item is called in a sentence: its name, title or text."""
    for attribute in ("name", "title", "role", "text", "description"):
        value = getattr(item, attribute, None)
        if isinstance(value, str) and value:
            return value
    if isinstance(item, Completion):
        return item.label
    return str(getattr(item, "id", "") or item)


def _list(
    a: list[Any], b: list[Any], path: tuple[str, ...], name: str, owner: Owner | None
) -> Iterator[Change]:
    sample = b[0] if b else a[0]
    if isinstance(sample, BaseModel) and "id" in type(sample).model_fields:
        yield from _keyed(a, b, path, name, owner)
    elif isinstance(sample, BaseModel):
        yield from _unkeyed(a, b, path, name, owner)
    else:
        for value in b:
            if value not in a:
                yield Change("added", path, name, None, value, owner, name)
        for value in a:
            if value not in b:
                yield Change("removed", path, name, value, None, owner, name)


def _without_id(item: BaseModel) -> dict[str, Any]:
    return item.model_dump(exclude={"id"})


def _key(item: Any) -> str:
    """An item's id, or its name where the id is optional and left out (indicators)."""
    return str(item.id) if item.id is not None else item_name(item)


def _keyed(
    a: list[Any], b: list[Any], path: tuple[str, ...], name: str, owner: Owner | None
) -> Iterator[Change]:
    old = {_key(item): item for item in a}
    new_ids = {_key(item) for item in b}
    gone = [item for item in a if _key(item) not in new_ids]
    for item in b:
        here = (*path, f"[{_key(item)}]")
        before = old.get(_key(item))
        if before is None:
            twin = next((g for g in gone if _without_id(g) == _without_id(item)), None)
            if twin is not None and twin.id is not None and item.id is not None:
                gone.remove(twin)
                yield Change(
                    "renamed", here, name, twin.id, item.id, Owner(name, item_name(item)), name
                )
            else:
                yield Change("added", here, name, None, item, owner, name)
        elif before != item:
            yield from _model(before, item, here, Owner(name, item_name(item)))
    for item in gone:
        yield Change("removed", (*path, f"[{_key(item)}]"), name, item, None, owner, name)


def _unkeyed(
    a: Sequence[Any], b: Sequence[Any], path: tuple[str, ...], name: str, owner: Owner | None
) -> Iterator[Change]:
    removed = list(a)
    added = []
    for item in b:
        if item in removed:
            removed.remove(item)
        else:
            added.append(item)
    paired = min(len(removed), len(added))
    for before, after in zip(removed[:paired], added[:paired], strict=True):
        yield Change("changed", path, name, before, after, owner, name)
    for item in added[paired:]:
        yield Change("added", path, name, None, item, owner, name)
    for item in removed[paired:]:
        yield Change("removed", path, name, item, None, owner, name)


def format_path(path: YamlPath | tuple[str, ...]) -> str:
    """``("bodies", "[css]", "meetings")`` → ``bodies[css].meetings``."""
    out = ""
    for part in path:
        text = str(part)
        out += text if text.startswith("[") else ("." if out else "") + text
    return out
