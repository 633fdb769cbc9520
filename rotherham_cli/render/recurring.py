"""Rich renderables of `concerns` across many authorities: the themes most often raised, by region, and
the authorities behind each count. Every count comes from the core (recurring.py)."""

from __future__ import annotations

from rich import box
from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from ..recurring import ConcernsAcross
from ..words import count
from .text import plain


def _table(*columns: str, right=()) -> Table:
    t = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    for i, c in enumerate(columns):
        t.add_column(c, justify="right" if i in right else "left")
    return t


def concerns_across_renderable(view: ConcernsAcross) -> Group:
    total = len(view.authorities())
    head = Text(f"What inspectors raised: {view.scope}, {view.period}", style="bold")
    if not view.visits:
        return Group(head, Text("The records hold no recommendations or findings of a visit in this period.",
                                style="italic"))
    said = Text(f"{count(len(view.visits), 'visit')} of {count(total, 'authority', 'authorities')} hold "
                "recommendations or findings. A visit raises a theme through a recommendation (themes by the rules "
                "of data/themes.yaml) or a finding tagged by hand; each authority is counted once per theme.",
                style="italic")
    if total == 1:  # one authority: how many of its visits raised each theme, and when
        t = _table("Theme", "Visits", "First", "Latest", right=(1,))
        for th in sorted(view.themes, key=lambda th: -len(th.raisings)):
            t.add_row(Text(th.label), Text(str(len(th.raisings))), Text(str(th.raisings[0].record.when or "")),
                      Text(str(th.raisings[-1].record.when or "")))
        return Group(head, said, t)
    t = _table("Theme", "Authorities", "Share", "Visits", right=(1, 2, 3))
    for th in view.themes:
        n = len(th.authorities)
        t.add_row(Text(th.label), Text(str(n)), Text(f"{round(100 * n / total)}%"), Text(str(len(th.raisings))))
    parts: list[RenderableType] = [head, said, t]
    if len(view.regions) > 1:
        r = _table("Region", "Auth.", "Most raised (authorities)", right=(1,))
        for region in view.regions:
            top = "; ".join(f"{th.label} ({n})" for th, n in view.top(region))
            r.add_row(Text(region), Text(str(len(view.authorities(region)))), Text(top))
        parts += [Text(""), Text("By region", style="bold"), r]
    parts += [Text(""), Text("The authorities behind each count", style="bold")]
    for th in view.themes:
        parts.append(Text(f"{th.label} ({len(th.authorities)})", style="underline"))
        parts.append(Padding(plain(", ".join(th.authorities)), (0, 0, 0, 2)))
    return Group(*parts)
