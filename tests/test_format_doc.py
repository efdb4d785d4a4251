"""docs/format.md cannot fall behind the model: every key of every model class is in its
section, and every whole document in it validates."""

from __future__ import annotations

import re
import typing
from pathlib import Path

import pytest
from helpers import ROOT
from pydantic import BaseModel

from trygg_cli.model import KINDS
from trygg_cli.workspace import load_paths

FORMAT = ROOT / "docs" / "format.md"
_FENCE = re.compile(r"```yaml\n(.*?)```", re.S)


def _models() -> dict[str, type[BaseModel]]:
    """Every model class a document is made of, by name (walked from the three kinds)."""
    found: dict[str, type[BaseModel]] = {}

    def inner(annotation: object) -> list[type[BaseModel]]:
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            return [annotation]
        return [m for arg in typing.get_args(annotation) for m in inner(arg)]

    def walk(model: type[BaseModel]) -> None:
        if model.__name__ in found:
            return
        found[model.__name__] = model
        for info in model.model_fields.values():
            for part in inner(info.annotation):
                walk(part)

    for kind in KINDS.values():
        walk(kind)
    return found


def _sections(text: str) -> dict[str, str]:
    """'### Name …' sections of the text by their first word."""
    parts = re.split(r"^### ", text, flags=re.M)[1:]
    return {part.split(None, 1)[0]: re.split(r"^## ", part, flags=re.M)[0] for part in parts}


MODELS = _models()
TEXT = FORMAT.read_text("utf-8")


def test_the_walk_finds_the_parts_of_every_kind() -> None:
    assert {"Agreement", "Commitment", "Measure", "SubPriority", "Extension"} <= set(MODELS)


@pytest.mark.parametrize("name", sorted(MODELS))
def test_every_key_of_every_model_is_in_its_section(name: str) -> None:
    sections = _sections(TEXT)
    assert name in sections, f"docs/format.md has no section '### {name} …'"
    model = MODELS[name]
    keys = [info.alias or field for field, info in model.model_fields.items()]
    missing = [key for key in keys if f"`{key}`" not in sections[name]]
    assert missing == [], f"'### {name}' does not describe {missing}"


def _answers() -> list[tuple[str, list[str]]]:
    """Per '### ' section, its YAML blocks that are whole documents."""
    found = []
    for heading, body in _sections(TEXT).items():
        blocks = [b for b in _FENCE.findall(body) if b.startswith("trygg: 1\n")]
        if blocks:
            found.append((heading, blocks))
    return found


def test_there_is_an_answer_for_each_need_of_issues_16_and_19() -> None:
    answers = re.findall(r"^### (\d+)\. ", TEXT.split("## How do I write")[1], flags=re.M)
    assert answers == [str(n) for n in range(1, 12)]  # 11: the follow-up of issue 19
    assert len(_answers()) == 11


@pytest.mark.parametrize(("heading", "blocks"), _answers())
def test_every_whole_document_in_the_reference_validates(
    tmp_path: Path, heading: str, blocks: list[str]
) -> None:
    for number, block in enumerate(blocks):
        (tmp_path / f"{number}.yaml").write_text(block, encoding="utf-8")
    findings = load_paths([str(tmp_path)]).findings
    assert findings == [], f"### {heading}: {findings}"
