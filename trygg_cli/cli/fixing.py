"""``--fix`` and ``--diff``, shared by validate and lint: the options and one run of the
fixes (``trygg_cli.fix`` does the work; this prints)."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import Annotated

import typer

from trygg_cli.cli.terminal import err
from trygg_cli.findings import Finding
from trygg_cli.i18n import _

FixOption = Annotated[
    bool,
    typer.Option(
        "--fix",
        help=_(
            "Fix the problems whose fix is certain (a misspelt key or value with one "
            "possible meaning, a Swedish unit word, a misspelt 'trygg:'), then report the rest."
        ),
    ),
]
DiffOption = Annotated[
    bool,
    typer.Option(
        "--diff",
        help=_("Show what --fix would change as a diff, and change nothing."),
    ),
]


def apply_fixes(findings: Sequence[Finding], *, diff: bool) -> int:
    """Fix what is certain (or, with ``diff``, print it as a diff on stdout); how many
    problems were (or would be) fixed. Says so, and what was left out, on stderr."""
    from trygg_cli import fix

    plan = fix.plan(findings)
    if diff:
        from trygg_cli.identity_numbers import mask_text

        # For people to read, often in a CI log: a personnummer in a line shown is masked.
        lines = fix.unified_diff(plan).splitlines(keepends=True)
        sys.stdout.write("".join(map(mask_text, lines)))
    else:
        plan = fix.write(plan)
    for sentence in fix.sentences(plan, written=not diff):
        err(sentence)
    return plan.count
