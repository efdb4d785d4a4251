"""The two versions ``trygg diff`` compares (a :class:`Side` each): two folders or files
on disk, a git commit, or the working tree, named as git reads its arguments."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from trygg_cli import git
from trygg_cli.errors import TryggError
from trygg_cli.findings import Finding
from trygg_cli.i18n import _
from trygg_cli.text import show
from trygg_cli.workspace import discover
from trygg_cli.workspace.discover import SUFFIXES
from trygg_cli.workspace.discover import read as read_file


@dataclass
class Side:
    """One version: its name for people and its YAML files (key → git blob id)."""

    label: str
    blobs: dict[str, str]
    read: Callable[[Sequence[str]], dict[str, bytes]]
    single_file: bool = False
    # Files that could not be read (a FIFO, a device, too large, no permission): listed
    # by the diff as unreadable, never taken as removed.
    unreadable: dict[str, Finding] = field(default_factory=dict)


def _yaml(path: str) -> bool:
    return path.endswith(SUFFIXES) and not any(
        part.startswith(".") for part in Path(path).parts[:-1]
    )


def folder_side(folder: Path, label: str | None = None) -> Side:
    """The YAML files under ``folder`` (a single file: just that one), keyed by their path
    relative to it, so that two folders pair up file by file."""
    files = discover([str(folder)])
    base = folder if folder.is_dir() else folder.parent
    raw, unreadable = _read_files(files, base)
    return Side(
        label or str(folder),
        {key: git.blob_id(data) for key, data in raw.items()},
        lambda keys: {k: raw[k] for k in keys},
        single_file=not folder.is_dir(),
        unreadable=unreadable,
    )


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
    raw, unreadable = _read_files([f for f in discover(existing) if not os.path.islink(f)], root)
    return Side(
        _("the working tree"),
        {key: git.blob_id(data) for key, data in raw.items()},
        lambda keys: {k: raw[k] for k in keys},
        unreadable=unreadable,
    )


def _read_files(files: list[str], base: Path) -> tuple[dict[str, bytes], dict[str, Finding]]:
    """The bytes of ``files`` by their path relative to ``base``; apart, why each file that
    could not be read could not (a FIFO, a device, too large, no permission)."""
    raw: dict[str, bytes] = {}
    unreadable: dict[str, Finding] = {}
    for path in files:
        key = os.path.relpath(path, base)
        got = read_file(path)
        if isinstance(got, Finding):
            unreadable[key] = replace(got, path=key)
        else:
            raw[key] = got
    return raw, unreadable


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
    revisions, paths = _revisions_and_paths(root, cwd, arguments)
    paths += forced
    pathspecs = [_from_root(root, cwd / p) for p in paths]
    if not revisions:
        revisions = [(git.commit(root, "HEAD"), "HEAD")]
    old = commit_side(root, revisions[0][0], revisions[0][1], pathspecs)
    if len(revisions) == 2:
        new = commit_side(root, revisions[1][0], revisions[1][1], pathspecs)
    else:
        new = worktree_side(root, pathspecs)
    _check_paths(pathspecs, paths, (old, new))
    return old, new


def _from_root(root: Path, path: Path) -> str:
    relative = os.path.relpath(os.path.abspath(path), root)
    if relative.startswith(".."):
        raise TryggError(
            _("'{path}' is outside the repository {root}").format(path=path, root=root)
        )
    return relative.replace(os.sep, "/")


def _exists(path: Path) -> bool:
    """Whether ``path`` exists; a name too long for the system (a pasted blob, an attack)
    is no path rather than an internal error."""
    try:
        return path.exists()
    except OSError:
        return False


def _revisions_and_paths(
    root: Path, cwd: Path, arguments: Sequence[str]
) -> tuple[list[tuple[str, str]], list[str]]:
    """Up to two revisions first (``(commit, label)``), then paths, as git reads them."""
    revisions: list[tuple[str, str]] = []  # (commit, label)
    paths: list[str] = []
    for argument in arguments:
        is_path = _exists(cwd / argument)
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
        if not is_path and not paths and len(revisions) < 2:
            raise TryggError(
                _("'{argument}' is neither a revision (commit, branch, tag) nor a file").format(
                    argument=show(argument)
                )
            )
        paths.append(argument)
    return revisions, paths


def _check_paths(pathspecs: Sequence[str], paths: Sequence[str], sides: Sequence[Side]) -> None:
    """Stop when a path given has no YAML files in one of the versions."""
    for spec, given in zip(pathspecs, paths, strict=True):
        for side in sides:
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
