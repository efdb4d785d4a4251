"""A party's name spelled more than one way.

What:
  A word in the text that is one or two letters away from a party's or an actor's name —
  "Mölnåls" beside "Mölndals stad", "Mönldalsbostäder" beside "Mölndalsbostäder" — or one
  party or actor id given different names in different files (an agreement, its action
  plans and its citizen promises).
  Swedish letters count as half a letter away from their plain forms (å/ä → a, ö → o), as
  that is what a keyboard without them produces.

Why:
  Mölndal's local agreement 2023–2026 names "Mölnåls stad" in its heading and signature
  block but "Mölndals stad" everywhere else. In a signed agreement the parties' names must
  be exact; a misspelt name in the signature block is the one a reader notices.

How to fix:
  Spell the name as the party's or actor's `name:` says, everywhere. If the name itself is
  wrong, correct it under `parties:` or `actors:` and in every file that lists it.

Passing example:
  parties:
    - {id: molndals-stad, name: Mölndals stad, type: stad}
  applies_to: Mölndals stad och Lokalpolisområde Storgöteborg Syd

Failing example:
  parties:
    - {id: molndals-stad, name: Mölndals stad, type: stad}
  applies_to: Mölnåls stad och Lokalpolisområde Storgöteborg Syd
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from trygg_cli.findings import Finding, Severity, YamlPath
from trygg_cli.i18n import _
from trygg_cli.lint.base import Collected, DocContext, WorkspaceContext
from trygg_cli.lint.parts import organisations
from trygg_cli.model import ActionPlan, Agreement, CitizenPromise

ID = "TRY201"
NAME = "party-name-spelling"
SEVERITY = Severity.WARNING

# A capitalised word of five letters or more. The capital comes first and the word
# boundary is checked after it, so the regular expression engine can skip ahead to
# capitals: three times faster than a leading \b.
_WORD = re.compile(r"[A-ZÅÄÖÉ](?<!\w\w)[a-zåäöéü]{4,}(?!\w)")
_MAX_PLACES = 20  # a word misspelt more often than this is reported 20 times
_HALF = {frozenset(p) for p in ("aå", "aä", "oö", "eé", "åä", "uü")}


@dataclass
class _Facts:
    agreement: str | None
    # Parties and actors: (id, name, where the name is written, is an actor).
    parties: list[tuple[str, str, YamlPath, bool]] = field(default_factory=list)
    names: list[str] = field(default_factory=list)
    actor_names: list[str] = field(default_factory=list)
    # Words that may be misspelt names: for an agreement or a promise only those close to
    # its own parties' names (judged here, where the document is read); for an action
    # plan, which names no parties, every capitalised word — its agreement's names are
    # known only when the whole workspace is. Positions are looked up afterwards, for
    # the few words reported.
    words: list[str] = field(default_factory=list)


def collect(ctx: DocContext) -> _Facts:
    doc = ctx.document
    facts = _Facts(
        agreement=doc.id if isinstance(doc, Agreement) else getattr(doc, "agreement", None)
    )
    for loc, ident, name, actor in organisations(doc):
        facts.parties.append((ident, name, loc, actor))
        facts.names.append(name)
        if actor:
            facts.actor_names.append(name)
    if isinstance(doc, (Agreement, CitizenPromise)):
        facts.names.append(doc.municipality)
    # One pass over the raw text is far cheaper than one per value; words that occur only
    # in comments or keys are dropped when their places are looked up.
    words = set(_WORD.findall(ctx.text))
    if facts.names and not isinstance(doc, ActionPlan):
        own = _known_words(tuple(dict.fromkeys(facts.names)))
        facts.words = sorted(w for w in words if _closest(w, own) is not None)
    else:
        facts.words = sorted(words)
    return facts


def check_workspace(collected: Sequence[Collected], ctx: WorkspaceContext) -> Iterator[Finding]:
    families: dict[str, list[Collected]] = {}
    for item in collected:
        families.setdefault(item.facts.agreement or item.path, []).append(item)
    for family in families.values():
        yield from _names_differ(family, ctx)
        names = [name for item in family for name in item.facts.names]
        known = _known_words(tuple(dict.fromkeys(names)))
        actors = {name for item in family for name in item.facts.actor_names}
        for item in family:
            for word in item.facts.words:
                close = _closest(word, known)
                if close is None:
                    continue
                places = ctx.find_word(item.path, word, skip=_is_party_name)[:_MAX_PLACES]
                for line, column, loc in places:
                    yield ctx.finding_at(
                        item.path, line, column, _misspelt(word, close, close in actors), loc
                    )


def _misspelt(word: str, name: str, actor: bool) -> str:
    if actor:
        return _(
            "'{word}' looks like a misspelling of the actor name '{name}'; spell it as the "
            "actor's name does"
        ).format(word=word, name=name)
    return _(
        "'{word}' looks like a misspelling of the party name '{name}'; spell it as the "
        "party's name does"
    ).format(word=word, name=name)


def _is_party_name(loc: YamlPath) -> bool:
    return len(loc) == 3 and loc[0] in ("parties", "actors") and loc[2] == "name"


def _names_differ(family: Sequence[Collected], ctx: WorkspaceContext) -> Iterator[Finding]:
    """One party or actor id, named differently in an agreement and its plans and promises."""
    first_name: dict[str, tuple[str, str]] = {}
    for item in family:
        for party_id, name, loc, actor in item.facts.parties:
            known = first_name.setdefault(party_id, (name, item.path))
            if known[0] == name:
                continue
            message = (
                _(
                    "the actor '{id}' is named '{name}' here but '{other}' in {path}; use one "
                    "spelling"
                )
                if actor
                else _(
                    "the party '{id}' is named '{name}' here but '{other}' in {path}; "
                    "use one spelling"
                )
            )
            line, column = ctx.position_of(item.path, loc)
            yield ctx.finding_at(
                item.path,
                line,
                column,
                message.format(id=party_id, name=name, other=known[0], path=known[1]),
                loc,
            )


# Words that organisations' names share with ordinary text: "Kommunen", "Polisen" and
# "Staden" are not misspellings of "Mölndals stad" or "Lokalpolisområde Syd".
_GENERIC_STEMS = (
    "kommun",
    "stad",
    "polis",
    "lokalpolis",
    "region",
    "förvaltning",
    "nämnd",
    "styrelse",
    "bolag",
    "förbund",
    "länsstyrelse",
    "räddningstjänst",
    "område",
)


def _generic(folded: str) -> bool:
    return folded.startswith(_GENERIC_STEMS)


@lru_cache(maxsize=4096)
def _known_words(names: tuple[str, ...]) -> dict[str, str]:
    """casefolded word → the name it comes from, with genitive and base forms."""
    known: dict[str, str] = {}
    for name in names:
        for word in re.findall(r"[^\W\d_]{4,}", name):
            folded = word.casefold()
            if _generic(folded):
                continue
            for form in (folded, folded + "s", folded[:-1] if folded.endswith("s") else folded):
                known.setdefault(form, name)
    return known


def _closest(word: str, known: dict[str, str]) -> str | None:
    folded = word.casefold()
    if folded in known or len(folded) < 5 or _generic(folded):
        return None
    first, length = folded[0], len(folded)
    for candidate, name in known.items():
        # The cheap tests first: most words share neither first letter nor length.
        if candidate[0] != first or len(candidate) < 5 or abs(len(candidate) - length) > 2:
            continue
        if _inflection_or_compound(folded, candidate):
            continue
        if _distance(folded, candidate) <= (2.0 if len(candidate) >= 7 else 1.0):
            return name
    return None


def _inflection_or_compound(word: str, name: str) -> bool:
    """ "Mölndalsån", "Centret" beside "Centrum", "Västerås" beside "Västra": the same stem
    with another ending or a word added, not a misspelling. A misspelling differs
    inside the stem ("Mölnåls" / "Mölndals")."""
    if word.startswith(name) or name.startswith(word):
        return True
    shared = 0
    for a, b in zip(word, name):  # noqa: B905
        if a != b:
            break
        shared += 1
    return shared >= min(len(word), len(name)) - 2


@lru_cache(maxsize=65536)
def _distance(a: str, b: str) -> float:
    """Edit distance where å/ä↔a, ö↔o and the like cost half a letter."""
    previous = [float(j) for j in range(len(b) + 1)]
    for i, ca in enumerate(a, 1):
        current = [float(i)]
        for j, cb in enumerate(b, 1):
            if ca == cb:
                cost = 0.0
            elif frozenset((ca, cb)) in _HALF:
                cost = 0.5
            else:
                cost = 1.0
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost))
        previous = current
    return previous[-1]
