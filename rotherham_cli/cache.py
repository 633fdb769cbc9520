"""A cache of loaded records, so that a command over a large record set does not parse and validate
every file every time.

One cache file per records folder, in the user's cache folder (``$XDG_CACHE_HOME/judgements``, else
``~/.cache/judgements``; ``~/Library/Caches/judgements`` on macOS; ``%LOCALAPPDATA%\\judgements\\cache``
on Windows), never beside the records. It holds, for each record file, its size and modification time
and what loading it gave: the validated record, or its problems. A file whose size or time changed, a
file added or removed, a new version of the program or of the code and data that judge a record, is
loaded again; problems are cached with the file, so a broken record is reported warm as cold.

A cache that cannot be read (corrupt, truncated, written by another version, not ours) is ignored and
rebuilt; a cache folder that cannot be written means no cache, never a failure. It is written whole to
a temporary file and renamed into place. ``JUDGEMENTS_NO_CACHE=1`` turns it off.

The package also ships the listing rows and facts of its own record set, built by this code
(``data/shipped-rows.pickle``, made by ``tools/build_shipped_cache.py``; a test proves it equals what the
loader builds). They are keyed on each file's path under its folder and its contents (size and
SHA-256), not on times, which an install does not keep: a first run over the shipped records, or a copy
of them, serves a file from them where its bytes are exactly as built, and reads any other file. They
are used only where the code that judges a record (the modules and data :data:`_JUDGES` names) is, byte
for byte, the code they were built with; the libraries are not in the stamp (the same rows were built
with pydantic 2.8, 2.9, 2.10, 2.11 and 2.14, and with PyYAML's C and pure-Python parsers). The cache's
own entries made from them are dropped when the shipped rows change.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import sys
import tempfile
from pathlib import Path
from typing import Any

ENV_OFF = "JUDGEMENTS_NO_CACHE"
_MAGIC = "judgements-record-cache-6"
_CLEAN_SETS = 16  # the scopes (whole folder, one authority, ...) remembered as clean
# The code and data that decide what a record file loads to: a change to any of them invalidates.
_JUDGES = ("models.py", "loader.py", "identity.py", "vocab.py", "authorities.py", "safeyaml.py", "listing.py",
           "context.py", "files.py", "dates.py", "words.py", "errors.py", "query.py", "data/authorities.json")

Entry = tuple[int, int, Any, list]  # size, mtime_ns, the record pickled (bytes) or None, problems
# Markers in place of the pickled record, where none was pickled; the record is read from its file when it
# is wanted. (A pickle never starts with either.)
AS_SHIPPED = b""  # the file's rows came from the shipped rows: its bytes are as shipped
NOT_PICKLED = b"-"  # the file was read for its rows only (a listing, a count or an export wanted no record)

SHIPPED = Path(__file__).resolve().parent / "data" / "shipped-rows.pickle"
_SHIPPED_MAGIC = "judgements-shipped-rows-1"


def entry_of(record: Any, problems: list, pickled: bool = True) -> tuple:
    """What the cache keeps of a loaded file: the record pickled (without ``pickled``, the marker
    :data:`NOT_PICKLED`: pickling every record costs a first listing of England a tenth of its time), its
    problems, and the record's listing row and facts (None for a file that gave no record). Plain values,
    so another process can make it."""
    if record is None:
        return None, problems, None, None
    from .listing import facts_of, visit_of

    blob = pickle.dumps(record, protocol=pickle.HIGHEST_PROTOCOL) if pickled else NOT_PICKLED
    return blob, problems, visit_of(record), facts_of(record)


def cache_dir() -> Path | None:
    if os.environ.get(ENV_OFF, "") not in ("", "0"):
        return None
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA")
        return Path(base) / "judgements" / "cache" if base else None
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "judgements"
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "judgements"


def _judging() -> list[tuple[str, Path]]:
    """The files of :data:`_JUDGES`, by name."""
    here = Path(__file__).resolve().parent
    return [(name, here / name) for name in _JUDGES]


def _stamp() -> str:
    """What the cache's entries depend on besides the files: the version, the judging code and the shipped
    rows (entries made from them are trusted as parts of one clean set). By size and time, which a warm
    run can afford to look at."""
    from . import __version__

    parts = [__version__]
    for name, path in [*_judging(), ("shipped rows", SHIPPED)]:
        try:
            st = path.stat()
            parts.append(f"{name}:{st.st_size}:{st.st_mtime_ns}")
        except OSError:
            parts.append(f"{name}:-")
    return "|".join(parts)


def content_stamp() -> str:
    """What the shipped rows depend on besides the files: the version and the judging code, by contents
    (an install keeps the bytes of the code, not its times)."""
    from . import __version__

    digest = hashlib.sha256(__version__.encode())
    for name, path in _judging():
        try:
            data = path.read_bytes()
        except OSError:
            data = b"-"
        digest.update(f"|{name}:{len(data)}:".encode())
        digest.update(data)
    return digest.hexdigest()


def _group(rel: str) -> str:
    """The part of the shipped rows a file is in: the first folder of its path (its authority's, as the
    shipped records are laid out), so that a command about one authority unpickles only its rows."""
    return rel.split("/", 1)[0] if "/" in rel else ""


def build_shipped(folder: Path) -> bytes:
    """The shipped rows of a record set (tools/build_shipped_cache.py): each file's size, SHA-256 and the
    listing row and facts of its record, loaded here by the loader without any cache. Raises
    :class:`rotherham_cli.errors.RecordProblems` if any file has a problem: only a set that loads clean
    as a whole is shipped, so that any part of it is clean too."""
    from .listing import facts_of, visit_of
    from .loader import load_records

    result = load_records(folder, cached=False)
    result.raise_for_problems()
    index: dict[str, tuple[int, bytes]] = {}
    groups: dict[str, dict] = {}
    for record in result.records:
        path = result.paths[record.id]
        data = path.read_bytes()
        rel = path.relative_to(folder).as_posix()
        index[rel] = (len(data), hashlib.sha256(data).digest())
        groups.setdefault(_group(rel), {})[rel] = (visit_of(record), facts_of(record))
    blobs = {g: pickle.dumps(dict(sorted(rows.items())), protocol=pickle.HIGHEST_PROTOCOL)
             for g, rows in sorted(groups.items())}
    return pickle.dumps((_SHIPPED_MAGIC, content_stamp(), dict(sorted(index.items())), blobs),
                        protocol=pickle.HIGHEST_PROTOCOL)


def shipped_contents(blob: bytes) -> tuple:
    """What a file of shipped rows holds, every part unpickled (to compare two builds by what they hold):
    its magic, its stamp, each file's size and SHA-256, and each group's rows."""
    magic, stamp, index, groups = pickle.loads(blob)
    return magic, stamp, index, {g: pickle.loads(b) for g, b in groups.items()}


class ShippedRows:
    """The shipped rows (see the module's text), read where first wanted; empty where the file is
    missing, unreadable or not ours, or was built by other code than this. Each file's size and SHA-256
    are kept apart from its rows, so that a file that is not as built costs no unpickling."""

    def __init__(self):
        self.index: dict[str, tuple[int, bytes]] = {}
        self.blobs: dict[str, bytes] = {}
        self.groups: dict[str, dict] = {}
        try:
            with open(SHIPPED, "rb") as fh:
                magic, stamp, index, blobs = pickle.load(fh)
            if magic == _SHIPPED_MAGIC and stamp == content_stamp() and isinstance(index, dict) \
                    and isinstance(blobs, dict):
                self.index, self.blobs = index, blobs
        except Exception:  # missing, unreadable, corrupt or foreign: none
            self.index, self.blobs = {}, {}

    def rows(self, rel: str, name: str, size: int) -> tuple | None:
        """The listing row and facts of the file ``name``, at ``rel`` (its path under its folder, with '/')
        and of ``size`` bytes, where its contents are exactly as built; else None."""
        built = self.index.get(rel)
        if built is None or built[0] != size:
            return None
        try:
            with open(name, "rb") as fh:
                data = fh.read(size + 1)
        except OSError:
            return None
        if len(data) != size or hashlib.sha256(data).digest() != built[1]:
            return None
        group = _group(rel)
        rows = self.groups.get(group)
        if rows is None:
            try:
                rows = pickle.loads(self.blobs[group])
            except Exception:
                rows = {}
            self.groups[group] = rows
        return rows.get(rel)


def _file_for(folder: Path) -> Path | None:
    base = cache_dir()
    if base is None:
        return None
    key = hashlib.sha256(str(folder.resolve()).encode("utf-8", "surrogateescape")).hexdigest()[:24]
    return base / f"records-{key}.pickle"


class RecordCache:
    """The cached entries of one records folder: ``get`` what is still good, ``put`` what was loaded.

    The file holds a small head (what the cache is of, the sets of files, as path, size and time, whose
    last full load found no problem at all, and the sizes of the parts) and three parts, each read only
    where needed. The first holds each file's light row for the listing
    (:class:`rotherham_cli.listing.Visit`, standard-library values only): ``part="listing"`` reads only
    it, so that a listing served from it needs neither pydantic nor YAML. The second holds each file's
    facts (:class:`rotherham_cli.listing.VisitFacts`, standard library too) for `england` and `export`;
    ``part="facts"`` reads only it. The third holds each validated record (pickled on its own, unpickled
    only when asked for; where a listing, a count or the shipped rows made the entry, a marker instead, and
    the record is read from its file when a command wants it) and each file's problems.
    """

    def __init__(self, folder: Path, part: str = "all", enabled: bool = True):
        self.folder = folder
        self.path = _file_for(folder) if enabled else None
        self.stamp = _stamp() if self.path else ""
        self.visits: dict[str, Any] = {}
        self.facts: dict[str, Any] = {}
        self.clean: list[frozenset] = []
        self.old: dict[str, Entry] = {}
        self._read(part)
        self.new: dict[str, Entry] = {}
        self.changed = False
        self._shipped: ShippedRows | None = None

    def _read(self, part: str) -> None:
        if self.path is None:
            return
        visits: dict = {}
        facts: dict = {}
        try:
            with open(self.path, "rb") as fh:
                magic, stamp, folder, clean, sizes = pickle.load(fh)
                if magic != _MAGIC or stamp != self.stamp or folder != str(self.folder.resolve()):
                    return
                start = fh.tell()
                # Each part is read only where needed: a listing skips the facts and the records, a count
                # skips the listing rows.
                if part in ("listing", "all"):
                    visits = pickle.load(fh)
                if part in ("facts", "all"):
                    fh.seek(start + sizes[0])
                    facts = pickle.load(fh)
                if part == "all":
                    self.old = pickle.load(fh)
                if not (isinstance(visits, dict) and isinstance(facts, dict) and isinstance(self.old, dict)):
                    raise TypeError("not a cache")
            self.visits, self.facts, self.clean = visits, facts, list(clean)
        except Exception:  # missing, unreadable, truncated, corrupt or foreign: start again
            self.visits, self.facts, self.clean, self.old = {}, {}, [], {}

    def get(self, name: str, st: os.stat_result, record: bool = True) -> tuple[Any, list] | None:
        """What loading a file gave, if it has not changed since: its record (without ``record``, its
        facts) or None, and its problems."""
        entry = self.old.get(name)
        if entry is None or entry[0] != st.st_size or entry[1] != st.st_mtime_ns:
            if not record:  # its facts, where its contents are the shipped set's
                rows = self._shipped_rows(name, st.st_size, st.st_mtime_ns)
                return None if rows is None else (rows[1], [])
            return None
        if entry[2] is None:
            got = None
        elif record and entry[2] in (AS_SHIPPED, NOT_PICKLED):
            return None
        elif not record:
            got = self.facts.get(name)
            if got is None:
                return None
        else:
            # Each record is pickled on its own, so that a command about one authority unpickles only its
            # records, not the whole set's. One that cannot be unpickled is loaded again.
            try:
                got = pickle.loads(entry[2])
            except Exception:
                return None
        self.new[name] = entry
        return got, entry[3]

    def put(self, name: str, st: os.stat_result, record: Any, problems: list, pickled: bool = True) -> None:
        self.put_entry(name, st, entry_of(record, problems, pickled))

    def put_entry(self, name: str, st: os.stat_result, entry: tuple) -> None:
        """Keep what loading a file gave, as :func:`entry_of` made it (here or in another process)."""
        blob, problems, visit, facts = entry
        self.new[name] = (st.st_size, st.st_mtime_ns, blob, problems)
        self.changed = True
        if blob is not None:
            self.visits[name], self.facts[name] = visit, facts
        else:
            self.visits.pop(name, None)
            self.facts.pop(name, None)

    def _shipped_rows(self, name: str, size: int, mtime: int) -> tuple | None:
        """The listing row and facts of a file from the shipped rows, kept in the cache (its record not
        pickled), where its contents are as they were built; else None."""
        if self.path is None:
            return None
        base = str(self.folder)
        if base == os.curdir:
            rel = name
        elif name.startswith(base + os.sep):
            rel = name[len(base) + 1:]
        else:
            return None
        if self._shipped is None:
            self._shipped = ShippedRows()
        rows = self._shipped.rows(rel.replace(os.sep, "/"), name, size)
        if rows is not None:
            self.new[name] = (size, mtime, AS_SHIPPED, [])
            self.visits[name], self.facts[name] = rows
            self.changed = True
        return rows

    def all_shipped(self, names) -> bool:
        """Whether every one of these files (each got or put in this run) holds the contents of a file of
        the shipped rows as they are now (an entry made from other shipped rows is not in a cache of this
        stamp). The shipped set loads with no problem as a whole, so any part of it does: no two of them
        are one visit."""
        return self.path is not None and all(self.new.get(n, (0, 0, None))[2] == AS_SHIPPED for n in names)

    def mark_clean(self, files: frozenset) -> None:
        """The files (path, size, mtime) a full load found no problem in, as a set."""
        if files not in self.clean:
            self.clean = [files, *self.clean][:_CLEAN_SETS]
            self.changed = True

    def clean_rows(self, files: frozenset, facts: bool = False) -> list | None:
        """The light rows (listing rows, or with ``facts`` the facts) of exactly these files (path, size,
        mtime), if a full load found them clean."""
        if files not in self.clean:
            return None
        rows = self.facts if facts else self.visits
        out = [rows.get(name) for name, _, _ in files]
        if any(v is None for v in out):
            return None
        return sorted(out, key=lambda v: v.sort_key)

    def save(self, partial: bool = False) -> None:
        """Write the cache when anything changed; any failure leaves no cache, and no error.

        ``partial``: only some of the folder's files were read; the others' entries are kept.
        """
        if partial:
            self.new = {**self.old, **self.new}
        if self.path is None or (not self.changed and self.new.keys() == self.old.keys() and all(
            self.new[k][:2] == self.old[k][:2] for k in self.new
        )):
            return
        visits = {k: v for k, v in self.visits.items() if k in self.new}
        facts = {k: v for k, v in self.facts.items() if k in self.new}
        tmp = None
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".records-", suffix=".tmp", dir=self.path.parent)
            parts = [pickle.dumps(p, protocol=pickle.HIGHEST_PROTOCOL) for p in (visits, facts, self.new)]
            with os.fdopen(fd, "wb") as fh:
                pickle.dump((_MAGIC, self.stamp, str(self.folder.resolve()), self.clean, [len(p) for p in parts]),
                            fh, protocol=pickle.HIGHEST_PROTOCOL)
                for p in parts:
                    fh.write(p)
            os.replace(tmp, self.path)
            tmp = None
        except Exception:
            pass
        finally:
            if tmp is not None:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
