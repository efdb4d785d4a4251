"""Every rendered example opened in real headless Chromium and checked with axe-core.

The test needs Debian's ``chromium`` package (/usr/bin/chromium) and Playwright for
Python, which drives it (browser downloads do not work here, so Playwright is pointed at
Debian's browser). axe-core comes from the axe-playwright-python package. In CI
(``CI=true``) a missing browser is a failure, not a skip: ``.ci/run`` installs it.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from helpers import EXAMPLES, Result, run_cli, write_file
from test_render_shapes import EVERY_SHAPE

CHROMIUM = os.environ.get("TRYGG_CHROMIUM", "/usr/bin/chromium")
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# Without the background-networking flags Chromium keeps trying to reach Google's hosts,
# which this sandbox's closed network refuses.
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def _missing() -> str | None:
    try:
        import axe_playwright_python  # noqa: F401
        import playwright.sync_api  # noqa: F401
    except ImportError as exc:
        return f"Playwright or axe-playwright-python is not installed ({exc})"
    if not Path(CHROMIUM).exists():
        return f"no Chromium at {CHROMIUM} (apt-get install chromium)"
    return None


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    missing = _missing()
    if missing is not None:
        if os.environ.get("CI") == "true":
            pytest.fail(f"the accessibility test must run in CI: {missing}")
        pytest.skip(missing)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Every example rendered once for the module's tests; examples/exempel holds the
    shapes of issue 16."""
    tmp_path = tmp_path_factory.mktemp("browser")
    shutil.copytree(EXAMPLES, tmp_path / "examples")
    with pytest.MonkeyPatch.context() as monkeypatch:
        monkeypatch.chdir(tmp_path)
        result = run_cli("render", "examples", "--site", "site", "--stamp-date", "2026-01-01")
    assert result.exit_code == 0, result.stderr
    yield tmp_path / "site"


def _axe_source() -> str:
    import axe_playwright_python

    return Path(axe_playwright_python.__file__).with_name("axe.min.js").read_text("utf-8")


# WCAG 1.4.10 (Reflow), which axe does not test: at 320 CSS px (a phone, or 1280 px
# zoomed to 400 %) and on a desktop, nothing is wider than the window.
REFLOW_WIDTHS = (320, 1280)
AXE_VIEWPORT = {"width": 1000, "height": 1300}


def _axe_violations(browser: Any, pages: list[Path], min_passes: int = 10) -> None:
    """Open each page and check that it reflows at 320×800 and 1280×800 (scrollWidth
    within innerWidth), then with axe-core (WCAG 2.1 A and AA) at 1000 px, its in-page
    links, and that nothing was fetched from elsewhere; axe must have passed more than
    ``min_passes`` rules on each page (so that it really ran)."""
    axe = _axe_source()
    context = browser.new_context(viewport=AXE_VIEWPORT)
    page = context.new_page()
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    checked, wide = {}, {}
    for path in pages:
        page.goto(path.as_uri())
        for width in REFLOW_WIDTHS:
            page.set_viewport_size({"width": width, "height": 800})
            scroll, inner = page.evaluate(
                "() => [document.documentElement.scrollWidth, window.innerWidth]"
            )
            if scroll > inner:
                wide[f"{path.name} at {width} px"] = scroll
        page.set_viewport_size(AXE_VIEWPORT)
        checked[path.name] = _axe_passes(page, axe, path.name)
        # Every link in the table of contents lands on something.
        broken = page.evaluate(
            "() => [...document.querySelectorAll('a[href^=\"#\"]')]"
            ".map(a => a.getAttribute('href').slice(1))"
            ".filter(id => !document.getElementById(id))"
        )
        assert broken == [], f"{path.name}: {broken}"
    assert wide == {}, f"scrolls sideways (scrollWidth): {wide}"
    assert all(count > min_passes for count in checked.values()), checked
    # Self-contained: the browser asked for the pages themselves and nothing else.
    assert {url.split(":", 1)[0] for url in requested} == {"file"}
    context.close()


def _axe_passes(page: Any, axe: str, name: str) -> int:
    """Run axe-core on the open page: no violations; how many rules passed."""
    page.evaluate(axe)
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_TAGS
    )
    violations = [
        (v["id"], v["help"], [n["html"][:80] for n in v["nodes"][:3]]) for v in result["violations"]
    ]
    assert violations == [], f"{name}: {violations}"
    return len(result["passes"])


def test_every_rendered_page_reflows_and_passes_axe_wcag21_aa(browser: Any, site: Path) -> None:
    pages = sorted(site.glob("*.html"))
    assert len(pages) == 9  # eight examples and the index
    _axe_violations(browser, pages)


def test_on_a_phone_the_action_table_stacks_and_passes_axe(browser: Any, site: Path) -> None:
    """At 320 px the action plan's table is one block per action, and still passes axe."""
    page = browser.new_page(viewport={"width": 320, "height": 800})
    page.goto((site / "molndal-atgardsplan-2023.html").as_uri())
    assert (
        page.evaluate("() => getComputedStyle(document.querySelector('table.actions tr')).display")
        == "block"
    )
    _axe_passes(page, _axe_source(), "molndal-atgardsplan-2023.html at 320 px")
    page.close()


def test_every_new_shape_passes_axe_wcag21_aa(
    browser: Any, tmp_path: Path, cli: Callable[..., Result], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 16's shapes (actors, overall goals, sub-priorities, joint commitments …)."""
    monkeypatch.chdir(tmp_path)
    for name, text in EVERY_SHAPE.items():
        write_file(tmp_path / "docs", name, text)
    result = cli("render", "docs", "--site", "site", "--stamp-date", "2026-01-01")
    assert result.exit_code == 0, result.stderr
    pages = sorted((tmp_path / "site").glob("*.html"))
    assert len(pages) == 4  # three documents and the index
    _axe_violations(browser, pages, min_passes=5)  # this index page is small


def test_first_page_screenshot_and_a4_print(browser: Any, site: Path, tmp_path: Path) -> None:
    page = browser.new_page(viewport={"width": 1000, "height": 1300})
    page.goto((site / "molndal-lokal-2023.html").as_uri())
    shot = tmp_path / "forsta-sidan.png"
    page.screenshot(path=str(shot))
    data = shot.read_bytes()
    assert data.startswith(b"\x89PNG") and len(data) > 20_000
    assert page.evaluate("() => document.querySelector('h1').getBoundingClientRect().top") < 200
    page.emulate_media(media="print")
    # No chapter is forced onto a new page (the original is 8 pages; that made 13).
    breaks = page.evaluate(
        "() => [...document.querySelectorAll('section.part')].map(e => getComputedStyle(e).breakBefore)"
    )
    assert breaks and set(breaks) == {"auto"}
    keep = page.evaluate(
        "() => [...document.querySelectorAll('.signature')].map(e => getComputedStyle(e).breakInside)"
    )
    assert keep and set(keep) == {"avoid"}
    pdf = page.pdf(format="A4", prefer_css_page_size=True)
    assert pdf.startswith(b"%PDF") and pdf.count(b"/Type /Page\n") + pdf.count(b"/Type /Page ") > 3
    page.close()
