"""Every ``--help`` page without typer (trygg_cli/cli/helppages.py): the same page typer
prints, at every width and in every language, and none of the heavy modules imported."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest
from helpers import ROOT
from typer._click.formatting import HelpFormatter

from trygg_cli.cli import helppages
from trygg_cli.i18n import LANGUAGES

HEAVY = ("pydantic", "pydantic_core", "jinja2", "yaml", "rich", "typer", "click", "ruamel")
PAGES = {lang: helppages._pages(lang) or {} for lang in LANGUAGES}
COMMANDS = list(PAGES["en"])  # '' (trygg itself), 'validate', … 'report', 'report new'
COLUMNS = ("40", "66", "80", "200")  # click: 50 wide at least, 78 at most


def _env(lang: str, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("LANGUAGE", "LC_ALL", "LANG")}
    env.pop("COLUMNS", None)
    env.update({"TRYGG_LANG": lang, "PYTHONIOENCODING": "utf-8", **extra})
    return env


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("help_pages", ROOT / "scripts" / "help_pages.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_there_is_a_page_for_every_command_and_group() -> None:
    assert {"", "validate", "lint", "due", "render", "report", "report new"} <= set(COMMANDS)
    assert all(list(pages) == COMMANDS for pages in PAGES.values())


def test_the_recorded_pages_are_what_the_app_says_now() -> None:
    script = _script()
    assert script.PAGES.read_text(encoding="utf-8") == script.generate(), (
        "trygg_cli/cli/help_pages.json is stale: run python scripts/help_pages.py"
    )


def _forms(lang: str) -> list[tuple[str, list[str]]]:
    """Every way of asking typer for a help page that trygg answers without it, each with
    the COLUMNS it is asked in: every page at every width, every form at 80."""
    forms = [(columns, [*c.split(), "--help"]) for c in COMMANDS for columns in COLUMNS]
    for command in COMMANDS:
        words = command.split()
        forms += [
            ("80", [*words, "-h"]),
            ("80", ["--lang", lang, *words, "--help"]),
            ("80", ["--debug", f"--lang={lang}", *words, "-h"]),
        ]
    groups = [[], ["report"], ["--debug", "report"], ["--lang", lang, "report"]]
    return forms + [(columns, args) for args in groups for columns in ("40", "80")]


# Prints {columns|arguments: [exit code, stdout, stderr]} for every (columns, arguments),
# as trygg's entry point answers it ("quick") or as the typer app does ("typer").
_ANSWERS = r"""
import io, json, os, sys
mode, forms, heavy = sys.argv[1], *map(json.loads, sys.argv[2:4])
if mode == "quick":
    import trygg_cli.__main__ as entry

    def typer_answered(code):
        raise RuntimeError("typer answered " + repr(sys.argv))

    entry._exit_now = typer_answered
    run = lambda args: (setattr(sys, "argv", ["trygg", *args]), entry.main())
else:
    from typer.main import get_command
    from trygg_cli.cli import app
    command = get_command(app)  # what app() makes each time it is called
    run = lambda args: command.main(args, prog_name="trygg")
answers = {}
for columns, args in forms:
    os.environ["COLUMNS"] = columns
    out, err = io.StringIO(), io.StringIO()
    sys.stdout, sys.stderr = out, err
    try:
        run(args)
        code = 0
    except SystemExit as exc:
        code = exc.code
    finally:
        sys.stdout, sys.stderr = sys.__stdout__, sys.__stderr__
    answers[columns + "|" + " ".join(args)] = [code, out.getvalue(), err.getvalue()]
