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
NOT_PICKLED = b"-"  # the file was read for its rows only (a listing, a count or an export wanted no record)



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
    for name, path in _judging():
        try:
            st = path.stat()
            parts.append(f"{name}:{st.st_size}:{st.st_mtime_ns}")
        except OSError:
            parts.append(f"{name}:-")
    return "|".join(parts)


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
            return None
        if entry[2] is None:
            got = None
        elif record and entry[2] == NOT_PICKLED:
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
