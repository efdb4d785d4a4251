"""What the commands do with the terminal: a line on stderr, a progress bar, colour or
not, a report to a file or the screen, a date from the command line, a question."""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from trygg_cli.errors import TryggError
from trygg_cli.i18n import _

if TYPE_CHECKING:
    from trygg_cli.scaffold import Written

_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def err(line: str) -> None:
    """One line on stderr, its whitespace (newlines too) run together, every personnummer
    masked and control characters escaped (an error message may quote a file name or a
    value)."""
    from trygg_cli.textout import printable_line

    sys.stderr.write(printable_line(line) + "\n")


def to_screen(output: Path | None) -> bool:
    """Whether a report goes to standard output (no --output, or '-')."""
    return output is None or str(output) == "-"


def write_report(report: str | bytes, output: Path | None) -> None:
    """The report to ``output`` (whole or not at all), or to the screen (bytes, such as a
    PDF, to standard output as they are); never over a trygg document (``-o avtal.yaml``
    beside ``avtal.yaml`` would replace the source)."""
    if output is None or to_screen(output):
        if isinstance(report, bytes):
            sys.stdout.flush()
            sys.stdout.buffer.write(report)
            sys.stdout.buffer.flush()
        else:
            sys.stdout.write(report)
    else:
        from trygg_cli.atomicfile import write_atomic

        _refuse_a_document(output)
        write_atomic(output, report)


def write_chunks(chunks: Iterable[str], output: Path | None) -> None:
    """:func:`write_report` for a report made piece by piece: each piece written as it
    comes, to the screen or to a temporary file that becomes ``output`` only once whole."""
    batches = _batched(chunks)
    if output is None or to_screen(output):
        for batch in batches:
            sys.stdout.write(batch)
        return
    from trygg_cli.atomicfile import writing_atomic

    _refuse_a_document(output)
    with writing_atomic(output) as handle:
        for batch in batches:
            handle.write(batch)


def _batched(chunks: Iterable[str], size: int = 512) -> Iterator[str]:
    """``chunks`` joined ``size`` at a time: fewer, larger writes."""
    batch: list[str] = []
    for chunk in chunks:
        batch.append(chunk)
        if len(batch) >= size:
            yield "".join(batch)
            batch.clear()
    if batch:
        yield "".join(batch)


def _refuse_a_document(output: Path) -> None:
    from trygg_cli.readfile import read_regular

    try:
        head = read_regular(str(output))
    except OSError:
        return  # not there, or no regular file: writing says why
    from trygg_cli.check import is_trygg_text

    if is_trygg_text(head):
        message = _(
            "{path} is a trygg document, and the output would replace it; "
            "choose another file for the output"
        )
        raise TryggError(message.format(path=output))


def color_wanted(output: Path | None, no_color: bool = False) -> bool:
    """Colour only for a terminal, and not with --no-color or NO_COLOR set."""
    return (
        not no_color
        and not os.environ.get("NO_COLOR")
        and to_screen(output)
        and sys.stdout.isatty()
    )


def parse_day(text: str | None, option: str) -> date:
    """``--today``/``--as-of``: a YYYY-MM-DD date, or today when not given."""
    if text is None:
        return date.today()
    try:
        if not _DAY.fullmatch(text):
            raise ValueError(text)
        return date.fromisoformat(text)
    except ValueError:
        raise TryggError(
            _("{option} needs a date written YYYY-MM-DD, not '{text}'").format(
                option=option, text=text
            )
        ) from None


class Progress:
    """A progress bar on stderr, only when stderr is a terminal and the run is long.

    ``with Progress() as progress:`` gives the callback the core takes, or None.
    """

    def __init__(self, threshold: int = 200) -> None:
        self.threshold = threshold
        self.bar: Any = None
        self.task: Any = None

    def __enter__(self) -> Callable[[int, int], None] | None:
        if not sys.stderr.isatty():
            return None
        return self.update

    def update(self, done: int, total: int) -> None:
        if total < self.threshold:
            return
        if self.bar is None:
            from rich.console import Console
            from rich.progress import Progress as Bar

            self.bar = Bar(console=Console(stderr=True), transient=True)
            self.bar.start()
            self.task = self.bar.add_task(_("Checking files"), total=total)
        self.bar.update(self.task, completed=done)

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.stop()


def interactive() -> bool:
    """Whether someone can answer questions: standard input is a terminal."""
    return sys.stdin.isatty()


def ask(prompt: str, default: str | None, check: Callable[[str], str | None]) -> str:
    """Ask in the terminal until the answer passes ``check``."""
    import typer

    def value(text: str) -> str:
        problem = check(text.strip())
        if problem is not None:
            raise typer.BadParameter(problem)
        return text.strip()

    return str(typer.prompt(prompt, default=default, value_proc=value))


def report_written(done: Written) -> None:
    """A line on stderr for each file ``trygg init`` or ``trygg new`` created, replaced or
    left alone."""
    for path in done.created:
        err(_("created {path}").format(path=path))
    for path in done.replaced:
        err(_("replaced {path}").format(path=path))
    for path in done.kept:
        err(_("exists, left alone (--force replaces it): {path}").format(path=path))
