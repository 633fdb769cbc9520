"""A cache of validated records, one file per records folder, in the user's cache folder. A file's entry is keyed on
its path and a hash of its bytes (never its times, which ``cp -p`` keeps) and holds its record, pickled, and its
problems; the same-visit check is kept by the set of entries it was made from; a new version or source of the package
starts it again. A pickle runs code when loaded, so the folder is used only where absolute, owned by the user and
writable by no one else (made 0700), and the file only where it is a regular file owned by the user, writable by no
one else, whose checksum holds; else no cache (``JUDGEMENTS_DEBUG`` logs why). Written to a temporary file and renamed
into place; no failure of it fails a command. ``JUDGEMENTS_NO_CACHE=1`` turns it off."""

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
_MAGIC = b"judgements-record-cache-7\n"
log = logging.getLogger("judgements.cache")


def digest(data: bytes) -> bytes:
    """The hash a file's entry is keyed on: fast, a change detector (a pickle is trusted by its owner)."""
    return hashlib.blake2b(data, digest_size=16).digest()


def _owned(st: os.stat_result) -> bool:  # owned by this user, writable by no one else (true where no owners)
    return not hasattr(os, "getuid") or (st.st_uid == os.getuid() and not st.st_mode & (stat.S_IWGRP | stat.S_IWOTH))


def cache_dir() -> Path | None:
    """The user's cache folder for judgements, made where missing; None where it is off or not safe."""
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
        if not os.path.lexists(folder):
            os.mkdir(folder, 0o700)
            os.chmod(folder, 0o700)  # whatever the umask
        st = os.lstat(folder)
        if not stat.S_ISDIR(st.st_mode) or not _owned(st):
            raise OSError("not a folder owned by you and writable by you alone")
    except OSError as exc:
        log.debug("no cache: %s: %s", folder, exc)
        return None
    return folder


def _stamp() -> bytes:
    """The version and a hash of the package's source and data: a change to any of them starts again."""
    from . import __version__

    here = Path(__file__).resolve().parent
    h = hashlib.blake2b(__version__.encode(), digest_size=16)
    for path in sorted([*here.rglob("*.py"), *(here / "data").glob("*")]):
        if path.is_file():
            h.update(path.relative_to(here).as_posix().encode() + b"\0" + path.read_bytes())
    return h.digest()


class RecordCache:
    """The entries of one records folder: ``get`` what a file's bytes loaded to, ``put`` a new one."""

    def __init__(self, folder: Path, enabled: bool = True):
        base = cache_dir() if enabled else None
        key = hashlib.sha256(str(folder.resolve()).encode("utf-8", "surrogateescape")).hexdigest()[:24]
        self.path = base / f"records-{key}.pickle" if base else None
        self.entries: dict[str, tuple[bytes, bytes | None, list]] = {}
        self.checks: dict[bytes, list] = {}
        self.used: set[str] = set()
        self.changed = False
        self.stamp = _stamp() if self.path else b""
        if self.path:
            self._read(self.path)

    def _read(self, path: Path) -> None:
        flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)  # never wait on a FIFO
        n = len(_MAGIC)
        try:
            with os.fdopen(os.open(path, flags), "rb") as fh:
                st = os.fstat(fh.fileno())
                if not stat.S_ISREG(st.st_mode) or not _owned(st):
                    raise ValueError("not a regular file owned by you and writable by you alone")
                data = fh.read()
            if data[:n] != _MAGIC or hashlib.sha256(data[n + 32:]).digest() != data[n:n + 32]:
                raise ValueError("damaged, or written by another version")
            stamp, entries, checks = pickle.loads(data[n + 32:])
        except Exception as exc:  # missing, unreadable, untrusted, damaged or foreign: read the records
            if not isinstance(exc, FileNotFoundError):
                log.debug("cache %s not read: %s", path, exc)
            return
        if stamp != self.stamp:
            return log.debug("cache %s started again: the program changed", path)
        self.entries, self.checks = entries, checks

    def get(self, name: str, key: bytes) -> tuple[Any, list] | None:
        """What a file loaded to (its record or None, and its problems), if its bytes are as cached."""
        entry = self.entries.get(name)
        if entry is None or entry[0] != key:
            return None
        try:
            record = None if entry[1] is None else pickle.loads(entry[1])
        except Exception as exc:  # an entry that cannot be unpickled is loaded again, and said
            log.debug("cache entry of %s not used: %s", name, exc)
            return None
        self.used.add(name)
        return record, entry[2]

    def put(self, name: str, key: bytes, record: Any, problems: list) -> None:
        self.entries[name] = (key, None if record is None else pickle.dumps(record, pickle.HIGHEST_PROTOCOL), problems)
        self.used.add(name)
        self.changed = True

    def put_checks(self, key: bytes, problems: list) -> None:
        self.checks = dict(list({key: problems, **self.checks}.items())[:8])  # the whole folder, one authority, ...
        self.changed = True

    def save(self, whole: bool) -> None:
        """Write the cache where anything changed (``whole``: every file was seen; the others are dropped)."""
        if whole and self.used != self.entries.keys():
            self.entries = {k: v for k, v in self.entries.items() if k in self.used}
            self.changed = True
        if self.path is None or not self.changed:
            return
        body = pickle.dumps((self.stamp, self.entries, self.checks), protocol=pickle.HIGHEST_PROTOCOL)
        tmp = ""
        try:
            fd, tmp = tempfile.mkstemp(prefix=".records-", suffix=".tmp", dir=self.path.parent)  # 0600
            with os.fdopen(fd, "wb") as fh:
                fh.write(_MAGIC + hashlib.sha256(body).digest() + body)
            os.replace(tmp, self.path)
        except OSError as exc:
            log.debug("cache %s not written: %s", self.path, exc)
            with contextlib.suppress(OSError):
                os.unlink(tmp)
