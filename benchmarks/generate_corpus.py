"""Generate a seeded national corpus of trygg documents for benchmarks.

290 municipalities, each with a local agreement (the largest cities also a central one
with the local ones under it), action plans and citizen promises: about 2,400 files and
25 MB of realistic Swedish YAML. A few percent of the files get realistic errors, listed in
MANIFEST.json, so that a benchmark can check they are all found.

    python benchmarks/generate_corpus.py --out benchmarks/corpus --seed 2026
    python benchmarks/generate_corpus.py --scale 16 --out benchmarks/corpus-16

``--scale`` grows or shrinks the register the way a national one grows: below 1, fewer
municipalities (0.25: 72 of them); above 1, every municipality also keeps earlier
generations of its documents — agreements, plans and promises of other periods and
revisions, each with ids of their own, in ``<municipality>/arkiv-<n>/`` — up to
``scale`` sets in all (16: about 39,000 files). Scale 1 is the corpus above, byte for byte.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import time
from pathlib import Path
from typing import Any

import yaml

from trygg_cli.municipalities import municipalities

SENTENCES = [
    "Lägesbilden tas fram gemensamt av kommunen och lokalpolisområdet varje år.",
    "Orsaksanalysen visar att otryggheten hänger samman med bristande belysning och få vuxna i rörelse.",
    "Trygghetsvandringar genomförs tillsammans med fastighetsägare, föreningar och boende.",
    "SSPF-arbetet riktar sig till barn och unga i riskzon för kriminalitet eller missbruk.",
    "Medborgarlöftet följs upp vid periodens slut och resultatet redovisas för brottsförebyggande rådet.",
    "Arbetet ska kontinuerligt dokumenteras och följas upp genom beskrivning av det genomförda arbetet.",
    "Platssamverkan bedrivs på platser som av allmänheten upplevs som otrygga.",
    "Kommunstyrelsen leder kommunens brottsförebyggande arbete och kommunfullmäktige hålls informerat.",
    "Insatserna ska vara kunskapsbaserade och utgå från en kontinuerligt uppdaterad lägesbild.",
    "Skadegörelse, klotter och nedskräpning på skolgårdar ska minska genom ett samordnat arbete.",
    "Polisen och kommunen delar information inom ramen för gällande sekretesslagstiftning.",
    "Föräldrastöd och orosamtal erbjuds när unga upptäcks i riskmiljöer.",
    "Våld i nära relation och hedersrelaterat våld och förtryck uppmärksammas särskilt.",
    "Effektiv samordning för trygghet (EST) används i den operativa samverkan.",
    "Trygghetsundersökningen genomförs vartannat år och jämförs över tid.",
]
PRIORITIES = [
    ("unga-i-riskzon", "Unga i riskzon"),
    ("otrygghet-utemiljo", "Otrygghet i den fysiska utemiljön"),
    ("hot-och-vald", "Hot och våld"),
    ("narkotika", "Narkotika bland unga"),
    ("vald-i-nara-relation", "Våld i nära relation"),
    ("skadegorelse", "Skadegörelse och klotter"),
    ("trafik", "Trafiksäkerhet och buskörning"),
]
ROLES = [
    "Brottsförebyggande samordnare",
    "Kommunpolis",
    "Fältgruppen",
    "SSPF-koordinator",
    "Folkhälsosamordnare",
    "Områdessamordnare",
    "Rektor",
    "Socialchef",
]


def _slug(name: str) -> str:
    table = str.maketrans("åäöÅÄÖéÉ ", "aaoAAOeE-")
    return re.sub(r"[^a-z0-9-]", "", name.translate(table).lower())


def _prose(rng: random.Random, paragraphs: int, sentences: int) -> str:
    return (
        "\n\n".join(
            " ".join(rng.choice(SENTENCES) for _ in range(sentences)) for _ in range(paragraphs)
        )
        + "\n"
    )


def _municipalities(rng: random.Random, count: int) -> list[str]:
    """``count`` of Sweden's 290 municipalities (validate warns about invented ones)."""
    names = [m.name for m in municipalities()]
    if count > len(names):
        raise SystemExit(f"at most {len(names)} municipalities can be named")
    return sorted(rng.sample(names, count))


