"""TRY4xx, personal data: the tricky cases of each rule, on real strings."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from helpers import MINIMAL_AGREEMENT

from trygg_cli.check import personal as try401
from trygg_cli.findings import Finding
from trygg_cli.lint.base import LintSettings
from trygg_cli.lint.engine import lint_workspace
from trygg_cli.lint.passes import lint_passes
from trygg_cli.lint.rules import try402_phone_number as try402
from trygg_cli.lint.rules import try403_email_address as try403
from trygg_cli.lint.rules import try404_individual_in_sspf_or_sig as try404
from trygg_cli.workspace import load_sources

TODAY = date(2026, 11, 25)
PERSONAL = frozenset(("TRY401", "TRY402", "TRY403", "TRY404"))


def lint(sources: dict[str, str], **options: Any) -> list[Finding]:
    """The TRY4xx findings; the documents must be valid (a missing agreement aside)."""
    settings = LintSettings(today=TODAY, selected=PERSONAL, options=options)
    workspace = load_sources(
        {k: v.encode() for k, v in sources.items()}, passes=lint_passes(settings)
    )
    findings = lint_workspace(workspace, settings)
    invalid = [f for f in findings if f.rule[:3] != "TRY" and f.rule != "dangling-reference"]
    assert not invalid, invalid
    return [f for f in findings if f.rule in PERSONAL]


def with_text(text: str) -> str:
    """The minimal agreement with one section whose text is ``text``."""
    return (
        MINIMAL_AGREEMENT + "sections:\n  - id: text\n    title: Text\n    text: |\n"
        "      " + text.replace("\n", "\n      ") + "\n"
    )


# TRY401 personnummer and samordningsnummer


def numbers(text: str) -> list[tuple[str, str]]:
    return [(match.group(0), kind) for match, kind in try401.find(text)]


@pytest.mark.parametrize(
    "number",
    ["19121212-1212", "121212-1212", "1212121212", "191212121212", "121212+1212", "811228-9874"],
)
def test_valid_personnummer_in_every_form_is_found(number: str) -> None:
    assert numbers(f"Kontakt: Anna Svensson, {number}.") == [(number, "personnummer")]


@pytest.mark.parametrize("number", ["19121212-1213", "811228-9873", "1212121213"])
def test_a_wrong_check_digit_is_not_a_personnummer(number: str) -> None:
    assert numbers(f"Löpnummer {number}") == []


@pytest.mark.parametrize("number", ["701063-2391", "19701063-2391", "7010632391"])
def test_samordningsnummer_day_plus_60_is_found(number: str) -> None:
    # python-stdnum alone rejects these: day 63 is no date.
    assert numbers(f"samordningsnummer {number}") == [(number, "samordningsnummer")]


def test_samordningsnummer_needs_a_real_date_and_check_digit() -> None:
    assert try401.identity_number("701063-2392") is None  # check digit
    assert try401.identity_number("701393-2391") is None  # day 93 - 60 = 33
    assert try401.identity_number("701363-2391") is None  # month 13


@pytest.mark.parametrize(
    "text",
    [
        "Beslutat 2023-04-12 § 85, dnr KS 2023/112",
        "dnr KS 2019/0123-12",
        "Ärende 20230501-0001 och 2023-05-01",
        "Organisationsnummer 212000-1355",  # month 20: an organisation, not a person
        "Budget 1 250 000 kr, 0,5 %, kl. 08.00–17.00",
        "Nummer 12345678901234 och 3.1212121212",
        "Växel 031-365 00 00, mobil 070-123 45 67",
    ],
)
def test_dnr_dates_phone_and_long_numbers_are_not_personnummer(text: str) -> None:
    assert numbers(text) == []


def test_ten_digits_after_a_phone_word_are_a_phone_number() -> None:
    valid = "0701234569"  # both a mobile number and a valid personnummer (2007-01-23)
    assert numbers(f"Personnummer {valid}") == [(valid, "personnummer")]
    assert numbers(f"Tel: {valid}") == []
    assert [m.group(0) for m in try402.find(f"Tel: {valid}")] == [valid]
    assert list(try402.find(f"Personnummer {valid}")) == []


@pytest.mark.parametrize(
    ("text", "phone"),
    [
        ("Ring kommunpolisen på 0701234569", True),
        ("nås på 0701234569", True),
        ("mobilnr: 0701234569", True),
        ("Telefonnummer 0701234569", True),
        ("personnr 0701234569", False),
        ("kring 0701234569", False),
        ("tel: 031-123 45 67, personnummer 0701234569", False),
    ],
)
def test_each_ten_digits_goes_to_exactly_one_rule(text: str, phone: bool) -> None:
    assert bool(numbers(text)) is not phone
    assert ("0701234569" in phones(text)) is phone


def test_personnummer_message_masks_the_number_and_points_at_it() -> None:
    (finding,) = lint({"a.yaml": with_text("Samordnare är Anna (19121212-1212) tills vidare.")})
    assert finding.rule == "TRY401"
    assert "19121212-****" in finding.message
    assert "1212)" not in finding.message and "19121212-1212" not in finding.message
    line = with_text("Samordnare är Anna (19121212-1212) tills vidare.").splitlines()[
        finding.line - 1
    ]
    assert line[finding.column - 1 :].startswith("19121212-1212")


def test_samordningsnummer_message_names_it() -> None:
    (finding,) = lint({"a.yaml": with_text("Praktikant 701063-2391")})
    assert "samordningsnummer" in finding.message and "701063-****" in finding.message


# TRY402 phone numbers


def phones(text: str, allowed: frozenset[str] = frozenset()) -> list[str]:
    return [match.group(0) for match in try402.find(text, allowed)]


@pytest.mark.parametrize(
    "number",
    [
        "070-123 45 67",
        "0701234567",
        "070-1234567",
        "031-12 34 56",
        "08-123 456 78",
        "0303-123 45",
        "(031) 123 45 67",
        "+46 70 123 45 67",
        "+46701234567",
        "+46 (0)31-123 45 67",
        "0046 8 123 456 78",
    ],
)
def test_phone_numbers_are_found(number: str) -> None:
    assert phones(f"Ring {number}.") == [number]


@pytest.mark.parametrize(
    "text",
    [
        "Ring 112 vid nödläge",
        "Tips till polisen på 114 14",
        "Hjälptelefonen 113 13",
        "Sjukvårdsrådgivning 1177",
        "BRIS 116 111",
        "Stödlinjen 020-22 00 60",
        "Försäkringskassan 0771-524 524",
        "+46 771 14 14 00",
    ],
)
def test_public_service_numbers_are_allowed(text: str) -> None:
    assert phones(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "dnr KS 2023/112",
        "2023-05-01 och 01-05-2023 och 08-11-2023",
        "kl. 08-17, 08.00-17.00",
        "under åren 2019-2023",
        "unga mellan 12 och 18 år",
        "431 82 Mölndal",
        "Organisationsnummer 212000-1355",
        "Löpnummer 051224-1236",
        "Dnr 0123-2019",
        "0,5 procent och 3 000 000 kr",
    ],
)
def test_dates_dnr_and_other_numbers_are_not_phone_numbers(text: str) -> None:
    assert phones(text) == []


def test_configured_numbers_are_allowed_however_written() -> None:
    allowed = try402.allowed_numbers(["031-315 10 00", "+46 8 123 456 78", 313651000])
    assert allowed == {"0313151000", "0812345678", "0313651000"}
    text = "Växel 031-315 10 00, 08-123 456 78, 031-365 10 00 och 031-365 00 00"
    assert phones(text, allowed) == ["031-365 00 00"]
    assert phones("+46 31 315 10 00", allowed) == []
    assert try402.allowed_numbers("031-315 10 00") == {"0313151000"}
    assert try402.allowed_numbers(None) == frozenset()


def test_phone_numbers_allowed_option_reaches_the_rule() -> None:
    text = with_text("Kontaktcenter 031-315 10 00, samordnaren 070-123 45 67.")
    assert [f.rule for f in lint({"a.yaml": text})] == ["TRY402", "TRY402"]
    (finding,) = lint({"a.yaml": text}, phone_numbers_allowed=["031-315 10 00"])
    assert "070-*** ** **" in finding.message


@pytest.mark.parametrize(
    ("number", "masked"),
    [
        ("070-123 45 67", "070-*** ** **"),
        ("0701234567", "070*******"),
        ("08-123 456 78", "08-*** *** **"),
        ("+46 70 123 45 67", "+46 70 *** ** **"),
        ("+46701234567", "+4670*******"),
    ],
)
def test_phone_number_is_masked(number: str, masked: str) -> None:
    (match,) = try402.find(f"Ring {number}")
    assert try402.mask(match) == masked


# TRY403 e-mail addresses


@pytest.mark.parametrize(
    ("municipality", "expected"),
    [
        ("Mölndal", {"molndal.se"}),
        ("Göteborg", {"goteborg.se"}),
        ("Malmö", {"malmo.se"}),
        ("Upplands Väsby", {"upplandsvasby.se", "upplands-vasby.se"}),
        ("Upplands-Bro", {"upplandsbro.se", "upplands-bro.se"}),
        ("Göteborgs Stad", {"goteborg.se", "goteborgs.se", "goteborgsstad.se"}),
        ("Danderyds kommun", {"danderyd.se", "danderyds.se"}),
    ],
)
def test_domains_are_derived_from_the_municipality(municipality: str, expected: set[str]) -> None:
    assert expected <= try403.municipality_domains(municipality)


def addresses(text: str, municipality: str = "Mölndal", *configured: str) -> list[str]:
    allowed = (
        *try403.ALWAYS_ALLOWED,
        *try403.municipality_domains(municipality),
        *try403.configured_domains(list(configured)),
    )
    return [match.group(0) for match in try403.find(text, allowed)]


def test_own_domains_and_their_subdomains_are_allowed() -> None:
    text = (
        "trygghet@molndal.se, socialtjansten@social.molndal.se, "
        "registrator.vast@polisen.se, Anna.Svensson@MOLNDAL.SE"
    )
    assert addresses(text) == []


def test_personal_and_foreign_domains_are_found() -> None:
    text = (
        "anna.svensson72@gmail.com; kim@hotmail.com. Also x@molndal.se.evil.com, "
        "y@notmolndal.se and z@goteborg.se."
    )
    assert addresses(text) == [
        "anna.svensson72@gmail.com",
        "kim@hotmail.com",
        "x@molndal.se.evil.com",
        "y@notmolndal.se",
        "z@goteborg.se",
    ]
    assert addresses("gunilla.h@socialresurs.goteborg.se", "Göteborg") == []


def test_configured_domains_are_allowed() -> None:
    text = "info@molndalsbostader.se och anna@gmail.com"
    assert addresses(text, "Mölndal", "molndalsbostader.se") == ["anna@gmail.com"]
    assert addresses(text, "Mölndal", "@MolndalsBostader.se") == ["anna@gmail.com"]
    assert try403.configured_domains("polisen.se") == {"polisen.se"}


def test_email_finding_masks_the_name_and_honours_the_option() -> None:
    text = MINIMAL_AGREEMENT.replace(
        "municipality: Mölndal\n",
        "municipality: Mölndal\nresponsible: Samordnare, anna.svensson@gmail.com\n",
    )
    (finding,) = lint({"a.yaml": text})
    assert finding.rule == "TRY403" and "a***@gmail.com" in finding.message
    assert "anna.svensson" not in finding.message
    assert (finding.line, finding.column) == (7, 26)
    assert lint({"a.yaml": text}, email_domains=["gmail.com"]) == []


PLAN = """\
trygg: 1
kind: action-plan
id: plan
title: Åtgärdsplan
agreement: test-lokal
sections:
  - id: kontakt
    title: Kontakt
    text: Anmälan till bra@molndal.se eller kim@outlook.com.
