"""``trygg import``: small documents made here in every format, one real seed, and the
documents that cannot be read (one line, exit 2)."""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path

import pytest
import yaml
from helpers import ROOT, run_cli

from trygg_cli.importer import import_document
from trygg_cli.lint.base import LintSettings
from trygg_cli.lint.engine import lint_workspace
from trygg_cli.lint.passes import lint_passes
from trygg_cli.lint.rules import RULES
from trygg_cli.workspace import load_paths

SETTINGS = LintSettings(today=date(2026, 11, 25), selected=frozenset(RULES))
# Mölndals lokala överenskommelse 2023 as published (the text of the public document).
MOLNDAL = ROOT / "tests" / "fixtures" / "import" / "molndal-lokal-2023.txt"

AGREEMENT = """\
Lokal samverkansöverenskommelse mellan Exempelby kommun och Lokalpolisområde Exempel

Bakgrund

Kommunen och polisen samverkar sedan länge. Kontakt: 19121212-1212 hos kommunen.

Styrgrupp

Styrgruppen består av kommundirektör, lokalpolisområdeschef och BRÅ-samordnare. Gruppen träffas cirka fyra gånger per år.

Uppföljning

En uppföljning av denna överenskommelse görs 2025 och därefter vartannat år.

Giltighet

Denna överenskommelse gäller för perioden 2024-01-01 – 2027-12-31.
"""


def pdf(pages: list[list[str]]) -> bytes:
    """A PDF with one text line per string, a page per list (Helvetica, WinAnsi)."""
    objects = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        3: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    }
    kids = " ".join(f"{4 + 2 * i} 0 R" for i in range(len(pages)))
    objects[2] = f"<< /Type /Pages /Kids [{kids}] /Count {len(pages)} >>".encode()
    for i, lines in enumerate(pages):
        body = b"BT /F1 11 Tf 14 TL 50 800 Td "
        for line in lines:
            body += b"(" + line.encode("cp1252") + b") Tj T* "
        body += b"ET"
        objects[4 + 2 * i] = (
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font "
            f"<< /F1 3 0 R >> >> /Contents {5 + 2 * i} 0 R >>"
        ).encode()
        objects[5 + 2 * i] = b"<< /Length %d >>\nstream\n%s\nendstream" % (len(body), body)
    out = b"%PDF-1.4\n"
    offsets = {}
    for number in sorted(objects):
        offsets[number] = len(out)
        out += b"%d 0 obj\n%s\nendobj\n" % (number, objects[number])
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offsets[n] for n in sorted(objects))
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return out


def _lint(folder: Path) -> list[str]:
    found = lint_workspace(load_paths([str(folder)], passes=lint_passes(SETTINGS)), SETTINGS)
    return [f.rule for f in found]


def test_a_text_agreement_becomes_a_draft_that_quotes_its_sources(tmp_path: Path) -> None:
    source = tmp_path / "avtal.txt"
    source.write_text(AGREEMENT, "utf-8")
    result = run_cli("import", str(source), "--into", str(tmp_path / "utkast"))
    assert result.exit_code == 0, result.stdout + result.stderr
    draft = tmp_path / "utkast" / "exempelby-lokal-2024.yaml"
    text = draft.read_text("utf-8")
    data = yaml.safe_load(text)
    assert data["kind"] == "agreement" and data["scope"] == "local"
    assert data["validity"]["from"] == date(2024, 1, 1)
    assert data["validity"]["until"] == date(2027, 12, 31)
    assert data["follow_up"]["first"] == 2025 and data["follow_up"]["every"] == 2
    body = data["bodies"][0]
    assert body["meetings"]["times"] == 4 and body["meetings"]["qualifier"] == "about"
    assert [m["role"] for m in body["members"]] == [
        "Kommundirektör",
        "Lokalpolisområdeschef",
        "BRÅ-samordnare",
    ]
    assert "# line 17: 'Denna överenskommelse gäller för perioden" in text
    assert "19121212-****" in text and "19121212-1212" not in text  # never copied unmasked
    rules = _lint(tmp_path / "utkast")
    assert "TRY401" not in rules
    assert [r for r in rules if not r.startswith("TRY")] == []  # it loads: no schema error


def test_markdown_citizen_promise_with_its_promises(tmp_path: Path) -> None:
    source = tmp_path / "lofte.md"
    source.write_text(
        "# Medborgarlöfte för Exempelby centrum 2025\n\n"
        "Löftet gäller från och med 1 januari 2025 till och med 31 december 2025.\n\n"
        "## Problem\n\nOtrygghet vid resecentrum kvällstid.\n\n"
        "## Våra löften\n\n"
        "Polisen lovar att finnas på plats i centrum två gånger per månad.\n\n"
        "Kommunen lovar:\n\n- bättre belysning vid resecentrum\n",
        "utf-8",
    )
    imported = import_document(source)
    data = yaml.safe_load(imported.text)
    assert imported.kind == "citizen-promise"
    assert data["period"]["until"] == date(2025, 12, 31)
    assert data["problem"].strip() == "Otrygghet vid resecentrum kvällstid."
    texts = [c["text"] for c in data["commitments"]]
    assert texts[0].startswith("Polisen lovar att finnas på plats")
    assert data["commitments"][0]["schedule"]["times"] == 2
    assert "TODO" in data["parties"][0]["name"]  # no party is named: a marked gap


