"""``trygg render``: golden documents, the outline, safety of templates and of output."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from helpers import EXAMPLES, MINIMAL_AGREEMENT, Result
from markdown_it import MarkdownIt

from trygg_cli.check import KEEP_DOCUMENT, REFERENCES
from trygg_cli.model.documents import Agreement
from trygg_cli.render.view import outline
from trygg_cli.workspace import load_paths

STAMP = "2026-01-01"
DOCUMENTS = {
    "goteborg-central-2018": "goteborg/central-2018.yaml",
    "molndal-lokal-2023": "molndal/lokal-2023.yaml",
    "molndal-atgardsplan-2023": "molndal/atgardsplan-2023.yaml",
    "molndal-medborgarlofte-2023": "molndal/medborgarlofte-2023.yaml",
    "stockholm-overgripande": "stockholm/overgripande.yaml",
}


@pytest.fixture
def examples(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of examples/ outside git, as the working folder (stable stamps)."""
    shutil.copytree(EXAMPLES, tmp_path / "examples")
    monkeypatch.chdir(tmp_path)
    return tmp_path / "examples"


@pytest.mark.parametrize("doc_id", sorted(DOCUMENTS))
@pytest.mark.parametrize("fmt", ["html", "markdown"])
def test_examples_render_as_the_golden_files(
    examples: Path,
    cli: Callable[..., Result],
    golden: Callable[[str, str], None],
    doc_id: str,
    fmt: str,
) -> None:
    result = cli("render", "examples", "-d", doc_id, "-f", fmt, "--stamp-date", STAMP)
    assert result.exit_code == 0, result.stderr
    golden(f"render/{doc_id}.{'md' if fmt == 'markdown' else 'html'}", result.stdout)


def test_output_is_byte_identical_across_runs(examples: Path, cli: Callable[..., Result]) -> None:
    for run in ("a.html", "b.html"):
        result = cli("render", "examples/goteborg", "-o", run, "--stamp-date", STAMP)
        assert result.exit_code == 0, result.stderr
    assert Path("a.html").read_bytes() == Path("b.html").read_bytes()


