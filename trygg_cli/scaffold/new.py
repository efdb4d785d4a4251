"""``trygg new``: a document from a skeleton, with what is missing asked for or defaulted."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from trygg_cli.errors import TryggError
from trygg_cli.i18n import _
from trygg_cli.scaffold import answers as answers_
from trygg_cli.scaffold.answers import Ask, Asking, Place
from trygg_cli.scaffold.answers import text_problem as text_problem
from trygg_cli.scaffold.files import Written, is_id, render, slug, write_all


@dataclass(frozen=True)
class Known:
    """What the workspace already holds: document ids, and each agreement's details."""

    ids: frozenset[str]
    agreements: Mapping[str, Any]  # id → Agreement


def known_documents(folder: Path) -> Known:
    """The documents under ``folder`` (for fresh ids and for linking to an agreement)."""
    from trygg_cli.check import KEEP_DOCUMENT
    from trygg_cli.model.documents import Agreement
    from trygg_cli.workspace import load_paths

    workspace = load_paths([str(folder)], passes=(KEEP_DOCUMENT,), cache=True)
    ids = frozenset(r.index.doc_id for r in workspace.results if r.index is not None)
    agreements = {
        doc_id: doc for doc_id, doc in workspace.documents.items() if isinstance(doc, Agreement)
    }
    return Known(ids, agreements)


def fresh_id(base: str, taken: frozenset[str]) -> str:
    """``base``, or ``base-2``, ``base-3`` … whichever is not taken."""
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    return candidate


@dataclass
class NewDocument:
    """The answers `trygg new` needs; missing ones are asked for or derived."""

    kind: str
    municipality: str | None = None
    agreement: str | None = None
    doc_id: str | None = None
    title: str | None = None
    scope: str | None = None
    start: str | None = None
    until: str | None = None
    term: str | None = None
    until_further_notice: bool = False
    municipality_party: str | None = None
    police: str | None = None
    steering_group: str | None = None
    problem: str | None = None
    promises: tuple[str, ...] = ()


def complete(answers: NewDocument, known: Known, today: date, ask: Ask | None) -> dict[str, Any]:
    """Fill in what is missing — by asking (``ask``) or from defaults — and check it; the
    template's context. Without ``ask`` a missing required answer is an error."""
    asking = Asking(ask)
    agreement = None
    if answers.kind == "action-plan" or (answers.kind == "citizen-promise" and answers.agreement):
        default = next(iter(known.agreements), None) if ask is not None else None
        agreement_id = asking.either(
            answers.agreement,
            _("Agreement (id)"),
            default,
            _agreement_check(known),
            "--agreement ID",
        )
        agreement = known.agreements[agreement_id]
    if answers.kind == "agreement":
        answers.scope = asking.either(
            answers.scope, _("Scope (local or central)"), "local", _scope_problem, "--scope"
        )
    if answers.title is not None:
        asking.given(answers.title, text_problem)
    if agreement is not None and not answers.municipality:
        town = answers_.place(agreement.municipality)
    else:
        town = answers_.place(
            asking.either(
                answers.municipality,
                _("Municipality"),
                None,
                answers_.municipality_problem,
                "--municipality NAME",
            )
        )
    year = today.year
    fresh = fresh_id(_id_base(answers, town.name, year), known.ids)
    doc_id = asking.either(answers.doc_id, _("Id"), fresh, _id_check(known), "--id ID")
    title = answers.title or asking.need(
        _("Title"), _default_title(answers, town, year), text_problem, "--title TEXT"
    )
    context: dict[str, Any] = {
        "id": doc_id,
        "title": title,
        "municipality": town.name,
        "known_municipality": town.known is not None,
        "slug": slug(town.name),
        "scope": answers.scope or "local",
        "year": year,
        "agreement": agreement.id if agreement else None,
        "body": agreement.bodies[0].id if agreement and agreement.bodies else None,
        "priority": agreement.priorities[0].id if agreement and agreement.priorities else None,
    }
    context["validity"] = answers_.ask_period(
        asking,
        answers.kind,
        year,
        (answers.start, answers.until, answers.term, answers.until_further_notice),
    )
    context["parties"] = _parties(answers, asking, town, agreement)
    context["party"] = context["parties"][0]["id"]
    context.update(_kind_details(answers, asking, agreement, context["parties"]))
    return context


def _scope_problem(value: str) -> str | None:
    if value in ("local", "central"):
        return None
    return _("'{value}' is not a scope; write local or central").format(value=value)


