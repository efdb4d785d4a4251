"""``trygg render`` writes every shape of issue 16 the way a Swedish agreement would.

One test per need: the shape written as YAML, validated (no findings), rendered as
Markdown and HTML, and the Swedish sentences it must give checked exactly. The last test
renders documents that use every shape at once (those of /work/wt/shared, see
``EVERY_SHAPE``).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import Result, write_file

Render = Callable[[dict[str, str], str], tuple[str, str]]

PARTIES = """\
parties:
  - {id: kommunen, name: Exempelby kommun, type: kommun}
  - {id: polisen, name: Lokalpolisområde Exempel, type: lokalpolisområde}
"""
AGREEMENT = (
    """\
trygg: 1
kind: agreement
id: avtal
title: Lokal samverkansöverenskommelse
scope: local
municipality: Exempelby
"""
    + PARTIES
)
PROMISE = (
    """\
trygg: 1
kind: citizen-promise
id: lofte
title: Medborgarlöfte Exempelby 2024
agreement: avtal
municipality: Exempelby
problem: Otrygghet vid centrum kvällstid.
"""
    + PARTIES
)
VALID_2020 = """\
validity: {from: 2020-05-11, until: 2024-05-10}
"""
PERIOD_2024 = """\
period: {from: 2024-01-01, until: 2024-12-31}
"""
ONE_COMMITMENT = """\
commitments:
  - {id: narvaro, party: polisen, text: Polisen är på plats i centrum.}
"""


@pytest.fixture
def render(tmp_path: Path, cli: Callable[..., Result], monkeypatch: pytest.MonkeyPatch) -> Render:
    """Write the files, check that they validate without findings, and render one
    document as Markdown and as HTML."""
    monkeypatch.chdir(tmp_path)

    def _render(files: dict[str, str], doc_id: str) -> tuple[str, str]:
        for name, text in files.items():
            write_file(tmp_path / "docs", name, text)
        checked = cli("validate", "docs", "-f", "json")
        assert json.loads(checked.stdout)["findings"] == [], checked.stdout
        assert checked.exit_code == 0
        out = []
        for fmt in ("markdown", "html"):
            result = cli("render", "docs", "-d", doc_id, "-f", fmt, "--stamp-date", "2026-01-01")
            assert result.exit_code == 0, result.stderr
            assert "None" not in result.stdout
            out.append(result.stdout)
        return out[0], out[1]

    return _render


def test_1_joint_commitments_and_responsibles_name_every_party(render: Render) -> None:
    promise = (
        PROMISE
        + PERIOD_2024
        + """\
actors:
  - {id: bostadsbolaget, name: Exempelbostäder AB, type: bostadsbolag}
commitments:
  - id: vandringar
    parties: [kommunen, polisen]
    text: Tillsammans genomför vi trygghetsvandringar i centrum.
  - {id: belysning, party: kommunen, text: Kommunen förbättrar belysningen.}
  - id: hyresgaster
    parties: [kommunen, polisen, bostadsbolaget]
    text: Vi bjuder in hyresgästerna till dialog.
"""
    )
    plan = """\
trygg: 1
kind: action-plan
id: plan
title: Åtgärdsplan 2024
agreement: avtal
actions:
  - id: vandringar
    title: Trygghetsvandringar
    performs:
      - {parties: [kommunen, polisen]}
      - {parties: [kommunen, polisen], role: Trygghetsvärdar}
"""
    md, html = render(
        {"avtal.yaml": AGREEMENT + VALID_2020, "lofte.yaml": promise, "plan.yaml": plan}, "lofte"
    )
    assert "### Exempelby kommun och Lokalpolisområde Exempel lovar tillsammans\n" in md
    assert "### Exempelby kommun lovar\n" in md
    assert (
        "### Exempelby kommun, Lokalpolisområde Exempel och Exempelbostäder AB lovar tillsammans"
        in md
    )
    assert "- Tillsammans genomför vi trygghetsvandringar i centrum.\n" in md
    assert "<h3>Exempelby kommun och Lokalpolisområde Exempel lovar tillsammans</h3>" in html
    md, html = render({}, "plan")
    assert (
        "- **Utför:** Exempelby kommun och Lokalpolisområde Exempel; "
        "Trygghetsvärdar, Exempelby kommun och Lokalpolisområde Exempel\n"
    ) in md
    assert (
        '<td data-label="Utförs av">Exempelby kommun och Lokalpolisområde Exempel; '
        "Trygghetsvärdar, Exempelby kommun och Lokalpolisområde Exempel</td>"
    ) in html


def test_2_actors_are_listed_and_named_wherever_they_take_part(render: Render) -> None:
    agreement = (
        AGREEMENT
        + VALID_2020
        + """\
