"""The cache as a workspace load uses it: a file's stored result, and a whole run's."""

from __future__ import annotations

import hashlib
import pickle
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from trygg_cli.cache import ResultCache, file_key
from trygg_cli.check.results import FileResult
from trygg_cli.findings import Finding
from trygg_cli.git import repository_root
from trygg_cli.workspace.discover import read

if TYPE_CHECKING:
    from trygg_cli.workspace.load import Workspace


def open_cache(given: list[str], fingerprint: str) -> ResultCache | None:
    """The cache of the repository that holds the first path given (None: outside one)."""
    start = Path(given[0]) if given else Path.cwd()
    return ResultCache.open(repository_root(start), fingerprint)


def key_of(path: str) -> str | None:
    """The cache key of a file's current bytes (None: it cannot be read)."""
    raw = read(path)
    return None if isinstance(raw, Finding) else file_key(path, raw)


def cached_file(store: ResultCache, path: str, keys: dict[str, str | None]) -> FileResult | None:
    """The stored result of ``path`` if its bytes are unchanged (and kept as current)."""
    if path in keys:
        key = keys[path]
    else:
        key = keys[path] = key_of(path)
    if key is None:
        return None
    result = store.get(key)
    if not isinstance(result, FileResult) or result.path != path:
        return None
    store.reuse(key)
    return result


def _run_key(keys: Mapping[str, str | None], files: list[str], named: frozenset[str]) -> str | None:
    """The key of a whole run: every file's path and content, in order, and whether it was
    named (a named file that is not a document is an error; found in a folder, skipped)."""
    digest = hashlib.sha256()
    for path in files:
        key = keys.get(path)
        if key is None:
            return None  # an unreadable file is checked again every time
        digest.update(key.encode("ascii") + (b"!\n" if path in named else b"\n"))
    return "run:" + digest.hexdigest()


def cached_run(
    store: ResultCache, keys: Mapping[str, str | None], named: frozenset[str]
) -> tuple[list[Finding], frozenset[str]] | None:
    """A whole run's findings and skipped files, if every file is as it was then."""
    run_key = _run_key(keys, list(keys), named)
    found: Any = store.get(run_key) if run_key is not None else None
    if not isinstance(found, tuple) or len(found) != 2:
        return None
    findings, skipped = found
    return findings, skipped


def keep_run(
    store: ResultCache,
    keys: Mapping[str, str | None],
    files: list[str],
    workspace: Workspace,
    named: frozenset[str],
) -> None:
    """Keep the run's outcome: the findings and which files were skipped, no more."""
    run_key = _run_key(keys, files, named)
    if run_key is None:
        return
    outcome = (workspace.findings, frozenset(workspace.skipped))
    store.add([run_key], pickle.dumps([outcome], protocol=pickle.HIGHEST_PROTOCOL))
