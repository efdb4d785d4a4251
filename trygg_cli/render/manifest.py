"""What trygg wrote into a site's folder: ``.trygg-site.json``, each page with the hash of
what it was made from (render.facts.page_key) and the size and time it was written with.

A page is rendered again only when its hash differs or the file is not as trygg left it;
a page trygg wrote before and no document makes any more is removed, unless someone has
changed it since. A file trygg did not write is never touched. A manifest that cannot be
read, or names anything but a page in the folder itself, is ignored: every page is then
rendered again.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import stat
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import NamedTuple

from trygg_cli.atomicfile import write_atomic
from trygg_cli.readfile import read_regular
from trygg_cli.resources import templates_dir

NAME = ".trygg-site.json"
_FORMAT = 1
_MAX_BYTES = 64 << 20


class Entry(NamedTuple):
    key: str
    size: int
    mtime_ns: int


def read(folder: Path, suffix: str) -> dict[str, Entry]:
    """The pages the manifest in ``folder`` lists (none when there is no usable one)."""
    try:
        data = json.loads(read_regular(str(folder / NAME), _MAX_BYTES, follow_links=False))
        pages = data["pages"] if data.get("format") == _FORMAT else {}
        return {
            name: Entry(str(key), int(size), int(mtime))
            for name, (key, size, mtime) in pages.items()
            if _page_name(name, suffix)
        }
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return {}


def _page_name(name: object, suffix: str) -> bool:
    """Whether ``name`` can be one of trygg's pages: a plain file name in the folder."""
    return (
        isinstance(name, str)
        and name.endswith(suffix)
        and not name.startswith(".")
        and "/" not in name
        and "\\" not in name
        and "\0" not in name
    )


def as_left(folder: Path, name: str, entry: Entry) -> bool:
    """Whether the page ``name`` is a regular file still as trygg wrote it."""
    try:
        info = os.lstat(folder / name)
    except OSError:
        return False
    return (
        stat.S_ISREG(info.st_mode)
        and info.st_size == entry.size
        and info.st_mtime_ns == entry.mtime_ns
    )


def remove_gone(folder: Path, before: Mapping[str, Entry], kept: Iterable[str]) -> None:
    """Remove the pages trygg wrote before that are no longer made, if still as left."""
    keep = set(kept)
    for name, entry in before.items():
        if name not in keep and as_left(folder, name, entry):
            with contextlib.suppress(OSError):
                os.unlink(folder / name)


def write(folder: Path, pages: Mapping[str, Entry]) -> None:
    """The manifest, written only when it changed (and not at all while it lists nothing)."""
    data = {"format": _FORMAT, "pages": {name: list(entry) for name, entry in pages.items()}}
    text = json.dumps(data, separators=(",", ":"), sort_keys=True) + "\n"
    try:
        if read_regular(str(folder / NAME), _MAX_BYTES, follow_links=False) == text.encode():
            return
    except OSError:
        if not pages:
            return
    write_atomic(folder / NAME, text)


def templates_fingerprint(template_dir: Path | None) -> str:
    """Every template file's name and bytes, of the user's folder and trygg's own."""
    digest = hashlib.blake2b(digest_size=16)
    folders = [template_dir] if template_dir is not None else []
    for folder in [*folders, templates_dir()]:
        for root, dirs, files in os.walk(folder):
            dirs.sort()
            for name in sorted(files):
                path = os.path.join(root, name)
                try:
                    content = read_regular(path)
                except OSError:
                    content = b"?"
                digest.update(path.encode("utf-8", "surrogateescape") + b"\0")
                digest.update(hashlib.blake2b(content).digest())
    return digest.hexdigest()