actors:
  - {id: bostadsbolaget, name: Exempelbostäder AB, type: bostadsbolag}
  - id: raddningstjansten
    name: Räddningstjänsten Exempel
    type: räddningstjänst
    description: Brandskydd och trygghetsvandringar.
bodies:
  - id: styrgrupp
    name: Styrgrupp
    level: strategisk
    chair: {party: bostadsbolaget, role: VD}
    members:
      - {party: kommunen, role: Kommundirektör}
      - {party: bostadsbolaget, role: VD}
"""
    )
    promise = (
        PROMISE
        + PERIOD_2024
        + """\
actors:
  - {id: bostadsbolaget, name: Exempelbostäder AB, type: bostadsbolag}
commitments:
  - {id: belysning, party: bostadsbolaget, text: Bostadsbolaget byter belysning i trapphusen.}
"""
    )
    md, html = render({"avtal.yaml": agreement, "lofte.yaml": promise}, "avtal")
    assert (
        "## Övriga aktörer\n\n"
        "| Aktör | Slag av organisation | Bidrar med |\n"
        "|---|---|---|\n"
        "| Exempelbostäder AB | Bostadsbolag | – |\n"
        "| Räddningstjänsten Exempel | Räddningstjänst | Brandskydd och trygghetsvandringar. |\n"
    ) in md
    assert "- **Ordförande:** VD, Exempelbostäder AB\n" in md
    assert "| Exempelbostäder AB | VD |\n" in md
    assert '<a href="#actors">Övriga aktörer</a>' in html
    assert '<tr><th scope="row">Exempelbostäder AB</th><td>Bostadsbolag</td><td>–</td></tr>' in html
    assert "<dd>VD, Exempelbostäder AB</dd>" in html
    assert "bostadsbolaget" not in md and "raddningstjansten" not in md
    md, html = render({}, "lofte")
    assert "### Exempelbostäder AB lovar\n" in md
    assert "## Övriga aktörer\n\n| Aktör | Slag av organisation |\n" in md
    assert "<h3>Exempelbostäder AB lovar</h3>" in html


def test_3_overall_goals_serve_priorities_and_indicators_compare(render: Render) -> None:
    agreement = (
        AGREEMENT
        + VALID_2020
        + """\
goals:
  - id: okad-trygghet
    description: Ökad trygghet.
    priorities: [unga, centrum]
    indicators:
      - id: trygga
        description: Andel som känner sig trygga
        source: Polisens trygghetsmätning
        baseline: {value: 62, unit: '%', year: 2019}
        target: {value: 70, unit: '%', year: 2024}
      - description: Anmälda rån
        baseline: {value: 12500, unit: anmälningar, year: 2019}
        target: minska varje år
priorities:
  - id: unga
    title: Unga i riskzon
    goals:
      - id: farre-unga
        description: Färre unga misstänkta för brott.
        indicators:
          - {description: Misstänkta 15–20 år, baseline: drygt 300 personer (2019)}
  - {id: centrum, title: Trygg stadskärna}
"""
    )
    promise = (
        PROMISE
        + PERIOD_2024
        + ONE_COMMITMENT
        + """\
goals:
  - id: tryggare-centrum
    description: Fler känner sig trygga i centrum.
    priorities: [centrum]
    indicators:
      - description: Andel trygga i centrum
        target: {value: 75.5, unit: '%', year: 2025}
