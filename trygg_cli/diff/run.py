"""One ``trygg diff`` run: two versions of a workspace, their documents matched by id.

A version (a :class:`Side`) is two folders or files on disk, a git commit, or the working
tree. Only files whose bytes differ are read: a file with the same git blob id on both
sides (at the same path, or moved) cannot hold a change, which keeps a diff of a national
corpus with a tenth of its documents changed to those documents.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

from trygg_cli.check.passes import KEEP_DOCUMENT
from trygg_cli.check.results import FileResult
from trygg_cli.diff.compare import Change, compare
from trygg_cli.diff.narrate import Narrated, Narrator
from trygg_cli.diff.progress import REPORTED, progress
from trygg_cli.diff.sides import Side, sides_from_arguments
from trygg_cli.findings import Finding
from trygg_cli.i18n import _
from trygg_cli.model import ActionPlan, Agreement, CitizenPromise, Document, FollowUp
from trygg_cli.model.series import previous
from trygg_cli.nouns import KIND_NOUNS
from trygg_cli.workspace import load_sources

__all__ = ["DiffResult", "DocumentDiff", "Side", "diff_sides", "sides_from_arguments"]

Status = Literal["added", "removed", "changed", "moved", "unreadable"]


@dataclass
class DocumentDiff:
    """What happened to one document between the two versions."""

    doc_id: str
    kind: str
    title: str
    status: Status
    old_path: str | None
    new_path: str | None
    narrated: list[Narrated] = field(default_factory=list)
    problems: list[Finding] = field(default_factory=list)
    side: str | None = None  # for "unreadable": the label of the version that fails


@dataclass
class DiffResult:
    old: str
    new: str
    documents: list[DocumentDiff]

    @property
    def changed(self) -> bool:
        return bool(self.documents)

    def counts(self) -> dict[str, int]:
        out = {status: 0 for status in ("added", "removed", "changed", "moved", "unreadable")}
        for document in self.documents:
            out[document.status] += 1
        out["changes"] = sum(max(1, len(d.narrated)) for d in self.documents)
        return out


# --------------------------------------------------------------------------- comparing


@dataclass
class _Loaded:
    documents: dict[str, tuple[str, Document]]  # id → (path, document)
    broken: dict[str, FileResult]  # path → result of a file that could not be read
    broken_ids: dict[str, str]  # salvaged id → path


def _load(sources: Mapping[str, bytes]) -> _Loaded:
    # Links between documents are not judged: a diff reports changes, not dangling links.
    workspace = load_sources(sources, passes=(KEEP_DOCUMENT,))
    documents: dict[str, tuple[str, Document]] = {}
    broken: dict[str, FileResult] = {}
    broken_ids: dict[str, str] = {}
    for result in workspace.results:
        if not result.checked:
            continue
        document = result.outputs.get(KEEP_DOCUMENT.name)
        if document is not None:
            documents.setdefault(document.id, (result.path, document))
        elif result.findings:
            broken[result.path] = result
            if result.index is not None:
                broken_ids[result.index.doc_id] = result.path
    return _Loaded(documents, broken, broken_ids)


def diff_sides(old: Side, new: Side) -> DiffResult:
    """Compare two versions (see the module docstring)."""
    same = {k for k, blob in old.blobs.items() if new.blobs.get(k) == blob}
    old_keys = sorted(k for k in old.blobs if k not in same)
    new_keys = sorted(k for k in new.blobs if k not in same)
    # A file moved unchanged: read it on the new side only, to name it.
    old_by_blob: dict[str, str] = {}
    for key in old_keys:
        old_by_blob.setdefault(old.blobs[key], key)
    moved: dict[str, str] = {}  # new key → old key
    for key in new_keys:
        origin = old_by_blob.get(new.blobs[key])
        # A move only when the old path is gone: a copy beside an edited original is new.
        if origin is not None and origin not in new.blobs:
            moved[key] = origin
            del old_by_blob[new.blobs[key]]
    moved_from = set(moved.values())
    before = _load(old.read([k for k in old_keys if k not in moved_from]))
    after = _load(new.read(new_keys))
    for side, loaded in ((old, before), (new, after)):
        for key, finding in side.unreadable.items():
            loaded.broken[key] = FileResult(key, checked=True, findings=[finding])
    # Two single files are two versions of one document, whatever their names.
    files = old.single_file and new.single_file
    context = _context(new, new_keys, after)
    documents = _documents(
        before, after, moved, old.label, new.label, note_moves=not files, context=context
    )
    return DiffResult(old.label, new.label, documents)


def _context(new: Side, read: list[str], after: _Loaded) -> dict[str, Document]:
    """The new version's documents, by id, when a follow-up changed: its progress names
    indicators, actions and commitments as their documents do. Read only then."""
    changed = [d for _path, d in after.documents.values()]
    if not any(isinstance(d, FollowUp) for d in changed):
        return {}
    rest = _load(new.read([k for k in new.blobs if k not in set(read)]))
    found = {doc_id: d for doc_id, (_path, d) in rest.documents.items()}
    found.update({d.id: d for d in changed})
    return found


def _documents(
    before: _Loaded,
    after: _Loaded,
    moved: Mapping[str, str],
    old_label: str,
    new_label: str,
    *,
    note_moves: bool = True,
    context: Mapping[str, Document] | None = None,
) -> list[DocumentDiff]:
    context = context or {}
    out: list[DocumentDiff] = []
    old_only = {i: v for i, v in before.documents.items() if i not in after.documents}
    new_only = {i: v for i, v in after.documents.items() if i not in before.documents}
    # The same file with a new id: the same document (two single files: always).
    by_path = {path: doc_id for doc_id, (path, _d) in old_only.items()}
    if not note_moves and len(old_only) == 1 and len(new_only) == 1:
        by_path = {next(iter(new_only.values()))[0]: next(iter(old_only))}
    renamed_ids: dict[str, str] = {}
    for doc_id, (path, _d) in new_only.items():
        if path in by_path:
            renamed_ids[doc_id] = by_path.pop(path)
    for doc_id, (path, document) in sorted(after.documents.items(), key=lambda i: i[1][0]):
        if path in moved and doc_id not in before.documents:
            out.append(_moved(document, moved[path], path))
            continue
        old_id = doc_id if doc_id in before.documents else renamed_ids.get(doc_id)
        if old_id is not None:
            old_path, old_document = before.documents[old_id]
            out.extend(_changed(old_document, document, old_path, path, note_moves, context))
        elif doc_id in before.broken_ids:
            continue  # broken before: reported below, not as new
        else:
            out.append(_whole(document, "added", None, path, context))
    for doc_id, (path, document) in sorted(before.documents.items(), key=lambda i: i[1][0]):
        if doc_id in after.documents or doc_id in renamed_ids.values():
            continue
        if doc_id in after.broken_ids:
            continue  # broken now: reported below, not as removed
        out.append(_whole(document, "removed", path, None))
    for label, loaded in ((old_label, before), (new_label, after)):
        for path, result in sorted(loaded.broken.items()):
            if loaded is before and path in after.broken:
                continue  # broken in both: reported once, as it is now
            index = result.index
            out.append(
                DocumentDiff(
                    index.doc_id if index else "",
                    index.kind if index else "",
                    "",
                    "unreadable",
                    path if loaded is before else None,
                    path if loaded is after else None,
                    problems=sorted(result.findings),
                    side=label,
                )
            )
    return out


def _title(document: Document) -> str:
    return document.title


def _kind(document: Document) -> str:
    if isinstance(document, Agreement):
        return "agreement"
    if isinstance(document, ActionPlan):
        return "action-plan"
    if isinstance(document, FollowUp):
        return "follow-up"
    assert isinstance(document, CitizenPromise)
    return "citizen-promise"


def _names(*documents: Document) -> dict[str, str]:
    """Ids of parties, actors, bodies, priorities and sub-priorities → their names."""
    names: dict[str, str] = {}
    for document in documents:
        for collection in ("parties", "actors", "bodies"):
            for item in getattr(document, collection, []):
                names[item.id] = item.name
        for priority in getattr(document, "priorities", []):
            names[priority.id] = priority.title
            for sub in priority.sub_priorities:
                names[sub.id] = sub.title
    return names


def _changed(
    old: Document,
    new: Document,
    old_path: str,
    new_path: str,
    note_move: bool = True,
    context: Mapping[str, Document] | None = None,
) -> list[DocumentDiff]:
    kind = _kind(new)
    if kind != _kind(old):
        return [_whole(old, "removed", old_path, None), _whole(new, "added", None, new_path)]
    changes = compare(old, new)  # a new id among them: `id` is a field like any other
    told: list[Narrated] = []
    if isinstance(old, FollowUp) and isinstance(new, FollowUp):
        # What was reported and measured is told as progress, not field by field.
        changes = [c for c in changes if c.path[:1] not in [(key,) for key in REPORTED]]
        told = progress(old, new, context or {})
    narrator = Narrator(_names(old, new), kind)
    narrated = [narrator.narrate(c) for c in changes] + told
    if old_path != new_path and note_move:
        move = Change("changed", ("file",), "file", old_path, new_path)
        narrated.insert(
            0,
            Narrated(
                move,
                _("The file moved from {old} to {new}.").format(old=old_path, new=new_path),
            ),
        )
    if not narrated:
        return []
    status: Status = "changed" if changes or told else "moved"
    return [DocumentDiff(new.id, kind, new.title, status, old_path, new_path, narrated)]


def _moved(document: Document, old_path: str, new_path: str) -> DocumentDiff:
    move = Change("changed", ("file",), "file", old_path, new_path)
    sentence = _("The file moved from {old} to {new}.").format(old=old_path, new=new_path)
    return DocumentDiff(
        document.id,
        _kind(document),
        document.title,
        "moved",
        old_path,
        new_path,
        [Narrated(move, sentence)],
    )


def _whole(
    document: Document,
    status: Status,
    old_path: str | None,
    new_path: str | None,
    context: Mapping[str, Document] | None = None,
) -> DocumentDiff:
    kind = _kind(document)
    noun = _(KIND_NOUNS[kind])
    if status == "added":
        sentence = _("New {kind}: {title}.").format(kind=noun, title=document.title)
        change = Change("added", (), "", None, document.id)
    else:
        sentence = _("The {kind} {title} was removed.").format(kind=noun, title=document.title)
        change = Change("removed", (), "", document.id, None)
    narrated = [Narrated(change, sentence)]
    if status == "added" and isinstance(document, FollowUp):
        # A new follow-up: its progress since the one before it (or the baselines).
        narrated += progress(previous(document, (context or {}).values()), document, context or {})
    return DocumentDiff(document.id, kind, document.title, status, old_path, new_path, narrated)
