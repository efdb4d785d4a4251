"""Validate a tree in which a few files changed since the last run, without loading the
others: the last run's findings per file, and who names which document, are kept in a
note (``links``) beside the cache's pack; a run checks the changed files, then puts
together again only the files whose findings can have changed:

- the changed files themselves;
- every file that names a document id a changed file held or now holds (its reference
  may now resolve, or dangle, or point at items that came or went);
- every file holding such an id (a duplicate id is reported at the second file);
- when the ids of some kind came or went, every file with a link to a document that is
  not there (its did-you-mean is chosen among all the ids of that kind).

Their results come from the pack, and each is resolved exactly as a whole run resolves
it (:func:`trygg_cli.workspace.resolve.resolve_file`); every other file keeps its
findings. Anything unusual (a file that cannot be read, many changes, a result missing
from the pack, other settings) and the run checks the whole tree as before.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from itertools import chain
from typing import Any

from trygg_cli.check.results import DocIndex, FileResult
from trygg_cli.findings import Finding
from trygg_cli.workspace.resolve import Kinds, Recheck, resolve_file

# More changed files than this, and checking the whole tree is as quick and simpler.
MAX_CHANGED = 64


@dataclass
class Links:
    """What the last run knew of each file, as the note keeps it."""

    settings: str
    keys: dict[str, str]  # path → cache key
    findings: dict[str, list[Finding]]  # path → its findings (files with none left out)
    skipped: frozenset[str]
    doc_of: dict[str, tuple[str, str]]  # path → its document's id and kind
    owners: dict[str, list[str]]  # document id → the files that hold it, in order
    targets: dict[str, tuple[str, ...]]  # path → the document ids it names
    uses: dict[str, set[str]]  # document id → the files that name it
    asks: frozenset[str]  # files with a link to a document that is not there


def links_of(
    settings: str,
    keys: Mapping[str, str | None],
    results: list[FileResult],
    findings: list[Finding],
) -> Links | None:
    """The note after a whole run (None: a file could not be read, or a finding belongs
    to no file checked, so the note could not be trusted)."""
    by_path: dict[str, list[Finding]] = {}
    paths = {r.path for r in results}
    for finding in findings:
        if finding.path not in paths:
            return None
        by_path.setdefault(finding.path, []).append(finding)
    known: dict[str, str] = {}
    for result in results:
        key = keys.get(result.path)
        if key is None:
            return None
        known[result.path] = key
    links = Links(settings, known, by_path, frozenset(), {}, {}, {}, {}, frozenset())
    links.skipped = frozenset(r.path for r in results if not r.checked)
    for result in results:
        _learn(links, result)
    links.asks = frozenset(r.path for r in results if _asks(r, links.owners))
    return links


def _targets(result: FileResult) -> tuple[str, ...]:
    return tuple(
        {(r.target_id if r.collection == "document" else r.target_doc): None for r in result.refs}
    )


def _learn(links: Links, result: FileResult) -> None:
    """Add what ``result`` holds and names (its file's earlier entries already gone)."""
    path = result.path
    if result.index is not None:
        links.doc_of[path] = (result.index.doc_id, result.index.kind)
        links.owners.setdefault(result.index.doc_id, []).append(path)
    targets = _targets(result)
    if targets:
        links.targets[path] = targets
    for target in targets:
        links.uses.setdefault(target, set()).add(path)


def _forget(links: Links, path: str) -> None:
    doc = links.doc_of.pop(path, None)
    if doc is not None:
        owners = links.owners[doc[0]]
        owners.remove(path)
        if not owners:
            del links.owners[doc[0]]
    for target in links.targets.pop(path, ()):
        users = links.uses[target]
        users.discard(path)
        if not users:
            del links.uses[target]
    links.findings.pop(path, None)


def _asks(result: FileResult, owners: Mapping[str, list[str]]) -> bool:
    return any(r.collection == "document" and r.target_id not in owners for r in result.refs)


def _first_kinds(links: Links, ids: Iterable[str]) -> dict[str, str | None]:
    """The kind of each id's first holder (what a did-you-mean compares by)."""
    return {i: (links.doc_of[links.owners[i][0]][1] if i in links.owners else None) for i in ids}


class _Index(Mapping[str, DocIndex]):
    """Each document id's index entry, from its first file's result, fetched on demand."""

    def __init__(self, owners: Mapping[str, list[str]], result: Callable[[str], FileResult | None]):
        self._owners = owners
        self._result = result

    def __getitem__(self, doc_id: str) -> DocIndex:
        holders = self._owners.get(doc_id)
        found = self._result(holders[0]) if holders else None
        if found is None or found.index is None:
            raise KeyError(doc_id)
        return found.index

    def __iter__(self) -> Iterator[str]:
        return iter(self._owners)

    def __len__(self) -> int:
        return len(self._owners)


def _relearn(
    links: Links, changed: list[str], touched: set[str], fresh: Mapping[str, FileResult]
) -> set[str]:
    """Learn the changed files anew; the files whose findings can have changed."""
    ids = {links.doc_of[p][0] for p in touched if p in links.doc_of}
    ids |= {r.index.doc_id for r in fresh.values() if r.index is not None}
    kinds_before = _first_kinds(links, ids)
    again = set(changed)
    for doc_id in ids:
        again |= links.uses.get(doc_id, set())
        again.update(links.owners.get(doc_id, ()))
    for path in touched:
        _forget(links, path)
    for path in sorted(changed):
        _learn(links, fresh[path])
    for doc_id in ids:
        holders = links.owners.get(doc_id)
        if holders:
            holders.sort()
            again.update(holders)
    if _first_kinds(links, ids) != kinds_before:
        again |= links.asks
    return again


def update(
    links: Links,
    keys: Mapping[str, str | None],
    files: list[str],
    check: Callable[[list[str]], dict[str, FileResult]],
    stored: Callable[[str, str], FileResult | None],
    recheck: Recheck,
) -> tuple[list[Finding], Links] | None:
    """The run's findings (outside links not included) and the note after it; None when
    the whole tree must be checked. ``check`` checks files now; ``stored`` gives a file's
    result kept under its key."""
    if any(keys[p] is None for p in files):
        return None
    now = set(files)
    changed = [p for p in files if links.keys.get(p) != keys[p]]
    removed = [p for p in links.keys if p not in now]
    if len(changed) + len(removed) > MAX_CHANGED:
        return None
    fresh = check(changed)
    touched = set(changed) | set(removed)
    again = _relearn(links, changed, touched, fresh) - set(removed)

    cache: dict[str, FileResult | None] = dict(fresh)

    def result(path: str) -> FileResult | None:
        if path not in cache:
            cache[path] = stored(path, links.keys[path])
        return cache[path]

    for path in changed:
        links.keys[path] = keys[path]  # type: ignore[assignment]  # none is None (above)
    for path in removed:
        del links.keys[path]
    index = _Index(links.owners, result)
    kinds = Kinds(lambda: ((i, links.doc_of[h[0]][1]) for i, h in links.owners.items()))
    asks = set(links.asks) - touched
    for path in sorted(again):
        found = result(path)
        if found is None:
            return None
        findings = resolve_file(found, index, kinds, recheck)
        if findings:
            links.findings[path] = findings
        else:
            links.findings.pop(path, None)
        asks.discard(path)
        if _asks(found, links.owners):
            asks.add(path)
    links.asks = frozenset(asks)
    links.skipped = frozenset(
        {p for p in links.skipped if p not in touched}
        | {p for p, r in fresh.items() if not r.checked}
    )
    return list(chain.from_iterable(links.findings.values())), links


def read_links(found: Any, settings: str) -> Links | None:
    """The note as read from the cache, if it is one and was made with ``settings``."""
    if isinstance(found, Links) and found.settings == settings:
        return found
    return None
