"""``trygg render --site`` renders only what changed: the same bytes as rendering every
document at once, nothing rewritten when nothing changed, a changed document's page and
the pages that show it rewritten, pages of documents that are gone removed, and files
trygg did not write left alone."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from helpers import EXAMPLES, Result

from trygg_cli.cli.commands.render import _next_follow_ups
from trygg_cli.due.extract import SCHEDULES, schedules_of
from trygg_cli.render import engine, pages
from trygg_cli.render.manifest import NAME
from trygg_cli.render.run import prepare, renderer
from trygg_cli.render.sandbox import Sandbox
from trygg_cli.render.site import SiteOptions, write_site
from trygg_cli.render.siteconfig import SiteConfig

STAMP = "2026-01-01"


@pytest.fixture
def sources(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every example, in a folder of its own, as the working folder."""
    shutil.copytree(EXAMPLES, tmp_path / "docs")
    monkeypatch.chdir(tmp_path)
    return tmp_path / "docs"


def _render(cli: Callable[..., Result], out: str = "webb", *more: str) -> Result:
    result = cli("render", "docs", "--site", out, "--stamp-date", STAMP, *more)
    assert result.exit_code == 0, result.stderr
    return result


def _files(folder: Path) -> dict[str, bytes]:
    """The pages (not the manifest, which holds the times they were written)."""
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.name != NAME}


def _times(folder: Path) -> dict[str, int]:
    return {p.name: p.stat().st_mtime_ns for p in folder.iterdir()}


def _changed(before: dict[str, int], folder: Path) -> set[str]:
    after = _times(folder)
    return {name for name in before.keys() | after.keys() if before.get(name) != after.get(name)}


def _all_at_once(out: Path) -> dict[str, bytes]:
    """The site as trygg wrote it before: every document read and kept, then every page."""
    day = date.fromisoformat(STAMP)
    paths = ["docs"]
    render = renderer(paths, "html", None, day)
    prepared = prepare(paths, allow_personal_data=False, extra_passes=(SCHEDULES,))
    follow_ups = _next_follow_ups(schedules_of(prepared.workspace), prepared.documents, day)
    write_site(prepared, render, out, _no_progress, SiteOptions(SiteConfig(), follow_ups))
    return _files(out)


class _NoProgress:
    def __enter__(self) -> None:
        return None

    def __exit__(self, *_exc: object) -> None:
        return None


def _no_progress() -> _NoProgress:
    return _NoProgress()


def test_the_site_is_the_pages_rendered_all_at_once(
    sources: Path, tmp_path: Path, cli: Callable[..., Result]
) -> None:
    _render(cli)
    assert (tmp_path / "webb" / NAME).is_file()
    written = _files(tmp_path / "webb")
    assert written == _all_at_once(tmp_path / "förr")
    assert len(written) == 9  # eight documents and the index


def test_the_site_is_the_same_rendered_in_worker_processes(
    sources: Path, tmp_path: Path, cli: Callable[..., Result], monkeypatch: pytest.MonkeyPatch
) -> None:
    _render(cli, "här")
    monkeypatch.setattr(pages, "_PARALLEL_MIN_FILES", 1)
    _render(cli, "i-arbetare", "--jobs", "2")
    assert _files(tmp_path / "i-arbetare") == _files(tmp_path / "här")


def test_nothing_is_rewritten_when_nothing_changed(
    sources: Path, tmp_path: Path, cli: Callable[..., Result], monkeypatch: pytest.MonkeyPatch
) -> None:
    _render(cli)
    before = _times(tmp_path / "webb")
    rendered: list[str] = []
    original = pages.render_chunk

    def counted(chunk: pages.Chunk) -> list[pages.Written]:
        rendered.extend(chunk.pages)
        return original(chunk)

    monkeypatch.setattr(pages, "render_chunk", counted)
    _render(cli)
    assert _changed(before, tmp_path / "webb") == set()
    assert rendered == []


