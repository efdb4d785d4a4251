"""``trygg render --site``: the index says each document's status, period and next
follow-up; ``.trygg.yaml``'s ``render:`` adds logos and the tillgänglighetsredogörelse;
``--with-pdf`` puts a PDF beside every page, made in parallel."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import EXAMPLES, MINIMAL_AGREEMENT, Result

STAMP = "2026-01-01"
# A 1×1 transparent PNG.
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
)


@pytest.fixture
def molndal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """examples/molndal in a folder of its own, as the working folder."""
    shutil.copytree(EXAMPLES / "molndal", tmp_path / "molndal")
    monkeypatch.chdir(tmp_path)
    return tmp_path / "molndal"


def _site(cli: Callable[..., Result], *more: str) -> Result:
    return cli("render", "molndal", "--site", "webb", "--stamp-date", STAMP, *more)


def test_the_index_says_status_period_and_next_follow_up(
    molndal: Path, cli: Callable[..., Result]
) -> None:
    result = _site(cli)
    assert result.exit_code == 0, result.stderr
    index = Path("webb/index.html").read_text("utf-8")
    assert "<title>Samverkansöverenskommelser – Mölndal</title>" in index
    assert (
        '<span class="facts">Utkast. Gäller från och med 1 maj 2023 till och med 31 december '
        "2026. Uppföljningen 30 april 2024 är försenad.</span>"
    ) in index
    # The same follow-ups as trygg due: the promise's final one, after its end, was done
    # by the follow-up of 30 April 2025 (examples/molndal/uppfoljning-2024.yaml).
    assert (
        '<span class="facts">Upphört. Gäller från och med 1 maj 2023 till och med 30 april '
        "2025.</span>"
    ) in index
    assert '<span class="facts">Genomförd.</span>' in index  # the follow-up itself
    assert "Tillgänglighetsredogörelse" not in index and "<img" not in index


def test_logos_and_the_accessibility_statement_from_the_configuration(
    molndal: Path, cli: Callable[..., Result], monkeypatch: pytest.MonkeyPatch
) -> None:
    (molndal / "logos").mkdir()
    (molndal / "logos/molndal.png").write_bytes(PNG)
    (molndal / ".trygg.yaml").write_text(
        "render:\n"
        "  accessibility_statement: https://www.molndal.se/tillganglighet\n"
        "  logos:\n"
        "    - {file: logos/molndal.png, alt: Mölndals stad}\n",
        encoding="utf-8",
    )
    assert _site(cli).exit_code == 0
    index = Path("webb/index.html").read_text("utf-8")
    assert '<img src="data:image/png;base64,iVBORw0KGgo' in index
    assert 'alt="Mölndals stad">' in index
    link = '<a href="https://www.molndal.se/tillganglighet">Tillgänglighetsredogörelse</a>'
    assert link in index
    assert link in Path("webb/molndal-lokal-2023.html").read_text("utf-8")
    monkeypatch.chdir(molndal)
    assert cli("lint", ".").exit_code == 0  # lint accepts the render: section


@pytest.mark.parametrize(
    ("logos", "where", "message"),
    [
        (
            "    - {file: logos/saknas.svg, alt: Mölndals stad}\n",
            "4:7",
            "cannot read the logo logos/saknas.svg",
        ),
        ("    - {file: logos/molndal.png}\n", "4:7", "the logo logos/molndal.png has no alt text"),
        (
            "    - {file: logos/molndal.bmp, alt: Mölndal}\n",
            "4:7",
            "is not an image trygg can show",
        ),
    ],
)
def test_a_logo_mistake_is_one_located_line(
    molndal: Path, cli: Callable[..., Result], logos: str, where: str, message: str
) -> None:
    (molndal / "logos").mkdir()
    (molndal / "logos/molndal.png").write_bytes(PNG)
    (molndal / ".trygg.yaml").write_text(
        "render:\n  logos:\n    # Kommunens\n" + logos, encoding="utf-8"
    )
    result = _site(cli)
    assert result.exit_code == 2
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith(f"error: {molndal / '.trygg.yaml'}:{where}: ") and message in line
    assert not Path("webb").exists()


def test_with_pdf_prints_every_document_in_parallel(
    tmp_path: Path, cli: Callable[..., Result], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("docs").mkdir()
    for n in (1, 2):
        text = MINIMAL_AGREEMENT.replace("id: test-lokal", f"id: avtal-{n}")
        Path(f"docs/avtal-{n}.yaml").write_text(text, encoding="utf-8")
    result = cli(
        "render", "docs", "--site", "webb", "--with-pdf", "--jobs", "2", "--stamp-date", STAMP
    )
    assert result.exit_code == 0, result.stderr
    for n in (1, 2):
        assert Path(f"webb/avtal-{n}.pdf").read_bytes().startswith(b"%PDF-1.7")
    index = Path("webb/index.html").read_text("utf-8")
    assert '<a href="avtal-1.pdf">PDF<span class="visually-hidden">: ' in index
