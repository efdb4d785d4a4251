"""Where the configuration is: the nearest ``.trygg.yaml`` (or ``.trygg.yml``) in a folder or
above it, not beyond the repository root. lint and due each read their own section;
``language:`` is read here, before anything else (see :func:`configured_language`).

Only ``os.path`` here: this module is on the path of ``trygg --help``, kept light.
"""

from __future__ import annotations

import os
import os.path

from trygg_cli.errors import TryggError
from trygg_cli.i18n import LANGUAGES, _

TYPE_CHECKING = False  # not typing's: importing typing costs `trygg --help` 2 ms
if TYPE_CHECKING:
    from pathlib import Path

CONFIG_NAMES = (".trygg.yaml", ".trygg.yml")
_LANGUAGE_KEYS = ("language", '"language"', "'language'")
_NO_VALUE = ("", "~", "null", "Null", "NULL")


def find_config(start: Path) -> Path | None:
    """The nearest ``.trygg.yaml`` in ``start`` or a parent, not beyond the repository root."""
    from pathlib import Path

    found = nearest_config(os.fspath(start))
    return Path(found) if found is not None else None


def nearest_config(start: str) -> str | None:
    """:func:`find_config` for a path as text: the file's absolute path, or None."""
    folder = os.path.realpath(start)
    while True:
        for name in CONFIG_NAMES:
            candidate = os.path.join(folder, name)
            if os.path.isfile(candidate):
                return candidate
        parent = os.path.dirname(folder)
        if os.path.exists(os.path.join(folder, ".git")) or parent == folder:
            return None
        folder = parent


def configured_language(start: str) -> str | None:
    """The ``language:`` (sv or en) of the nearest ``.trygg.yaml`` from the folder
    ``start``, or None when there is no file or it names no language.

    Windows does not set LANG, so a repository can choose the language of trygg's messages
    here; ``--lang`` and ``TRYGG_LANG`` win over it. It is read before every command,
    ``--help`` too, so by a scan for the top-level key rather than the YAML parser; a file
    that cannot be read is left to the command that reads all of it. Any other value is a
    :class:`TryggError` naming the line and column.
    """
    path = nearest_config(start)
    if path is None:
        return None
    try:
        with open(path, "rb") as handle:
            text = handle.read().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return None
    for number, line in enumerate(text.splitlines(), 1):
        found = _language_value(line)
        if found is None:
            continue
        value, column = found
        if value in _NO_VALUE:
            return None
        if value in LANGUAGES:
            return value
        message = _(
            "'{value}' is not a language trygg can show its messages in; write 'language: sv' "
            "(Swedish) or 'language: en' (English)"
        ).format(value=value)
        raise TryggError(f"{path}:{number}:{column}: {message}")
    return None


def _language_value(line: str) -> tuple[str, int] | None:
    """The value of a top-level ``language:`` line and its column (1-based), else None."""
    key = next((k for k in _LANGUAGE_KEYS if line.startswith(k)), None)
    if key is None:
        return None
    rest = line[len(key) :]
    after_key = len(rest) - len(rest.lstrip(" \t"))
    if not rest[after_key:].startswith(":"):
        return None  # another key that starts with 'language'
    start = len(key) + after_key + 1
    if start < len(line) and line[start] not in " \t":
        return None  # 'language:x' is not a key in YAML
    value = line[start:]
    for comment in (" #", "\t#"):
        if comment in value:
            value = value[: value.index(comment)]
    stripped = value.strip()
    column = start + len(value) - len(value.lstrip()) + 1
    if len(stripped) >= 2 and stripped[0] == stripped[-1] and stripped[0] in "'\"":
        stripped = stripped[1:-1]
    return stripped, column
