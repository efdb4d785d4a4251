"""The follow-up kind: what it must name, and every action, commitment and indicator it
reports on exists in the documents it follows up."""

from __future__ import annotations

from followup_cases import AGREEMENT, follow_up, world

from trygg_cli.workspace import load_sources


def _problems(*texts: str, **others: str) -> list[tuple[str, str, str]]:
    return [(f.path, f.rule, f.message) for f in world(*texts, **others).findings]


def test_a_follow_up_of_the_agreement_its_plan_and_its_promise_is_valid() -> None:
    assert _problems(follow_up()) == []


def test_it_must_say_what_it_follows_up() -> None:
    text = "trygg: 1\nkind: follow-up\nid: u\ntitle: Uppföljning\noccasion: 2024\n"
    found = load_sources({"u.yaml": text.encode()}).findings
    assert [f.message for f in found] == [
        "say what this follows up: give 'agreement', 'action_plan' or 'citizen_promise' "
        "(the id of the document)"
    ]


def test_actions_need_the_action_plan_they_belong_to() -> None:
    text = follow_up().replace("action_plan: plan\n", "")
    assert [message for _path, _rule, message in _problems(text)] == [
        "the actions reported here belong to an action plan: give its id under 'action_plan'"
    ]


def test_the_occasion_is_a_year_a_date_or_the_end_of_the_validity() -> None:
    for occasion in ("2024", "2025-04-30", "validity_end"):
        assert _problems(follow_up(occasion)) == [], occasion
    assert [rule for _path, rule, _message in _problems(follow_up("snart"))] == ["bad-value"]


def test_an_action_commitment_or_indicator_that_is_not_there_is_a_dangling_reference() -> None:
    text = (
        follow_up()
        .replace("action: vandringar", "action: vandring")
        .replace("commitment: narvaro", "commitment: narvaron")
        .replace("indicator: trygga-centrum", "indicator: trygg-centrum")
    )
    assert _problems(text) == [
        (
            "uppfoljning-0.yaml",
            "dangling-reference",
            "the action 'vandring' is not in action plan 'plan' (did you mean 'vandringar'?); "
            "known: belysning, vandringar",
        ),
        (
            "uppfoljning-0.yaml",
            "dangling-reference",
            "the commitment 'narvaron' is not in citizen promise 'lofte' (did you mean "
            "'narvaro'?); known: narvaro",
        ),
        (
            "uppfoljning-0.yaml",
            "dangling-reference",
            "the indicator 'trygg-centrum' is not in agreement 'avtal' (did you mean "
            "'trygga-centrum'?); known: anmalda-ran, trygga-centrum",
        ),
    ]


def test_what_it_follows_up_must_be_there_and_of_the_right_kind() -> None:
    text = follow_up().replace("agreement: avtal", "agreement: plan")
    found = _problems(text)
    assert (
        "uppfoljning-0.yaml",
        "dangling-reference",
        "'plan' is an action plan (plan.yaml), but an agreement is needed here",
    ) in found


def test_without_an_agreement_the_indicators_are_the_citizen_promises() -> None:
    text = follow_up().replace("agreement: avtal\n", "")
    assert (
        "uppfoljning-0.yaml",
        "dangling-reference",
        "the indicator 'trygga-centrum' is not in citizen promise 'lofte'; known: none",
    ) in _problems(text)


def test_a_repeated_indicator_id_stays_valid_as_it_was_before_follow_ups() -> None:
    agreement = AGREEMENT.replace("id: anmalda-ran", "id: trygga-centrum")
    text = follow_up().replace("indicator: anmalda-ran", "indicator: trygga-centrum")
    assert _problems(text, avtal=agreement) == []
