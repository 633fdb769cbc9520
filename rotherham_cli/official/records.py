"""A release's inspections as records, and writing them."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..models import Record, RuleViolations
from ..vocab import (
    Framework,
    graded_areas,
)
from .layouts import Edition
from .model import PUBLISHER, SOURCE_ID, OfficialInspection, OfficialWriteError, Release

# --------------------------------------------------------------------------------------------


@dataclass
class ReleaseRecords:
    """The records built from a release, and its inspections that could not become one (or only
    with a fact left out), each said in one line."""

    records: list[Record] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def select(release: Release, authority: str | None = None) -> list[OfficialInspection]:
    if authority is None:
        return list(release.inspections)
    name = release.find_authority(authority)
    return [i for i in release.inspections if i.authority == name]


def to_records(release: Release, authority: str | None = None) -> ReleaseRecords:
    """One record per graded inspection and in-year visit of the release (of one authority)."""
    out = ReleaseRecords()
    for ins in select(release, authority):
        data, notes = _record_data(release, ins)
        try:
            out.records.append(Record.model_validate(data))
        except RuleViolations as exc:
            dates = [p for p in exc.problems if p[0] == ("published",)]
            if dates and len(dates) == len(exc.problems):
                # Publication before the inspection: keep the record, leave the start out, say so.
                notes.append(
                    f"The release gives inspection date {ins.start} after publication date "
                    f"{ins.published}; the inspection date is left out."
                )
                data["start"] = None
                out.records.append(Record.model_validate(data))
                out.problems.append(
                    f"{ins.id}: {ins.where}: published {ins.published} before start {ins.start}"
                )
            else:
                out.problems.append(f"{ins.id}: {ins.where}: {exc}")
        except ValidationError as exc:  # pragma: no cover - the reader checks every value first
            first = exc.errors(include_url=False)[0]
            out.problems.append(f"{ins.id}: {ins.where}: {'.'.join(map(str, first['loc']))}: {first['msg']}")
    return out


def _register_name(ins: OfficialInspection) -> str:
    from ..authorities import find

    known = find(ins.ons_code or ins.authority, on=ins.start or ins.published)
    return known.name if known else ins.authority


def _record_data(release: Release, ins: OfficialInspection) -> tuple[dict, list[str]]:
    where = ins.where + "".join(f"; sheet {s} row {r}" for s, r in ins.also)
    notes = []
    if ins.spelling and ins.spelling != _register_name(ins):
        notes.append(f"The release writes the authority's name as '{ins.spelling}'.")
    if release.edition is Edition.LA_INSPECTION_OUTCOMES:
        status = release.authorities[ins.authority].status
        if status and status != "Current":
            notes.append(f"Local authority status in the release: {status}.")
    elif ins.status:
        notes.append(f"Listed in the release under '{ins.status}'.")
    if ins.kind.graded and ins.start is None:
        notes.append("The release gives no inspection date, only the publication date.")
    if ins.published is None:
        notes.append("The release gives no publication date.")
    if ins.framework is Framework.PRE_2013:
        notes.append(
            "The release places grades on today's four-step scale (an 'adequate' judgement of the "
            "time is shown as 'Requires improvement to be good'); the grades are as the release shows them."
        )
    if ins.kind.graded and ins.framework is not None:
        absent = [a.value for a in graded_areas(ins.kind, ins.framework) if a not in ins.judgements]
        if absent:
            notes.append(f"No grade in the release for: {', '.join(absent)}.")
    from ..authorities import find

    day = ins.start or ins.published
    known = find(ins.ons_code or ins.authority, on=day) or find(ins.authority, on=day)
    authority: dict[str, str | int | None]
    if known is None:
        authority = {"name": ins.authority, "ons_code": ins.ons_code}
    else:  # the register's name and numbers; the release's own spelling is noted above
        authority = {"name": known.name, "la_number": known.la_number,
                     "ons_code": ins.ons_code or (known.gss_on(day) if day else known.gss)}
    data: dict[str, Any] = {  # the record as its YAML holds it
        "id": ins.id,
        "authority": authority,
        "kind": ins.kind.value,
        "framework": ins.framework.value if ins.framework else None,
        "start": ins.start.isoformat() if ins.start else None,
        "published": ins.published.isoformat() if ins.published else None,
        "judgements": {a.value: g.value for a, g in ins.judgements.items()},
        "theme": ins.theme,
        "notes": notes,
        "sources": [
            {
                "id": f"{SOURCE_ID}-{release.published.year}",
                "title": release.title,
                "publisher": PUBLISHER,
                "date": release.published.isoformat(),
                "file": f"data/official/{release.file}",
                "where": where,
            }
        ],
    }
    if ins.ons_code:  # the release prints the GSS code (no release prints LA numbers): the source states it
        from ..recordset import AUTHORITY_CODES, fact_paths

        data["sources"][0]["facts"] = [p for p in fact_paths(data) if p not in AUTHORITY_CODES] + [
            "authority.ons_code"]
    return data, notes


# --------------------------------------------------------------------------------------------
# write_records
# --------------------------------------------------------------------------------------------


def record_yaml(record: Record) -> str:
    """A record as YAML in the project's record format (fields in the model's order)."""
    from ..recordyaml import dump_record

    return dump_record(record.model_dump(mode="json", exclude_none=True))


def write_records(records: list[Record], out_dir: str | os.PathLike) -> tuple[list[Path], list[Path]]:
    """Write each record to ``<id>.yaml``; never overwrite. Returns (written, skipped as existing).

    Each file goes through :func:`rotherham_cli.output.write_atomic` without ``force``: written in
    full to a temporary file, then linked to its name, which fails when the name exists. A reader
    never sees a half-written record and an existing file is never replaced.
    """
    from ..output import AlreadyExists, OutputError, write_atomic

    folder = Path(out_dir)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise OfficialWriteError(f"{folder}: is a file, not a folder") from None
    except OSError as exc:
        raise OfficialWriteError(f"{folder}: cannot create the folder ({exc.strerror or exc})") from None
    written: list[Path] = []
    skipped: list[Path] = []
    for record in records:
        path = folder / f"{record.id}.yaml"
        try:
            write_atomic(path, record_yaml(record).encode("utf-8"))
        except AlreadyExists:
            skipped.append(path)
            continue
        except OutputError as exc:
            raise OfficialWriteError(str(exc)) from None
        written.append(path)
    return written, skipped


# --------------------------------------------------------------------------------------------
# check
