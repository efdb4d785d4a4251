"""An agreement's draft: the facts and the structure found, each quoted, the rest as
sections, and what is required but missing marked TODO."""

from __future__ import annotations

import re
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from trygg_cli.i18n import _, quoted
from trygg_cli.importer import bodies as found_bodies
from trygg_cli.importer import facts
from trygg_cli.importer.draft import Draft, mapping, slug, text_value, unique
from trygg_cli.importer.parts import Layout
from trygg_cli.phrases import parse_date
from trygg_cli.phrases.parties import Organisation, is_police

_F = re.IGNORECASE
_PLACEHOLDER = re.compile(r"X{2,}|[0-9]{1,3}[ÅY]|MM-DD|ÅÅÅÅ")
_LEVEL_BY_NAME = (
    (re.compile(r"styrgrupp|råd|\bbrå\b|ledning|strategisk", _F), "strategisk"),
    (re.compile(r"beredning|nätverk|taktisk|processledare", _F), "taktisk"),
)


def parties(draft: Draft, layout: Layout, ids: set[str]) -> dict[str, str]:
    """The parties, written; returns 'police' and 'municipality' → their ids."""
    seq = CommentedSeq()
    roles: dict[str, str] = {}
    for org, source in facts.organisations(layout):
        party_id = unique(_party_id(org), ids)
        draft.append(seq, mapping(id=party_id, name=org.name, type=org.type), source, 2)
        roles.setdefault("police" if org.police else "municipality", party_id)
    if not seq:
        todo = draft.gap(
            "parties", _("the text names no party; write the municipality and the police")
        )
        seq.append(mapping(id="part", name=todo, type="annan"))
        roles["municipality"] = roles["police"] = "part"
    for role in ("municipality", "police"):
        roles.setdefault(role, next(iter(roles.values())))
    draft.root["parties"] = seq
    return roles


def _party_id(org: Organisation) -> str:
    if org.type == "lokalpolisområde":
        return slug("lpo " + org.name.split(" ", 1)[-1], "polisen")
    return slug(org.name, "part")


def municipality(draft: Draft, layout: Layout, texts: list[str]) -> str | None:
    for org, source in facts.organisations(layout):
        if org.municipality:
            draft.put(draft.root, "municipality", org.municipality, source, 0)
            return org.municipality
    found = facts.most_common_municipality(texts)
    if found is not None:
        draft.root["municipality"] = found
        draft.note(
            draft.root, "municipality", _("the municipality named most often in the text"), 0
        )
        return found
    draft.root["municipality"] = draft.gap("municipality", _("the text names no municipality"))
    return None


def validity(
    draft: Draft, layout: Layout, key: str = "validity", required: bool = True
) -> int | None:
    """The period; returns its first year, for the id."""
    found = facts.validity(layout)
    reading = found.reading
    period = CommentedMap()
    if reading.start is not None:
        period["from"] = reading.start.first
    if reading.from_signing:
        period["from_signing"] = True
    if reading.end is not None:
        period["until"] = reading.end.last
    elif reading.until_replaced:
        period["until_replaced"] = True
    elif reading.until_further_notice:
        period["until_further_notice"] = True
    elif reading.term is not None:
        period["term"] = mapping(
            amount=reading.term.amount, unit=reading.term.unit, text=reading.term.text
        )
    if found.text is not None:
        period["text"] = found.text
    if not period and not required:
        return None
    if not period:
        period["text"] = draft.gap(key, _("the text does not say when it applies"))
    draft.put(draft.root, key, period, found.sources or None, 0)
    if found.term_aside is not None:
        aside, sentence = found.term_aside
        assert aside.term is not None
        draft.note(
            period,
            next(iter(period)),
            _("The text also says {term} ({where}); check it against the dates.").format(
                term=quoted(aside.term.text or ""), where=sentence.where
            ),
            2,
        )
    start = reading.start.first.year if reading.start else None
    return start or (reading.end.first.year if reading.end else None)


def header(draft: Draft, layout: Layout) -> None:
    cells = facts.header(layout)
    for key in ("document_type", "responsible", "applies_to"):
        if key in cells:
            draft.put(draft.root, key, cells[key][0], cells[key][1], 0)
    if "last_revised" in cells:
        when = parse_date(cells["last_revised"][0])
        if when is not None and when.precision == "day":
            draft.put(draft.root, "last_revised", when.first, cells["last_revised"][1], 0)


def decision(draft: Draft, layout: Layout) -> None:
    cells = facts.header(layout)
    if "decision" not in cells:
        return
    said, source = cells["decision"]
    body = said.split(",")[0].strip()
    values = CommentedMap(body=body)
    if _PLACEHOLDER.search(said):
        draft.gap("decision", _("the text's date, § and dnr are placeholders; write the real ones"))
    draft.put(draft.root, "decision", values, source, 0)


def structure(draft: Draft, layout: Layout, roles: dict[str, str], ids: set[str]) -> None:
    """Bodies, priorities and occasions."""
    seq = CommentedSeq()
    for i, body in enumerate(found_bodies.bodies(layout.parts)):
        seq.append(_body(draft, body, roles, ids, i))
        if body.source is not None:
            seq.yaml_set_comment_before_after_key(len(seq) - 1, draft.quote(body.source), indent=2)
    if seq:
        draft.root["bodies"] = seq
    priorities = CommentedSeq()
    for priority in found_bodies.priorities(layout.parts):
        item = mapping(id=unique(slug(priority.title, "omrade"), ids), title=priority.title)
        item["description"] = text_value(priority.description)
        draft.append(priorities, item, priority.source, 2)
    if priorities:
        draft.root["priorities"] = priorities
    _occasions(draft, layout, ids)


