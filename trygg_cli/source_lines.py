"""Source lines of checked files, read on demand for reports and the baseline."""

from __future__ import annotations

from collections.abc import Mapping

from trygg_cli.readfile import read_regular


class SourceLines:
    """``source(path, line)`` → the text of that 1-based line, or ``None``.

    Files are read when a report first needs one of their lines, and the last few read
    are kept (reports go through findings sorted by file: a register with findings in
    every file must not hold every file's text); ``sources`` can supply the bytes instead
    (a git revision, a test).
    """

    KEEP = 16  # files

    def __init__(self, sources: Mapping[str, bytes] | None = None) -> None:
        self.sources = sources or {}
        self.cache: dict[str, list[str]] = {}  # oldest first

    def __call__(self, path: str, line: int) -> str | None:
        lines = self.cache.pop(path, None)
        if lines is None:
            lines = self._read(path)
            if len(self.cache) >= self.KEEP:
                del self.cache[next(iter(self.cache))]
        self.cache[path] = lines
        return lines[line - 1] if 0 < line <= len(lines) else None

    def _read(self, path: str) -> list[str]:
        raw = self.sources.get(path)
        if raw is None:
            try:
                raw = read_regular(path)
            except OSError:
                return []
        return raw.decode("utf-8-sig", errors="replace").splitlines()
