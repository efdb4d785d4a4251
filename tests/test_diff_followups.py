"""trygg diff of two follow-ups tells progress: measured values, status changes and new
measurements, in sentences (English here, Swedish in the last test)."""

from __future__ import annotations

from pathlib import Path

from followup_cases import AGREEMENT, PLAN, PROMISE, follow_up

from trygg_cli.diff.run import diff_sides
from trygg_cli.diff.sides import folder_side
from trygg_cli.i18n import set_language

FILES = {"avtal.yaml": AGREEMENT, "plan.yaml": PLAN, "lofte.yaml": PROMISE}
LATER = follow_up("2025", doc_id="uppfoljning-2025", status="done", value="68", year="2025")


def _sentences(old: dict[str, str], new: dict[str, str], root: Path) -> list[str]:
    for side, files in (("old", old), ("new", new)):
        for name, text in files.items():
            (root / side).mkdir(exist_ok=True)
            (root / side / name).write_text(text, encoding="utf-8")
    result = diff_sides(folder_side(root / "old"), folder_side(root / "new"))
    return [n.sentence for d in result.documents for n in d.narrated]


def test_a_new_follow_up_tells_its_progress_since_the_one_before(tmp_path: Path) -> None:
    before = {**FILES, "u2024.yaml": follow_up("2024", value="62")}
    assert _sentences(before, {**before, "u2025.yaml": LATER}, tmp_path) == [
        "New follow-up: Uppföljning 2025.",
        "Andelen som känner sig trygga i centrum rose from 62 % (2024) to 68 % (2025); "
        "the target is 70 % in 2026.",
        "Anmälda rån i centrum: unchanged at 35 anmälningar (2025) (before: 35 anmälningar "
        "(2024)).",
        "The action 'Trygghetsvandringar' is now done (the action was ongoing at the last "
        "follow-up).",
    ]


def test_the_first_follow_up_is_measured_against_the_baseline(tmp_path: Path) -> None:
    first = follow_up("2024", value="60")
    text = first.replace("  - indicator: anmalda-ran\n", "  - indicator: ny\n")
    agreement = AGREEMENT.replace(
        "      - description: Antal", "      - id: ny\n        description: Antal"
    )
    files = {**FILES, "avtal.yaml": agreement}
    sentences = _sentences(files, {**files, "u.yaml": text}, tmp_path)
    assert sentences[1:] == [
        "Andelen som känner sig trygga i centrum fell from 62 % (2022) to 60 % (2024); "
        "the target is 70 % in 2026.",
        "Antal trygghetsvandringar was measured for the first time: 35 anmälningar (2024).",
    ]


def test_two_versions_of_one_follow_up_tell_a_corrected_value(tmp_path: Path) -> None:
    draft = follow_up("2024", value="64")
    done = follow_up("2024", value="65", status="done")
    assert _sentences({**FILES, "u.yaml": draft}, {**FILES, "u.yaml": done}, tmp_path) == [
        "Andelen som känner sig trygga i centrum: the value for 2024 is now 65 % (2024) "
        "(before: 64 % (2024)).",
        "The action 'Trygghetsvandringar' is now done (the action was ongoing at the last "
        "follow-up).",
    ]


def test_two_follow_up_files_alone_name_what_they_report_by_id(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(follow_up("2024", value="62"), encoding="utf-8")
    (tmp_path / "b.yaml").write_text(LATER, encoding="utf-8")
    result = diff_sides(folder_side(tmp_path / "a.yaml"), folder_side(tmp_path / "b.yaml"))
    sentences = [n.sentence for d in result.documents for n in d.narrated]
    assert sentences[:3] == [
        "The id changed from 'uppfoljning-2024' to 'uppfoljning-2025'.",
        "The title changed from 'Uppföljning 2024' to 'Uppföljning 2025'.",
        "The occasion changed from '2024' to '2025'.",
    ]
    assert "The indicator 'trygga-centrum' rose from 62 % (2024) to 68 % (2025)." in sentences
    assert (
        "The action 'vandringar' is now done (the action was ongoing at the last follow-up)."
        in (sentences)
    )


def test_in_swedish(tmp_path: Path) -> None:
    before = {**FILES, "u2024.yaml": follow_up("2024", value="62")}
    set_language("sv")
    try:
        sentences = _sentences(before, {**before, "u2025.yaml": LATER}, tmp_path)
    finally:
        set_language(None)
    assert sentences[1:2] + sentences[3:] == [
        "Andelen som känner sig trygga i centrum ökade från 62 % (2024) till 68 % (2025); "
        "målet är 70 % år 2026.",
        "Åtgärden ”Trygghetsvandringar” är nu genomförd (pågick vid förra uppföljningen).",
    ]
