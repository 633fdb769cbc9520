"""Rich renderables of `latest` (and `england --which`): one row per authority, its latest graded
inspection's day and each headline judgement. Every fact comes from the core (latest.py)."""

from __future__ import annotations

from rich import box
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from ..latest import LatestView
from ..vocab import Area, Grade
from ..words import count
from .text import GRADE_STYLE, plain

# Column heads and cells narrow enough for five judgements on 80 columns; the words stay words.
AREA_HEAD = {Area.OVERALL_EFFECTIVENESS: "Overall", Area.LEADERSHIP: "Leaders",
             Area.HELP_AND_PROTECTION: "Help/\nprot.", Area.CHILDREN_IN_CARE: "In care", Area.CARE_LEAVERS: "Leavers"}
_CELL = {Grade.OUTSTANDING: "Outst.", Grade.GOOD: "Good", Grade.REQUIRES_IMPROVEMENT: "RI", Grade.INADEQUATE: "Inad."}
KEY = "Outst.: outstanding; RI: requires improvement to be good; Inad.: inadequate."


def grade_cell(g: Grade | None) -> Text:
    if g is None:
        return Text("—", style="dim")
    return Text(_CELL[g.on_scale] + ("*" if g.is_legacy else ""), style=GRADE_STYLE[g.on_scale])


# From this width on, a table of more than one region shows each authority's region.
WIDE = 100


def latest_renderable(view: LatestView, width: int = 80) -> Group:
    what = f" {view.which}" if view.which else ""
    head = Text(f"{view.scope} as at {view.as_at.isoformat()}: {count(len(view.rows), 'authority', 'authorities')}"
                f"{what}, each at its latest graded inspection (SIF or ILACS) held by then", style="bold")
    t = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    t.add_column("Authority", ratio=1, overflow="fold")
    regions = width >= WIDE and len({row.region for row in view.rows}) > 1
    if regions:
        t.add_column("Region", ratio=1)
    t.add_column("Inspected", no_wrap=True)
    for a in view.areas:
        t.add_column(AREA_HEAD.get(a, a.short), no_wrap=True)
    for row in view.rows:
        day = row.inspected.isoformat() if row.inspected else ("none" if row.record is None else "?")
        where = (Text(row.region),) if regions else ()
        t.add_row(plain(row.name), *where, Text(day, style="" if row.record else "dim"),
                  *(grade_cell(row.grade(a)) for a in view.areas))
    parts: list[RenderableType] = [head]
    if view.rows:
        parts.append(t)
    notes = [KEY, "—: the inspection makes no such judgement (care leavers before 2023, overall effectiveness "
             "from April 2026)."]
    if any((g := row.grade(a)) is not None and g.is_legacy for row in view.rows for a in view.areas):
        notes.append("*: an older word for the grade, placed on today's scale.")
    if view.published_by:
        notes.append(f"Only inspections published by {view.published_by.isoformat()} are counted.")
    parts += [Text(n, style="dim") for n in notes]
    return Group(*parts)
