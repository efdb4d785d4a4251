"""How well ``trygg import`` reads the real agreements: each seed text imported and
compared field by field with its hand-made example, as precision and recall.

    python benchmarks/import_score.py                   # the seeds beside the checkout
    python benchmarks/import_score.py --seeds DIR       # a folder of the seed texts

Göteborgs centrala överenskommelse 2018 is compared with examples/goteborg/central-2018.yaml,
Stockholms övergripande överenskommelse with examples/stockholm/overgripande.yaml and
Mölndals lokala överenskommelse 2023 with examples/molndal/lokal-2023.yaml. What is
counted, per kind of field:

- dates: every date of the document (the period's ends, last revised, signed), as a key
  and its value; a completion recorded under `done:` is not from the text and not counted;
- periods: the period's keys (from, until, from_signing, until_further_notice,
  until_replaced, term);
- cadences: each schedule (follow-up, evaluation, revision, the priorities' review and
  revision, an occasion's, a body's meetings) by whose it is, with its fields;
- parties: name and type;
- bodies: a body found when the names are alike (≥ 0.5, see ``similar``); members: the
  roles of the bodies found, alike (≥ 0.6) and of the same side (police or municipality);
- priorities: titles alike (≥ 0.8);
- promises and actions: the hand-made citizen promise and action plan are illustrative
  (no seed has them), so they are not scored here.

A figure is "–" where there is nothing to count. The seeds are found beside the checkout
(``../shared/seeds``, or two folders up for a git worktree) unless --seeds says where.
"""

from __future__ import annotations

import argparse
import difflib
import re
import sys
import time
from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from trygg_cli.importer import import_document  # noqa: E402

PAIRS = (
    ("000_", "Göteborg 2018", "examples/goteborg/central-2018.yaml"),
    ("003_", "Stockholm", "examples/stockholm/overgripande.yaml"),
    ("004_", "Mölndal 2023", "examples/molndal/lokal-2023.yaml"),
)
SCHEDULES = ("follow_up", "evaluation", "revision", "priority_review", "priority_revision")
CORE = ("times", "every", "unit", "qualifier", "first", "at", "during", "also_as_needed")
Item = tuple[Any, ...]


def similar(a: str, b: str) -> float:
    """How alike two names are: the better of difflib's ratio and the share of words in
    common, on lower-case words without brackets."""
    a, b = (re.sub(r"[()\[\]]", " ", s.lower()) for s in (a, b))
    ratio = difflib.SequenceMatcher(None, a, b).ratio()
    words_a, words_b = set(re.findall(r"\w+", a)), set(re.findall(r"\w+", b))
    overlap = len(words_a & words_b) / max(1, min(len(words_a), len(words_b)))
    return max(ratio, overlap)


def _dates(doc: dict[str, Any]) -> set[Item]:
    found: set[Item] = set()
    for key in ("validity", "period"):
        for end in ("from", "until"):
            value = (doc.get(key) or {}).get(end)
            if isinstance(value, date):
                found.add((f"{key}.{end}", value))
    if isinstance(doc.get("last_revised"), date):
        found.add(("last_revised", doc["last_revised"]))
    for signatory in doc.get("signatories") or []:
        if isinstance(signatory.get("signed"), date):
            found.add(("signed", signatory.get("name"), signatory["signed"]))
    return found


def _periods(doc: dict[str, Any]) -> set[Item]:
    period = doc.get("validity") or doc.get("period") or {}
    found: set[Item] = set()
    for key in ("from", "until", "from_signing", "until_further_notice", "until_replaced"):
        if period.get(key) not in (None, False):
            found.add((key, period[key]))
    if period.get("term"):
        found.add(("term", period["term"].get("amount", 1), period["term"]["unit"]))
    return found


DEFAULTS = {"unit": "year", "qualifier": "exact", "also_as_needed": False}


def _core(schedule: dict[str, Any]) -> Item:
    values = {**DEFAULTS, **schedule}
    if values.get("times") == 1 and not values.get("first") and not values.get("during"):
        values["every"], values["times"] = 1, None
    return tuple(values.get(k) for k in CORE)


def _cadences(doc: dict[str, Any], body_names: Callable[[str], str]) -> set[Item]:
    found = {(key, _core(doc[key])) for key in SCHEDULES if doc.get(key)}
    for occasion in doc.get("occasions") or []:
        found.add(("occasion", body_names(occasion["name"]), _core(occasion["schedule"])))
    for body in doc.get("bodies") or []:
        if body.get("meetings"):
            found.add(("meetings", body_names(body["name"]), _core(body["meetings"])))
    return found


def _matched(drafted: list[str], made: list[str], threshold: float) -> tuple[int, dict[str, str]]:
    """How many of ``drafted`` match one of ``made`` (each at most once), and the map."""
    pairs = sorted(((similar(d, m), d, m) for d in drafted for m in made), key=lambda p: -p[0])
    taken_d: set[str] = set()
    taken_m: set[str] = set()
    mapping: dict[str, str] = {}
    for score, d, m in pairs:
        if score >= threshold and d not in taken_d and m not in taken_m:
            taken_d.add(d)
            taken_m.add(m)
            mapping[d] = m
    return len(mapping), mapping


