"""Each change as a sentence a steering group can read.

"LÖK-nätverket now meets about four times a year (before: twice a year).", "New member in
Den centrala strategiska samverkansgruppen (CSS): Samordnare (Göteborgs Stad).", "The
priority Hot och våld was removed.", "The period of validity is extended to 2027-12-31
(before: 2026-12-31)." Things are named as the documents name them (a body by its name,
a priority by its title, a member by role and party), never by a YAML path. Sentences go
through the translation function; long texts that were rewritten get a short sentence and
the old and new text as detail.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from pydantic import BaseModel

from trygg_cli.date_words import day_or_year, long_date
from trygg_cli.diff import shapes
from trygg_cli.diff.cadence import describe
from trygg_cli.diff.compare import Change, item_name
from trygg_cli.i18n import N_, _, quoted
from trygg_cli.model.common import Measure, Term
from trygg_cli.model.schedule import Completion, Schedule

_LONG = 100

_NOUNS = {
    "parties": N_("party"),
    "actors": N_("actor"),
    "bodies": N_("body"),
    "members": N_("member"),
    "priorities": N_("priority"),
    "sub_priorities": N_("sub-priority"),
    "goals": N_("goal"),
    "indicators": N_("indicator"),
    "actions": N_("action"),
    "commitments": N_("commitment"),
    "signatories": N_("signatory"),
    "occasions": N_("recurring occasion"),
    "sections": N_("section"),
    "based_on": N_("source"),
    "supersedes": N_("replaced agreement"),
    "plans": N_("planner"),
    "performs": N_("performer"),
    "follows_up": N_("person following up"),
    "action_plans": N_("linked action plans"),
    "citizen_promises": N_("linked citizen promises"),
}

_LABELS = {
    "id": N_("the id"),
    "title": N_("the title"),
    "name": N_("the name"),
    "scope": N_("the scope"),
    "municipality": N_("the municipality"),
    "document_type": N_("the type of document"),
    "responsible": N_("who is responsible"),
    "applies_to": N_("who it applies to"),
    "last_revised": N_("the date of the last revision"),
    "central_agreement": N_("the central agreement"),
    "agreement": N_("the agreement"),
    "description": N_("the description"),
    "level": N_("the level"),
    "type": N_("the type"),
    "role": N_("the role"),
    "party": N_("the party"),
    "body": N_("the body"),
    "problem": N_("the problem"),
    "causes": N_("the causes"),
    "outcome": N_("the outcome"),
    "text": N_("the text"),
    "area": N_("the area"),
    "priority": N_("the priority"),
    "responsible_body": N_("the responsible body"),
    "source": N_("the source"),
    "baseline": N_("the baseline"),
    "target": N_("the target"),
    "chair": N_("the chair"),
    "convener": N_("the convener"),
    "decision": N_("the decision"),
    "date": N_("the date"),
    "paragraph": N_("the paragraph"),
    "dnr": N_("the registration number"),
    "place": N_("the place"),
    "signed": N_("the date of signing"),
    "from": N_("the start"),
    "start": N_("the start"),
    "action_plan": N_("the action plan"),
    "citizen_promise": N_("the citizen promise"),
    "occasion": N_("the occasion"),
    "prepared_by": N_("who put it together"),
    "summary": N_("the overall assessment"),
    "next_steps": N_("what changes next"),
}

_SCHEDULES = {
    "follow_up": N_("the follow-up"),
    "evaluation": N_("the evaluation"),
    "revision": N_("the revision"),
    "priority_review": N_("the review of the priorities"),
    "priority_revision": N_("the revision of the priorities"),
}

_STATUS = {
    "planned": N_("planned"),
    "ongoing": N_("ongoing"),
    "done": N_("done"),
    "postponed": N_("postponed"),
    "cancelled": N_("cancelled"),
}


@dataclass(frozen=True)
class Narrated:
    """A change with its sentence and, for rewritten texts, the old and new text."""

    change: Change
    sentence: str
    detail: tuple[str, str] | None = None


def _when(done: Completion) -> str:
    return day_or_year(done.date or done.done_year)


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


class Narrator:
    """Sentences for the changes of one document of ``kind``; ``names`` maps party, actor,
    body and priority ids to their names (from both versions), so links read as names."""

    def __init__(self, names: Mapping[str, str], kind: str = "agreement") -> None:
        self.names = names
        self.kind = kind

    def value(self, value: Any) -> str:
        if value is None:
            return _("nothing")
        if isinstance(value, bool):
            return _("yes") if value else _("no")
        if isinstance(value, date):
            return long_date(value)
        if isinstance(value, Schedule):
            return describe(value, self.names)
        if isinstance(value, Measure):
            return shapes.measure(value)
        if isinstance(value, Term):
            return shapes.term(value)
        if isinstance(value, tuple):
            return shapes.joined([self.value(v) for v in value])
        if isinstance(value, BaseModel):
            return self.member(value) if _is_member(value) else item_name(value)
        if isinstance(value, list):
            return ", ".join(self.value(v) for v in value) or _("nothing")
        if isinstance(value, str) and value in self.names:
            return self.names[value]
        return str(value)

    def member(self, member: Any) -> str:
        who = getattr(member, "role", None) or ""
        party = getattr(member, "party", None)
        body = getattr(member, "body", None)
        where = self.names.get(party or body or "", party or body or "")
        together = getattr(member, "who", ())
        if len(together) > 1:
            where = shapes.joined([self.names.get(ident, ident) for ident in together])
        if who and where:
            return _("{role} ({party})").format(role=who, party=where)
        return who or where

    def of(self, label: str, change: Change) -> str:
        """``the level of LÖK-nätverket`` (or just ``the level`` at the top)."""
        if change.owner is None:
            return label
        return _("{label} of {owner}").format(label=label, owner=change.owner.name)

    def narrate(self, change: Change) -> Narrated:
        shaped = shapes.sentence(change, self.names, self.kind)
        if shaped is not None:
            return Narrated(change, shaped)
        if change.kind == "renamed":
            return Narrated(change, self._renamed(change))
        if change.collection == "done":
            return Narrated(change, self._done(change))
        if change.collection:
            return Narrated(change, self._item(change))
        if isinstance(change.old, Schedule) or isinstance(change.new, Schedule):
            return Narrated(change, self._schedule(change))
        if change.field in ("until", "end") and change.path[-2:-1] in (("validity",), ("period",)):
            return Narrated(change, self._end(change))
        if change.field == "deadline":
            return Narrated(change, self._deadline(change))
        if change.field == "status":
            return Narrated(change, self._status(change))
        if change.field == "reports_to":
            return Narrated(change, self._reports_to(change))
        return self._field(change)

    def _renamed(self, change: Change) -> str:
        noun = _(_NOUNS.get(change.collection, "item"))
        name = change.owner.name if change.owner else ""
        return _("The {noun} {name} has a new id: {old} (before: {new_was}).").format(
            noun=noun, name=quoted(name), old=change.new, new_was=change.old
        )

    def _schedule_thing(self, change: Change, field: str) -> str:
        if field == "meetings" and change.owner is not None:
            return _("the meetings of {body}").format(body=change.owner.name)
        if field in _SCHEDULES:
            return self.of(_(_SCHEDULES[field]), change)
        if change.owner is not None:
            return quoted(change.owner.name)
        return _("the schedule")

    def _schedule(self, change: Change) -> str:
        old, new = change.old, change.new
        if change.field == "meetings" and change.owner and old is not None and new is not None:
            return _("{body} now meets {new} (before: {old}).").format(
                body=change.owner.name, new=self.value(new), old=self.value(old)
            )
        thing = self._schedule_thing(change, change.field)
        if old is None:
            return _("{thing} is now scheduled: {new}.").format(
                thing=_capital(thing), new=self.value(new)
            )
        if new is None:
            return _("{thing} is no longer scheduled (before: {old}).").format(
                thing=_capital(thing), old=self.value(old)
            )
        return _("{thing} now happens {new} (before: {old}).").format(
            thing=_capital(thing), new=self.value(new), old=self.value(old)
        )

    def _done(self, change: Change) -> str:
        field = next((p for p in reversed(change.path[:-1]) if not p.startswith("[")), "")
        thing = _capital(self._schedule_thing(change, field))
        old: Completion | None = change.old
        new: Completion | None = change.new
        if old is None and new is not None:
            return _("{thing}: done on {date}.").format(thing=thing, date=_when(new))
        if new is None and old is not None:
            return _("{thing}: the record of {date} was removed.").format(
                thing=thing, date=_when(old)
            )
        assert old is not None and new is not None
        return _("{thing}: the record of {old} now says {new}.").format(
            thing=thing, old=_when(old), new=_when(new)
        )

    def _item(self, change: Change) -> str:
        collection = change.collection
        noun = _(_NOUNS.get(collection, "item"))
        owner = change.owner.name if change.owner else None
        old, new = change.old, change.new
        if collection == "members" and owner is not None:
            if old is None:
                return _("New member in {body}: {member}.").format(
                    body=owner, member=self.member(new)
                )
            if new is None:
                return _("{member} is no longer a member of {body}.").format(
                    member=self.member(old), body=owner
                )
            return _("In {body}, {old} is now {new}.").format(
                body=owner, old=self.member(old), new=self.member(new)
            )
        if (
            collection == "signatories"
            and old is not None
            and new is not None
            and (old.name, old.title) == (new.name, new.title)
            and new.signed is not None
            and old.signed != new.signed
        ):
            return _("{name} signed on {date}.").format(
                name=new.name or new.title, date=long_date(new.signed)
            )
        if not isinstance(old or new, BaseModel):
            label = _capital(self.of(noun, change))
            if old is None:
                return _("{label}: {value} was added.").format(label=label, value=self.value(new))
            return _("{label}: {value} was removed.").format(label=label, value=self.value(old))
        where = _(" in {owner}").format(owner=owner) if owner else ""
        if old is None:
            return _("New {noun}{where}: {name}.").format(
                noun=noun, where=where, name=quoted(self.value(new))
            )
        if new is None:
            return _("The {noun} {name} was removed{where}.").format(
                noun=noun, name=quoted(self.value(old)), where=where
            )
        return _("The {noun} {old}{where} is now {new}.").format(
            noun=noun, old=quoted(self.value(old)), where=where, new=quoted(self.value(new))
        )

    def _end(self, change: Change) -> str:
        what = _("the period of validity") if change.path[-2] == "validity" else _("the period")
        what = _capital(what)
        old, new = change.old, change.new
        if old is None:
            return _("{what} now ends on {new}.").format(what=what, new=long_date(new))
        if new is None:
            return _("{what} no longer has an end date (before: {old}).").format(
                what=what, old=long_date(old)
            )
        verb = _("is extended to") if new > old else _("is shortened to")
        return _("{what} {verb} {new} (before: {old}).").format(
            what=what, verb=verb, new=long_date(new), old=long_date(old)
        )

    def _deadline(self, change: Change) -> str:
        owner = quoted(change.owner.name) if change.owner else _("the action")
        old, new = change.old, change.new
        if old is None:
            return _("{owner} now has a deadline: {new}.").format(
                owner=_capital(owner), new=long_date(new)
            )
        if new is None:
            return _("{owner} no longer has a deadline (before: {old}).").format(
                owner=_capital(owner), old=long_date(old)
            )
        return _("The deadline of {owner} moved from {old} to {new}.").format(
            owner=owner, old=long_date(old), new=long_date(new)
        )

    def _status(self, change: Change) -> str:
        owner = quoted(change.owner.name) if change.owner else _("the item")
        return _("{owner} is now {new} (before: {old}).").format(
            owner=_capital(owner),
            new=_(_STATUS.get(change.new, str(change.new))),
            old=_(_STATUS.get(change.old, str(change.old))),
        )

    def _reports_to(self, change: Change) -> str:
        owner = change.owner.name if change.owner else ""
        if change.new is None:
            return _("{body} no longer reports to {old}.").format(
                body=owner, old=self.value(change.old)
            )
        if change.old is None:
            return _("{body} now reports to {new}.").format(body=owner, new=self.value(change.new))
        return _("{body} now reports to {new} (before: {old}).").format(
            body=owner, new=self.value(change.new), old=self.value(change.old)
        )

    def _field(self, change: Change) -> Narrated:
        owner = change.owner
        if change.field in ("name", "title") and owner is not None and change.old and change.new:
            noun = _(_NOUNS.get(owner.collection, "item"))
            sentence = _("The {noun} {old} is now called {new}.").format(
                noun=noun, old=quoted(change.old), new=quoted(change.new)
            )
            return Narrated(change, sentence)
        label = (
            _(_LABELS[change.field]) if change.field in _LABELS else change.field.replace("_", " ")
        )
        subject = _capital(self.of(label, change))
        old, new = change.old, change.new
        long = any(isinstance(v, str) and ("\n" in v.strip() or len(v) > _LONG) for v in (old, new))
        if long:
            detail = (
                self.value(old) if old is not None else "",
                self.value(new) if new is not None else "",
            )
            return Narrated(change, _("{subject} was rewritten.").format(subject=subject), detail)
        if old is None:
            sentence = _("{subject} is now {new}.").format(
                subject=subject, new=quoted(self.value(new))
            )
        elif new is None:
            sentence = _("{subject} was removed (before: {old}).").format(
                subject=subject, old=quoted(self.value(old))
            )
        else:
            sentence = _("{subject} changed from {old} to {new}.").format(
                subject=subject, old=quoted(self.value(old)), new=quoted(self.value(new))
            )
        return Narrated(change, sentence)


def _is_member(value: BaseModel) -> bool:
    fields = type(value).model_fields
    return "role" in fields and ("party" in fields or "body" in fields) and "name" not in fields
