"""Writing files so that a failure never leaves a half-written file behind."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from trygg_cli.errors import TryggError
from trygg_cli.i18n import _


def write_atomic(path: Path, content: str | bytes) -> None:
    """Write ``content`` (text as UTF-8, or bytes as they are) to a temporary file beside
    ``path``, then rename it into place."""
    directory = path.parent
    try:
        directory.mkdir(parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    except OSError as exc:
        raise TryggError(
            _("cannot write {path}: {reason}").format(path=path, reason=exc.strerror or exc)
        ) from None
    try:
        # mkstemp makes the file private (0600); give it the mode a new file would get.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)
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
