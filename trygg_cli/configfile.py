"""Where the configuration is: the nearest ``.trygg.yaml`` (or ``.trygg.yml``) in a folder or
above it, not beyond the repository root. lint and due each read their own section."""

from __future__ import annotations

from pathlib import Path

CONFIG_NAMES = (".trygg.yaml", ".trygg.yml")


def find_config(start: Path) -> Path | None:
    """The nearest ``.trygg.yaml`` in ``start`` or a parent, not beyond the repository root."""
    resolved = start.resolve()
    for folder in (resolved, *resolved.parents):
        for name in CONFIG_NAMES:
            candidate = folder / name
            if candidate.is_file():
                return candidate
        if (folder / ".git").exists():
            return None
    return None
