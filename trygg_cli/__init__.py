"""trygg: keep Swedish crime-prevention collaboration agreements as checked YAML."""

from __future__ import annotations

__all__ = ["__version__"]


def __getattr__(name: str) -> str:
    """``__version__``: the installed version, which the build took from the git tag
    (pyproject.toml, ``[tool.hatch.version]``); looked up only when asked for.

    Read from the name of the installed ``trygg-<version>.dist-info`` folder, first on
    the import path, as :mod:`importlib.metadata` would find it — without importing it,
    which costs ``trygg --version`` 70 ms."""
    if name != "__version__":
        raise AttributeError(f"module 'trygg_cli' has no attribute {name!r}")
    import os
    import sys

    for entry in sys.path:
        try:
            names = sorted(os.listdir(entry or "."))
        except OSError:
            continue
        for found in names:
            if found.startswith("trygg-") and found.endswith(".dist-info"):
                return found.removeprefix("trygg-").removesuffix(".dist-info")
    return "0.0.0"  # a source tree that was never installed
