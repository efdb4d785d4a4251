"""Hostile input and hostile files: each defect found by the attack run on main, as a
regression test that failed before its fix (issue 23)."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from helpers import MINIMAL_AGREEMENT, Result, write_file

from trygg_cli.due.calendar import part_ends

POSIX = pytest.mark.skipif(sys.platform == "win32", reason="FIFOs and /dev are POSIX")
BODY = (
    "bodies:\n  - id: grupp\n    name: Styrgrupp\n    level: strategisk\n    meetings: {meetings}\n"
)


def _agreement(folder: Path, meetings: str, **replace: str) -> Path:
    """An agreement whose body meets as ``meetings`` says, with texts replaced."""
    text = MINIMAL_AGREEMENT + BODY.format(meetings=meetings)
    for old, new in replace.items():
        text = text.replace(old, new)
    return write_file(folder, "avtal.yaml", text)


@pytest.mark.parametrize(
    ("meetings", "replace", "expected"),
    [
        ("{times: 1000000, unit: week}", {}, "less than or equal to 3660"),
        ("{times: 40, unit: month}", {}, "'times: 40' is more than once a day for 'unit: month'"),
        ("{every: 1000000, unit: month}", {}, "less than or equal to 100"),
        (
            "{first: validity_end}",
            {"until: 2026-12-31": "until: 9999-12-31"},
            "'9999-12-31' is outside the years trygg plans for (1900–2200)",
        ),
    ],
)
def test_a_schedule_that_would_hang_due_is_refused_where_it_is_written(
    tmp_path: Path,
    cli: Callable[..., Result],
    meetings: str,
    replace: dict[str, str],
    expected: str,
) -> None:
    path = _agreement(tmp_path, meetings, **replace)
    checked = cli("validate", str(path))
    assert checked.exit_code == 1
    assert expected in checked.stdout, checked.stdout
    assert f"{path}:" in checked.stdout  # located
    due = cli("due", str(tmp_path), "--as-of", "2026-12-02")
    assert due.exit_code in (0, 1) and "internal error" not in due.stderr


def test_more_parts_than_days_costs_the_days_not_the_parts() -> None:
    started = time.process_time()
    ends = part_ends(date(2026, 1, 1), date(2026, 12, 31), 10**9)
    assert time.process_time() - started < 1
    assert len(ends) == 365 and ends[0] == date(2026, 1, 1) and ends[-1] == date(2026, 12, 31)


@pytest.mark.parametrize("number", ["9" * 5000, "0x" + "f" * 5000, "-" + "1" * 41])
def test_a_number_too_long_to_print_is_a_located_error(
    tmp_path: Path, cli: Callable[..., Result], number: str
) -> None:
    path = write_file(tmp_path, "avtal.yaml", MINIMAL_AGREEMENT + f"note: {number}\n")
    for command in ("validate", "lint"):
        result = cli(command, str(path), "--format", "json")
        assert result.exit_code == 1, result.stderr
        assert "internal error" not in result.stderr
        assert '"rule": "yaml-limits"' in result.stdout
        assert '"line": 17' in result.stdout
    quoted = write_file(tmp_path, "b.yaml", MINIMAL_AGREEMENT.replace("test-lokal", "b"))
    assert "yaml-limits" not in cli("validate", str(quoted)).stdout


@POSIX
def test_devices_and_fifos_are_skipped_with_a_warning_not_read(
    tmp_path: Path, cli: Callable[..., Result]
) -> None:
    write_file(tmp_path, "avtal.yaml", MINIMAL_AGREEMENT)
    (tmp_path / "zero.yaml").symlink_to("/dev/zero")  # would be read until memory runs out
    os.mkfifo(tmp_path / "fifo.yaml")  # would block the read for ever
    for command in ("validate", "lint", "due"):
        result = cli(command, str(tmp_path), "--no-cache")
        assert "internal error" not in result.stderr, command
    checked = cli("validate", str(tmp_path), "--no-cache")
    assert "fifo.yaml:1:1: warning [not-a-file] skipped: this is a named pipe (FIFO)" in (
        checked.stdout
    )
    # A folder diff lists what it cannot read instead of stopping or calling it removed.
    old = tmp_path / "old"
    write_file(old, "avtal.yaml", MINIMAL_AGREEMENT)
    os.mkfifo(old / "fifo.yaml")
    diff = cli("diff", str(old), str(tmp_path))
    assert "internal error" not in diff.stderr and "could not be read" in diff.stdout


@POSIX
def test_a_link_out_of_the_folder_is_not_followed(
    tmp_path: Path, cli: Callable[..., Result]
) -> None:
    outside = write_file(tmp_path / "elsewhere", "secret.yaml", MINIMAL_AGREEMENT)
    repo = tmp_path / "repo"
    write_file(repo, "a.yaml", MINIMAL_AGREEMENT.replace("test-lokal", "a"))
    (repo / "secret.yaml").symlink_to(outside)
    (repo / "inside.yaml").symlink_to(repo / "a.yaml")
    result = cli("validate", str(repo), "--no-cache")
    assert f"{repo / 'secret.yaml'}:1:1: warning [link-outside]" in result.stdout
    # A link inside the folder is read: its document collides with the one it points to.
    assert "duplicate-id" in result.stdout
    site = cli("render", str(repo), "--site", str(tmp_path / "site"))
    assert "test-lokal" not in "".join(p.name for p in (tmp_path / "site").iterdir()), site


@POSIX
def test_output_never_replaces_a_fifo_or_a_device(
    tmp_path: Path, cli: Callable[..., Result]
) -> None:
    path = write_file(tmp_path, "avtal.yaml", MINIMAL_AGREEMENT)
    fifo = tmp_path / "out.fifo"
    os.mkfifo(fifo)
    result = cli("validate", str(path), "-o", str(fifo))
    assert result.exit_code == 2
    assert "is not an ordinary file" in result.stderr and "'-o -'" in result.stderr
    assert fifo.is_fifo()
    folder = tmp_path / "a-folder"
    folder.mkdir()
    assert cli("lint", str(path), "-o", str(folder)).exit_code == 2
    assert folder.is_dir()


def test_ctrl_c_stops_the_workers_at_once_instead_of_waiting_for_them(tmp_path: Path) -> None:
    from functools import partial

    from trygg_cli.workspace import load
    from trygg_cli.workspace.workers import in_processes

    files = [
        str(write_file(tmp_path, f"a{i}.yaml", MINIMAL_AGREEMENT.replace("test-lokal", f"a{i}")))
        for i in range(40)
    ]

    def interrupt(_result: object) -> None:
        raise KeyboardInterrupt

    started = time.monotonic()
    with pytest.raises(KeyboardInterrupt):
        in_processes(
            partial(load._check_chunk, job=load._Job(())), load._chunks(files), 2, interrupt
        )
    assert time.monotonic() - started < 10


_BODY = MINIMAL_AGREEMENT.split("\n", 1)[1]
# Every shape the attack run saw skipped in silence (exit 0, "No problems"), with what
# trygg must say now: None when it is read as the document it is.
SHAPES: dict[str, tuple[bytes, str | None]] = {
    "utf16": (("trygg: 1\n" + _BODY).encode("utf-16"), "encoding"),
    "utf32": (("trygg: 1\n" + _BODY).encode("utf-32"), "encoding"),
    "bom": (b"\xef\xbb\xbf" + MINIMAL_AGREEMENT.encode(), None),
    "cr-only": (MINIMAL_AGREEMENT.replace("\n", "\r").encode(), None),
    "cr-marker-later": (
        ("kind: agreement\rtrygg: 1\r" + _BODY[16:]).replace("\n", "\r").encode(),
        None,
    ),
    "quoted-key": (('"trygg": 1\n' + _BODY).encode(), None),
    "flow": (b"{kind: agreement, trygg: 1, id: x}\n", "missing-field"),
    "capital": (("Trygg: 1\n" + _BODY).encode(), "missing-marker"),
    "misspelt": (("tryg: 1\n" + _BODY).encode(), "missing-marker"),
    "no-marker": (_BODY.encode(), "missing-marker"),
    "list": (b"- trygg: 1\n  kind: agreement\n", "not-a-mapping"),
    "true": (("trygg: true\n" + _BODY).encode(), "unsupported-version"),
    "float": (("trygg: 1.0\n" + _BODY).encode(), "unsupported-version"),
}


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_no_shape_of_a_document_is_skipped_in_silence(
    tmp_path: Path, cli: Callable[..., Result], shape: str
) -> None:
    raw, rule = SHAPES[shape]
    path = write_file(tmp_path, f"{shape}.yaml", raw)
    in_folder = cli("validate", str(tmp_path), "--format", "json", "--no-cache")
    named = cli("validate", str(path), "--format", "json", "--no-cache")
    for result in (in_folder, named):
        assert '"files_skipped": 0' in result.stdout, (shape, result.stdout)
        if rule is None:
            assert result.exit_code == 0, (shape, result.stdout)
        else:
            assert f'"rule": "{rule}"' in result.stdout, (shape, result.stdout)
    if rule is not None:
        assert named.exit_code == 1  # a file named to be checked: an error, not a warning


def test_a_folder_in_place_of_the_cache_pack_does_not_turn_the_cache_off(
    tmp_path: Path, cli: Callable[..., Result]
) -> None:
    import subprocess

    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    write_file(tmp_path, "avtal.yaml", MINIMAL_AGREEMENT)
    cache = Path(os.environ["TRYGG_CACHE_DIR"])
    assert cli("validate", str(tmp_path)).exit_code == 0
    [pack] = cache.glob("*.pack")
    pack.unlink()
    (pack / "inside").mkdir(parents=True)  # a folder where the pack belongs
    write_file(tmp_path, "avtal.yaml", MINIMAL_AGREEMENT.replace("Lokal", "Ny lokal"))
    assert cli("validate", str(tmp_path)).exit_code == 0
    assert pack.is_file()  # written again: the cache works


def test_a_document_id_as_long_as_a_file_name_allows_renders_to_a_site(
    tmp_path: Path, cli: Callable[..., Result]
) -> None:
    long_id = "a" * 250  # with '.html', 255 bytes: the longest name a file system takes
    write_file(tmp_path, "avtal.yaml", MINIMAL_AGREEMENT.replace("test-lokal", long_id))
    result = cli("render", str(tmp_path / "avtal.yaml"), "--site", str(tmp_path / "site"))
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / "site" / f"{long_id}.html").is_file()


def test_a_file_of_a_million_values_is_refused_before_it_is_built(
    tmp_path: Path, cli: Callable[..., Result]
) -> None:
    from trygg_cli.yamlload import MAX_NODES

    text = "trygg: 1\nkind: agreement\nnote: [" + ",".join(["[]"] * 1_000_000) + "]\n"
    path = write_file(tmp_path, "flat.yaml", text)
    result = cli("validate", str(path))
    assert result.exit_code == 1
    assert f"error [yaml-limits] the file holds more than {MAX_NODES} values" in result.stdout


def test_a_file_of_twenty_thousand_unknown_keys_lists_two_hundred(
    tmp_path: Path, cli: Callable[..., Result]
) -> None:
    keys = "".join(f"k{i}: 1\n" for i in range(20_000))
    path = write_file(tmp_path, "keys.yaml", MINIMAL_AGREEMENT + keys)
    result = cli("validate", str(path))
    assert result.stdout.count("[unknown-key]") == 200
    assert "error [more-problems] 19800 more problems of this kind" in result.stdout


def test_output_never_replaces_a_trygg_document(tmp_path: Path, cli: Callable[..., Result]) -> None:
    path = write_file(tmp_path, "avtal.yaml", MINIMAL_AGREEMENT)
    for command in (("validate",), ("lint",), ("due",), ("render",)):
        result = cli(*command, str(path), "-o", str(path))
        assert result.exit_code == 2, command
        assert "is a trygg document, and the output would replace it" in result.stderr
    assert path.read_text(encoding="utf-8") == MINIMAL_AGREEMENT


BYPASSES = (
    "[klick](javascript:alert(1))",
    "[klick](\njavascript:alert(1))",  # the address on the next line
    "[klick](javascript&#58;alert(1))",
    "[klick](&#x6A;avascript:alert(1))",
    "[klick](javascript\\:alert(1))",
    "[klick](java\tscript:alert(1))",
    "[klick](JaVaScRiPt:alert(1))",
    "<javascript:alert(1)>",
    "[klick]: vbscript:msgbox(1)\n\n[klick]",
    "[klick](data:text/html;base64,PHNjcmlwdD4=)",
    "text <img\nsrc=x onerror=alert(1)> over two lines",
    "`<b>` first in a code span, then <b>a tag</b>",
    "<script>alert(1)</script>",
)


@pytest.mark.parametrize("prose", BYPASSES)
def test_markdown_prose_is_safe_even_in_a_renderer_that_follows_any_link(prose: str) -> None:
    from markdown_it import MarkdownIt

    from trygg_cli.render.engine import markdown_prose

    permissive = MarkdownIt("commonmark")  # raw HTML on, and no check of link addresses:
    permissive.validateLink = lambda url: True  # the worst renderer a PR comment may meet
    shown = permissive.render(markdown_prose(prose)).lower()
    hrefs = [h.replace(" ", "").replace("\t", "") for h in shown.split('href="')[1:]]
    assert not any(h.startswith(("javascript", "vbscript", "data:", "file:")) for h in hrefs)
    assert not any(tag in shown for tag in ("<img", "<script", "<b>"))


def test_benign_markdown_prose_is_left_as_written() -> None:
    from trygg_cli.render.engine import markdown_prose

    prose = "Läs [Brå:s handbok](https://bra.se) och `a<b`. Följande data: 12 procent."
    assert markdown_prose(prose) == prose


TEMPLATE_ATTACKS = {
    "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}": "seconds",
    "{{ lipsum(10000000) }}": "'lipsum' is undefined",
    "{{ '%2000000000s'|format(1) }}": "a width in the format is too large",
    "{{ '%2000000000s' % 1 }}": "a width in the format is too large",
    "{{ 9 ** 999999 }}": "the exponent 999999 is too large",
    "{{ 'a' * 1000000000 }}": "would be too long",
    "{% set ns = namespace(s='a') %}{% for i in range(40) %}{% set ns.s = ns.s + ns.s %}"
    "{% endfor %}": "would be too long",
    "{% set ns = namespace(s='a') %}{% for i in range(40) %}{% set ns.s = ns.s ~ ns.s %}"
    "{% endfor %}": "MB of memory",
}


@POSIX
@pytest.mark.parametrize("template", list(TEMPLATE_ATTACKS))
def test_a_users_template_cannot_exhaust_time_or_memory(
    tmp_path: Path, cli: Callable[..., Result], template: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from trygg_cli.render import sandbox

    monkeypatch.setattr(sandbox, "BUDGET_SECONDS", 1)
    path = write_file(tmp_path, "avtal.yaml", MINIMAL_AGREEMENT)
    write_file(tmp_path / "mallar", "agreement.md.j2", template)
    started = time.monotonic()
    result = cli("render", str(path), "-f", "markdown", "--template-dir", str(tmp_path / "mallar"))
    assert time.monotonic() - started < 5
    assert result.exit_code == 2
    assert TEMPLATE_ATTACKS[template] in result.stderr, result.stderr


def test_due_says_in_its_report_which_files_it_could_not_read(
    tmp_path: Path, cli: Callable[..., Result]
) -> None:
    import json

    write_file(tmp_path, "avtal.yaml", MINIMAL_AGREEMENT)
    broken = write_file(tmp_path, "trasig.yaml", "trygg: 1\nkind: agreement\nid: [trasig\n")
    report = json.loads(cli("due", str(tmp_path), "--format", "json").stdout)
    assert report["unreadable"] == [str(broken)]
    markdown = cli("due", str(tmp_path), "--format", "markdown").stdout
    assert "1 file could not be read, so what it schedules is missing" in markdown
    assert cli("due", str(tmp_path), "--fail-on", "overdue").exit_code == 1


@pytest.mark.parametrize(
    "nesting",
    [
        "note: " + "[" * 20_000,  # past libyaml's own cap of 1,000
        "note: " + "[" * 500 + "]" * 500,  # within it: bounded as the tree is built
        "note:\n" + "".join("  " * (i + 1) + f"k{i}:\n" for i in range(900)),  # block style
    ],
)
def test_deep_nesting_is_a_located_limit_however_it_is_written(
    tmp_path: Path, cli: Callable[..., Result], nesting: str
) -> None:
    path = write_file(tmp_path, "djup.yaml", "trygg: 1\nkind: agreement\n" + nesting + "\n")
    result = cli("validate", str(path))
    assert result.exit_code == 1
    assert "error [yaml-limits] the YAML is nested more than 64 levels deep" in result.stdout
    assert "internal error" not in result.stderr
