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


def _assert_findings_only(raw: bytes) -> bool:
    """Check ``raw``; every problem must be a located one-line Finding. Returns whether the
    checker read the file as a trygg document (``checked``) rather than skipping it."""
    result = check_source("x.yaml", raw)
    for finding in result.findings:
        assert isinstance(finding, Finding)
        assert finding.line >= 1 and finding.column >= 1
        assert "\n" not in finding.message
    return result.checked


MARKER = b"trygg: 1\n"
VALID = MINIMAL_AGREEMENT.encode("utf-8")
# Random bytes are nearly always invalid UTF-8 and stop at the decoder; text, and text
# made of YAML's own punctuation, gets on to the parser, the schema and the references.
noise = st.one_of(
    st.binary(max_size=400),
    st.text(max_size=200).map(str.encode),
    st.text(st.sampled_from(":-?[]{},#&*!|>'\"%@`\n\t\r \ufeffa1"), max_size=60).map(str.encode),
)


@st.composite
def bytes_that_reach_the_checker(draw: st.DrawFn) -> bytes:
    """Arbitrary bytes placed where the checker must read them: before a marker line,
    inside a valid document (after "trygg:" alone is the test above), or in a file with a
    byte-order mark or another encoding. A marker stays at the start of a line, all the
    checker asks of a file before it reads it; a BOM or UTF-16 on the marker's own line
    would hide it."""
    place = draw(st.sampled_from(["before", "inside", "bom", "encoding"]))
    junk = draw(noise)
    if place == "before":
        return junk + b"\n" + MARKER + draw(st.sampled_from([b"", VALID]))
    if place == "inside":  # anywhere after "trygg:", the marker itself left whole
        at = draw(st.integers(len(b"trygg:"), len(VALID)))
        return VALID[:at] + junk + VALID[at:]
    if place == "bom":  # a byte-order mark, the marker on a later line
        bom = draw(st.sampled_from([b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"]))
        return bom + junk + b"\n" + VALID
    text = "# " + junk.decode("latin-1") + "\n" + MINIMAL_AGREEMENT
    encoding = draw(st.sampled_from(["latin-1", "cp1252", "utf-8-sig", "utf-16"]))
    if encoding == "utf-16":  # no ASCII marker survives UTF-16: one stays on line 1
        return MARKER + text.encode("utf-16")
    return text.encode(encoding, "replace")


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=400))
def test_arbitrary_bytes_after_the_marker(raw: bytes) -> None:
    _assert_findings_only(b"trygg: 1\n" + raw)


def test_arbitrary_bytes() -> None:
    reached: list[bool] = []

    @settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(bytes_that_reach_the_checker())
    def check(raw: bytes) -> None:
        reached.append(_assert_findings_only(raw))

    check()
    # Bytes that never reach the checker prove nothing: most examples must be checked.
    assert sum(reached) >= 0.9 * len(reached), f"{sum(reached)} of {len(reached)} checked"


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
