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
from .files import ENV_RECORDS, MAX_BYTES, SUFFIXES, record_files, records_dir, shipped_records  # noqa: F401
from .vocab import suggest

if TYPE_CHECKING:
    # Imported where a file is read: a load served from the cache (or the shipped rows) needs neither
    # pydantic nor YAML.
    from pydantic import ValidationError

    from . import safeyaml
    from .models import Record


@dataclass
class LoadResult:
    records: list[Record] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    folder: Path | None = None
    paths: dict[str, str] = field(default_factory=dict)  # record id -> its file

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


def read_file(path: str | os.PathLike, display: str | None = None) -> tuple[bytes | None, list[Problem]]:
    """A record file's bytes, or the problem of reading it (too large, unreadable)."""
    name = display or str(path)
    try:
        fd = os.open(path, os.O_RDONLY)
        try:
            chunks, size = [], 0
            while size <= MAX_BYTES and (chunk := os.read(fd, MAX_BYTES + 1 - size)):  # never past the limit
                chunks.append(chunk)
                size += len(chunk)
            if size > MAX_BYTES:
                return None, [Problem(name, 0, 0, "", f"is larger than the {MAX_BYTES // 1000} kB limit "
                                      f"for a record ({os.fstat(fd).st_size} bytes)")]
        finally:
            os.close(fd)
    except OSError as exc:
        return None, [Problem(name, 0, 0, "", f"cannot be read: {exc.strerror or exc}")]
    return b"".join(chunks), []


def load_file(path: Path, display: str | None = None) -> tuple[Record | None, list[Problem]]:
    """Load one record file. Returns the record (or None) and its problems."""
    data, problems = read_file(path, display)
    if data is None:
        return None, problems
    return load_bytes(data, display or str(path), expected_id=path.stem)


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
    wrong = identity.authority_problems(record)
    if found is None or any(field == "authority.name" for field, _ in wrong):
        line, col = doc.position(("authority", "name"))
        try:
            resolve(record.authority.name, on=record.when.earliest if record.when else None)
            why = f"'{record.authority.name}' is not an authority in the register"
        except JudgementsError as exc:
            why = str(exc)
        return [Problem(name, line, col, "authority.name", why)]
    if wrong:
        return [Problem(name, *doc.position(tuple(field.split("."))), field, why) for field, why in wrong]
    expected = identity.id_for(record, found.slug)
    if expected is not None and record.id != expected:
        line, col = doc.position(("id",))
        return [Problem(name, line, col, "id", f"'{record.id}' does not follow the id rule: it should be '{expected}'")]
    return []


def _same_visits(kept: list[tuple[str, Record]]) -> list[Problem]:
    """Two records of one visit: the second of each pair is reported, naming both files."""
    from . import identity

    name_of = {id(r): name for name, r in kept}
    out: list[Problem] = []
    for first, second in identity.same_visit_pairs([r for _, r in kept]):
        what = "inspection" if second.graded else "visit"
        out.append(Problem(name_of[id(second)], 1, 1, "",
                           f"{Path(name_of[id(first)]).name} and {Path(name_of[id(second)]).name} are the same {what}"))
    return out


def _folder_check(record: Record, name: str, sub: str) -> list[Problem]:
    """In a folder laid out by authority (the shipped set's way), the sub-folder ``sub`` a record is in
    names its authority."""
    from . import identity
    from .authorities import slugs

    slug = identity.authority_slug(record)
    if not sub or slug is None or sub == slug or sub not in slugs():
        return []
    return [Problem(name, 1, 1, "authority.name",
                    f"the record is of {record.authority.name} but filed in the folder of another authority "
                    f"('{sub}/'); move it to '{slug}/'")]


def _part(name: str, head: str) -> tuple[str, str]:
    """The part of the records folder a file is cached under: its sub-folder (an authority's, in the shipped
    set), or '' for a file at the top (``head``: the folder as the file's name starts, as walk_names spells
    it); and that sub-folder again where the file is right in it (else '')."""
    pieces = (name[len(head):] if name.startswith(head) else name).split(os.sep)
    return (pieces[0], pieces[0] if len(pieces) == 2 else "") if len(pieces) > 1 else ("", "")


def load_records(folder: str | os.PathLike | None = None, only: frozenset[str] | None = None,
                 cached: bool = True) -> LoadResult:
    """Load every record under a folder; collect every problem in every file.

    ``only`` (authority slugs) is a hint: in a folder laid out one sub-folder per authority, only those
    sub-folders are read (a command about one authority need not read all of England's records). Without
    ``cached``, every file is read and validated, and no cache is read or written.
    """
    from .cache import RecordCache, digest

    path = records_dir(folder)
    result = LoadResult(folder=path)
    names, partial = record_files(path, only, result.problems)
    cache = RecordCache(path, enabled=cached)
    first_seen: dict[str, str] = {}
    kept: list[tuple[str, Record]] = []
    head = "" if str(path) == os.curdir else os.path.join(str(path), "")
    for display in names:
        try:
            st = os.stat(display)
        except OSError as exc:
            result.problems.append(Problem(display, 0, 0, "", f"cannot be read: {exc.strerror or exc}"))
            continue
        if not stat.S_ISREG(st.st_mode):
            result.problems.append(Problem(display, 0, 0, "", "is not a regular file"))
            continue
        data, problems = read_file(display)
        if data is None:
            result.problems.extend(problems)
            continue
        key, (part, sub) = digest(data), _part(display, head)
        got = cache.get(part, display, key)
        if got is None:
            got = load_bytes(data, display, expected_id=os.path.splitext(os.path.basename(display))[0])
            if got[0] is not None:
                got = (got[0], _folder_check(got[0], display, sub))
            cache.put(part, display, key, *got)
        record, problems = got
        result.problems.extend(problems)
        if record is None or problems:
            continue
        if record.id in first_seen:
            result.problems.append(
                Problem(display, 1, 1, "id", f"duplicate id '{record.id}' (also in {first_seen[record.id]})")
            )
            continue
        first_seen[record.id] = display
        kept.append((display, record))
        result.paths[record.id] = display
    cache.save(whole=not partial)
    same = _same_visits(kept)  # two records of one visit: sorted by date, so it costs little more than a sort
    result.problems.extend(same)
    bad = {p.file for p in same}
    result.records = sorted((r for name, r in kept if name not in bad), key=lambda r: r.sort_key)
    return result


def load_valid(folder: str | os.PathLike | None = None, only: frozenset[str] | None = None) -> list[Record]:
    """Load the records; raise :class:`RecordProblems` if any file is broken."""
    result = load_records(folder, only)
    result.raise_for_problems()
    return result.records


def load_tree(folder: str | os.PathLike) -> list[tuple[Path, Record]]:
    """The records of a folder with the file each is in; raise :class:`RecordProblems` if any is broken."""
    result = load_records(folder)
    result.raise_for_problems()
    return [(Path(result.paths[r.id]), r) for r in result.records]
