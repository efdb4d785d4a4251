"""Governance bodies, priorities and recurring occasions found in an agreement's parts.

A body is named by a heading ("Styrgrupp", "BRÅ Mölndal", "Strategisk nivå - den centrala
strategiska samverkansgruppen (CSS)"), by "I varje stadsdel finns lokala brottsförebyggande
råd …", or by the subject of "De lokala styrgrupperna för SSPF består av …". Its members
come from "består av …", its meetings from "träffas cirka fyra gånger per år", its level
from the heading it stands under ("Taktisk nivå") or its own name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from trygg_cli.importer.parts import Part, Sentence
from trygg_cli.model.schedule import Schedule
from trygg_cli.phrases import find_schedules
from trygg_cli.phrases.lists import members

_F = re.IGNORECASE
BODY_WORDS = re.compile(
    r"styrgrupp|beredningsgrupp|arbetsgrupp|samverkansgrupp|samordningsgrupp|ledningsgrupp|"
    r"referensgrupp|insatsgrupp|nätverk|team(?:et)?\b|\bråd(?:et|en)?\b|\bbrå\b|forum|\bsspf\b",
    _F,
)
_NOT_BODY = re.compile(r"organisation|struktur|samverkansarbete|^\s*(?:kommun|polis)", _F)
_LEVEL = re.compile(r"(strategisk|taktisk|operativ)", _F)
_FINNS = re.compile(r"\bfinns\s+(?:det\s+)?(?:även\s+)?(?P<np>[^.,;]+)", _F)
_NAMED = re.compile(r"^(?:(?:ett|en|det)\s+)?(?:gemensamt\s+)?\w+\s*:\s*(?P<name>[A-ZÅÄÖ][\w-]+)")
_MEETS = re.compile(r"träffa[rs]|möts|sammanträder|ses\b|möten|träffar|sammankalla", _F)
# "vid behov" and its like count as meetings only beside a verb that says the body meets.
_MEETS_AS_NEEDED = re.compile(
    r"träffa[rs]|möts|sammanträder|har\s+(?:\w+\s+)?(?:möten|träffar)", _F
)
_REFERS = re.compile(
    r"^(?:gruppen|grupperna|rådet|nätverket|teamet|organet|forumet|de|dessa|styrgruppen|"
    r"beredningsgruppen|arbetsgruppen|arbetsgrupperna)$",
    _F,
)
_FROM_PARTY = re.compile(r"^Från\s+.+:$", _F)
_RELATIVE = re.compile(r"\s+(?:som|där|vilka|vilket)\b", _F)
_DETERMINERS = re.compile(r"^(?:den|det|de|ett|en)\s+", _F)
_HEADING_LEVEL = re.compile(r"^\s*(strategisk|taktisk|operativ)\s+nivå\s*[-–—:]?\s*", _F)
PRIORITY_HEADING = re.compile(
    r"prioriterade\s+(?:samverkans)?områden|fokusområden|prioriterade\s+utmaningar|"
    r"prioriterade\s+problem",
    _F,
)
_STOP = re.compile(
    r"pågående|exempel|bilaga|uppföljning|utvärdering|åtgärdsplan|handlingsplan|kommunikation|"
    r"avtalsperiod|giltighet|underskrift|organisation|struktur|ansvar|bakgrund|syfte|"
    r"revidering|upphörande",
    _F,
)
OCCASION_HEADING = re.compile(r"\bårlig|hearing|konferens|dialogmöte", _F)


@dataclass
class FoundBody:
    name: str
    source: Sentence | None
    level: str | None
    level_source: Sentence | None = None
    description: list[str] = field(default_factory=list)
    members: list[str] = field(default_factory=list)
    members_source: Sentence | None = None
    meetings: Schedule | None = None
    meetings_source: Sentence | None = None


def _name(text: str) -> str:
    text = _DETERMINERS.sub("", _RELATIVE.split(text.strip())[0])
    return text[0].upper() + text[1:] if text else text


def _stem(word: str) -> str:
    return re.sub(r"(?:erna|arna|orna|en|et|na|er|ar|or)$", "", word.lower())


def _refers_to(subject: str, body: FoundBody | None) -> bool:
    """Whether ``subject`` ('Gruppen', 'Den lokala styrgruppen') is ``body`` again."""
    if body is None:
        return False
    subject = _RELATIVE.split(subject)[0]
    words = _DETERMINERS.sub("", subject.strip()).split()
    if not words or (_REFERS.match(subject.strip()) and len(words) == 1):
        return True
    head = BODY_WORDS.search(subject)
    if head is None:
        return False
    word = re.search(r"[\w-]*" + re.escape(head.group(0)) + r"\w*", subject)
    stem = _stem(word.group(0) if word else head.group(0))
    return bool(stem) and stem in body.name.lower()


def _level(text: str) -> str | None:
    match = _LEVEL.search(text)
    return match.group(1).lower() if match else None


def bodies(parts: list[Part]) -> list[FoundBody]:
    """Every body the parts name, in order."""
    found: list[FoundBody] = []
    level: tuple[str, Sentence] | None = None
    for part in parts:
        heading = part.heading
        current: FoundBody | None = None
        if heading is not None:
            head = Sentence(heading.text, heading.where)
            said = _level(heading.text)
            if said and re.search(r"nivå", heading.text, _F):
                level = (said, head)
            name = _HEADING_LEVEL.sub("", heading.text)
            if name and BODY_WORDS.search(name) and not _NOT_BODY.search(name):
                current = _new(found, name, head, level)
        made = _part_bodies(part, current, level, found)
        if current is not None and made and not current.members and not current.meetings:
            found.remove(current)  # a heading over the bodies it names, not one itself
        elif made or current is not None:
            part.used = True
    return [b for b in found if b.members or b.meetings or b.description]


def _new(
    found: list[FoundBody], name: str, source: Sentence, level: tuple[str, Sentence] | None
) -> FoundBody:
    own = _level(name)
    body = FoundBody(_name(name), source, own or (level[0] if level else None))
    body.level_source = source if own else (level[1] if level else None)
    found.append(body)
    return body


def _part_bodies(
    part: Part,
    current: FoundBody | None,
    level: tuple[str, Sentence] | None,
    found: list[FoundBody],
) -> bool:
    """The part's sentences: new bodies, members, meetings and descriptions."""
    latest = current
    made = False
    role_follows = False
    for sentence in part.sentences():
        if latest is not None and _FROM_PARTY.match(sentence.text):
            role_follows = True
            continue
        if role_follows and latest is not None:
            role_follows = False
            role = sentence.text.rstrip(".")
            if len(role.split()) <= 5:
                latest.members.append(role[0].upper() + role[1:])
                latest.members_source = latest.members_source or sentence
                continue
        listed = members(sentence.text)
        if (
            listed is not None
            and BODY_WORDS.search(listed[0])
            and not _refers_to(listed[0], latest)
        ):
            latest = _new(found, listed[0], sentence, level)
            made = True
        elif listed is None and current is None:
            named = _finns(sentence.text)
            if named is not None:
                said = _level(sentence.text)
                latest = _new(found, named, sentence, (said, sentence) if said else level)
                made = True
        if latest is None:
            continue
        latest.description.append(sentence.text)
        if listed is not None and not latest.members:
            latest.members, latest.members_source = listed[1], sentence
        _meetings(latest, sentence)
    return made


