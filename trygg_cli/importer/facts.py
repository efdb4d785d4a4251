"""What an agreement states outside its structure: who the parties are, how long it
runs, the decision and header, when it is followed up, evaluated and revised, what it
replaces and who signs."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from trygg_cli.importer.parts import Layout, Sentence, sentences, signed_at
from trygg_cli.model.schedule import Schedule
from trygg_cli.phrases import PeriodReading, find_schedules, parse_date, read_period
from trygg_cli.phrases.parties import Organisation, find_organisations, is_police

_F = re.IGNORECASE
_PERIOD_WORDS = re.compile(r"gäller|gälla|löper|giltig|avtalsperiod|tecknas|sträcker", _F)
_THIS = re.compile(r"överenskommelse|avtal|löfte|plan", _F)
_OTHER = re.compile(r"ramverk|prioriterade|sedan|lagen|program", _F)
_SCHEDULE_KEYS = (
    ("evaluation", re.compile(r"utvärder|slutlig\s+uppföljning", _F)),
    ("revision", re.compile(r"revider|revidering", _F)),
    ("follow_up", re.compile(r"uppfölj|följ(?:s|as)\s+upp", _F)),
)
_PRIORITIES = re.compile(r"prioriterade\s+(?:samverkans)?områden|fokusområden", _F)
_LOCAL_ONES = re.compile(r"\bde\s+lokala\b|\blokala\s+samverkansöverenskommelser", _F)
_SUPERSEDES = re.compile(r"\bersätter\s+(?P<what>[^.;]+)", _F)


def all_sentences(layout: Layout) -> Iterator[tuple[str, Sentence]]:
    """Every sentence with the heading it stands under ('' before any)."""
    if layout.title is not None:
        yield "", Sentence(layout.title.text, layout.title.where)
    for row in layout.header:
        for cell in row.cells or (row.text,):
            yield "", Sentence(cell, row.where)
    for part in layout.parts:
        if part.heading is not None:
            yield part.title, Sentence(part.heading.text, part.heading.where)
        for block in part.blocks:
            for sentence in sentences(block):
                yield part.title, sentence


def organisations(layout: Layout) -> list[tuple[Organisation, Sentence]]:
    """The parties: the organisations in the title, the header and a part named 'Parter';
    else the municipality and the police named most often in the text."""
    chosen: list[tuple[Organisation, Sentence]] = []
    early = [s for heading, s in all_sentences(layout) if not heading or "part" in heading.lower()]
    for sentence in early:
        for found in find_organisations(sentence.text):
            org = found.value
            if org.party and not any(c.name.lower() == org.name.lower() for c, _s in chosen):
                chosen.append((org, sentence))
    counted: Counter[str] = Counter()
    first: dict[str, tuple[Organisation, Sentence]] = {}
    for _heading, sentence in all_sentences(layout):
        for found in find_organisations(sentence.text):
            if found.value.party:
                key = found.value.name.lower()
                counted[key] += 1
                first.setdefault(key, (found.value, sentence))
    for police in (True, False):
        if not any(c.police == police for c, _s in chosen):
            ranked = [k for k, _n in counted.most_common() if first[k][0].police == police]
            if ranked:
                chosen.append(first[ranked[0]])
    police_first = sorted(chosen, key=lambda c: not c[0].police) if chosen else chosen
    return police_first if _police_first(layout) else sorted(chosen, key=lambda c: c[0].police)


def _police_first(layout: Layout) -> bool:
    title = layout.title.text if layout.title is not None else ""
    found = find_organisations(title)
    return bool(found) and found[0].value.police


@dataclass
class Validity:
    reading: PeriodReading
    sources: list[Sentence]
    text: str | None
    term_aside: tuple[PeriodReading, Sentence] | None


def validity(layout: Layout) -> Validity:
    """What the sentences about the document's own period say, merged."""
    merged = PeriodReading()
    sources: list[Sentence] = []
    text = None
    term_aside = None
    for _heading, sentence in all_sentences(layout):
        if not _PERIOD_WORDS.search(sentence.text) or _OTHER.search(sentence.text):
            continue
        if not _THIS.search(sentence.text) and not sentence.text.lower().startswith("gäller"):
            continue
        reading = read_period(sentence.text)
        if reading.empty:
            continue
        if reading.term is not None and (reading.end is not None or merged.end is not None):
            term_aside = term_aside or (reading, sentence)
        merged, added = _merge(merged, reading)
        if added:
            sources.append(sentence)
            if text is None and (
                reading.end or reading.until_further_notice or reading.from_signing
            ):
                text = sentence.text
    if merged.term is not None and merged.end is not None:
        term_aside = term_aside or (merged, sources[-1])
    return Validity(merged, sources, text, term_aside)


