"""Check one file: YAML, version marker, kind and schema, then the passes asked for.

This is the per-file half of ``trygg validate``: it needs no other file, so it can run in
worker processes. The file is read once into a :class:`~trygg_cli.check.passes.ParsedFile`
and handed to each pass (the features bring theirs); references between documents are
resolved afterwards, over the whole workspace, by :mod:`trygg_cli.workspace`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from pydantic import ValidationError

from trygg_cli.check.marker import WIDE, as_text
from trygg_cli.check.municipality import municipality_finding
from trygg_cli.check.passes import REFERENCES, ParsedFile, Passes
from trygg_cli.check.references import duplicate_ids, id_lists, raw_index, salvaged_index
from trygg_cli.check.results import FileResult
from trygg_cli.check.schema_errors import At, schema_error_finding
from trygg_cli.findings import Finding, Severity
from trygg_cli.i18n import _
from trygg_cli.model import KINDS, VERSION
from trygg_cli.text import did_you_mean, show
from trygg_cli.yamlload import YamlError, decode, load, locate

# ``trygg:`` as a key: at the start of a line (after a byte-order mark, or a lone CR, which
# YAML also takes as a line break), quoted or not, or inside a flow mapping
# (``{trygg: 1, …}``). A match only means "parse it": a file whose top level turns out not
# to hold the key is still skipped.
_MARKER = re.compile(
    rb"(?:^|\r|[{,])[ \t]*(?:-[ \t]+)*(?:\xef\xbb\xbf)?[\"']?trygg[\"']?[ \t]*:", re.MULTILINE
)
_TEXT_MARKER = re.compile(
    r"(?:^|\r|[{,])[ \t]*(?:-[ \t]+)*\ufeff?[\"']?trygg[\"']?[ \t]*:", re.MULTILINE
)

DEFAULT_PASSES: Passes = (REFERENCES,)
# Schema errors listed one by one per file (a file of 100,000 unknown keys would otherwise
# take seconds to report, and no one reads past the first screen).
MAX_SCHEMA_FINDINGS = 200


def is_trygg_text(raw: bytes) -> bool:
    """Quick test for the ``trygg:`` marker at the start of a line, before parsing (in
    UTF-8, with or without a byte-order mark, or in UTF-16 or UTF-32 with one)."""
    if _MARKER.search(raw) is not None:
        return True
    if raw.startswith(tuple(bom for bom, _encoding in WIDE)):
        return _TEXT_MARKER.search(as_text(raw)) is not None
    return False


def check_source(path: str, raw: bytes, passes: Passes = DEFAULT_PASSES) -> FileResult:
    """Check one file's bytes and run ``passes`` on it; never raises for bad input, every
    problem is a finding.

    The passes run on every trygg file whose text could be decoded, whatever its errors
    (a pass looks at what :class:`ParsedFile` holds); each one's output is kept under its
    name in :attr:`FileResult.outputs`, the core's reference pass's in ``refs``.
    """
    if not is_trygg_text(raw):
        return _without_marker(path, raw)
    result = FileResult(path, checked=True)
    try:
        text = decode(raw)
    except YamlError as exc:
        result.findings.append(_yaml_finding(path, exc))
        return result
    parsed = ParsedFile(path, text)
    try:
        loaded = load(text)
    except YamlError as exc:
        result.findings.append(_yaml_finding(path, exc))
        result.index = salvaged_index(path, text)
    else:
        if _a_listed_document(loaded.data):
            result.findings.append(_a_list(path))
            return result
        if not isinstance(loaded.data, dict) or "trygg" not in loaded.data:
            return _without_marker(path, raw)
        parsed.root, parsed.data = loaded.root, loaded.data
        _check_document(parsed, result)
    _run_passes(passes, parsed, result)
    return result


def _without_marker(path: str, raw: bytes) -> FileResult:
    """A file without the marker: skipped, unless it looks like a trygg document whose
    marker is missing or misspelt (then a warning says how to fix it)."""
    from trygg_cli.check.marker import near_miss

    found = near_miss(path, raw)
    if found is None:
        return FileResult(path, checked=False)
    return FileResult(path, checked=True, findings=[found])


def _more(path: str, count: int) -> Finding:
    """The finding that stands for the schema errors not listed one by one."""
    message = _(
        "{count} more problems of this kind in this file are not listed; fix the ones "
        "above and check again"
    )
    return Finding(path, 1, 1, "more-problems", message.format(count=count))


def _a_listed_document(data: Any) -> bool:
    """Whether ``data`` is a list (of lists …) that holds a mapping with ``trygg:``."""
    if not isinstance(data, list):
        return False
    items = data
    for _depth in range(8):
        if any(isinstance(item, dict) and "trygg" in item for item in items):
            return True
        items = [inner for item in items if isinstance(item, list) for inner in item]
    return False


def _a_list(path: str) -> Finding:
    """The error for a file whose top level is a list of documents."""
    message = _(
        "this file is a list ('- trygg: 1' …), but a trygg document is one mapping per "
        "file; remove the '- ' before 'trygg: 1' and indent the rest as the top level"
    )
    return Finding(path, 1, 1, "not-a-mapping", message)


def _yaml_finding(path: str, exc: YamlError) -> Finding:
    return Finding(path, exc.line + 1, exc.column + 1, exc.rule, exc.message)


def _locator(parsed: ParsedFile) -> At:
    def at(loc: Sequence[str | int], rule: str, message: str, *, at_key: bool = False) -> Finding:
        line, column = locate(parsed.root, loc, at_key=at_key)
        return Finding(parsed.path, line + 1, column + 1, rule, message, Severity.ERROR, tuple(loc))

    return at


def _check_document(parsed: ParsedFile, result: FileResult) -> None:
    """Version, kind and schema: sets ``parsed.kind`` and, when valid, ``parsed.document``."""
    data: dict[str, Any] = parsed.data
    at = _locator(parsed)
    problem = _version_or_kind_problem(data, at)
    if problem is not None:
        result.findings.append(problem)
        return
    kind: str = data["kind"]
    model = KINDS[kind]
    parsed.kind = kind
    lists = id_lists(kind, data)
    result.index = raw_index(parsed.path, data, kind, parsed.root, lists)
    try:
        document = model.model_validate(data)
    except ValidationError as exc:
        errors = exc.errors(include_url=False)
        for error in errors[:MAX_SCHEMA_FINDINGS]:
            result.findings.append(schema_error_finding(error, model, at))
        if len(errors) > MAX_SCHEMA_FINDINGS:
            result.findings.append(_more(parsed.path, len(errors) - MAX_SCHEMA_FINDINGS))
        if result.index is not None:
            result.index.complete = False
        return
    result.findings.extend(duplicate_ids(lists, at))
    unknown = municipality_finding(data, at)
    if unknown is not None:
        result.findings.append(unknown)
    parsed.document = document


def _version_or_kind_problem(data: dict[str, Any], at: At) -> Finding | None:
    version = data.get("trygg")
    if type(version) is not int or version != VERSION:  # not 'true' or '1.0', which equal 1
        return at(
            ("trygg",),
            "unsupported-version",
            _(
                "this file says 'trygg: {version}', but this trygg reads version {supported}; "
                "write 'trygg: {supported}' or update trygg"
            ).format(version=_as_written(version), supported=VERSION),
        )
    kind = data.get("kind")
    if kind is None:
        return at(
            (),
            "missing-field",
            _("'kind' is missing; add 'kind:' with one of: {kinds}").format(kinds=", ".join(KINDS)),
        )
    if not isinstance(kind, str) or kind not in KINDS:
        return at(
            ("kind",),
            "unknown-kind",
            _("'{kind}' is not a kind of trygg document{hint}").format(
                kind=show(kind), hint=did_you_mean(str(kind), list(KINDS))
            ),
        )
    return None


def _as_written(value: object) -> str:
    """A YAML value as YAML writes it ('true', not Python's 'True')."""
    if isinstance(value, bool) or value is None:
        return {True: "true", False: "false", None: "null"}[value]
    return show(value)


def _run_passes(passes: Passes, parsed: ParsedFile, result: FileResult) -> None:
    for each in passes:
        output = each.run(parsed)
        if output is None:
            continue
        if each.name == REFERENCES.name:  # the core's own pass: the workspace resolves them
            result.refs = output
        else:
            result.outputs[each.name] = output
