"""trygg diff on real git repositories: exact sentences, JSON, and the errors."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from helpers import EXAMPLES, FIXTURES, write_file

GOTEBORG = "examples/goteborg/central-2018.yaml"
MOLNDAL = "examples/molndal/lokal-2023.yaml"
PLAN = "examples/molndal/atgardsplan-2023.yaml"
PROMISE = "examples/molndal/medborgarlofte-2023.yaml"
STOCKHOLM = "examples/stockholm/overgripande.yaml"
GOTEBORG_HEADING = (
    "Agreement Central samverkansöverenskommelse mellan Polisområde Storgöteborg och "
    "Göteborgs Stad (goteborg-central-2018)"
)


class Repo:
    """A temporary git repository holding a copy of examples/."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.git("init", "-q", "-b", "main")
        shutil.copytree(EXAMPLES, root / "examples")
        self.commit("The examples")

    def git(self, *args: str) -> str:
        done = subprocess.run(
            ["git", "-c", "user.name=T", "-c", "user.email=t@example.org", *args],
            cwd=self.root,
            capture_output=True,
            text=True,
            check=True,
        )
        return done.stdout

    def commit(self, message: str) -> None:
        self.git("add", "-A")
        self.git("commit", "-q", "--allow-empty", "-m", message)

    def edit(self, path: str, old: str, new: str) -> None:
        target = self.root / path
        text = target.read_text(encoding="utf-8")
        assert old in text, old
        target.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: Any) -> Repo:
    monkeypatch.chdir(tmp_path)
    return Repo(tmp_path)


def _sentences(output: str) -> list[str]:
    return [line[4:] for line in output.splitlines() if line.startswith("  - ")]


def test_goteborg_2018_to_the_bodies_of_seed_001(repo: Repo, cli: Any) -> None:
    later = FIXTURES / "diff" / "goteborg-central-as-in-001.yaml"
    shutil.copy(later, repo.root / GOTEBORG)
    repo.commit("Göteborg's bodies as the city's web page describes them")
    result = cli("diff", "HEAD~1", "HEAD")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[0] == GOTEBORG_HEADING
    css = "Central strategisk samverkansgrupp"
    assert _sentences(result.stdout) == [
        "The body 'Den centrala strategiska samverkansgruppen (CSS)' is now called "
        "'Central strategisk samverkansgrupp'.",
        f"New member in {css}: Planeringsledare från stadsledningskontoret (Göteborgs Stad).",
        f"New member in {css}: Förvaltningsdirektör för social resursförvaltning (Göteborgs Stad).",
        f"New member in {css}: Direktör för välfärd och utbildning (Göteborgs Stad).",
        f"New member in {css}: En stadsdelsdirektör (Göteborgs Stad).",
        f"New member in {css}: Samordnare för trygghetsfrämjande och brottsförebyggande "
        "arbete (Göteborgs Stad).",
        f"New member in {css}: Biträdande polisområdeschef (Polisområde Storgöteborg).",
        f"New member in {css}: Samordnare för trygghetsfrämjande och brottsförebyggande "
        "arbete (Polisområde Storgöteborg).",
        "New member in LÖK-nätverket: Representanter från stadsledningskontoret (Göteborgs Stad).",
        "LÖK-nätverket now meets about four times a year (before: twice a year).",
        "In Lokala brottsförebyggande råd alternativt trygghetsskapande råd, "
        "Stadsdelssamordnare för Trygg i-arbetet (Göteborgs Stad) is now Stadsdelens "
        "samordnare för rådet (Göteborgs Stad).",
    ]
    assert result.stdout.endswith("1 document changed: 11 changes from HEAD~1 to HEAD.\n")
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    shown = readme.split("$ trygg diff HEAD~1 HEAD\n", 1)[1].split("```", 1)[0]
    assert shown == result.stdout  # README shows exactly what trygg prints


def _history(repo: Repo) -> None:
    """Commit 2: a rename, a deletion, a longer validity, a removed priority, a status, a
    rewritten description, a new member. Commit 3: Stockholm's file broken."""
    repo.git("mv", MOLNDAL, "examples/molndal/lokal.yaml")
    repo.edit("examples/molndal/lokal.yaml", "  until: 2026-12-31\n", "  until: 2027-12-31\n")
    (repo.root / PROMISE).unlink()
    repo.edit(STOCKHOLM, "  - id: avhopparverksamhet\n", "  - id: avhopp\n")
    repo.edit(
        PLAN,
        "    deadline: 2024-10-31\n    status: done\n",
        "    deadline: 2025-03-31\n    status: ongoing\n",
    )
    repo.edit(
        GOTEBORG,
        "      - party: goteborgs-stad\n        role: Stadsdirektör\n",
        "      - party: goteborgs-stad\n        role: Stadsdirektör\n"
        "      - party: goteborgs-stad\n        role: Planeringsledare\n",
    )
    repo.commit("Revision")
    repo.edit(STOCKHOLM, "priorities:\n", "priorities: [\n")
    repo.commit("Broken")


