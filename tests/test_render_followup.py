"""`trygg render` of a follow-up: actions by status, commitment by commitment, and per
indicator an accessible chart with the numbers as a table beside it; the Mölndal example
as golden files."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from followup_cases import AGREEMENT, PLAN, PROMISE, follow_up
from helpers import EXAMPLES, Result

from trygg_cli.model.documents import Indicator
from trygg_cli.model.series import Point, Series
from trygg_cli.render.chart import chart

LATER = follow_up("2025", doc_id="uppfoljning-2025", status="done", value="68", year="2025")


@pytest.fixture
def world(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    texts = {
        "avtal": AGREEMENT,
        "plan": PLAN,
        "lofte": PROMISE,
        "u2024": follow_up("2024", value="64"),
    }
    for name, text in {**texts, "u2025": LATER}.items():
        (tmp_path / f"{name}.yaml").write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _render(cli: Callable[..., Result], fmt: str) -> str:
    result = cli("render", ".", "-d", "uppfoljning-2025", "-f", fmt, "--stamp-date", "2026-01-01")
    assert result.exit_code == 0, result.stderr
    return result.stdout


def test_the_html_has_a_chart_with_title_description_and_its_numbers_beside_it(
    world: Path, cli: Callable[..., Result]
) -> None:
    html = _render(cli, "html")
    assert '<svg class="chart" role="img" aria-labelledby="diagram-1-title diagram-1-desc"' in html
    assert (
        '<title id="diagram-1-title">Diagram: Andelen som känner sig trygga i centrum</title>'
        in html
    )
    assert (
        '<desc id="diagram-1-desc">Utgångsläge 62 % (2022). Uppmätt: 64 % (2024), 68 % (2025). '
        "Målvärde 70 % (2026).</desc>"
    ) in html
    assert '<tr><th scope="row">Uppmätt</th><td>2025</td><td>68 %</td>' in html
    assert '<tr><th scope="row">Målvärde</th><td>2026</td><td>70 %</td>' in html
    assert "<script" not in html


def test_actions_by_status_and_what_they_were_at_the_follow_up_before(
    world: Path, cli: Callable[..., Result]
) -> None:
    html = _render(cli, "html")
    assert '<tr><th scope="row">Klar</th><td>2</td></tr>' in html
    assert (
        '<tr><th scope="row">Trygghetsvandringar</th><td>Klar (förra uppföljningen: pågår)</td>'
    ) in html
    assert '<tr><th scope="row">Polisen finns i centrum fredagskvällar.</th><td>Pågår</td>' in html


def test_the_markdown_has_each_indicators_numbers(world: Path, cli: Callable[..., Result]) -> None:
    markdown = _render(cli, "markdown")
    assert "| Utgångsläge | 2022 | 62 % |  |" not in markdown
    assert "| Uppmätt | 2024 | 64 % | Polisens trygghetsmätning |" in markdown
    assert "| Klar | 2 |" in markdown


def test_a_chart_needs_two_points_and_escapes_what_it_is_given() -> None:
    indicator = Indicator(description="Andel <trygga>")
    one = Series(indicator, None, None, [Point(2024, 66, "%", "2024", None, "u")])
    assert chart(one, "d", "T") is None
    two = Series(indicator, None, None, [*one.measured, Point(2025, 70, "%", "2025", None, "u")])
    drawn = chart(two, "d", "Diagram: Andel <trygga>")
    assert drawn is not None and "Andel &lt;trygga&gt;" in drawn
    assert drawn == chart(two, "d", "Diagram: Andel <trygga>")  # the same every time


@pytest.mark.parametrize("fmt", ["html", "markdown"])
def test_the_molndal_example_renders_as_the_golden_files(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    cli: Callable[..., Result],
    golden: Callable[[str, str], None],
    fmt: str,
) -> None:
    shutil.copytree(EXAMPLES, tmp_path / "examples")
    monkeypatch.chdir(tmp_path)
    doc_id = "molndal-uppfoljning-2024"
    result = cli("render", "examples", "-d", doc_id, "-f", fmt, "--stamp-date", "2026-01-01")
    assert result.exit_code == 0, result.stderr
    golden(f"render/{doc_id}.{'md' if fmt == 'markdown' else 'html'}", result.stdout)
