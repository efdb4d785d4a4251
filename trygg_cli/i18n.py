"""The one translation function every user-facing string goes through.

English is the source language. A later release ships Swedish catalogues; until then
``gettext`` finds none and returns the English text unchanged.
"""

from __future__ import annotations

import gettext as _gettext
from pathlib import Path

_DOMAIN = "trygg"
_translation: _gettext.NullTranslations = _gettext.translation(
    _DOMAIN, localedir=str(Path(__file__).parent / "locale"), fallback=True
)


def _(message: str) -> str:
    """Translate ``message`` (English source) into the user's language."""
    return _translation.gettext(message)


def N_(message: str) -> str:
    """Mark ``message`` for translation without translating it yet (translate at use)."""
    return message


def set_language(lang: str | None) -> None:
    """Switch the language used by :func:`_` (``None`` keeps the environment's choice)."""
    global _translation
    languages = [lang] if lang else None
    _translation = _gettext.translation(
        _DOMAIN, localedir=str(Path(__file__).parent / "locale"), languages=languages, fallback=True
    )
