"""A document's ``municipality:`` must be one of Sweden's 290 municipalities.

An agreement or a citizen promise names the municipality it is made for. A misspelt name
("Mölnål") or a made-up form ("Motalas kommun") is a warning at the value, with the
names it is closest to; when only one is close, the finding carries a certain fix. Any of
a municipality's names in the table counts, in any case: "Mölndal", "Mölndals stad",
"Mölndals kommun". "Exempelby", trygg's invented municipality for examples, counts too.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Any

from trygg_cli.check.schema_errors import At
from trygg_cli.findings import Finding, Fix, Severity
from trygg_cli.municipalities import close, find, is_example, key, not_one

UNKNOWN_MUNICIPALITY = "unknown-municipality"


def municipality_finding(data: Mapping[str, Any], at: At) -> Finding | None:
    """A warning when a valid document (``data`` as read) names a municipality that is not
    one, else None."""
    value = data.get("municipality")
    if not isinstance(value, str) or is_example(value):
        return None
    found = find(value)
    if found is not None and key(value) != found.code:
        return None
    choices = (found.name,) if found is not None else close(value)
    message = not_one(value, choices)
    finding = at(("municipality",), UNKNOWN_MUNICIPALITY, message)
    fix = Fix(("municipality",), "value", value, choices[0]) if len(choices) == 1 else None
    return dataclasses.replace(finding, severity=Severity.WARNING, fix=fix)
