"""``trygg new`` asks what the kind needs, checks each answer, and lint knows its skeleton."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
import yaml
from helpers import Result

from trygg_cli import scaffold
from trygg_cli.lint.rules.try501_placeholder import skeleton_sentences
from trygg_cli.resources import templates_dir

YEAR = date.today().year


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _lint_rules(cli: Callable[..., Result]) -> set[tuple[str, str]]:
    """The rules and severities ``trygg lint`` reports in the current folder."""
    report = json.loads(cli("lint", "--format", "json", ".").stdout)
    return {(f["rule"], f["severity"]) for f in report["findings"]}


def _strings(value: object) -> list[str]:
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return [value] if isinstance(value, str) else []


def _scripted(answers: list[str]) -> tuple[scaffold.Ask, list[str]]:
    """An ``ask`` that answers in turn, asking again (as the terminal does) when the check
    fails; the problems it was told are collected."""
    problems: list[str] = []

    def ask(prompt: str, default: str | None, check: Callable[[str], str | None]) -> str:
        while True:
            answer = answers.pop(0) or default or ""
            problem = check(answer)
            if problem is None:
                return answer
            problems.append(problem)

    return ask, problems


def test_an_agreement_asks_scope_period_parties_and_steering_group() -> None:
    ask, problems = _scripted(
        [
            *("central", "Göteborg", "", "", "2026-13-01", "2026-05-01", "1 vecka"),
            *("mandatperioden", "Göteborgs Stad", "Polisregion Väst", "Trygg i Göteborg"),
        ]
    )
    known = scaffold.Known(frozenset(), {})
    context = scaffold.complete(scaffold.NewDocument("agreement"), known, date(2026, 3, 1), ask)
    assert context["scope"] == "central" and context["id"] == "goteborg-central-2026"
    assert context["validity"] == {
        "from": "2026-05-01",
        "term": {"amount": 1, "unit": "mandate_period", "text": "mandatperioden"},
    }
    assert [(p["name"], p["type"]) for p in context["parties"]] == [
        ("Göteborgs Stad", "stad"),
        ("Polisregion Väst", "polisregion"),
    ]
    assert context["steering_group"] == "Trygg i Göteborg"
    assert "'2026-13-01' is not a date" in problems[0]
    assert "'1 vecka' is not an end" in problems[1]


def test_the_municipality_is_asked_again_after_a_near_miss_and_named_as_it_writes_itself() -> None:
    ask, problems = _scripted(["local", "Mölnål", "göteborgs stad", *([""] * 7)])
    known = scaffold.Known(frozenset(), {})
    context = scaffold.complete(scaffold.NewDocument("agreement"), known, date(2026, 3, 1), ask)
    assert problems == ["'Mölnål' is not a Swedish municipality; did you mean 'Mölndal'?"]
    assert (context["municipality"], context["id"]) == ("Göteborg", "goteborg-lokal-2026")
    assert context["title"] == "Lokal samverkansöverenskommelse mellan Göteborgs Stad och Polisen"
    assert [(p["name"], p["type"]) for p in context["parties"]] == [
        ("Göteborgs Stad", "stad"),  # never "Göteborgs stads kommun"
        ("Lokalpolisområde Göteborg", "lokalpolisområde"),
    ]


def test_a_central_agreement_defaults_to_the_municipality_s_police_region(
    here: Path, cli: Callable[..., Result]
) -> None:
    made = cli("new", "agreement", "-m", "1280", "--scope", "central")
    assert made.exit_code == 0, made.stderr
    data = yaml.safe_load((here / f"overenskommelser/malmo-central-{YEAR}.yaml").read_text())
    assert [p["name"] for p in data["parties"]] == ["Malmö stad", "Polisregion Syd"]
    missed = cli("new", "agreement", "-m", "Motalas kommun")
    assert (missed.exit_code, missed.stderr) == (
        2,
        "error: --municipality: 'Motalas kommun' is not a Swedish municipality; did you mean "
        "'Motala kommun'?\n",
    )


def test_options_answer_every_question(here: Path, cli: Callable[..., Result]) -> None:
    made = cli(
        "new", "agreement", "-m", "Mölndal", "--from", "2026-05-01", "--until", "2029-04-30",
        "--municipality-party", "Mölndals stad", "--police", "Lokalpolisområde Storgöteborg Syd",
        "--steering-group", "Trygg i Mölndal",
    )  # fmt: skip
    assert made.exit_code == 0, made.stderr
    data = yaml.safe_load((here / f"overenskommelser/molndal-lokal-{YEAR}.yaml").read_text())
    assert data["validity"] == {"from": date(2026, 5, 1), "until": date(2029, 4, 30)}
    assert data["parties"][0] == {"id": "molndal", "name": "Mölndals stad", "type": "stad"}
    assert data["parties"][1]["type"] == "lokalpolisområde"
    assert data["bodies"][0]["name"] == "Trygg i Mölndal"
    open_ended = cli("new", "agreement", "-m", "Lund", "--until-further-notice")
    assert open_ended.exit_code == 0, open_ended.stderr
    lund = yaml.safe_load((here / f"overenskommelser/lund-lokal-{YEAR}.yaml").read_text())
    assert lund["validity"]["until_further_notice"] is True
    plan = cli("new", "action-plan", "--agreement", f"lund-lokal-{YEAR}", "--term", "2 år")
    assert plan.exit_code == 0, plan.stderr
    promise = cli(
        "new", "citizen-promise", "-m", "Lund", "--problem", "Otrygghet vid resecentrum.",
        "--promise", "Kommunen tänder belysningen.", "--promise", "Polisen är på plats.",
    )  # fmt: skip
    assert promise.exit_code == 0, promise.stderr
    text = (here / f"medborgarloften/lund-medborgarlofte-{YEAR}.yaml").read_text()
    promised = yaml.safe_load(text)
    assert promised["problem"] == "Otrygghet vid resecentrum."
    assert [c["text"] for c in promised["commitments"]][1] == "Polisen är på plats."
    assert cli("validate", ".").exit_code == 0
    # Only what is left to write: the agreements' missing parts (TRY109, advice) and their
    # link to the law (TRY110); no skeleton sentence in a value.
    assert _lint_rules(cli) == {("TRY109", "info"), ("TRY110", "warning")}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--from", "1 maj"], "error: --from: '1 maj' is not a date"),
        (["--until", "2020-01-01"], "error: --until: the period must end after it starts"),
        (["--term", "länge"], "error: --term: 'länge' is not a term"),
        (["--until", "2030-01-01", "--term", "4 år"], "error: give only one of --until, --term"),
        (["--police", " "], "error: --police: write something here"),
    ],
)
def test_a_bad_option_is_a_one_line_error(
    here: Path, cli: Callable[..., Result], args: list[str], message: str
) -> None:
    result = cli("new", "agreement", "-m", "Lund", *args)
    assert result.exit_code == 2
    assert result.stderr.startswith(message) and result.stderr.count("\n") == 1
    assert not (here / "overenskommelser").exists()


def test_a_citizen_promise_needs_its_problem_and_promises(
    here: Path, cli: Callable[..., Result]
) -> None:
    result = cli("new", "citizen-promise", "-m", "Lund")
    assert (result.exit_code, result.stderr) == (2, "error: give --problem TEXT\n")
    one = cli("new", "citizen-promise", "-m", "Lund", "--problem", "P.", "--promise", "K.")
    assert (one.exit_code, one.stderr) == (2, "error: give --promise TEXT\n")


def test_a_citizen_promise_asks_the_problem_and_each_party_s_promise() -> None:
    ask, problems = _scripted(
        ["", "", "2026-01-01", *("", "", ""), "Otrygghet i centrum.", "K.", "P."]
    )
    known = scaffold.Known(frozenset(), {})
    answers = scaffold.NewDocument("citizen-promise", municipality="Lund")
    context = scaffold.complete(answers, known, date(2026, 3, 1), ask)
    assert context["validity"] == {"from": "2026-01-01", "until": "2027-12-31"}
    assert (context["problem"], context["promises"]) == ("Otrygghet i centrum.", ["K.", "P."])
    assert problems == []


def test_the_skeleton_sentences_are_one_list_the_templates_use() -> None:
    sentences = skeleton_sentences()
    assert len(sentences) >= 5
    assert "Beskriv vad som ska göras och varför." in sentences
    templates = "".join(p.read_text() for p in (templates_dir() / "new").glob("*.yaml.j2"))
    assert "Beskriv" not in templates  # no copy: each comes from texts.j2


@pytest.mark.parametrize("sentence", skeleton_sentences())
def test_each_skeleton_sentence_left_in_the_text_is_a_finding(
    here: Path, cli: Callable[..., Result], sentence: str
) -> None:
    assert cli("new", "agreement", "-m", "Lund").exit_code == 0
    path = here / f"overenskommelser/lund-lokal-{YEAR}.yaml"
    text = path.read_text(encoding="utf-8")
    assert "TRY501" not in cli("lint", ".").stdout  # the fresh skeleton holds none
    folded = sentence.replace(" ", "\n        ", 1)  # across lines, as an editor may wrap it
    path.write_text(
        text.replace(
            "level: strategisk\n", f"level: strategisk\n    description: >\n        {folded}\n"
        ),
        encoding="utf-8",
    )
    linted = cli("lint", ".")
    assert linted.exit_code == 1
    assert "TRY501" in linted.stdout
    assert f"skeleton text is still here: '{sentence}'" in linted.stdout


def test_the_agreement_skeleton_offers_only_texts_j2_sentences_and_lint_finds_each_left(
    here: Path, cli: Callable[..., Result]
) -> None:
    """No sample text in the values; every sentence offered (in comments) is one of
    texts.j2's, and with the commented sections and priorities taken in as they stand,
    lint reports each of them."""
    assert cli("new", "agreement", "-m", "Lund").exit_code == 0
    path = here / f"overenskommelser/lund-lokal-{YEAR}.yaml"
    text = path.read_text(encoding="utf-8")
    assert not [s for s in _strings(yaml.safe_load(text)) if s.rstrip().endswith(".")]
    offered = re.findall(r"^\s*#\s+(?:- )?\w+: (.+\.)$", text, re.M)
    assert len(offered) >= 8 and set(offered) <= set(skeleton_sentences())
    taken_in = re.sub(r"^# (?=sections:|priorities:| )", "", text, flags=re.M)
    left = re.findall(r"^\s+(?:- )?\w+: (.+\.)$", taken_in, re.M)
    assert len(left) == len(offered) - 1  # the steering group's description stays a comment
    path.write_text(taken_in, encoding="utf-8")
    assert cli("validate", ".").exit_code == 0
    linted = cli("lint", ".").stdout
    for sentence in left:
        assert f"TRY501  trygg's skeleton text is still here: '{sentence}'" in linted
