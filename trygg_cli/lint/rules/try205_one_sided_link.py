"""An agreement and its action plan or citizen promise do not point at each other.

What:
  An agreement lists an action plan under `action_plans:` (or a promise under
  `citizen_promises:`) whose own `agreement:` names a different agreement, or none; or a
  plan or promise names an agreement that keeps such a list but leaves it out. An
  agreement that lists no plans (or no promises) at all is not judged for that kind.

Why:
  The action plan is linked to an agreement and the citizen promise rests on its
  priorities (Mölndal's local agreement 2023–2026: "De prioriterade problemen ger även
  grund för ett lokalt medborgarlöfte"). The link is written in both files; when the two
  disagree, a reader of the agreement sees a different set of plans and promises than a
  reader of the plan, and the period and follow-up checks compare against the wrong
  agreement.

How to fix:
  Make the two sides agree: correct `agreement:` in the plan or promise, or add it to (or
  remove it from) the agreement's `action_plans:` / `citizen_promises:` list.

Passing example:
  # agreement.yaml
  id: molndal-lokal-2023
  citizen_promises: [molndal-medborgarlofte-2023]
  # promise.yaml
  id: molndal-medborgarlofte-2023
  agreement: molndal-lokal-2023

Failing example:
  # agreement.yaml
  id: molndal-lokal-2023
  citizen_promises: [molndal-medborgarlofte-2023]
  # promise.yaml
  id: molndal-medborgarlofte-2023
  agreement: molndal-lokal-2019
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from trygg_cli.findings import Finding, Severity, YamlPath, show
from trygg_cli.i18n import _
from trygg_cli.lint.base import Collected, DocContext, WorkspaceContext
from trygg_cli.model import ActionPlan, Agreement, CitizenPromise
from trygg_cli.nouns import KIND_NOUNS

ID = "TRY205"
NAME = "one-sided-link"
SEVERITY = Severity.WARNING

_LISTS = {"action-plan": "action_plans", "citizen-promise": "citizen_promises"}


@dataclass
class _Lists:
    listed: dict[str, list[tuple[str, int, int, YamlPath]]] = field(default_factory=dict)


@dataclass(frozen=True)
class _Link:
    agreement: str | None
    line: int
    column: int
    loc: YamlPath


def collect(ctx: DocContext) -> _Lists | _Link | None:
    doc = ctx.document
    if isinstance(doc, Agreement):
        lists = _Lists()
        for kind, name in _LISTS.items():
            entries = lists.listed.setdefault(kind, [])
            for index, target in enumerate(getattr(doc, name)):
                line, column = ctx.position((name, index))
                entries.append((target, line, column, (name, index)))
        return lists
    if isinstance(doc, (ActionPlan, CitizenPromise)):
        loc: YamlPath = ("agreement",) if doc.agreement is not None else ("id",)
        line, column = ctx.position(loc)
        return _Link(doc.agreement, line, column, loc)
    return None  # a follow-up: it is not listed in an agreement


def check_workspace(collected: Sequence[Collected], ctx: WorkspaceContext) -> Iterator[Finding]:
    agreements: dict[str, _Lists] = {}
    links: dict[str, tuple[str, _Link, str]] = {}
    for item in collected:
        if isinstance(item.facts, _Lists):
            agreements.setdefault(item.doc_id, item.facts)
        elif isinstance(item.facts, _Link):
            links.setdefault(item.doc_id, (item.kind, item.facts, item.path))
    for item in collected:
        facts = item.facts
        if isinstance(facts, _Lists):
            yield from _check_lists(item, facts, links, agreements, ctx)
        elif isinstance(facts, _Link) and facts.agreement in agreements:
            listed = agreements[facts.agreement].listed.get(item.kind, [])
            if not listed or any(entry[0] == item.doc_id for entry in listed):
                continue
            noun = _(KIND_NOUNS[item.kind])
            yield ctx.finding_at(
                item.path,
                facts.line,
                facts.column,
                _(
                    "this {noun} names agreement '{id}', but that agreement's '{list}' leaves "
                    "it out ({others}); add '{self}' there, or correct 'agreement:'"
                ).format(
                    noun=noun,
                    id=facts.agreement,
                    list=_LISTS[item.kind],
                    others=show(", ".join(entry[0] for entry in listed)),
                    self=item.doc_id,
                ),
                facts.loc,
            )


def _check_lists(
    item: Collected,
    lists: _Lists,
    links: dict[str, tuple[str, _Link, str]],
    agreements: dict[str, _Lists],
    ctx: WorkspaceContext,
) -> Iterator[Finding]:
    for kind, entries in lists.listed.items():
        for target, line, column, loc in entries:
            found = links.get(target)
            if found is None or found[0] != kind or found[1].agreement == item.doc_id:
                continue  # a missing or wrong-kind target is a validation error already
            if found[1].agreement is not None and found[1].agreement not in agreements:
                continue  # so is a link from the target to a missing agreement
            noun = _(KIND_NOUNS[kind])
            if found[1].agreement is None:
                message = _(
                    "this agreement lists the {noun} '{target}', but that {noun} names no "
                    "agreement; add 'agreement: {id}' to it ({path})"
                ).format(noun=noun, target=target, id=item.doc_id, path=found[2])
            else:
                message = _(
                    "this agreement lists the {noun} '{target}', but that {noun} belongs to "
                    "agreement '{other}' ({path}); remove it here or correct its 'agreement:'"
                ).format(noun=noun, target=target, other=found[1].agreement, path=found[2])
            yield ctx.finding_at(item.path, line, column, message, loc)
