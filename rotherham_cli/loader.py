"""Find and load the record set: one YAML file per visit, validated into :class:`Record` models.

``load_records`` reads every file, collects every problem in every file (with file, line,
column and field), and returns the records and the problems. It never prints.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import Problem, RecordProblems
from .files import ENV_RECORDS, SUFFIXES, record_files, records_dir, shipped_records  # noqa: F401
from .vocab import suggest

if TYPE_CHECKING:
    # Imported where a file is read: a load served from the cache (or the shipped rows) needs neither
    # pydantic nor YAML.
    from pydantic import ValidationError

    from . import safeyaml
    from .listing import VisitFacts
    from .models import Record


@dataclass
class LoadResult:
    records: list[Record] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    folder: Path | None = None
    paths: dict[str, Path] = field(default_factory=dict)  # record id -> its file

    def raise_for_problems(self) -> None:
        if self.problems:
            raise RecordProblems(self.problems)


def _field_name(loc: tuple) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out


def _clean(msg: str) -> str:
    for prefix in ("Value error, ", "Assertion failed, "):
        if msg.startswith(prefix):
            return msg[len(prefix):]
    return msg


def _fields_of(model, loc: tuple) -> list[str]:
    """The field names allowed where loc points, for suggestions on unknown keys."""
    from pydantic import BaseModel

    cls = model
    for part in loc:
        if isinstance(part, int):
            continue
        info = getattr(cls, "model_fields", {}).get(part)
        if info is None:
            return []
        ann = info.annotation
        sub = _model_in(ann)
        if sub is None:
            return []
        cls = sub
    if isinstance(cls, type) and issubclass(cls, BaseModel):
        return list(cls.model_fields)
    return []


def _model_in(ann) -> type | None:
    import typing

    from pydantic import BaseModel

    if isinstance(ann, type) and issubclass(ann, BaseModel):
        return ann
    for arg in typing.get_args(ann):
        found = _model_in(arg)
        if found is not None:
            return found
    return None


def validation_problems(name: str, doc: safeyaml.Document, exc: ValidationError) -> list[Problem]:
    out = []
    for err in exc.errors(include_url=False):
        loc = tuple(err["loc"])
        kind = err["type"]
        msg = _clean(err["msg"])
        if "[key]" in loc:
            i = loc.index("[key]")
            path = loc[:i]
            line, col = doc.key_position(path)
            loc = path
        elif kind == "extra_forbidden":
            line, col = doc.key_position(loc)
            from .models import Record

            allowed = _fields_of(Record, loc[:-1])
            msg = f"unknown field '{loc[-1]}'" + (suggest(str(loc[-1]), allowed) if allowed else "")
            if allowed and "did you mean" not in msg:
                msg += f"; expected one of: {', '.join(allowed)}"
        elif kind == "missing":
            line, col = doc.position(loc[:-1])
            msg = "a record needs at least one source" if loc == ("sources",) else "required field is missing"
        else:
            line, col = doc.position(loc)
            if kind == "too_short" and loc == ("sources",):
                msg = "a record needs at least one source"
            elif "input" in err and kind in ("enum", "literal_error") and isinstance(err["input"], str):
                msg = f"'{err['input']}' is not allowed; {msg[0].lower()}{msg[1:]}"
        out.append(Problem(name, line, col, _field_name(loc), msg))
    return out


def load_file(path: Path, display: str | None = None, size: int | None = None) -> tuple[Record | None, list[Problem]]:
    """Load one record file (``size``, where known, its size in bytes). Returns the record (or None) and
    its problems."""
    from . import safeyaml

    name = display or str(path)
    try:
        with path.open("rb") as fh:
            # Read one byte past the limit, never the whole of a huge (or sparse) file; where the size is
            # known, ask for no more than it (a read asks for a buffer of the size it is given).
            limit = safeyaml.MAX_BYTES + 1
            data = fh.read(limit if size is None else min(size + 1, limit))
            if len(data) < limit and size is not None and len(data) > size:  # it grew since: read the rest
                data += fh.read(limit - len(data))
            if len(data) > safeyaml.MAX_BYTES:
                size = os.fstat(fh.fileno()).st_size
                return None, [Problem(name, 0, 0, "", f"is larger than the {safeyaml.MAX_BYTES // 1000} kB limit "
                                      f"for a record ({size} bytes)")]
    except OSError as exc:
        return None, [Problem(name, 0, 0, "", f"cannot be read: {exc.strerror or exc}")]
    return load_bytes(data, name, expected_id=path.stem)


def load_bytes(data: bytes, name: str, expected_id: str | None = None) -> tuple[Record | None, list[Problem]]:
    from pydantic import ValidationError

    from . import safeyaml
    from .models import Record, RuleViolations

    try:
        doc = safeyaml.read_bytes(data, positions=False)  # worked out only for a problem
    except safeyaml.YamlProblem as exc:
        return None, [Problem(name, exc.line, exc.column, "", exc.message)]
    if not isinstance(doc.value, dict):
        what = "a list" if isinstance(doc.value, list) else "a single value" if doc.value is not None else "empty"
        return None, [Problem(name, 1, 1, "", f"a record must be a YAML mapping of fields, but this is {what}")]
    problems: list[Problem] = []
    record = None
    try:
        record = Record.model_validate(doc.value)
    except ValidationError as exc:
        problems.extend(validation_problems(name, doc, exc))
    except RuleViolations as exc:
        for loc, msg in exc.problems:
            line, col = doc.position(loc)
            problems.append(Problem(name, line, col, _field_name(loc), msg))
    if record is not None and not problems:
        problems.extend(_record_checks(record, name, doc))
    if expected_id is not None:
        given = doc.value.get("id")
        if isinstance(given, str) and given != expected_id:
            line, col = doc.position(("id",))
            problems.append(
                Problem(name, line, col, "id", f"'{given}' does not match the file name '{expected_id}'")
            )
    return (record if not problems else None), problems


def _record_checks(record: Record, name: str, doc: safeyaml.Document) -> list[Problem]:
    """A record's authority is in the register and its id follows the rule (identity.py)."""
    from . import identity
    from .authorities import resolve
    from .errors import JudgementsError

    found = identity.authority_of(record)
    if found is None:
        line, col = doc.position(("authority", "name"))
        try:
            resolve(record.authority.name, on=record.when.earliest if record.when else None)
            why = f"'{record.authority.name}' is not an authority in the register"
        except JudgementsError as exc:
            why = str(exc)
        return [Problem(name, line, col, "authority.name", why)]
    expected = identity.id_for(record, found.slug)
    if expected is not None and record.id != expected:
        line, col = doc.position(("id",))
        return [Problem(name, line, col, "id", f"'{record.id}' does not follow the id rule: it should be '{expected}'")]
    return []


