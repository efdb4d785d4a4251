"""Put the files' results together: one id per document, every reference resolved."""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Mapping

from trygg_cli.check.passes import PLACED_REFERENCES
from trygg_cli.check.results import DocIndex, FileResult, Ref, Target
from trygg_cli.findings import Finding, Severity
from trygg_cli.i18n import _
from trygg_cli.nouns import ITEM_NOUNS, KIND_NOUNS, KIND_WITH_ARTICLE
from trygg_cli.text import did_you_mean_aside
from trygg_cli.workspace.discover import read

Recheck = Callable[[str], list[Ref]]
"""A file's references with where each is written, read again (for the :class:`Target`
that turned out to point at nothing)."""


def references_of(path: str, raw: bytes | Finding | None) -> list[Ref]:
    """A file's references with where each is written (see :data:`Recheck`)."""
    if raw is None or isinstance(raw, Finding):
        return []
    from trygg_cli import check

    found = check.check_source(path, raw, passes=(PLACED_REFERENCES,)).refs
    return [ref for ref in found if isinstance(ref, Ref)]


def reread(path: str) -> list[Ref]:
    """:func:`references_of` the file on disk."""
    return references_of(path, read(path))


def assemble(
    results: list[FileResult], recheck: Recheck
) -> tuple[list[Finding], dict[str, FileResult]]:
    """The sorted findings of all ``results`` (theirs, duplicate document ids, dangling
    references) and the result that holds each document id (the first file to use it)."""
    findings: list[Finding] = []
    index: dict[str, DocIndex] = {}
    by_id: dict[str, FileResult] = {}
    for result in results:
        findings.extend(result.findings)
        doc = result.index
        if doc is None:
            continue
        first = index.get(doc.doc_id)
        if first is not None:
            findings.append(_duplicate_document(doc, first))
            continue
        index[doc.doc_id] = doc
        by_id[doc.doc_id] = result
    kinds = Kinds(lambda: ((doc.doc_id, doc.kind) for doc in index.values()))
    for result in results:
        findings.extend(dangling(result, index, kinds, recheck))
    return sorted(findings), by_id


def resolve_file(
    result: FileResult, index: Mapping[str, DocIndex], kinds: Kinds, recheck: Recheck
) -> list[Finding]:
    """One file's findings once the workspace is put together: its own, a duplicate
    document id, and its dangling references (:func:`assemble`, for one file: what the
    incremental run in :mod:`trygg_cli.workspace.incremental` redoes for a few files)."""
    findings = list(result.findings)
    doc = result.index
    if doc is not None:
        first = index.get(doc.doc_id)
        if first is not None and first.path != doc.path:
            findings.append(_duplicate_document(doc, first))
    findings.extend(dangling(result, index, kinds, recheck))
    return findings


def dangling(
    result: FileResult, index: Mapping[str, DocIndex], kinds: Kinds, recheck: Recheck
) -> list[Finding]:
    """The findings of the references of ``result`` that point at nothing."""
    found = []
    for ref in result.refs:
        if _resolves(ref, index):
            continue
        for written in _written(ref, result.path, recheck):
            finding = _dangling(written, index, kinds)
            if finding is not None:
                found.append(finding)
    return found


def _written(ref: Ref | Target, path: str, recheck: Recheck) -> list[Ref]:
    """Each place ``ref`` is written (a file changed since it was checked: its start)."""
    if isinstance(ref, Ref):
        return [ref]
    places = [r for r in recheck(path) if (r[4], r[5], r[6], r[7]) == ref]
    return places or [Ref(path, 1, 1, (), *ref)]


class Kinds:
    """The document ids of each kind, for a did-you-mean; made at the first dangling link
    to a document from the (id, kind) pairs that ``pairs`` gives."""

    def __init__(self, pairs: Callable[[], Iterable[tuple[str, str]]]) -> None:
        self._pairs = pairs
        self._ids: dict[str | None, _Ids] | None = None

    def get(self, kind: str | None) -> _Ids | None:
        if self._ids is None:
            grouped: dict[str | None, list[str]] = {None: []}
            for doc_id, doc_kind in self._pairs():
                grouped.setdefault(doc_kind, []).append(doc_id)
            self._ids = {k: _Ids(ids) for k, ids in grouped.items()}
        return self._ids.get(kind)


