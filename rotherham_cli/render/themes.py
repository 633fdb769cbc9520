"""The Rich rendering of `judgements themes`: a visit's recommendations with their themes (and, with
--why, the words that gave each), and its findings with the themes tagged by hand."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from ..themes import recommendation_themes
from ..vocab import FINDING_THEMES

if TYPE_CHECKING:
    from ..models import Record


def _grid() -> Table:
    grid = Table.grid(padding=(0, 1))
    grid.add_column(justify="right", no_wrap=True)
    grid.add_column()
    return grid


def themes_renderable(record: Record, why: bool) -> RenderableType:
    when = record.when
    parts: list[RenderableType] = [Text.assemble(
        (record.authority.name, "bold"), f" · {record.kind.label}" + (f" · {when}" if when else ""),
        "\n  ", (record.id, "dim"))]
    themed = recommendation_themes(record)
    if not themed:
        parts.append(Text("No recommendations in this record."))
    else:
        parts.append(Text("\nRecommendations (themes given by the rules of data/themes.yaml)", style="bold"))
        grid = _grid()
        for i, t in enumerate(themed, 1):
            reasons = Table.grid(padding=(0, 1))
            reasons.add_column(style="cyan", no_wrap=True)
            reasons.add_column(style="dim")
            for r in t.reasons:
                reasons.add_row(FINDING_THEMES[r.theme], "← " + ", ".join(f"“{w}”" for w in r.words) if why else "")
            if not t.reasons:
                reasons.add_row(Text("no theme", style="dim"), "")
            grid.add_row(f"{i}.", Group(Text(t.text), Padding(reasons, (0, 0, 0, 2))))
        parts.append(grid)
    if record.findings:
        parts.append(Text("\nFindings (themes tagged by hand)", style="bold"))
        grid = _grid()
        for i, f in enumerate(record.findings, 1):
            lines = Text(f"{f.kind.label}: {f.text}")
            lines.append("".join(f"\n  {FINDING_THEMES[t]}" for t in f.themes), style="cyan")
            grid.add_row(f"{i}.", lines)
        parts.append(grid)
    return Group(*parts)
