"""Small typed wrappers around the git command line (diff reads revisions, render stamps
the commit, the cache finds the repository).

git is always called with an argument list (never through a shell), paths come after
``--`` and literally (``GIT_LITERAL_PATHSPECS``), and a revision that starts with '-' is
refused before git sees it, so nothing a user typed can be taken for an option. Every
failure becomes a :class:`TryggError` with one line a coordinator can act on.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from trygg_cli.errors import TryggError
from trygg_cli.i18n import _


@dataclass(frozen=True)
class Blob:
    """A file in a commit: its path from the repository root and its blob id."""

    path: str
    blob: str


def _git() -> str:
    found = shutil.which("git")
    if found is None:
        raise TryggError(_("git is not installed; comparing revisions needs git"))
    return found


def run(root: Path, args: Sequence[str], *, stdin: bytes | None = None) -> bytes:
    """``git ARGS`` in ``root``; its output, or a TryggError with git's first line."""
    # Paths are paths: ':(exclude)x' or '*' in a file name is not pathspec magic.
    env = {**os.environ, "GIT_TERMINAL_PROMPT": "0", "LC_ALL": "C", "GIT_LITERAL_PATHSPECS": "1"}
    try:
        done = subprocess.run(
            [_git(), *args], cwd=root, input=stdin, capture_output=True, env=env, check=False
        )
    except OSError as exc:
        raise TryggError(_("git could not be run: {reason}").format(reason=exc)) from None
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise TryggError(
            _("git failed: {message}").format(message=message[0] if message else done.returncode)
        )
    return done.stdout


def repository_root(start: Path) -> Path | None:
    """The nearest folder at or above ``start`` that holds ``.git`` (no git needed: the
    cache and the configuration look for it on every run)."""
    resolved = start.resolve()
    return next((f for f in (resolved, *resolved.parents) if (f / ".git").exists()), None)


def require() -> None:
    """Stop with "git is not installed" when it is not."""
    _git()


def toplevel(start: Path) -> Path | None:
    """The top folder of the git repository holding ``start`` as git sees it, or ``None``
    when it is not in one (or git is not installed)."""
    folder = start if start.is_dir() else start.parent
    try:
        out = run(folder, ["rev-parse", "--show-toplevel"])
    except TryggError:
        return None
    return Path(out.decode("utf-8", "surrogateescape").rstrip("\n"))


def resolve(root: Path, revision: str) -> str | None:
    """The commit id ``revision`` names, or None when it names none."""
    if not revision or revision.startswith("-"):
        return None
    try:
        out = run(root, ["rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}"])
    except TryggError:
        return None
    return out.decode("ascii").strip() or None


def commit(root: Path, revision: str) -> str:
    """Like :func:`resolve`, but an unknown revision is an error."""
    found = resolve(root, revision)
    if found is None:
        raise TryggError(
            _("'{revision}' is not a commit, branch or tag in this repository").format(
                revision=revision
            )
        )
    return found


def merge_base(root: Path, left: str, right: str) -> str:
    """The commit where ``left`` and ``right`` diverged (for ``A...B``)."""
    out = run(root, ["merge-base", left, right])  # commit ids, never options
    return out.decode("ascii").strip()


def files(root: Path, commit_id: str, pathspecs: Iterable[str] = ()) -> list[Blob]:
    """Every file in ``commit_id`` (under ``pathspecs``, relative to the root)."""
    out = run(root, ["ls-tree", "-r", "-z", "--full-tree", commit_id, "--", *pathspecs])
    blobs = []
    for entry in out.split(b"\0"):
        if not entry:
            continue
        meta, _tab, path = entry.partition(b"\t")
        mode, kind, blob = meta.split(b" ")
        if kind == b"blob" and mode != b"120000":  # a symbolic link is not a document
            blobs.append(Blob(path.decode("utf-8", "surrogateescape"), blob.decode("ascii")))
    return blobs


def read_blobs(root: Path, blob_ids: Sequence[str]) -> dict[str, bytes]:
    """The contents of many blobs in one ``git cat-file --batch``."""
    if not blob_ids:
        return {}
    out = run(root, ["cat-file", "--batch"], stdin="".join(f"{b}\n" for b in blob_ids).encode())
    contents: dict[str, bytes] = {}
    at = 0
    for blob in blob_ids:
        header_end = out.index(b"\n", at)
        header = out[at:header_end].split(b" ")
        if len(header) != 3:
            raise TryggError(_("git could not read {blob}").format(blob=blob))
        size = int(header[2])
        start = header_end + 1
        contents[blob] = out[start : start + size]
        at = start + size + 1
    return contents


def blob_id(raw: bytes) -> str:
    """The id git gives a file with these bytes (to see unchanged working-tree files)."""
    import hashlib

    return hashlib.sha1(b"blob %d\0" % len(raw) + raw, usedforsecurity=False).hexdigest()
