"""Ignore comment that suppresses nothing.

What:
  A `# trygg: ignore[ID] reason` comment that covers no finding of the rules it names, or
  names a rule that does not exist.

Why:
  Once the text it was written for has been fixed, a leftover suppression silently hides
  the next real finding on those lines. A misspelt rule id hides nothing at all, while
  the writer believes it does.

How to fix:
  Remove the comment, or correct the rule id (`trygg rules` lists them).

Passing example:
  # trygg: ignore[TRY501] the source really says "XX-talet"
  text: Under XX-talet ...

Failing example:
  # trygg: ignore[TRY501] old placeholder, since fixed
  text: Beslutat av kommunstyrelsen 2023-04-12.
"""

from __future__ import annotations

from trygg_cli.findings import Severity

ID = "TRY002"
NAME = "unused-suppression"
SEVERITY = Severity.WARNING
