"""Rich renderables of an area SEND inspection's own facts for `show`: its outcome (not a grade), its areas
for priority action and for improvement, and whom its inspectors work for. Record text is never markup."""

from __future__ import annotations

from rich import box
from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from ..models import Inspector, Record
from ..send import SendView, send_sentences
from ..vocab import SendOutcome
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


def _send_lines(view: SendView) -> Group:
    """The counts as one line per group, for a screen too narrow for the table."""
    return Group(*(Text(f"{t.scope} ({t.total}): ", style="bold") + Text(", ".join(
        [f"{o.value.replace('_', ' ')} {t.counts[o]}" for o in SendOutcome]
        + [f"no outcome {t.no_outcome}", f"none held {t.none_held}"])) for t in view.tallies))


def send_england_renderable(view: SendView, width: int = 80) -> Group:
    """`england --remit send`: England and each region by outcome, what the counts rest on, and the
    authorities behind England's counts. Below 80 columns, one line per group instead of the table."""
    t = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    t.add_column("Authorities")
    heads = ["Positive", "Inconsistent", "Concerns", "No outcome", "None held"]  # the sentences below say them whole
    for head in heads:  # never a word cut
        t.add_column(head, justify="right", min_width=max(len(w) for w in head.split()))
    for i, tl in enumerate(view.tallies):
        if i == 1:
            t.add_section()
        t.add_row(f"{tl.scope} ({tl.total})", *(str(tl.counts[o]) for o in SendOutcome), str(tl.no_outcome),
                  str(tl.none_held))
    parts: list[RenderableType] = [Text(f"Area SEND inspections (Ofsted and the CQC) as at {view.as_at}: each "
                                        "authority at its latest one held by then; outcomes, not grades",
                                        style="bold"), t if width >= 80 else _send_lines(view)]
    parts += [Text(line) for line in send_sentences(view)]
    england = view.tallies[0]
    for o in SendOutcome:
        if england.names[o]:
            parts.append(Text(f"{o.short}: ", style="bold") + plain(", ".join(england.names[o])))
    return Group(*parts)
