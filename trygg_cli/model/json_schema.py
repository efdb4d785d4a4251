"""JSON Schema for each document kind, generated from the model, with Swedish descriptions."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from trygg_cli.model import KINDS

SCHEMA_URI = "https://json-schema.org/draft/2020-12/schema"

# Descriptions of the object types, in Swedish: the editor shows them on hover.
_SWEDISH = {
    "Agreement": "Samverkansöverenskommelse mellan kommun och polis (central/övergripande eller lokal).",
    "ActionPlan": "Åtgärdsplan (handlingsplan) som hör till en samverkansöverenskommelse.",
    "CitizenPromise": "Medborgarlöfte: ett problem, konkreta åtaganden från polis och kommun, en period och en uppföljning.",
    "Party": "En part som sluter överenskommelsen.",
    "Signatory": "En undertecknare för en part.",
    "Term": "En uttalad längd, t.ex. 'en period om fyra år'.",
    "Period": "Period: från, till eller tills vidare.",
    "Completion": "Ett genomfört tillfälle med datum.",
    "Schedule": "När något sker: år och intervall, antal gånger per period, eller vid behov.",
    "Responsible": "En roll hos en part, eller ett organ, som ansvarar.",
    "Section": "Ett textavsnitt, t.ex. Bakgrund eller Syfte.",
    "Member": "En medlem i ett samverkansorgan: en roll från en part.",
    "Body": "Ett samverkansorgan, t.ex. styrgrupp, BRÅ, SSPF eller LÖK-nätverk.",
    "Indicator": "En indikator som ett mål följs upp med.",
    "Goal": "Ett mål eller delmål.",
    "Priority": "Ett prioriterat område med mål och indikatorer.",
    "Decision": "Beslutet: organ, datum, paragraf och diarienummer.",
    "Superseded": "Ett tidigare dokument (överenskommelse, åtgärdsplan eller medborgarlöfte) som ersätts.",
    "Actor": "En aktör som deltar utan att skriva under, t.ex. ett bostadsbolag eller räddningstjänsten.",
    "Extension": "En förlängning av perioden, med nytt slutdatum och beslut.",
    "Ended": "Ett beslut att dokumentet har upphört utan efterföljare.",
    "Measure": "Ett värde som kan jämföras: värde, enhet och år, t.ex. 62 % år 2022.",
    "Source": "Underlag som dokumentet bygger på: lägesbild, trygghetsmätning, medborgardialog eller statistik.",
    "SubPriority": "Ett underområde till ett prioriterat område.",
    "Occasion": "Ett återkommande gemensamt tillfälle, t.ex. en årlig hearing.",
    "Action": "En åtgärd: vem som planerar, utför och följer upp, och när.",
    "Commitment": "Ett åtagande i ett medborgarlöfte, från en part eller från flera tillsammans.",
    "FollowUp": "Uppföljning av en samverkansöverenskommelse, en åtgärdsplan eller ett medborgarlöfte: läget för åtgärder och åtaganden och indikatorernas uppmätta värden vid ett uppföljningstillfälle.",
    "ActionReport": "En åtgärd i åtgärdsplanen vid uppföljningen: läge och kommentar.",
    "CommitmentReport": "Ett åtagande i medborgarlöftet vid uppföljningen: läge och kommentar.",
    "IndicatorReport": "En indikators uppmätta värden vid uppföljningen.",
    "Measurement": "Ett uppmätt värde: värde, enhet, år och källa, t.ex. 68 % år 2024 enligt Polisens trygghetsmätning.",
}


def schema_for(kind: str) -> dict[str, Any]:
    """The JSON Schema of one document kind."""
    model = KINDS[kind]
    generated = model.model_json_schema(by_alias=True)
    for name, definition in generated.get("$defs", {}).items():
        if name in _SWEDISH:
            definition["description"] = _SWEDISH[name]
    generated["description"] = _SWEDISH[model.__name__]
    return {"$schema": SCHEMA_URI, "$id": f"{kind}.schema.json", **generated}


def render_schemas() -> dict[str, str]:
    """``{file name: JSON text}`` for every kind, byte-stable."""
    return {
        f"{kind}.schema.json": json.dumps(schema_for(kind), ensure_ascii=False, indent=2) + "\n"
        for kind in KINDS
    }


def stale_schemas(directory: Path) -> list[str]:
    """File names in ``directory`` that differ from what the model generates."""
    stale = []
    for name, content in render_schemas().items():
        target = directory / name
        if not target.is_file() or target.read_text(encoding="utf-8") != content:
            stale.append(name)
    return stale