class Score:
    """Counts per kind: matched, found in the draft, in the hand-made example."""

    def __init__(self) -> None:
        self.counts: dict[str, list[int]] = {}

    def add(self, kind: str, matched: int, drafted: int, made: int) -> None:
        total = self.counts.setdefault(kind, [0, 0, 0])
        total[0] += matched
        total[1] += drafted
        total[2] += made

    def sets(self, kind: str, drafted: Iterable[Item], made: Iterable[Item]) -> None:
        d, m = set(drafted), set(made)
        self.add(kind, len(d & m), len(d), len(m))


def _side(party_id: str, doc: dict[str, Any]) -> bool:
    for party in doc.get("parties") or []:
        if party["id"] == party_id:
            return party["type"] in ("polisregion", "polisområde", "lokalpolisområde")
    return False


def score_one(score: Score, drafted: dict[str, Any], made: dict[str, Any]) -> None:
    score.sets("dates", _dates(drafted), _dates(made))
    score.sets("periods", _periods(drafted), _periods(made))
    parties = lambda doc: {(p["name"].lower(), p["type"]) for p in doc.get("parties") or []}  # noqa: E731
    score.sets("parties", parties(drafted), parties(made))
    d_bodies = {b["name"]: b for b in drafted.get("bodies") or []}
    m_bodies = {b["name"]: b for b in made.get("bodies") or []}
    n, mapping = _matched(list(d_bodies), list(m_bodies), 0.5)
    score.add("bodies", n, len(d_bodies), len(m_bodies))
    for d_name, m_name in mapping.items():
        roles = lambda body, doc: [  # noqa: E731
            f"{_side(m['party'], doc)}|{m['role']}" for m in body.get("members") or []
        ]
        d_roles, m_roles = roles(d_bodies[d_name], drafted), roles(m_bodies[m_name], made)
        hits, _pairs = _matched(d_roles, m_roles, 0.6)
        hits = sum(1 for d, m in _pairs.items() if d.split("|")[0] == m.split("|")[0])
        score.add("members", hits, len(d_roles), len(m_roles))
    unmatched = set(m_bodies) - set(mapping.values())
    for name in unmatched:
        score.add("members", 0, 0, len(m_bodies[name].get("members") or []))
    score.sets(
        "cadences",
        _cadences(drafted, lambda name: mapping.get(name, name)),
        _cadences(made, lambda name: name),
    )
    d_titles = [p["title"] for p in drafted.get("priorities") or []]
    m_titles = [p["title"] for p in made.get("priorities") or []]
    score.add("priorities", _matched(d_titles, m_titles, 0.8)[0], len(d_titles), len(m_titles))
    score.add("promises", 0, len(drafted.get("commitments") or []), 0)
    score.add("actions", 0, len(drafted.get("actions") or []), 0)


def _figure(part: int, whole: int) -> str:
    return f"{100 * part / whole:5.1f} %" if whole else "    –  "


def table(score: Score) -> str:
    heads = ("precision", 10), ("recall", 9), ("found", 7), ("right", 7), ("by hand", 8)
    lines = [f"{'field':<12} " + " ".join(f"{h:>{w}}" for h, w in heads)]
    for kind in (
        "dates",
        "periods",
        "cadences",
        "parties",
        "bodies",
        "members",
        "priorities",
        "promises",
        "actions",
    ):
        matched, drafted, made = score.counts.get(kind, [0, 0, 0])
        lines.append(
            f"{kind:<12} {_figure(matched, drafted):>10} {_figure(matched, made):>9} "
            f"{drafted:>7} {matched:>7} {made:>8}"
        )
    return "\n".join(lines)


def _seeds(given: str | None) -> Path:
    candidates = (
        [Path(given)]
        if given
        else [
            ROOT.parent / "shared" / "seeds",
            ROOT.parent.parent / "shared" / "seeds",
        ]
    )
    for folder in candidates:
        if folder.is_dir() and any(folder.glob("000_*.txt")):
            return folder
    raise SystemExit("no seed texts found; give --seeds DIR")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", help="the folder of the seed texts")
    args = parser.parse_args(argv)
    seeds = _seeds(args.seeds)
    total = Score()
    for prefix, name, example in PAIRS:
        source = next(seeds.glob(f"{prefix}*.txt"))
        started = time.perf_counter()
        imported = import_document(source)
        seconds = time.perf_counter() - started
        drafted = yaml.safe_load(imported.text)
        made = yaml.safe_load((ROOT / example).read_text("utf-8"))
        one = Score()
        score_one(one, drafted, made)
        score_one(total, drafted, made)
        print(f"## {name}: {imported.kind}, {len(imported.gaps)} TODO, {seconds:.2f} s\n")
        print(table(one) + "\n")
    print("## All three\n")
    print(table(total))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
