"""The ``render:`` section of ``.trygg.yaml``: what a published site adds to its pages.

::

    render:
      # The municipality's tillgänglighetsredogörelse, linked from the foot of every page
      # (lag (2018:1937) requires one for a public body's website).
      accessibility_statement: https://www.molndal.se/tillganglighetsredogorelse
      # Logos at the top of the index page; alt is what a screen reader reads.
      logos:
        - {file: logos/molndal.svg, alt: Mölndals stad}
        - {file: logos/polisen.png, alt: Polisen}

The file is found as lint and due find it; a logo's file is read relative to the folder
of ``.trygg.yaml`` and put inside the page (a data: address), so the page stays one file
that fetches nothing. A mistake — an unknown key, a logo without alt text, a file that is
not there — stops the run with a located one-line error.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from trygg_cli.configfile import find_config
from trygg_cli.i18n import _
from trygg_cli.text import did_you_mean_aside
from trygg_cli.yamlload.section import read_section

KEYS = ("accessibility_statement", "logos")
IMAGE_TYPES = {
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
    ".webp": "image/webp",
}
MAX_LOGO_BYTES = 512 * 1024


@dataclass(frozen=True)
class Logo:
    """A logo as the page shows it: its alt text and the image as a data: address."""

    alt: str
    src: str


@dataclass(frozen=True)
class SiteConfig:
    path: str | None = None
    accessibility_statement: str | None = None
    logos: tuple[Logo, ...] = ()


def site_config(start: Path) -> SiteConfig:
    """The ``render:`` settings that apply in ``start`` (none found: none)."""
    path = find_config(start)
    return load_site_config(path) if path is not None else SiteConfig()


def load_site_config(path: Path) -> SiteConfig:
    """Read the ``render:`` section of ``path``; a mistake is a located TryggError."""
    config = read_section(path, "render")
    shown, section, fail = config.path, config.data, config.fail
    if section is None:
        return SiteConfig(shown)
    if not isinstance(section, dict):
        raise fail(("render",), _("'render' must be a mapping of settings, e.g. logos"))
    for key in section:
        if key not in KEYS:
            hint = did_you_mean_aside(str(key), KEYS)
            message = _("'{key}' is not a setting of 'render'{hint}; the settings are: {keys}")
            raise fail(
                ("render", key),
                message.format(key=key, hint=hint, keys=", ".join(KEYS)),
                at_key=True,
            )
    statement = section.get("accessibility_statement")
    if statement is not None and not (
        isinstance(statement, str) and statement.startswith(("https://", "http://"))
    ):
        message = _("'accessibility_statement' must be a web address (https://…), not '{value}'")
        raise fail(("render", "accessibility_statement"), message.format(value=statement))
    logos = section.get("logos") or []
    if not isinstance(logos, list):
        raise fail(
            ("render", "logos"), _("'logos' must be a list of logos, each with file and alt")
        )
    found = []
    for i, item in enumerate(logos):
        try:
            found.append(_logo(path.parent, item))
        except _Unusable as exc:
            raise fail(("render", "logos", i), str(exc)) from None
    return SiteConfig(shown, statement, tuple(found))


class _Unusable(Exception):
    """A logo that cannot be shown, and why."""


def _logo(folder: Path, item: Any) -> Logo:
    """One logo: alt text required, the file there, of an image type, not too large."""
    if not isinstance(item, dict) or not isinstance(item.get("file"), str):
        raise _Unusable(_("a logo needs file: (the image) and alt: (what it shows)"))
    name = item["file"]
    alt = item.get("alt")
    if not isinstance(alt, str) or not alt.strip():
        raise _Unusable(
            _(
                "the logo {file} has no alt text: write alt: with what it shows, e.g. the "
                "municipality's name, for those who cannot see it"
            ).format(file=name)
        )
    file = folder / name
    kind = IMAGE_TYPES.get(file.suffix.lower())
    if kind is None:
        message = _("the logo {file} is not an image trygg can show; use {types}")
        raise _Unusable(message.format(file=name, types=", ".join(IMAGE_TYPES)))
    try:
        data = file.read_bytes()
    except OSError as exc:
        message = _("cannot read the logo {file}: {reason}")
        raise _Unusable(message.format(file=name, reason=exc.strerror or exc)) from None
    if len(data) > MAX_LOGO_BYTES:
        raise _Unusable(
            _("the logo {file} is larger than 512 kB; make it smaller").format(file=name)
        )
    return Logo(alt.strip(), f"data:{kind};base64,{base64.b64encode(data).decode('ascii')}")
