"""Check one file: read it once, report what is wrong with it, run the features' passes.

- :mod:`~trygg_cli.check.source`: the pipeline (``check_source``): bytes → text → YAML
  tree → version and kind → schema → duplicate ids → passes.
- :mod:`~trygg_cli.check.passes`: what a pass is, and the core's own two (keep the
  document, collect references).
- :mod:`~trygg_cli.check.schema_errors`: pydantic's errors as findings.
- :mod:`~trygg_cli.check.references`: ids, the index other files need, references.
- :mod:`~trygg_cli.check.results`: what checking yields (light: no parser, no models).

``check_source`` is loaded on first use: a run served wholly from the cache never needs
the YAML parser or the models.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from trygg_cli.check.passes import (
    KEEP_DOCUMENT,
    PLACED_REFERENCES,
    REFERENCES,
    ParsedFile,
    Pass,
    Passes,
)
from trygg_cli.check.results import DocIndex, FileResult, Ref

if TYPE_CHECKING:
    from trygg_cli.check.source import check_source, is_trygg_text

__all__ = [
    "KEEP_DOCUMENT",
    "PLACED_REFERENCES",
    "REFERENCES",
    "DocIndex",
    "FileResult",
    "ParsedFile",
    "Pass",
    "Passes",
    "Ref",
    "check_source",
    "is_trygg_text",
]


def __getattr__(name: str) -> Any:
    if name in ("check_source", "is_trygg_text"):
        from trygg_cli.check import source

        return getattr(source, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
