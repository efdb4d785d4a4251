"""A cache of per-file results, so that re-running on an unchanged tree skips the parsing.

What a file yields (its findings, ids, references, lint results, schedules) depends only on
its path, its bytes, trygg's version and the run's settings. Results are kept under the
repository's ``.trygg-cache/`` folder (which ignores itself in git) in one pack per kind of
run (validate, lint with given settings, due), keyed by a hash of path and content.

Safety:

* **Hostile or damaged packs.** A pack is pickled data, and unpickling runs code, so every
  pack is signed with HMAC-SHA256 under a secret kept in the user's own cache folder
  (``$XDG_CACHE_HOME/trygg/secret``, mode 0600), never in the repository. A pack whose
  signature does not match — committed by someone else, truncated, edited — is discarded
  unread, and the run checks every file as if there were no cache.
* **Concurrent runs.** A pack is written to a temporary file and renamed into place, so a
  reader sees the old pack or the new one, never half of one; the last writer wins.
* **Anything else** (an unwritable folder, a full disk, no home folder) turns the cache
  off for that run, silently: the cache may only ever save time.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import importlib.util
import os
import pickle
import secrets
import shutil
import stat
import sys
import tempfile
import time
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from trygg_cli import __version__
from trygg_cli.readfile import read_regular

FOLDER = ".trygg-cache"
_MAGIC = b"TRYGG-CACHE-2\n"
_MAC_BYTES = 32
_KEEP_FACTOR = 2  # keep entries of other files up to this many times the current ones
_KEEP_MIN = 10_000
_GITIGNORE = "# Created by trygg: results of earlier runs, safe to delete.\n*\n"
_CACHEDIR_TAG = (
    "Signature: 8a477f597d28d172789f06886806bc55\n"
    "# This file is a cache directory tag created by trygg.\n"
)


def file_key(path: str, raw: bytes) -> str:
    """The cache key of a file: its path and its content."""
    digest = hashlib.sha256(path.encode("utf-8", "surrogateescape"))
    digest.update(b"\0")
    digest.update(raw)
    return digest.hexdigest()


def _secret() -> bytes | None:
    base = os.environ.get("XDG_CACHE_HOME", "")
    if not os.path.isabs(base):  # the XDG rule: a relative value is ignored
        base = os.path.join(os.path.expanduser("~"), ".cache")
    path = os.path.join(base, "trygg", "secret")
    try:
        with open(path, "rb") as handle:
            secret = handle.read()
        if len(secret) >= 32:
            return secret
    except OSError:
        pass
    try:
        os.makedirs(os.path.dirname(path), mode=0o700, exist_ok=True)
        fd, temporary = tempfile.mkstemp(dir=os.path.dirname(path), prefix=".secret-")  # 0600
        with os.fdopen(fd, "wb") as handle:
            handle.write(secrets.token_bytes(32))
        os.replace(temporary, path)
        with open(path, "rb") as handle:  # another run may have won the race: use theirs
            return handle.read()
    except OSError:
        return None


class ResultCache:
    """The pack of one kind of run; see the module docstring.

    A pack holds *blobs*, each a pickled list of results checked together (a worker
    process's chunk of files: the very bytes it sent back, so a first run pickles nothing
    twice), and *entries*, each naming the blob and place of one key's result.
    """

    def __init__(self, folder: Path, profile: str, secret: bytes) -> None:
        self.folder = folder
        self.path = folder / f"{profile}.pack"
        self._secret = secret
        self._pack: tuple[dict[str, tuple[int, int]], list[bytes]] | None = None  # read lazily
        self._beside: list[bytes] = []
        self._beside_entries: dict[str, tuple[int, int]] = {}
        self._base_count = 0
        self._decoded: dict[int, list[Any] | None] = {}
        self._reused: dict[str, tuple[int, int]] = {}  # earlier entries this run relies on
        self._added: dict[str, tuple[int, int]] = {}  # entries of this run's new blobs
        self._new_blobs: list[bytes] = []

    @classmethod
    def open(cls, root: Path | None, settings: str) -> ResultCache | None:
        """The cache for runs with ``settings`` (a stable description of what is kept of
        each file) in the repository at ``root``; ``None`` when there is no repository or
        no private secret can be kept. It lives in ``root/.trygg-cache``, or in the folder
        ``$TRYGG_CACHE_DIR`` names when that is set (trygg's tests use it)."""
        if root is None:
            return None
        secret = _secret()
        if secret is None:
            return None
        from trygg_cli.i18n import language

        described = "\0".join((__version__, sys.version, language(), _code(), settings))
        profile = hashlib.sha256(described.encode()).hexdigest()[:24]
        folder = os.environ.get("TRYGG_CACHE_DIR")
        return cls(Path(folder) if folder else root / FOLDER, profile, secret)

    def __bool__(self) -> bool:
        """Whether the pack holds anything (an empty one: nothing to look up)."""
        return bool(self._entries)

    @property
    def _entries(self) -> dict[str, tuple[int, int]]:
        if self._pack is None:
            self._pack = self._read()
        return self._pack[0]

    @property
    def _blobs(self) -> list[bytes]:
        if self._pack is None:
            self._pack = self._read()
        return self._pack[1]

    def _sign(self, name: str, payload: bytes) -> bytes:
        # The file's name is signed too: a pack cannot be passed off under another's name.
        mac = hmac.new(self._secret, name.encode() + b"\0", "sha256")
        mac.update(payload)
        return mac.digest()

    def _read(self) -> tuple[dict[str, tuple[int, int]], list[bytes]]:
        """The pack, with its companion's entries (see :meth:`save_beside`) after it."""
        entries, blobs = self._read_pack(self.path)
        self._base_count = len(entries)
        more, self._beside = self._read_pack(self._beside_path)
        offset = len(blobs)
        blobs = blobs + self._beside
        entries.update((key, (number + offset, at)) for key, (number, at) in more.items())
        self._beside_entries = more
        return entries, blobs

    def _read_pack(self, path: Path) -> tuple[dict[str, tuple[int, int]], list[bytes]]:
        found = self._read_signed(path)
        entries, blobs = found if isinstance(found, tuple) and len(found) == 2 else ({}, [])
        if not isinstance(entries, dict) or not isinstance(blobs, list):
            return {}, []
        return entries, blobs

    @property
    def _beside_path(self) -> Path:
        return self.path.with_suffix(".beside")

    def _read_signed(self, path: Path) -> Any | None:
        """What a signed file of ours holds; ``None`` when it is missing, not ours or
        damaged (then it is never unpickled)."""
        try:
            data = _read_regular(self.folder, path)
        except OSError:
            return None
        head, mac = data[: len(_MAGIC)], data[len(_MAGIC) : len(_MAGIC) + _MAC_BYTES]
        payload = data[len(_MAGIC) + _MAC_BYTES :]
        if head != _MAGIC or not hmac.compare_digest(mac, self._sign(path.name, payload)):
            return None
        try:
            return pickle.loads(payload)
        except Exception:  # signed, so ours, but unreadable: as if it were not there
            return None

    def _write_signed(self, path: Path, payload: bytes) -> None:
        """Write ``payload`` signed, whole or not at all; OSError when that cannot be."""
        self._prepare_folder()
        fd, temporary = tempfile.mkstemp(dir=self.folder, prefix=".pack-", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(_MAGIC + self._sign(path.name, payload))
                handle.write(payload)
            _clear_the_way(path)
            os.replace(temporary, path)
        except BaseException:
            _remove(temporary)
            raise

    def note(self, name: str) -> Any | None:
        """A small signed file kept beside the pack: ``name`` is ``run`` (this kind of
        run's last outcome) or ``stamps`` (every file's size and times, shared by all
        kinds of run). Read without reading the pack."""
        return self._read_signed(self._note_path(name))

    def note_time(self, name: str) -> int:
        """When the note ``name`` was written, by the file system's clock (0: never)."""
        try:
            return os.stat(self._note_path(name)).st_mtime_ns
        except OSError:
            return 0

    def keep_note(self, name: str, value: Any) -> None:
        """Write the note ``name`` (see :meth:`note`); silently nothing when it cannot be."""
        try:
            payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
            self._write_signed(self._note_path(name), payload)
        except OSError:
            return

    def _note_path(self, name: str) -> Path:
        return self.folder / (f"{name}.note" if name == "stamps" else f"{self.path.stem}.{name}")

    def get(self, key: str) -> Any | None:
        """The result kept under ``key``, or ``None``. Call :meth:`reuse` once the caller
        has judged it usable, so that it is kept for the next run."""
        place = self._entries.get(key)
        if place is None:
            return None
        number, position = place
        if number not in self._decoded:
            try:
                found = pickle.loads(self._blobs[number])
            except Exception:  # signed, so ours, but unreadable: check those files again
                found = None
            self._decoded[number] = found if isinstance(found, list) else None
        items = self._decoded[number]
        return items[position] if items is not None and 0 <= position < len(items) else None

    def reuse(self, key: str) -> None:
        """Keep the earlier result under ``key`` as one of this run's."""
        self._reused[key] = self._entries[key]

    def add(self, keys: Sequence[str | None], blob: bytes) -> None:
        """Keep ``blob``, a pickled list of results, the i-th under ``keys[i]`` (``None``:
        not kept, say a file that could not be read)."""
        number = len(self._new_blobs)
        self._new_blobs.append(blob)
        for position, key in enumerate(keys):
            if key is not None:
                self._added[key] = (number, position)

    def save(self) -> None:
        """Write this run's results, plus earlier entries while they are not too many;
        only when the run added something."""
        if not self._added:
            return
        # This run's entries first, then earlier ones (of files not read this time) up to
        # a cap, most recent first: the order of the pack is the order they are dropped in.
        blobs = list(self._new_blobs)
        entries: dict[str, tuple[int, int]] = dict(self._added)
        numbers: dict[int, int] = {}  # earlier blob → its place in the new pack

        def keep_earlier(key: str, place: tuple[int, int]) -> None:
            number, position = place
            if number not in numbers:
                numbers[number] = len(blobs)
                blobs.append(self._blobs[number])
            entries[key] = (numbers[number], position)

        for key, place in self._reused.items():
            if key not in entries:
                keep_earlier(key, place)
        room = max(_KEEP_FACTOR * len(entries), _KEEP_MIN) - len(entries)
        for key, place in self._entries.items():
            if room <= 0:
                break
            if key not in entries:
                keep_earlier(key, place)
                room -= 1
        payload = pickle.dumps((entries, blobs), protocol=pickle.HIGHEST_PROTOCOL)
        try:
            self._write_signed(self.path, payload)
            _remove(str(self._beside_path))  # its entries are in the pack now
            self._forget_old_packs()
        except OSError:
            return

    def save_beside(self, keep: Iterable[str]) -> None:
        """Keep this run's new results in the pack's small companion file instead of
        writing the whole pack again: for a run that checked a few files of a large tree
        (the next :meth:`save` takes them into the pack). When the companion is full,
        the pack is written, with the entries under ``keep`` among this run's."""
        if not self._added:
            return
        _ = self._entries  # the pack and its companion as they are now
        full = len(self._beside_entries) + len(self._added) > _BESIDE_MAX
        if full or self._base_count == 0:  # no pack yet (or a damaged one): write one
            for key in keep:
                if key in self._entries:
                    self.reuse(key)
            self.save()
            return
        offset = len(self._beside)
        entries = dict(self._beside_entries)
        entries.update((key, (n + offset, at)) for key, (n, at) in self._added.items())
        payload = pickle.dumps((entries, self._beside + self._new_blobs), pickle.HIGHEST_PROTOCOL)
        with contextlib.suppress(OSError):
            self._write_signed(self._beside_path, payload)

    def _prepare_folder(self) -> None:
        self.folder.mkdir(exist_ok=True)
        if not stat.S_ISDIR(os.lstat(self.folder).st_mode):  # a link: not ours to write into
            raise OSError(f"{self.folder} is not a folder")
        for name, text in ((".gitignore", _GITIGNORE), ("CACHEDIR.TAG", _CACHEDIR_TAG)):
            try:
                fd = os.open(
                    self.folder / name, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW, 0o644
                )
            except FileExistsError:
                continue
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(text)

    def _forget_old_packs(self) -> None:
        """Remove packs and their notes not used for a week (lint's depend on the day, so
        they pile up)."""
        cutoff = time.time() - _PACK_DAYS * 86400
        for pack in self.folder.iterdir():
            if pack.suffix not in (".pack", ".beside", ".run", ".links"):
                continue
            with contextlib.suppress(OSError):
                if pack.stem != self.path.stem and os.lstat(pack).st_mtime < cutoff:
                    pack.unlink()


def _clear_the_way(pack: Path) -> None:
    """A folder where the pack belongs (made by hand or by an attack) is removed: a rename
    cannot replace it, and the cache would be off for good without a word."""
    with contextlib.suppress(FileNotFoundError):
        if stat.S_ISDIR(os.lstat(pack).st_mode):
            shutil.rmtree(pack)


_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_MAX_PACK_BYTES = 1 << 30
_PACK_DAYS = 7
_BESIDE_MAX = 2_000  # entries in a pack's companion before the pack is written again


def _read_regular(folder: Path, path: Path) -> bytes:
    """The bytes of ``path`` if it is a regular file (not a link, a FIFO or a device) in a
    real folder, and not absurdly large; else OSError."""
    if not stat.S_ISDIR(os.lstat(folder).st_mode):
        raise OSError(f"{folder} is not a folder")
    return read_regular(str(path), _MAX_PACK_BYTES, follow_links=False)


def _code() -> str:
    """What identifies trygg's own code and the libraries that shape its results: an
    editable install keeps its version number while the code changes."""
    package = os.path.dirname(os.path.abspath(__file__))
    digest = hashlib.sha256()
    for library in ("pydantic", "pydantic_core", "ruamel.yaml", "yaml"):
        # Where the library is and when it was installed, without importing it.
        spec = importlib.util.find_spec(library)
        origin = spec.origin if spec is not None and spec.origin else ""
        with contextlib.suppress(OSError):
            info = os.stat(origin)
            origin += f"\0{info.st_size}\0{info.st_mtime_ns}"
        digest.update(origin.encode("utf-8", "surrogateescape") + b"\0")
    for folder, dirs, files in os.walk(package):
        dirs.sort()
        for name in sorted(files):
            if name.endswith((".py", ".mo", ".csv")):  # the code, the Swedish, the municipalities
                info = os.stat(os.path.join(folder, name))
                digest.update(f"{folder}/{name}\0{info.st_size}\0{info.st_mtime_ns}\0".encode())
    return digest.hexdigest()


def _remove(path: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(path)
