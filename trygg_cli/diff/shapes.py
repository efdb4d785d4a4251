"""Sentences for changes to what real agreements say beyond the first model (issue 16):
who makes a commitment together, overall goals, indicators' baselines and targets,
extensions, a period that runs until it is replaced, and a stated term.

"'Tillsammans genomför vi trygghetsvandringar.' is now promised by Exempelby kommun and
Lokalpolisområde Exempel together (before: Exempelby kommun).", "The indicator 'Andel
som känner sig trygga': target now 70 % (2024), before 65 % (2024).", "The agreement is
extended to 2025-06-30 (decided 2024-04-02, KS 2024-04-02 § 55)."
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from trygg_cli.date_words import long_date
from trygg_cli.diff.compare import Change
from trygg_cli.i18n import N_, _, quoted
from trygg_cli.model.common import Extension, Measure, Term
from trygg_cli.model.dates import describe_months

_EXTENDED = {
    "agreement": N_("The agreement is extended to {until}{decided}."),
    "action-plan": N_("The action plan is extended to {until}{decided}."),
    "citizen-promise": N_("The citizen promise is extended to {until}{decided}."),
}
_REPLACED = {
    "agreement": N_("The agreement now runs until a new one replaces it."),
    "action-plan": N_("The action plan now runs until a new one replaces it."),
    "citizen-promise": N_("The citizen promise now runs until a new one replaces it."),
}
_NOT_REPLACED = {
    "agreement": N_("The agreement no longer runs until a new one replaces it."),
    "action-plan": N_("The action plan no longer runs until a new one replaces it."),
    "citizen-promise": N_("The citizen promise no longer runs until a new one replaces it."),
}
_MEASURES = {
    "baseline": (
        N_("The indicator {name}: baseline now {new}, before {old}."),
        N_("The indicator {name} now has a baseline: {new}."),
        N_("The indicator {name} no longer has a baseline (before: {old})."),
    ),
    "target": (
        N_("The indicator {name}: target now {new}, before {old}."),
        N_("The indicator {name} now has a target: {new}."),
        N_("The indicator {name} no longer has a target (before: {old})."),
    ),
}


def measure(value: Measure) -> str:
    """A measure as a document writes it: its own text, else "70 % (2024)"."""
    if value.text:
        return value.text
    shown = f"{value.value:g}" + (f" {value.unit}" if value.unit else "")
    return f"{shown} ({value.year})" if value.year is not None else shown


def term(value: Term) -> str:
    """A stated term in words: "4 years", "18 months", "the mandate period"."""
    if value.unit == "mandate_period":
        if value.amount == 1:
            return _("the mandate period")
        return _("{n} mandate periods").format(n=value.amount)
    return describe_months(value.amount * (12 if value.unit == "year" else 1))


def joined(names: Sequence[str]) -> str:
    """ "A", "A and B", "A, B and C"."""
    if len(names) <= 1:
        return "".join(names)
    return _("{first} and {last}").format(first=", ".join(names[:-1]), last=names[-1])


def sentence(change: Change, names: Mapping[str, str], kind: str) -> str | None:
    """The sentence for ``change`` when it is a change to one of these shapes, else None."""
    owner = change.owner
    if change.field == "who" and owner is not None:
        return _who(change, names, owner.name)
    if change.collection == "goals" and owner is None and change.kind in ("added", "removed"):
        if change.new is not None:
            return _("New overall goal: '{name}'.").format(name=change.new.description)
        return _("The overall goal '{name}' was removed.").format(name=change.old.description)
    if change.field in _MEASURES and owner is not None and owner.collection == "indicators":
        return _measure(change, owner.name)
    if change.collection == "extensions":
        return _extension(change, kind)
    if change.field == "until_replaced" and kind in _REPLACED:
        return _(_REPLACED[kind] if change.new else _NOT_REPLACED[kind])
    if change.field == "term" and change.path[:1] in (("validity",), ("period",)):
        return _term(change)
    return None


def _who(change: Change, names: Mapping[str, str], text: str) -> str:
    new = [names.get(ident, ident) for ident in change.new]
    old = joined([names.get(ident, ident) for ident in change.old])
    if len(new) > 1:
        return _("'{text}' is now promised by {who} together (before: {old}).").format(
            text=text, who=joined(new), old=old
        )
    return _("'{text}' is now promised by {who} (before: {old}).").format(
        text=text, who=joined(new), old=old
    )


def _shown(value: object) -> str:
    return measure(value) if isinstance(value, Measure) else str(value)


def _measure(change: Change, name: str) -> str:
    changed, added, removed = _MEASURES[change.field]
    if change.old is None:
        return _(added).format(name=quoted(name), new=_shown(change.new))
    if change.new is None:
        return _(removed).format(name=quoted(name), old=_shown(change.old))
    return _(changed).format(name=quoted(name), new=_shown(change.new), old=_shown(change.old))


def _extension(change: Change, kind: str) -> str:
    old: Extension | None = change.old
    new: Extension | None = change.new
    if old is None and new is not None:
        decided = [d for d in (new.decided and long_date(new.decided), new.decision) if d]
        note = _(" (decided {what})").format(what=", ".join(decided)) if decided else ""
        extended = _EXTENDED.get(kind, _EXTENDED["agreement"])
        return _(extended).format(until=long_date(new.until), decided=note)
    if new is None and old is not None:
        return _("The extension to {until} was removed.").format(until=long_date(old.until))
    assert old is not None and new is not None
    if old.until != new.until:
        return _("The extension to {old} now runs to {new}.").format(
            old=long_date(old.until), new=long_date(new.until)
        )
    return _("The record of the extension to {until} was revised.").format(
        until=long_date(new.until)
    )


def _term(change: Change) -> str:
    if change.old is None:
        return _("The stated term is now {new}.").format(new=term(change.new))
    if change.new is None:
        return _("The stated term was removed (before: {old}).").format(old=term(change.old))
    return _("The stated term is now {new} (before: {old}).").format(
        new=term(change.new), old=term(change.old)
    )
