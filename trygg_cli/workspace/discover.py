"""Which files to read: the YAML files under the paths given, and reading one of them."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from trygg_cli.errors import TryggError
from trygg_cli.findings import Finding, Severity
from trygg_cli.i18n import _
from trygg_cli.readfile import NotARegularFile, TooLarge, read_regular, too_large

SUFFIXES = (".yaml", ".yml")
# Folders never entered: version control, environments, caches (and any hidden folder).
SKIP_DIRS = frozenset(
    (".git", ".hg", ".svn", ".venv", "venv", "node_modules", "__pycache__", ".trygg-cache")
)


def walk(folder: str | Path, outside: list[str] | None = None) -> Iterable[str]:
    """Every YAML file under ``folder``, in a stable order, skipping :data:`SKIP_DIRS`
    and hidden folders, and links that lead out of ``folder`` (a pull request can bring a
    link to a file anywhere on the machine); those are added to ``outside`` if given.
    Linked folders are not entered. (One ``scandir`` per folder: a national register
    has tens of thousands of files, and asking each whether it is a link costs more
    than listing them.)"""
    inside = os.path.join(os.path.realpath(folder), "")
    pending = [os.fspath(folder)]
    while pending:
        top = pending.pop()
        try:
            with os.scandir(top) as listing:
                entries = sorted(listing, key=lambda entry: entry.name)
        except OSError:
            continue  # as os.walk: a folder that cannot be listed is passed over
        folders = []
        for entry in entries:
            try:
                is_dir = entry.is_dir()
            except OSError:
                is_dir = False
            if is_dir:
                name = entry.name
                if name not in SKIP_DIRS and not name.startswith(".") and not entry.is_symlink():
                    folders.append(entry.path)
                continue
            if not entry.name.endswith(SUFFIXES):
                continue
            path = os.path.normpath(entry.path)
            if entry.is_symlink() and not os.path.realpath(path).startswith(inside):
                if outside is not None:
                    outside.append(path)
                continue
            yield path
        pending.extend(reversed(folders))


def discover(paths: Iterable[str], outside: list[str] | None = None) -> list[str]:
    """The YAML files under ``paths`` (files as given, directories recursed), sorted;
    links in the folders that lead out of them are added to ``outside`` instead.

    Hidden directories such as ``.git`` are not entered; files in them are still skipped
    later unless they carry the ``trygg:`` marker, so ``.github/`` workflows are never read
    as documents.
    """
    found: list[str] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            found.extend(walk(path, outside))
        elif path.exists() or path.is_symlink():
            found.append(str(path))
        else:
            raise TryggError(_("'{path}' does not exist").format(path=given))
    return sorted(dict.fromkeys(found))


def link_outside(path: str) -> Finding:
    """The warning for a link that :func:`walk` did not follow out of the folder."""
    message = _(
        "skipped: this link leads out of the folder being checked, and trygg does not "
        "follow links out of it; copy the file in instead"
    )
    return Finding(path, 1, 1, "link-outside", message, Severity.WARNING)


def named_files(paths: Iterable[str]) -> frozenset[str]:
    """The files among ``paths`` given by name (not found in a folder), as
    :func:`discover` lists them: each must be a trygg document."""
    return frozenset(str(Path(given)) for given in paths if not Path(given).is_dir())


def not_a_document(path: str, raw: bytes | None) -> Finding:
    """The error for a file named on the command line that is not a trygg document."""
    if raw is not None and b"\0" in raw[:8192]:
        reason = _("it is not a text file")
    else:
        reason = _("it has no 'trygg: 1' line at the top level")
    return Finding(
        path,
        1,
        1,
        "not-a-document",
        _(
            "this file was named to be checked, but it is not a trygg document: {reason}; "
            "a trygg document starts with 'trygg: 1' and 'kind:'"
        ).format(reason=reason),
    )


def read(path: str) -> bytes | Finding:
    """A file's bytes, or a finding that says why they could not be read: only regular
    files are read, and never more than :data:`~trygg_cli.readfile.MAX_FILE_BYTES`."""
    try:
        return read_regular(path)
    except NotARegularFile as exc:
        message = _("skipped: this is {what}, not a file; trygg reads only ordinary files")
        return Finding(path, 1, 1, "not-a-file", message.format(what=exc.what), Severity.WARNING)
    except TooLarge as exc:
        return Finding(path, 1, 1, "file-too-large", too_large(exc.size))
    except OSError as exc:
        return Finding(
            path,
            1,
            1,
            "read-error",
            _("the file could not be read: {reason}").format(reason=exc.strerror or exc),
        )


def size(path: str) -> int:
    """A file's size in bytes (0 when it cannot be read)."""
    try:
        return os.path.getsize(path)
    except OSError:
        return 0
