"""The cache as a workspace load uses it: each file's key, a file's stored result, and a
whole run's outcome.

A file's key is a hash of its path and bytes (:func:`trygg_cli.cache.file_key`). Reading
and hashing every file of a national register takes longer than the rest of a run from
the cache, so the key is remembered with the file's size, times and inode (the *stamps*
note, as git's index does): while those are as they were, the file is not read. A file
changed within :data:`_RACY_NS` before the stamps were written might change again within
the same tick of the clock without its times showing it, so its stamp is not trusted and
it is read again.
"""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from trygg_cli.cache import ResultCache, file_key
from trygg_cli.check.results import FileResult
from trygg_cli.findings import Finding
from trygg_cli.git import repository_root
from trygg_cli.readfile import MAX_FILE_BYTES
from trygg_cli.workspace.discover import read

if TYPE_CHECKING:
    from trygg_cli.workspace.load import Workspace

Stamp = tuple[int, int, int, int]  # size, modified, inode, changed (nanoseconds)
_RACY_NS = 2_000_000_000  # coarser than any file system's clock (FAT: 2 s)
_KEEP_MIN = 10_000
_FEW = 64  # files read again at most, or one in a hundred, before the note is written


def open_cache(given: list[str], fingerprint: str) -> ResultCache | None:
    """The cache of the repository that holds the first path given (None: outside one)."""
    start = Path(given[0]) if given else Path.cwd()
    return ResultCache.open(repository_root(start), fingerprint)


def stamp_of(path: str) -> Stamp | None:
    """A regular file's size and times (None: not one trygg reads, or gone)."""
    try:
        info = os.stat(path)
    except (OSError, ValueError):
        return None
    if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_FILE_BYTES:
        return None
    return info.st_size, info.st_mtime_ns, info.st_ino, info.st_ctime_ns


def key_of(path: str) -> tuple[str | None, Stamp | None]:
    """The cache key of a file's current bytes (None: it cannot be read) and its stamp,
    taken before it was read."""
    stamp = stamp_of(path)
    raw = read(path)
    return (None if isinstance(raw, Finding) else file_key(path, raw)), stamp


class FileKeys:
    """Every file's key, from the stamps note where the file is unchanged."""

    def __init__(self, store: ResultCache) -> None:
        found: Any = store.note("stamps")
        self.stamps: dict[str, tuple[int, int, int, int, str]] = {}
        self.trusted_before = 0
        if isinstance(found, dict):
            # By the clock the files' times come from, which need not be this machine's.
            self.trusted_before = store.note_time("stamps") - _RACY_NS
            self.stamps = found
        self.seen: dict[str, tuple[int, int, int, int, str]] = {}
        self.learnt = 0  # keys found by reading: when many, the note is worth writing

    def key(self, path: str) -> str | None:
        stamp = stamp_of(path)
        known = self.stamps.get(path)
        trusted = stamp is not None and stamp[1] < self.trusted_before
        if trusted and known is not None and known[:4] == stamp:
            self.seen[path] = known
            return known[4]
        key, stamp = key_of(path)
        self.learn(path, key, stamp)
        return key

    def learn(self, path: str, key: str | None, stamp: Stamp | None) -> None:
        """A key found by reading the file, with the stamp taken before reading it."""
        if key is not None and stamp is not None:
            self.seen[path] = (*stamp, key)
            self.learnt += 1

    def save(self, store: ResultCache) -> None:
        """Keep the stamps of this run's files, and of earlier ones up to a cap. A run
        that read only a few files leaves the note as it is: reading those few again next
        time costs less than writing the stamps of a whole register after every edit."""
        few = max(_FEW, len(self.seen) // 100)
        if not self.learnt or (self.stamps and self.learnt <= few):
            return
        kept = dict(self.seen)
        room = max(2 * len(kept), _KEEP_MIN) - len(kept)
        for path, stamp in self.stamps.items():
            if room <= 0:
                break
            if path not in kept:
                kept[path] = stamp
                room -= 1
        store.keep_note("stamps", kept)


def cached_file(
    store: ResultCache, path: str, keys: dict[str, str | None], file_keys: FileKeys
) -> FileResult | None:
    """The stored result of ``path`` if its bytes are unchanged (and kept as current)."""
    if path in keys:
        key = keys[path]
    else:
        key = keys[path] = file_keys.key(path)
    if key is None:
        return None
    result = store.get(key)
    if not isinstance(result, FileResult) or result.path != path:
        return None
    store.reuse(key)
    return result


Conclusion = Callable[["Workspace"], list[Finding]]
"""What a run makes of its whole workspace (lint: its rules across documents, the
suppressions); the run's outcome is then these findings, and a run whose files and
settings are all as before takes them from the cache."""


def _run_key(
    keys: Mapping[str, str | None], files: list[str], named: frozenset[str], settings: str
) -> str | None:
    """The key of a whole run: every file's path and content, in order, whether it was
    named (a named file that is not a document is an error; found in a folder, skipped),
    and the settings of what the run concludes."""
    digest = hashlib.sha256(settings.encode("utf-8", "surrogateescape") + b"\0")
    for path in files:
        key = keys.get(path)
        if key is None:
            return None  # an unreadable file is checked again every time
        digest.update(key.encode("ascii") + (b"!\n" if path in named else b"\n"))
    return "run:" + digest.hexdigest()


def cached_run(
    store: ResultCache, keys: Mapping[str, str | None], named: frozenset[str], settings: str
) -> tuple[list[Finding], frozenset[str]] | None:
    """A whole run's findings and skipped files, if every file is as it was then."""
    run_key = _run_key(keys, list(keys), named, settings)
    found: Any = store.note("run") if run_key is not None else None
    if not isinstance(found, tuple) or len(found) != 3 or found[0] != run_key:
        return None
    _key, findings, skipped = found
    return findings, skipped


def keep_run(
    store: ResultCache,
    keys: Mapping[str, str | None],
    files: list[str],
    outcome: tuple[list[Finding], frozenset[str]],
    named: frozenset[str],
    settings: str,
) -> None:
    """Keep the run's outcome: the findings and which files were skipped, no more."""
    run_key = _run_key(keys, files, named, settings)
    if run_key is not None:
        store.keep_note("run", (run_key, *outcome))
