"""Writing files so that a failure never leaves a half-written file behind."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from trygg_cli.errors import TryggError
from trygg_cli.i18n import _
from trygg_cli.readfile import describe


def refuse_special(path: Path) -> None:
    """A TryggError if ``path`` exists and is not a regular file: renaming over a device
    (``-o /dev/null`` as root), a FIFO or a socket would replace it, not write to it."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return  # not there yet (or not reachable: writing will say why)
    if stat.S_ISREG(mode):
        return
    raise TryggError(
        _(
            "cannot write {path}: it is {what}, which is not an ordinary file; write to "
            "standard output with '-o -'"
        ).format(path=path, what=describe(mode))
    )


def _temporary(path: Path) -> tuple[int, str]:
    """A new temporary file beside ``path`` (never over something that is not a regular
    file), with the mode a new file would get."""
    refuse_special(path)
    directory = path.parent
    try:
        directory.mkdir(parents=True, exist_ok=True)
        # The name shortened: a file name of up to 255 bytes must still leave room.
        prefix = f".{path.name[:80]}."
        fd, temporary = tempfile.mkstemp(prefix=prefix, suffix=".tmp", dir=directory)
    except OSError as exc:
        raise _cannot_write(path, exc) from None
    try:
        # mkstemp makes the file private (0600); give it the mode a new file would get.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)
    except OSError as exc:
        os.close(fd)
        os.unlink(temporary)
        raise _cannot_write(path, exc) from None
    return fd, temporary


def _cannot_write(path: Path, exc: OSError) -> TryggError:
    return TryggError(
        _("cannot write {path}: {reason}").format(path=path, reason=exc.strerror or exc)
    )


@contextlib.contextmanager
def writing_atomic(path: Path) -> Iterator[TextIO]:
    """Text (UTF-8) written piece by piece to a temporary file beside ``path``, renamed
    into place when the block ends; if it ends with an error, or writing fails, the
    temporary file is removed and ``path`` stays as it was (see :func:`write_atomic`)."""
    fd, temporary = _temporary(path)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", errors="backslashreplace", newline="\n") as out:
            yield out
        os.replace(temporary, path)
    except OSError as exc:
        os.unlink(temporary)
        raise _cannot_write(path, exc) from None
    except BaseException:
        os.unlink(temporary)
        raise


def write_atomic(path: Path, content: str | bytes) -> None:
    """Write ``content`` (text as UTF-8, or bytes as they are) to a temporary file beside
    ``path``, then rename it into place; never over something that is not a regular file
    (:func:`refuse_special`)."""
    fd, temporary = _temporary(path)
    try:
        if isinstance(content, bytes):
            with os.fdopen(fd, "wb") as binary:
                binary.write(content)
        else:
            # backslashreplace: a file name that is not UTF-8 must not stop the report.
            with os.fdopen(
                fd, "w", encoding="utf-8", errors="backslashreplace", newline="\n"
            ) as handle:
                handle.write(content)
        os.replace(temporary, path)
    except OSError as exc:
        os.unlink(temporary)
        raise TryggError(
            _("cannot write {path}: {reason}").format(path=path, reason=exc.strerror or exc)
        ) from None
