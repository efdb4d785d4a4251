"""Who is in a body and who promises what: "Gruppen består av stadsdirektör, … och
polisområdeschef", "De lokala styrgrupperna för SSPF består av områdeschef för
socialtjänst, skola, polis och fritidsverksamhet", "Polisen lovar att …", "Tillsammans
lovar vi att …"."""

from __future__ import annotations

import re
from dataclasses import dataclass

_F = re.IGNORECASE
MEMBERS = re.compile(
    r"(?P<subject>[^.:]*?)\s*(?:ska\s+)?(?:består|bestå|utgörs|sammansätts|ledas)\s+av"
    r"(?:\s+bland\s+annat)?\s*(?P<list>[^.]*)"
    r"|(?P<subject2>[^.:]*?)\s+har\s+representation\s+av(?:\s+bland\s+annat)?\s*(?P<list2>[^.]*)",
    _F,
)
# A list of members ends where the sentence goes on with a verb ("… bistår staden …").
_VERB = re.compile(r"\s(?:bistår|är|ska|har|arbetar|ansvarar|träffas|deltar|leds|samordnas)\s", _F)
_END_WORDS = re.compile(r",?\s*(?:med\s+flera|m\.\s*fl\.?|etc\.?|med\s+mera|m\.\s*m\.?)\s*$", _F)
_PREPOSITION = re.compile(r"\s(?:för|från|vid|inom|på|i)$", _F)
PROMISE = re.compile(
    r"^\s*(?P<who>polisen|kommunen|staden|vi|tillsammans|"
    r"(?:kommunen|staden)\s+och\s+polisen|polisen\s+och\s+(?:kommunen|staden)|"
    r"[A-ZÅÄÖ][\w-]+\s+(?:kommun|stad)|(?:lokal)?polisområde\s+[A-ZÅÄÖ][\w ]*?)"
    r"\s+(?:lovar|åtar\s+sig|kommer\s+att|lovar\s+vi)(?:\s+vi)?(?:\s+att)?\s*:?\s*(?P<what>.*)$",
    _F | re.DOTALL,
)


@dataclass(frozen=True)
class Promise:
    """Who promises (``police``, ``municipality`` or ``joint``) and what."""

    who: str
    what: str


def split_list(text: str) -> list[str]:
    """'a, b samt c och d' → ['a', 'b', 'c', 'd']; a short item after a longer one with the
    same head is completed ('områdeschef för socialtjänst, skola' → 'områdeschef för
    skola'; 'cheferna för polisområde syd, city och nord' → three chiefs)."""
    text = _END_WORDS.sub("", text.strip().rstrip(".:;"))
    parts: list[str] = []
    for piece in re.split(r",\s*|\s+samt\s+", text):
        parts.extend(p for p in re.split(r"\s+och\s+(?=\S)", piece) if p.strip())
    items: list[str] = []
    head, last = "", ""
    for part in (p.strip() for p in parts):
        words = part.split()
        genitive = words[0].lower() in ("kommunens", "stadens", "polisens")
        same_form = _definite(words[-1]) == _definite(last)
        if (
            head
            and not genitive
            and (
                (len(words) == 1 and same_form and not _definite_singular(part))
                or (len(words) == 2 and _PREPOSITION.search(head))
            )
        ):
            items.append(f"{head} {part}")
            last = words[-1]
            continue
        items.append(part)
        head = " ".join(words[:-1]) if len(words) >= 3 else ""
        last = words[-1]
    return [i[0].upper() + i[1:] for i in items if i]


def _definite_singular(word: str) -> bool:
    """'räddningstjänsten', 'rådet' (but not 'verksamhet'): an organisation named alone."""
    word = word.lower()
    return word.endswith(("en", "an")) or (word.endswith("et") and not word.endswith("het"))


def _definite(word: str) -> bool:
    return _definite_singular(word) or word.lower().endswith("na")


def members(sentence: str) -> tuple[str, list[str]] | None:
    """A sentence that lists who a body consists of, as (the subject, the roles)."""
    match = MEMBERS.search(sentence)
    if match is None:
        return None
    subject = match.group("subject") or match.group("subject2") or ""
    listed = match.group("list") if match.group("list") is not None else match.group("list2")
    listed = _VERB.split(listed or "")[0]
    roles = split_list(listed)
    return (subject.strip(), roles) if roles else None


def promise(sentence: str) -> Promise | None:
    """'Polisen lovar att öka närvaron i centrum.' → Promise('police', 'Öka närvaron …')."""
    match = PROMISE.match(sentence)
    if match is None:
        return None
    who = match.group("who").lower()
    what = match.group("what").strip()
    if not what:
        return None
    if "och" in who.split() or who in ("vi", "tillsammans"):
        kind = "joint"
    elif "polis" in who:
        kind = "police"
    else:
        kind = "municipality"
    return Promise(kind, what[0].upper() + what[1:])
