"""Each finding class of `trygg validate`: its exact message and line:column."""

from __future__ import annotations

from helpers import MINIMAL_AGREEMENT

from trygg_cli.check import check_source
from trygg_cli.findings import Finding


def findings(text: str) -> list[tuple[int, int, str, str]]:
    result = check_source("x.yaml", text.encode("utf-8"))
    return [(f.line, f.column, f.rule, f.message) for f in result.findings]


def test_minimal_agreement_is_clean() -> None:
    result = check_source("x.yaml", MINIMAL_AGREEMENT.encode())
    assert result.checked and result.findings == []
    assert result.index is not None and result.index.doc_id == "test-lokal"


def test_files_without_the_marker_are_skipped_even_when_broken() -> None:
    assert not check_source("ci.yml", b"on: push\njobs: {x: [\n").checked
    assert not check_source("other.yaml", b"title: |\n  trygg: 1\n").checked


def test_yaml_syntax_error() -> None:
    assert findings("trygg: 1\nkind: agreement\ntitle: Trygg i Mölndal: 2023\n") == [
        (
            3,
            23,
            "yaml-syntax",
            "a ':' appears where a new key cannot start; if this is text "
            "that contains ': ', put the whole value in quotes, otherwise check the indentation",
        )
    ]


def test_duplicate_key() -> None:
    assert findings(MINIMAL_AGREEMENT + "title: Igen\n") == [
        (
            17,
            1,
            "duplicate-key",
            "the key 'title' appears twice in the same mapping (first on line 4); remove one of them",
        )
    ]


def test_unknown_key_with_did_you_mean() -> None:
    text = MINIMAL_AGREEMENT.replace("  until: 2026-12-31", "  untill: 2026-12-31")
    assert findings(text) == [(16, 3, "unknown-key", "unknown key 'untill'; did you mean 'until'?")]


def test_unknown_key_without_a_close_match_lists_the_allowed_keys() -> None:
    text = MINIMAL_AGREEMENT.replace("    type: stad\n", "    type: stad\n    xyz: 1\n")
    [(line, column, rule, message)] = findings(text)
    assert (line, column, rule) == (11, 5, "unknown-key")
    assert message == "unknown key 'xyz'; allowed here: id, name, type"


def test_wrong_type_suggests_quotes_for_numbers_meant_as_text() -> None:
    text = MINIMAL_AGREEMENT.replace("title: Lokal samverkansöverenskommelse", "title: 2023")
    assert findings(text) == [
        (
            4,
            8,
            "wrong-type",
            "'title' should be text, not a number; put it in quotes to keep it as text",
        )
    ]


def test_wrong_type_list_expected() -> None:
    text = MINIMAL_AGREEMENT + "bodies: BRÅ\n"
    assert findings(text) == [
        (17, 9, "wrong-type", "'bodies' should be a list (lines starting with '- '), not text")
    ]


def test_missing_required_field_is_located_at_its_parent_mapping() -> None:
    text = MINIMAL_AGREEMENT + "bodies:\n  - id: bra\n    level: strategisk\n"
    assert findings(text) == [
        (18, 5, "missing-field", "'name' is required here but missing; add it")
    ]


def test_bad_date() -> None:
    text = MINIMAL_AGREEMENT.replace("from: 2023-05-01", "from: 2025-13-01")
    assert findings(text) == [
        (
            15,
            9,
            "bad-date",
            "'2025-13-01' is not a date that exists; check the month (01–12) and the day",
        )
    ]
    text = MINIMAL_AGREEMENT.replace("from: 2023-05-01", "from: 1 maj 2023")
    assert findings(text) == [
        (
            15,
            9,
            "bad-date",
            "'1 maj 2023' is not a date; write dates as YYYY-MM-DD, for example 2023-05-01",
        )
    ]


def test_bad_enum_value_with_did_you_mean() -> None:
    text = MINIMAL_AGREEMENT.replace("scope: local", "scope: lokal")
    assert findings(text) == [
        (
            5,
            8,
            "bad-value",
            "'lokal' is not allowed for 'scope'; use one of: central, local; did you mean 'local'?",
        )
    ]


