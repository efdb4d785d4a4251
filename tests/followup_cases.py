"""A small world to follow up: Exempelby's agreement with an indicator that has a baseline
and a target, its action plan, its citizen promise, and follow-ups of them (shared by the
tests of the follow-up kind in the model, due, lint, report new, diff and render)."""

from __future__ import annotations

from trygg_cli.workspace import Workspace, load_sources

AGREEMENT = """\
trygg: 1
kind: agreement
id: avtal
title: Lokal samverkansöverenskommelse för Exempelby
scope: local
municipality: Exempelby
parties:
  - {id: kommunen, name: Exempelby kommun, type: kommun}
  - {id: polisen, name: Lokalpolisområde Exempel, type: lokalpolisområde}
validity: {from: 2024-01-01, until: 2027-12-31}
goals:
  - id: okad-trygghet
    description: Ökad trygghet i centrum
    indicators:
      - id: trygga-centrum
        description: Andelen som känner sig trygga i centrum
        baseline: {value: 62, unit: '%', year: 2022}
        target: {value: 70, unit: '%', year: 2026}
      - id: anmalda-ran
        description: Anmälda rån i centrum
        baseline: {value: 40, unit: anmälningar, year: 2023}
      - description: Antal trygghetsvandringar
follow_up: {every: 1, at: end}
action_plans: [plan]
citizen_promises: [lofte]
"""

PLAN = """\
trygg: 1
kind: action-plan
id: plan
title: Åtgärdsplan för Exempelby
agreement: avtal
follow_up: {every: 1, at: end}
actions:
  - id: vandringar
    title: Trygghetsvandringar
    performs: [{party: kommunen}]
    follows_up: [{party: kommunen}]
    schedule: {times: 2, unit: year}
    status: ongoing
  - id: belysning
    title: Belysning vid resecentrum
    performs: [{party: kommunen}]
    follows_up: [{party: kommunen}]
    deadline: 2025-10-31
    status: done
    outcome: Ny belysning i oktober 2025.
"""

PROMISE = """\
trygg: 1
kind: citizen-promise
id: lofte
title: Medborgarlöfte för Exempelby
agreement: avtal
municipality: Exempelby
parties:
  - {id: kommunen, name: Exempelby kommun, type: kommun}
  - {id: polisen, name: Lokalpolisområde Exempel, type: lokalpolisområde}
period: {from: 2024-01-01, until: 2025-12-31}
problem: Otrygghet i centrum kvällstid.
commitments:
  - {id: narvaro, party: polisen, text: Polisen finns i centrum fredagskvällar., status: ongoing}
follow_up: {first: validity_end}
"""


def follow_up(
    occasion: str = "2024",
    *,
    doc_id: str = "uppfoljning-2024",
    date: str | None = "2025-01-20",
    status: str = "ongoing",
    value: str = "66",
    year: str = "2024",
    extra: str = "",
) -> str:
    """A follow-up of the agreement, its plan and its promise at ``occasion``."""
    dated = f"date: {date}\n" if date else ""
    return f"""\
trygg: 1
kind: follow-up
id: {doc_id}
title: Uppföljning {occasion}
agreement: avtal
action_plan: plan
citizen_promise: lofte
occasion: {occasion}
{dated}actions:
  - {{action: vandringar, status: {status}, comment: Två vandringar.}}
  - {{action: belysning, status: done, outcome: Ny belysning.}}
commitments:
  - {{commitment: narvaro, status: ongoing}}
indicators:
  - indicator: trygga-centrum
    values:
      - {{value: {value}, unit: '%', year: {year}, source: Polisens trygghetsmätning}}
  - indicator: anmalda-ran
    values:
      - {{value: 35, unit: anmälningar, year: {year}}}
{extra}"""


def world(*follow_ups: str, **others: str) -> Workspace:
    """The agreement, plan and promise (each replaceable by keyword) and ``follow_ups``,
    checked as one workspace."""
    texts = {"avtal.yaml": AGREEMENT, "plan.yaml": PLAN, "lofte.yaml": PROMISE}
    texts.update({f"{name}.yaml": text for name, text in others.items()})
    texts.update({f"uppfoljning-{i}.yaml": text for i, text in enumerate(follow_ups)})
    return load_sources({path: text.encode() for path, text in texts.items()})