# More ids of one kind than this, and a did-you-mean compares the wrong id only with its
# neighbours in sorted order, from the front and from the back (a national register has
# tens of thousands; comparing each with every dangling link made resolving grow with
# their product).
_MANY = 400


class _Ids:
    """The document ids of one kind, sorted from the front and from the back."""

    def __init__(self, ids: list[str]) -> None:
        self.forward = sorted(ids)
        self.backward = sorted(i[::-1] for i in ids)

    def near(self, wrong: str) -> list[str]:
        """The ids worth comparing with ``wrong``."""
        if len(self.forward) <= _MANY:
            return self.forward
        half = _MANY // 4
        at = bisect.bisect(self.forward, wrong)
        back = bisect.bisect(self.backward, wrong[::-1])
        return [
            *self.forward[max(0, at - half) : at + half],
            *(i[::-1] for i in self.backward[max(0, back - half) : back + half]),
        ]


def _duplicate_document(doc: DocIndex, first: DocIndex) -> Finding:
    return Finding(
        doc.path,
        doc.line,
        doc.column,
        "duplicate-id",
        _(
            "the document id '{id}' is already used in {other}:{line}; "
            "give each document its own id"
        ).format(id=doc.doc_id, other=first.path, line=first.line),
        Severity.ERROR,
        ("id",),
    )


def _resolves(ref: Ref | Target, index: Mapping[str, DocIndex]) -> bool:
    """The common case, a reference that resolves (or that is not judged), answered fast:
    there are tens of thousands of them in a national corpus."""
    if ref.collection == "document":
        target = index.get(ref.target_id)
        return target is not None and (not ref.expect_kind or target.kind == ref.expect_kind)
    target = index.get(ref.target_doc)
    if target is None or not target.complete:
        return True  # reported once, at the link to the document itself
    return ref.target_id in target.collections.get(ref.collection, ())


def _at(ref: Ref, message: str) -> Finding:
    return Finding(
        ref.path,
        ref.line,
        ref.column,
        "dangling-reference",
        message,
        Severity.ERROR,
        ref.yaml_path,
    )


def _dangling(ref: Ref, index: Mapping[str, DocIndex], kinds: Kinds) -> Finding | None:
    """A finding when ``ref`` points at nothing, else ``None``."""
    if ref.collection == "document":
        return _dangling_document(ref, index, kinds)
    target = index[ref.target_doc]
    known = target.collections.get(ref.collection, set())
    where = (
        _("this document")
        if target.path == ref.path
        else _("{kind} '{id}'").format(kind=_(KIND_NOUNS[target.kind]), id=target.doc_id)
    )
    collection = ref.collection
    if collection == "participants" and not target.collections.get("actors"):
        collection = "parties"  # no actors there: it can only mean a party
    return _at(
        ref,
        _("the {noun} '{id}' is not in {where}{hint}; known: {listed}").format(
            noun=_(ITEM_NOUNS[collection]),
            id=ref.target_id,
            where=where,
            hint=did_you_mean_aside(ref.target_id, known),
            listed=", ".join(sorted(known)) or _("none"),
        ),
    )


def _dangling_document(ref: Ref, index: Mapping[str, DocIndex], kinds: Kinds) -> Finding | None:
    target = index.get(ref.target_id)
    if target is None:
        known = kinds.get(ref.expect_kind)
        same_kind = known.near(ref.target_id) if known is not None else []
        return _at(
            ref,
            _(
                "there is no {noun} with id '{id}' in the files checked{hint}; "
                "check the id or add its file"
            ).format(
                noun=_(KIND_NOUNS.get(ref.expect_kind or "", "document")),
                id=ref.target_id,
                hint=did_you_mean_aside(ref.target_id, same_kind),
            ),
        )
    if ref.expect_kind and target.kind != ref.expect_kind:
        return _at(
            ref,
            _("'{id}' is {actual} ({path}), but {wanted} is needed here").format(
                id=ref.target_id,
                actual=_(KIND_WITH_ARTICLE[target.kind]),
                path=target.path,
                wanted=_(KIND_WITH_ARTICLE[ref.expect_kind]),
            ),
        )
    return None