def test_source_date_epoch_sets_the_stamp(
    examples: Path, cli: Callable[..., Result], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01 00:00 UTC
    result = cli("render", "examples/goteborg/central-2018.yaml", "-f", "markdown")
    assert result.stdout.rstrip().endswith(
        "Framställt av trygg från examples/goteborg/central-2018.yaml den 1 januari 2026."
    )


def _parts(path: Path) -> list[tuple[str, str]]:
    workspace = load_paths([str(path)], passes=(REFERENCES, KEEP_DOCUMENT))
    (doc,) = workspace.documents.values()
    assert isinstance(doc, Agreement)
    return [(part.kind, part.title) for part in outline(doc)]


def test_sections_introduce_their_chapters_in_the_documents_order(examples: Path) -> None:
    parts = _parts(examples / "molndal/lokal-2023.yaml")
    assert parts == [
        ("section", "Bakgrund"),
        ("section", "Trygg i Mölndal"),
        ("section", "Social hållbarhet"),
        ("section", "Beslutsnivå"),
        ("section", "Samhällsbyggnad"),
        ("section", "Områdesarbete"),
        ("parties", "Parter"),
        ("governance", "Samverkansorganisation"),
        ("priorities", "Prioriterade områden Trygg i Mölndal 2023–2026"),
        ("action_plans", "Åtgärdsplan"),
        ("citizen_promises", "Medborgarlöften"),
        ("follow_up", "Uppföljning och utvärdering"),
        ("section", "Kommunikationsplan"),
        ("validity", "Avtalsperiod och avtalets upphörande"),
        ("signatures", "Underskrifter"),
    ]
    stockholm = [kind for kind, _title in _parts(examples / "stockholm/overgripande.yaml")]
    assert stockholm.index("parties") < stockholm.index("governance")
    assert stockholm[-2:] == ["validity", "signatures"]
    assert stockholm.count("section") == 9
    goteborg = _parts(examples / "goteborg/central-2018.yaml")
    assert [kind for kind, _title in goteborg] == [
        *["section"] * 4,
        "parties",
        "governance",
        "follow_up",
        "validity",
        "signatures",
    ]


def test_html_is_one_accessible_file(examples: Path, cli: Callable[..., Result]) -> None:
    html = cli("render", "examples", "-d", "molndal-lokal-2023", "--stamp-date", STAMP).stdout
    assert html.startswith('<!DOCTYPE html>\n<html lang="sv">')
    assert html.count("<h1>") == 1
    assert "<script" not in html and "src=" not in html and "<link" not in html
    assert "http" not in html.split("<body>")[0]  # nothing fetched from outside
    anchors = set(_attribute_values(html, 'id="'))
    for target in _attribute_values(html, 'href="#'):
        assert target in anchors, target
    assert html.count('<th scope="col">') >= 2 and '<th scope="row">' in html
    # Print and PDF: A4, "Sida 3 (8)", no page break forced before a chapter.
    assert "size: A4;" in html and '"Sida " counter(page) " (" counter(pages) ")"' in html
    assert "break-before: page" not in html
    assert "Den 1 januari 2026" not in html and "den 1 januari 2026." in html


def _attribute_values(html: str, prefix: str) -> list[str]:
    values = []
    at = html.find(prefix)
    while at != -1:
        start = at + len(prefix)
        values.append(html[start : html.index('"', start)])
        at = html.find(prefix, start)
    return values


def test_text_from_yaml_is_printed_not_run(
    write: Callable[..., Path], cli: Callable[..., Result]
) -> None:
    evil = MINIMAL_AGREEMENT.replace(
        "title: Lokal samverkansöverenskommelse",
        "title: \"<script>alert('titel')</script>\"",
    ) + (
        "sections:\n"
        "  - id: bakgrund\n"
        "    title: Bakgrund <img src=x onerror=alert(1)>\n"
        '    text: "Text <script>alert(2)</script> [länk](javascript:alert(3))"\n'
    )
    path = write("evil.yaml", evil)
    html = cli("render", str(path), "--stamp-date", STAMP).stdout
    assert "<script>" not in html and "<img" not in html and 'href="javascript' not in html
    assert "&lt;script&gt;alert(&#39;titel&#39;)&lt;/script&gt;" in html
    markdown = cli("render", str(path), "-f", "markdown", "--stamp-date", STAMP).stdout
    # As a Markdown renderer that lets raw HTML through (as many do) would show it:
    shown = MarkdownIt("commonmark").render(markdown)
    assert "<script" not in shown and "<img" not in shown
    assert "&lt;script&gt;alert('titel')&lt;/script&gt;" in shown


def _template(tmp_path: Path, name: str, text: str) -> Path:
    folder = tmp_path / "mallar"
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.mark.parametrize(
    ("template", "expected"),
    [
        ("{{ ''.__class__.__mro__ }}", "access to attribute '__class__' of 'str' object is unsafe"),
        ("{{ doc.__init__.__globals__ }}", "is unsafe"),
        ("{{ cycler.__init__.__globals__.os }}", "is unsafe"),
        ("{% include '/etc/passwd' %}", "there is no template '/etc/passwd'"),
        ("{% include '../../../../etc/passwd' %}", "there is no template '../../../../etc/passwd'"),
        ("{{ doc.model_dump.__func__ }}", "is unsafe"),
    ],
)
def test_user_templates_cannot_escape_the_sandbox(
    write: Callable[..., Path],
    tmp_path: Path,
    cli: Callable[..., Result],
    template: str,
    expected: str,
) -> None:
    path = write("avtal.yaml", MINIMAL_AGREEMENT)
    folder = _template(tmp_path, "agreement.html.j2", "line one\n" + template + "\n")
    result = cli("render", str(path), "--template-dir", str(folder))
    assert result.exit_code == 2
    assert result.stdout == ""
    assert expected in result.stderr
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    if "include" not in template:
        assert f"{folder / 'agreement.html.j2'}, line 2:" in result.stderr


def test_a_misspelt_name_names_the_template_and_line(
    write: Callable[..., Path], tmp_path: Path, cli: Callable[..., Result]
) -> None:
    path = write("avtal.yaml", MINIMAL_AGREEMENT)
    folder = _template(tmp_path, "agreement.md.j2", "# {{ doc.title }}\n\n{{ doc.titel }}\n")
    result = cli("render", str(path), "-f", "markdown", "--template-dir", str(folder))
    assert result.exit_code == 2
    assert f"the template {folder / 'agreement.md.j2'}, line 3:" in result.stderr
    assert "has no attribute 'titel'" in result.stderr


def test_a_template_syntax_error_is_located(
    write: Callable[..., Path], tmp_path: Path, cli: Callable[..., Result]
) -> None:
    path = write("avtal.yaml", MINIMAL_AGREEMENT)
    folder = _template(tmp_path, "agreement.html.j2", "ok\n{% if doc.title %}\nno end\n")
    result = cli("render", str(path), "--template-dir", str(folder))
    assert result.exit_code == 2
    assert f"the template {folder / 'agreement.html.j2'}, line 3:" in result.stderr


def test_a_user_template_overrides_one_shared_piece(
    write: Callable[..., Path], tmp_path: Path, cli: Callable[..., Result]
) -> None:
    path = write("avtal.yaml", MINIMAL_AGREEMENT)
    folder = _template(tmp_path, "style.css", "body { color: #000; } /* egen stil */\n")
    html = cli("render", str(path), "--template-dir", str(folder), "--stamp-date", STAMP).stdout
    assert "/* egen stil */" in html and "<h1>Lokal samverkansöverenskommelse</h1>" in html


def test_a_failed_render_leaves_the_previous_file(
    write: Callable[..., Path], tmp_path: Path, cli: Callable[..., Result]
) -> None:
    path = write("avtal.yaml", MINIMAL_AGREEMENT)
    out = tmp_path / "avtal.html"
    out.write_text("tidigare version", encoding="utf-8")
    folder = _template(tmp_path, "agreement.html.j2", "{{ saknas }}")
    result = cli("render", str(path), "-o", str(out), "--template-dir", str(folder))
    assert result.exit_code == 2
    assert out.read_text(encoding="utf-8") == "tidigare version"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_an_unwritable_output_is_one_line(
    write: Callable[..., Path], tmp_path: Path, cli: Callable[..., Result]
) -> None:
    path = write("avtal.yaml", MINIMAL_AGREEMENT)
    blocker = tmp_path / "fil"
    blocker.write_text("", encoding="utf-8")
    result = cli("render", str(path), "-o", str(blocker / "avtal.html"))
    assert result.exit_code == 2
    assert result.stderr.startswith("error: cannot write ")
    assert len(result.stderr.strip().splitlines()) == 1


def test_output_name_chooses_the_format(
    write: Callable[..., Path], tmp_path: Path, cli: Callable[..., Result]
) -> None:
    path = write("avtal.yaml", MINIMAL_AGREEMENT)
    result = cli("render", str(path), "-o", str(tmp_path / "avtal.md"))
    assert result.exit_code == 0
    assert (
        (tmp_path / "avtal.md")
        .read_text(encoding="utf-8")
        .startswith("# Lokal samverkansöverenskommelse\n")
    )
    assert "wrote" in result.stderr


PERSONNUMMER = "19121212-1212"


def test_personal_data_stops_rendering_unless_allowed(
    write: Callable[..., Path], cli: Callable[..., Result]
) -> None:
    text = MINIMAL_AGREEMENT + (
        "sections:\n  - id: kontakt\n    title: Kontakt\n"
        f"    text: Kontaktperson Anna, {PERSONNUMMER}.\n"
    )
    path = write("avtal.yaml", text)
    refused = cli("render", str(path))
    assert refused.exit_code == 1
    assert refused.stdout == ""
    assert "19121212-**** is in the text" in refused.stderr
    assert PERSONNUMMER not in refused.stderr
    assert f"{path}:20:31: not rendered: a personal identity number" in refused.stderr
    allowed = cli("render", str(path), "--allow-personal-data", "-f", "markdown")
    assert allowed.exit_code == 0
    assert PERSONNUMMER in allowed.stdout


def test_a_suppression_does_not_let_personal_data_through(
    write: Callable[..., Path], cli: Callable[..., Result]
) -> None:
    text = MINIMAL_AGREEMENT + (
        "sections:\n  - id: kontakt\n    title: Kontakt\n"
        f"    text: Anna {PERSONNUMMER}  # trygg: ignore[TRY401] det är ett testnummer\n"
    )
    assert cli("render", str(write("avtal.yaml", text))).exit_code == 1


def test_choosing_among_several_documents(examples: Path, cli: Callable[..., Result]) -> None:
    several = cli("render", "examples/molndal")
    assert several.exit_code == 2
    assert "choose one with --document ID" in several.stderr
    unknown = cli("render", "examples", "-d", "finns-inte")
    assert unknown.exit_code == 2
    assert "there is no document with the id 'finns-inte'" in unknown.stderr
    assert cli("render", "examples", "-d", "molndal-lokal-2023", "-o", "x.html").exit_code == 0


def test_a_broken_file_is_not_rendered(
    write: Callable[..., Path], cli: Callable[..., Result]
) -> None:
    path = write("avtal.yaml", MINIMAL_AGREEMENT.replace("until: 2026-12-31", "until: 2026-13-01"))
    result = cli("render", str(path))
    assert result.exit_code == 1
    assert f"{path}:16:10: not rendered: '2026-13-01' is not a date" in result.stderr


def _git(cwd: Path, *args: str) -> None:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.org",
    }
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, env=env)


