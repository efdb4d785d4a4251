"""What checking a file yields: its findings, its index entry, its references and what
each pass (see :mod:`trygg_cli.check.passes`) took out of it.

Free of heavy imports, so that a run that takes every result from the cache never loads
the YAML parser or the pydantic models.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from functools import partial
from typing import Any, NamedTuple

from trygg_cli.findings import Finding, YamlPath

# The rule of a file that looks like a document but lacks its marker (check/marker.py);
# here, where the workspace can read it without loading the parser or the models.
MISSING_MARKER = "missing-marker"


class Ref(NamedTuple):
    """A reference from one place in a document to a document or to an item in one
    (a named tuple: a corpus has tens of thousands, and tuples unpickle fastest; see
    :meth:`FileResult.__reduce__`)."""

    path: str
    line: int
    column: int
    yaml_path: YamlPath
    target_doc: str
    collection: str  # "document" or an item collection such as "priorities"
    target_id: str
    expect_kind: str | None = None
    via: str | None = None  # the referring doc's own link that names target_doc


class Target(NamedTuple):
    """Where a reference points, without where it is written: what the workspace keeps of
    each distinct reference of a file (a national register has a million references, and
    only the few that point at nothing need their place, found again when they do)."""

    target_doc: str
    collection: str
    target_id: str
    expect_kind: str | None = None


@dataclass
class DocIndex:
    """What other files need to know about a document: its id, kind and item ids."""

    doc_id: str
    kind: str
    path: str
    line: int
    column: int
    collections: Mapping[str, Collection[str]]
    complete: bool


@dataclass
class FileResult:
    """The outcome of checking one file.

    ``refs`` are the references the core's own pass collected (resolved across the
    workspace); ``outputs`` holds, by pass name, what the features' passes returned.
    """

    path: str
    checked: bool
    findings: list[Finding] = field(default_factory=list)
    index: DocIndex | None = None
    refs: list[Ref] | list[Target] = field(default_factory=list)
    outputs: dict[str, Any] = field(default_factory=dict)

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        # A named tuple pickles through a Python-level call per instance, both ways; a
        # national corpus has some 65,000 references, and every result crosses a process
        # boundary and goes into the cache. Plain tuples, and C-level calls to make them
        # Refs again, take a third of the time.
        return _file_result, (
            self.path,
            self.checked,
            self.findings,
            self.index,
            list(map(tuple, self.refs)),
            self.outputs,
            bool(self.refs) and type(self.refs[0]) is Target,
        )


_as_ref = partial(tuple.__new__, Ref)
_as_target = partial(tuple.__new__, Target)


def _file_result(
    path: str,
    checked: bool,
    findings: list[Finding],
    index: DocIndex | None,
    refs: list[tuple[Any, ...]],
    outputs: dict[str, Any],
    targets: bool = False,
) -> FileResult:
    made = list(map(_as_target, refs)) if targets else list(map(_as_ref, refs))
    return FileResult(path, checked, findings, index, made, outputs)
