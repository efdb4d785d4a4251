"""``trygg import``: a Word file, PDF, web page or text that a municipality already has,
read into a draft trygg document that never invents.

Every value the draft holds has a comment above it that quotes the sentence it was read
from, with its line, page or paragraph. What a document must have but the text did not
say is a TODO (lint's TRY501 reports each until a person completes it); text that fits no
field is kept as a section under its own heading. The Swedish phrases are read by
:mod:`trygg_cli.phrases`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ruamel.yaml.comments import CommentedMap

from trygg_cli.i18n import _
from trygg_cli.importer import agreement as a
from trygg_cli.importer import others
from trygg_cli.importer.draft import Draft, unique
from trygg_cli.importer.others import Context
from trygg_cli.importer.parts import Layout, Sentence, layout, masked
from trygg_cli.importer.source import Block, read_document

__all__ = ["KINDS", "Context", "Imported", "guess_kind", "import_document"]

KINDS = ("agreement", "action-plan", "citizen-promise")
_F = re.IGNORECASE
_ORDER = (
    *("trygg", "kind", "id", "title", "scope", "central_agreement", "agreement"),
    *("municipality", "area", "document_type", "responsible", "applies_to", "last_revised"),
    *("parties", "actors", "decision", "validity", "period", "responsible_body", "supersedes"),
    *("sections", "bodies", "priorities", "priority_review", "priority_revision", "occasions"),
    *("problem", "commitments", "actions", "follow_up", "evaluation", "revision", "signatories"),
)


@dataclass
class Imported:
    """One draft: its kind, id, YAML text, the gaps left and the parties' ids by role."""

    kind: str
    doc_id: str
    text: str
    gaps: list[str]
    roles: dict[str, str] = field(default_factory=dict)


def guess_kind(blocks: Sequence[Block]) -> str:
    """agreement, action-plan or citizen-promise, from the title and then the text."""
    title = next((b.text for b in blocks if b.text.strip()), "")
    if re.search(r"överenskommelse|samverkansavtal|avtal", title, _F):
        return "agreement"
    if re.search(r"medborgarlöfte", title, _F):
        return "citizen-promise"
    if re.search(r"åtgärdsplan|handlingsplan|aktivitetsplan", title, _F):
        return "action-plan"
    text = " ".join(b.text for b in blocks[:40])
    counts = {
        "citizen-promise": len(re.findall(r"lovar|medborgarlöfte", text, _F)),
        "action-plan": len(re.findall(r"åtgärdsplan|handlingsplan", text, _F))
        + sum(1 for b in blocks if b.kind == "row"),
        "agreement": len(re.findall(r"överenskommelse|samverkan", text, _F)),
    }
    return max(counts, key=lambda k: counts[k])


def import_document(
    path: Path,
    kind: str | None = None,
    context: Context | None = None,
    taken: set[str] | None = None,
) -> Imported:
    """The draft of the document at ``path`` (a TryggError when it cannot be read); its id
    is none of ``taken`` (the drafts of the same run), and is added to it."""
    blocks = masked(read_document(path))
    kind = kind or guess_kind(blocks)
    shape = layout(blocks)
    draft = Draft()
    draft.root["trygg"] = 1
    draft.root["kind"] = kind
    draft.root["id"] = "x"
    title = shape.title.text if shape.title is not None else None
    if title is not None:
        draft.put(draft.root, "title", title, _sentence(shape.title), 0)
    else:
        draft.root["title"] = draft.gap("title", _("the text has no title"))
    ids: set[str] = set()
    context = context or Context(None, {})
    if kind == "agreement":
        roles, doc_id = _agreement(draft, shape, ids)
    elif kind == "citizen-promise":
        roles, doc_id = _promise(draft, shape, ids, context)
    else:
        roles, doc_id = _plan(draft, shape, ids, context)
    if taken is not None:
        doc_id = unique(doc_id, taken)
    draft.root["id"] = doc_id
    draft.root = _ordered(draft.root)
    header = (
        _("Draft made by 'trygg import' from {file}.").format(file=path.name)
        + "\n"
        + _(
            "Each value quotes the sentence it was read from. Complete every TODO, check each "
            "value against the text, then run 'trygg validate' and 'trygg lint'."
        )
    )
    return Imported(kind, doc_id, draft.dump(header), draft.gaps, roles)


