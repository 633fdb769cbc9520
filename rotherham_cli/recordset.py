"""A record set on disk, and merging new sources into it.

Every importer writes through :func:`merge_into`. A visit already in the set (by the rule of
:mod:`rotherham_cli.identity`) is completed, never duplicated; a new visit gets a file of its own at
``<folder>/<authority slug>/<record id>.yaml``.

How a record and a source are merged is :mod:`rotherham_cli.merging`'s (:func:`merge`).
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import astuple
from pathlib import Path

from . import identity
from .merging import (
    AUTHORITY_CODES,
    DATES,
    DISAGREE,
    LISTS,
    SCALARS,
    Disagreement,
    MergeError,
    MergeResult,
    fact_paths,
    is_curated,
    merge,
    rank,
)
from .models import Record

__all__ = [
    "AUTHORITY_CODES",
    "DATES",
    "DISAGREE",
    "LISTS",
    "SCALARS",
    "Disagreement",
    "MergeError",
    "MergeInterrupted",
    "MergeResult",
    "dump",
    "fact_paths",
    "is_curated",
    "merge",
    "merge_into",
    "overlay",
    "plan",
    "rank",
]


def dump(record_or_data: Record | dict) -> str:
    """A record's YAML text, fields in the model's order (so equal records give equal bytes)."""
    from .recordyaml import dump_record

    record = record_or_data
    if not isinstance(record, Record):
        record = Record.model_validate(record)
    return dump_record(record.model_dump(mode="json", exclude_none=True))


def plan(existing: Iterable[tuple[Path, Record]], incoming: Iterable[Record], folder: Path) -> tuple[
        dict[Path, Record], MergeResult]:
    """What merging would write: {path: record} for new and changed files, and the result so far."""
    from pydantic import ValidationError

    from .models import RuleViolations

    result = MergeResult()
    by_slug: dict[str, list[tuple[Path, Record]]] = {}
    taken: dict[str, Path] = {}
    for path, rec in existing:
        by_slug.setdefault(identity.authority_slug(rec) or "", []).append((path, rec))
        taken[rec.id] = path
    writes: dict[Path, Record] = {}
    for rec in sorted(incoming, key=lambda r: r.sort_key):
        slug = identity.authority_slug(rec)
        if slug is None:
            result.problems.append(f"{rec.id}: authority '{rec.authority.name}' is not in the register")
            continue
        pool = by_slug.setdefault(slug, [])
        match = identity.find_same(rec, [r for _, r in pool], slug)
        if match is None:
            new_id = identity.id_for(rec, slug)
            if new_id in taken:
                result.problems.append(
                    f"{rec.id}: its id {new_id} is taken by another visit ({taken[new_id]}); not written"
                )
                continue
            data = rec.model_dump(mode="json", exclude_none=True)
            data["id"] = new_id
            merged, _ = merge({k: v for k, v in data.items() if k not in ("sources", "notes")} | {"sources": []},
                              data)
            path = folder / slug / f"{new_id}.yaml"
        else:
            path = next(p for p, r in pool if r is match)
            before = match.model_dump(mode="json", exclude_none=True)
            merged, found = merge(before, rec.model_dump(mode="json", exclude_none=True), str(path))
            result.disagreements.extend(found)
        try:
            new_record = Record.model_validate(merged)
        except (ValidationError, RuleViolations) as exc:
            result.problems.append(f"{path}: merging {rec.id} would make an invalid record: {exc}")
            continue
        if new_record == match:
            result.unchanged += 1
            continue
        if match is None:
            taken[new_record.id] = path
            result.new.append(path)
        else:
            pool[:] = [(p, r) for p, r in pool if r is not match]
            renamed = _renamed(new_record, merged, slug, path, taken)
            if renamed is not None:
                new_record, new_path = renamed
                writes.pop(path, None)
                result.removed.append(path)
                _replace(result.new, path, new_path)
                result.disagreements = [
                    d if d.file != str(path) else Disagreement(str(new_path), *astuple(d)[1:])
                    for d in result.disagreements
                ]
                path = new_path
            if path not in result.new and path not in result.updated:
                result.updated.append(path)
        pool.append((path, new_record))
        writes[path] = new_record
    return writes, result


def _renamed(record: Record, data: dict, slug: str, path: Path, taken: dict[str, Path]) -> tuple[Record, Path] | None:
    """A record made by importers whose id the merge outdated (a start date came in that moves its year,
    or its month) moves to the id the rule now gives; a record a person wrote keeps its id."""
    want = identity.id_for(record, slug)
    if want is None or want == record.id or is_curated(data) or want in taken:
        return None
    del taken[record.id]
    taken[want] = new_path = path.with_name(f"{want}.yaml")
    return Record.model_validate({**data, "id": want}), new_path


def _replace(paths: list[Path], old: Path, new: Path) -> None:
    if old in paths:
        paths[paths.index(old)] = new


def merge_into(folder: str | os.PathLike, records: Iterable[Record]) -> MergeResult:
    """Merge records into the record set in ``folder`` (created if need be) and write what changed.

    Every file is written whole through a temporary file; an interrupt stops between files, and
    :class:`MergeInterrupted` says what was written, so that running the import again completes it.
    """
    from .loader import load_tree
    from .output import OutputError, write_atomic

    root = Path(folder)
    if root.exists() and not root.is_dir():
        raise MergeError(f"{root}: is a file, not a records folder")
    existing = load_tree(root) if root.exists() else []
    writes, result = plan(existing, records, root)
    done: list[Path] = []
    try:
        for path, record in writes.items():
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                write_atomic(path, dump(record).encode("utf-8"), force=path.exists())
            except OSError as exc:
                raise MergeError(f"{path.parent}: cannot create the folder ({exc.strerror or exc})") from None
            except OutputError as exc:
                raise MergeError(str(exc)) from None
            done.append(path)
        for path in result.removed:
            if path not in writes:
                path.unlink(missing_ok=True)
    except KeyboardInterrupt:
        raise MergeInterrupted(done, len(writes)) from None
    return result


class MergeInterrupted(KeyboardInterrupt):
    """An interrupted merge: the files written before it stopped (each whole)."""

    def __init__(self, written: list[Path], planned: int):
        super().__init__(f"interrupted after writing {len(written)} of {planned} files; "
                         "run the same import again to complete it")
        self.written = written
        self.planned = planned


def overlay(base: list[Record], mine: list[Record]) -> list[Record]:
    """A user's records over another set (the shipped national set): where one of ``mine`` is the same
    visit as one of ``base``, the user's stands in its place."""
    by_slug: dict[str | None, list[Record]] = {}
    for r in mine:
        by_slug.setdefault(identity.authority_slug(r), []).append(r)
    kept = [r for r in base
            if identity.find_same(r, by_slug.get(identity.authority_slug(r), [])) is None]
    return sorted([*kept, *mine], key=lambda r: r.sort_key)
