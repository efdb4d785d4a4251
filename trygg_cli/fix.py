"""``--fix`` and ``--diff``: apply the fixes that are certain to the files on disk.

A finding may carry a :class:`~trygg_cli.findings.Fix` (an enum value with one possible
meaning, a misspelt key with one close candidate, a near-miss format marker). The fixes of
a file are applied one at a time with ruamel.yaml round-trip (:mod:`trygg_cli.yamledit`);
each must change its finding's line and no other, or it is left out with the reason. A
file is written atomically, and not at all when it changed since trygg read it.
"""

from __future__ import annotations

import codecs
import difflib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from trygg_cli.findings import Finding, Fix
from trygg_cli.i18n import N_, _, plural
from trygg_cli.text import show
from trygg_cli.yamledit import changed_lines, dump, round_trip
from trygg_cli.yamlload.positions import value_at


class _Refused(Exception):
    """A fix that cannot be applied safely; the message says why."""


@dataclass(frozen=True)
class FileFixes:
    """One file's text as read and as fixed, and the findings the fixes resolve."""

    path: str
    raw: bytes
    before: str
    after: str
    bom: bool
    fixed: tuple[Finding, ...]


@dataclass
class FixPlan:
    """The files with fixes, and the fixes left out with the reason for each."""

    files: list[FileFixes] = field(default_factory=list)
    left_out: list[tuple[Finding, str]] = field(default_factory=list)

    @property
    def count(self) -> int:
        return sum(len(f.fixed) for f in self.files)


def plan(findings: Iterable[Finding]) -> FixPlan:
    """The certain fixes among ``findings``, applied in memory, file by file."""
    by_path: dict[str, list[Finding]] = {}
    seen: set[tuple[str, Fix]] = set()
    for finding in sorted(findings):
        if finding.fix is not None and (finding.path, finding.fix) not in seen:
            seen.add((finding.path, finding.fix))
            by_path.setdefault(finding.path, []).append(finding)
    result = FixPlan()
    for path, fixable in by_path.items():
        _plan_file(path, fixable, result)
    return result


def _plan_file(path: str, fixable: Sequence[Finding], result: FixPlan) -> None:
    try:
        raw = Path(path).read_bytes()
        bom = raw.startswith(codecs.BOM_UTF8)
        before = raw[len(codecs.BOM_UTF8) if bom else 0 :].decode("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = _("cannot read the file: {reason}").format(reason=show(exc))
        result.left_out.extend((finding, reason) for finding in fixable)
        return
    text = before
    fixed: list[Finding] = []
    for finding in fixable:
        try:
            text = _apply(text, finding)
        except _Refused as exc:
            result.left_out.append((finding, str(exc)))
        else:
            fixed.append(finding)
    if fixed:
        result.files.append(FileFixes(path, raw, before, text, bom, tuple(fixed)))


def _apply(text: str, finding: Finding) -> str:
    """``text`` with ``finding``'s fix applied, when only the finding's line changes."""
    fix = finding.fix
    assert fix is not None
    yaml = round_trip(text)
    if yaml is None:
        raise _Refused(_("trygg cannot rewrite this file without changing its layout"))
    data = yaml.load(text)
    parent = value_at(data, fix.yaml_path[:-1])
    last = fix.yaml_path[-1] if fix.yaml_path else None
    if fix.kind == "value":
        _set_value(parent, last, fix)
    else:
        _rename_key(parent, last, fix)
    new = dump(yaml, data)
    if changed_lines(text, new) != {finding.line}:
        raise _Refused(_("fixing it would change other lines of the file"))
    return new


def _set_value(parent: Any, last: str | int | None, fix: Fix) -> None:
    current = value_at(parent, (last,)) if last is not None else None
    if not isinstance(current, str) or str(current) != fix.old:
        raise _Refused(_("the file no longer says '{old}' there").format(old=show(fix.old)))
    # Keep the quotes the value was written with (ruamel's string types keep them).
    parent[last] = fix.new if type(current) is str else type(current)(fix.new)


def _rename_key(mapping: Any, last: str | int | None, fix: Fix) -> None:
    from ruamel.yaml.comments import CommentedMap

    if not isinstance(mapping, CommentedMap) or last != fix.old or fix.old not in mapping:
        raise _Refused(_("the file no longer says '{old}' there").format(old=show(fix.old)))
    if fix.new in mapping:
        raise _Refused(
            _("'{key}' is already there; keep one of the two by hand").format(key=fix.new)
        )
    position = list(mapping).index(fix.old)
    value = mapping[fix.old]
    comment = mapping.ca.items.pop(fix.old, None)
    del mapping[fix.old]
    mapping.insert(position, fix.new, value)
    if comment is not None:
        mapping.ca.items[fix.new] = comment


def write(fixes: FixPlan) -> FixPlan:
    """Write the fixed files; the plan of what was written (a file that changed on disk
    since it was read is not written, and its fixes are left out)."""
    from trygg_cli.atomicfile import write_atomic

    done = FixPlan(left_out=list(fixes.left_out))
    for file in fixes.files:
        path = Path(file.path)
        try:
            unchanged = path.read_bytes() == file.raw
        except OSError:
            unchanged = False
        if not unchanged:
            reason = _("the file changed while trygg was fixing it; run trygg again")
            done.left_out.extend((finding, reason) for finding in file.fixed)
            continue
        write_atomic(path, ("\ufeff" if file.bom else "") + file.after)
        done.files.append(file)
    return done


def unified_diff(fixes: FixPlan) -> str:
    """The fixes as a unified diff, file by file (``a/path`` → ``b/path``)."""
    out: list[str] = []
    for file in fixes.files:
        out.extend(
            difflib.unified_diff(
                file.before.splitlines(keepends=True),
                file.after.splitlines(keepends=True),
                fromfile=f"a/{file.path}",
                tofile=f"b/{file.path}",
            )
        )
    return "".join(out)


def sentences(fixes: FixPlan, *, written: bool) -> list[str]:
    """For stderr: each fix left out and why, then ``Fixed 3 problems in 2 files.`` (or
    ``Would fix …`` for ``--diff``)."""
    out = [
        _("{path}:{line}:{column}: not fixed: {reason}").format(
            path=finding.path, line=finding.line, column=finding.column, reason=reason
        )
        for finding, reason in fixes.left_out
    ]
    problems = plural(fixes.count, N_("{n} problem"), N_("{n} problems"))
    files = plural(len(fixes.files), N_("{n} file"), N_("{n} files"))
    if written:
        out.append(_("Fixed {problems} in {files}.").format(problems=problems, files=files))
    else:
        out.append(_("Would fix {problems} in {files}.").format(problems=problems, files=files))
    return out
