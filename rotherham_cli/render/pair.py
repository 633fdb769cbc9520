"""Rich renderable of `compare A B`: two authorities' latest grades side by side with each one's direction
of travel. Every grade and sentence comes from the core (pair.py)."""

from __future__ import annotations

from rich import box
from rich.console import Group
from rich.table import Table
from rich.text import Text

from ..pair import PairView, pair_sentences
from ..vocab import Change
from .latest import AREA_HEAD, KEY, grade_cell
from .text import CHANGE_STYLE


def pair_renderable(view: PairView) -> Group:
    a, b = view.sides
    t = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    t.add_column("", no_wrap=True)
    for s in (a, b):
        day = s.view.latest and s.view.days_since is not None
        t.add_column(f"{s.name}\n{_inspected(s)}" if day else s.name, no_wrap=True)
        t.add_column("since previous")
    for area in view.areas:
        cells = []
        for s in (a, b):
            c = s.change(area)
            was = s.grade(area, previous=True)
            if c is not None and c in (Change.IMPROVED, Change.DECLINED):
                said = f"{c.arrow} from {grade_cell(was).plain}"
            else:
                said = c.words if c else ""
            cells += [grade_cell(s.grade(area)), Text(said, style=CHANGE_STYLE[c] if c else "")]
        t.add_row(Text(AREA_HEAD.get(area, area.short).replace("\n", "")), *cells)
    head = Text(f"{a.name} and {b.name}, as at {view.as_at.isoformat()}: each at its latest graded "
                "inspection (SIF or ILACS), and how it moved since its own previous one", style="bold")
    notes = Text(KEY + " ↑ improved, ↓ declined.", style="dim")
    return Group(head, t, *(Text(s, style="italic") for s in pair_sentences(view)), notes)


def _inspected(s) -> str:
    from ..england import inspected_on

    d = inspected_on(s.view.latest)
    return d.isoformat() if d else "date unknown"