def test_a_changed_title_rewrites_its_page_and_the_pages_that_show_it(
    sources: Path, tmp_path: Path, cli: Callable[..., Result]
) -> None:
    _render(cli)
    before = _times(tmp_path / "webb")
    plan = sources / "molndal" / "atgardsplan-2023.yaml"
    text = plan.read_text("utf-8")
    assert "\ntitle: " in text
    plan.write_text(text.replace("\ntitle: ", "\ntitle: Ny "), "utf-8")
    _render(cli)
    # The plan's page; the agreement's and the follow-up's, which name it; the index.
    assert _changed(before, tmp_path / "webb") == {
        "molndal-atgardsplan-2023.html",
        "molndal-lokal-2023.html",
        "molndal-uppfoljning-2024.html",
        "index.html",
        NAME,
    }
    fresh = _render(cli, "ny")
    assert fresh.exit_code == 0
    assert _files(tmp_path / "webb") == _files(tmp_path / "ny")


def test_a_changed_template_rewrites_every_page(
    sources: Path, tmp_path: Path, cli: Callable[..., Result]
) -> None:
    mallar = tmp_path / "mallar"
    mallar.mkdir()
    _render(cli, "webb", "--template-dir", str(mallar))
    before = _times(tmp_path / "webb")
    base = (engine.templates_dir() / "base.html.j2").read_text("utf-8")
    (mallar / "base.html.j2").write_text(base.replace("<main", "<!-- egen -->\n<main"), "utf-8")
    _render(cli, "webb", "--template-dir", str(mallar))
    assert _changed(before, tmp_path / "webb") == set(before) - {"index.html"}
    assert b"<!-- egen -->" in (tmp_path / "webb" / "molndal-lokal-2023.html").read_bytes()


def test_a_page_of_a_document_that_is_gone_is_removed_and_other_files_are_kept(
    sources: Path, tmp_path: Path, cli: Callable[..., Result]
) -> None:
    out = tmp_path / "webb"
    out.mkdir()
    (out / "egen.html").write_text("min egen sida", "utf-8")
    (out / "stil.css").write_text("body {}", "utf-8")
    _render(cli)
    assert (out / "exempel-lofte-centrum.html").is_file()
    (sources / "exempel" / "medborgarlofte-centrum.yaml").unlink()
    (out / "goteborg-central-2018.html").write_text("ändrad för hand", "utf-8")
    (sources / "goteborg" / "central-2018.yaml").unlink()
    _render(cli)
    assert not (out / "exempel-lofte-centrum.html").exists()
    # A page someone changed since trygg wrote it is theirs now.
    assert (out / "goteborg-central-2018.html").read_text("utf-8") == "ändrad för hand"
    assert (out / "egen.html").read_text("utf-8") == "min egen sida"
    assert (out / "stil.css").read_text("utf-8") == "body {}"
    assert "exempel-lofte-centrum" not in (out / "index.html").read_text("utf-8")


def test_a_manifest_naming_files_outside_the_folder_is_not_followed(
    sources: Path, tmp_path: Path, cli: Callable[..., Result]
) -> None:
    out = tmp_path / "webb"
    out.mkdir()
    victim = tmp_path / "viktig.html"
    victim.write_text("kvar", "utf-8")
    info = victim.stat()
    entry = f'["x", {info.st_size}, {info.st_mtime_ns}]'
    (out / NAME).write_text(
        f'{{"format": 1, "pages": {{"../viktig.html": {entry}, "/etc/passwd.html": {entry}}}}}',
        "utf-8",
    )
    _render(cli)
    assert victim.read_text("utf-8") == "kvar"


def test_a_deleted_page_is_written_again(
    sources: Path, tmp_path: Path, cli: Callable[..., Result]
) -> None:
    _render(cli)
    page = tmp_path / "webb" / "molndal-lokal-2023.html"
    kept = page.read_bytes()
    page.unlink()
    _render(cli)
    assert page.read_bytes() == kept


def test_only_a_users_templates_run_in_the_sandbox(tmp_path: Path) -> None:
    assert not isinstance(engine.environment(None), Sandbox)
    assert isinstance(engine.environment(tmp_path), Sandbox)


def test_a_site_from_the_cache_is_the_site_read_afresh(
    sources: Path, tmp_path: Path, cli: Callable[..., Result]
) -> None:
    _render(cli, "först")
    _render(cli, "från-cachen")  # every file's result, and its document, from the cache
    _render(cli, "utan-cache", "--no-cache")
    assert _files(tmp_path / "från-cachen") == _files(tmp_path / "först")
    assert _files(tmp_path / "utan-cache") == _files(tmp_path / "först")