def test_a_history_of_commits(repo: Repo, cli: Any) -> None:
    _history(repo)
    result = cli("diff", "HEAD~2", "HEAD~1")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines() == [
        GOTEBORG_HEADING,
        "  - New member in Den centrala strategiska samverkansgruppen (CSS): Planeringsledare "
        "(Göteborgs Stad).",
        "",
        "Action plan Åtgärdsplan Trygg i Mölndal 2023–2026 (molndal-atgardsplan-2023)",
        "  - The deadline of 'Inventering och förbättring av belysning längs gång- och "
        "cykelvägar' moved from 31 October 2024 to 31 March 2025.",
        "  - 'Inventering och förbättring av belysning längs gång- och cykelvägar' is now "
        "ongoing (before: done).",
        "",
        "Agreement Lokal samverkansöverenskommelse (molndal-lokal-2023)",
        "  - The file moved from examples/molndal/lokal-2023.yaml to examples/molndal/lokal.yaml.",
        "  - The period of validity is extended to 31 December 2027 (before: 31 December 2026).",
        "",
        "Agreement Övergripande samverkansöverenskommelse mellan Stockholms stad och "
        "Polisregion Stockholm (stockholm-overgripande)",
        "  - The priority 'Avhopparverksamhet för kriminella' has a new id: avhopp "
        "(before: avhopparverksamhet).",
        "",
        "Citizen promise Medborgarlöfte Mölndal 2023–2025 (molndal-medborgarlofte-2023)",
        "  - The citizen promise Medborgarlöfte Mölndal 2023–2025 was removed.",
        "",
        "4 documents changed, 1 removed: 7 changes from HEAD~2 to HEAD~1.",
    ]
    payload = json.loads(cli("diff", "HEAD~2", "HEAD~1", "-f", "json").stdout)
    assert payload["version"] == 1 and payload["old"] == "HEAD~2"
    by_id = {d["doc_id"]: d for d in payload["documents"]}
    assert by_id["molndal-lokal-2023"]["old_path"] == MOLNDAL
    assert by_id["molndal-lokal-2023"]["new_path"] == "examples/molndal/lokal.yaml"
    validity = by_id["molndal-lokal-2023"]["changes"][1]
    assert validity == {
        "path": "validity.until",
        "change": "changed",
        "old": "2026-12-31",
        "new": "2027-12-31",
        "sentence": "The period of validity is extended to 31 December 2027 (before: 31 December 2026).",
    }
    member = by_id["goteborg-central-2018"]["changes"][0]
    assert member["path"] == "bodies[css].members" and member["change"] == "added"
    assert member["new"] == {"party": "goteborgs-stad", "role": "Planeringsledare"}
    assert by_id["molndal-medborgarlofte-2023"]["status"] == "removed"
    assert payload["summary"] == {
        "added": 0,
        "removed": 1,
        "changed": 4,
        "moved": 0,
        "unreadable": 0,
        "changes": 7,
    }


def test_a_document_broken_in_one_revision_is_reported_with_its_findings(
    repo: Repo, cli: Any
) -> None:
    _history(repo)
    result = cli("diff", "HEAD~1", "HEAD")
    lines = result.stdout.splitlines()
    assert lines[0] == f"{STOCKHOLM} (could not be read in HEAD)"
    assert lines[1].startswith(f"  ! {STOCKHOLM}:")
    assert "was removed" not in result.stdout
    assert lines[-1] == "1 could not be read: 1 change from HEAD~1 to HEAD."


def test_reordering_reindenting_and_comments_change_nothing(repo: Repo, cli: Any) -> None:
    text = (repo.root / GOTEBORG).read_text(encoding="utf-8")
    swapped = text.replace(
        "      - party: polisomrade-storgoteborg\n        role: Polisområdeschef\n"
        "      - party: goteborgs-stad\n        role: Stadsdirektör\n",
        "      # Ordningen ändrad\n"
        "      - role: Stadsdirektör\n        party: goteborgs-stad\n"
        "      -   party:   polisomrade-storgoteborg\n          role:  Polisområdeschef\n",
    )
    assert swapped != text
    (repo.root / GOTEBORG).write_text(swapped, encoding="utf-8")
    result = cli("diff", "--exit-code")
    assert result.exit_code == 0
    assert result.stdout == "No changes between HEAD and the working tree.\n"


