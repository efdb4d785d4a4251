"""The one translation function every user-facing string goes through.

English is the source language; Swedish comes from the catalogue in
``trygg_cli/locale/sv/LC_MESSAGES/trygg.mo`` (built from ``trygg.po`` with Babel, see
``scripts/catalog.py``). The language is, in this order: ``--lang sv|en`` (read from the
command line before anything else is imported, see :mod:`trygg_cli.__main__`), the
``TRYGG_LANG`` environment variable, ``language:`` in the nearest ``.trygg.yaml`` (for
Windows, which sets no LANG; see :func:`trygg_cli.configfile.configured_language`), then
the locale (``LANGUAGE``, ``LC_ALL``, ``LC_MESSAGES``, ``LANG``); English when the locale
is C or POSIX or has no catalogue.
"""

from __future__ import annotations

import gettext as _gettext
import os
import os.path

_DOMAIN = "trygg"
LANGUAGES = ("en", "sv")
# os.path rather than pathlib: this module is on the path of `trygg --help`, kept light.
_LOCALE_DIR = os.path.join(os.path.dirname(__file__), "locale")


def _load(lang: str | None) -> _gettext.NullTranslations:
    chosen = lang or os.environ.get("TRYGG_LANG") or None
    languages = [chosen] if chosen else None  # None: gettext reads the locale variables
    return _gettext.translation(_DOMAIN, localedir=_LOCALE_DIR, languages=languages, fallback=True)


_translation: _gettext.NullTranslations = _load(None)


def _(message: str) -> str:
    """Translate ``message`` (English source) into the user's language."""
    return _translation.gettext(message)


def plural(count: int, one: str, many: str) -> str:
    """``one`` or ``many`` (both N_-marked, with ``{n}``) for ``count``, translated."""
    return _(one if count == 1 else many).format(n=count)


def quoted(text: str) -> str:
    """``text`` between the quotation marks of the user's language: 'x' in English, ”x”
    in Swedish (see docs/glossary.md)."""
    return _("'{text}'").format(text=text)


def N_(message: str) -> str:
    """Mark ``message`` for translation without translating it yet (translate at use)."""
    return message


def set_language(lang: str | None) -> None:
    """Use ``lang`` ('sv', 'en'); ``None`` goes back to TRYGG_LANG and the locale."""
    global _translation
    _translation = _load(lang)


def language() -> str:
    """The language messages are shown in: 'sv' or 'en'."""
    return "sv" if _translation.info().get("language", "").startswith("sv") else "en"


def language_from_arguments(arguments: list[str]) -> str | None:
    """The value of ``--lang`` among the command-line ``arguments`` (before a ``--``)."""
    for i, argument in enumerate(arguments):
        if argument == "--":
            return None
        if argument == "--lang" and i + 1 < len(arguments):
            return arguments[i + 1]
        if argument.startswith("--lang="):
            return argument.split("=", 1)[1]
    return None
