"""The footer stamp: from which file and which git commit a document was rendered, and when.

"Framställt av trygg från examples/molndal/lokal-2023.yaml (git-version 1a2b3c4d5e6f) den
25 november 2026." When the file has changes that are not committed, the stamp says so;
outside a git repository it names the file only. The day is ``--stamp-date``, else
``SOURCE_DATE_EPOCH`` (the reproducible-builds convention), else today, so that two runs
give the same bytes.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from trygg_cli import git
from trygg_cli.errors import TryggError
from trygg_cli.i18n import _
from trygg_cli.render.words import long_date


def stamp_day(given: date | None) -> date:
    """The day on the stamp: given, else SOURCE_DATE_EPOCH, else today."""
    if given is not None:
        return given
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        try:
            return datetime.fromtimestamp(int(epoch), UTC).date()
        except (ValueError, OverflowError, OSError):
            raise TryggError(
                _("SOURCE_DATE_EPOCH must be whole seconds since 1970, not '{value}'").format(
                    value=epoch
                )
            ) from None
    return date.today()


@dataclass(frozen=True)
class GitState:
    """What git says about the files being rendered: the commit and what has changed."""

    root: Path
    commit: str | None  # None in a repository without commits
    changed: frozenset[str]  # paths from the root with uncommitted changes (or untracked)


def git_state(paths: Iterable[str]) -> GitState | None:
    """The git state of the repository holding the first of ``paths``, or None."""
    first = next(iter(paths), None)
    if first is None:
        return None
    root = git.toplevel(Path(first).resolve())
    if root is None:
        return None
    commit = git.resolve(root, "HEAD")
    status = git.run(root, ["status", "--porcelain", "-z", "--untracked-files=all"])
    changed = set()
    entries = status.split(b"\0")
    skip = False
    for entry in entries:
        if skip:  # the old name of a rename
            skip = False
            continue
        if len(entry) < 4:
            continue
        code, path = entry[:2], entry[3:]
        changed.add(path.decode("utf-8", "surrogateescape"))
        skip = code[:1] in (b"R", b"C")
    return GitState(root, commit, frozenset(changed))


def relative_path(path: str, state: GitState) -> str | None:
    """``path`` from the repository's top folder, or None when it is outside it."""
    try:
        return Path(path).resolve().relative_to(state.root).as_posix()
    except ValueError:
        return None


def version_words(state: GitState, changed: bool) -> str:
    """' (git-version 1a2b3c4d5e6f)', with uncommitted changes said when ``changed``."""
    if state.commit is None:
        return " (ändringar som inte är incheckade i git)"
    if changed:
        return f" (git-version {state.commit[:12]} med ändringar som inte är incheckade)"
    return f" (git-version {state.commit[:12]})"


def stamp_text(path: str, day: date, state: GitState | None) -> str:
    """The footer sentence for the document read from ``path``."""
    shown, version = path, ""
    if state is not None:
        relative = relative_path(path, state)
        if relative is not None:
            shown = relative
            version = version_words(state, relative in state.changed)
    return f"Framställt av trygg från {shown}{version} den {long_date(day)}."
