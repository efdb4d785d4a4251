"""Lint rules read the shapes of issue 16: actors, joint commitments, overall goals,
sub-priorities, sources, terms, extensions, `until_replaced`, tertials and year-only
completions. Each behaviour has a document that is caught and one that passes."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from helpers import write_file

from trygg_cli.findings import Finding
from trygg_cli.lint.base import LintSettings
from trygg_cli.lint.engine import lint_workspace
from trygg_cli.lint.passes import lint_passes
from trygg_cli.lint.rules import RULES
from trygg_cli.workspace import load_paths

SETTINGS = LintSettings(today=date(2026, 11, 25), selected=frozenset(RULES))

HEAD = """\
trygg: 1
kind: agreement
id: exempel-lokal
title: Lokal samverkansöverenskommelse för Exempelby
scope: local
municipality: Exempelby
parties:
  - {id: kommunen, name: Exempelby kommun, type: kommun}
  - {id: polisen, name: Lokalpolisområde Exempel, type: lokalpolisområde}
actors:
  - {id: bostadsbolaget, name: Exempelbostäder AB, type: bostadsbolag}
"""

PROMISE_HEAD = """\
trygg: 1
kind: citizen-promise
id: exempel-lofte
title: Medborgarlöfte Exempelby
municipality: Exempelby
parties:
  - {id: kommunen, name: Exempelby kommun, type: kommun}
  - {id: polisen, name: Lokalpolisområde Exempel, type: lokalpolisområde}
actors:
  - {id: bostadsbolaget, name: Exempelbostäder AB, type: bostadsbolag}
problem: Otrygghet vid centrum kvällstid.
commitments:
  - id: vandringar
    parties: [kommunen, polisen, bostadsbolaget]
    text: Tillsammans genomför vi trygghetsvandringar.
