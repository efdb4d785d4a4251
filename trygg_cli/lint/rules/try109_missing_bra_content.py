"""The agreement leaves out something Brå's guidance says it should state.

What:
  Brå's guidance says a collaboration agreement should describe the problems in focus,
  their likely causes, delimited and measurable goals, how the work is documented, how it
  is followed up, and the period it covers. Each element the agreement gives no sign of
  is reported once. What counts as a sign:

  - problems: a priority or sub-priority with a `problem:` or a `description:`;
  - causes: a priority or sub-priority with `causes:`, or a section or priority whose
    text speaks of causes ("orsak", "orsaker", "orsaksanalys");
  - goals: an overall goal under the agreement's `goals:`, or a goal under any
    priority's or sub-priority's `goals:`;
  - documentation: text that speaks of documenting ("dokumenteras", "dokumentation",
    "nedtecknas") or of the action plan the work is recorded in ("åtgärdsplan",
    "handlingsplan"), or an action plan linked under `action_plans:`;
  - follow-up: a `follow_up:` (or `priority_review:`) schedule;
  - period: `validity:` with an `until:` date, an extension, `until_further_notice:
    true`, `until_replaced: true` or a `term:`.

  The findings are advice (info), placed at `priorities:` (or at the agreement's `id:`
  when it has none). An agreement may leave an element out on purpose — Göteborg's central
  agreement of 2018 sets its priorities each year at the hearing — and then a suppression
  comment saying so is the right answer.

Why:
  Brå's guidance on collaboration agreements between municipality and police lists what
  one should describe: the problems in focus, their likely causes, delimited and
  measurable goals, how the work is documented, how follow-up is done, and the period. The
  agreements show why: Mölndal's local agreement 2023–2026 names three priorities but no
  goal for any of them; Stockholm's overarching agreement says "Delmål och indikatorer
  kommer att tas fram" and "Arbetet ska kontinuerligt dokumenteras och följas upp";
  Göteborg's central agreement of 2018 that "Problemen orsaksanalyseras gemensamt". An
  agreement that lacks one of these is hard to follow up: without goals there is nothing
  to measure, without a period nothing is due.

How to fix:
  Add what is missing, as the message says: `problem:` and `causes:` under each priority,
  `goals:` with indicators, a sentence on how the work is documented (or link the action
  plan under `action_plans:`), a `follow_up:` schedule, and an end to `validity:`
  (`until:`, `until_further_notice: true` or `term:`).

Passing example:
  validity: {from: 2023-05-01, until: 2026-12-31}
  priorities:
    - id: otrygghet-i-centrum
      title: Otrygghet i centrum
      problem: Invånare känner sig otrygga i centrum kvällstid.
      causes: Dålig belysning och få vuxna i rörelse kvällstid.
      goals:
        - id: fler-trygga
          description: Fler känner sig trygga i centrum kvällstid år 2026 än år 2023.
  follow_up: {text: Uppföljning sker årligen., every: 1}
  action_plans: [molndal-atgardsplan-2023]

Failing example:
  validity: {from: 2023-05-01}
  priorities:
    - id: otrygghet-i-centrum
      title: Otrygghet i centrum
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from trygg_cli.findings import Finding, Severity, YamlPath
from trygg_cli.i18n import N_, _
from trygg_cli.lint.base import DocContext
from trygg_cli.lint.parts import areas, goals
from trygg_cli.model import Agreement

ID = "TRY109"
NAME = "missing-bra-content"
SEVERITY = Severity.INFO

_CAUSES = re.compile(r"orsak", re.IGNORECASE)
_DOCUMENTED = re.compile(
    r"dokumenter|dokumentation|nedteckn|åtgärdsplan|handlingsplan|åtgärds-\s+(?:och|eller)\s",
    re.IGNORECASE,
)

_MESSAGES: dict[str, str] = {
    "problems": N_(
        "the agreement does not say which problems the work focuses on; describe them under "
        "'priorities:', with a 'problem:' or 'description:' for each priority"
    ),
    "causes": N_(
        "the agreement does not say what causes the problems in focus; write the likely "
        "causes under each priority's 'causes:', or a section on the cause analysis "
        "(orsaksanalys)"
    ),
    "goals": N_(
        "the agreement sets no goals; add delimited, measurable goals under each priority's "
        "'goals:', with indicators to follow them up"
    ),
    "documentation": N_(
        "the agreement does not say how the work is documented; say in a section where "
        "actions and results are recorded (for example in an action plan), or link the "
        "action plan under 'action_plans:'"
    ),
    "follow_up": N_(
        "the agreement does not say when it is followed up; add 'follow_up:' with when and "
        "how often, for example every year"
    ),
    "period": N_(
        "the agreement does not say how long it runs; give 'validity:' an 'until:' date, "
        "'until_further_notice: true' or the stated 'term:'"
    ),
}


def check(ctx: DocContext) -> Iterator[Finding]:
    doc = ctx.document
    if not isinstance(doc, Agreement):
        return
    missing = [name for name, present in _evidence(ctx, doc).items() if not present]
    if not missing:
        return
    loc: YamlPath = ("priorities",) if "priorities" in ctx.data else ("id",)
    for name in missing:
        yield ctx.finding(loc, _(_MESSAGES[name]), at_key=True)


def _evidence(ctx: DocContext, doc: Agreement) -> dict[str, bool]:
    priorities = [area for _loc, area in areas(doc)]
    validity = doc.validity
    evidence = {
        "problems": any(p.problem or p.description for p in priorities),
        "causes": any(p.causes for p in priorities),
        "goals": next(goals(doc), None) is not None,
        "documentation": bool(doc.action_plans),
        "follow_up": doc.follow_up is not None or doc.priority_review is not None,
        "period": (
            validity.end is not None
            or bool(validity.extensions)
            or validity.until_further_notice
            or validity.until_replaced
            or validity.term is not None
        ),
    }
    if not evidence["causes"]:
        prose = [s.title + "\n" + s.text for s in doc.sections]
        prose.extend(f"{p.title}\n{p.description or ''}\n{p.problem or ''}" for p in priorities)
        evidence["causes"] = _CAUSES.search(_nfc("\n".join(prose))) is not None
    if not evidence["documentation"]:
        text = "\n".join(value for _path, _node, value in ctx.strings())
        evidence["documentation"] = _DOCUMENTED.search(_nfc(text)) is not None
    return evidence


def _nfc(text: str) -> str:
    """Text as composed characters, so that an "å" typed as "a" + ring still matches."""
    if text.isascii() or unicodedata.is_normalized("NFC", text):
        return text
    return unicodedata.normalize("NFC", text)
