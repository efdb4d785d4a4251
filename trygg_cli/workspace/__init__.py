"""A workspace: every trygg document under some paths, checked, with references resolved.

- :mod:`~trygg_cli.workspace.discover`: which files, and reading one.
- :mod:`~trygg_cli.workspace.load`: checking them (worker processes, cache) with the
  passes a feature asks for; also from ``{path: bytes}``, so that a git revision goes
  through exactly the same code.
- :mod:`~trygg_cli.workspace.memo`: the cache as a load uses it.
- :mod:`~trygg_cli.workspace.resolve`: document ids and references across files.
"""

from __future__ import annotations

from trygg_cli.workspace.discover import discover
from trygg_cli.workspace.load import VALIDATE, Workspace, load_paths, load_sources

__all__ = ["VALIDATE", "Workspace", "discover", "load_paths", "load_sources"]