def test_the_stamp_names_the_commit_and_uncommitted_changes(
    tmp_path: Path, cli: Callable[..., Result], monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = tmp_path / "repo"
    (repo / "avtal").mkdir(parents=True)
    (repo / "avtal" / "lokal.yaml").write_text(MINIMAL_AGREEMENT, encoding="utf-8")
    _git(repo, "init", "-q")
    monkeypatch.chdir(repo / "avtal")
    fresh = cli("render", "lokal.yaml", "-f", "markdown", "--stamp-date", STAMP).stdout
    assert fresh.rstrip().endswith(
        "från avtal/lokal.yaml (ändringar som inte är incheckade i git) den 1 januari 2026."
    )
    _git(repo, "add", ".")
    _git(repo, "commit", "-q", "-m", "första")
    head = subprocess.run(
        ["git", "rev-parse", "HEAD"], cwd=repo, capture_output=True, text=True, check=True
    ).stdout.strip()
    committed = cli("render", "lokal.yaml", "-f", "markdown", "--stamp-date", STAMP).stdout
    assert committed.rstrip().endswith(f"(git-version {head[:12]}) den 1 januari 2026.")
    (repo / "avtal" / "lokal.yaml").write_text(
        MINIMAL_AGREEMENT.replace("Mölndal\n", "Mölndals stad\n"), encoding="utf-8"
    )
    changed = cli("render", "lokal.yaml", "-f", "markdown", "--stamp-date", STAMP).stdout
    assert f"(git-version {head[:12]} med ändringar som inte är incheckade)" in changed


LOCAL = """\
trygg: 1
kind: agreement
id: lokal-norr
title: Lokal överenskommelse Norr
scope: local
central_agreement: central
municipality: Storstad
parties:
  - {id: stad, name: Storstads stad, type: stad}
  - {id: polis, name: Lokalpolisområde Norr, type: lokalpolisområde}
validity: {from: 2024-01-01, until: 2027-12-31}
"""


@pytest.fixture
def site_sources(tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "avtal"
    shutil.copytree(EXAMPLES / "molndal", folder / "molndal")
    central = (
        LOCAL.replace("id: lokal-norr", "id: central")
        .replace("scope: local\ncentral_agreement: central", "scope: central")
        .replace("Lokal överenskommelse Norr", "Central överenskommelse Storstad")
    )
    (folder / "central.yaml").write_text(central, encoding="utf-8")
    (folder / "norr.yaml").write_text(LOCAL, encoding="utf-8")
    yield folder


def test_site_index_groups_by_municipality(
    site_sources: Path, tmp_path: Path, cli: Callable[..., Result]
) -> None:
    out = tmp_path / "webb"
    result = cli("render", str(site_sources), "--site", str(out), "--stamp-date", STAMP)
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in out.iterdir()) == [
        ".trygg-site.json",
        "central.html",
        "index.html",
        "lokal-norr.html",
        "molndal-atgardsplan-2023.html",
        "molndal-lokal-2023.html",
        "molndal-medborgarlofte-2023.html",
        "molndal-uppfoljning-2024.html",
    ]
    index = (out / "index.html").read_text(encoding="utf-8")
    assert index.index("<h2>Mölndal</h2>") < index.index("<h2>Storstad</h2>")
    local_at = index.index('<a href="lokal-norr.html">')
    assert index.index('<a href="central.html">') < local_at
    assert "Lokal överenskommelse: " in index[local_at - 40 : local_at]
    assert 'Åtgärdsplan: <a href="molndal-atgardsplan-2023.html">' in index
    plan = (out / "molndal-atgardsplan-2023.html").read_text(encoding="utf-8")
    assert '<a href="molndal-lokal-2023.html">Lokal samverkansöverenskommelse</a>' in plan
    assert "wrote 6 documents and an index page" in result.stderr


def test_site_leaves_out_a_broken_document_and_says_so(
    site_sources: Path, tmp_path: Path, cli: Callable[..., Result]
) -> None:
    (site_sources / "norr.yaml").write_text(LOCAL.replace("title:", "titel:"), encoding="utf-8")
    out = tmp_path / "webb"
    result = cli("render", str(site_sources), "--site", str(out), "--stamp-date", STAMP)
    assert result.exit_code == 1
    assert not (out / "lokal-norr.html").exists() and (out / "central.html").exists()
    assert "1 file left out" in result.stderr
    assert f"{site_sources / 'norr.yaml'}:4:1: not rendered" in result.stderr


def test_headings_in_prose_stay_below_their_section(
    write: Callable[..., Path], cli: Callable[..., Result]
) -> None:
    text = MINIMAL_AGREEMENT + (
        "sections:\n  - id: bakgrund\n    title: Bakgrund\n"
        "    text: |\n      # Lagen\n\n      Text.\n\n      ## Paragrafer\n\n      - en\n"
    )
    html = cli("render", str(write("avtal.yaml", text)), "--stamp-date", STAMP).stdout
    assert "<h2>Bakgrund</h2>\n<h3>Lagen</h3>\n<p>Text.</p>\n<h4>Paragrafer</h4>" in html
    assert html.count("<h1>") == 1


def test_follow_up_chapter_only_when_it_has_something_to_say(
    write: Callable[..., Path], cli: Callable[..., Result]
) -> None:
    with_priorities = MINIMAL_AGREEMENT + (
        "priorities:\n  - {id: unga, title: Unga i riskzon}\npriority_review: {every: 1}\n"
    )
    html = cli("render", str(write("a.yaml", with_priorities)), "--stamp-date", STAMP).stdout
    assert 'id="follow_up"' not in html
    assert "<dt>Uppföljning av de prioriterade områdena</dt>\n<dd>Årligen.</dd>" in html
    without = MINIMAL_AGREEMENT + "priority_review: {every: 1}\n"
    html = cli("render", str(write("b.yaml", without)), "--stamp-date", STAMP).stdout
    assert '<section id="follow_up" class="part major">' in html
    assert "<dt>Uppföljning av de prioriterade områdena</dt>\n<dd>Årligen.</dd>" in html


def test_every_anchor_is_unique_even_when_a_section_borrows_one(
    write: Callable[..., Path], cli: Callable[..., Result]
) -> None:
    text = MINIMAL_AGREEMENT + (
        "sections:\n"
        "  - {id: innehall, title: Innehåll i korthet, text: Text.}\n"
        "  - {id: organ-bra, title: Om BRÅ, text: Text.}\n"
        "  - {id: governance, title: Styrning, text: Text.}\n"
        "bodies:\n"
        "  - {id: bra, name: BRÅ, level: strategisk}\n"
        "  - {id: arbetsgrupp, name: Arbetsgrupp, level: operativ, reports_to: bra}\n"
    )
    html = cli("render", str(write("avtal.yaml", text)), "--stamp-date", STAMP).stdout
    ids = _attribute_values(html, ' id="')
    assert len(ids) == len(set(ids)), sorted(ids)
    assert '<section class="body" id="organ-bra">' in html
    assert '<a href="#organ-bra">BRÅ</a>' in html
    assert '<section id="organ-bra-2" class="part">' in html


def test_a_personnummer_in_the_file_name_is_not_published(
    write: Callable[..., Path], cli: Callable[..., Result]
) -> None:
    path = write("anna-19121212-1212.yaml", MINIMAL_AGREEMENT)
    result = cli("render", str(path))
    assert result.exit_code == 1
    assert "the file's name holds a personal identity number 19121212-****" in result.stderr
    assert cli("render", str(path), "--allow-personal-data").exit_code == 0


@pytest.mark.parametrize(
    ("template", "expected"),
    [
        ("{{ doc.parse_file('/etc/hostname') }}", "access to attribute 'parse_file'"),
        (
            "{{ doc.parse_raw('x', content_type='application/pickle', allow_pickle=True) }}",
            "unsafe",
        ),
        ("{{ doc.model_dump_json() }}", "access to attribute 'model_dump_json'"),
        ("{{ outline[0].__class__ }}", "unsafe"),
        ("{{ ('a' * 10**8)|length }}", "the repeated text or list would be too long"),
        ("{{ 2 ** 100000000 }}", "the exponent 100000000 is too large"),
    ],
)
def test_models_show_their_fields_and_nothing_else(
    write: Callable[..., Path],
    tmp_path: Path,
    cli: Callable[..., Result],
    template: str,
    expected: str,
) -> None:
    path = write("avtal.yaml", MINIMAL_AGREEMENT)
    folder = _template(tmp_path, "agreement.md.j2", template + "\n")
    result = cli("render", str(path), "-f", "markdown", "--template-dir", str(folder))
    assert result.exit_code == 2
    assert expected in result.stderr
    assert "Traceback" not in result.stderr


def test_a_link_out_of_the_template_folder_is_not_followed(
    write: Callable[..., Path], tmp_path: Path, cli: Callable[..., Result]
) -> None:
    secret = tmp_path / "hemligt.txt"
    secret.write_text("lösenord", encoding="utf-8")
    path = write("avtal.yaml", MINIMAL_AGREEMENT)
    folder = _template(tmp_path, "agreement.md.j2", "{% include 'lank.j2' %}\n")
    (folder / "lank.j2").symlink_to(secret)
    result = cli("render", str(path), "-f", "markdown", "--template-dir", str(folder))
    assert result.exit_code == 2
    assert "there is no template 'lank.j2'" in result.stderr
    assert "lösenord" not in result.stdout + result.stderr


PROSE = """\
# Lagen

Text <script>alert(1)</script> och `a<b` och [klick](javascript:alert(2)).

Underrubrik
-----------

```
kod som aldrig stängs
"""


def test_markdown_prose_cannot_break_the_markdown_document(
    write: Callable[..., Path], cli: Callable[..., Result]
) -> None:
    indented = "\n".join("      " + line if line else "" for line in PROSE.splitlines())
    text = MINIMAL_AGREEMENT + (
        "sections:\n  - id: bakgrund\n    title: Bakgrund\n    text: |\n" + indented + "\n"
    )
    markdown = cli("render", str(write("avtal.yaml", text)), "-f", "markdown").stdout
    assert "### Lagen\n" in markdown and "### Underrubrik\n" in markdown
    assert "Text &lt;script>alert(1)&lt;/script> och `a<b`" in markdown
    assert "\\[klick\\](javascript:alert(2))" in markdown
    shown = MarkdownIt("commonmark").render(markdown)
    assert shown.count("<h1>") == 1 and "<script" not in shown and 'href="javascript' not in shown
    # The open fence is closed: the parties and the footer are not swallowed by it.
    assert "<h2>Parter</h2>" in shown and "<p>Framställt av trygg" in shown


def _agreement(doc_id: str, scope: str = "local", central: str | None = None) -> str:
    text = LOCAL.replace("id: lokal-norr", f"id: {doc_id}").replace(
        "title: Lokal överenskommelse Norr", f"title: Överenskommelse {doc_id}"
    )
    text = text.replace("scope: local\ncentral_agreement: central\n", f"scope: {scope}\n")
    return text + (f"central_agreement: {central}\n" if central else "")


def test_site_page_names_never_collide(tmp_path: Path, cli: Callable[..., Result]) -> None:
    source = tmp_path / "avtal"
    source.mkdir()
    for doc_id in ("index", "index-2", "index-3"):
        (source / f"{doc_id}.yaml").write_text(_agreement(doc_id), encoding="utf-8")
    out = tmp_path / "webb"
    assert cli("render", str(source), "--site", str(out)).exit_code == 0
    assert sorted(p.name for p in out.iterdir()) == [
        ".trygg-site.json",
        "index-2.html",
        "index-3.html",
        "index-4.html",
        "index.html",
    ]
    index = (out / "index.html").read_text(encoding="utf-8")
    assert '<a href="index-4.html">Överenskommelse index</a>' in index
    assert '<a href="index-2.html">Överenskommelse index-2</a>' in index


def test_agreements_pointing_at_each_other_are_all_listed(
    tmp_path: Path, cli: Callable[..., Result]
) -> None:
    source = tmp_path / "avtal"
    source.mkdir()
    (source / "a.yaml").write_text(_agreement("a", central="b"), encoding="utf-8")
    (source / "b.yaml").write_text(_agreement("b", central="a"), encoding="utf-8")
    (source / "c.yaml").write_text(_agreement("c", scope="central"), encoding="utf-8")
    (source / "d.yaml").write_text(_agreement("d", central="c"), encoding="utf-8")
    out = tmp_path / "webb"
    assert cli("render", str(source), "--site", str(out)).exit_code == 0
    index = (out / "index.html").read_text(encoding="utf-8")
    for doc_id in "abcd":
        assert index.count(f'<a href="{doc_id}.html">') == 1
    assert 'Lokal överenskommelse: <a href="d.html">' in index


def test_a_template_mistake_leaves_the_site_folder_as_it_was(
    site_sources: Path, tmp_path: Path, cli: Callable[..., Result]
) -> None:
    out = tmp_path / "webb"
    out.mkdir()
    (out / "index.html").write_text("förra versionen", encoding="utf-8")
    folder = _template(tmp_path, "index.html.j2", "{{ kommuner }}")
    result = cli("render", str(site_sources), "--site", str(out), "--template-dir", str(folder))
    assert result.exit_code == 2
    assert [p.name for p in out.iterdir()] == ["index.html"]
    assert (out / "index.html").read_text(encoding="utf-8") == "förra versionen"


def test_site_is_the_same_on_every_run_in_a_repository(
    tmp_path: Path, cli: Callable[..., Result], monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = tmp_path / "repo"
    shutil.copytree(EXAMPLES / "molndal", repo / "molndal")
    _git(repo, "init", "-q")
    _git(repo, "add", ".")
    _git(repo, "commit", "-q", "-m", "första")
    monkeypatch.chdir(repo)
    assert cli("render", "molndal", "--site", "public", "--stamp-date", STAMP).exit_code == 0
    first = {p.name: p.read_bytes() for p in (repo / "public").iterdir()}
    # The first run's own output is now an untracked change in the repository.
    assert cli("render", "molndal", "--site", "public", "--stamp-date", STAMP).exit_code == 0
    second = {p.name: p.read_bytes() for p in (repo / "public").iterdir()}
    assert first == second
    assert b"med \xc3\xa4ndringar" not in second["index.html"]