"""


def test_action_plan_uses_its_agreements_municipality() -> None:
    findings = lint({"agreement.yaml": MINIMAL_AGREEMENT, "plan.yaml": PLAN})
    assert [(f.path, f.rule) for f in findings] == [("plan.yaml", "TRY403")]
    assert "k***@outlook.com" in findings[0].message


def test_action_plan_without_its_agreement_says_so() -> None:
    findings = lint({"plan.yaml": PLAN})
    assert len(findings) == 2  # molndal.se is not known to be the municipality's
    assert all("'test-lokal' is not among the files checked" in f.message for f in findings)


# TRY404 individuals in SSPF and SIG work


@pytest.mark.parametrize(
    ("ident", "name", "expected"),
    [
        ("sspf-styrgrupp", "Styrgrupp", True),
        ("operativ", "SSPF operativ grupp", True),
        ("sig", "Insatsgrupp", True),
        ("grupp", "SIG Centrum", True),
        ("sociala-insatsgrupper", "Sociala insatsgrupper", True),
        ("grupp", "Sociala insatsgrupper i stadsdelarna", True),
        ("bra", "BRÅ Mölndal", False),
        ("signal", "Gruppen tar sig an frågor", False),
        ("design", "Designgrupp", False),
    ],
)
def test_sspf_and_sig_bodies_are_recognised(ident: str, name: str, expected: bool) -> None:
    assert try404.is_sspf_or_sig(ident, name) is expected


@pytest.mark.parametrize(
    "text",
    [
        "Gruppen har följt en 14-årig pojke sedan i höstas.",
        "den 14-åriga flickan",
        "ett 12-årigt barn",
        "en fjortonårig flicka",
        "15-åringen greps i centrum",
        "flickan, 15 år, har setts i riskmiljöer",
        "Pojken (14 år) har flyttat",
        "Ali, 14 år, har slutat gå till skolan",
        "Ali Hassan (16 år)",
        "Gruppen har träffat Ali (14 år) i Lindome",
        "Samverkan kring Kim, 16 år, och fokus på Sara (15 år)",
        "Möte i Lindome Kim (8 år) deltar",
        "Målgruppen Ali, 14 år",
        "eleven Ali har fått stöd",
        "Sara i 8B har fått stöd",
        "en elev i klass 9A",
        "pojken i 7C",
    ],
)
def test_an_individual_is_found(text: str) -> None:
    assert list(try404.find(text)), text


@pytest.mark.parametrize(
    "text",
    [
        "barn och unga i riskzon",
        "unga mellan 12 och 18 år",
        "barn och ungdomar (12–18 år) som bedöms vara i riskzonen",
        "ungdomar mellan 18 och 25 år genom särskilda insatsgrupper",
        "I samverkan kring varje enskilt barn eller ungdom involveras olika representanter.",
        "Även andra aktörer kan tillkomma beroende på den unges behov.",
        "14-åriga pojkar och flickor",
        "12-åringar i skolan",
        "Elever i årskurs 7–9",
        "Unga, 12–18 år",
        "Målgruppen, 15 år och äldre",
        "Sara, 15 år och äldre",
        "Under 2023 deltog 12 elever",
        "Projektet (3 år) finansieras av staden",
        "SSPF har funnits i Lindome (8 år) och i Kållered, 3 år",
        "Arbetet inom Centrum (5 år) följs upp",
        "Utanför Lindome (3 år) och Inom Centrum (5 år)",
        "SSPF-arbetet riktar sig till barn och unga i riskzon för kriminalitet eller missbruk.",
    ],
)
def test_general_descriptions_are_not_individuals(text: str) -> None:
    assert list(try404.find(text)) == []


BODIES = """\
bodies:
  - id: sspf
    name: SSPF operativ grupp
    level: operativ
    description: Gruppen följer en 14-årig pojke i klass 8B.
  - id: bra
    name: BRÅ
    level: strategisk
    description: Rådet har bjudit in en 14-årig pojke från elevrådet.