def _finns(text: str) -> str | None:
    """'I varje stadsdel finns lokala brottsförebyggande råd …' → the body it names."""
    match = _FINNS.search(text)
    if match is None:
        return None
    noun = match.group("np").strip()
    named = _NAMED.match(noun)
    if named is not None:
        return named.group("name")
    noun = re.split(r"\s+(?:som|där|vilka|vilket)\s+|:", noun)[0]
    if not BODY_WORDS.search(noun) or len(noun.split()) > 10:
        return None
    return noun


def _meetings(body: FoundBody, sentence: Sentence) -> None:
    if body.meetings is not None or not _MEETS.search(sentence.text):
        return
    found = find_schedules(sentence.text)
    strong = [f for f in found if not f.weak]
    pick = strong[0] if strong else None
    if pick is None and _MEETS_AS_NEEDED.search(sentence.text):
        pick = next((f for f in found if f.value.qualifier == "as_needed"), None)
    if pick is not None:
        body.meetings, body.meetings_source = pick.value, sentence


@dataclass
class FoundPriority:
    title: str
    source: Sentence
    description: str


def priorities(parts: list[Part]) -> list[FoundPriority]:
    """The headings under 'Prioriterade områden' (or 'Fokusområden'), with their text."""
    found: list[FoundPriority] = []
    for i, part in enumerate(parts):
        if part.heading is None or not PRIORITY_HEADING.search(part.heading.text):
            continue
        top = part.heading.level
        for under in parts[i + 1 :]:
            heading = under.heading
            if heading is None:
                break
            if top is not None and heading.level is not None and heading.level <= top:
                break
            if (top is None or heading.level is None) and _STOP.search(heading.text):
                break
            if PRIORITY_HEADING.search(heading.text):
                break
            if not under.blocks:
                continue
            found.append(
                FoundPriority(heading.text, Sentence(heading.text, heading.where), under.text())
            )
            under.used = True
    return found
