"""trygg's message catalogues: extract, update, compile and check them with Babel.

    python scripts/catalog.py update    # after changing messages: trygg.pot and sv .po
    python scripts/catalog.py compile   # after translating: the .mo that trygg reads
    python scripts/catalog.py check     # what the tests run: nothing stale or missing

Messages are every string given to ``_()`` or ``N_()`` in trygg_cli, and the prose of
every lint rule's documentation (its summary and its What / Why / How to fix texts, each
as one line). English is the source; Swedish is in
``trygg_cli/locale/sv/LC_MESSAGES/trygg.po``.
"""

from __future__ import annotations

import gettext
import io
import re
import sys
from datetime import UTC, datetime
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "trygg_cli"
LOCALE = PACKAGE / "locale"
TEMPLATE = LOCALE / "trygg.pot"
LANGUAGES = ("sv",)
_FIELD = re.compile(r"\{[a-z_0-9]*\}")
# Fixed dates in the headers, so that the files change only when the messages do.
_DATE = datetime(2026, 1, 1, tzinfo=UTC)


def po_path(lang: str) -> Path:
    return LOCALE / lang / "LC_MESSAGES" / "trygg.po"


def mo_path(lang: str) -> Path:
    return po_path(lang).with_suffix(".mo")


def extract() -> Catalog:
    """Every message trygg shows, from the source as it is now."""
    catalog = Catalog(
        project="trygg", domain="trygg", fuzzy=False, creation_date=_DATE, revision_date=_DATE
    )
    found = extract_from_dir(
        str(PACKAGE),
        method_map=[("**.py", "python")],
        keywords={"_": None, "N_": None},
        comment_tags=(),
    )
    for _filename, _lineno, message, _comments, _context in found:
        if isinstance(message, str) and message:
            catalog.add(message)
    sys.path.insert(0, str(ROOT))
    from trygg_cli.lint.rules import RULES

    for rule in RULES.values():
        for text in rule.prose():
            catalog.add(text)
    return catalog


def _po_bytes(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_po(out, catalog, width=0, sort_output=True, no_location=True)
    return out.getvalue()


def _mo_bytes(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_mo(out, catalog, use_fuzzy=False)
    return out.getvalue()


def _read(path: Path, lang: str | None = None) -> Catalog:
    with path.open("rb") as handle:
        return read_po(handle, locale=lang, domain="trygg")


def update() -> None:
    template = extract()
    TEMPLATE.parent.mkdir(parents=True, exist_ok=True)
    TEMPLATE.write_bytes(_po_bytes(template))
    for lang in LANGUAGES:
        path = po_path(lang)
        if path.exists():
            catalog = _read(path, lang)
        else:
            catalog = Catalog(locale=lang, domain="trygg", creation_date=_DATE)
        catalog.update(template, no_fuzzy_matching=True)
        catalog.revision_date = _DATE
        catalog.project, catalog.fuzzy = "trygg", False
        catalog.obsolete.clear()
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(_po_bytes(catalog))


def compile_catalogues() -> None:
    for lang in LANGUAGES:
        mo_path(lang).write_bytes(_mo_bytes(_read(po_path(lang), lang)))


def problems() -> list[str]:
    """Why the catalogues are not ready: stale, untranslated, broken placeholders."""
    found: list[str] = []
    template = extract()
    wanted = {m.id for m in template if m.id}
    stored = {m.id for m in _read(TEMPLATE) if m.id} if TEMPLATE.exists() else set()
    if stored != wanted:
        found.append(
            f"trygg.pot is stale ({len(wanted - stored)} new, {len(stored - wanted)} gone): "
            "run python scripts/catalog.py update"
        )
    for lang in LANGUAGES:
        path = po_path(lang)
        if not path.exists():
            found.append(f"{path} is missing: run python scripts/catalog.py update")
            continue
        catalog = _read(path, lang)
        for message in template:
            if not message.id:
                continue
            translated = catalog.get(message.id)
            if translated is None:
                found.append(f"{lang}: not in the catalogue: {message.id!r}")
            elif not translated.string or translated.fuzzy:
                found.append(f"{lang}: no translation: {message.id!r}")
            elif set(_FIELD.findall(message.id)) != set(_FIELD.findall(translated.string)):
                found.append(f"{lang}: the {{placeholders}} differ: {message.id!r}")
        if not _compiled_matches(mo_path(lang), catalog):
            found.append(f"{lang}: trygg.mo is stale: run python scripts/catalog.py compile")
    return found


def _compiled_matches(path: Path, catalog: Catalog) -> bool:
    """Whether the .mo at ``path`` gives every translation of ``catalog``, as gettext
    reads it (compared by content, so that another Babel version's bytes still pass)."""
    if not path.exists():
        return False
    with path.open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    translated = [m for m in catalog if m.id and m.string and not m.fuzzy]
    return (
        all(compiled.gettext(m.id) == m.string for m in translated)
        and len(
            compiled._catalog  # type: ignore[attr-defined]
        )
        == len(translated) + 1
    )  # and the header


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "check"
    if command == "update":
        update()
    elif command == "compile":
        compile_catalogues()
    elif command == "check":
        listed = problems()
        for line in listed:
            print(line)
        return 1 if listed else 0
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
