"""An individual young person described in SSPF or SIG work.

What:
  Text about SSPF (skola, socialtjänst, polis och fritid) or SIG (sociala insatsgrupper)
  work that describes one child or young person rather than the work: an age with a word
  for a child ("en 14-årig pojke", "flickan, 15 år", "15-åringen"), a name with an age
  ("Ali, 14 år"), a name after such a word ("eleven Ali"), or a school class with a name
  or a pupil ("Sara i 8B", "en elev i klass 9A"). SSPF or SIG work is the text of a body,
  actor, action, section, priority or sub-priority whose id, name or title names SSPF,
  SIG or sociala insatsgrupper — with everything under it, such as its sources
  (`based_on:`) and the notes and reports of its completions (`done:`); of an action
  that such a body or actor (named so here or in the agreement) plans, performs or
  follows up; of a citizen promise's commitment that such an actor makes; and all of an
  action plan whose `responsible_body` is such a body. General descriptions ("barn och
  unga i riskzon", "unga mellan 12 och 18 år", "varje enskilt barn") and places with a
  duration ("i Lindome (8 år)") are not reported.

Why:
  In SSPF and SIG work the school, the social services and the police share information
  about individual children and young people under exemptions in offentlighets- och
  sekretesslagen (2009:400); what is shared stays confidential (e.g. 26 kap. 1 § for the
  social services). Agreements and action plans are published on the municipality's
  website, and in a small municipality an age, a class or a first name is enough to tell
  who is meant. trygg's own messages do not repeat
  the details.

How to fix:
  Describe the group and the way of working, not the case: "unga 12–18 år i riskzon",
  "elever på högstadiet". Keep notes on individuals in the social services' or the
  school's records, where confidentiality applies, not in the agreement.

Passing example:
  bodies:
    - id: sspf-operativ
      name: SSPF operativ grupp
      level: operativ
      description: Samverkan kring barn och unga mellan 12 och 18 år i riskzon.

Failing example:
  bodies:
    - id: sspf-operativ
      name: SSPF operativ grupp
      level: operativ
      description: Gruppen har följt en 14-årig pojke i klass 8B sedan i höstas.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from trygg_cli.findings import Finding, Severity, YamlPath, show
from trygg_cli.i18n import N_, _
from trygg_cli.lint.base import Collected, DocContext, WorkspaceContext
from trygg_cli.lint.parts import areas
from trygg_cli.model import ActionPlan, Agreement, CitizenPromise
from trygg_cli.model.common import Responsible
from trygg_cli.yamlload.positions import Located, value_at

ID = "TRY404"
NAME = "individual-in-sspf-or-sig"
SEVERITY = Severity.WARNING

# Which text is SSPF or SIG work: ids like 'sspf-styrgrupp' or 'sig', names like
# 'SSPF styrgrupp', 'SIG Centrum' or 'Sociala insatsgrupper' ('sig' alone is a Swedish
# pronoun, so only the capitals count in a name).
_ID = re.compile(r"(?:^|[-_.])(?:sspf|sig)(?:$|[-_.])|insatsgrupp")
_TITLE = re.compile(r"\b(?i:sspf)\b|\bSIG\b|\b(?i:sociala?\s+insatsgrupp)")

_NUMBER_WORD = (
    r"(?:två|tre|fyra|fem|sex|sju|åtta|nio|tio|elva|tolv|tretton|fjorton|femton|sexton"
    r"|sjutton|arton|nitton|tjugo)"
)
_AGED = rf"(?:[0-9]{{1,2}}-?|{_NUMBER_WORD})årig"
_ONE = r"(?:pojke|flicka|tjej|kille|elev|ungdom|yngling|son|dotter|person|man|kvinna)"
_THE_ONE = (
    r"(?:pojken|flickan|tjejen|killen|eleven|ungdomen|ynglingen|sonen|dottern|barnet"
    r"|personen|den unge|den unga)"
)
_NAME = r"[A-ZÅÄÖ][a-zåäöéü]{1,14}"
_CLASS = (
    r"(?:(?:klass|årskurs|åk\.?)\s*[0-9]{1,2}[A-Fa-f]?|[0-9]{1,2}\s?[A-F]|[0-9]{1,2}[a-f])"
    r"(?![\w–-])"
)

# An age of a group, not of one: "15 år och äldre".
_NOT_ONE_AGE = r"(?!\s*(?:och|eller)\s+(?:äldre|yngre|uppåt|över|under)\b)"

_AGE = N_("an age with a word for a child")
_NAME_AGE = N_("a name with an age")
_NOUN_NAME = N_("a word for a child with a name")
_IN_CLASS = N_("a school class with a name or a pupil")

# (pattern, what it finds, what the text must hold for it to match: 'år', a word for the
# child, a digit); a group 'name' must not be one of _NOT_NAMES.
_PATTERNS: tuple[tuple[re.Pattern[str], str, str], ...] = (
    (re.compile(rf"(?<![\w-]){_AGED}\s+{_ONE}\b", re.IGNORECASE), _AGE, "år"),
    (re.compile(rf"(?<![\w-]){_AGED}t\s+barn\b", re.IGNORECASE), _AGE, "år"),
    (re.compile(rf"(?<![\w-]){_AGED}[ae]\s+{_THE_ONE}\b", re.IGNORECASE), _AGE, "år"),
    (re.compile(r"(?<![\w-])[0-9]{1,2}-åringens?\b", re.IGNORECASE), _AGE, "år"),
    (
        re.compile(
            rf"\b{_THE_ONE}\s*(?:,\s*|\(\s*)?[0-9]{{1,2}}\s*år\b{_NOT_ONE_AGE}", re.IGNORECASE
        ),
        _AGE,
        "år",
    ),
    (
        re.compile(
            rf"(?<![\w-])(?P<name>{_NAME})(?:\s+{_NAME})?\s*(?:,\s*|\(\s*)[0-9]{{1,2}}\s*år\b"
            rf"{_NOT_ONE_AGE}"
        ),
        _NAME_AGE,
        "år",
    ),
    (re.compile(rf"\b(?i:{_THE_ONE})\s+(?P<name>{_NAME})\b"), _NOUN_NAME, "child"),
    (
        re.compile(
            rf"(?<![\w-])(?:(?P<name>{_NAME})|(?i:{_THE_ONE}|(?:en\s+)?{_ONE}))"
            rf"(?:\s*[,(]\s*|\s+(?:som\s+)?(?:går\s+)?(?:i|från|på)\s+){_CLASS}"
        ),
        _IN_CLASS,
        "digit",
    ),
)

# Capitalised words that stand before an age or a class without being a name.
_NOT_NAMES_TEXT = """
    barn barnen unga ungdomar elever eleverna pojkar flickor tjejer killar personer individer
    deltagare deltagarna familjer föräldrar vuxna målgrupp målgruppen ålder åldern åldrar
    totalt cirka ca mellan under över från till upp minst högst sedan efter inom ungefär
    drygt knappt nästan runt alla samtliga de den det denna detta dessa en ett i på och för
    med om av som är var har hos vid skolan skola skolor socialtjänsten socialtjänst polisen
    polis fritid fritids fritidsgården kommunen staden regionen insatsen insatser insatsgrupp
    projektet arbetet perioden period tiden året åren år läsåret terminen mål delmål steg
    fas bilaga kapitel avsnitt punkt vecka veckor månader dagar gruppen grupper grupp klass
    klassen årskurs högstadiet mellanstadiet lågstadiet gymnasiet gymnasieskolan
    pojken flickan tjejen killen eleven ungdomen ynglingen sonen dottern barnet personen
    inom utanför
