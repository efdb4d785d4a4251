"""Swedish and English: the catalogue is complete and current, and the language is chosen
from --lang, then TRYGG_LANG, then the locale, English for C/POSIX."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import EXAMPLES, FIXTURES, ROOT

from trygg_cli import i18n

BROKEN = "trygg: 1\nkind: agreement\nid: Trasig\n"


def _catalog_module() -> object:
    spec = importlib.util.spec_from_file_location("catalog", ROOT / "scripts" / "catalog.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_message_has_a_current_swedish_translation() -> None:
    """Fails when a message has no Swedish translation or the catalogue is stale; the fix
    is `python scripts/catalog.py update`, translate, `python scripts/catalog.py compile`."""
    catalog = _catalog_module()
    assert catalog.problems() == []  # type: ignore[attr-defined]


def _run(tmp_path: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    (tmp_path / "broken.yaml").write_text(BROKEN, encoding="utf-8")
    clean = {k: v for k, v in os.environ.items() if k not in _LOCALE_VARIABLES}
    clean["XDG_CACHE_HOME"] = str(tmp_path / "cache")
    return subprocess.run(
        [sys.executable, "-m", "trygg_cli", *args],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={**clean, **env},
    )


_LOCALE_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG", "TRYGG_LANG")
SWEDISH = "”Trasig” går inte att använda som id"
ENGLISH = "'Trasig' is not a usable id"


def test_a_swedish_locale_prints_swedish(tmp_path: Path) -> None:
    done = _run(tmp_path, "validate", "broken.yaml", LANG="sv_SE.UTF-8")
    assert done.returncode == 1
    assert SWEDISH in done.stdout
    assert "6 problem (6 fel) i 1 fil." in done.stderr


@pytest.mark.parametrize("lang", ["C.UTF-8", "C", "POSIX", "en_GB.UTF-8", "de_DE.UTF-8"])
def test_other_locales_print_english(tmp_path: Path, lang: str) -> None:
    done = _run(tmp_path, "validate", "broken.yaml", LANG=lang)
    assert ENGLISH in done.stdout and SWEDISH not in done.stdout


def test_lang_option_then_trygg_lang_then_locale(tmp_path: Path) -> None:
    assert SWEDISH in _run(tmp_path, "validate", "broken.yaml", TRYGG_LANG="sv").stdout
    english = _run(tmp_path, "--lang", "en", "validate", "broken.yaml", TRYGG_LANG="sv")
    assert ENGLISH in english.stdout
    swedish = _run(tmp_path, "--lang", "sv", "validate", "broken.yaml", LANG="C.UTF-8")
    assert SWEDISH in swedish.stdout
    over_locale = _run(tmp_path, "validate", "broken.yaml", TRYGG_LANG="en", LANG="sv_SE.UTF-8")
    assert ENGLISH in over_locale.stdout


def test_help_in_swedish(tmp_path: Path) -> None:
    done = _run(tmp_path, "--lang", "sv", "due", "--help")
    assert "Vad som är försenat och vad som står på tur" in done.stdout
    assert "# i ett schemalagt CI-jobb" in done.stdout  # example comments too
    assert "Bara det som är försenat." in done.stdout
    top = _run(tmp_path, "--help", LANG="sv_SE.UTF-8")
    assert "Kontrollera, planera, jämför och publicera" in top.stdout


COMMAND_NAMES = ("validate", "lint", "rules", "due", "diff", "render", "schema", "init", "new")
# What typer and click write in English when left to themselves.
CLICK_ENGLISH = (
    "Usage:",
    "Arguments:",
    "Options:",
    "Commands:",
    "[default:",
    "[required]",
    "Show this message",
    "completion for the current shell",
    "<list[",
    "<path>",
    "<int",
    "x>=",
)


@pytest.mark.parametrize("command", ["", *COMMAND_NAMES])
def test_swedish_help_has_no_english_left_from_typer(tmp_path: Path, command: str) -> None:
    done = _run(tmp_path, "--lang", "sv", *filter(None, [command]), "--help")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Användning: python -m trygg_cli ")
    assert "Alternativ:\n" in done.stdout and "Visa den här hjälpen och avsluta." in done.stdout
    assert [word for word in CLICK_ENGLISH if word in done.stdout] == []


MISTAKES = [
    (
        ("validate", "--bogus"),
        "Fel: Det finns inget alternativ --bogus (möjliga alternativ: --jobs, --verbose)",
        "Error: No such option: --bogus (possible options: --jobs, --verbose)",
    ),
    (
        ("validate", "--format", "pdf"),
        "Fel: Ogiltigt värde för ”--format” / ”-f”: ”pdf” är inte något av ”text”, ”json”, "
        "”github”, ”sarif”, ”gitlab”, ”junit”.",
        "Error: Invalid value for '--format' / '-f': 'pdf' is not one of 'text', 'json', "
        "'github', 'sarif', 'gitlab', 'junit'.",
    ),
    (
        ("validate", "--jobs", "många"),
        "Fel: Ogiltigt värde för ”--jobs” / ”-j”: ett heltal behövs.",
        "Error: Invalid value for '--jobs' / '-j': a whole number is needed.",
    ),
    (
        ("validate", "-j", "-1"),
        "Fel: Ogiltigt värde för ”--jobs” / ”-j”: ange 0 (en process per kärna) eller mer.",
        "Error: Invalid value for '--jobs' / '-j': use 0 (one process per core) or more.",
    ),
    (
        ("due", "--within"),
        "Fel: Alternativet ”--within” behöver ett värde efter sig.",
        "Error: The option '--within' needs a value after it.",
    ),
    (
        ("validate", "--verbose=ja"),
        "Fel: Alternativet ”--verbose” tar inget värde.",
        "Error: The option '--verbose' takes no value.",
    ),
    (
        ("new",),
        "Fel: Argumentet ”TYP” saknas. Välj bland: agreement, action-plan, citizen-promise.",
        "Error: Missing argument 'KIND'. Choose from: agreement, action-plan, citizen-promise.",
    ),
    (
        ("valdate",),
        "Fel: Det finns inget kommando ”valdate”. Menade du ”validate”?",
        "Error: No such command 'valdate'. Did you mean 'validate'?",
    ),
    (
        ("schema", "extra"),
        "Fel: För många argument: extra",
        "Error: Too many arguments: extra",
    ),
]


@pytest.mark.parametrize(("args", "swedish", "english"), MISTAKES)
def test_command_line_mistakes_in_the_users_language(
    tmp_path: Path, args: tuple[str, ...], swedish: str, english: str
) -> None:
    """typer words these itself; a coordinator reads them in Swedish, with the usage line."""
    in_swedish = _run(tmp_path, *args, LANG="sv_SE.UTF-8")
    assert in_swedish.returncode == 2
    assert in_swedish.stdout == ""
    assert in_swedish.stderr.splitlines()[-1] == swedish
    assert "Error" not in in_swedish.stderr and "Usage" not in in_swedish.stderr
    in_english = _run(tmp_path, *args, LANG="C.UTF-8")
    assert in_english.returncode == 2
    assert in_english.stderr.splitlines()[-1] == english


def test_a_mistyped_option_cannot_send_control_characters_to_the_terminal(
    tmp_path: Path,
) -> None:
    done = _run(tmp_path, "validate", "--x\x1b[31mröd", LANG="C.UTF-8")
    assert "\x1b" not in done.stderr
    assert done.stderr.splitlines()[-1] == "Error: No such option: --x\\x1b[31mröd"


def test_a_mistake_shows_the_usage_line_and_where_to_find_help(tmp_path: Path) -> None:
    done = _run(tmp_path, "--lang", "sv", "lint", "--bogus")
    assert done.stderr.splitlines()[:3] == [
        "Användning: python -m trygg_cli lint [ALTERNATIV] [SÖKVÄG]...",
        "Skriv ”python -m trygg_cli lint -h” för att få hjälp.",
        "",
    ]


@pytest.fixture
def swedish() -> Iterator[None]:
    i18n.set_language("sv")
    yield
    i18n.set_language(None)


def test_diff_sentences_in_swedish(swedish: None) -> None:
    from trygg_cli.diff.report import DIFF_REPORTERS, DiffReportContext
    from trygg_cli.diff.run import diff_sides, sides_from_arguments

    old = str(EXAMPLES / "goteborg" / "central-2018.yaml")
    new = str(FIXTURES / "diff" / "goteborg-central-as-in-001.yaml")
    result = diff_sides(*sides_from_arguments([old, new], ROOT))
    text = DIFF_REPORTERS["text"](result, DiffReportContext(color=False, stat=False))
    assert "LÖK-nätverket träffas nu cirka fyra gånger per år (tidigare två gånger per år)." in text
    assert (
        "Ny medlem i LÖK-nätverket: Representanter från stadsledningskontoret (Göteborgs Stad)."
        in text
    )


def test_rule_documentation_in_swedish(swedish: None) -> None:
    from trygg_cli.lint.catalogue import explain

    text = explain("TRY401")
    assert "Ett personnummer eller samordningsnummer i texten." in text
    assert "Vad:" in text
    assert "19121212-1212" in text  # the examples stay as written


def test_messages_are_whole_literals_the_catalogue_can_find() -> None:
    """_("a" + b) or _(f"…") cannot be translated: the extractor sees only part of it."""
    import ast

    built = []
    for path in sorted((ROOT / "trygg_cli").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in ("_", "N_")
                and node.args
                and isinstance(node.args[0], ast.BinOp | ast.JoinedStr)
            ):
                built.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert built == []


# --------------------------------------------------------------- language: in .trygg.yaml


def test_the_repository_config_chooses_the_language(tmp_path: Path) -> None:
    """Windows sets no LANG: `language: sv` in .trygg.yaml makes messages Swedish, and
    --lang and TRYGG_LANG still win over it."""
    (tmp_path / ".git").mkdir()
    (tmp_path / ".trygg.yaml").write_text("language: sv\n", encoding="utf-8")
    assert SWEDISH in _run(tmp_path, "validate", "broken.yaml", LANG="C").stdout
    assert "Användning:" in _run(tmp_path, "--help", LANG="C").stdout
    assert ENGLISH in _run(tmp_path, "--lang", "en", "validate", "broken.yaml", LANG="C").stdout
    assert ENGLISH in _run(tmp_path, "validate", "broken.yaml", TRYGG_LANG="en").stdout
    (tmp_path / ".trygg.yaml").write_text("language: en\n", encoding="utf-8")
    over_locale = _run(tmp_path, "validate", "broken.yaml", LANG="sv_SE.UTF-8")
    assert ENGLISH in over_locale.stdout


def test_a_folder_below_finds_the_config_and_lint_accepts_the_key(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / ".trygg.yaml").write_text(
        "language: sv  # svenska\nlint:\n  fail_on: error\n", encoding="utf-8"
    )
    below = tmp_path / "overenskommelser"
    below.mkdir()
    done = _run(below, "lint", "broken.yaml", LANG="C")
    assert done.returncode == 1, done.stderr
    assert SWEDISH in done.stdout and "fel" in done.stdout


def test_an_unknown_language_is_a_located_config_error(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    config = tmp_path / ".trygg.yaml"
    config.write_text('lint: {}\nlanguage: "de"  # tyska\n', encoding="utf-8")
    done = _run(tmp_path, "validate", "broken.yaml", LANG="C")
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr == (
        f"error: {config.resolve()}:2:11: 'de' is not a language trygg can show its messages "
        "in; write 'language: sv' (Swedish) or 'language: en' (English)\n"
    )
    # --lang does not read the file, and lint names the mistake too
    lint = _run(tmp_path, "--lang", "en", "lint", "broken.yaml")
    assert lint.returncode == 2 and ":2:11:" in lint.stderr


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("language: sv\n", "sv"),
        ("\ufefflanguage: en\n", "en"),
        ("# language: en\nlanguage: 'sv'   # svenska\n", "sv"),
        ('"language" : en\n', "en"),
        ("language:\n", None),
        ("language: ~\n", None),
        ("lint:\n  language: sv\n", None),  # not at the top
        ("languages: sv\n", None),
        ("lint: {}\n", None),
    ],
)
def test_configured_language_reads_only_the_top_level_key(
    tmp_path: Path, text: str, found: str | None
) -> None:
    from trygg_cli.configfile import configured_language

    (tmp_path / ".git").mkdir()
    (tmp_path / ".trygg.yaml").write_text(text, encoding="utf-8")
    assert configured_language(str(tmp_path)) == found


def test_init_writes_the_language_into_the_config(tmp_path: Path) -> None:
    made = _run(tmp_path, "init", "--municipality", "Mölndal", LANG="C")
    assert made.returncode == 0, made.stderr
    from trygg_cli.configfile import configured_language

    lines = (tmp_path / ".trygg.yaml").read_text(encoding="utf-8").splitlines()
    assert any(line.startswith("language: sv") for line in lines)
    assert configured_language(str(tmp_path)) == "sv"
