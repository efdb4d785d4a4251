"""A personnummer or samordningsnummer in the text.

What:
  A Swedish personal identity number (personnummer) or coordination number
  (samordningsnummer) anywhere in a document's text: ten or twelve digits, with or
  without the '-', '+' or space before the last four, that form a real date of birth
  (for a samordningsnummer the day plus 60) and pass the check digit. The value is read
  as a reader sees it: YAML escapes decoded, any kind of dash or space, digits of any
  script (full-width, Arabic-Indic …), invisible characters (zero-width space, soft
  hyphen) left out, and Markdown's escapes, entities, emphasis, code spans and links
  undone. Diary numbers ("KS 2023/112"), dates, phone numbers, organisation numbers and
  long numbers whose check digit does not add up are not reported.

Why:
  Agreements, action plans and citizen promises are published on the municipality's
  website. A personnummer identifies a person and is personal data under the GDPR that
  may be processed only when clearly justified (lag (2018:218) 3 kap. 10 §); in SSPF or
  SIG work it can also reveal who is a subject of confidential measures under
  offentlighets- och sekretesslagen. trygg masks the last four digits of every number
  in everything it writes (reports, source lines, baselines, error messages), as those
  may be published or logged too.

How to fix:
  Remove the number. Refer to people by their role ("Kommunpolis", "SSPF-koordinator");
  name a signatory under `signatories:` with `name:` and `title:` only.

Passing example:
  signatories:
    - name: Stefan Gustafsson
      title: Kommunstyrelsens ordförande
      party: molndals-stad

Failing example:
  signatories:
    - name: Stefan Gustafsson, 19121212-1212
      title: Kommunstyrelsens ordförande
      party: molndals-stad
"""

from __future__ import annotations

from collections.abc import Iterator

from trygg_cli.check.personal import in_document
from trygg_cli.findings import Finding, Severity
from trygg_cli.lint.base import DocContext

ID = "TRY401"
NAME = "personal-identity-number"
SEVERITY = Severity.ERROR


def check(ctx: DocContext) -> Iterator[Finding]:
    for path, line, column, text in in_document(ctx):
        yield ctx.finding_at(ctx.path, line, column, text, path)