"""
_NOT_NAMES = frozenset(_NOT_NAMES_TEXT.split())
# A word for where, just before a capitalised word, makes it a place: "SSPF finns i
# Lindome (8 år)". Only words that do not also stand before a person ("till Kim", "fokus
# på Kim", "kring Kim" all do).
_PLACE_BEFORE = re.compile(r"(?<![\w-])(?i:i|inom|utanför)\s+\Z")
_CHILD_WORDS = tuple(re.findall(r"[a-zåäö ]+", _THE_ONE))
_DIGIT = re.compile(r"[0-9]")


def is_sspf_or_sig(ident: str | None, *titles: str | None) -> bool:
    """Whether an id, name or title names SSPF, SIG or sociala insatsgrupper."""
    # 'in' first: it is many times faster than a regular expression, and rarely true.
    if (
        ident is not None
        and ("sspf" in ident or "sig" in ident or "insatsgrupp" in ident)
        and _ID.search(ident)
    ):
        return True
    for title in titles:
        if title is None:
            continue
        low = title.lower()
        if ("sspf" in low or "SIG" in title or "insatsgrupp" in low) and _TITLE.search(title):
            return True
    return False


@functools.lru_cache(maxsize=4096)
def _flagged(ident: str) -> bool:
    """:func:`is_sspf_or_sig` of an id alone: the same few ids are asked about for every
    responsible of every action."""
    return is_sspf_or_sig(ident)


def contexts(ctx: DocContext) -> dict[YamlPath, str]:
    """The parts of the document that are SSPF or SIG work: YAML path → what to call it.

    The paths are ``()`` (the whole document), two long, such as ``("bodies", 2)``, or
    four for a sub-priority (``("priorities", 0, "sub_priorities", 1)``).
    """
    doc = ctx.document
    found: dict[YamlPath, str] = {}
    actors: set[str] = set()
    if isinstance(doc, (Agreement, ActionPlan, CitizenPromise)):
        for index, actor in enumerate(doc.actors):
            if is_sspf_or_sig(actor.id, actor.name):
                found["actors", index] = actor.name
                actors.add(actor.id)
    if isinstance(doc, Agreement):
        for index, body in enumerate(doc.bodies):
            if is_sspf_or_sig(body.id, body.name):
                found["bodies", index] = body.name
        for loc, area in areas(doc):
            if is_sspf_or_sig(area.id, area.title):
                found[loc] = area.title
    if isinstance(doc, ActionPlan):
        if is_sspf_or_sig(doc.responsible_body):
            return {(): doc.title}
        for index, action in enumerate(doc.actions):
            people: list[Responsible] = [*action.plans, *action.performs, *action.follows_up]
            if is_sspf_or_sig(action.id, action.title) or any(
                (who.body is not None and _flagged(who.body))
                or any(ident in actors or _flagged(ident) for ident in who.who)
                for who in people
            ):
                found["actions", index] = action.title
    if isinstance(doc, CitizenPromise):
        for index, commitment in enumerate(doc.commitments):
            if actors.intersection(commitment.who):
                found["commitments", index] = commitment.text
    if isinstance(doc, (Agreement, ActionPlan)):
        for index, section in enumerate(doc.sections):
            if is_sspf_or_sig(section.id, section.title):
                found["sections", index] = section.title
    return found


def find(value: str) -> Iterator[tuple[re.Match[str], str]]:
    """Every description of an individual in ``value``, with what kind it is."""
    low = value.lower()
    holds = {
        "år": "år" in low,
        "child": any(word in low for word in _CHILD_WORDS),
        "digit": _DIGIT.search(value) is not None,
    }
    for pattern, what, needs in _PATTERNS:
        if not holds[needs]:
            continue
        start = 0
        while (match := pattern.search(value, start)) is not None:
            start = match.end()
            name = match.groupdict().get("name")
            if name is None:
                yield match, what
                continue
            # Not a name: a word such as "Målgruppen", or a place ("i Lindome (8 år)": how
            # long, not a child's age). The next capitalised word may still be one
            # ("i Lindome Kim (8 år)").
            if name.lower() in _NOT_NAMES or (
                what is _NAME_AGE and _PLACE_BEFORE.search(value, 0, match.start())
            ):
                start = match.end("name")
                continue
            yield match, what


def check(ctx: DocContext) -> Iterator[Finding]:
    parts = contexts(ctx)
    if parts:
        yield from _findings(ctx, ctx, ctx.path, parts)


@dataclass(frozen=True)
class _Facts:
    """What the workspace part needs: an agreement's bodies and actors that only their name
    marks as SSPF or SIG (an id such as 'operativ-grupp'), or the bodies, parties and actors
    an action plan's actions link to."""

    named_bodies: frozenset[str] = frozenset()
    agreement: str | None = None
    responsible_body: str | None = None
    bodies: frozenset[str] = frozenset()  # bodies, parties and actors of the plan's actions
    checked: tuple[YamlPath, ...] = ()  # parts the document check already covers


