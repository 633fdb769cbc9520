"""Rich renderables of an area SEND inspection's own facts for `show`: its outcome (not a grade), its areas
for priority action and for improvement, and whom its inspectors work for. Record text is never markup."""

from __future__ import annotations

from rich.console import RenderableType
from rich.padding import Padding
from rich.text import Text

from ..models import Inspector, Record
from .text import plain


def outcome_text(r: Record) -> Text:
    """The outcome's short label, or that the sources do not give it."""
    if r.outcome is None:
        return Text("outcome not given by the sources", style="dim italic")
    return Text(r.outcome.short, style="bold")


def inspector_text(i: Inspector) -> str:
    """'Jenny Thomas (Ofsted, lead inspector)'."""
    about = [x for x in (i.inspectorate.short if i.inspectorate else None, i.role) if x]
    return i.name + (f" ({', '.join(about)})" if about else "")


def send_sections(r: Record, heading) -> list[RenderableType]:
    """The outcome in the report's words, then the areas for priority action and for improvement."""
    parts: list[RenderableType] = []
    if r.outcome is not None:
        info = r.outcome.info
        parts += [Text(""), heading("Outcome (official words)"),
                  Padding(Text(f"{info.label}."), (0, 0, 0, 2), expand=False),
                  Padding(Text(f"What follows under the framework: {info.consequence}.", style="dim"),
                          (0, 0, 0, 2), expand=False)]
    for title, items in (("Areas for priority action", r.areas_for_priority_action),
                         ("Areas for improvement", r.areas_for_improvement)):
        if items:
            parts += [Text(""), heading(title)]
            parts += [Padding(Text(f"{n}. ") + plain(" ".join(t.split())), (0, 0, 0, 2), expand=False)
                      for n, t in enumerate(items, 1)]
    return parts
