"""Find the data directories ``schemas/`` and ``templates/``.

In an installed wheel they live inside the package (``trygg_cli/schemas``); in a source
checkout they sit at the top level beside ``trygg_cli/``. The package copy wins.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def data_dir(name: str) -> Path:
    """The directory ``name`` (``"schemas"`` or ``"templates"``) from the wheel or the checkout."""
    packaged = _PACKAGE_DIR / name
    if packaged.is_dir():
        return packaged
    checkout = _PACKAGE_DIR.parent / name
    if checkout.is_dir():
        return checkout
    from trygg_cli.errors import TryggError
    from trygg_cli.i18n import _

    raise TryggError(_("trygg's {name} folder is missing; reinstall trygg").format(name=name))


def schemas_dir() -> Path:
    return data_dir("schemas")


def templates_dir() -> Path:
    return data_dir("templates")
