"""The loader: YAML 1.2 meaning, positions, and bounded handling of hostile input."""

from __future__ import annotations

import io
import math
import time
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from helpers import EXAMPLES, FIXTURES
from ruamel.yaml import YAML

from trygg_cli.yamlload import MAX_DEPTH, YamlError, decode, load, locate


def data(text: str) -> Any:
    return load(text).data


def error(text: str | bytes) -> YamlError:
    with pytest.raises(YamlError) as caught:
        load(decode(text) if isinstance(text, bytes) else text)
    return caught.value


def test_yaml_1_2_scalars_keep_norway_and_octal_surprises_away() -> None:
    loaded = data(
        "a: on\nb: no\nc: yes\nd: 0755\ne: 0o17\nf: 0x1F\ng: 1:20\nh: 2025-03-01\n"
        "i: ~\nj: true\nk: 1.5\nl: .inf\nm: '7'\nn: Off\n"
    )
    assert loaded == {
        "a": "on",
        "b": "no",
        "c": "yes",
        "d": 755,
        "e": 15,
        "f": 31,
        "g": "1:20",
        "h": "2025-03-01",
        "i": None,
        "j": True,
        "k": 1.5,
        "l": math.inf,
        "m": "7",
        "n": "Off",
    }


def test_every_node_keeps_its_line_and_column() -> None:
    loaded = load("a:\n  - x: 1\n    y: [2, 3]\n")
    assert locate(loaded.root, ("a", 0, "y", 1)) == (2, 11)
    assert locate(loaded.root, ("a", 0, "y"), at_key=True) == (2, 4)
    # a missing key is located at the deepest node that exists: its parent mapping
    assert locate(loaded.root, ("a", 0, "z")) == (1, 4)


def test_duplicate_key_is_located_at_the_second_key() -> None:
    problem = error("id: a\ntitle: x\nid: b\n")
    assert (problem.rule, problem.line, problem.column) == ("duplicate-key", 2, 0)
    assert problem.message == (
        "the key 'id' appears twice in the same mapping (first on line 1); remove one of them"
    )


def test_tab_indentation_gets_its_own_message() -> None:
    problem = error("a:\n\tb: 1\n")
    assert (problem.line, problem.column) == (1, 0)
    assert "tab is used for indentation" in problem.message


def test_syntax_error_is_explained_in_plain_words() -> None:
    problem = error("title: Trygg i Mölndal: 2023\n")
    assert (problem.rule, problem.line, problem.column) == ("yaml-syntax", 0, 22)
    assert problem.message.startswith("a ':' appears where a new key cannot start")


def test_a_bom_is_read_and_utf16_utf32_latin1_are_located_encoding_errors() -> None:
    assert decode(b"\xef\xbb\xbftrygg: 1\n") == "trygg: 1\n"  # YAML allows a BOM
    assert (
        error(b"\xff\xfet\x00").message == "the file is saved as UTF-16; save it as UTF-8 instead"
    )
    assert (
        error("trygg: 1\n".encode("utf-32")).message
        == "the file is saved as UTF-32; save it as UTF-8 instead"
    )
    latin1 = error("trygg: 1\ntitle: M\u00f6lndal\n".encode("latin-1"))
    assert (latin1.rule, latin1.line, latin1.column) == ("encoding", 1, 8)
    assert latin1.message == "byte 0xf6 is not UTF-8 text; save the file as UTF-8"


def test_alias_bomb_is_refused_quickly() -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(8):
        prev, name = chr(97 + i), chr(98 + i)
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    start = time.perf_counter()
    problem = error("\n".join(lines) + "\n")
    assert time.perf_counter() - start < 1.0
    assert problem.rule == "yaml-limits"
    assert "expand to more than" in problem.message


def test_small_aliases_still_work() -> None:
    assert data("a: &x {k: 1}\nb: *x\n") == {"a": {"k": 1}, "b": {"k": 1}}


def test_recursive_alias_is_an_error_not_a_hang() -> None:
    problem = error("a: &a [*a]\n")
    assert problem.message == "an alias refers to the node that contains it"


@pytest.mark.parametrize(
    "text",
    ["[" * 100_000 + "]" * 100_000, "a:\n" + "".join(" " * i + "- \n" for i in range(1, 3000))],
    ids=["flow", "block"],
)
def test_very_deep_nesting_is_refused_without_crashing(text: str) -> None:
    start = time.perf_counter()
    problem = error(text)
    assert time.perf_counter() - start < 1.0
    assert problem.rule == "yaml-limits"
    assert problem.message.startswith(f"the YAML is nested more than {MAX_DEPTH} levels deep")


def test_moderate_nesting_is_fine() -> None:
    assert data("[" * 30 + "]" * 30) is not None


