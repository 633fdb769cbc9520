"""A cache of validated records: per records folder, a file per part (a sub-folder, as an authority's in the shipped
set, or the files at its top), so a command about one authority reads its part alone. Entries are keyed on a file's
path and a hash of its bytes (not its times, which ``cp -p`` keeps); a new version or source of the package starts
again. A pickle runs code: folders are used only where the user's alone (made 0700), files where regular, the user's
alone and their checksum holds; else none (``JUDGEMENTS_DEBUG`` says why). ``JUDGEMENTS_NO_CACHE=1`` turns it off."""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import pickle
import stat
import sys
import tempfile
from pathlib import Path
from typing import Any

ENV_OFF = "JUDGEMENTS_NO_CACHE"
_MAGIC = b"judgements-record-cache-8\n"
_HEAD = len(_MAGIC) + 32  # and the SHA-256 of what follows
log = logging.getLogger("judgements.cache")


def digest(data: bytes) -> bytes:  # the hash an entry is keyed on: fast, to see a change (owners are trusted)
    return hashlib.blake2b(data, digest_size=16).digest()


def _name(text: str, suffix: str = ".pickle") -> str:  # a file name for a records folder or a part of one
    return digest(text.encode("utf-8", "surrogateescape")).hex() + suffix


def _owned(st: os.stat_result) -> bool:  # owned by this user, writable by no one else (true where no owners)
    return not hasattr(os, "getuid") or (st.st_uid == os.getuid() and not st.st_mode & (stat.S_IWGRP | stat.S_IWOTH))


def cache_dir(under: str = "") -> Path | None:
    """The user's cache folder (or its sub-folder ``under``), made 0700 where missing; None where off or unsafe."""
    if os.environ.get(ENV_OFF, "") not in ("", "0"):
        return None
    if sys.platform == "win32":
        folder = Path(os.environ.get("LOCALAPPDATA", "")) / "judgements" / "cache"
    elif sys.platform == "darwin":
        folder = Path.home() / "Library" / "Caches" / "judgements"
    else:  # the XDG rule: a relative value is ignored
        base = os.environ.get("XDG_CACHE_HOME", "")
        folder = Path(base if os.path.isabs(base) else Path.home() / ".cache") / "judgements"
    try:
        if not folder.is_absolute():
            raise OSError("not an absolute path")
        folder.parent.mkdir(parents=True, exist_ok=True)
        for each in (folder, folder / under) if under else (folder,):
            if not os.path.lexists(each):
                os.mkdir(each, 0o700)
                os.chmod(each, 0o700)
            if not stat.S_ISDIR((st := os.lstat(each)).st_mode) or not _owned(st):
                raise OSError(f"{each}: not a folder owned by you and writable by you alone")
        return each
    except OSError as exc:
        log.debug("no cache: %s: %s", folder, exc)
        return None


def _stamp() -> bytes:
    """The versions of the package, pydantic (its models are pickled) and Python; a hash of the source and data."""
    from pydantic.version import VERSION

    from . import __version__
    here = os.path.dirname(os.path.realpath(__file__))
    h = hashlib.blake2b(f"{__version__} {VERSION} {sys.version_info[:2]}".encode(), digest_size=16)
    for top, dirs, files in os.walk(here):  # not pathlib's rglob: 5 ms of every command
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        rel = os.path.relpath(top, here)
        for name in sorted(f for f in files if f.endswith(".py") or rel == "data"):
            h.update(f"{rel}/{name}\0".encode() + Path(top, name).read_bytes())
    return h.digest()


class RecordCache:
    """A records folder's entries, a part at a time: ``get`` what a file's bytes loaded to, ``put`` it, ``save``."""

    def __init__(self, folder: Path, enabled: bool = True):
        self.folder = cache_dir("records-" + _name(str(folder.resolve()), "")) if enabled else None
        self.parts: dict[str, dict[str, tuple[bytes, Any, list]]] = {}  # part -> file -> (hash, record, problems)
        self.used: dict[str, set[str]] = {}  # part -> the files of it seen
        self.changed: set[str] = set()
        self.stamp = _stamp() if self.folder else b""

    def _entries(self, part: str) -> dict:  # read when first asked for
        if part not in self.parts:
            self.parts[part], self.used[part] = (self._read(self.folder / _name(part)) if self.folder else {}), set()
        return self.parts[part]

    def _read(self, path: Path) -> dict:
        flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)  # never wait on a FIFO
        try:
            with os.fdopen(os.open(path, flags), "rb") as fh:
                if not stat.S_ISREG((st := os.fstat(fh.fileno())).st_mode) or not _owned(st):
                    raise ValueError("not a regular file owned by you and writable by you alone")
                data = fh.read()
            if data[:_HEAD] != _MAGIC + hashlib.sha256(data[_HEAD:]).digest():
                raise ValueError("damaged, or written by another version")
            stamp, entries = pickle.loads(data[_HEAD:])
            if stamp != self.stamp:
                raise ValueError("started again: the program changed")
        except Exception as exc:  # missing, unreadable, untrusted, damaged, foreign or old: read the records
            if not isinstance(exc, FileNotFoundError):
                log.debug("cache %s not read: %s", path, exc)
            return {}
        return entries

    def get(self, part: str, name: str, key: bytes) -> tuple[Any, list] | None:  # (record or None, problems)
        if (entry := self._entries(part).get(name)) is None or entry[0] != key:
            return None
        self.used[part].add(name)
        return entry[1:]

    def put(self, part: str, name: str, key: bytes, record: Any, problems: list) -> None:
        self._entries(part)[name] = (key, record, problems)
        self.used[part].add(name)
        self.changed.add(part)

    def save(self, whole: bool) -> None:
        """Write each part read that changed or lost files; ``whole`` (every part read): remove the parts gone."""
        if self.folder is None:
            return
        for part, entries in self.parts.items():
            if self.used[part] != entries.keys() or part in self.changed:
                body = pickle.dumps((self.stamp, {k: v for k, v in entries.items() if k in self.used[part]}),
                                    protocol=pickle.HIGHEST_PROTOCOL)
                _write(self.folder / _name(part), _MAGIC + hashlib.sha256(body).digest() + body)
        keep = {_name(p) for p in self.parts}
        gone = [p for p in self.folder.glob("*.pickle") if p.name not in keep]  # and an older version's layout:
        for path in [*gone, *self.folder.parent.glob("records-*.pickle")] if whole else []:
            with contextlib.suppress(OSError):
                path.unlink()


def _write(path: Path, data: bytes, tmp: str = "") -> None:
    try:
        fd, tmp = tempfile.mkstemp(prefix=".records-", suffix=".tmp", dir=path.parent)  # 0600
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except OSError as exc:
        log.debug("cache %s not written: %s", path, exc)
        with contextlib.suppress(OSError):
            os.unlink(tmp)
