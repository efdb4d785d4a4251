"""The shapes real agreements need (issue 16) validate, and their mistakes are located
findings a coordinator can act on: actors, joint commitments, overall goals, sources,
terms, extensions, until replaced, new cadences, year-only completions, title-only
signatories and sub-priorities."""

from __future__ import annotations

from datetime import date

from helpers import MINIMAL_AGREEMENT

from trygg_cli.check import KEEP_DOCUMENT, REFERENCES
from trygg_cli.model.common import Term
from trygg_cli.model.dates import add_term, period_end
from trygg_cli.model.documents import Agreement, CitizenPromise
from trygg_cli.workspace import load_sources

AGREEMENT = MINIMAL_AGREEMENT.replace("id: test-lokal", "id: a")
ACTORS = """\
actors:
  - {id: bostadsbolaget, name: Exempelbostäder AB, type: bostadsbolag}
"""
PROMISE = """\
trygg: 1
kind: citizen-promise
id: lofte
title: Medborgarlöfte
agreement: a
municipality: Mölndal
parties:
  - {id: stad, name: Mölndals stad, type: stad}
  - {id: polis, name: Lokalpolisområde Storgöteborg Syd, type: lokalpolisområde}
period: {from: 2024-01-01, until: 2024-12-31}
problem: Otrygghet vid centrum.
"""


def _load(**files: str) -> tuple[list[tuple[str, int, str, str]], dict[str, object]]:
    workspace = load_sources(
        {f"{name}.yaml": text.encode() for name, text in files.items()},
        passes=(REFERENCES, KEEP_DOCUMENT),
    )
    found = [(f.path, f.line, f.rule, f.message) for f in workspace.findings]
    return found, dict(workspace.documents)


def test_joint_commitment_names_parties_and_actors() -> None:
    promise = (
        PROMISE
        + ACTORS
        + """\
commitments:
  - id: vandringar
    parties: [stad, polis, bostadsbolaget]
    text: Tillsammans genomför vi trygghetsvandringar.
"""
    )
    found, documents = _load(a=AGREEMENT, lofte=promise)
    assert found == []
    document = documents["lofte"]
    assert isinstance(document, CitizenPromise)
    assert document.commitments[0].who == ("stad", "polis", "bostadsbolaget")


def test_a_commitment_must_say_who() -> None:
    promise = PROMISE + "commitments:\n  - {id: c, text: Vi lovar.}\n"
    found, _documents = _load(a=AGREEMENT, lofte=promise)
    assert found == [
        (
            "lofte.yaml",
            13,
            "bad-value",
            "say who promises this: give 'party' (one party's or actor's id) or 'parties' "
            "(several, for a joint commitment)",
        )
    ]


def test_an_unknown_party_or_actor_is_a_dangling_reference() -> None:
    promise = (
        PROMISE
        + ACTORS
        + "commitments:\n  - {id: c, parties: [stad, bostadsbolag], text: Vi lovar.}\n"
    )
    found, _documents = _load(a=AGREEMENT, lofte=promise)
    assert found == [
        (
            "lofte.yaml",
            15,
            "dangling-reference",
            "the party or actor 'bostadsbolag' is not in this document (did you mean "
            "'bostadsbolaget'?); known: bostadsbolaget, polis, stad",
        )
    ]


def test_members_may_be_actors_and_an_actor_cannot_take_a_party_id() -> None:
    agreement = (
        AGREEMENT
        + ACTORS
        + "  - {id: stad, name: Stadens bolag, type: bolag}\n"
        + """\
bodies:
  - id: styrgrupp
    name: Styrgrupp
    level: strategisk
    members: [{party: bostadsbolaget, role: VD}]
"""
    )
    found, _documents = _load(a=agreement)
    assert found == [
        (
            "a.yaml",
            19,
            "duplicate-id",
            "the party id 'stad' is already used on line 8; give each party its own id",
        )
    ]


def test_overall_goals_serve_priorities_and_measures_compare() -> None:
    agreement = (
        AGREEMENT
        + """\
priorities:
  - id: unga
    title: Unga i riskzon
    sub_priorities: [{id: skolan, title: Skolan}]
goals:
  - id: trygghet
    description: Ökad trygghet
    priorities: [unga, skolan, centrum]
    indicators:
      - description: Andel som känner sig trygga
        baseline: {value: 62, unit: '%', year: 2019}
        target: minst 70 % år 2026
"""
    )
    found, documents = _load(a=agreement)
    assert found == [
        (
            "a.yaml",
            24,
            "dangling-reference",
            "the priority 'centrum' is not in this document; known: skolan, unga",
        )
    ]
    document = documents["a"]
    assert isinstance(document, Agreement)
    baseline = document.goals[0].indicators[0].baseline
    assert not isinstance(baseline, str) and baseline is not None
    assert (baseline.value, baseline.unit, baseline.year) == (62.0, "%", 2019)


def test_goal_and_priority_ids_are_unique_over_the_whole_document() -> None:
    agreement = (
        AGREEMENT
        + """\
priorities:
  - id: unga
    title: Unga
    goals: [{id: g1, description: Mål}]
    sub_priorities: [{id: unga, title: Unga igen}]
goals: [{id: g1, description: Mål igen}]
"""
    )
    found, _documents = _load(a=agreement)
    assert [(line, rule) for _p, line, rule, _m in found] == [
        (21, "duplicate-id"),
        (22, "duplicate-id"),
    ]


