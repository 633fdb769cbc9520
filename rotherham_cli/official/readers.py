"""Reading a release: its edition from its sheets, every inspection it states, gathered from every sheet and row."""

from __future__ import annotations

import os
from datetime import date, datetime
from pathlib import Path

from .edition_readers import _READERS
from .gathering import record_id
from .layouts import (
    LAYOUTS,
    _norm_header,
)
from .model import OfficialDataError, Release
from .ods import _blank, _Book

__all__ = ["read_release", "record_id"]


def read_release(path: str | os.PathLike) -> Release:
    """Read one official release (either known edition), every inspection and visit it states."""
    book = _Book(Path(path))
    sheets = set(book.sheet_names)
    layout = next((lay for lay in LAYOUTS.values() if lay.identified_by <= sheets), None)
    if layout is None:
        known = "; ".join(", ".join(sorted(lay.identified_by)) for lay in LAYOUTS.values())
        raise OfficialDataError(f"{book.path}: not a known Ofsted release (expected the sheets {known})")
    title, published = _cover(book)
    builder = _READERS[layout.edition](book, layout)
    builder.finish()
    return Release(
        path=book.path,
        edition=layout.edition,
        title=title,
        published=published,
        inspections=builder.inspections,
        authorities=builder.authorities,
        warnings=builder.warnings,
    )


def _cover(book: _Book) -> tuple[str, date]:
    sheet = book.find_sheet("Cover")
    grid = book.rows(sheet)
    first = next((str(c).strip() for r in grid for c in r if not _blank(c)), "")
    labels = {_norm_header(r[0]).rstrip(":"): r[1] for r in grid if len(r) > 1 and isinstance(r[0], str)}
    title = first
    if not title or title.casefold().startswith("cover sheet"):
        title = " ".join(str(labels.get("policy area", "")).split())
    if not title:
        raise OfficialDataError(f"{book.path}: sheet Cover: no title")
    value = labels.get("published on")
    if isinstance(value, datetime):
        published = value.date()
    elif isinstance(value, date):
        published = value
    elif isinstance(value, str) and value.strip():
        from ..words import parse_day

        day = parse_day(value)
        if day is None:
            raise OfficialDataError(f"{book.path}: sheet Cover: 'Published on:' is not a date ({value!r})")
        published = day
    else:
        raise OfficialDataError(f"{book.path}: sheet Cover: missing 'Published on:'")
    return title, published
