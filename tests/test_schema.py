"""The checked-in JSON Schemas are current, fully described in Swedish, and used by examples."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from helpers import EXAMPLES, ROOT

from trygg_cli.model import KINDS
from trygg_cli.model.json_schema import render_schemas, stale_schemas


def test_checked_in_schemas_are_current() -> None:
    assert stale_schemas(ROOT / "schemas") == [], "run `trygg schema` and commit schemas/"


def _properties(schema: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    yield from schema.get("properties", {}).items()
    for definition in schema.get("$defs", {}).values():
        yield from _properties(definition)


@pytest.mark.parametrize("kind", list(KINDS))
def test_every_field_has_a_swedish_description(kind: str) -> None:
    schema = json.loads(render_schemas()[f"{kind}.schema.json"])
    for name, prop in _properties(schema):
        description = prop.get("description", "")
        assert description, f"{kind}: '{name}' has no description"
        assert not description.startswith(("The ", "A ", "An ")), f"{kind}: '{name}' is in English"
    for name, definition in schema["$defs"].items():
        assert definition["description"], name
        assert not definition["description"].startswith(("The ", "A ", "An ")), (
            f"{kind}: '{name}' is described in English; add it to json_schema._SWEDISH"
        )


def test_examples_carry_the_schema_modeline() -> None:
    files = sorted(EXAMPLES.rglob("*.yaml"))
    assert files
    for path in files:
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# yaml-language-server: $schema="), path
        target = (path.parent / first.split("=", 1)[1]).resolve()
        assert target.is_file(), f"{path}: {target} does not exist"
