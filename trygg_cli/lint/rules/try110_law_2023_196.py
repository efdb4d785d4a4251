"""An agreement made under lag (2023:196) that says nothing of what the law requires.

What:
  An agreement that starts on or after 1 July 2023 — its `validity:` `from:` date, its
  `decision:` date, or, when it runs from signing, its last signature — and whose text
  mentions none of the three things the law asks of the municipality: a lägesbild, an
  åtgärdsplan (or handlingsplan, or an action plan linked under `action_plans:`), and a
  samordningsfunktion. Inflected and compound forms count ("lägesbilden", "läges- och
  problembild", "åtgärdsplanen").

Why:
  Since 1 July 2023, lag (2023:196) om kommuners ansvar för brottsförebyggande arbete
  requires each municipality to produce a lägesbild of crime in its area, decide on an
  åtgärdsplan based on it, and have a samordningsfunktion. The agreement with the police
  is where that work is shared out: Mölndal's local agreement 2023–2026 explains that
  "kommunen ska upprätta en lägesbild ... samt en åtgärdsplan för att angripa problemen"
  and that the municipality "har en samordningsfunktion". An agreement made after the law
  that mentions none of them was probably written from an older template.

How to fix:
  Say how the agreement relates to the law: where the lägesbild comes from, which
  åtgärdsplan the work follows (and link it under `action_plans:`), and who is the
  municipality's samordningsfunktion — for example in a section "Bakgrund".

Passing example:
  validity: {from: 2024-01-01, until: 2027-12-31}
  sections:
    - id: bakgrund
      title: Bakgrund
      text: Kommunen upprättar årligen en lägesbild och beslutar om en åtgärdsplan.

Failing example:
  validity: {from: 2024-01-01, until: 2027-12-31}
  sections:
    - id: bakgrund
      title: Bakgrund
      text: Parterna samverkar för ökad trygghet.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from datetime import date

from trygg_cli.date_words import long_date
from trygg_cli.findings import Finding, Severity, YamlPath
from trygg_cli.i18n import N_, _
from trygg_cli.lint.base import DocContext
from trygg_cli.model import Agreement

ID = "TRY110"
NAME = "law-2023-196"
SEVERITY = Severity.WARNING

IN_FORCE = date(2023, 7, 1)
_MENTION = re.compile(
    r"lägesbild|läges-\s+(?:och|eller)\s"
    r"|åtgärdsplan|handlingsplan|åtgärds-\s+(?:och|eller)\s"
    r"|samordningsfunktion",
    re.IGNORECASE,
)


def check(ctx: DocContext) -> Iterator[Finding]:
    doc = ctx.document
    if not isinstance(doc, Agreement) or doc.action_plans:
        return
    found = _start(doc)
    if found is None or found[0] < IN_FORCE:
        return
    text = "\n".join(value for _path, _node, value in ctx.strings())
    if not text.isascii() and not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    if _MENTION.search(text):
        return
    day, message = found
    loc: YamlPath = ("sections",) if "sections" in ctx.data else ("id",)
    yield ctx.finding(loc, _(message).format(date=long_date(day)), at_key=True)


_TAKES_EFFECT = N_(
    # Whole sentences: a message built by "+" is not found by the catalogue tools.
    "the agreement takes effect on {date}, after lag (2023:196) came into force on 1 July 2023, "
    "but mentions neither the lägesbild, the åtgärdsplan nor the samordningsfunktion the "
    "law requires of the municipality; say how the agreement relates to them, and link "
    "the action plan under 'action_plans:'"
)
_DECIDED = N_(
    # Whole sentences: a message built by "+" is not found by the catalogue tools.
    "the agreement was decided on {date}, after lag (2023:196) came into force on 1 July 2023, "
    "but mentions neither the lägesbild, the åtgärdsplan nor the samordningsfunktion the "
    "law requires of the municipality; say how the agreement relates to them, and link "
    "the action plan under 'action_plans:'"
)
_SIGNED = N_(
    # Whole sentences: a message built by "+" is not found by the catalogue tools.
    "the agreement was signed on {date}, after lag (2023:196) came into force on 1 July 2023, "
    "but mentions neither the lägesbild, the åtgärdsplan nor the samordningsfunktion the "
    "law requires of the municipality; say how the agreement relates to them, and link "
    "the action plan under 'action_plans:'"
)


def _start(doc: Agreement) -> tuple[date, str] | None:
    """The latest date that says when the agreement was made or took effect, with the
    message that names it."""
    found: list[tuple[date, str]] = []
    if doc.validity.start is not None:
        found.append((doc.validity.start, _TAKES_EFFECT))
    if doc.decision is not None and doc.decision.date is not None:
        found.append((doc.decision.date, _DECIDED))
    if doc.validity.from_signing:
        signed = [s.signed for s in doc.signatories if s.signed is not None]
        if signed:
            found.append((max(signed), _SIGNED))
    return max(found, key=lambda item: item[0]) if found else None