"""

PLAN_HEAD = """\
trygg: 1
kind: action-plan
id: exempel-plan
title: Åtgärdsplan Exempelby
agreement: exempel-lokal
"""


def lint(folder: Path, files: dict[str, str]) -> list[Finding]:
    for name, text in files.items():
        write_file(folder, name, text)
    findings = lint_workspace(load_paths([str(folder)], passes=lint_passes(SETTINGS)), SETTINGS)
    assert not [f for f in findings if not f.rule.startswith("TRY")], findings
    return findings


def of(findings: list[Finding], rule: str) -> list[Finding]:
    return [f for f in findings if f.rule == rule]


# TRY301: the term against the original `until`, with add_term and mandate periods.


@pytest.mark.parametrize(
    ("validity", "caught"),
    [
        # the term ends 2024-05-10; the extension is a later decision
        (
            "{from: 2020-05-11, until: 2024-05-10, term: {amount: 4, unit: year},"
            " extensions: [{until: 2025-06-30}]}",
            False,
        ),
        ("{from: 2020-05-11, until: 2025-06-30, term: {amount: 4, unit: year}}", True),
        ("{from: 2023-01-01, until: 2026-10-14, term: {unit: mandate_period}}", False),
        ("{from: 2023-01-01, until: 2026-12-31, term: {unit: mandate_period}}", True),
        ("{from: 2020-05-11, term: {amount: 4, unit: year}}", False),
    ],
)
def test_term_against_the_original_until(tmp_path: Path, validity: str, caught: bool) -> None:
    found = of(lint(tmp_path, {"a.yaml": HEAD + f"validity: {validity}\n"}), "TRY301")
    assert bool(found) is caught
    if caught and "mandate" in validity:
        assert "the mandate period, until 14 October 2026" in found[0].message


# TRY305: a term or `until_replaced` is an end.


@pytest.mark.parametrize(
    ("validity", "caught"),
    [
        ("{from: 2020-05-11, term: {amount: 4, unit: year}}", False),
        ("{from: 2020-05-11, until_replaced: true}", False),
        ("{from: 2020-05-11, until_further_notice: true}", True),
        ("{from: 2020-05-11}", True),
    ],
)
def test_term_and_until_replaced_are_ends(tmp_path: Path, validity: str, caught: bool) -> None:
    findings = lint(tmp_path, {"a.yaml": HEAD + f"validity: {validity}\n"})
    assert bool(of(findings, "TRY305")) is caught


# TRY306: the end in effect; no end demanded of a promise that runs until replaced.


@pytest.mark.parametrize(
    ("period", "caught", "where"),
    [
        ("{from: 2024-01-01, until_replaced: true}", False, None),
        ("{from: 2024-01-01, term: {amount: 2, unit: year}}", False, None),
        ("{from: 2024-01-01, term: {amount: 4, unit: year}}", True, ("period", "term")),
        (
            "{from: 2024-01-01, until: 2024-12-31, extensions: [{until: 2027-12-31}]}",
            True,
            ("period", "extensions", 0, "until"),
        ),
        (
            "{from: 2024-01-01, until_further_notice: true}",
            True,
            ("period", "until_further_notice"),
        ),
    ],
)
def test_promise_length_uses_the_end_in_effect(
    tmp_path: Path, period: str, caught: bool, where: tuple[object, ...] | None
) -> None:
    text = PROMISE_HEAD + f"period: {period}\nfollow_up: {{every: 1, at: end}}\n"
    found = of(lint(tmp_path, {"p.yaml": text}), "TRY306")
    assert bool(found) is caught
    if where is not None:
        assert found[0].yaml_path == where


# TRY203: a follow-up at the end of a period that has none never comes due.


@pytest.mark.parametrize(
    ("tail", "caught"),
    [
        (
            "period: {from: 2024-01-01, until_replaced: true}\nfollow_up: {first: validity_end}\n",
            True,
        ),
        (
            "period: {from: 2024-01-01, until_replaced: true}\nfollow_up: {every: 1, at: end}\n",
            False,
        ),
        (
            "period: {from: 2024-01-01, until: 2025-12-31}\nfollow_up: {first: validity_end}\n",
            False,
        ),
        ("period: {from: 2024-01-01, until: 2025-12-31}\n", True),
    ],
)
def test_promise_follow_up_with_joint_commitments(tmp_path: Path, tail: str, caught: bool) -> None:
    found = of(lint(tmp_path, {"p.yaml": PROMISE_HEAD + tail}), "TRY203")
    assert bool(found) is caught


# TRY101 / TRY102: several parties and actors together are someone.


@pytest.mark.parametrize(
    ("who", "caught"),
    [
        ("[{parties: [kommunen, bostadsbolaget], role: Fastighetsansvariga}]", False),
        ("[{party: fastighetsagaren}]", False),  # the plan's own actor
        ("[]", True),
    ],
)
def test_actions_done_and_followed_up_together(tmp_path: Path, who: str, caught: bool) -> None:
    plan = (
        PLAN_HEAD
        + "actors:\n  - {id: fastighetsagaren, name: Exempel Fastigheter, type: fastighetsägare}\n"
        + f"actions:\n  - id: belysning\n    title: Bättre belysning\n    performs: {who}\n"
        + f"    follows_up: {who}\n    deadline: 2025-06-30\n"
    )
    agreement = HEAD + "validity: {from: 2024-01-01, until: 2027-12-31}\n"
    findings = lint(tmp_path, {"a.yaml": agreement, "plan.yaml": plan})
    assert bool(of(findings, "TRY101")) is caught
    assert bool(of(findings, "TRY102")) is caught
    if caught:
        assert "several together under 'parties:'" in of(findings, "TRY101")[0].message


# TRY201: actors' names are names too.


def test_an_actor_name_misspelt_is_caught(tmp_path: Path) -> None:
    good = HEAD + "validity: {from: 2024-01-01, until: 2027-12-31}\n"
    text = good + "applies_to: Exempelby kommun, Lokalpolisområde Exempel och Exempelbsotäder AB\n"
    found = of(lint(tmp_path, {"a.yaml": text}), "TRY201")
    assert [f.message for f in found] == [
        "'Exempelbsotäder' looks like a misspelling of the actor name 'Exempelbostäder AB'; "
        "spell it as the actor's name does"
    ]
    right = good + "applies_to: Exempelby kommun och Exempelbostäder AB\n"
    assert of(lint(tmp_path, {"a.yaml": right}), "TRY201") == []


def test_an_actor_named_two_ways_in_one_family(tmp_path: Path) -> None:
    agreement = HEAD + "validity: {from: 2024-01-01, until: 2027-12-31}\n"
    linked = PROMISE_HEAD.replace("municipality:", "agreement: exempel-lokal\nmunicipality:")
    promise = linked.replace("Exempelbostäder AB", "Exempelbostäder")
    promise += "period: {from: 2024-01-01, until: 2024-12-31}\nfollow_up: {first: validity_end}\n"
    found = of(lint(tmp_path, {"a.yaml": agreement, "p.yaml": promise}), "TRY201")
    assert len(found) == 1
    assert found[0].message.startswith(
        "the actor 'bostadsbolaget' is named 'Exempelbostäder' here but 'Exempelbostäder AB'"
    )
    same = linked + "period: {from: 2024-01-01, until: 2024-12-31}\n"
    assert of(lint(tmp_path, {"a.yaml": agreement, "p.yaml": same}), "TRY201") == []


# TRY105: overall goals and a promise's goals need indicators too.


def test_a_promise_goal_without_indicator(tmp_path: Path) -> None:
    base = PROMISE_HEAD + "period: {from: 2024-01-01, until: 2024-12-31}\n"
    goal = "goals:\n  - id: tryggare\n    description: Fler känner sig trygga i centrum\n"
    found = of(lint(tmp_path, {"p.yaml": base + goal}), "TRY105")
    assert [f.yaml_path for f in found] == [("goals", 0, "id")]
    assert found[0].message.startswith("the overall goal 'tryggare' has no indicator")
    measured = goal + "    indicators:\n      - description: Andel trygga\n"
    assert of(lint(tmp_path, {"p.yaml": base + measured}), "TRY105") == []


# TRY104: an action for a sub-priority works on its priority.


def test_an_action_for_a_sub_priority_counts_for_its_priority(tmp_path: Path) -> None:
    agreement = HEAD + (
        "validity: {from: 2024-01-01, until: 2027-12-31}\n"
        "priorities:\n"
        "  - id: unga\n    title: Unga i riskzon\n"
        "    sub_priorities:\n      - {id: skolan, title: Skolan}\n"
        "  - id: centrum\n    title: Trygg stadskärna\n"
    )
    plan = PLAN_HEAD + (
        "actions:\n  - id: skolvard\n    title: Skolvärdar\n    priority: skolan\n"
        "    performs: [{party: kommunen}]\n"
    )
    found = of(lint(tmp_path, {"a.yaml": agreement, "plan.yaml": plan}), "TRY104")
    assert ["Trygg stadskärna" in f.message for f in found] == [True]


# TRY202 / TRY204: terms and extensions give the ends.


def test_a_promise_within_an_extended_agreement(tmp_path: Path) -> None:
    termed = HEAD + "validity: {from: 2020-05-11, term: {amount: 4, unit: year}}\n"
    linked = PROMISE_HEAD.replace("municipality:", "agreement: exempel-lokal\nmunicipality:")
    promise = linked + (
        "period: {from: 2024-01-01, until: 2025-06-30}\nfollow_up: {first: validity_end}\n"
    )
    found = of(lint(tmp_path, {"a.yaml": termed, "p.yaml": promise}), "TRY202")
    assert len(found) == 1 and "after agreement 'exempel-lokal' ends (10 May 2024)" in (
        found[0].message
    )
    extended = termed.replace("}}\n", "}, extensions: [{until: 2025-06-30}]}\n")
    assert of(lint(tmp_path, {"a.yaml": extended, "p.yaml": promise}), "TRY202") == []


def test_action_deadline_against_a_term_and_an_extension(tmp_path: Path) -> None:
    agreement = HEAD + "validity: {from: 2024-01-01, until: 2027-12-31}\n"
    action = (
        "actions:\n  - id: belysning\n    title: Bättre belysning\n    deadline: 2025-03-01\n"
        "    performs: [{party: kommunen}]\n    follows_up: [{party: kommunen}]\n"
    )
    termed = PLAN_HEAD + "period: {from: 2024-01-01, term: {amount: 1, unit: year}}\n" + action
    found = of(lint(tmp_path, {"a.yaml": agreement, "plan.yaml": termed}), "TRY204")
    assert len(found) == 1 and "(31 December 2024)" in found[0].message
    extended = termed.replace("unit: year}}", "unit: year}, extensions: [{until: 2025-06-30}]}")
    assert of(lint(tmp_path, {"a.yaml": agreement, "plan.yaml": extended}), "TRY204") == []


# TRY109: overall goals are goals; until_replaced says how long it runs.


def test_bra_content_from_the_new_shapes(tmp_path: Path) -> None:
    text = HEAD + (
        "validity: {from: 2024-01-01, until_replaced: true}\n"
        "goals:\n  - id: okad-trygghet\n    description: Ökad trygghet\n"
    )
    messages = [f.message for f in of(lint(tmp_path, {"a.yaml": text}), "TRY109")]
    assert not [m for m in messages if "sets no goals" in m or "how long it runs" in m]
    bare = HEAD + "validity: {from: 2024-01-01}\n"
    messages = [f.message for f in of(lint(tmp_path, {"a.yaml": bare}), "TRY109")]
    assert [m for m in messages if "sets no goals" in m]
    assert [m for m in messages if "how long it runs" in m]


# TRY307: tertials are a unit like the others.


def test_every_other_tertial_without_a_start(tmp_path: Path) -> None:
    text = HEAD + "validity: {from_signing: true, until_further_notice: true}\n"
    found = of(
        lint(tmp_path, {"a.yaml": text + "follow_up: {every: 2, unit: tertial}\n"}), "TRY307"
    )
    assert "every 2 tertials" in found[0].message
    started = text + "follow_up: {first: 2025, every: 2, unit: tertial}\n"
    assert of(lint(tmp_path, {"a.yaml": started}), "TRY307") == []


# TRY404: SSPF or SIG work among actors, sub-priorities and completion notes.

_CHILD = "Vi har följt en 14-årig pojke sedan i höstas."
_GROUP = "Samverkan kring unga mellan 12 och 18 år i riskzon."


@pytest.mark.parametrize("text", [_CHILD, _GROUP])
def test_individuals_in_sspf_actors_and_sub_priorities(tmp_path: Path, text: str) -> None:
    agreement = HEAD.replace(
        "actors:\n",
        f"actors:\n  - {{id: sspf-teamet, name: SSPF-teamet, type: förvaltning,"
        f" description: {text}}}\n",
    ) + (
        "validity: {from: 2024-01-01, until: 2027-12-31}\n"
        "priorities:\n  - id: unga\n    title: Unga i riskzon\n"
        "    sub_priorities:\n      - id: sig\n        title: Sociala insatsgrupper\n"
        f"        problem: {text}\n"
        "        based_on:\n"
        f"          - {{title: '{text}', kind: analys}}\n"
        "bodies:\n  - id: sspf-styrgrupp\n    name: SSPF styrgrupp\n    level: strategisk\n"
        f"    meetings: {{times: 2, unit: term, done: [{{year: 2024, note: '{text}'}}]}}\n"
    )
    plan = PLAN_HEAD + (
        "actions:\n  - id: uppsok\n    title: Uppsökande arbete\n"
        f"    description: {text}\n    performs: [{{parties: [kommunen, sspf-teamet]}}]\n"
    )
    found = of(lint(tmp_path, {"a.yaml": agreement, "plan.yaml": plan}), "TRY404")
    places = sorted((Path(f.path).name, f.yaml_path) for f in found)
    if text == _GROUP:
        assert places == []
    else:
        assert places == [
            ("a.yaml", ("actors", 0, "description")),
            ("a.yaml", ("bodies", 0, "meetings", "done", 0, "note")),
            ("a.yaml", ("priorities", 0, "sub_priorities", 0, "based_on", 0, "title")),
            ("a.yaml", ("priorities", 0, "sub_priorities", 0, "problem")),
            ("plan.yaml", ("actions", 0, "description")),
        ]


def test_an_actor_the_agreement_names_sspf_marks_the_plans_actions(tmp_path: Path) -> None:
    agreement = HEAD.replace(
        "actors:\n", "actors:\n  - {id: teamet, name: SSPF-teamet, type: förvaltning}\n"
    ) + ("validity: {from: 2024-01-01, until: 2027-12-31}\n")
    action = "actions:\n  - id: uppsok\n    title: Uppsökande arbete\n    description: {text}\n"
    child = PLAN_HEAD + action.format(text=_CHILD) + "    performs: [{parties: [teamet]}]\n"
    found = of(lint(tmp_path, {"a.yaml": agreement, "plan.yaml": child}), "TRY404")
    assert [f.yaml_path for f in found] == [("actions", 0, "description")]
    other = PLAN_HEAD + action.format(text=_CHILD) + "    performs: [{party: kommunen}]\n"
    assert of(lint(tmp_path, {"a.yaml": agreement, "plan.yaml": other}), "TRY404") == []


# TRY501: placeholders in actors' names, sources' titles and completion reports.


def test_placeholders_in_the_new_text_fields(tmp_path: Path) -> None:
    text = HEAD.replace("Exempelbostäder AB", "'[namn]'") + (
        "validity: {from: 2024-01-01, until: 2027-12-31}\n"
        "based_on:\n  - {title: Trygghetsmätning 20XX, kind: trygghetsmätning}\n"
        "follow_up: {first: 2024, every: 1, done: [{year: 2024, report: KS XX/XX}]}\n"
    )
    found = of(lint(tmp_path, {"a.yaml": text}), "TRY501")
    assert [f.yaml_path for f in found] == [
        ("actors", 0, "name"),
        ("based_on", 0, "title"),
        ("follow_up", "done", 0, "report"),
    ]
    real = (
        text.replace("'[namn]'", "Exempelbostäder AB")
        .replace("20XX", "2023")
        .replace("KS XX/XX", "KS 2025/12")
    )
    assert of(lint(tmp_path, {"a.yaml": real}), "TRY501") == []