"""
    )
    md, html = render({"avtal.yaml": agreement, "lofte.yaml": promise}, "avtal")
    assert (
        "## Övergripande mål\n\n"
        "Ökad trygghet.\n\n"
        "Gäller de prioriterade områdena Unga i riskzon och Trygg stadskärna.\n\n"
        "Indikatorer:\n\n"
        "- Andel som känner sig trygga. Källa: Polisens trygghetsmätning. "
        "Utgångsläge: 62 % (2019). Mål: 70 % (2024).\n"
        "- Anmälda rån. Utgångsläge: 12 500 anmälningar (2019). Mål: minska varje år.\n"
    ) in md
    assert "- Misstänkta 15–20 år. Utgångsläge: drygt 300 personer (2019).\n" in md
    assert (
        "<li>Andel som känner sig trygga. Källa: Polisens trygghetsmätning. "
        "Utgångsläge: 62 % (2019). Mål: 70 % (2024).</li>"
    ) in html
    assert "<p>Gäller de prioriterade områdena Unga i riskzon och Trygg stadskärna.</p>" in html
    md, html = render({}, "lofte")
    assert (
        "## Mål\n\nFler känner sig trygga i centrum.\n\n"
        "Gäller det prioriterade området Trygg stadskärna.\n\n"
        "Indikatorer:\n\n- Andel trygga i centrum. Mål: 75,5 % (2025).\n"
    ) in md
    assert "<li>Andel trygga i centrum. Mål: 75,5 % (2025).</li>" in html


def test_4_sources_a_document_and_a_priority_rest_on(render: Render) -> None:
    agreement = (
        AGREEMENT
        + VALID_2020
        + """\
based_on:
  - {title: Polisens trygghetsmätning 2019, kind: trygghetsmätning, year: 2019}
  - {title: Medborgardialog hösten 2023, kind: medborgardialog, year: 2023}
priorities:
  - id: centrum
    title: Trygg stadskärna
    based_on:
      - {title: Lägesbild för centrum, kind: lägesbild, year: 2022, url: 'https://exempelby.se/lagesbild'}
"""
    )
    promise = (
        PROMISE
        + PERIOD_2024
        + ONE_COMMITMENT
        + """\
based_on:
  - {title: Medborgardialog hösten 2023, kind: medborgardialog, year: 2023}
"""
    )
    md, html = render({"avtal.yaml": agreement, "lofte.yaml": promise}, "avtal")
    assert "| Bygger på | Polisens trygghetsmätning 2019, Medborgardialog hösten 2023 |\n" in md
    assert "Bygger på: [Lägesbild för centrum (2022)](<https://exempelby.se/lagesbild>).\n" in md
    assert (
        "<dt>Bygger på</dt>\n<dd>Polisens trygghetsmätning 2019, Medborgardialog hösten 2023</dd>"
        in html
    )
    assert (
        '<p>Bygger på: <a href="https://exempelby.se/lagesbild">Lägesbild för centrum (2022)</a>.</p>'
        in html
    )
    md, html = render({}, "lofte")
    assert "| Bygger på | Lokal samverkansöverenskommelse, Medborgardialog hösten 2023 |\n" in md
    assert "<dd>Lokal samverkansöverenskommelse, Medborgardialog hösten 2023</dd>" in html


def test_5_a_term_without_an_end_date_gives_its_end(render: Render) -> None:
    agreement = (
        AGREEMENT
        + """\
validity:
  from: 2020-05-11
  term: {amount: 4, unit: year, text: Överenskommelsen sträcker sig över fyra år.}
"""
    )
    promise = (
        PROMISE
        + ONE_COMMITMENT
        + """\
period:
  from: 2023-01-01
  term: {unit: mandate_period}
"""
    )
    md, html = render({"avtal.yaml": agreement, "lofte.yaml": promise}, "avtal")
    assert "| Gäller från och med | 11 maj 2020 |\n| Gäller till och med | 10 maj 2024 |\n" in md
    assert "Överenskommelsen gäller i fyra år från 11 maj 2020, till och med 10 maj 2024.\n" in md
    assert (
        "<p>Överenskommelsen gäller i fyra år från 11 maj 2020, till och med 10 maj 2024.</p>"
        in html
    )
    md, html = render({}, "lofte")
    assert (
        "| Gäller | under mandatperioden från 1 januari 2023, till och med 14 oktober 2026 |\n"
        in md
    )
    assert "<dd>under mandatperioden från 1 januari 2023, till och med 14 oktober 2026</dd>" in html


def test_6_extended_replaced_and_superseded(render: Render) -> None:
    agreement = (
        AGREEMENT
        + """\
validity:
  from: 2020-05-11
  term: {amount: 4, unit: year}
  extensions:
    - {until: 2025-06-30, decided: 2024-04-02, decision: KS 2024-04-02 § 55}
"""
    )
    ny = (
        AGREEMENT.replace("id: avtal", "id: nytt-avtal")
        + """\
validity: {from: 2025-07-01, until_replaced: true}
supersedes:
  - {title: Överenskommelsen 2020, agreement: avtal}