def test_unsupported_tags_are_findings_but_str_tag_is_honoured() -> None:
    assert data("a: !!str 2021\n") == {"a": "2021"}
    problem = error("a: !!python/object x\n")
    assert (problem.rule, problem.line, problem.column) == ("yaml-tags", 0, 3)


def test_more_than_one_document_is_an_error() -> None:
    problem = error("a: 1\n---\nb: 2\n")
    assert problem.message.startswith("the file holds more than one YAML document")


def test_empty_file_is_no_data() -> None:
    assert load("").data is None
    assert load("# only a comment\n").data is None


# --- the same data as ruamel.yaml --------------------------------------------------------


def _ruamel() -> YAML:
    yaml = YAML(typ="rt", pure=True)
    yaml.version = (1, 2)
    # dates stay text, as in trygg's loader (pydantic parses them, with positions)
    yaml.constructor.add_constructor(
        "tag:yaml.org,2002:timestamp", lambda c, node: c.construct_scalar(node)
    )
    return yaml


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {_plain(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        return float(value)
    if isinstance(value, datetime | date):  # pragma: no cover - guarded by the constructor
        return value.isoformat()
    return str(value)


def _documents() -> list[Path]:
    found = sorted(EXAMPLES.rglob("*.yaml")) + sorted((FIXTURES / "lint").rglob("*.yaml"))
    found += sorted((FIXTURES / "invalid").rglob("*.yaml"))
    return found


@pytest.mark.parametrize("path", _documents(), ids=lambda p: str(p.relative_to(p.parents[2])))
def test_same_data_as_ruamel(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert data(text) == _plain(_ruamel().load(io.StringIO(text)))


def test_there_are_documents_to_compare() -> None:
    assert len(_documents()) >= 5


# Texts for the two ways a tree is built: inline for a text without anchors, counted
# (aliases bounded) for one with them. Both must read each one alike, errors included.
BUILD_CASES = [
    "a: on\nb: 0755\nc: Nej\nd: nej\ne: [Null, NULL, ~, TRUE, False, +, -, ., -.inf, 0o17]",
    "x: ٣\ny: ''\nz: \"1\"\n? !!str 12\n: twelve\n!!int '7': seven\nn: !!null ''",
    "a: 1\nb:\n  c: 1\n  c: 2",
    "1: x\n1.0: y",
    "true: a\nTrue: b",
    "x: [{a: 1}, {b: 2, b: 3}]",
    "? [a]\n: b",
    "x: " + "9" * 50,
    "x: !!str " + "9" * 50,
    "x: '" + "9" * 50 + "'",
    "a: !foo b",
    "a: !!str [1]",
    "x: !!int 1.0",
    "x: !!bool yes",
    ".nan: 1\n.nan: 2",
    "a: " + "[" * 64 + "]" * 64,
    "a: " + "[" * 62 + "]" * 62,
]


@pytest.mark.parametrize("text", BUILD_CASES)
def test_the_inline_builder_reads_as_the_counting_one_does(text: str) -> None:
    from yaml.nodes import Node

    from trygg_cli.yamlload.build import build
    from trygg_cli.yamlload.parse import _Composer

    root: Node = _Composer(text).get_single_node()

    def outcome(shared: bool) -> tuple[str, Any]:
        try:
            return "data", repr(build(root, shared=shared))
        except YamlError as exc:
            return "error", (exc.rule, exc.message, exc.line, exc.column)

    assert outcome(shared=False) == outcome(shared=True)


def test_the_inline_builder_reports_what_the_counting_one_does() -> None:
    rules = []
    for text in BUILD_CASES:
        try:
            load(text)
        except YamlError as exc:
            rules.append(exc.rule)
    # The cases reach every error the builders raise, not only the happy path.
    assert sorted(set(rules)) == ["duplicate-key", "yaml-limits", "yaml-syntax", "yaml-tags"]
    assert len(rules) == 12


@pytest.mark.parametrize("filler", [0, 20])  # a small mapping is scanned, a large one indexed
def test_a_path_names_a_key_as_it_reads_not_as_it_is_written(filler: int) -> None:
    extra = "".join(f"k{i}: {i}\n" for i in range(filler))
    root = load(extra + "'0x10': a\n0x10: b\n'~': c\n~: d\n'true': e\n1: f\n'1': g\n").root
    first = filler  # the line of the first key above
    assert locate(root, ("0x10",)) == (first, 8)  # the quoted key is the text '0x10'
    assert locate(root, ("16",)) == (first + 1, 6)  # 0x10 plain is the number 16
    assert locate(root, ("~",)) == (first + 2, 5)
    assert locate(root, ("None",)) == (first + 3, 3)  # ~ plain is null
    assert locate(root, ("true",)) == (first + 4, 8)
    assert locate(root, ("1",)) == (first + 5, 3)  # the number 1 and the text '1': the first
    assert locate(root, ("1",), at_key=True) == (first + 5, 0)
    assert locate(root, ("missing", "deeper")) == (0, 0)