def _official(name: str) -> str:
    """The name the municipality writes itself: 'Motala kommun', 'Göteborgs Stad'."""
    return next(m.official_name for m in municipalities() if m.name == name)


def _schedule(rng: random.Random) -> dict[str, Any]:
    return rng.choice(
        [
            {
                "times": 4,
                "unit": "year",
                "qualifier": "about",
                "text": "Gruppen träffas cirka fyra gånger per år.",
            },
            {"times": 2, "unit": "term", "text": "Träffas två gånger per termin."},
            {"times": 2, "unit": "year", "qualifier": "at_least", "also_as_needed": True},
            {"qualifier": "as_needed", "text": "Löpande och efter behov."},
        ]
    )


def _agreement(
    rng: random.Random,
    name: str,
    doc_id: str,
    scope: str,
    central: str | None,
    plans: list[str],
    promises: list[str],
) -> dict[str, Any]:
    start = 2019 + rng.randrange(6)
    parties = [
        {"id": "kommun", "name": _official(name), "type": "kommun"},
        {"id": "lpo", "name": f"Lokalpolisområde {name}", "type": "lokalpolisområde"},
    ]
    bodies = [
        {
            "id": "bra",
            "name": f"BRÅ {name}",
            "level": "strategisk",
            "members": [
                {"party": "kommun", "role": "Kommundirektör"},
                {"party": "lpo", "role": "Lokalpolisområdeschef"},
            ],
            "meetings": _schedule(rng),
        }
    ]
    for i in range(rng.randrange(4, 9)):
        bodies.append(
            {
                "id": f"grupp-{i}",
                "name": f"Arbetsgrupp {i + 1} {name}",
                "level": rng.choice(["taktisk", "operativ"]),
                "description": _prose(rng, 1, 3),
                "members": [
                    {"party": rng.choice(["kommun", "lpo"]), "role": rng.choice(ROLES)}
                    for _ in range(rng.randrange(2, 6))
                ],
                "reports_to": "bra",
                "meetings": _schedule(rng),
            }
        )
    priorities = []
    for pid, title in rng.sample(PRIORITIES, 3 + rng.randrange(3)):
        priorities.append(
            {
                "id": pid,
                "title": title,
                "description": _prose(rng, 2, 4),
                "problem": _prose(rng, 1, 3),
                "causes": _prose(rng, 1, 3),
                "goals": [
                    {
                        "id": f"{pid}-mal-{g}",
                        "description": rng.choice(SENTENCES),
                        "indicators": [
                            {
                                "description": "Andel som känner sig trygga",
                                "source": "Trygghetsundersökningen",
                            }
                        ],
                    }
                    for g in range(2)
                ],
            }
        )
    doc: dict[str, Any] = {
        "trygg": 1,
        "kind": "agreement",
        "id": doc_id,
        "title": f"{'Central' if scope == 'central' else 'Lokal'} samverkansöverenskommelse {name}",
        "scope": scope,
        "municipality": name,
        "parties": parties,
        "decision": {
            "body": "Kommunstyrelsen",
            "date": f"{start}-0{rng.randrange(1, 5)}-15",
            "paragraph": f"§ {rng.randrange(1, 300)}",
            "dnr": f"KS {start}/{rng.randrange(10, 999)}",
        },
        "validity": {"from": f"{start}-05-01", "until": f"{start + 3}-12-31"},
        "sections": [
            {"id": f"avsnitt-{i}", "title": t, "text": _prose(rng, 6, 6)}
            for i, t in enumerate(
                [
                    "Bakgrund",
                    "Syfte",
                    "Lägesbild",
                    "Organisation",
                    "Uppföljning",
                    "Kommunikation",
                    "Ansvarsfördelning",
                    "Informationsdelning",
                ]
            )
        ],
        "bodies": bodies,
        "priorities": priorities,
        "follow_up": {"every": 1, "text": "Uppföljning sker årligen."},
        "evaluation": {"first": "validity_end"},
        "action_plans": plans,
        "citizen_promises": promises,
        "signatories": [
            {"name": "Anna Andersson", "title": "Kommunstyrelsens ordförande", "party": "kommun"},
            {"name": "Per Persson", "title": "Lokalpolisområdeschef", "party": "lpo"},
        ],
    }
    if central:
        doc["central_agreement"] = central
    return doc


