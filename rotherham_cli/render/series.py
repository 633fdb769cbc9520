"""Rich renderable of `england --series`: one row per 31 March. Every count comes from the core (series.py)."""

from __future__ import annotations

from rich import box
from rich.console import Group
from rich.table import Table
from rich.text import Text

from ..series import Series, good_or_better
from ..vocab import SCALE
from .latest import KEY
from .text import GRADE_STYLE

_HEAD = ("Outst.", "Good", "RI", "Inad.")


def series_renderable(s: Series) -> Group:
    t = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    for i, c in enumerate(("As at", *_HEAD, "No grade", "Not insp.", "All", "Good+")):
        t.add_column(c, justify="left" if i == 0 else "right", no_wrap=True)
    for day, tl in zip(s.days, s.tallies, strict=True):
        share = good_or_better(tl)
        t.add_row(Text(day.isoformat()), *(Text(str(tl.counts[g]), style=GRADE_STYLE[g]) for g in SCALE),
                  Text(str(tl.not_graded)), Text(str(tl.not_inspected)), Text(str(tl.total)),
                  Text(f"{round(100 * share)}%" if share is not None else "-"))
    head = Text(f"{s.area.short}, England at every 31 March: each authority that existed on the day at its "
                "latest graded inspection (SIF or ILACS) held by then", style="bold")
    notes = [KEY, "Good+: good or outstanding, as a share of the authorities with a grade. No grade: the latest "
             "inspection makes no such judgement. Not insp.: no SIF or ILACS inspection by then."]
    if not s.days:
        return Group(head, Text("The records hold no SIF or ILACS inspection held by a 31 March up to then.",
                                style="italic"))
    return Group(head, t, *(Text(n, style="dim") for n in notes))