def _kind_details(
    answers: NewDocument, asking: Asking, agreement: Any, parties: list[dict[str, str]]
) -> dict[str, Any]:
    """An agreement's steering group; a citizen promise's problem and each party's promise
    (``--promise``, one for each party in order)."""
    if answers.kind == "agreement":
        name = asking.either(
            answers.steering_group,
            _("Steering group (name)"),
            "Styrgrupp för brottsförebyggande arbete",
            text_problem,
            "--steering-group NAME",
        )
        return {"steering_group": name}
    if answers.kind == "citizen-promise":
        priorities = agreement.priorities if agreement is not None else []
        default = next((p.problem for p in priorities if p.problem), None)
        problem = asking.either(
            answers.problem,
            _("The problem the promise focuses on"),
            " ".join(default.split()) if default else None,
            text_problem,
            "--problem TEXT",
        )
        promises = [
            asking.either(
                answers.promises[n] if n < len(answers.promises) else None,
                _("What {party} promises").format(party=party["name"]),
                None,
                text_problem,
                "--promise TEXT",
            )
            for n, party in enumerate(parties)
        ]
        return {"problem": problem, "promises": promises}
    return {}


def _id_base(answers: NewDocument, municipality: str, year: int) -> str:
    town = slug(municipality)
    return {
        "agreement": f"{town}-{'central' if answers.scope == 'central' else 'lokal'}-{year}",
        "action-plan": f"{town}-atgardsplan-{year}",
        "citizen-promise": f"{town}-medborgarlofte-{year}",
    }[answers.kind]


def _default_title(answers: NewDocument, town: Place, year: int) -> str:
    return {
        "agreement": (
            f"{'Central' if answers.scope == 'central' else 'Lokal'} samverkansöverenskommelse "
            f"mellan {town.party} och Polisen"
        ),
        "action-plan": f"Åtgärdsplan {town.name} {year}",
        "citizen-promise": f"Medborgarlöfte {town.name} {year}–{year + 1}",
    }[answers.kind]


def _parties(
    answers: NewDocument, asking: Asking, town: Place, agreement: Any
) -> list[dict[str, str]]:
    """An agreement's parties, else the municipality's and the police's: names asked for
    (defaults: the name the municipality writes itself; its local police area, or for a
    central agreement its police region), types from the names."""
    if agreement is not None:
        return [{"id": p.id, "name": p.name, "type": p.type} for p in agreement.parties]
    ours = asking.either(
        answers.municipality_party,
        _("The municipality as a party (name)"),
        town.party,
        text_problem,
        "--municipality-party NAME",
    )
    region = town.known.police_region if town.known is not None else None
    police = asking.either(
        answers.police,
        _("The police as a party (name)"),
        f"Polisregion {region}"
        if region and answers.scope == "central"
        else f"Lokalpolisområde {town.name}",
        text_problem,
        "--police NAME",
    )
    return answers_.parties(slug(town.name), ours, police)


def _id_check(known: Known) -> Callable[[str], str | None]:
    def check(value: str) -> str | None:
        if not is_id(value):
            return _(
                "'{value}' is not a usable id; use lowercase a–z, digits and '-', for example "
                "'molndal-lokal-2026'"
            ).format(value=value)
        if value in known.ids:
            return _("the id '{value}' is already used; choose another").format(value=value)
        return None

    return check


def _agreement_check(known: Known) -> Callable[[str], str | None]:
    def check(value: str) -> str | None:
        if value in known.agreements:
            return None
        if not known.agreements:
            return _(
                "there is no agreement in this folder; create one first with 'trygg new agreement'"
            )
        return _("there is no agreement '{value}' here; choose one of: {ids}").format(
            value=value, ids=", ".join(sorted(known.agreements))
        )

    return check


def new_document(context: Mapping[str, Any], kind: str, output: Path, force: bool) -> Written:
    """Write the skeleton of ``kind``; it is checked before it is written."""
    from trygg_cli.check import check_source

    text = render(f"new/{kind}.yaml.j2", context)
    result = check_source(str(output), text.encode("utf-8"), passes=())
    if result.findings:  # a template or an answer that makes an invalid file: trygg's fault
        first = result.findings[0]
        raise TryggError(
            _("the new document would not be valid ({message}); please report this").format(
                message=first.message
            )
        )
    if output.exists() and not force:
        raise TryggError(
            _(
                "{path} already exists; choose another name with -o, or replace it with --force"
            ).format(path=output)
        )
    return write_all({output: text}, force)