def test_html_action_plan_table(tmp_path: Path) -> None:
    source = tmp_path / "plan.html"
    source.write_text(
        "<html><body><h1>Åtgärdsplan Exempelby 2025</h1><table>"
        "<tr><th>Åtgärd</th><th>Ansvarig</th><th>Klart</th></tr>"
        "<tr><td>Trygghetsvandring i centrum</td><td>Kommunpolis</td><td>2025-06-30</td></tr>"
        "</table><script>x = 1</script></body></html>",
        "utf-8",
    )
    imported = import_document(source)
    data = yaml.safe_load(imported.text)
    assert imported.kind == "action-plan"
    action = data["actions"][0]
    assert action["title"] == "Trygghetsvandring i centrum"
    assert action["deadline"] == date(2025, 6, 30)
    assert "# line 1: 'Trygghetsvandring i centrum Kommunpolis 2025-06-30'" in imported.text
    assert any("agreement" in gap for gap in imported.gaps)


def test_word_file(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_heading("Lokal samverkansöverenskommelse för Exempelby", 0)
    document.add_paragraph("Mellan Exempelby kommun och Lokalpolisområde Exempel.")
    document.add_heading("Avtalsperiod", 1)
    document.add_paragraph("Överenskommelsen löper tills vidare.")
    document.save(str(tmp_path / "avtal.docx"))
    imported = import_document(tmp_path / "avtal.docx")
    data = yaml.safe_load(imported.text)
    assert data["validity"]["until_further_notice"] is True
    assert "# paragraph 4: 'Överenskommelsen löper tills vidare.'" in imported.text


def test_pdf_keeps_page_numbers(tmp_path: Path) -> None:
    (tmp_path / "lofte.pdf").write_bytes(
        pdf(
            [
                ["Medborgarlöfte för Exempelby centrum 2025", "Gäller 2025."],
                ["Polisen lovar att finnas på plats i centrum varje vecka."],
            ]
        )
    )
    imported = import_document(tmp_path / "lofte.pdf")
    assert "# page 2: 'Polisen lovar att finnas på plats i centrum varje vecka.'" in imported.text


@pytest.mark.parametrize(
    ("name", "content", "says"),
    [
        ("tom.txt", b"", "the file is empty"),
        ("trasig.pdf", b"%PDF-1.4 not really", "the PDF cannot be read"),
        ("bild.pdf", pdf([[]]), "the PDF has no text, only pictures"),
        ("trasig.docx", b"PK not a zip", "not a Word file that can be read"),
        ("avtal.odt", b"x", "trygg reads .docx, .pdf"),
    ],
)
def test_unreadable_documents_give_one_line_and_exit_2(
    tmp_path: Path, name: str, content: bytes, says: str
) -> None:
    (tmp_path / name).write_bytes(content)
    result = run_cli("import", str(tmp_path / name), "-o", str(tmp_path / "x.yaml"))
    assert result.exit_code == 2
    assert (
        says in (result.stdout + result.stderr)
        and len((result.stdout + result.stderr).strip().splitlines()) == 1
    )
    assert not (tmp_path / "x.yaml").exists()


def test_a_password_protected_pdf(tmp_path: Path) -> None:
    import pypdf

    (tmp_path / "open.pdf").write_bytes(pdf([["Medborgarlöfte"]]))
    writer = pypdf.PdfWriter(clone_from=str(tmp_path / "open.pdf"))
    writer.encrypt("hemligt", algorithm="RC4-128")
    writer.write(str(tmp_path / "locked.pdf"))
    result = run_cli("import", str(tmp_path / "locked.pdf"), "-o", str(tmp_path / "x.yaml"))
    assert result.exit_code == 2 and "locked with a password" in (result.stdout + result.stderr)


def test_two_documents_with_the_same_id_get_two_drafts(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(AGREEMENT, "utf-8")
    (tmp_path / "b.txt").write_text(AGREEMENT, "utf-8")
    result = run_cli(
        "import", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--into", str(tmp_path / "ut")
    )
    assert result.exit_code == 0
    assert sorted(p.name for p in (tmp_path / "ut").iterdir()) == [
        "exempelby-lokal-2024-2.yaml",
        "exempelby-lokal-2024.yaml",
    ]


def test_never_over_an_existing_file_without_force(tmp_path: Path) -> None:
    (tmp_path / "avtal.txt").write_text(AGREEMENT, "utf-8")
    target = tmp_path / "utkast.yaml"
    target.write_text("mine\n", "utf-8")
    result = run_cli("import", str(tmp_path / "avtal.txt"), "-o", str(target))
    assert result.exit_code == 2 and "--force" in (result.stdout + result.stderr)
    assert target.read_text("utf-8") == "mine\n"
    assert (
        run_cli("import", str(tmp_path / "avtal.txt"), "-o", str(target), "--force").exit_code == 0
    )
    assert target.read_text("utf-8").startswith("# ")


def test_molndal_as_published_loads_and_lint_reports_its_gaps(tmp_path: Path) -> None:
    (tmp_path / "molndal.txt").write_bytes(MOLNDAL.read_bytes())
    started = time.perf_counter()
    imported = import_document(tmp_path / "molndal.txt")
    assert time.perf_counter() - started < 2
    (tmp_path / "utkast").mkdir()
    (tmp_path / "utkast" / "draft.yaml").write_text(imported.text, "utf-8")
    rules = _lint(tmp_path / "utkast")
    assert [r for r in rules if not r.startswith("TRY")] == []
    assert rules.count("TRY501") == len(imported.gaps)  # each marked gap, located
    assert "TRY309" in rules  # the four years against the dates, as published
    data = yaml.safe_load(imported.text)
    assert data["validity"]["from"] == date(2023, 5, 1)
    assert data["validity"]["until"] == date(2026, 12, 31)
    assert [p["title"] for p in data["priorities"]][-1] == "Hot och våld"
