"""Property tests: whatever bytes or YAML trees arrive, validate answers with findings."""

from __future__ import annotations

from typing import Any

import yaml
from helpers import MINIMAL_AGREEMENT
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from trygg_cli.check import check_source
from trygg_cli.findings import Finding

KEYS = [
    "trygg",
    "kind",
    "id",
    "title",
    "scope",
    "parties",
    "validity",
    "from",
    "until",
    "bodies",
    "members",
    "meetings",
    "times",
    "every",
    "first",
    "done",
    "party",
    "name",
    "type",
    "level",
    "priorities",
    "goals",
    "actions",
    "agreement",
    "commitments",
]

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**6), 10**6),
    st.floats(allow_nan=False),
    st.text(max_size=20),
    st.sampled_from(
        ["2025-13-01", "2023-05-01", "agreement", "local", "stad", "about", "year", "validity_end"]
    ),
)
trees = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(
            st.one_of(st.sampled_from(KEYS), st.text(max_size=8)), children, max_size=5
        ),
    ),
    max_leaves=30,
)


def _assert_findings_only(raw: bytes) -> None:
    result = check_source("x.yaml", raw)
    for finding in result.findings:
        assert isinstance(finding, Finding)
        assert finding.line >= 1 and finding.column >= 1
        assert "\n" not in finding.message


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=400))
def test_arbitrary_bytes_after_the_marker(raw: bytes) -> None:
    _assert_findings_only(b"trygg: 1\n" + raw)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=400))
def test_arbitrary_bytes(raw: bytes) -> None:
    _assert_findings_only(raw)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(trees, st.sampled_from(["agreement", "action-plan", "citizen-promise"]))
def test_arbitrary_yaml_trees(tree: Any, kind: str) -> None:
    document = {"trygg": 1, "kind": kind, **(tree if isinstance(tree, dict) else {"x": tree})}
    _assert_findings_only(yaml.safe_dump(document, allow_unicode=True).encode())


@settings(max_examples=200, deadline=None)
@given(st.integers(0, len(MINIMAL_AGREEMENT) - 1), st.text(max_size=5))
def test_edits_of_a_valid_document(position: int, insert: str) -> None:
    text = MINIMAL_AGREEMENT[:position] + insert + MINIMAL_AGREEMENT[position:]
    _assert_findings_only(text.encode("utf-8", "surrogatepass"))