def test_one_changed_member_is_one_sentence(repo: Repo, cli: Any) -> None:
    repo.edit(GOTEBORG, "        role: Stadsdirektör\n", "        role: Biträdande stadsdirektör\n")
    result = cli("diff", "--exit-code", "--", "examples/goteborg")
    assert result.exit_code == 1
    assert _sentences(result.stdout) == [
        "In Den centrala strategiska samverkansgruppen (CSS), Stadsdirektör (Göteborgs Stad) "
        "is now Biträdande stadsdirektör (Göteborgs Stad)."
    ]


def test_a_pull_request_as_markdown(repo: Repo, cli: Any) -> None:
    repo.git("checkout", "-q", "-b", "revision")
    repo.edit(
        STOCKHOLM,
        "      Barn och unga som riskerar att hamna i kriminalitet är en prioriterad grupp",
        "      Barn och unga som riskerar att dras in i kriminalitet är en prioriterad grupp",
    )
    repo.commit("Reword")
    repo.git("checkout", "-q", "main")
    repo.edit(GOTEBORG, "  until_further_notice: true\n", "  until: 2030-12-31\n")
    repo.commit("Meanwhile on main")
    result = cli("diff", "main...revision", "-f", "markdown")
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == (
        "**1 document changed: 1 change from where revision left main to revision.**"
    )
    assert "### Agreement Övergripande samverkansöverenskommelse" in lines[2]
    assert lines[4] == "- The description of Unga i risk för kriminalitet was rewritten."
    assert "<details><summary>Before and after</summary>" in result.stdout
    assert "dras in i kriminalitet" in result.stdout
    assert "2030" not in result.stdout  # main's own change is not in the pull request


def test_stat_and_two_folders(tmp_path: Path, cli: Any, monkeypatch: Any) -> None:
    monkeypatch.chdir(tmp_path)
    shutil.copytree(EXAMPLES, tmp_path / "old")
    shutil.copytree(EXAMPLES, tmp_path / "new")
    shutil.copy(
        FIXTURES / "diff" / "goteborg-central-as-in-001.yaml",
        tmp_path / "new" / "goteborg" / "central-2018.yaml",
    )
    result = cli("diff", "old", "new", "--stat")
    assert result.stdout == (
        f"{GOTEBORG_HEADING}: 11 changes\n1 document changed: 11 changes from old to new.\n"
    )
    files = cli(
        "diff",
        "old/goteborg/central-2018.yaml",
        "new/goteborg/central-2018.yaml",
        "--stat",
    )
    assert files.stdout.startswith(f"{GOTEBORG_HEADING}: 11 changes\n")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("nosuchbranch",), "error: 'nosuchbranch' is neither a revision"),
        (("HEAD", "HEAD~5"), "error: 'HEAD~5' is neither a revision"),
        (
            ("HEAD~1", "HEAD", "--", "examples/molndal/medborgarlofte-2023.yaml"),
            "error: 'examples/molndal/medborgarlofte-2023.yaml' has no YAML files in HEAD;",
        ),
    ],
)
def test_bad_revisions_and_paths_are_one_line_errors(
    repo: Repo, cli: Any, args: tuple[str, ...], message: str
) -> None:
    (repo.root / PROMISE).unlink()
    repo.commit("Remove the promise")
    result = cli("diff", *args)
    assert result.exit_code == 2
    assert result.stderr.startswith(message) and result.stderr.count("\n") == 1
    assert result.stdout == ""


def test_outside_a_repository(tmp_path: Path, cli: Any, monkeypatch: Any) -> None:
    monkeypatch.chdir(tmp_path)
    result = cli("diff", "HEAD~1")
    assert result.exit_code == 2
    assert "is not in a git repository; give two files or folders" in result.stderr


def test_a_file_broken_in_both_versions_is_reported_once(repo: Repo, cli: Any) -> None:
    repo.edit(STOCKHOLM, "priorities:\n", "priorities: [\n")
    repo.commit("Broken")
    repo.edit(STOCKHOLM, "title: Övergripande", "title: Nu: Övergripande")
    result = cli("diff", "--format", "json")
    (document,) = json.loads(result.stdout)["documents"]
    assert document["status"] == "unreadable" and document["new_path"] == STOCKHOLM
    assert [p["rule"] for p in document["problems"]] == ["yaml-syntax"]


