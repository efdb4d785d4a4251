"""Reading a file that may be hostile: only a regular file, and never more than a limit.

A ``*.yaml`` path can be a symbolic link to ``/dev/zero`` (git commits links, a pull
request can bring one), a FIFO that never ends, or a device. :func:`read_regular` opens
without blocking, asks the open file what it is, and reads at most ``limit`` bytes, so a
hostile path costs neither memory nor time.
"""

from __future__ import annotations

import os
import stat

from trygg_cli.i18n import _

# The largest file trygg reads (a trygg document is some tens of kilobytes).
MAX_FILE_BYTES = 8 * 1024 * 1024
_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)


class NotARegularFile(OSError):
    """The path is a FIFO, a device, a socket or a folder; ``what`` says which, in words."""

    def __init__(self, what: str) -> None:
        super().__init__(what)
        self.what = what


class TooLarge(OSError):
    """The file has more than the limit: ``size`` bytes."""

    def __init__(self, size: int) -> None:
        super().__init__(f"{size} bytes")
        self.size = size


def too_large(size: int) -> str:
    """What to say of a file of ``size`` bytes, over :data:`MAX_FILE_BYTES`."""
    return _("the file is {size} MB; trygg reads files up to {limit} MB — split it up").format(
        size=round(size / 1048576, 1), limit=MAX_FILE_BYTES // 1048576
    )


def describe(mode: int) -> str:
    """What a file that is not a regular one is, in words: 'a named pipe (FIFO)' …"""
    if stat.S_ISDIR(mode):
        return _("a folder")
    if stat.S_ISFIFO(mode):
        return _("a named pipe (FIFO)")
    if stat.S_ISSOCK(mode):
        return _("a socket")
    return _("a device")


def read_regular(path: str, limit: int = MAX_FILE_BYTES, *, follow_links: bool = True) -> bytes:
    """The bytes of ``path`` if it is a regular file of at most ``limit`` bytes (a link is
    followed unless ``follow_links`` is false, then it is an ``OSError``); else
    :class:`NotARegularFile`, :class:`TooLarge` or another ``OSError``."""
    fd = os.open(path, _FLAGS if follow_links else _FLAGS | getattr(os, "O_NOFOLLOW", 0))
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise NotARegularFile(describe(info.st_mode))
        if info.st_size > limit:
            raise TooLarge(info.st_size)
        data = handle.read(limit + 1)  # the file may grow while it is read
    if len(data) > limit:
        raise TooLarge(len(data))
    return data
