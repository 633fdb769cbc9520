"""Rows for export and listing: long, wide and Ofsted's own layout; full records as plain data.

Each function returns (header, rows) of plain strings and numbers, or plain JSON-ready data.
Writers that turn them into CSV, JSON or Markdown text live in ``render.machine``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from .choices import Layout
from .measures import to_publish
from .vocab import AREA_ORDER, HEADLINE_AREAS, KINDS, Framework, Kind
from .vocab import theme_label as _theme_label
from .words import first_sentence

if TYPE_CHECKING:
    from .models import Record

LAYOUTS = tuple(layout.value for layout in Layout)

Rows = tuple[list[str], list[list[object]]]


def _d(value) -> str:
    return str(value) if value is not None else ""


def _visit_cells(r: Record) -> list[object]:
    a = r.authority
    return [
        r.id, a.name, _d(a.la_number), _d(a.ons_code), r.kind.value, r.kind.label,
        r.framework.value, _d(r.start), _d(r.end), _d(r.published), *_register_cells(r),
    ]


def _register_cells(r: Record) -> list[str]:
    """The authority's Ofsted region and type of council, from the register ('' where it knows none)."""
    from .identity import authority_of

    a = authority_of(r)
    return [a.region, a.council_type] if a else ["", ""]


_VISIT_HEADER = [
    "id", "authority", "la_number", "ons_code", "kind", "kind_label",
    "framework", "start", "end", "published", "region", "authority_type",
]


def theme_label(r: Record) -> str:
    return _theme_label(r.theme)


def long_rows(records: Sequence[Record]) -> Rows:
    """One row per judgement; an ungraded visit keeps one row with its theme and no grade."""
    header = [*_VISIT_HEADER, "area", "area_wording", "grade", "grade_key", "grade_rank", "theme"]
    rows: list[list[object]] = []
    for r in records:
        base = _visit_cells(r)
        if not r.judgements:
            rows.append([*base, "", "", "", "", "", theme_label(r)])
            continue
        for area in AREA_ORDER:
            grade = r.judgements.get(area)
            if grade is None:
                continue
            rows.append(
                [*base, area.value, r.wording(area), grade.label, grade.value, grade.rank, theme_label(r)]
            )
    return header, rows


def wide_rows(records: Sequence[Record]) -> Rows:
    """One row per visit, one column per area (the grade in Ofsted's wording)."""
    header = [*_VISIT_HEADER, "theme", *(a.value for a in AREA_ORDER)]
    rows = []
    for r in records:
        grades = [r.judgements[a].label if a in r.judgements else "" for a in AREA_ORDER]
        rows.append([*_visit_cells(r), theme_label(r), *grades])
    return header, rows


# Ofsted's own layout: the ILACS_inspection_history table of "Local authority inspection outcomes as
# at 31 March 2025", its headers exactly as published (their one home is the official-data reader,
# official.ILACS_HISTORY_COLUMNS, imported where this layout is asked for: it loads the readers).
_ILACS_GRADED = (Kind.ILACS_STANDARD, Kind.ILACS_SHORT)
_ILACS = (Framework.ILACS, Framework.ILACS_2023, Framework.ILACS_2026)


def ofsted_rows(records: Sequence[Record]) -> Rows:
    """Ofsted's ILACS inspection history layout: ILACS short and standard inspections only.

    The records do not hold the web link: that cell is empty. The authority's status and Ofsted region
    come from the register. Dates are written YYYY-MM-DD.
    """
    from .identity import authority_of

    rows = []
    for r in records:
        if r.kind not in _ILACS_GRADED or r.framework not in _ILACS:
            continue
        grades = [r.judgements[a].label if a in r.judgements else "" for a in HEADLINE_AREAS]
        a = authority_of(r)
        rows.append(
            ["", _d(r.authority.ons_code), r.authority.name, a.status if a else "", a.region if a else "",
             _d(r.start), _d(r.published),
             KINDS[r.kind].official_name, *grades]
        )
    from .official import ILACS_HISTORY_COLUMNS

    return list(ILACS_HISTORY_COLUMNS), rows


def layout_rows(records: Sequence[Record], layout: str) -> Rows:
    return {"long": long_rows, "wide": wide_rows, "ofsted": ofsted_rows}[layout](records)


def report_rows(records: Sequence[Record], layout: str) -> Rows:
    """Rows for a committee paper (Markdown): plain headings, grades in words, no codes.

    ``wide``: one row per visit with a column per area judged in any of them;
    ``long``: one row per judgement with the area's official wording; ``ofsted``: as for CSV.
    """
    if layout == "ofsted":
        return ofsted_rows(records)

    def when(r: Record) -> str:
        return _d(r.start or r.end) or (f"{r.published} (published)" if r.published else "")

    if layout == "long":
        rows: list[list[object]] = []
        for r in records:
            if not r.judgements:
                theme = theme_label(r) or "theme not given"
                rows.append([when(r), r.authority.name, r.kind.label, f"Not graded: {theme}", ""])
            for area in AREA_ORDER:
                if area in r.judgements:
                    rows.append([when(r), r.authority.name, r.kind.label, r.wording(area), r.judgements[area].label])
        return ["Date", "Authority", "Visit", "Judgement", "Grade"], rows
    areas = [a for a in AREA_ORDER if any(a in r.judgements for r in records)]
    header = ["Date", "Authority", "Visit", *(a.short for a in areas), "Theme"]
    rows = [
        [when(r), r.authority.name, r.kind.label,
         *(r.judgements[a].label if a in r.judgements else "" for a in areas), theme_label(r)]
        for r in records
    ]
    return header, rows


def record_item(r: Record) -> dict:
    """A full record as JSON-ready data (canonical keys for kinds, areas and grades), with the themes of its
    recommendations beside them (themes.themes_data)."""
    from .themes import themes_data

    return {**r.model_dump(mode="json", exclude_none=False), "recommendation_themes": themes_data(r),
            **dict(zip(("region", "authority_type"), _register_cells(r), strict=True))}


def record_data(records: Sequence[Record]) -> list[dict]:
    return [record_item(r) for r in records]


def list_rows(records: Sequence[Record]) -> Rows:
    """The rows of `judgements list` for machines: when, visit, kind, overall grade or theme, and the days
    from the end of the visit to its publication."""
    header = ["when", "id", "authority", "kind", "overall", "theme", "summary", "days_to_publish",
              "days_to_publish_not_known"]
    rows: list[list[object]] = []
    for r in records:
        m = to_publish(r)
        rows.append([str(r.when) if r.when else "", r.id, r.authority.name, KINDS[r.kind].label,
                     r.overall.label if r.overall else "", theme_label(r), r.headline or first_sentence(r.summary),
                     "" if m.days is None else str(m.days), m.why_not])
    return header, rows