_ROLES = ("plans", "performs", "follows_up")  # an action's links to parties and bodies


def collect(ctx: DocContext) -> _Facts | None:
    """An action plan's bodies are named in its agreement: 'operativ-grupp' may be 'SSPF
    operativ grupp' there. The document check sees only ids, so this part finds the rest.
    Little is sent for each document; the few plans concerned are read again."""
    doc = ctx.document
    if isinstance(doc, Agreement):
        marked = [(body.id, body.name) for body in doc.bodies]
        marked += [(actor.id, actor.name) for actor in doc.actors]
        named = frozenset(
            ident
            for ident, name in marked
            if not is_sspf_or_sig(ident) and is_sspf_or_sig(None, name)
        )
        return _Facts(named_bodies=named) if named else None
    if not isinstance(doc, ActionPlan) or doc.agreement is None:
        return None
    bodies = frozenset(
        linked
        for action in doc.actions
        for role in _ROLES
        for who in getattr(action, role)
        for linked in (*who.who, *([who.body] if who.body is not None else []))
    )
    if not bodies and doc.responsible_body is None:
        return None
    checked = tuple(contexts(ctx))
    if () in checked:
        return None  # the whole plan is checked already
    return _Facts(
        agreement=doc.agreement,
        responsible_body=doc.responsible_body,
        bodies=bodies,
        checked=checked,
    )