"""


def test_only_sspf_and_sig_text_is_checked_and_the_message_repeats_no_detail() -> None:
    (finding,) = lint({"a.yaml": MINIMAL_AGREEMENT + BODIES})
    assert finding.rule == "TRY404" and finding.yaml_path == ("bodies", 0, "description")
    assert "'SSPF operativ grupp'" in finding.message
    assert "14" not in finding.message and "8B" not in finding.message
    assert "an age with a word for a child" in finding.message
    assert "a school class with a name or a pupil" in finding.message


PLAN_OF_SSPF_BODY = """\
trygg: 1
kind: action-plan
id: plan
title: Åtgärdsplan
agreement: test-lokal
actions:
  - id: a
    title: Orosamtal
    description: Samtal med föräldrarna till Kim, 16 år.
    performs: [{body: sspf-operativ}]
  - id: b
    title: Trygghetsvandring
    description: Samtal med föräldrarna till Kim, 16 år.
    performs: [{party: stad}]
"""


def test_actions_of_an_sspf_body_are_checked() -> None:
    plan = PLAN_OF_SSPF_BODY
    findings = lint({"plan.yaml": plan})
    assert [(f.rule, f.yaml_path) for f in findings] == [("TRY404", ("actions", 0, "description"))]
    whole = plan.replace(
        "agreement: test-lokal\n", "agreement: test-lokal\nresponsible_body: sig\n"
    )
    assert len(lint({"plan.yaml": whole})) == 2


NAMED_BODIES = """\
bodies:
  - id: operativ-grupp
    name: SSPF operativ grupp
    level: operativ
  - id: sspf-styr
    name: Styrgrupp
    level: strategisk
