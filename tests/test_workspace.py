"""References between documents, duplicate document ids, discovery and parallel checking."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import MINIMAL_AGREEMENT

from trygg_cli import workspace as ws
from trygg_cli.errors import TryggError
from trygg_cli.workspace import load_paths, load_sources

PLAN = """\
trygg: 1
kind: action-plan
id: plan
title: Åtgärdsplan
agreement: test-lokal
actions:
  - id: a1
    title: Trygghetsvandring
    priority: unga
    performs:
      - party: polisen
    follows_up:
      - body: bra
"""

AGREEMENT = (
    MINIMAL_AGREEMENT
    + """\
bodies:
  - id: bra
    name: BRÅ Mölndal
    level: strategisk
    reports_to: kommunstyrelsen
priorities:
  - id: unga-i-riskzon
    title: Ungdomar i riskzon
action_plans: [plan, plan-2024]
"""
)


def lines(workspace: ws.Workspace) -> list[str]:
    return [f"{f.path}:{f.line}:{f.column}: [{f.rule}] {f.message}" for f in workspace.findings]


def test_dangling_references_inside_and_across_documents() -> None:
    workspace = load_sources({"a.yaml": AGREEMENT.encode(), "p.yaml": PLAN.encode()})
    assert lines(workspace) == [
        "a.yaml:21:17: [dangling-reference] the body 'kommunstyrelsen' is not in this document; known: bra",
        "a.yaml:25:22: [dangling-reference] there is no action plan with id 'plan-2024' in the files "
        "checked (did you mean 'plan'?); check the id or add its file",
        "p.yaml:9:15: [dangling-reference] the priority 'unga' is not in agreement 'test-lokal'; "
        "known: unga-i-riskzon",
        "p.yaml:11:16: [dangling-reference] the party 'polisen' is not in agreement 'test-lokal' "
        "(did you mean 'polis'?); known: polis, stad",
    ]


def test_reference_to_a_document_of_the_wrong_kind() -> None:
    text = AGREEMENT.replace("action_plans: [plan, plan-2024]", "action_plans: [test-lokal]")
    workspace = load_sources({"a.yaml": text.encode()})
    assert lines(workspace) == [
        "a.yaml:21:17: [dangling-reference] the body 'kommunstyrelsen' is not in this document; known: bra",
        "a.yaml:25:16: [dangling-reference] 'test-lokal' is an agreement (a.yaml), but an action "
        "plan is needed here",
    ]


def test_a_missing_agreement_is_reported_once_not_for_every_action() -> None:
    workspace = load_sources({"p.yaml": PLAN.encode()})
    assert lines(workspace) == [
        "p.yaml:5:12: [dangling-reference] there is no agreement with id 'test-lokal' in the files "
        "checked; check the id or add its file",
    ]


def test_references_into_a_document_with_schema_errors_are_not_guessed() -> None:
    broken = AGREEMENT.replace("scope: local", "scope: lokal")
    workspace = load_sources({"a.yaml": broken.encode(), "p.yaml": PLAN.encode()})
    assert [f.rule for f in workspace.findings] == ["bad-value"]


def test_duplicate_document_id_across_files() -> None:
    workspace = load_sources(
        {"a.yaml": MINIMAL_AGREEMENT.encode(), "b.yaml": MINIMAL_AGREEMENT.encode()}
    )
    assert lines(workspace) == [
        "b.yaml:3:5: [duplicate-id] the document id 'test-lokal' is already used in a.yaml:3; "
        "give each document its own id"
    ]


def test_github_workflows_beside_trygg_files_validate_clean(
    write: Callable[..., Path], tmp_path: Path
) -> None:
    write("agreement.yaml", MINIMAL_AGREEMENT)
    write(".github/workflows/ci.yml", "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n")
    write("config/other.yml", "on: yes\nnot: [trygg\n")
    workspace = load_paths([str(tmp_path)])
    assert workspace.findings == []
    assert [Path(p).name for p in workspace.checked] == ["agreement.yaml"]
    assert [Path(p).name for p in workspace.skipped] == ["other.yml"]


def test_missing_path_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(TryggError, match="does not exist"):
        load_paths([str(tmp_path / "nope")])


def test_parallel_and_sequential_agree(
    write: Callable[..., Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for i in range(40):
        text = MINIMAL_AGREEMENT.replace("id: test-lokal", f"id: avtal-{i}")
        if i % 7 == 0:
            text = text.replace("scope: local", "scope: lokal")
        write(f"m{i:02d}/agreement.yaml", text)
    sequential = load_paths([str(tmp_path)], jobs=1)
    monkeypatch.setattr(ws.load, "_PARALLEL_MIN_FILES", 1)
    monkeypatch.setattr(ws.load, "_PARALLEL_MIN_BYTES", 0)
    seen: list[tuple[int, int]] = []
    parallel = load_paths([str(tmp_path)], jobs=2, progress=lambda d, t: seen.append((d, t)))
    assert parallel.findings == sequential.findings
    assert len(parallel.findings) == 6
    assert seen[-1] == (40, 40)


def test_unreadable_file_is_a_finding(tmp_path: Path) -> None:
    (tmp_path / "gone.yaml").symlink_to(tmp_path / "missing-target.yaml")
    [finding] = load_paths([str(tmp_path)]).findings
    assert (finding.line, finding.column, finding.rule) == (1, 1, "read-error")
    assert finding.message == "the file could not be read: No such file or directory"


def test_a_file_with_broken_yaml_is_not_also_reported_as_missing() -> None:
    broken_plan = PLAN.replace("title: Åtgärdsplan", "title: Åtgärdsplan: [") + "\n"
    agreement = AGREEMENT.replace("action_plans: [plan, plan-2024]", "action_plans: [plan]")
    workspace = load_sources({"a.yaml": agreement.encode(), "p.yaml": broken_plan.encode()})
    assert [line for line in lines(workspace) if "bra" not in line] == [
        "p.yaml:4:19: [yaml-syntax] a ':' appears where a new key cannot start; if this is "
        "text that contains ': ', put the whole value in quotes, otherwise check the indentation"
    ]


def test_broken_yaml_without_a_readable_id_still_leaves_the_link_dangling() -> None:
    broken_plan = PLAN.replace("id: plan", "id: [plan").encode()
    agreement = AGREEMENT.replace("action_plans: [plan, plan-2024]", "action_plans: [plan]")
    workspace = load_sources({"a.yaml": agreement.encode(), "p.yaml": broken_plan})
    assert (
        "a.yaml:25:16: [dangling-reference] there is no action plan with id 'plan' in the "
        "files checked; check the id or add its file" in lines(workspace)
    )


def test_a_dangling_link_among_thousands_of_documents_still_gets_its_did_you_mean() -> None:
    from trygg_cli.check.results import DocIndex, FileResult, Ref
    from trygg_cli.workspace.resolve import assemble

    results = [
        FileResult(
            f"{town}.yaml",
            checked=True,
            index=DocIndex(
                f"{town}-atgardsplan-2024", "action-plan", f"{town}.yaml", 1, 1, {}, True
            ),
        )
        for town in (f"kommun{i:04d}" for i in range(3000))
    ]
    link = Ref(
        "a.yaml",
        9,
        3,
        ("action_plans", 0),
        "kommun1234-atgardsplan-2042",
        "document",
        "kommun1234-atgardsplan-2042",
        "action-plan",
    )
    results.append(FileResult("a.yaml", checked=True, refs=[link]))
    findings, _by_id = assemble(results, lambda path: pytest.fail(f"{path} read again"))
    [dangling] = [f for f in findings if f.rule == "dangling-reference"]
    assert "kommun1234-atgardsplan-2024" in dangling.message  # the did-you-mean


def test_a_caller_that_consumes_outputs_as_they_arrive_keeps_none(tmp_path: Path) -> None:
    from trygg_cli.check.passes import KEEP_DOCUMENT, REFERENCES
    from trygg_cli.check.results import FileResult

    (tmp_path / "agreement.yaml").write_text(AGREEMENT, encoding="utf-8")
    (tmp_path / "plan.yaml").write_text(PLAN, encoding="utf-8")
    seen: list[str] = []

    def arrived(result: FileResult) -> None:
        if KEEP_DOCUMENT.name in result.outputs:
            seen.append(result.path)

    passes = (REFERENCES, KEEP_DOCUMENT)
    kept = load_paths([str(tmp_path)], passes=passes, on_result=arrived, keep_outputs=())
    whole = load_paths([str(tmp_path)], passes=passes)
    assert sorted(seen) == sorted(r.path for r in whole.results if r.outputs)
    assert seen and [r.outputs for r in kept.results if r.outputs] == []
    assert kept.findings == whole.findings and kept.by_id.keys() == whole.by_id.keys()


def test_the_workspace_keeps_where_a_link_points_and_finds_its_place_when_it_dangles(
    tmp_path: Path,
) -> None:
    """Each distinct target once per file; the place of a dangling one read again."""
    from trygg_cli.check.results import Target

    plan = PLAN.replace("priority: unga", "priority: unga-i-riskzon")
    plan += (
        "  - id: a2\n    title: Till\n    priority: saknas\n    performs:\n      - party: polisen\n"
    )
    (tmp_path / "agreement.yaml").write_text(AGREEMENT, encoding="utf-8")
    (tmp_path / "plan.yaml").write_text(plan, encoding="utf-8")
    workspace = load_paths([str(tmp_path)], jobs=1)
    kept = {r.path: r.refs for r in workspace.results}
    plan_refs = kept[str(tmp_path / "plan.yaml")]
    assert all(type(ref) is Target for ref in plan_refs)
    assert len(plan_refs) == len(set(plan_refs))  # 'polisen' twice, kept once
    plan_path = str(tmp_path / "plan.yaml")
    places = [(f.line, f.yaml_path) for f in workspace.findings if f.path == plan_path]
    assert places == [
        (11, ("actions", 0, "performs", 0, "party")),  # 'polisen': one target, two places
        (16, ("actions", 1, "priority")),
        (18, ("actions", 1, "performs", 0, "party")),
    ]