"""
    )
    older = (
        PROMISE.replace("id: lofte", "id: lofte-2023").replace("2024", "2023")
        + ONE_COMMITMENT
        + "period: {from: 2023-01-01, until: 2023-12-31}\n"
    )
    promise = (
        PROMISE
        + ONE_COMMITMENT
        + """\
period: {from: 2024-01-01, until_replaced: true}
supersedes:
  - {title: Medborgarlöfte 2023, citizen_promise: lofte-2023}
"""
    )
    files = {"avtal.yaml": agreement, "nytt.yaml": ny, "lofte-2023.yaml": older}
    md, html = render({**files, "lofte.yaml": promise}, "avtal")
    assert "| Gäller till och med | 10 maj 2024 |\n" in md
    assert "| Förlängd | till och med 30 juni 2025 (beslut KS 2024-04-02 § 55) |\n" in md
    assert (
        "Överenskommelsen gäller i fyra år från 11 maj 2020, till och med 10 maj 2024. "
        "Förlängd till och med 30 juni 2025 (beslut KS 2024-04-02 § 55).\n"
    ) in md
    assert (
        "<dt>Förlängd</dt>\n<dd>till och med 30 juni 2025 (beslut KS 2024-04-02 § 55)</dd>" in html
    )
    md, html = render({}, "nytt-avtal")
    assert "| Giltighetstid | Tills en ny överenskommelse ersätter den |\n" in md
    assert (
        "Överenskommelsen gäller från och med 1 juli 2025 tills en ny överenskommelse "
        "ersätter den.\n\nDen ersätter:\n\n- Lokal samverkansöverenskommelse\n"
    ) in md
    md, html = render({}, "lofte")
    assert (
        "| Gäller | från och med 1 januari 2024 tills ett nytt medborgarlöfte ersätter det |\n"
        in md
    )
    assert "| Ersätter | Medborgarlöfte Exempelby 2023 |\n" in md
    assert "<dt>Ersätter</dt>\n<dd>Medborgarlöfte Exempelby 2023</dd>" in html


def test_7_tertial_per_period_seasonal_and_event_tied_cadences(render: Render) -> None:
    agreement = (
        AGREEMENT
        + VALID_2020
        + """\
bodies:
  - id: ksau
    name: Kommunstyrelsens arbetsutskott
    level: strategisk
    meetings: {times: 1, unit: tertial, text: En gång per tertial}
  - {id: styrgrupp, name: Styrgrupp, level: strategisk, meetings: {every: 1, unit: tertial}}
  - {id: arbetsgrupp, name: Arbetsgrupp, level: operativ, meetings: {times: 2, unit: tertial}}
occasions:
  - id: kommunpolis-ksau
    name: Kommunpolisen bjuds in
    schedule: {with_meetings_of: ksau}
  - {id: skolstart, name: Trygg skolstart, schedule: {at_event: skolstart}}
  - {id: sommar, name: Sommarinsats, schedule: {every: 1, during: summer_holiday}}
  - {id: host, name: Höstkampanj, schedule: {first: 2024, during: autumn}}
"""
    )
    promise = (
        PROMISE
        + PERIOD_2024
        + """\
commitments:
  - id: vandringar
    parties: [kommunen, polisen]
    text: Vi genomför trygghetsvandringar.
    schedule: {times: 9, unit: period, qualifier: at_least}
"""
    )
    md, html = render({"avtal.yaml": agreement, "lofte.yaml": promise}, "avtal")
    assert "- **Träffas:** En gång per tertial.\n" in md
    assert "- **Träffas:** Varje tertial.\n" in md
    assert "- **Träffas:** Två gånger per tertial.\n" in md
    assert "per år" not in md
    assert "- **Kommunpolisen bjuds in:** Vid varje möte i Kommunstyrelsens arbetsutskott.\n" in md
    assert "- **Trygg skolstart:** Vid skolstart.\n" in md
    assert "- **Sommarinsats:** Varje sommarlov.\n" in md
    assert "- **Höstkampanj:** Under hösten 2024.\n" in md
    assert "<dd><p>Vid varje möte i Kommunstyrelsens arbetsutskott.</p></dd>" in html
    assert "<dd>Två gånger per tertial.</dd>" in html
    md, html = render({}, "lofte")
    assert "- Vi genomför trygghetsvandringar. Vid minst nio tillfällen under perioden.\n" in md
    assert (
        '<th scope="row">Vi genomför trygghetsvandringar.</th>\n'
        '<td data-label="När">Vid minst nio tillfällen under perioden.</td>\n'
        '<td data-label="Läge">Planerad</td>'
    ) in html


def test_8_completions_by_year_with_a_report(render: Render) -> None:
    agreement = (
        AGREEMENT
        + VALID_2020
        + """\
