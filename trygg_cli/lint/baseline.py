"""A baseline: the findings a workspace already had, so CI fails only on new ones.

A finding is matched by its file, its rule and the text of the line it is on (spaces
normalised) — not by line number, so adding a paragraph above it does not make an old
finding look new. Identical findings on identical lines are counted, not merged.

The file is meant to be committed, so every personnummer in it is masked: in the path,
the line's text and the message. Matching masks the same way, so a baseline written by
this trygg matches; one written before, with a number in it, does not, and lint reports
those findings until it is written again.
"""

from __future__ import annotations

import functools
import json
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

from trygg_cli.errors import TryggError
from trygg_cli.findings import Finding
from trygg_cli.i18n import _
from trygg_cli.identity_numbers import mask_text
from trygg_cli.lint.engine import relative_to
from trygg_cli.readfile import read_regular

VERSION = 1
SourceLine = Callable[[str, int], "str | None"]
Key = tuple[str, str, str]


def _key(finding: Finding, source_line: SourceLine, root: str | None) -> Key:
    text = _masked_line(source_line(finding.path, finding.line) or "")
    return (mask_text(relative_to(finding.path, root)), finding.rule, " ".join(text.split()))


@functools.lru_cache(maxsize=1024)
def _masked_line(text: str) -> str:
    """A source line masked (a line with many findings is asked for once each)."""
    return mask_text(text)


def render(findings: Sequence[Finding], source_line: SourceLine, root: str | None = None) -> str:
    """The baseline file's content for ``findings``."""
    entries = []
    for finding in findings:
        path, rule, line_text = _key(finding, source_line, root)
        entries.append(
            {
                "path": path,
                "rule": rule,
                "line_text": line_text,
                "message": mask_text(finding.message),
            }
        )
    payload = {"version": VERSION, "tool": "trygg", "findings": entries}
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


# A baseline of 100,000 findings is some 30 MB.
_MAX_BASELINE_BYTES = 64 * 1024 * 1024


def load(path: Path) -> Counter[Key]:
    """The findings recorded in a baseline file, counted by key."""
    try:
        payload = json.loads(read_regular(str(path), _MAX_BASELINE_BYTES).decode("utf-8"))
    except OSError as exc:
        raise TryggError(
            _("cannot read the baseline {path}: {reason}").format(
                path=path, reason=exc.strerror or exc
            )
        ) from None
    except (ValueError, RecursionError):  # RecursionError: arrays nested 100,000 deep
        raise TryggError(
            _("{path} is not a trygg baseline (not JSON); write one with --write-baseline").format(
                path=path
            )
        ) from None
    version = payload.get("version") if isinstance(payload, dict) else None
    if type(version) is not int or version != VERSION:
        raise TryggError(
            _(
                "{path} is not a trygg baseline of version {version}; write a new one with "
                "--write-baseline"
            ).format(path=path, version=VERSION)
        )
    counted: Counter[Key] = Counter()
    entries = payload.get("findings", [])
    if not isinstance(entries, list):
        entries = [None]
    for entry in entries:
        try:
            counted[(str(entry["path"]), str(entry["rule"]), str(entry["line_text"]))] += 1
        except (KeyError, TypeError):
            raise TryggError(
                _(
                    "{path} has an entry without path, rule or line_text; write a new baseline "
                    "with --write-baseline"
                ).format(path=path)
            ) from None
    return counted


def new_findings(
    findings: Sequence[Finding],
    known: Counter[Key],
    source_line: SourceLine,
    root: str | None = None,
) -> tuple[list[Finding], int]:
    """The findings not in the baseline, and how many were matched by it."""
    remaining = Counter(known)
    fresh: list[Finding] = []
    matched = 0
    for finding in findings:
        key = _key(finding, source_line, root)
        if remaining[key] > 0:
            remaining[key] -= 1
            matched += 1
        else:
            fresh.append(finding)
    return fresh, matched