def check_workspace(collected: Sequence[Collected], ctx: WorkspaceContext) -> Iterator[Finding]:
    named = {item.doc_id: item.facts.named_bodies for item in collected if item.kind == "agreement"}
    for item in collected:
        facts: _Facts = item.facts
        sspf = named.get(facts.agreement or "")
        if item.kind != "action-plan" or not sspf:
            continue
        whole = facts.responsible_body in sspf
        if not whole and not facts.bodies & sspf:
            continue
        located = ctx.located(item.path)
        if located is None:
            continue
        wanted = [()] if whole else _actions_of(located.data, sspf)
        # Named as the document check names them: the plan's or the action's title.
        parts = {loc: str(value_at(located.data, (*loc, "title")) or "") for loc in wanted}
        yield from _findings(ctx, located, item.path, parts, skip=set(facts.checked))


def _actions_of(data: Any, bodies: frozenset[str]) -> list[YamlPath]:
    """The actions in a plan's data that one of ``bodies`` (bodies or actors) plans,
    performs or follows up."""
    actions = data.get("actions") if isinstance(data, dict) else None
    found: list[YamlPath] = []
    for index, action in enumerate(actions if isinstance(actions, list) else []):
        if not isinstance(action, dict):
            continue
        people = [who for role in _ROLES for who in action.get(role) or () if isinstance(who, dict)]
        if any(bodies.intersection(_links(who)) for who in people):
            found.append(("actions", index))
    return found


def _links(who: dict[Any, Any]) -> list[Any]:
    """The ids a responsible entry in a plan's data names: body, party and parties."""
    parties = who.get("parties")
    named = [who.get("body"), who.get("party"), *(parties if isinstance(parties, list) else ())]
    return [item for item in named if isinstance(item, str)]


def _findings(
    ctx: DocContext | WorkspaceContext,
    located: Located,
    path: str,
    parts: dict[YamlPath, str],
    skip: set[YamlPath] | None = None,
) -> Iterator[Finding]:
    """A finding per line of text in ``parts`` of the document that describes an
    individual; ``skip`` holds parts reported elsewhere."""
    whole = parts.get(())
    for loc, node, value in located.strings():
        if skip and loc[:2] in skip:
            continue
        label = whole if whole is not None else parts.get(loc[:4], parts.get(loc[:2]))
        if label is None:
            continue
        by_line: dict[int, list[tuple[re.Match[str], str]]] = {}
        for match, what in find(value):
            by_line.setdefault(value.count("\n", 0, match.start()), []).append((match, what))
        for hits in by_line.values():
            hits.sort(key=lambda hit: hit[0].start())
            line, column = located.position_in(node, value, hits[0][0].start())
            kinds = ", ".join(dict.fromkeys(_(what) for _match, what in hits))
            yield ctx.finding_at(path, line, column, _message(label, kinds), loc)


def _message(label: str, kinds: str) -> str:
    return _(
        "this text in '{part}' (SSPF or SIG work) seems to describe an individual young "
        "person ({kinds}); such details are confidential under offentlighets- och "
        "sekretesslagen and the document will be published, so describe the group and the "
        "way of working instead"
    ).format(part=show(label, 50), kinds=kinds)
