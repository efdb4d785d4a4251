"""Measure publishing (issue 18): one agreement to PDF and to Word, and a whole site.

    python benchmarks/publish.py               # generates benchmarks/corpus first if missing
    python benchmarks/publish.py --repeat 5

Prints, each a new ``trygg`` process (medians of ``--repeat`` runs, best in brackets):

- ``trygg render -o lokal.pdf`` of Mölndal's agreement (examples/molndal, the whole
  folder read so that its links have titles) — target ≤ 3 s, WeasyPrint's import included;
- the same to ``.docx`` and to ``.html``, for comparison;
- ``trygg render --site`` of the national corpus without PDFs into a new folder — target
  ≤ 3 s (issue 22), with the peak memory of all its processes in one more run;
- the same again into the same folder, nothing changed: no page is rendered again;
- ``trygg render --site --with-pdf`` of one municipality's documents, to show what the
  PDFs add per document with every core in use;
- the page count of Mölndal's PDF beside the original's (8 pages).
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from run import (  # noqa: E402
    corpus_and_trygg,
    median,
    peak_memory,
    repeated,
    row,
    seconds_text,
    verdict,
)

EXAMPLES = HERE.parent / "examples"
TARGET_PDF_S = 3.0
TARGET_SITE_S = 3.0
TARGET_SITE_MB = 300.0  # issue 22, for the corpus at --scale 16
ORIGINAL_MOLNDAL_PAGES = 8  # the published PDF; its table of contents ends on page 8
STAMP = "2026-11-25"


def pages_of(pdf: Path) -> int:
    """The page count a PDF states (its page tree's /Count)."""
    counts = re.findall(rb"/Type\s*/Pages\b[^>]*?/Count\s+(\d+)", pdf.read_bytes())
    if counts:
        return max(int(n) for n in counts)
    try:
        from pypdf import PdfReader
    except ImportError:
        return 0
    return len(PdfReader(pdf).pages)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=HERE / "corpus")
    parser.add_argument("--repeat", type=int, default=5, help="runs per measurement (median)")
    args = parser.parse_args(argv)
    corpus: Path = args.corpus
    trygg = corpus_and_trygg(corpus)
    if trygg is None:
        return 2
    out = Path(tempfile.mkdtemp(prefix="trygg-publish-bench-"))
    try:
        one = [trygg, "render", str(EXAMPLES / "molndal"), "-d", "molndal-lokal-2023"]
        one += ["--stamp-date", STAMP]
        pdf_runs = repeated([*one, "-o", str(out / "lokal.pdf")], args.repeat)
        docx_runs = repeated([*one, "-o", str(out / "lokal.docx")], args.repeat)
        html_runs = repeated([*one, "-o", str(out / "lokal.html")], args.repeat)

        def site(folder: str) -> list[str]:
            target = str(out / folder)
            return [trygg, "render", str(corpus), "--site", target, "--stamp-date", STAMP]

        site_runs = []
        for n in range(args.repeat):
            site_runs += repeated(site(f"site-{n}"), 1)
        pages = len(list((out / "site-0").glob("*.html")))
        again_runs = repeated(site("site-0"), args.repeat)
        site_mb = peak_memory(site("site-memory"))
        town = next(
            p for p in sorted(corpus.iterdir()) if p.is_dir() and not p.name.startswith(".")
        )
        pdf_site = [trygg, "render", str(town), "--site", str(out / "pdf-site"), "--with-pdf"]
        with_pdf = repeated([*pdf_site, "--stamp-date", STAMP], 1)
        printed = len(list((out / "pdf-site").glob("*.pdf")))
        molndal_pages = pages_of(out / "lokal.pdf")
    finally:
        shutil.rmtree(out, ignore_errors=True)
    row("Mölndal's agreement to PDF", seconds_text(pdf_runs))
    row("Mölndal's agreement to Word (.docx)", seconds_text(docx_runs))
    row("Mölndal's agreement to HTML", seconds_text(html_runs))
    row("trygg render --site (whole corpus)", seconds_text(site_runs), f"{pages} pages")
    row("the same, nothing changed", seconds_text(again_runs))
    row("peak memory, render --site (all processes)", f"{site_mb:7.0f} MB")
    row(f"--site --with-pdf ({town.name})", seconds_text(with_pdf), f"{printed} PDFs")
    row("Mölndal's PDF: pages", f"{molndal_pages:7d}", f"(original {ORIGINAL_MOLNDAL_PAGES})")
    print()
    row(f"target one PDF ≤ {TARGET_PDF_S:.0f} s", verdict(median(pdf_runs), TARGET_PDF_S))
    row(f"target site ≤ {TARGET_SITE_S:.0f} s", verdict(median(site_runs), TARGET_SITE_S))
    row(
        f"target site memory ≤ {TARGET_SITE_MB:.0f} MB",
        verdict(site_mb, TARGET_SITE_MB),
        "(set for --scale 16)",
    )
    ratio = molndal_pages / ORIGINAL_MOLNDAL_PAGES
    row("target pages ≤ 1.3× the original", verdict(ratio, 1.3), f"({ratio:.2f}×)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