STOCKHOLM = "examples/stockholm/overgripande.yaml"


def test_paths_are_read_literally(repo: Repo, cli: Any) -> None:
    """A folder called ':(exclude)x' or a file with '...' in its name is a path."""
    for name in (":(exclude)x/avtal.yaml", "x...y.yaml"):
        target = repo.root / name
        target.parent.mkdir(exist_ok=True)
        shutil.copy(repo.root / STOCKHOLM, target)
    repo.commit("odd names")
    for name in (":(exclude)x/avtal.yaml", "x...y.yaml"):
        repo.edit(name, "Stockholms stad\n", "Stockholms kommun\n")
    for argument in (":(exclude)x", "x...y.yaml"):
        result = cli("diff", "HEAD", argument, "--stat")
        assert result.exit_code == 0, result.stderr
        assert "1 document changed" in result.stdout


def test_a_committed_symbolic_link_is_not_a_document(repo: Repo, cli: Any) -> None:
    (repo.root / "examples" / "aktuell.yaml").symlink_to("stockholm/overgripande.yaml")
    repo.commit("a link")
    result = cli("diff")
    assert result.exit_code == 0
    assert "added" not in result.stdout


def test_an_edited_original_beside_an_unchanged_copy(repo: Repo, cli: Any) -> None:
    """The copy has the old bytes, but the original's path is still there: the original
    is compared with its old version, not taken as moved."""
    shutil.copy(repo.root / STOCKHOLM, repo.root / "examples" / "x-kopia.yaml")
    repo.edit(STOCKHOLM, "title: Övergripande", "title: Ny övergripande")
    result = cli("diff")
    assert result.exit_code == 0, result.stderr
    assert any(s.startswith("The title changed from") for s in _sentences(result.stdout))
    assert "New agreement" not in result.stdout


def test_paths_after_double_dash_are_paths(repo: Repo, cli: Any, monkeypatch: Any) -> None:
    repo.git("tag", "examples")  # a tag with the same name as the folder
    repo.edit(STOCKHOLM, "Stockholms stad\n", "Stockholms kommun\n")
    monkeypatch.setattr("sys.argv", ["trygg", "diff", "--stat", "--", "examples"])
    result = cli("diff", "--stat", "--", "examples")
    assert result.exit_code == 0, result.stderr
    assert "1 document changed" in result.stdout  # HEAD against the working tree


# The shapes of issue 16: two versions of an agreement and a citizen promise.

_AGREEMENT = """\
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
  - {id: raddningstjansten, name: Räddningstjänsten Exempel, type: räddningstjänst}
validity:
  from: 2020-05-11
  term: {amount: 4, unit: year}
based_on:
  - {title: Polisens trygghetsmätning 2019, kind: trygghetsmätning, year: 2019}
goals:
  - id: okad-trygghet
    description: Ökad trygghet
    indicators:
      - description: Andel som känner sig trygga
        baseline: {value: 62, unit: '%', year: 2019}
        target: {value: 65, unit: '%', year: 2024}
priorities:
  - id: unga
    title: Unga i riskzon
    sub_priorities:
      - {id: skolan, title: Skolan}
bodies:
  - id: ksau
    name: Kommunstyrelsens arbetsutskott
    level: strategisk
occasions:
  - id: kommunpolis
    name: Kommunpolisen bjuds in
    schedule: {times: 4, unit: year}
"""

_PROMISE = """\
trygg: 1
kind: citizen-promise
id: exempel-lofte
title: Medborgarlöfte Exempelby
municipality: Exempelby
parties:
  - {id: kommunen, name: Exempelby kommun, type: kommun}
  - {id: polisen, name: Lokalpolisområde Exempel, type: lokalpolisområde}
period: {from: 2024-01-01}
problem: Otrygghet vid centrum kvällstid.
commitments:
  - id: vandringar
    party: kommunen
    text: Trygghetsvandringar i centrum.
    schedule: {times: 9, unit: period, qualifier: at_least}
"""


def _edited(text: str, *edits: tuple[str, str]) -> str:
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new, 1)
    return text


