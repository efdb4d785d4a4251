"""``trygg init`` and ``trygg new``: what they write passes trygg, pre-commit and CI."""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from helpers import EXAMPLES, ROOT, Result
from typer.main import get_command

from trygg_cli.cli import app
from trygg_cli.scaffold.init import first_year

BIN = str(Path(sys.executable).parent)


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _git(cwd: Path, *args: str) -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org"}
    env |= {"GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, env=env)


GITHUB_FILES = [
    ".github/workflows/trygg-due.yml",
    ".github/workflows/trygg.yml",
    ".pre-commit-config.yaml",
    ".trygg.yaml",
    ".vscode/extensions.json",
    ".vscode/settings.json",
    "atgardsplaner/molndal-atgardsplan-{year}.yaml",
    "overenskommelser/molndal-lokal-{year}.yaml",
    "schemas/action-plan.schema.json",
    "schemas/agreement.schema.json",
    "schemas/citizen-promise.schema.json",
    "schemas/follow-up.schema.json",
]


def _lint_rules(cli: Callable[..., Result], *args: str) -> set[tuple[str, str]]:
    """The rules and severities ``trygg lint`` reports in the current folder."""
    report = json.loads(cli("lint", "--format", "json", *args, ".").stdout)
    return {(f["rule"], f["severity"]) for f in report["findings"]}


def _files(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


def test_init_sets_up_a_repository_that_passes_validate_and_lint(
    here: Path, cli: Callable[..., Result]
) -> None:
    from datetime import date

    result = cli("init", "--municipality", "Mölndal")
    assert result.exit_code == 0, result.stderr
    year = first_year(date.today())
    assert _files(here) == [name.format(year=year) for name in GITHUB_FILES]
    assert result.stderr.count("created ") == len(GITHUB_FILES)
    assert result.stderr.endswith(
        "Next:\n"
        "1. git init && git add -A (a repository, with everything staged)\n"
        "2. pre-commit install && pre-commit run --all-files (the checks before each commit)\n"
        "3. trygg due (what falls due; record what is done with 'trygg done REF')\n"
    )
    assert cli("validate", ".").exit_code == 0
    linted = cli("lint", ".")
    assert linted.exit_code == 0, linted.stdout
    # What is left to write, as advice: no placeholder, nothing that fails lint.
    assert _lint_rules(cli) == {("TRY109", "info")}
    agreement = yaml.safe_load((here / f"overenskommelser/molndal-lokal-{year}.yaml").read_text())
    assert agreement["action_plans"] == [f"molndal-atgardsplan-{year}"]
    assert agreement["parties"][0] == {"id": "molndal", "name": "Mölndals stad", "type": "stad"}


@pytest.mark.parametrize("ci", ["github", "gitlab"])
def test_a_new_repository_passes_its_own_scheduled_due_job(
    here: Path, cli: Callable[..., Result], ci: str
) -> None:
    """Day one: the weekly job the workflow runs (trygg due --overdue --fail-on overdue) is
    green right after init, whatever the day of the year."""
    from datetime import date, timedelta

    assert cli("init", "-m", "Motala", "--ci", ci).exit_code == 0
    today = date.today()
    # Its first days, wherever in the year it is made (in December: the year-end too).
    for day in (today, today + timedelta(days=1), today + timedelta(days=30)):
        due = cli("due", "--as-of", day.isoformat(), "--overdue", "--fail-on", "overdue", ".")
        assert due.exit_code == 0, due.stdout


def test_init_never_replaces_a_file_without_force(here: Path, cli: Callable[..., Result]) -> None:
    (here / ".trygg.yaml").write_text("# mitt eget\n", encoding="utf-8")
    result = cli("init", "-m", "Borås")
    assert result.exit_code == 0
    assert (here / ".trygg.yaml").read_text(encoding="utf-8") == "# mitt eget\n"
    assert "exists, left alone (--force replaces it): .trygg.yaml" in result.stderr
    again = cli("init", "-m", "Borås", "--force")
    assert "replaced .trygg.yaml" in again.stderr
    assert "fail_on: warning" in (here / ".trygg.yaml").read_text(encoding="utf-8")


def test_init_needs_a_municipality_when_nobody_can_be_asked(
    here: Path, cli: Callable[..., Result]
) -> None:
    result = cli("init")
    assert result.exit_code == 2
    assert result.stderr == "error: give --municipality NAME\n"
    assert _files(here) == []


def test_init_municipality_motala_writes_motala_kommun_never_motalas(
    here: Path, cli: Callable[..., Result]
) -> None:
    from datetime import date

    assert cli("init", "--municipality", "Motala").exit_code == 0
    text = (here / f"overenskommelser/motala-lokal-{first_year(date.today())}.yaml").read_text(
        "utf-8"
    )
    agreement = yaml.safe_load(text)
    assert agreement["municipality"] == "Motala"
    assert agreement["parties"][0] == {"id": "motala", "name": "Motala kommun", "type": "kommun"}
    assert agreement["title"] == "Lokal samverkansöverenskommelse mellan Motala kommun och Polisen"
    assert "Motalas" not in text
    assert "är inte en av Sveriges 290 kommuner" not in text


@pytest.mark.parametrize(
    ("given", "name", "party"),
    [
        ("Göteborg", "Göteborg", {"id": "goteborg", "name": "Göteborgs Stad", "type": "stad"}),
        (
            "göteborgs stad",
            "Göteborg",
            {"id": "goteborg", "name": "Göteborgs Stad", "type": "stad"},
        ),
        ("0980", "Gotland", {"id": "gotland", "name": "Region Gotland", "type": "region"}),
        (
            "Upplands Väsby",
            "Upplands Väsby",
            {"id": "upplands-vasby", "name": "Upplands Väsby kommun", "type": "kommun"},
        ),
        ("NÄSSJÖ", "Nässjö", {"id": "nassjo", "name": "Nässjö kommun", "type": "kommun"}),
    ],
)
def test_init_takes_any_name_or_the_kommunkod_and_writes_the_municipality_s_own_name(
    here: Path, cli: Callable[..., Result], given: str, name: str, party: dict[str, str]
) -> None:
    assert cli("init", "-m", given).exit_code == 0
    (path,) = (here / "overenskommelser").glob("*.yaml")
    agreement = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert (agreement["municipality"], agreement["parties"][0]) == (name, party)
    assert cli("validate", ".").stdout == ""


def test_goteborgs_stad_typed_at_init_s_question_stays_goteborgs_stad(
    here: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from typer.testing import CliRunner

    monkeypatch.setattr("trygg_cli.cli.terminal.interactive", lambda: True)
    result = CliRunner().invoke(app, ["init"], input="Göteborgs stad\n")
    assert result.exit_code == 0, result.output
    (path,) = (here / "overenskommelser").glob("*.yaml")
    text = path.read_text(encoding="utf-8")
    assert yaml.safe_load(text)["parties"][0]["name"] == "Göteborgs Stad"
    assert "stads kommun" not in text


def test_init_refuses_a_near_miss_and_writes_an_unknown_name_as_given_saying_so(
    here: Path, cli: Callable[..., Result]
) -> None:
    missed = cli("init", "-m", "Mölnål")
    assert missed.exit_code == 2
    assert (
        missed.stderr == "error: 'Mölnål' is not a Swedish municipality; did you mean 'Mölndal'?\n"
    )
    assert _files(here) == []
    assert cli("init", "-m", "Qwertyhamn").exit_code == 0
    (path,) = (here / "overenskommelser").glob("*.yaml")
    text = path.read_text(encoding="utf-8")
    assert (
        "# Qwertyhamn är inte en av Sveriges 290 kommuner, så trygg har skrivit kommunen som\n"
        in text
    )
    assert yaml.safe_load(text)["parties"][0]["name"] == "Qwertyhamn kommun"
    validated = cli("validate", ".")
    assert (
        validated.exit_code == 0
        and "warning [unknown-municipality] 'Qwertyhamn'" in validated.stdout
    )


def _trygg_commands(workflow: object) -> list[list[str]]:
    """The trygg command lines in a workflow's steps (GitHub) or scripts (GitLab)."""
    found: list[list[str]] = []
    if isinstance(workflow, dict):
        for key, value in workflow.items():
            if key in ("run", "script") or isinstance(value, dict | list):
                found += _trygg_commands(value)
    elif isinstance(workflow, list):
        for item in workflow:
            found += _trygg_commands(item)
    elif isinstance(workflow, str):
        for line in workflow.splitlines():
            words = shlex.split(line)
            if words[:1] == ["trygg"]:
                found.append(words)
    return found


def _assert_trygg_commands_exist(commands: list[list[str]]) -> None:
    group = get_command(app)
    for words in commands:
        command = group.commands[words[1]]  # type: ignore[attr-defined]
        known = {opt for param in command.params for opt in param.opts}
        for word in words[2:]:
            if word.startswith("-"):
                assert word.split("=")[0] in known, f"{words[1]} has no option {word}"


def test_the_github_workflows_are_yaml_calling_trygg_commands_that_exist(
    here: Path, cli: Callable[..., Result]
) -> None:
    assert cli("init", "-m", "Mölndal").exit_code == 0
    checks = yaml.safe_load((here / ".github/workflows/trygg.yml").read_text(encoding="utf-8"))
    due = yaml.safe_load((here / ".github/workflows/trygg-due.yml").read_text(encoding="utf-8"))
    # PyYAML reads the key 'on' as YAML 1.1's true; GitHub reads it as 'on'.
    assert checks[True] == {"push": None, "pull_request": None}
    assert set(due[True]) == {"schedule", "workflow_dispatch"}
    commands = _trygg_commands(checks) + _trygg_commands(due)
    assert {words[1] for words in commands} == {"validate", "lint", "diff", "due"}
    assert [
        "trygg",
        "lint",
        "--format",
        "sarif",
        "--output",
        "trygg.sarif",
        "--fail-on",
        "error",
        ".",
    ] in commands
    assert any(
        words[1] == "due" and words[words.index("--fail-on") + 1] == "overdue"
        for words in commands
        if "--fail-on" in words
    )
    _assert_trygg_commands_exist(commands)
    steps = checks["jobs"]["check"]["steps"]
    assert any(
        step.get("uses", "").startswith("github/codeql-action/upload-sarif") for step in steps
    )


def test_the_gitlab_variant(here: Path, cli: Callable[..., Result]) -> None:
    assert cli("init", "-m", "Mölndal", "--ci", "gitlab").exit_code == 0
    assert not (here / ".github").exists()
    pipeline = yaml.safe_load((here / ".gitlab-ci.yml").read_text(encoding="utf-8"))
    commands = _trygg_commands(pipeline)
    assert {words[1] for words in commands} == {"validate", "lint", "diff", "due"}
    _assert_trygg_commands_exist(commands)
    check = pipeline["trygg-check"]
    assert check["artifacts"]["reports"]["codequality"] == "gl-code-quality-report.json"
    # No job is named 'trygg': trygg would read that key as its own format marker.
    assert "trygg" not in pipeline
    assert cli("validate", str(here / ".gitlab-ci.yml")).exit_code == 1  # named: not a document
    assert cli("validate", str(here)).exit_code == 0  # in a folder: skipped


pre_commit = pytest.mark.skipif(
    shutil.which("pre-commit", path=BIN + os.pathsep + os.environ.get("PATH", "")) is None,
    reason="pre-commit is not installed",
)


def _pre_commit(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PATH": BIN + os.pathsep + os.environ["PATH"]}
    env["PRE_COMMIT_HOME"] = str(cwd.parent / "pre-commit-home")
    exe = shutil.which("pre-commit", path=env["PATH"])
    assert exe is not None
    return subprocess.run([exe, *args], cwd=cwd, capture_output=True, text=True, env=env)


@pre_commit
def test_init_then_pre_commit_run_all_files_passes(here: Path, cli: Callable[..., Result]) -> None:
    repo = here / "repo"
    assert cli("init", str(repo), "-m", "Mölndal").exit_code == 0
    _git(repo, "init", "-q")
    _git(repo, "add", "-A")
    done = _pre_commit(repo, "run", "--all-files")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "trygg validate" in done.stdout and "Passed" in done.stdout
    # And it stops a broken file.
    broken = repo / "overenskommelser" / "trasig.yaml"
    broken.write_text("trygg: 1\nkind: agreement\nid: Trasig\n", encoding="utf-8")
    _git(repo, "add", "-A")
    failed = _pre_commit(repo, "run", "--all-files")
    assert failed.returncode == 1
    assert "trasig.yaml:3:5" in failed.stdout


@pre_commit
def test_the_published_hooks_work_with_pre_commit_itself(here: Path) -> None:
    """.pre-commit-hooks.yaml, installed by pre-commit from this checkout (try-repo)."""
    repo = here / "repo"
    shutil.copytree(ROOT / "examples", repo / "examples")
    _git(repo, "init", "-q")
    _git(repo, "add", "-A")
    # No hook id: one run, so one install of trygg, tries every hook the repository has.
    done = _pre_commit(repo, "try-repo", str(ROOT), "--all-files")
    assert done.returncode == 0, done.stdout + done.stderr
    for name in ("trygg validate", "trygg lint"):
        assert re.search(rf"^{name}\.+Passed$", done.stdout, re.MULTILINE), done.stdout


def _listing(folder: Path) -> dict[str, tuple[int, int]] | None:
    """Every file under ``folder`` with its size and modification time; None: no folder."""
    if not folder.exists():
        return None
    return {
        p.relative_to(folder).as_posix(): (p.stat().st_size, p.stat().st_mtime_ns)
        for p in sorted(folder.rglob("*"))
    }


def test_cli_runs_on_the_examples_leave_the_checkout_alone(cli: Callable[..., Result]) -> None:
    """The suite's usual calls, on examples/ inside this checkout: the cache goes to the
    folder conftest names in TRYGG_CACHE_DIR, never to the checkout's .trygg-cache/."""
    before = _listing(ROOT / ".trygg-cache")
    assert cli("validate", str(EXAMPLES)).exit_code == 0
    assert cli("lint", "--today", "2026-11-25", str(EXAMPLES)).exit_code == 0
    assert cli("due", "--as-of", "2026-11-25", str(EXAMPLES)).exit_code == 0
    assert _listing(ROOT / ".trygg-cache") == before
    if (ROOT / ".git").exists():  # a git checkout (an unpacked sdist keeps no cache at all)
        assert list(Path(os.environ["TRYGG_CACHE_DIR"]).glob("*.pack")), "no cache was kept"


def test_new_documents_pass_validate(here: Path, cli: Callable[..., Result]) -> None:
    from datetime import date

    year = date.today().year  # trygg new: this year (init: first_year)
    assert cli("new", "agreement", "-m", "Upplands Väsby").exit_code == 0
    agreement_id = f"upplands-vasby-lokal-{year}"
    assert (here / "overenskommelser" / f"{agreement_id}.yaml").is_file()
    plan = cli("new", "action-plan", "--agreement", agreement_id)
    assert plan.exit_code == 0, plan.stderr
    assert f"created atgardsplaner/upplands-vasby-atgardsplan-{year}.yaml" in plan.stderr
    promise = cli(
        "new", "citizen-promise", "--agreement", agreement_id, "-o", "lofte.yaml",
        "--problem", "Otrygghet vid resecentrum.",
        "--promise", "Kommunen ordnar belysning.", "--promise", "Polisen patrullerar.",
    )  # fmt: skip
    assert promise.exit_code == 0, promise.stderr
    central = cli("new", "agreement", "-m", "Upplands Väsby", "--scope", "central")
    assert f"upplands-vasby-central-{year}.yaml" in central.stderr
    again = cli("new", "agreement", "-m", "Upplands Väsby")
    assert f"upplands-vasby-lokal-{year}-2.yaml" in again.stderr  # a fresh id
    assert cli("validate", ".").exit_code == 0
    plan_data = yaml.safe_load(
        (here / "atgardsplaner" / f"upplands-vasby-atgardsplan-{year}.yaml").read_text()
    )
    assert plan_data["agreement"] == agreement_id
    assert "priority" not in plan_data["actions"][0]  # the skeleton has no priority yet


def test_new_refuses_what_it_cannot_make(here: Path, cli: Callable[..., Result]) -> None:
    missing = cli("new", "action-plan")
    assert (missing.exit_code, missing.stderr) == (2, "error: give --agreement ID\n")
    unknown = cli("new", "action-plan", "--agreement", "finns-inte")
    assert "there is no agreement in this folder" in unknown.stderr
    assert cli("new", "agreement", "-m", "Lund", "--id", "lund").exit_code == 0
    taken = cli("new", "agreement", "-m", "Lund", "--id", "lund")
    assert "the id 'lund' is already used" in taken.stderr
    bad = cli("new", "agreement", "-m", "Lund", "--id", "Lund Stad")
    assert "'Lund Stad' is not a usable id" in bad.stderr
    exists = cli(
        "new", "agreement", "-m", "Lund", "--id", "lund-2", "-o", "overenskommelser/lund.yaml"
    )
    assert exists.exit_code == 2 and "already exists" in exists.stderr
    assert "id: lund\n" in (here / "overenskommelser" / "lund.yaml").read_text(encoding="utf-8")


def test_new_asks_in_a_terminal_and_checks_each_answer(
    here: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from typer.testing import CliRunner

    monkeypatch.setattr("trygg_cli.cli.terminal.interactive", lambda: True)
    runner = CliRunner()
    # Municipality, then an id that is not usable (asked again), then a good one, then
    # the title's default.
    answers = "\nMölndal\nMölndal Lokal\nmolndal-2026\n" + "\n" * 6  # scope first; then defaults
    result = runner.invoke(app, ["new", "agreement"], input=answers)
    assert result.exit_code == 0, result.output
    assert "'Mölndal Lokal' is not a usable id" in result.output
    text = (here / "overenskommelser" / "molndal-2026.yaml").read_text(encoding="utf-8")
    assert "title: Lokal samverkansöverenskommelse mellan Mölndals stad och Polisen" in text


def test_ending_the_questions_with_ctrl_d_stops_cleanly(
    here: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from typer.testing import CliRunner

    monkeypatch.setattr("trygg_cli.cli.terminal.interactive", lambda: True)
    result = CliRunner().invoke(app, ["new", "agreement"], input="Mölndal\n")  # then EOF
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1] == "Aborted!"
    assert "internal error" not in result.output
    assert not (here / "overenskommelser").exists()


# ---------------------------------------------------------------- CI that works as written

PIN = "trygg @ git+https://github.com/kommun/trygg@v0.1.0"
CI_FILES = {
    "github": [".github/workflows/trygg.yml", ".github/workflows/trygg-due.yml"],
    "gitlab": [".gitlab-ci.yml"],
}
INSTALL_STEP = "Installera trygg"


def test_pinned_requirement_names_where_the_running_trygg_came_from() -> None:
    from trygg_cli.cli.commands.init import pinned_requirement

    git = '{"url": "https://github.com/kommun/trygg", "vcs_info": {"vcs": "git", "commit_id": "abc123", "requested_revision": "main"}}'
    assert (
        pinned_requirement("0.1.0", git, []) == "trygg @ git+https://github.com/kommun/trygg@abc123"
    )
    wheel = '{"url": "https://example.org/trygg-0.1.0-py3-none-any.whl", "archive_info": {}}'
    assert (
        pinned_requirement("0.1.0", wheel, [])
        == "trygg @ https://example.org/trygg-0.1.0-py3-none-any.whl"
    )
    editable = '{"url": "file:///home/a/trygg", "dir_info": {"editable": true}}'
    assert pinned_requirement("0.1.0", editable, []) is None
    urls = ["Documentation, https://example.org/docs", "Source, https://github.com/kommun/trygg"]
    assert (
        pinned_requirement("0.2.0", editable, urls)
        == "trygg @ git+https://github.com/kommun/trygg@v0.2.0"
    )
    assert pinned_requirement("0.2.0", None, urls[:1]) is None


@pytest.mark.parametrize("ci", ["github", "gitlab"])
def test_init_pins_the_install_from_the_option_and_keeps_it_in_the_config(
    here: Path, cli: Callable[..., Result], ci: str
) -> None:
    assert cli("init", "-m", "Motala", "--ci", ci, "--install", PIN).exit_code == 0
    line = f"python -m pip install '{PIN}'"
    for name in CI_FILES[ci]:
        text = (here / name).read_text(encoding="utf-8")
        assert line in yaml.safe_load(text).__repr__(), name
        assert "FYLL I" not in text
    config = yaml.safe_load((here / ".trygg.yaml").read_text(encoding="utf-8"))
    assert config["ci"] == {"install": PIN}
    assert cli("lint", ".").exit_code == 0  # lint accepts the ci section
    # Written again without --install: the pin comes from .trygg.yaml and stays there.
    for name in CI_FILES[ci]:
        (here / name).unlink()
    again = cli("init", "-m", "Motala", "--ci", ci, "--force")
    assert again.exit_code == 0 and "note:" not in again.stderr
    assert all(line in (here / name).read_text(encoding="utf-8") for name in CI_FILES[ci])
    assert yaml.safe_load((here / ".trygg.yaml").read_text(encoding="utf-8"))["ci"] == {
        "install": PIN
    }


@pytest.mark.parametrize("spec", ["trygg", " Trygg[all] ", ""])
def test_init_refuses_an_install_that_does_not_pin_trygg(
    here: Path, cli: Callable[..., Result], spec: str
) -> None:
    result = cli("init", "-m", "Motala", "--install", spec)
    assert result.exit_code == 2
    assert "for example 'trygg @ git+https://github.com/ORG/trygg@v1.0.0'" in result.stderr or (
        "write something here" in result.stderr
    )
    assert _files(here) == []


def test_init_without_a_known_source_writes_a_placeholder_that_fails_clearly(
    here: Path, cli: Callable[..., Result], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("trygg_cli.cli.commands.init.this_trygg", lambda: None)
    result = cli("init", "-m", "Motala")
    assert result.exit_code == 0
    assert "note: the CI files do not yet say where to install trygg from" in result.stderr
    for name in CI_FILES["github"]:
        text = (here / name).read_text(encoding="utf-8")
        assert "# FYLL I: varifrån trygg ska installeras" in text
        assert re.search(r"pip install (trygg|'trygg'|\"trygg\")\s*$", text, re.M) is None
        steps = yaml.safe_load(text)["jobs"]
        (install,) = [
            s for job in steps.values() for s in job["steps"] if s.get("name") == INSTALL_STEP
        ]
        done = subprocess.run(
            ["bash", "-eo", "pipefail", "-c", install["run"]], capture_output=True, text=True
        )
        assert done.returncode == 1 and "Ange varifrån trygg ska installeras" in done.stderr
    assert "# ci:\n#   install:" in (here / ".trygg.yaml").read_text(encoding="utf-8")


def _generated_yaml(folder: Path) -> list[Path]:
    skip = {"overenskommelser", "atgardsplaner"}
    return [
        p for p in sorted(folder.rglob("*.y*ml")) if not skip & set(p.relative_to(folder).parts)
    ]


@pytest.mark.parametrize("ci", ["github", "gitlab"])
def test_generated_files_parse_name_nothing_trygg_and_match_the_ci_schemas(
    here: Path, cli: Callable[..., Result], ci: str
) -> None:
    assert cli("init", "-m", "Motala", "--ci", ci, "--install", PIN).exit_code == 0
    generated = _generated_yaml(here)
    assert {p.relative_to(here).as_posix() for p in generated} == {
        ".trygg.yaml",
        ".pre-commit-config.yaml",
        *CI_FILES[ci],
    }
    for path in generated:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert "trygg" not in data, f"{path.name}: a top-level key 'trygg' is trygg's marker"
    for path in [*here.rglob("*.json")]:
        json.loads(path.read_text(encoding="utf-8"))
    schema = {"github": "vendor.github-workflows", "gitlab": "vendor.gitlab-ci"}[ci]
    exe = shutil.which("check-jsonschema", path=BIN)
    assert exe is not None, "check-jsonschema (the test extra) is not installed"
    files = [str(here / name) for name in CI_FILES[ci]]
    done = subprocess.run([exe, "--builtin-schema", schema, *files], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    broken = here / CI_FILES[ci][0]
    broken.write_text(
        broken.read_text(encoding="utf-8") + "\nbogus_top_level: 1\n", encoding="utf-8"
    )
    # The check can fail: an unknown top-level key is refused.
    again = subprocess.run(
        [exe, "--builtin-schema", schema, str(broken)], capture_output=True, text=True
    )
    assert again.returncode == 1, again.stdout


# The steps GitHub itself provides (checkout, setup-python, the SARIF upload) are not
# shell; the install is replaced by the trygg installed here. Every other step runs.
FAKE_GH = """#!{python}
import json, os, subprocess, sys
args = sys.argv[1:]
with open(os.environ["GH_LOG"], "a", encoding="utf-8") as log:
    log.write(json.dumps(args) + "\\n")
if "--method" in args:
    sys.exit(0)
comments = open(os.environ["GH_COMMENTS"], encoding="utf-8").read()
done = subprocess.run(["jq", "-r", args[args.index("--jq") + 1]], input=comments, text=True)
sys.exit(done.returncode)
"""


def _expression(value: str, context: dict[str, str]) -> str:
    return re.sub(r"\$\{\{\s*([\w.]+)\s*\}\}", lambda m: context[m.group(1)], value)


def _runs(condition: str | None, event: str, failed: bool) -> bool:
    """GitHub's ``if:`` for the conditions the generated workflows use (others: an error)."""
    if condition is None:
        return not failed
    if condition.strip() == "always()":
        return True
    match = re.fullmatch(r"github\.event_name == '(\w+)'", condition.strip())
    assert match, f"the test does not know the condition {condition!r}"
    return not failed and match.group(1) == event


def _run_github_job(
    repo: Path, workflow: dict[str, object], event: str, env: dict[str, str]
) -> dict[str, subprocess.CompletedProcess[str]]:
    """Each shell step of the workflow's one job, as GitHub runs it (bash -eo pipefail,
    the workflow's and the step's env, ``if:``, ``continue-on-error``); by step name."""
    context = {
        "github.base_ref": "main",
        "github.token": "t",
        "github.event.pull_request.number": "7",
    }
    (job,) = workflow["jobs"].values()  # type: ignore[attr-defined]
    done: dict[str, subprocess.CompletedProcess[str]] = {}
    failed = False
    for step in job["steps"]:
        if (
            "run" not in step
            or step["name"] == INSTALL_STEP
            or not _runs(step.get("if"), event, failed)
        ):
            continue
        step_env = {k: _expression(str(v), context) for k, v in step.get("env", {}).items()}
        full = {**env, **workflow.get("env", {}), **step_env, "GITHUB_EVENT_NAME": event}  # type: ignore[dict-item]
        result = subprocess.run(
            ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]],
            cwd=repo,
            env=full,
            capture_output=True,
            text=True,
        )
        done[step["name"]] = result
        failed = failed or (result.returncode != 0 and not step.get("continue-on-error"))
    return done


def _repository_with_a_change(tmp: Path, cli: Callable[..., Result], ci: str) -> Path:
    """A repository from init, pushed to a bare 'origin' as main, then a change on a branch."""
    repo, origin = tmp / "repo", tmp / "origin.git"
    assert cli("init", str(repo), "-m", "Motala", "--ci", ci, "--install", PIN).exit_code == 0
    _git(tmp, "init", "-q", "--bare", str(origin))
    _git(repo, "init", "-q", "-b", "main")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-qm", "init")
    _git(repo, "remote", "add", "origin", str(origin))
    _git(repo, "push", "-q", "origin", "main")
    _git(repo, "fetch", "-q", "origin")
    _git(repo, "checkout", "-q", "-b", "change")
    (agreement,) = (repo / "overenskommelser").glob("*.yaml")
    text = agreement.read_text(encoding="utf-8")
    agreement.write_text(text.replace("title: Lokal", "title: Ny lokal", 1), encoding="utf-8")
    _git(repo, "commit", "-qam", "a new title")
    return repo


def _shell_env(tmp: Path) -> dict[str, str]:
    fake = tmp / "fake-bin"
    fake.mkdir()
    (fake / "gh").write_text(FAKE_GH.format(python=sys.executable), encoding="utf-8")
    (fake / "gh").chmod(0o755)
    path = os.pathsep.join([str(fake), BIN, os.environ["PATH"]])
    env = {**os.environ, "PATH": path, "GH_LOG": str(tmp / "gh.log")}
    env |= {"GH_COMMENTS": str(tmp / "comments.json"), "GITHUB_REPOSITORY": "kommun/avtal"}
    return env | {"GITHUB_STEP_SUMMARY": str(tmp / "summary.md"), "CI": "true"}


@pytest.mark.skipif(shutil.which("jq") is None, reason="jq (which gh api --jq uses) is missing")
def test_the_github_workflows_shell_steps_run_as_written(
    here: Path, cli: Callable[..., Result]
) -> None:
    repo = _repository_with_a_change(here, cli, "github")
    env = _shell_env(here)
    checks = yaml.safe_load((repo / ".github/workflows/trygg.yml").read_text(encoding="utf-8"))
    due = yaml.safe_load((repo / ".github/workflows/trygg-due.yml").read_text(encoding="utf-8"))
    shell_steps = {
        s["name"]
        for w in (checks, due)
        for job in w["jobs"].values()
        for s in job["steps"]
        if "run" in s
    } - {INSTALL_STEP}
    # A pull request, first push: no comment of trygg's yet (only someone else's), so one is added.
    others = [{"id": 1, "user": {"login": "anna"}, "body": "<!-- trygg-diff --> citat"}]
    Path(env["GH_COMMENTS"]).write_text(json.dumps(others), encoding="utf-8")
    first = _run_github_job(repo, checks, "pull_request", env)
    assert {name: r.returncode for name, r in first.items()} == dict.fromkeys(first, 0), {
        n: r.stdout + r.stderr for n, r in first.items()
    }
    comment = (repo / "trygg-comment.md").read_text(encoding="utf-8")
    assert comment.startswith("<!-- trygg-diff -->\n") and "Ny lokal" in comment
    calls = [json.loads(line) for line in Path(env["GH_LOG"]).read_text().splitlines()]
    assert calls[-1] == [
        "api",
        "--method",
        "POST",
        "repos/kommun/avtal/issues/7/comments",
        "-F",
        "body=@trygg-comment.md",
    ]
    # The next push: the bot's earlier comment is found by its marker and replaced.
    ours = {
        "id": 42,
        "user": {"login": "github-actions[bot]"},
        "body": "<!-- trygg-diff -->\nförra",
    }
    Path(env["GH_COMMENTS"]).write_text(json.dumps([*others, ours]), encoding="utf-8")
    second = _run_github_job(repo, checks, "pull_request", env)
    assert all(r.returncode == 0 for r in second.values())
    calls = [json.loads(line) for line in Path(env["GH_LOG"]).read_text().splitlines()]
    assert calls[-1] == [
        "api",
        "--method",
        "PATCH",
        "repos/kommun/avtal/issues/comments/42",
        "-F",
        "body=@trygg-comment.md",
    ]
    # A push that breaks a document: validate fails, and lint still runs and annotates.
    (repo / "overenskommelser" / "trasig.yaml").write_text(
        "trygg: 1\nkind: agreement\nid: Trasig\n", encoding="utf-8"
    )
    broken = _run_github_job(repo, checks, "push", env)
    assert broken["trygg validate"].returncode == 1
    assert "trasig.yaml" in broken["trygg validate"].stdout
    assert broken["trygg lint"].returncode == 1 and "::error" in broken["trygg lint"].stdout
    assert "Vad som har ändrats" not in broken  # a push is not a pull request
    (repo / "overenskommelser" / "trasig.yaml").unlink()
    # The weekly job, on its first day.
    weekly = _run_github_job(repo, due, "schedule", env)
    assert all(r.returncode == 0 for r in weekly.values()), {n: r.stdout for n, r in weekly.items()}
    assert Path(env["GITHUB_STEP_SUMMARY"]).read_text(encoding="utf-8").strip()
    assert set(first) | set(weekly) == shell_steps  # every shell step has run


def _gitlab_script(pipeline: dict[str, object], job: str) -> str:
    return "\n".join(pipeline[job]["script"])  # type: ignore[index]


def test_the_gitlab_jobs_scripts_run_as_written(here: Path, cli: Callable[..., Result]) -> None:
    repo = _repository_with_a_change(here, cli, "gitlab")
    pipeline = yaml.safe_load((repo / ".gitlab-ci.yml").read_text(encoding="utf-8"))
    env = _shell_env(here) | pipeline["variables"] | {"CI_MERGE_REQUEST_TARGET_BRANCH_NAME": "main"}
    jobs = [name for name, job in pipeline.items() if isinstance(job, dict) and "script" in job]
    assert sorted(jobs) == ["trygg-check", "trygg-diff", "trygg-due"]

    def run(job: str) -> subprocess.CompletedProcess[str]:
        script = "set -eo pipefail\n" + _gitlab_script(pipeline, job)
        return subprocess.run(
            ["bash", "-c", script], cwd=repo, env=env, capture_output=True, text=True
        )

    for job in jobs:
        result = run(job)
        assert result.returncode == 0, (job, result.stdout + result.stderr)
    assert "Ny lokal" in (repo / "trygg-diff.md").read_text(encoding="utf-8")
    quality = json.loads((repo / "gl-code-quality-report.json").read_text(encoding="utf-8"))
    assert {(issue["check_name"], issue["severity"]) for issue in quality} == {("TRY109", "info")}
    (repo / "overenskommelser" / "trasig.yaml").write_text(
        "trygg: 1\nkind: agreement\nid: Trasig\n", encoding="utf-8"
    )
    broken = run("trygg-check")
    assert broken.returncode == 1 and "trasig.yaml" in broken.stdout
    # lint ran after validate had failed: its report names the broken file.
    report = json.loads((repo / "gl-code-quality-report.json").read_text(encoding="utf-8"))
    assert any("trasig.yaml" in issue["location"]["path"] for issue in report)


def _setup_section() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    return readme.split("## Set up", 1)[1].split("\n## ", 1)[0]


def test_the_readmes_windows_commands_match_the_linux_ones() -> None:
    """Same venv, same package spec, same first trygg command, same test command; only the
    shell's spelling differs (`&&` and .venv/bin/ against lines and .venv\\Scripts\\)."""
    section = _setup_section()
    sh = re.findall(r"```sh\n(.*?)\n```", section, re.S)
    (powershell,) = re.findall(r"```powershell\n(.*?)\n```", section, re.S)
    linux = [line.split() for line in sh[0].split(" && ")]
    windows = [line.split() for line in powershell.splitlines()]

    def posix(words: list[str]) -> list[str]:
        return [words[0].replace("\\Scripts\\", "/bin/"), *words[1:]]

    assert windows[0][:1] == ["py"] and linux[0][:1] == ["python3"]
    assert windows[0][1:] == linux[0][1:]  # -m venv .venv
    assert [posix(words) for words in windows[1:]] == linux[1:]
    assert sh[1] == ".venv/bin/python -m pytest -q -n auto"
    assert "`.venv\\Scripts\\python -m pytest -q -n auto`" in section
    # .ci/run runs README's test command exactly, and the first trygg command too.
    ci_run = (ROOT / ".ci/run").read_text(encoding="utf-8").splitlines()
    assert sh[1] in ci_run and " ".join(linux[2]) in ci_run
    assert "pipx install ." in section