"""
PLAN_OF_NAMED_BODY = PLAN_OF_SSPF_BODY.replace("sspf-operativ", "operativ-grupp")


def test_a_body_that_only_its_name_in_the_agreement_marks_as_sspf() -> None:
    """'operativ-grupp' says nothing itself; the agreement names it 'SSPF operativ grupp'."""
    agreement = MINIMAL_AGREEMENT + NAMED_BODIES
    findings = lint({"agreement.yaml": agreement, "plan.yaml": PLAN_OF_NAMED_BODY})
    assert [(f.path, f.line, f.column, f.yaml_path) for f in findings] == [
        ("plan.yaml", 9, 46, ("actions", 0, "description"))
    ]
    assert "'Orosamtal'" in findings[0].message and "16" not in findings[0].message
    # Without the agreement among the files there is no telling.
    assert lint({"plan.yaml": PLAN_OF_NAMED_BODY}) == []


def test_a_plan_of_a_body_named_sspf_is_checked_whole_and_once() -> None:
    plan = PLAN_OF_NAMED_BODY.replace(
        "agreement: test-lokal\n", "agreement: test-lokal\nresponsible_body: operativ-grupp\n"
    ).replace("[{body: operativ-grupp}]", "[{body: sspf-styr}]")
    findings = lint({"agreement.yaml": MINIMAL_AGREEMENT + NAMED_BODIES, "plan.yaml": plan})
    assert sorted(f.yaml_path for f in findings) == [
        ("actions", 0, "description"),
        ("actions", 1, "description"),
    ]
    assert "'Åtgärdsplan'" in findings[1].message  # the whole plan is SSPF work