def test_term_extension_and_mandate_period_give_the_end_in_effect() -> None:
    four_years = Term(amount=4, unit="year")
    assert add_term(date(2020, 5, 11), four_years) == date(2024, 5, 10)
    assert add_term(date(2023, 5, 1), Term(unit="mandate_period")) == date(2026, 10, 14)
    assert add_term(date(2022, 11, 1), Term(unit="mandate_period")) == date(2026, 10, 14)
    agreement = AGREEMENT.replace(
        "  until: 2026-12-31\n",
        "  term: {amount: 4, unit: year}\n  extensions:\n    - {until: 2027-12-31}\n",
    )
    found, documents = _load(a=agreement)
    assert found == []
    document = documents["a"]
    assert isinstance(document, Agreement)
    assert period_end(document, document.validity) == date(2027, 12, 31)
    without = AGREEMENT.replace("  until: 2026-12-31\n", "  term: {amount: 4, unit: year}\n")
    document = _load(a=without)[1]["a"]
    assert isinstance(document, Agreement)
    assert period_end(document, document.validity) == date(2027, 4, 30)


def test_until_replaced_has_no_end_of_its_own() -> None:
    replaced = AGREEMENT.replace("  until: 2026-12-31\n", "  until_replaced: true\n")
    assert _load(a=replaced)[0] == []
    both = AGREEMENT.replace(
        "  until: 2026-12-31\n", "  until: 2026-12-31\n  until_replaced: true\n"
    )
    assert [(line, rule) for _p, line, rule, _m in _load(a=both)[0]] == [(15, "bad-value")]


def test_a_promise_can_supersede_an_earlier_promise() -> None:
    commitments = "commitments: [{id: c, party: stad, text: Vi lovar.}]\n"
    old = PROMISE.replace("id: lofte", "id: lofte-2023") + commitments
    new = (
        PROMISE + commitments + "supersedes: [{title: Löftet 2023, citizen_promise: lofte-2023}]\n"
    )
    assert _load(a=AGREEMENT, gammalt=old, lofte=new)[0] == []
    wrong = new.replace("citizen_promise: lofte-2023", "citizen_promise: a")
    assert _load(a=AGREEMENT, gammalt=old, lofte=wrong)[0] == [
        (
            "lofte.yaml",
            13,
            "dangling-reference",
            "'a' is an agreement (a.yaml), but a citizen promise is needed here",
        )
    ]


def test_new_cadences_validate_and_their_mistakes_are_explained() -> None:
    bodies = """\
bodies:
  - id: ksau
    name: Kommunstyrelsens arbetsutskott
    level: strategisk
  - id: styrgrupp
    name: Styrgrupp
    level: strategisk
    meetings: {times: 1, unit: tertial}
occasions:
  - {id: ksau-besok, name: Kommunpolisen på KSAU, schedule: {with_meetings_of: ksau}}
  - {id: sommar, name: Sommarlovet, schedule: {every: 1, during: summer_holiday}}
  - {id: skolstart, name: Skolstart, schedule: {at_event: skolstart}}
"""
    assert _load(a=AGREEMENT + bodies)[0] == []
    mistakes = {
        "{with_meetings_of: ksau, every: 1}": "has no times of its own",
        "{with_meetings_of: kommunstyrelsen}": "the body 'kommunstyrelsen' is not in",
        "{every: 1, unit: period}": "counts over the whole period",
        "{every: 1, unit: month, during: summer}": "places a yearly occasion",
    }
    for schedule, words in mistakes.items():
        text = AGREEMENT + bodies.replace("{with_meetings_of: ksau}", schedule)
        found = _load(a=text)[0]
        assert len(found) == 1 and words in found[0][3], (schedule, found)


def test_completions_known_by_year_and_signatories_by_title() -> None:
    agreement = (
        AGREEMENT
        + """\
signatories:
  - {title: Kommunstyrelsens ordförande, party: stad, signed: 2023-05-01}
follow_up:
  first: 2023
  every: 1
  done: [2023, {year: 2024, report: KS 2024/118}, {date: 2025-11-30}]
"""
    )
    found, documents = _load(a=agreement)
    assert found == []
    document = documents["a"]
    assert isinstance(document, Agreement) and document.follow_up is not None
    assert [d.label for d in document.follow_up.done] == ["2023", "2024", "2025-11-30"]
    assert document.follow_up.done[1].report == "KS 2024/118"
    assert document.signatories[0].name is None
    empty = agreement.replace("{year: 2024, report: KS 2024/118}", "{report: KS 2024/118}")
    assert [(rule, message[:22]) for _p, _l, rule, message in _load(a=empty)[0]] == [
        ("bad-value", "say when it was done: ")
    ]


def test_actions_may_point_at_sub_priorities_and_name_several_parties() -> None:
    agreement = (
        AGREEMENT
        + "priorities:\n  - {id: unga, title: Unga, sub_priorities: [{id: skolan, title: Skolan}]}\n"
    )
    plan = """\
trygg: 1
kind: action-plan
id: plan
title: Åtgärdsplan
agreement: a
actors: [{id: skolforvaltningen, name: Skolförvaltningen, type: förvaltning}]
actions:
  - id: a1
    title: Trygghetsvandringar
    priority: skolan
    performs: [{parties: [stad, polis, skolforvaltningen]}]
"""
    assert _load(a=agreement, plan=plan)[0] == []
    wrong = plan.replace("skolforvaltningen]}]", "skola]}]")
    assert [(line, rule) for _p, line, rule, _m in _load(a=agreement, plan=wrong)[0]] == [
        (11, "dangling-reference")
    ]
