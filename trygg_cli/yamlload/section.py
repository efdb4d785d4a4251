"""One section of ``.trygg.yaml`` (``due:``, ``render:``), read with positions, so that
the feature that owns it can say where a mistake is: ``.trygg.yaml:3:5: …``."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from trygg_cli.errors import TryggError
from trygg_cli.i18n import _
from trygg_cli.yamlload.limits import YamlError
from trygg_cli.yamlload.parse import LoadedYaml, decode, load
from trygg_cli.yamlload.positions import locate


@dataclass(frozen=True)
class Section:
    """The section ``name`` of the configuration file ``path`` (``data`` is None when the
    file has no such section)."""

    path: str
    name: str
    data: Any
    loaded: LoadedYaml

    def fail(self, loc: Sequence[str | int], message: str, *, at_key: bool = False) -> TryggError:
        """``message`` at the position of ``loc`` (a YAML path from the top of the file)."""
        line, column = locate(self.loaded.root, tuple(loc), at_key=at_key)
        return TryggError(f"{self.path}:{line + 1}:{column + 1}: {message}")


def read_section(path: Path, name: str) -> Section:
    """Read ``path`` and take its section ``name``; a file that cannot be read or is not
    YAML is a located TryggError."""
    shown = str(path)
    try:
        loaded = load(decode(path.read_bytes()))
    except OSError as exc:
        raise TryggError(
            _("cannot read the configuration {path}: {reason}").format(
                path=shown, reason=exc.strerror or exc
            )
        ) from None
    except YamlError as exc:
        raise TryggError(f"{shown}:{exc.line + 1}:{exc.column + 1}: {exc.message}") from None
    data = loaded.data.get(name) if isinstance(loaded.data, dict) else None
    return Section(shown, name, data, loaded)