def test_unknown_kind_with_did_you_mean() -> None:
    assert findings("trygg: 1\nkind: agreemnt\n") == [
        (
            2,
            7,
            "unknown-kind",
            "'agreemnt' is not a kind of trygg document; did you mean 'agreement'?",
        )
    ]


def test_missing_kind_and_unsupported_version() -> None:
    assert findings("trygg: 1\nid: x\n") == [
        (
            1,
            1,
            "missing-field",
            "'kind' is missing; add 'kind:' with one of: agreement, action-plan, citizen-promise, follow-up",
        )
    ]
    assert findings("trygg: 2\nkind: agreement\n") == [
        (
            1,
            8,
            "unsupported-version",
            "this file says 'trygg: 2', but this trygg reads version 1; "
            "write 'trygg: 1' or update trygg",
        )
    ]


def test_schedule_must_say_when() -> None:
    text = MINIMAL_AGREEMENT + "follow_up:\n  text: Uppföljning sker.\n"
    assert findings(text) == [
        (
            18,
            3,
            "bad-value",
            "this schedule does not say when; add 'times' and 'unit' (e.g. four "
            "times a year), 'every' (e.g. every 2 years), 'first' for a single occasion, or "
            "'qualifier: as_needed'",
        )
    ]


def test_duplicate_item_id_within_a_document() -> None:
    text = MINIMAL_AGREEMENT.replace("  - id: polis", "  - id: stad")
    assert findings(text) == [
        (
            11,
            9,
            "duplicate-id",
            "the party id 'stad' is already used on line 8; give each party its own id",
        )
    ]


def test_bad_id() -> None:
    text = MINIMAL_AGREEMENT.replace("id: test-lokal", "id: Mölndal 2023")
    assert findings(text) == [
        (
            3,
            5,
            "bad-value",
            "'Mölndal 2023' is not a usable id; use lowercase a–z, digits and '-', "
            "for example 'unga-i-riskzon'",
        )
    ]


def test_non_utf8_is_located() -> None:
    result = check_source("x.yaml", "trygg: 1\ntitle: M\u00f6lndal\n".encode("latin-1"))
    assert result.findings == [
        Finding("x.yaml", 2, 9, "encoding", "byte 0xf6 is not UTF-8 text; save the file as UTF-8")
    ]


def test_every_error_is_reported_not_just_the_first() -> None:
    text = (
        MINIMAL_AGREEMENT.replace("scope: local", "scope: lokal").replace(
            "from: 2023-05-01", "from: 2025-13-01"
        )
        + "extra: 1\n"
    )
    assert [rule for _, _, rule, _ in findings(text)] == ["bad-value", "bad-date", "unknown-key"]


def test_the_reference_pass_keeps_each_target_once_and_the_placed_one_every_place() -> None:
    """The workspace keeps targets (nothing located); it reads a file again with the
    placed pass for the few that point at nothing, and both see the same references."""
    from helpers import EXAMPLES

    from trygg_cli.check import PLACED_REFERENCES, REFERENCES
    from trygg_cli.check.results import Ref, Target

    files = sorted(EXAMPLES.rglob("*.yaml"))
    assert files
    for path in files:
        raw = path.read_bytes()
        targets = check_source(str(path), raw, passes=(REFERENCES,)).refs
        placed = check_source(str(path), raw, passes=(PLACED_REFERENCES,)).refs
        assert all(type(t) is Target for t in targets)
        assert all(type(r) is Ref for r in placed)
        assert targets == list(dict.fromkeys(Target(*r[4:8]) for r in placed))
    assert REFERENCES.fingerprint() != PLACED_REFERENCES.fingerprint()


def test_a_placed_reference_stands_where_it_is_written() -> None:
    from trygg_cli.check import PLACED_REFERENCES

    text = MINIMAL_AGREEMENT + "citizen_promises:\n  - ett-lofte\n  - 'ett-annat'\n"
    refs = check_source("x.yaml", text.encode(), passes=(PLACED_REFERENCES,)).refs
    lines = len(MINIMAL_AGREEMENT.splitlines())
    promises = [(r.line, r.column, r.target_id) for r in refs if r.collection == "document"]
    assert promises == [(lines + 2, 5, "ett-lofte"), (lines + 3, 5, "ett-annat")]
