"""``trygg lint --statistics``: how many findings each rule has, most first (as ruff's)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from trygg_cli.findings import Finding
from trygg_cli.report.base import ReportContext


def statistics(findings: Sequence[Finding], ctx: ReportContext) -> str:
    """One line per rule: the count, the rule id and its name; the most frequent first,
    then by rule id. Empty when there are no findings."""
    counts = Counter(f.rule for f in findings)
    if not counts:
        return ""
    rows = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    width = len(str(rows[0][1]))
    id_width = max(len(rule) for rule in counts)
    out = []
    for rule, count in rows:
        info = ctx.rules.get(rule)
        name = info.name if info is not None and info.name != rule else ""
        out.append(f"{count:>{width}}  {rule:<{id_width}}  {name}".rstrip())
    return "\n".join(out) + "\n"
