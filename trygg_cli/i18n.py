"""The one translation function every user-facing string goes through.

English is the source language. A later release ships Swedish catalogues; until then
``gettext`` finds none and returns the English text unchanged.
"""

from __future__ import annotations

import gettext as _gettext
import os.path

_DOMAIN = "trygg"
# os.path rather than pathlib: this module is on the path of `trygg --help`, kept light.
_LOCALE_DIR = os.path.join(os.path.dirname(__file__), "locale")
_translation: _gettext.NullTranslations = _gettext.translation(
    _DOMAIN, localedir=_LOCALE_DIR, fallback=True
)


def _(message: str) -> str:
    """Translate ``message`` (English source) into the user's language."""
    return _translation.gettext(message)


def plural(count: int, one: str, many: str) -> str:
    """``one`` or ``many`` (both N_-marked, with ``{n}``) for ``count``, translated."""
    return _(one if count == 1 else many).format(n=count)


def N_(message: str) -> str:
    """Mark ``message`` for translation without translating it yet (translate at use)."""
    return message


def set_language(lang: str | None) -> None:
    """Switch the language used by :func:`_` (``None`` keeps the environment's choice)."""
    global _translation
    languages = [lang] if lang else None
    _translation = _gettext.translation(
        _DOMAIN, localedir=_LOCALE_DIR, languages=languages, fallback=True
    )