def _same_visits(entries: list[tuple[str, VisitFacts]]) -> list[Problem]:
    """Two records of one visit (given by their facts): the second of each pair is reported, naming both
    files."""
    from . import identity

    out: list[Problem] = []
    by_slug: dict[str, list[tuple[str, VisitFacts]]] = {}
    for name, facts in entries:
        by_slug.setdefault(facts.slug or "", []).append((name, facts))
    for slug, group in by_slug.items():
        for i, (name, rec) in enumerate(group):
            for other_name, other in group[:i]:
                if identity.distance(rec, other, slug, slug) is not None:
                    what = "inspection" if rec.graded else "visit"
                    out.append(Problem(name, 1, 1, "",
                                       f"{Path(other_name).name} and {Path(name).name} are the same {what}"))
                    break
    return out


def load_records(folder: str | os.PathLike | None = None, only: frozenset[str] | None = None,
                 cached: bool = True) -> LoadResult:
    """Load every record under a folder; collect every problem in every file.

    ``only`` (authority slugs) is a hint: in a folder laid out one sub-folder per authority, only those
    sub-folders are read (a command about one authority need not read all of England's records). Without
    ``cached``, every file is read and validated, and no cache is read or written.
    """
    return _load(folder, only, records=True, cached=cached)[0]


def refresh(folder: str | os.PathLike | None = None, only: frozenset[str] | None = None):
    """Bring the cache of a folder up to date without making the records (the listing rows and facts the
    fast paths serve are made as each file is read): the cache, and the files read as (name, size,
    modification time), which the cache marks clean where they hold no problem."""
    _, cache, scope = _load(folder, only, records=False)
    return cache, scope


