"""A report's draft completed from the record set in effect: what the report does not print.

ILACS reports never print their publication date and rarely say whether the inspection was short or
standard. Where the record set (the shipped national set, or --records DIR) holds the same
inspection (the same authority, graded, starting within identity.START_DAYS), its publication date
fills the gap and its kind replaces one the reader could only infer, each with a note naming the
record. Grades, dates on site and inspectors always stay as the report gives them; where the record
set disagrees, the draft says so. Nothing here prints.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from .identity import START_DAYS, authority_slug, record_id
from .models import Record
from .pdfimport import ImportedReport, ReportError, import_report
from .vocab import Kind


def _with(data: dict, key: str, value, after: tuple[str, ...]) -> dict:
    """``data`` with ``key`` placed after the first of ``after`` it holds (records keep a field order)."""
    anchor = next((k for k in after if k in data), None)
    out: dict = {}
    for k, v in data.items():
        out[k] = v
        if k == anchor:
            out[key] = value
    if anchor is None:
        out[key] = value
    return out


def matching(data: dict, records: Sequence[Record]) -> Record | None:
    """The graded inspection in ``records`` that is the inspection of the draft ``data``, or None."""
    from .authorities import find

    name = (data.get("authority") or {}).get("name")
    start = data.get("start")
    if not name or not start:
        return None
    found = find(name)
    if found is None:
        return None
    day = date.fromisoformat(str(start))
    best, gap = None, START_DAYS + 1
    for r in records:
        if not r.graded or r.start is None or authority_slug(r) != found.slug:
            continue
        d = abs((r.start.earliest - day).days)
        if d < gap:
            best, gap = r, d
    return best


def complete(imported: ImportedReport, records: Sequence[Record], where: str) -> ImportedReport:
    """The draft with its publication date and kind from the record set where the report lacks them;
    ``where`` names the record set in the notes."""
    data = dict(imported.data)
    notes = list(data.get("notes", []))
    missing = list(imported.missing)
    match = matching(data, records)
    if match is None:
        if "published" not in data:
            notes.append(f"Publication date: the report does not print it, and {where} holds no record of "
                         "this inspection to take it from; left out.")
        if notes:
            data["notes"] = notes
        return ImportedReport(data, missing, imported.guessed)
    cite = f"{match.id} in {where}"
    if "published" not in data and match.published is not None:
        data = _with(data, "published", str(match.published), after=("end", "start"))
        notes.append(f"Publication date {match.published}: from {cite} (matched by authority and inspection "
                     "dates); the report does not print it.")
        missing = [m for m in missing if not m.startswith("publication date")]
    kind = data.get("kind")
    if "kind" in imported.guessed and kind and match.kind.value != kind:
        data["kind"] = match.kind.value
        notes.append(f"Kind {match.kind.label}: from {cite}; the report does not say, and its days on site "
                     f"suggested {Kind(kind).label}.")
        if "id" in data and (slug := authority_slug(match)) is not None:  # always: matched by its slug
            data["id"] = record_id(slug, match.kind, date.fromisoformat(str(data["start"])),
                                   date.fromisoformat(str(data["start"])))
    theirs = {a.value: g.value for a, g in match.judgements.items()}
    for area, grade in (data.get("judgements") or {}).items():
        other = theirs.get(area)
        if other is not None and other != grade:
            notes.append(f"{area}: the report reads {grade}; {cite} gives {other}. The draft keeps the report's.")
    if match.start is not None and str(match.start) != str(data.get("start")):
        notes.append(f"Start: the report gives {data.get('start')}; {cite} gives {match.start}. The draft keeps "
                     "the report's.")
    if notes:
        data["notes"] = notes
    return ImportedReport(data, missing, imported.guessed)


def draft_record(path: str | Path, records=None, where: str = ""):
    """A report read into a record, ready to merge (ReportError when it does not make a valid one);
    completed by :func:`complete` from ``records`` (the record set in effect) where given."""
    from pydantic import ValidationError

    from .models import RuleViolations

    imported = import_report(path)
    if records is not None:
        imported = complete(imported, records, where)
    try:
        return Record.model_validate(imported.data)
    except (ValidationError, RuleViolations) as exc:
        gaps = "; ".join(imported.missing) or str(exc).splitlines()[0]
        raise ReportError(f"{path}: not a complete record ({gaps})") from None
