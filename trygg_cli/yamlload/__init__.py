"""Read YAML with every node's position: :mod:`~trygg_cli.yamlload.parse` turns text into
data and a node tree (fast, YAML 1.2, bounded against hostile input);
:mod:`~trygg_cli.yamlload.positions` finds where a YAML path or a word is written."""

from __future__ import annotations

from trygg_cli.yamlload.limits import MAX_DEPTH, MAX_NODES, YamlError
from trygg_cli.yamlload.parse import MAX_ALIAS_NODES, MAX_BYTES, LoadedYaml, decode, load
from trygg_cli.yamlload.positions import Located, locate, node_at, value_at

__all__ = [
    "MAX_ALIAS_NODES",
    "MAX_BYTES",
    "MAX_DEPTH",
    "MAX_NODES",
    "LoadedYaml",
    "Located",
    "YamlError",
    "decode",
    "load",
    "locate",
    "node_at",
    "value_at",
]
