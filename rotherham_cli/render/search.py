"""The Rich rendering of `judgements search`: each visit with its matching texts, the words marked.

On a terminal the words are bold; where there is no colour (a pipe, a file, NO_COLOR) they stand between
« and », so they show in plain text too. Everything shown comes from rotherham_cli/search.py."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import groupby

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from ..search import Hit, Summary, marked, where
from ..words import count


def _text(hit: Hit, marks: bool) -> Text:
    if marks:
        return Text(marked(hit))
    text = Text(hit.text)
    for a, b in hit.spans:
        text.stylize("bold", a, b)
    return text


def search_renderable(hits: Sequence[Hit], found: Summary, query: str, marks: bool) -> RenderableType:
    """One block a visit (authority, visit, day, kind), then each matching text with where it is."""
    parts: list[RenderableType] = []
    width = max((len(where(h)) for h in hits), default=0)  # one column of places across every visit
    for visit, grouped in groupby(hits, key=lambda h: h.visit_id):
        group = list(grouped)
        first = group[0]
        when = f" · {first.start}" if first.start else ""
        head = Text.assemble((first.authority, "bold"), f" · {first.kind}{when}", "\n  ", (visit, "dim"))
        grid = Table.grid(padding=(0, 2))
        grid.add_column(no_wrap=True, style="dim", min_width=width)
        grid.add_column()
        for h in group:
            grid.add_row(where(h), _text(h, marks))
        parts += [head, Padding(grid, (0, 0, 1, 2))]
    parts.append(Text(f"{query}: {count(found.texts, 'text')} in {count(found.visits, 'visit')} of "
                      f"{count(found.authorities, 'authority', 'authorities')}."))
    return Group(*parts)