def _sentence(block: Block | None) -> Sentence | None:
    return Sentence(block.text, block.where) if block is not None else None


def _agreement(draft: Draft, shape: Layout, ids: set[str]) -> tuple[dict[str, str], str]:
    title = shape.title.text if shape.title is not None else ""
    central = bool(re.search(r"central|övergripande|stadenövergripande", title, _F))
    local = bool(re.search(r"\blokal", title, _F))
    draft.root["scope"] = "central" if central or not local else "local"
    if not central and not local:
        draft.gap("scope", _("the title says neither central nor local; 'central' is a guess"))
    texts = [b.text for p in shape.parts for b in p.blocks]
    municipality = a.municipality(draft, shape, texts)
    a.header(draft, shape)
    roles = a.parties(draft, shape, ids)
    a.decision(draft, shape)
    year = a.validity(draft, shape)
    a.supersedes(draft, shape)
    a.structure(draft, shape, roles, ids)
    a.schedules(draft, shape, central)
    a.signatories(draft, shape, roles)
    a.sections(draft, shape, ids, set())
    word = "central" if draft.root["scope"] == "central" else "lokal"
    return roles, a.id_for(municipality, word, year, title)


def _promise(
    draft: Draft, shape: Layout, ids: set[str], context: Context
) -> tuple[dict[str, str], str]:
    if context.agreement:
        draft.root["agreement"] = context.agreement
    texts = [b.text for p in shape.parts for b in p.blocks]
    municipality = a.municipality(draft, shape, texts)
    roles = a.parties(draft, shape, ids)
    year = a.validity(draft, shape, "period")
    others.problem(draft, shape)
    others.commitments(draft, shape, roles, ids)
    a.schedules(draft, shape, False)
    for key in ("priority_review", "priority_revision", "evaluation", "revision"):
        draft.root.pop(key, None)
    a.signatories(draft, shape, roles)
    _leftovers(draft, shape)
    title = shape.title.text if shape.title is not None else ""
    return roles, a.id_for(municipality, "medborgarlofte", year, title)


def _plan(
    draft: Draft, shape: Layout, ids: set[str], context: Context
) -> tuple[dict[str, str], str]:
    if context.agreement:
        draft.root["agreement"] = context.agreement
    else:
        draft.root["agreement"] = "okand-overenskommelse"
        draft.gap("agreement", _("write the id of the agreement the plan belongs to"))
    year = a.validity(draft, shape, "period", required=False)
    others.actions(draft, shape, context, ids)
    a.schedules(draft, shape, False)
    for key in ("priority_review", "priority_revision", "evaluation", "revision"):
        draft.root.pop(key, None)
    a.sections(draft, shape, ids, set())
    title = shape.title.text if shape.title is not None else ""
    texts = [b.text for p in shape.parts for b in p.blocks] + [title]
    from trygg_cli.importer.facts import most_common_municipality

    return context.roles, a.id_for(most_common_municipality(texts), "atgardsplan", year, title)


def _leftovers(draft: Draft, shape: Layout) -> None:
    """A citizen promise has no sections: text that fits no field is kept as comments."""
    kept = [p for p in shape.parts if not p.used and p.blocks]
    if not kept:
        return
    lines = [_("Text that fits no field of a citizen promise:")]
    for part in kept:
        lines.append(f"{part.title or '—'}:")
        lines.extend(f"  {line}" for line in part.text().splitlines())
    draft.note(draft.root, next(reversed(draft.root)), "\n".join(lines), 0)


def _ordered(root: CommentedMap) -> CommentedMap:
    """The root's keys in the order of docs/format.md, with their comments."""
    out = CommentedMap()
    keys = sorted(root, key=lambda k: _ORDER.index(k) if k in _ORDER else len(_ORDER))
    for key in keys:
        out[key] = root[key]
        if key in root.ca.items:
            out.ca.items[key] = root.ca.items[key]
    return out
