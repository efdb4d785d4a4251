"""Source lines of checked files, read on demand for reports and the baseline."""

from __future__ import annotations

from collections.abc import Mapping

from trygg_cli.readfile import read_regular


class SourceLines:
    """``source(path, line)`` → the text of that 1-based line, or ``None``.

    Files are read once, when a report first needs one of their lines; ``sources`` can
    supply the bytes instead (a git revision, a test).
    """

    def __init__(self, sources: Mapping[str, bytes] | None = None) -> None:
        self.sources = sources or {}
        self.cache: dict[str, list[str]] = {}

    def __call__(self, path: str, line: int) -> str | None:
        lines = self.cache.get(path)
        if lines is None:
            lines = self.cache[path] = self._read(path)
        return lines[line - 1] if 0 < line <= len(lines) else None

    def _read(self, path: str) -> list[str]:
        raw = self.sources.get(path)
        if raw is None:
            try:
                raw = read_regular(path)
            except OSError:
                return []
        return raw.decode("utf-8-sig", errors="replace").splitlines()