def _plan(rng: random.Random, doc_id: str, agreement: dict[str, Any]) -> dict[str, Any]:
    priorities = [p["id"] for p in agreement["priorities"]]
    first_year = int(agreement["validity"]["from"][:4])
    actions = []
    for i in range(rng.randrange(12, 30)):
        action: dict[str, Any] = {
            "id": f"atgard-{i}",
            "title": rng.choice(SENTENCES)[:60],
            "description": _prose(rng, 1, 3),
            "priority": rng.choice(priorities),
            "plans": [{"party": "kommun", "role": rng.choice(ROLES)}],
            "performs": [{"party": rng.choice(["kommun", "lpo"]), "role": rng.choice(ROLES)}],
            "follows_up": [{"body": "bra"}],
            "status": rng.choice(["planned", "ongoing", "done"]),
        }
        if rng.random() < 0.5:
            year = rng.randint(first_year, first_year + 3)
            action["deadline"] = f"{year}-{rng.randrange(1, 13):02d}-28"
        else:
            action["schedule"] = {"every": 1}
        if action["status"] == "done":
            action["outcome"] = _prose(rng, 1, 2)
        actions.append(action)
    return {
        "trygg": 1,
        "kind": "action-plan",
        "id": doc_id,
        "title": f"Åtgärdsplan {agreement['municipality']}",
        "agreement": agreement["id"],
        "responsible_body": "bra",
        "follow_up": {"every": 1},
        "actions": actions,
    }


def _promise(rng: random.Random, doc_id: str, agreement: dict[str, Any]) -> dict[str, Any]:
    year = int(agreement["validity"]["from"][:4])
    return {
        "trygg": 1,
        "kind": "citizen-promise",
        "id": doc_id,
        "title": f"Medborgarlöfte {agreement['municipality']}",
        "agreement": agreement["id"],
        "municipality": agreement["municipality"],
        "parties": agreement["parties"],
        "period": {
            "from": f"{year}-05-01",
            "until": f"{year + 1}-04-30",
            "term": {"amount": 1, "unit": "year"},
        },
        "problem": _prose(rng, 2, 4),
        "causes": _prose(rng, 2, 3),
        "commitments": [
            {
                "id": f"atagande-{i}",
                "party": rng.choice(["kommun", "lpo"]),
                "text": _prose(rng, 1, 3),
                "status": "ongoing",
            }
            for i in range(rng.randrange(3, 7))
        ],
        "follow_up": {"first": "validity_end"},
    }


# Injected error → the rule trygg validate must report for it.
ERRORS = {
    "misspelled-key": "unknown-key",
    "bad-date": "bad-date",
    "wrong-type": "wrong-type",
    "dangling-reference": "dangling-reference",
    "duplicate-key": "duplicate-key",
    "syntax-error": "yaml-syntax",
}
_DATE = re.compile(r"'(\d{4})-\d\d-\d\d'")


