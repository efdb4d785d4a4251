"""Organisations as documents name them: the municipality ("Mölndals stad", "Göteborgs
Stad", "Essunga kommun", "Region Gotland"), the police ("Polisområde Storgöteborg",
"Lokalpolisområde Storgöteborg Syd", "Polisregion Stockholm", "Polismyndigheten i
Östergötlands län"), a district administration ("Skärholmens stadsdelsförvaltning") and
the common other actors ("kommunens bostadsbolag", "räddningstjänsten",
"utbildningsförvaltningen", "Kriminalvården")."""

from __future__ import annotations

import re
from dataclasses import dataclass

from trygg_cli.municipalities import find, is_example
from trygg_cli.phrases.found import Found


@dataclass(frozen=True)
class Organisation:
    """A named organisation: its name as written, its kind (a party's or an actor's
    ``type``), whether it can sign (``party``) and, for a municipality, its name in the
    list of Sweden's municipalities."""

    name: str
    type: str
    party: bool
    municipality: str | None = None

    @property
    def police(self) -> bool:
        return self.type in ("polisregion", "polisområde", "lokalpolisområde")


_CAP = r"[A-ZÅÄÖ][\w-]*"
_DIRECTION = r"(?:[Ss]yd|[Nn]ord|[Öö]st|[Vv]äst|[Mm]itt|[Cc]ity|[Cc]entrum)"
_PLACE = rf"(?:(?:östra|västra|norra|södra)\s+)?{_CAP}(?:[ \t]+(?:{_CAP}|{_DIRECTION}))*"
_POLICE = re.compile(
    rf"(?<!\w)(?P<kind>[Ll]okalpolisområde|[Pp]olisområde|[Pp]olisregion)[ \t]+(?P<place>{_PLACE})"
    rf"|(?<!\w)(?P<before>{_CAP}s)[ \t]+(?P<kind2>lokalpolisområde)(?!\w)"
    r"|(?<!\w)(?P<myndighet>Polismyndigheten(?:[ \t]+i[ \t]+[A-ZÅÄÖ][\w]*[ \t]+län)?)"
)
_MUNICIPAL = re.compile(
    r"(?<!\w)(?P<name>[A-ZÅÄÖ][\wåäöé-]+(?:[ \t][A-ZÅÄÖ][\w-]+)?)[ \t]+"
    r"(?P<kind>kommun|[Ss]tad|stadsdelsförvaltning)(?![\wåäö])"
    r"|(?<!\w)(?P<region>Region[ \t]+[A-ZÅÄÖ]\w+)"
)
_ACTORS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), kind)
    for pattern, kind in (
        (r"(?<!\w)(?:[Kk]ommunens|[Ss]tadens)[ \t]+bostadsbolag(?!\w)", "bostadsbolag"),
        (r"(?<!\w)[A-ZÅÄÖ]\w*bostäder(?:[ \t]+AB)?(?!\w)", "bostadsbolag"),
        (r"(?<!\w)[Rr]äddningstjänsten(?:[ \t]+[A-ZÅÄÖ]\w+)*", "räddningstjänst"),
        (r"(?<!\w)Brandförsvaret(?!\w)", "räddningstjänst"),
        (
            r"(?<!\w)[A-ZÅÄÖa-zåäö]*(?:socialförvaltning|utbildningsförvaltning|"
            r"fritidsförvaltning|trafikkontor|stadsledningskontor|stadsbyggnadsförvaltning)"
            r"(?:en|et)?(?!\w)",
            "förvaltning",
        ),
        (
            r"(?<!\w)(?:Kriminalvården|Åklagarmyndigheten|Kronofogden|Försäkringskassan)(?!\w)",
            "myndighet",
        ),
    )
)


def _municipality(name: str) -> str | None:
    """The municipality ``name`` (or its genitive, 'Mölndals') is, else None."""
    for candidate in (name, name[:-1] if name.endswith("s") else name):
        if is_example(candidate):
            return candidate
        found = find(candidate)
        if found is not None:
            return found.name
    return None


def _police(match: re.Match[str]) -> Organisation:
    if match.group("myndighet") is not None:
        return Organisation(match.group("myndighet"), "polisregion", True)
    if match.group("kind2") is not None:
        return Organisation(match.group(0), "lokalpolisområde", True)
    kind = match.group("kind").lower()
    name = f"{kind[0].upper()}{kind[1:]} {match.group('place')}"
    return Organisation(name, kind, True)


def _municipal(match: re.Match[str]) -> Organisation | None:
    if match.group("region") is not None:
        name = match.group("region")
        return Organisation(name, "region", True, _municipality(name))
    name, kind = match.group("name"), match.group("kind")
    known = _municipality(name)
    if kind == "stadsdelsförvaltning":
        return Organisation(match.group(0), "stadsdelsförvaltning", True)
    if known is None:
        return None
    return Organisation(match.group(0), "stad" if kind.lower() == "stad" else "kommun", True, known)


def find_organisations(text: str) -> list[Found[Organisation]]:
    """Every organisation named in ``text``, in order."""
    found: list[Found[Organisation]] = []
    for match in _POLICE.finditer(text):
        found.append(Found(match.start(), match.end(), _police(match)))
    for match in _MUNICIPAL.finditer(text):
        organisation = _municipal(match)
        if organisation is not None:
            found.append(Found(match.start(), match.end(), organisation))
    for pattern, kind in _ACTORS:
        for match in pattern.finditer(text):
            name = match.group(0)
            found.append(
                Found(
                    match.start(),
                    match.end(),
                    Organisation(name[0].upper() + name[1:], kind, False),
                )
            )
    found.sort(key=lambda f: (f.start, -f.end))
    kept: list[Found[Organisation]] = []
    for item in found:
        if not kept or item.start >= kept[-1].end:
            kept.append(item)
    return kept


_POLICE_WORDS = re.compile(r"polis", re.IGNORECASE)


def is_police(text: str) -> bool:
    """Whether a role or name belongs to the police ('kommunpolis', 'Lokalpolisområdeschef')."""
    return _POLICE_WORDS.search(text) is not None