def _body(
    draft: Draft, body: found_bodies.FoundBody, roles: dict[str, str], ids: set[str], i: int
) -> CommentedMap:
    item = mapping(id=unique(slug(body.name, "organ")[:40].strip("-"), ids), name=body.name)
    level = body.level
    if level is None:
        level = next((lv for p, lv in _LEVEL_BY_NAME if p.search(body.name)), "operativ")
        draft.gap(
            f"bodies[{i}].level",
            _("the text does not say the level of {name}; {level} is a guess").format(
                name=quoted(body.name), level=level
            ),
        )
    draft.put(item, "level", level, body.level_source, 4)
    if body.description:
        item["description"] = text_value(" ".join(body.description))
    members = CommentedSeq()
    for role in body.members:
        party = roles["police"] if is_police(role) else roles["municipality"]
        members.append(mapping(party=party, role=role))
    if members:
        draft.put(item, "members", members, body.members_source, 4)
    else:
        draft.gap(
            f"bodies[{i}].members",
            _("the text lists no members of {name}").format(name=quoted(body.name)),
        )
    if body.meetings is not None:
        meetings: dict[str, Any] = body.meetings.model_dump(exclude_defaults=True, exclude={"done"})
        if body.meetings_source is not None:
            meetings = {"text": body.meetings_source.text, **meetings}
        draft.put(item, "meetings", mapping(**meetings), body.meetings_source, 4)
    return item


def _occasions(draft: Draft, layout: Layout, ids: set[str]) -> None:
    seq = CommentedSeq()
    for part in layout.parts:
        if (
            part.heading is None
            or part.used
            or not found_bodies.OCCASION_HEADING.search(part.title)
        ):
            continue
        text = part.text()
        from trygg_cli.phrases import find_schedules

        strong = [f for f in find_schedules(text) if not f.weak]
        if not strong:
            continue
        schedule = strong[0].value.model_dump(exclude_defaults=True, exclude={"done"})
        sentence = next(
            s for s in part.sentences() if text[strong[0].start : strong[0].end] in s.text
        )
        item = mapping(id=unique(slug(part.title, "tillfalle"), ids), name=part.title)
        item["description"] = text_value(text)
        item["schedule"] = mapping(text=sentence.text, **schedule)
        draft.append(seq, item, sentence, 2)
        part.used = True
    if seq:
        draft.root["occasions"] = seq


def schedules(draft: Draft, layout: Layout, central: bool) -> None:
    found = facts.schedules(layout, central)
    for key in ("priority_review", "priority_revision", "follow_up", "evaluation", "revision"):
        if key in found:
            schedule, sentence = found[key]
            values = schedule.model_dump(exclude_defaults=True, exclude={"done"})
            draft.put(draft.root, key, mapping(text=sentence.text, **values), sentence, 0)


def supersedes(draft: Draft, layout: Layout) -> None:
    seq = CommentedSeq()
    for title, sentence in facts.supersedes(layout):
        draft.append(seq, mapping(title=title), sentence, 2)
    if seq:
        draft.root["supersedes"] = seq


def signatories(draft: Draft, layout: Layout, roles: dict[str, str]) -> None:
    seq = CommentedSeq()
    for signer in facts.signers(layout):
        party = roles["police"] if signer.police else roles["municipality"]
        item = mapping(name=signer.name, title=signer.title, party=party)
        if signer.signed is not None:
            item["signed"] = signer.signed
            item["place"] = signer.place
        draft.append(seq, item, signer.source, 2)
    if seq:
        draft.root["signatories"] = seq


def sections(draft: Draft, layout: Layout, ids: set[str], skip: set[str]) -> None:
    """Every part whose text went into no field, as a section under its own heading."""
    seq = CommentedSeq()
    for part in layout.parts:
        if part.used or not part.blocks:
            continue
        title = part.title or "Ingress"
        if title in skip and not part.heading:
            continue
        item = mapping(id=unique(slug(title, "avsnitt")[:40].strip("-"), ids), title=title)
        item["text"] = text_value(part.text())
        where = part.heading.where if part.heading is not None else part.blocks[0].where
        seq.append(item)
        seq.yaml_set_comment_before_after_key(len(seq) - 1, before=where, indent=2)
    if draft.gaps:
        text = "\n".join(f"- {gap}" for gap in draft.gaps)
        seq.append(
            mapping(
                id=unique("att-komplettera", ids), title="Att komplettera", text=text_value(text)
            )
        )
    if seq:
        draft.root["sections"] = seq


def id_for(municipality: str | None, word: str, year: int | None, title: str) -> str:
    """'molndal-lokal-2023'; without a municipality, the title's words."""
    parts = [slug(municipality), word] if municipality else [slug(title, "dokument")[:40]]
    if year is not None and str(year) not in parts[0]:
        parts.append(str(year))
    return "-".join(p.strip("-") for p in parts if p)
