"""One ``trygg diff`` run: two versions of a workspace, their documents matched by id.

A version (a :class:`Side`) is two folders or files on disk, a git commit, or the working
tree. Only files whose bytes differ are read: a file with the same git blob id on both
sides (at the same path, or moved) cannot hold a change, which keeps a diff of a national
corpus with a tenth of its documents changed to those documents.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from trygg_cli import git
from trygg_cli.check.passes import KEEP_DOCUMENT
from trygg_cli.check.results import FileResult
from trygg_cli.diff.compare import Change, compare
from trygg_cli.diff.narrate import Narrated, Narrator
from trygg_cli.errors import TryggError
from trygg_cli.findings import Finding
from trygg_cli.i18n import _
from trygg_cli.model import ActionPlan, Agreement, CitizenPromise, Document
from trygg_cli.nouns import KIND_NOUNS
from trygg_cli.workspace import discover, load_sources
from trygg_cli.workspace.discover import SUFFIXES

Status = Literal["added", "removed", "changed", "moved", "unreadable"]


@dataclass
class Side:
    """One version: its name for people and its YAML files (key → git blob id)."""

    label: str
    blobs: dict[str, str]
    read: Callable[[Sequence[str]], dict[str, bytes]]
    single_file: bool = False


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


# --------------------------------------------------------------------------- sides


def _yaml(path: str) -> bool:
    return path.endswith(SUFFIXES) and not any(
        part.startswith(".") for part in Path(path).parts[:-1]
    )


def folder_side(folder: Path, label: str | None = None) -> Side:
    """The YAML files under ``folder`` (a single file: just that one), keyed by their path
    relative to it, so that two folders pair up file by file."""
    files = discover([str(folder)])
    base = folder if folder.is_dir() else folder.parent
    raw = {os.path.relpath(f, base): _read(f) for f in files}
    return Side(
        label or str(folder),
        {key: git.blob_id(data) for key, data in raw.items()},
        lambda keys: {k: raw[k] for k in keys},
        single_file=not folder.is_dir(),
    )


def _read(path: str) -> bytes:
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except OSError as exc:
        raise TryggError(
            _("'{path}' could not be read: {reason}").format(path=path, reason=exc.strerror)
        ) from None


def commit_side(root: Path, commit: str, label: str, pathspecs: Sequence[str]) -> Side:
    """The YAML files of a commit under ``pathspecs`` (relative to the root)."""
    blobs = {b.path: b.blob for b in git.files(root, commit, pathspecs) if _yaml(b.path)}

    def read(keys: Sequence[str]) -> dict[str, bytes]:
        contents = git.read_blobs(root, sorted({blobs[k] for k in keys}))
        return {k: contents[blobs[k]] for k in keys}

    return Side(label, blobs, read)


def worktree_side(root: Path, pathspecs: Sequence[str]) -> Side:
    """The YAML files on disk under ``pathspecs`` (the whole repository without any)."""
    targets = [str(root / p) for p in pathspecs] or [str(root)]
    existing = [t for t in targets if os.path.exists(t)]
    # A symbolic link is not a document of its own (git stores it as a link, not a file).
    raw = {os.path.relpath(f, root): _read(f) for f in discover(existing) if not os.path.islink(f)}
    return Side(
        _("the working tree"),
        {key: git.blob_id(data) for key, data in raw.items()},
        lambda keys: {k: raw[k] for k in keys},
    )


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
    # Two single files are two versions of one document, whatever their names.
    files = old.single_file and new.single_file
    documents = _documents(before, after, moved, old.label, new.label, note_moves=not files)
    return DiffResult(old.label, new.label, documents)


def _documents(
    before: _Loaded,
    after: _Loaded,
    moved: Mapping[str, str],
    old_label: str,
    new_label: str,
    *,
    note_moves: bool = True,
) -> list[DocumentDiff]:
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
            out.extend(_changed(old_document, document, old_path, path, note_moves))
        elif doc_id in before.broken_ids:
            continue  # broken before: reported below, not as new
        else:
            out.append(_whole(document, "added", None, path))
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
    assert isinstance(document, CitizenPromise)
    return "citizen-promise"


def _names(*documents: Document) -> dict[str, str]:
    names: dict[str, str] = {}
    for document in documents:
        for collection in ("parties", "bodies"):
            for item in getattr(document, collection, []):
                names[item.id] = item.name
    return names


def _changed(
    old: Document, new: Document, old_path: str, new_path: str, note_move: bool = True
) -> list[DocumentDiff]:
    kind = _kind(new)
    if kind != _kind(old):
        return [_whole(old, "removed", old_path, None), _whole(new, "added", None, new_path)]
    changes: list[Change] = []
    if old.id != new.id:
        changes.append(Change("changed", ("id",), "id", old.id, new.id))
    changes += compare(old, new)
    narrator = Narrator(_names(old, new))
    narrated = [narrator.narrate(c) for c in changes]
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
    status: Status = "changed" if changes else "moved"
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
    document: Document, status: Status, old_path: str | None, new_path: str | None
) -> DocumentDiff:
    kind = _kind(document)
    noun = _(KIND_NOUNS[kind])
    if status == "added":
        sentence = _("New {kind}: {title}.").format(kind=noun, title=document.title)
        change = Change("added", (), "", None, document.id)
    else:
        sentence = _("The {kind} {title} was removed.").format(kind=noun, title=document.title)
        change = Change("removed", (), "", document.id, None)
    return DocumentDiff(
        document.id,
        kind,
        document.title,
        status,
        old_path,
        new_path,
        [Narrated(change, sentence)],
    )


# --------------------------------------------------------------------------- arguments


def _repository(cwd: Path) -> Path:
    """The top folder of the git repository holding ``cwd``."""
    git.require()  # "git is not installed" rather than "not in a repository"
    root = git.toplevel(cwd)
    if root is None:
        raise TryggError(
            _(
                "'{path}' is not in a git repository; give two files or folders to compare instead"
            ).format(path=cwd)
        )
    return root


def sides_from_arguments(
    arguments: Sequence[str], cwd: Path, only_paths: int = 0
) -> tuple[Side, Side]:
    """The two versions ``trygg diff ARGS`` compares, as git reads its arguments.

    * ``OLD NEW`` naming two files or folders: those (no git needed);
    * otherwise, in a git repository, up to two revisions first, then paths:
      nothing (HEAD against the working tree), ``REV`` (against the working tree),
      ``REV1 REV2`` and ``A...B`` (from where B left A to B), each followed by any
      number of paths to narrow it (after ``--`` or not).

    ``only_paths``: how many of the last arguments came after ``--`` (paths, whatever
    revisions have the same name).
    """
    forced = list(arguments[len(arguments) - only_paths :]) if only_paths else []
    arguments = list(arguments[: len(arguments) - only_paths])
    if not forced and len(arguments) == 2 and all((cwd / a).exists() for a in arguments):
        first, second = (cwd / a for a in arguments)
        if first.is_dir() != second.is_dir():
            raise TryggError(_("compare two files or two folders, not a file with a folder"))
        return folder_side(first, arguments[0]), folder_side(second, arguments[1])
    root = _repository(cwd)
    revisions: list[tuple[str, str]] = []  # (commit, label)
    paths: list[str] = []
    for argument in arguments:
        is_path = (cwd / argument).exists()
        if not paths and len(revisions) == 0 and "..." in argument and not is_path:
            left, _dots, right = argument.partition("...")
            left_commit = git.commit(root, left or "HEAD")
            right_commit = git.commit(root, right or "HEAD")
            base = git.merge_base(root, left_commit, right_commit)
            revisions = [
                (
                    base,
                    _("where {right} left {left}").format(
                        right=right or "HEAD", left=left or "HEAD"
                    ),
                ),
                (right_commit, right or "HEAD"),
            ]
            continue
        if not paths and len(revisions) < 2:
            found = git.resolve(root, argument)
            if found is not None:
                revisions.append((found, argument))
                continue
        if not (cwd / argument).exists() and not paths and len(revisions) < 2:
            raise TryggError(
                _("'{argument}' is neither a revision (commit, branch, tag) nor a file").format(
                    argument=argument
                )
            )
        paths.append(argument)
    paths += forced
    pathspecs = [_from_root(root, cwd / p) for p in paths]
    if not revisions:
        revisions = [(git.commit(root, "HEAD"), "HEAD")]
    old = commit_side(root, revisions[0][0], revisions[0][1], pathspecs)
    if len(revisions) == 2:
        new = commit_side(root, revisions[1][0], revisions[1][1], pathspecs)
    else:
        new = worktree_side(root, pathspecs)
    for spec, given in zip(pathspecs, paths, strict=True):
        for side in (old, new):
            if not any(
                k == spec or k.startswith(spec.rstrip("/") + "/") or spec in (".", "")
                for k in side.blobs
            ):
                raise TryggError(
                    _(
                        "'{path}' has no YAML files in {side}; leave the path out to see what "
                        "was removed or renamed"
                    ).format(path=given, side=side.label)
                )
    return old, new


def _from_root(root: Path, path: Path) -> str:
    relative = os.path.relpath(os.path.abspath(path), root)
    if relative.startswith(".."):
        raise TryggError(
            _("'{path}' is outside the repository {root}").format(path=path, root=root)
        )
    return relative.replace(os.sep, "/")