def _inject(text: str, kind: str) -> str:
    if kind == "misspelled-key":
        return text.replace("\ntitle:", "\ntitel:", 1)
    if kind == "bad-date":
        return _DATE.sub(r"\1-13-01", text, count=1)
    if kind == "wrong-type":
        return text.replace("\ntitle:", "\ntitle: 2024\n# tidigare titel:", 1)
    if kind == "dangling-reference":
        if "\ncentral_agreement: " in text:
            return text.replace("\ncentral_agreement: ", "\ncentral_agreement: finns-inte-", 1)
        if "\nkind: agreement" in text:
            return text.replace("\nid: ", "\ncentral_agreement: finns-inte\nid: ", 1)
        return text.replace("\nagreement: ", "\nagreement: finns-inte-", 1)
    if kind == "duplicate-key":
        return text.replace("\ntitle:", "\ntrygg: 1\ntitle:", 1)
    return text.replace("\ntitle:", "\ntitle: Trygg i: [\n  x\ntitle_:", 1)


def _generation(rng: random.Random, name: str, generation: int) -> dict[str, dict[str, Any]]:
    """One municipality's documents of one generation: 0 is today's set, 1 and on are
    earlier ones kept in the register (ids and folder with the generation's number)."""
    slug = _slug(name)
    folder, tail = (
        (slug, "") if generation == 0 else (f"{slug}/arkiv-{generation}", f"-{generation}")
    )
    files: dict[str, dict[str, Any]] = {}
    central = None
    if rng.random() < 0.05:
        central = f"{slug}-central{tail}"
        files[f"{folder}/central.yaml"] = _agreement(rng, name, central, "central", None, [], [])
    agreement_id = f"{slug}-lokal{tail}"
    plans = [f"{slug}-plan-{i}{tail}" for i in range(rng.randrange(1, 4))]
    promises = [f"{slug}-lofte-{i}{tail}" for i in range(rng.randrange(3, 9))]
    agreement = _agreement(rng, name, agreement_id, "local", central, plans, promises)
    files[f"{folder}/agreement.yaml"] = agreement
    for plan in plans:
        files[f"{folder}/{plan}.yaml"] = _plan(rng, plan, agreement)
    for promise in promises:
        files[f"{folder}/{promise}.yaml"] = _promise(rng, promise, agreement)
    return files


def main(argv: list[str] | None = None) -> Path:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "corpus")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--municipalities", type=int, default=290)
    parser.add_argument("--error-rate", type=float, default=0.03)
    parser.add_argument(
        "--scale", type=float, default=1.0, help="0.25: 72 municipalities; 4: four generations"
    )
    args = parser.parse_args(argv)
    if args.scale <= 0:
        parser.error("--scale must be above 0")
    if args.scale < 1:
        args.municipalities = max(1, round(args.municipalities * args.scale))
    started = time.perf_counter()
    rng = random.Random(args.seed)
    if args.out.exists():
        shutil.rmtree(args.out)
    files: dict[str, dict[str, Any]] = {}
    names = _municipalities(rng, args.municipalities)
    for generation in range(max(1, round(args.scale))):
        for name in names:
            files.update(_generation(rng, name, generation))
    manifest: dict[str, str] = {}
    total = 0
    for relative, document in files.items():
        kind = document["kind"]
        up = "../" * (relative.count("/") + 2)
        text = f"# yaml-language-server: $schema={up}schemas/{kind}.schema.json\n"
        text += yaml.dump(
            document, Dumper=yaml.CSafeDumper, allow_unicode=True, sort_keys=False, width=100
        )
        if rng.random() < args.error_rate:
            error = rng.choice(sorted(ERRORS))
            if kind == "action-plan" and error == "bad-date" and not _DATE.search(text):
                error = "misspelled-key"
            text = _inject(text, error)
            manifest[relative] = ERRORS[error]
        path = args.out / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        total += len(text.encode())
    workflow = args.out / ".github" / "workflows" / "ci.yml"
    workflow.parent.mkdir(parents=True, exist_ok=True)
    workflow.write_text("on: [push]\njobs:\n  validate:\n    runs-on: ubuntu-latest\n")
    (args.out / "MANIFEST.json").write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n")
    print(
        f"{len(files)} files, {total / 1e6:.1f} MB, {len(manifest)} with injected errors, "
        f"in {time.perf_counter() - started:.1f} s -> {args.out}"
    )
    return args.out


if __name__ == "__main__":
    main()
