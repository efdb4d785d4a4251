"""The examples are valid and hold the seeds' facts as data."""

from __future__ import annotations

from datetime import date

from helpers import EXAMPLES, FIXTURES

from trygg_cli.check import KEEP_DOCUMENT, REFERENCES
from trygg_cli.model import ActionPlan, Agreement, CitizenPromise
from trygg_cli.workspace import load_paths


def _workspace():  # type: ignore[no-untyped-def]
    workspace = load_paths([str(EXAMPLES)], passes=(REFERENCES, KEEP_DOCUMENT))
    assert workspace.findings == []
    return workspace


def test_goteborg_2018_cadences_and_validity() -> None:
    doc = _workspace().documents["goteborg-central-2018"]
    assert isinstance(doc, Agreement)
    assert doc.validity.start == date(2018, 11, 15) and doc.validity.until_further_notice
    assert doc.follow_up is not None and (doc.follow_up.first, doc.follow_up.every) == (2021, 2)
    assert doc.evaluation is not None and (doc.evaluation.first, doc.evaluation.every) == (2022, 5)
    bodies = {b.id: b for b in doc.bodies}
    assert len(bodies) >= 5
    css = bodies["css"].meetings
    assert css is not None and (css.times, css.unit, css.qualifier) == (4, "year", "about")
    lok = bodies["lok-natverket"].meetings
    assert lok is not None and (lok.times, lok.qualifier) == (2, "exact")
    sspf = bodies["sspf-styrgrupper"].meetings
    assert sspf is not None and (sspf.times, sspf.unit) == (2, "term")
    assert bodies["kunskaps-och-analysteam"].meetings.qualifier == "as_needed"  # type: ignore[union-attr]
    assert [s.name for s in doc.signatories] == ["Erik Nord", "Eva Hessman"]


def test_stockholm_annex_review_and_revision() -> None:
    doc = _workspace().documents["stockholm-overgripande"]
    assert isinstance(doc, Agreement)
    assert doc.validity.from_signing and doc.validity.until_further_notice
    assert len(doc.priorities) == 6
    assert doc.priority_review is not None and doc.priority_review.every == 1
    revision = doc.priority_revision
    assert revision is not None and (revision.every, revision.qualifier) == (4, "at_least")
    styrgrupp = next(b for b in doc.bodies if b.id == "styrgrupp").meetings
    assert styrgrupp is not None and (styrgrupp.times, styrgrupp.qualifier) == (4, "at_least")
    assert doc.follow_up is not None and doc.follow_up.at == "end"


def test_molndal_agreement_plan_and_promise_fit_together() -> None:
    documents = _workspace().documents
    agreement = documents["molndal-lokal-2023"]
    plan = documents["molndal-atgardsplan-2023"]
    promise = documents["molndal-medborgarlofte-2023"]
    assert isinstance(agreement, Agreement) and isinstance(plan, ActionPlan)
    assert isinstance(promise, CitizenPromise)
    assert (agreement.validity.start, agreement.validity.end) == (
        date(2023, 5, 1),
        date(2026, 12, 31),
    )
    assert [p.title for p in agreement.priorities] == [
        "Ungdomar i riskzon",
        "Upplevd och faktisk otrygghet i den fysiska utemiljön",
        "Hot och våld",
    ]
    assert agreement.evaluation is not None and agreement.evaluation.first == "validity_end"
    assert promise.period.term is not None and promise.period.term.amount == 2
    assert all(action.performs and action.follows_up for action in plan.actions)


def test_the_defective_original_passes_validation_so_lint_can_see_its_defects() -> None:
    workspace = load_paths([str(FIXTURES / "lint")])
    assert workspace.findings == []
    text = (FIXTURES / "lint" / "molndal-2023-original.yaml").read_text(encoding="utf-8")
    assert "201Å-MM-DD § XX dnr KS XX/XX" in text and "Mölnåls" in text