follow_up:
  first: 2021
  every: 1
  done:
    - 2021
    - {year: 2022, report: KS 2022/118}
    - {date: 2024-01-15, occurrence: 2023, note: Redovisad för styrgruppen.}
"""
    )
    promise = (
        PROMISE
        + PERIOD_2024
        + """\
commitments:
  - id: vandringar
    party: polisen
    text: Polisen genomför trygghetsvandringar.
    schedule: {times: 2, unit: year, done: [{year: 2024, report: 'https://exempelby.se/rapport'}]}
"""
    )
    md, html = render({"avtal.yaml": agreement, "lofte.yaml": promise}, "avtal")
    assert (
        "- **Uppföljning:** 2021 och därefter årligen. Genomförd 2021. "
        "Genomförd 2022 (KS 2022/118). "
        "Genomförd 15 januari 2024 (avser 2023). Redovisad för styrgruppen.\n"
    ) in md
    assert "Genomförd 2022 (KS 2022/118). Genomförd 15 januari 2024 (avser 2023)." in html
    md, html = render({}, "lofte")
    assert (
        "- Polisen genomför trygghetsvandringar. Två gånger per år. "
        "Genomförd 2024 (https://exempelby.se/rapport).\n"
    ) in md


def test_9_signatories_known_by_title_only(render: Render) -> None:
    agreement = (
        AGREEMENT
        + VALID_2020
        + """\
signatories:
  - {title: Kommunstyrelsens ordförande, party: kommunen, signed: 2020-05-11}
  - {title: Lokalpolisområdeschef, party: polisen}
"""
    )
    md, html = render({"avtal.yaml": agreement}, "avtal")
    line = "\\_" * 30 + "\\"
    blank = "\\_" * 20
    # Signed: where and when, without lines to sign on; not signed yet: the lines.
    assert (
        "11 maj 2020\\\nKommunstyrelsens ordförande\\\nExempelby kommun\n\n"
        f"Ort och datum: {blank}\n\n{line}\nLokalpolisområdeschef\\\n"
        "Lokalpolisområde Exempel\n"
    ) in md
    assert (
        '<div class="signature">\n<p>11 maj 2020</p>\n'
        "<p>Kommunstyrelsens ordförande</p>\n<p>Exempelby kommun</p>\n</div>"
    ) in html
    assert "<dt>Undertecknad</dt>\n<dd>11 maj 2020 av Kommunstyrelsens ordförande</dd>" in html
    assert "Namn" not in md and "Namn" not in html


def test_10_sub_priorities_nest_under_their_priority(render: Render) -> None:
    agreement = (
        AGREEMENT
        + VALID_2020
        + """\
priorities:
  - id: unga
    title: Unga i riskzon
    sub_priorities:
      - id: skolan
        title: Skolan
        problem: Frånvaro och konflikter.
        based_on: [{title: Skolenkäten 2023, kind: enkät}]
      - {id: fritid, title: Fritiden}
  - {id: centrum, title: Trygg stadskärna}
"""
    )
    plan = """\
trygg: 1
kind: action-plan
id: plan
title: Åtgärdsplan 2024
agreement: avtal
actions:
  - {id: mentorer, title: Mentorer i skolan, priority: skolan, performs: [{party: kommunen}]}
"""
    md, html = render({"avtal.yaml": agreement, "plan.yaml": plan}, "avtal")
    assert (
        "## Prioriterade områden\n\nTvå prioriterade områden med två underområden.\n\n"
        "### Unga i riskzon\n\n#### Skolan\n\nBygger på: Skolenkäten 2023.\n\n"
        "##### Problembild\n\nFrånvaro och konflikter.\n\n#### Fritiden\n\n"
        "### Trygg stadskärna\n"
    ) in md
    assert (
        '<section class="priority" id="omrade-unga">\n<h3>Unga i riskzon</h3>\n'
        '<section class="sub-priority" id="omrade-skolan">\n<h4>Skolan</h4>\n'
        "<p>Bygger på: Skolenkäten 2023.</p>\n<h5>Problembild</h5>\n"
        "<p>Frånvaro och konflikter.</p></section>\n"
    ) in html
    md, html = render({}, "plan")
    assert "- **Prioriterat område:** Skolan\n" in md
    assert (
        '<h3 id="atgarder-skolan">Skolan</h3>\n<table class="actions stack">\n'
        '<caption class="visually-hidden">Åtgärder inom Skolan</caption>'
    ) in html


# The documents of /work/wt/shared (issue 16's example of every shape), copied as they
# are with two changes: the citizen promise they supersede is added (there it dangles),
# and the steering group meets 'times: 1' per tertial, as its own text says ("En gång
# per tertial"; the shared copy has 'times: 3', which would read "Tre gånger per tertial").
EVERY_SHAPE = {
    "agreement.yaml": """\