def test_changes_to_the_new_shapes_as_sentences(tmp_path: Path, cli: Any, monkeypatch: Any) -> None:
    monkeypatch.chdir(tmp_path)
    agreement = _edited(
        _AGREEMENT,
        ("Räddningstjänsten Exempel,", "Räddningstjänsten Exempelby,"),
        (
            "  - {id: bostadsbolaget, name: Exempelbostäder AB, type: bostadsbolag}\n",
            "  - {id: skolforvaltningen, name: Grundskoleförvaltningen, type: förvaltning}\n",
        ),
        (
            "  term: {amount: 4, unit: year}\n",
            "  term: {amount: 4, unit: year}\n  extensions:\n"
            "    - {until: 2025-06-30, decided: 2024-04-02, decision: KS 2024-04-02 § 55}\n",
        ),
        (
            "year: 2019}\ngoals:\n",
            "year: 2019}\n  - {title: Medborgardialog hösten 2023, kind: medborgardialog}\n"
            "goals:\n  - {id: minskad-brottslighet, description: Minskad brottslighet}\n",
        ),
        ("target: {value: 65,", "target: {value: 70,"),
        (
            "      - {id: skolan, title: Skolan}\n",
            "      - {id: skolan, title: Skolan}\n      - {id: natet, title: Nätet}\n",
        ),
        ("{times: 4, unit: year}", "{with_meetings_of: ksau}"),
    )
    promise = _edited(
        _PROMISE,
        ("period: {from: 2024-01-01}", "period: {from: 2024-01-01, until_replaced: true}"),
        ("    party: kommunen\n", "    parties: [kommunen, polisen]\n"),
        ("{times: 9, unit: period", "{times: 12, unit: period"),
    )
    write_file(tmp_path / "old", "a.yaml", _AGREEMENT)
    write_file(tmp_path / "old", "p.yaml", _PROMISE)
    write_file(tmp_path / "new", "a.yaml", agreement)
    write_file(tmp_path / "new", "p.yaml", promise)
    result = cli("--lang", "en", "diff", "old", "new")
    assert _sentences(result.stdout) == [
        "New actor: 'Grundskoleförvaltningen'.",
        "The actor 'Räddningstjänsten Exempel' is now called 'Räddningstjänsten Exempelby'.",
        "The actor 'Exempelbostäder AB' was removed.",
        "The agreement is extended to 30 June 2025 (decided 2 April 2024, KS 2024-04-02 § 55).",
        "New source: 'Medborgardialog hösten 2023'.",
        "New overall goal: 'Minskad brottslighet'.",
        "The indicator 'Andel som känner sig trygga': target now 70 % (2024), before 65 % (2024).",
        "New sub-priority in Unga i riskzon: 'Nätet'.",
        "'Kommunpolisen bjuds in' now happens at every meeting of Kommunstyrelsens "
        "arbetsutskott (before: four times a year).",
        "The citizen promise now runs until a new one replaces it.",
        "'Trygghetsvandringar i centrum.' is now promised by Exempelby kommun and "
        "Lokalpolisområde Exempel together (before: Exempelby kommun).",
        "'Trygghetsvandringar i centrum.' now happens at least 12 times during the period "
        "(before: at least 9 times during the period).",
    ]
    swedish = cli("--lang", "sv", "diff", "old", "new")
    assert "  - Överenskommelsen förlängs till och med 30 juni 2025" in swedish.stdout
    assert (
        "  - ”Trygghetsvandringar i centrum.” lovas nu av Exempelby kommun och "
        "Lokalpolisområde Exempel tillsammans (tidigare: Exempelby kommun)." in swedish.stdout
    )


def test_a_term_a_baseline_and_an_extension_changed_and_removed(
    tmp_path: Path, cli: Any, monkeypatch: Any
) -> None:
    monkeypatch.chdir(tmp_path)
    old = _edited(
        _AGREEMENT,
        (
            "  term: {amount: 4, unit: year}\n",
            "  term: {amount: 4, unit: year}\n  extensions:\n    - {until: 2025-06-30}\n",
        ),
    )
    new = _edited(
        _AGREEMENT,
        ("term: {amount: 4, unit: year}", "term: {unit: mandate_period}"),
        ("        baseline: {value: 62, unit: '%', year: 2019}\n", ""),
    )
    write_file(tmp_path / "old", "a.yaml", old)
    write_file(tmp_path / "new", "a.yaml", new)
    assert _sentences(cli("--lang", "en", "diff", "old", "new").stdout) == [
        "The stated term is now the mandate period (before: 4 years).",
        "The extension to 30 June 2025 was removed.",
        "The indicator 'Andel som känner sig trygga' no longer has a baseline "
        "(before: 62 % (2019)).",
    ]