def _load(folder, only, records: bool, cached: bool = True):
    """load_records and refresh: the result (with the records only where ``records``), the cache kept up
    to date (none without ``cached``), and the files read as (name, size, modification time)."""
    from .cache import RecordCache
    from .listing import facts_of

    path = records_dir(folder)
    result = LoadResult(folder=path)
    first_seen: dict[str, str] = {}
    kept: list[tuple[str, object]] = []
    cache = RecordCache(path, enabled=cached)
    names, partial = record_files(path, only, result.problems)
    found: list[tuple[str, Path, os.stat_result]] = []
    for display in names:
        entry = Path(display)
        try:
            st = entry.stat()
        except OSError as exc:
            result.problems.append(Problem(display, 0, 0, "", f"cannot be read: {exc.strerror or exc}"))
            continue
        if not stat.S_ISREG(st.st_mode):
            result.problems.append(Problem(display, 0, 0, "", "is not a regular file"))
            continue
        found.append((display, entry, st))
    # What each file loads to (its record, or without ``records`` its facts, and its problems): from the
    # cache where it is still good; the rest read, in several processes where there are many.
    hits = {display: cache.get(display, st, records) for display, _, st in found}
    hits.update(_load_all([f for f in found if hits[f[0]] is None], cache, records))
    for display, entry, _ in found:
        record, problems = hits[display]
        result.problems.extend(problems)
        if record is None:
            continue
        if record.id in first_seen:
            result.problems.append(
                Problem(display, 1, 1, "id", f"duplicate id '{record.id}' (also in {first_seen[record.id]})")
            )
            continue
        first_seen[record.id] = display
        kept.append((display, record))
        result.paths[record.id] = entry
    scope = frozenset((display, st.st_size, st.st_mtime_ns) for display, _, st in found)
    # Files a full load found clean as they are now, or all of the shipped set as built, hold no two records
    # of one visit: the search is skipped.
    same: list[Problem] = []
    if result.problems or scope not in cache.clean:
        same = _same_visits([(name, cache.facts.get(name) or facts_of(r)) for name, r in kept])
    result.problems.extend(same)
    if not result.problems:
        cache.mark_clean(scope)
    cache.save(partial=partial)
    if records:
        bad = {p.file for p in same}
        result.records = sorted((r for name, r in kept if name not in bad), key=lambda r: r.sort_key)
    return result, cache, scope


def _load_all(files: list[tuple[str, Path, os.stat_result]], cache, records: bool) -> dict[str, tuple]:
    """Read record files the cache did not hold and keep them in it: what each gave (its record, or
    without ``records`` its facts, and its problems), by its name.

    Shared among processes where there are many (a first run over England): each child sends back what
    the cache keeps of its files; the records are unpickled from that here only where they are wanted."""
    import pickle

    from .cache import entry_of
    from .workers import shared

    def here(share):
        out = []
        for display, entry, st in share:
            record, problems = load_file(entry, display, st.st_size)
            cache.put(display, st, record, problems, pickled=records)
            out.append((record if records or record is None else cache.facts[display], problems))
        return out

    def there(share):
        return [entry_of(*load_file(entry, display, st.st_size), pickled=records) for display, entry, st in share]

    loaded: dict[str, tuple] = {}
    for share, results, in_child in shared(files, here, there):
        for (display, _, st), got in zip(share, results, strict=True):
            if in_child:
                cache.put_entry(display, st, got)
                blob, problems, _, facts = got
                got = (None if blob is None else pickle.loads(blob) if records else facts, problems)
            loaded[display] = got
    return loaded


def load_valid(folder: str | os.PathLike | None = None, only: frozenset[str] | None = None) -> list[Record]:
    """Load the records; raise :class:`RecordProblems` if any file is broken."""
    result = load_records(folder, only)
    result.raise_for_problems()
    return result.records


def load_tree(folder: str | os.PathLike) -> list[tuple[Path, Record]]:
    """The records of a folder with the file each is in; raise :class:`RecordProblems` if any is broken."""
    result = load_records(folder)
    result.raise_for_problems()
    return [(result.paths[r.id], r) for r in result.records]