def _merge(old: PeriodReading, new: PeriodReading) -> tuple[PeriodReading, bool]:
    values = {}
    for name in ("start", "end", "term", "extension"):
        if (
            getattr(old, name) is None
            and getattr(new, name) is not None
            and name not in new.conflicts
        ):
            values[name] = getattr(new, name)
    for name in ("from_signing", "until_further_notice", "until_replaced"):
        if getattr(new, name) and not getattr(old, name):
            values[name] = True
    if not values:
        return old, False
    from dataclasses import replace

    return replace(old, **values), True


def schedules(layout: Layout, central: bool) -> dict[str, tuple[Schedule, Sentence]]:
    """follow_up, evaluation, revision, priority_review and priority_revision: for each,
    the strongest cadence said beside its word ('uppföljning', 'revidering' …)."""
    best: dict[str, tuple[int, Schedule, Sentence]] = {}
    for heading, sentence in all_sentences(layout):
        text = sentence.text
        if central and _LOCAL_ONES.search(text):
            continue
        found = [f for f in find_schedules(text) if not f.weak]
        for f in found:
            key = _nearest_key(text, f.start, f.end)
            if key is None:
                continue
            if _PRIORITIES.search(text) and key in ("follow_up", "revision"):
                key = "priority_review" if key == "follow_up" else "priority_revision"
            score = _score(heading, text, key)
            if key not in best or score > best[key][0]:
                best[key] = (score, f.value, sentence)
    return {key: (schedule, sentence) for key, (_s, schedule, sentence) in best.items()}


def _nearest_key(text: str, start: int, end: int) -> str | None:
    """The schedule word closest to the cadence at ``start``–``end``."""
    nearest: tuple[int, str] | None = None
    for key, pattern in _SCHEDULE_KEYS:
        for match in pattern.finditer(text):
            distance = max(start - match.end(), match.start() - end, 0)
            if nearest is None or distance < nearest[0]:
                nearest = (distance, key)
    return nearest[1] if nearest is not None and nearest[0] <= 80 else None


def _score(heading: str, text: str, key: str) -> int:
    score = 0
    if re.search(r"uppfölj|utvärder|revider", heading, _F):
        score += 3
    if re.match(r"^(?:en\s+|övergripande\s+)?(?:uppföljning|utvärdering|revidering)", text, _F):
        score += 2
    if re.search(
        r"denna\s+överenskommelse|överenskommelsen|åtgärdsplanen|handlingsplanen", text, _F
    ):
        score += 1
    return score


def header(layout: Layout) -> dict[str, tuple[str, Sentence]]:
    """The header's cells: 'Styrdokument Program', 'Ansvarig …', 'Gäller för …',
    'Senast reviderad 2023-03-17', 'Beslutat av Kommunstyrelsen, …'."""
    found: dict[str, tuple[str, Sentence]] = {}
    for row in layout.header:
        for cell in row.cells or (row.text,):
            source = Sentence(cell, row.where)
            for key, pattern in _HEADER:
                match = pattern.match(cell)
                if match and key not in found:
                    found[key] = (match.group(1).strip(), source)
    return found


_HEADER = (
    ("document_type", re.compile(r"^(Styrdokument\s+.+)$", _F)),
    ("responsible", re.compile(r"^Ansvarig\s+(.+)$", _F)),
    ("applies_to", re.compile(r"^Gäller\s+för\s+(.+)$", _F)),
    ("last_revised", re.compile(r"^Senast\s+reviderad\s+(.+)$", _F)),
    ("decision", re.compile(r"^Beslutat?\s+av\s+(.+)$", _F)),
)


def supersedes(layout: Layout) -> list[tuple[str, Sentence]]:
    found = []
    for _heading, sentence in all_sentences(layout):
        match = _SUPERSEDES.search(sentence.text)
        if match is not None:
            what = re.split(r"\s+och\s+(?:blir|är|gäller)\b", match.group("what"))[0].strip()
            found.append((what[0].upper() + what[1:], sentence))
    return found


@dataclass
class Signer:
    name: str
    title: str
    police: bool
    source: list[Sentence]
    place: str | None
    signed: object | None


def signers(layout: Layout) -> list[Signer]:
    place, day, at = None, None, None
    if layout.signed_at is not None:
        said = signed_at(layout.signed_at)
        if said is not None:
            when = parse_date(said[1])
            if when is not None and when.precision == "day":
                place, day = said[0], when.first
                at = Sentence(layout.signed_at.text, layout.signed_at.where)
    out = []
    for name, title in layout.signatures:
        source = [Sentence(f"{name.text} / {title.text}", name.where), *([at] if at else [])]
        out.append(Signer(name.text, title.text, is_police(title.text), source, place, day))
    return out


def most_common_municipality(texts: Iterable[str]) -> str | None:
    counted: Counter[str] = Counter()
    for text in texts:
        for found in find_organisations(text):
            if found.value.municipality:
                counted[found.value.municipality] += 1
    return counted.most_common(1)[0][0] if counted else None
