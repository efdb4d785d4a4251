"""A citizen promise's and an action plan's draft: the promises ("Polisen lovar att …",
"Tillsammans lovar vi …"), the problem, and the actions of an action plan's table."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from trygg_cli.i18n import _
from trygg_cli.importer.draft import Draft, mapping, slug, text_value, unique
from trygg_cli.importer.parts import Layout, Sentence
from trygg_cli.phrases import find_schedules, parse_date
from trygg_cli.phrases.lists import promise, split_list
from trygg_cli.phrases.parties import is_police

_F = re.IGNORECASE
_PROBLEM = re.compile(r"problem|lägesbild|bakgrund|varför", _F)


@dataclass(frozen=True)
class Context:
    """An agreement imported with the plan or promise: its id and its parties' ids."""

    agreement: str | None
    roles: dict[str, str]


def commitments(draft: Draft, layout: Layout, roles: dict[str, str], ids: set[str]) -> None:
    seq = CommentedSeq()
    who: str | None = None
    for part in layout.parts:
        for block in part.blocks:
            said = promise(block.text)
            if said is not None:
                _commitment(
                    draft, seq, said.who, block.text, Sentence(block.text, block.where), roles, ids
                )
                part.used = True
                who = None
                continue
            lead = re.match(
                r"^(polisen|kommunen|staden|tillsammans|vi)\b.*\blovar\b.*:\s*$", block.text, _F
            )
            if lead is not None:
                first = lead.group(1).lower()
                who = (
                    "police"
                    if first == "polisen"
                    else "joint"
                    if first in ("tillsammans", "vi")
                    else "municipality"
                )
                part.used = True
            elif who is not None and block.kind == "item":
                _commitment(
                    draft, seq, who, block.text, Sentence(block.text, block.where), roles, ids
                )
            else:
                who = None
    if not seq:
        todo = draft.gap(
            "commitments", _("the text makes no promise trygg could read ('Polisen lovar att …')")
        )
        seq.append(mapping(id="atagande", party=roles["municipality"], text=todo))
    draft.root["commitments"] = seq


def _commitment(
    draft: Draft,
    seq: CommentedSeq,
    who: str,
    what: str,
    source: Sentence,
    roles: dict[str, str],
    ids: set[str],
) -> None:
    item = mapping(id=unique(slug(" ".join(what.split()[:5]), "atagande"), ids))
    if who == "joint":
        item["parties"] = sorted(set(roles.values()))
    else:
        item["party"] = roles["police" if who == "police" else "municipality"]
    item["text"] = what
    strong = [f for f in find_schedules(what) if not f.weak]
    if strong:
        item["schedule"] = mapping(
            text=what[strong[0].start : strong[0].end],
            **strong[0].value.model_dump(exclude_defaults=True, exclude={"done"}),
        )
    draft.append(seq, item, source, 2)


def problem(draft: Draft, layout: Layout) -> None:
    for part in layout.parts:
        if part.heading is not None and _PROBLEM.search(part.title) and part.blocks:
            draft.put(
                draft.root,
                "problem",
                text_value(part.text()),
                Sentence(part.title, part.heading.where),
                0,
            )
            part.used = True
            return
    draft.root["problem"] = draft.gap("problem", _("the text has no part about the problem"))


_COLUMNS = (
    ("title", re.compile(r"åtgärd|aktivitet|insats|vad\b", _F)),
    ("plans", re.compile(r"planerar", _F)),
    ("follows_up", re.compile(r"uppfölj|följ", _F)),
    ("performs", re.compile(r"ansvar|utför|vem", _F)),
    ("deadline", re.compile(r"när|klar|tidsplan|datum|deadline|\btid\b", _F)),
    ("priority", re.compile(r"område|priorit|fokus", _F)),
    ("status", re.compile(r"status|läge", _F)),
)


def _columns(cells: tuple[str, ...]) -> dict[int, str] | None:
    found: dict[int, str] = {}
    for i, cell in enumerate(cells):
        for key, pattern in _COLUMNS:
            if pattern.search(cell) and key not in found.values():
                found[i] = key
                break
    return found if "title" in found.values() and len(found) >= 2 else None


def actions(draft: Draft, layout: Layout, context: Context, ids: set[str]) -> None:
    """The rows of a table whose header names an action and who or when."""
    seq = CommentedSeq()
    actors: dict[str, CommentedMap] = {}
    for part in layout.parts:
        columns: dict[int, str] | None = None
        for block in part.blocks:
            if block.kind != "row":
                columns = None
                continue
            if columns is None:
                columns = _columns(block.cells)
                part.used = part.used or columns is not None
                continue
            _action(
                draft,
                seq,
                block.cells,
                columns,
                Sentence(block.text, block.where),
                context,
                actors,
                ids,
            )
    if actors:
        draft.root["actors"] = CommentedSeq(actors.values())
        draft.note(
            draft.root,
            "actors",
            _(
                "Who the table names; if one is a party of the agreement, use the party's id "
                "instead."
            ),
            0,
        )
    if not seq:
        draft.gap("actions", _("the text has no table of actions trygg could read"))
    draft.root["actions"] = seq


def _action(
    draft: Draft,
    seq: CommentedSeq,
    cells: tuple[str, ...],
    columns: dict[int, str],
    source: Sentence,
    context: Context,
    actors: dict[str, CommentedMap],
    ids: set[str],
) -> None:
    values = {key: cells[i] for i, key in columns.items() if i < len(cells) and cells[i]}
    if "title" not in values:
        return
    item = mapping(
        id=unique(slug(values["title"], "atgard")[:40].strip("-"), ids), title=values["title"]
    )
    for key in ("plans", "performs", "follows_up"):
        if key in values:
            item[key] = CommentedSeq(
                _responsible(name, context, actors, ids) for name in split_list(values[key])
            )
    if "deadline" in values:
        when = parse_date(values["deadline"])
        strong = [f for f in find_schedules(values["deadline"]) if not f.weak]
        if when is not None:
            item["deadline"] = when.last
        elif strong:
            item["schedule"] = mapping(
                text=values["deadline"],
                **strong[0].value.model_dump(exclude_defaults=True, exclude={"done"}),
            )
    draft.append(seq, item, source, 2)


def _responsible(
    name: str, context: Context, actors: dict[str, CommentedMap], ids: set[str]
) -> CommentedMap:
    if context.roles:
        party = context.roles["police" if is_police(name) else "municipality"]
        return mapping(party=party, role=name)
    key = name.lower()
    if key not in actors:
        kind = "polisområde" if is_police(name) else "annan"
        actors[key] = mapping(
            id=unique(slug(name, "aktor")[:40].strip("-"), ids), name=name, type=kind
        )
    return mapping(party=actors[key]["id"])