loaded = sorted(m for m in sys.modules if m.split(".")[0] in heavy)
print(json.dumps({"answers": answers, "heavy": loaded}))
"""


def _answers(mode: str, lang: str) -> dict[str, object]:
    done = subprocess.run(
        [sys.executable, "-c", _ANSWERS, mode, json.dumps(_forms(lang)), json.dumps(HEAVY)],
        capture_output=True,
        env=_env(lang),
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    result: dict[str, object] = json.loads(done.stdout.decode("utf-8"))
    return result


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_page_is_exactly_what_typer_prints(lang: str) -> None:
    quick, full = _answers("quick", lang), _answers("typer", lang)
    assert quick["heavy"] == []
    answers, expected = quick["answers"], full["answers"]
    assert isinstance(answers, dict) and isinstance(expected, dict)
    assert answers.keys() == expected.keys()
    for key, answer in answers.items():
        assert answer == expected[key], f"'trygg {key}' (COLUMNS|arguments) differs from typer"
    # The group forms print their help to stderr and exit 2, as click does.
    assert answers["80|report"][0] == 2 and answers["80|report"][2].startswith(("Usage", "Anv"))


@pytest.mark.parametrize("command", COMMANDS)
def test_help_imports_no_heavy_module(command: str) -> None:
    words = command.split()
    code = (
        "import sys\n"
        "from trygg_cli.__main__ import main\n"
        f"for args in ({[*words, '--help']!r}, {[*words, '-h']!r}, {['--lang', 'sv', *words, '--help']!r}):\n"
        "    sys.argv = ['trygg', *args]\n"
        "    main()\n"
        f"print(sorted(m for m in sys.modules if m.split('.')[0] in {HEAVY!r}))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=_env("en"), cwd=ROOT
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.count(f"trygg {command}".rstrip() + " [") == 3  # the usage lines
    assert done.stdout.strip().splitlines()[-1] == "[]"


def _trygg(*args: str, cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "trygg_cli", *args],
        capture_output=True,
        text=True,
        env={**_env("en"), **env},
        cwd=cwd,
    )


def test_the_language_of_the_configuration_and_of_lang_reach_the_quick_pages(
    tmp_path: Path,
) -> None:
    swedish = helppages.render(PAGES["sv"]["validate"], 78, "python -m trygg_cli") + "\n"
    (tmp_path / ".trygg.yaml").write_text("language: sv\n", encoding="utf-8")
    environment = {k: v for k, v in _env("en").items() if k != "TRYGG_LANG"}
    done = subprocess.run(
        [sys.executable, "-m", "trygg_cli", "validate", "--help"],
        capture_output=True,
        text=True,
        env=environment,
        cwd=tmp_path,
    )
    assert (done.returncode, done.stdout) == (0, swedish)
    # --lang wins over TRYGG_LANG.
    done = _trygg("--lang", "sv", "validate", "-h", cwd=ROOT, TRYGG_LANG="en")
    assert (done.returncode, done.stdout) == (0, swedish)


@pytest.mark.parametrize("args", [["validate", "--help"], []])
def test_a_terminal_that_says_ascii_gets_the_bytes_typer_writes(args: list[str]) -> None:
    quick = f"import sys\nsys.argv = ['trygg', *{args!r}]\nfrom trygg_cli.__main__ import main\nmain()\n"
    full = (
        "from typer.main import get_command\nfrom trygg_cli.cli import app\n"
        f"get_command(app).main({args!r}, prog_name='trygg')\n"
    )
    env = _env("sv", PYTHONIOENCODING="ascii", COLUMNS="80")
    answers = [
        subprocess.run([sys.executable, "-c", code], capture_output=True, env=env, cwd=ROOT)
        for code in (quick, full)
    ]
    assert "Användning".encode() in answers[0].stdout + answers[0].stderr
    quick_answer, typer_answer = [(a.returncode, a.stdout, a.stderr) for a in answers]
    assert quick_answer == typer_answer


@pytest.mark.parametrize("args", [["validate", "--help"], ["--help"]])
def test_a_reader_that_has_gone_is_exit_1_without_a_traceback(args: list[str]) -> None:
    trygg = subprocess.Popen(
        [sys.executable, "-m", "trygg_cli", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=_env("en"),
    )
    assert trygg.stdout is not None
    trygg.stdout.close()  # long before Python has started: `trygg --help | true`
    _out, err = trygg.communicate()
    assert (trygg.returncode, err) == (1, b"")


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (("validate", "--bogus", "--help"), 2, "No such option: --bogus"),
        (("validate", "--help", "--bogus"), 2, "No such option: --bogus"),
        (("--debug",), 2, "Missing command."),
        (("--lang", "de", "validate", "--help"), 2, "Invalid value for '--lang'"),
        (("valdate", "--help"), 2, "No such command 'valdate'."),
    ],
)
def test_anything_else_still_goes_to_typer(args: tuple[str, ...], code: int, message: str) -> None:
    done = _trygg(*args, cwd=ROOT)
    assert done.returncode == code
    assert message in done.stderr


def test_without_the_pages_typer_answers(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(helppages, "PAGES_FILE", str(tmp_path / "missing.json"))
    assert helppages.answer(["validate", "--help"], "en") is None
    (tmp_path / "broken.json").write_text("{", encoding="utf-8")
    monkeypatch.setattr(helppages, "PAGES_FILE", str(tmp_path / "broken.json"))
    assert helppages.answer(["validate", "--help"], "en") is None


def test_shell_completion_is_left_to_typer(monkeypatch: pytest.MonkeyPatch) -> None:
    from trygg_cli import __main__ as entry

    # Completing, the shell runs `trygg` with no arguments: not the help of `trygg`.
    monkeypatch.setenv("_TRYGG_COMPLETE", "complete_bash")
    assert entry._quick_help([]) is None
    assert entry._quick_help(["--help"]) is None
    monkeypatch.delenv("_TRYGG_COMPLETE")
    assert entry._quick_help(["validate", "files", "-v"]) is None


# click's formatter on the cases a page meets: paragraphs, \b blocks kept as written and
# indented ones, a word longer than the line, a name wider than the column, a usage line
# too long for its prefix.
_TEXT = (
    "A paragraph long enough to wrap over several lines, and then some more words. " * 2
    + "\n\n  Indented, on two\n  lines.\n\n\b\n  kept   as\n    written\n\n"
    + "x" * 120
)
_ROWS = [
    ["-x", "Short."],
    ["--a-very-long-option-name-beyond-thirty", "Goes on the next line, then wraps. " * 4],
    ["--mid", "Wraps at the text column. " * 6 + "\n\nA second paragraph."],
    ["--empty", ""],
]


@pytest.mark.parametrize("width", [50, 64, 78, 120])
def test_the_formatter_lays_out_as_clicks(width: int) -> None:
    ours, clicks = helppages.Formatter(width), HelpFormatter(width=width)
    for formatter, rows in ((ours, _ROWS), (clicks, [tuple(row) for row in _ROWS])):
        formatter.write_usage("trygg report new", "[OPTIONS] {ID} [PATH]... " * 4, "Usage: ")
        formatter.write_usage("trygg " + "y" * width, "[OPTIONS]", None)
        formatter.write_paragraph()
        formatter.indent()
        formatter.write_text(_TEXT)
        formatter.dedent()
        formatter.write_paragraph()
        formatter.write_heading("Options")
        formatter.indent()
        formatter.write_dl(rows)  # type: ignore[arg-type]
        formatter.write_dl(rows, col_max=10, col_spacing=4)  # type: ignore[arg-type]
        formatter.dedent()
        formatter.write("raw\n")
    assert ours.getvalue() == clicks.getvalue()
