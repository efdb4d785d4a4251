"""Ignore comment without a reason.

What:
  A `# trygg: ignore[ID]` comment with nothing written after the bracket.

Why:
  A suppression hides a finding from everyone who reads the report later: the steering
  group, the next coordinator, the auditor. Without a reason nobody can tell a deliberate
  decision ("the number is the police's public switchboard") from a shortcut.

How to fix:
  Write the reason after the bracket, on the same line.

Passing example:
  # trygg: ignore[TRY402] 114 14 is the police's public number
  text: Ring polisen på 114 14.

Failing example:
  # trygg: ignore[TRY402]
  text: Ring polisen på 114 14.
"""

from __future__ import annotations

from trygg_cli.findings import Severity

ID = "TRY001"
NAME = "suppression-without-reason"
SEVERITY = Severity.WARNING