trygg: 1
kind: agreement
id: exempel-lokal-2020
title: Lokal samverkansöverenskommelse
scope: local
municipality: Exempelby
parties:
  - {id: kommunen, name: Exempelby kommun, type: kommun}
  - {id: polisen, name: Lokalpolisområde Exempel, type: lokalpolisområde}
actors:
  - {id: bostadsbolaget, name: Exempelbostäder AB, type: bostadsbolag}
  - {id: raddningstjansten, name: Räddningstjänsten Exempel, type: räddningstjänst}
signatories:
  - {title: Kommunstyrelsens ordförande, party: kommunen, signed: 2020-05-11}
  - {title: Lokalpolisområdeschef, party: polisen, signed: 2020-05-11}
validity:
  from: 2020-05-11
  term: {amount: 4, unit: year, text: Överenskommelsen sträcker sig över fyra år.}
  extensions:
    - {until: 2025-06-30, decided: 2024-04-02, decision: KS 2024-04-02 § 55}
based_on:
  - {title: Polisens trygghetsmätning 2019, kind: trygghetsmätning, year: 2019}
goals:
  - id: okad-trygghet
    description: Ökad trygghet
    priorities: [unga, centrum]
    indicators:
      - id: trygga
        description: Andel som känner sig trygga
        baseline: {value: 62, unit: '%', year: 2019}
        target: {value: 70, unit: '%', year: 2024}
priorities:
  - id: unga
    title: Unga i riskzon
    sub_priorities:
      - {id: skolan, title: Skolan}
      - {id: fritid, title: Fritiden}
  - id: centrum
    title: Trygg stadskärna
bodies:
  - id: ksau
    name: Kommunstyrelsens arbetsutskott
    level: strategisk
    members: [{party: kommunen, role: Ledamöter}]
  - id: styrgrupp
    name: Styrgrupp
    level: strategisk
    members:
      - {party: kommunen, role: Kommundirektör}
      - {party: bostadsbolaget, role: VD}
    meetings: {times: 1, unit: tertial, text: En gång per tertial}
occasions:
  - id: kommunpolis-ksau
    name: Kommunpolisen bjuds in till KSAU
    schedule: {with_meetings_of: ksau, text: Kommunpolisen bjuds in till varje möte i kommunstyrelsens arbetsutskott.}
  - id: sommar
    name: Sommarinsats
    schedule: {every: 1, during: summer_holiday, text: Under sommarlovet.}
follow_up:
  first: 2021
  every: 1
  done: [2021, {year: 2022, report: KS 2022/118}, {date: 2023-11-30}]
""",
    "promise.yaml": """\
trygg: 1
kind: citizen-promise
id: exempel-lofte-2024
title: Medborgarlöfte Exempelby 2024
agreement: exempel-lokal-2020
municipality: Exempelby
parties:
  - {id: kommunen, name: Exempelby kommun, type: kommun}
  - {id: polisen, name: Lokalpolisområde Exempel, type: lokalpolisområde}
actors:
  - {id: bostadsbolaget, name: Exempelbostäder AB, type: bostadsbolag}
period: {from: 2024-01-01, until_replaced: true}
supersedes:
  - {title: Medborgarlöfte 2023, citizen_promise: exempel-lofte-2023}
based_on:
  - {title: Medborgardialog hösten 2023, kind: medborgardialog, year: 2023}
problem: Otrygghet vid centrum kvällstid.
goals:
  - id: tryggare-centrum
    description: Fler känner sig trygga i centrum
    priorities: [centrum]
commitments:
  - id: vandringar
    parties: [kommunen, polisen, bostadsbolaget]
    text: Tillsammans genomför vi trygghetsvandringar.
    schedule: {times: 9, unit: period, qualifier: at_least}
""",
    "promise-2023.yaml": """\
trygg: 1
kind: citizen-promise
id: exempel-lofte-2023
title: Medborgarlöfte 2023
agreement: exempel-lokal-2020
municipality: Exempelby
parties:
  - {id: kommunen, name: Exempelby kommun, type: kommun}
  - {id: polisen, name: Lokalpolisområde Exempel, type: lokalpolisområde}
period: {from: 2023-01-01, until: 2023-12-31}
problem: Otrygghet vid centrum kvällstid.
commitments:
  - {id: narvaro, party: polisen, text: Polisen är på plats i centrum fredagskvällar.}
""",
}


def test_every_shape_at_once(render: Render) -> None:
    md, html = render(EVERY_SHAPE, "exempel-lokal-2020")
    for said in (
        "| Gäller från och med | 11 maj 2020 |\n| Gäller till och med | 10 maj 2024 |\n"
        "| Förlängd | till och med 30 juni 2025 (beslut KS 2024-04-02 § 55) |\n"
        "| Bygger på | Polisens trygghetsmätning 2019 |\n",
        "| Exempelbostäder AB | Bostadsbolag |\n| Räddningstjänsten Exempel | Räddningstjänst |\n",
        "| Exempelby kommun | Kommundirektör |\n| Exempelbostäder AB | VD |\n",
        "- **Träffas:** En gång per tertial.\n",
        "Gäller de prioriterade områdena Unga i riskzon och Trygg stadskärna.\n\nIndikatorer:\n\n"
        "- Andel som känner sig trygga. Utgångsläge: 62 % (2019). Mål: 70 % (2024).\n",
        "Två prioriterade områden med två underområden.\n\n### Unga i riskzon\n\n#### Skolan\n\n"
        "#### Fritiden\n\n### Trygg stadskärna\n",
        "- **Uppföljning:** 2021 och därefter årligen. Genomförd 2021. "
        "Genomförd 2022 (KS 2022/118). Genomförd 30 november 2023.\n",
        "- **Kommunpolisen bjuds in till KSAU:** Vid varje möte i Kommunstyrelsens "
        "arbetsutskott.\n",
        "- **Sommarinsats:** Varje sommarlov.\n",
        "Överenskommelsen gäller i fyra år från 11 maj 2020, till och med 10 maj 2024. "
        "Förlängd till och med 30 juni 2025 (beslut KS 2024-04-02 § 55).\n",
        "\\\nKommunstyrelsens ordförande\\\nExempelby kommun\n",
    ):
        assert said in md, said
    for said in (
        "<dd>till och med 30 juni 2025 (beslut KS 2024-04-02 § 55)</dd>",
        "<li>Andel som känner sig trygga. Utgångsläge: 62 % (2019). Mål: 70 % (2024).</li>",
        '<section class="sub-priority" id="omrade-skolan">\n<h4>Skolan</h4>\n</section>',
        "<dd><p>Vid varje möte i Kommunstyrelsens arbetsutskott.</p></dd>",
        "<dd>2021 och därefter årligen. Genomförd 2021. Genomförd 2022 (KS 2022/118). "
        "Genomförd 30 november 2023.</dd>",
    ):
        assert said in html, said
    md, html = render({}, "exempel-lofte-2024")
    for said in (
        "| Gäller | från och med 1 januari 2024 tills ett nytt medborgarlöfte ersätter det |\n"
        "| Bygger på | Lokal samverkansöverenskommelse, Medborgardialog hösten 2023 |\n"
        "| Ersätter | Medborgarlöfte 2023 |\n",
        "## Mål\n\nFler känner sig trygga i centrum\n\n"
        "Gäller det prioriterade området Trygg stadskärna.\n",
        "### Exempelby kommun, Lokalpolisområde Exempel och Exempelbostäder AB lovar "
        "tillsammans\n\n- Tillsammans genomför vi trygghetsvandringar. "
        "Vid minst nio tillfällen under perioden.\n",
        "## Övriga aktörer\n\n| Aktör | Slag av organisation |\n|---|---|\n"
        "| Exempelbostäder AB | Bostadsbolag |\n",
    ):
        assert said in md, said
    assert (
        "<h3>Exempelby kommun, Lokalpolisområde Exempel och Exempelbostäder AB lovar "
        "tillsammans</h3>"
    ) in html
