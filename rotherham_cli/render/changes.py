"""Rich renderables of `diff` and `timeline`, fitted to the screen: a word is never cut, and the
latest inspection is never the one left out (a timeline too wide for the screen comes in blocks of
columns, oldest first, each with the names of the areas graded in it)."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from ..diff import Diff
from ..models import Record
from ..timeline import Timeline
from ..vocab import FINDING_THEMES, Change, Remit
from ..words import month_words
from .fit import fitted_table, stacked
from .send import outcome_text
from .tables import _heading, _theme_text, _when
from .text import CHANGE_STYLE, grade_text, plain


def _change_text(change: Change, steps: int) -> Text:
    return Text(f"{change.arrow} {change.described(steps)}".strip(), style=CHANGE_STYLE[change])


def _side_label(r: Record) -> str:
    return f"{r.id} ({_when(r)})"


def _column_label(r: Record) -> str:
    return f"{r.kind.info.short} ({_when(r)})"


def _indented(text: Text) -> Padding:
    return Padding(text, (0, 0, 0, 2), expand=False)


def diff_renderable(d: Diff, width: int = 120) -> Group:
    a, b = d.before, d.after
    rows: list[list[Text] | None] = []
    notes: list[str] = []
    for row in d.areas:
        na = "not graded (" + a.kind.info.short.lower() + ")" if not a.graded else "not judged"
        nb = "not graded (" + b.kind.info.short.lower() + ")" if not b.graded else "not judged"
        change = _change_text(row.change, row.steps)
        if row.note:
            if row.note not in notes:
                notes.append(row.note)
            change += Text(f" [{notes.index(row.note) + 1}]", style="dim")
        rows.append([Text(row.area.short), grade_text(row.before, none=na), grade_text(row.after, none=nb), change])
    title = f"{a.authority.name}: from {_side_label(a)} to {_side_label(b)}"
    parts: list[RenderableType] = [Text(title, style="bold")]
    if a.kind.remit is Remit.SEND:
        line = Text("Outcome: ") + outcome_text(a) + Text(" → ") + outcome_text(b)
        if d.outcome is not None:
            line += Text("  ") + _change_text(*d.outcome)
        parts.append(line)
    elif d.areas:
        heads = ["Area", _column_label(a), _column_label(b), "Change"]  # the title gives the ids
        table = fitted_table(heads, rows, width)
        parts.append(table if table is not None else stacked(heads, rows))
        parts.append(Text(
            f"{d.count(Change.IMPROVED)} improved, {d.count(Change.DECLINED)} declined, "
            f"{d.count(Change.UNCHANGED)} unchanged"
            + (f", {d.count(Change.NEWLY_JUDGED)} newly judged" if d.count(Change.NEWLY_JUDGED) else "")
            + (f", {d.count(Change.NO_LONGER_JUDGED)} no longer judged" if d.count(Change.NO_LONGER_JUDGED) else "")
        ))
        for i, note in enumerate(notes, 1):
            parts.append(Text(f"[{i}] {note}", style="dim"))
    else:
        parts.append(Text("Neither visit was graded: no grades to compare.", style="dim"))
    parts += [Text(""), _heading("Themes of concern")]
    for key, title in (("no_longer_raised", "No longer raised"), ("still_raised", "Still raised"),
                       ("newly_raised", "Newly raised")):
        names = ", ".join(FINDING_THEMES[t].lower() for t in d.themes[key]) or "none"
        parts.append(_indented(Text(f"{title}: ", style="bold") + Text(names)))
    parts += [Text(""), _heading("Ungraded visits between")]
    if not d.between:
        parts.append(_indented(Text("none", style="dim")))
    for r in d.between:
        parts.append(_indented(Text(f"{_when(r)}  ") + plain(r.id) + Text(" — ") + _theme_text(r)))
    if d.unlisted:
        parts.append(_indented(Text(d.unlisted, style="italic")))
    return Group(*parts)


def _visit_marker(v: Record) -> str:
    return f"{v.kind.info.short} {v.year or ''}".strip()


def _timeline_cell(t: Timeline, area, i: int) -> Text:
    c = t.cell(area, i)
    if c is None:
        return Text("·", style="dim")
    text = grade_text(c.grade, compact=True)
    if c.change is not None and c.change.arrow:
        text = Text(c.change.arrow + " ", style=CHANGE_STYLE[c.change]) + text
    return text


def _blocks(n: int, per: int) -> list[range]:
    """``n`` columns in blocks of at most ``per``, as even as can be, oldest first."""
    count = -(-n // per)
    sizes = [n // count + (1 if i < n % count else 0) for i in range(count)]
    starts = [sum(sizes[:i]) for i in range(count)]
    return [range(s, s + z) for s, z in zip(starts, sizes, strict=True)]


def _timeline_block(t: Timeline, columns: range, width: int) -> Table | None:
    heads: list[Text | str] = ["Area", *(Text(f"{t.columns[i].year or '?'}\n{t.columns[i].kind.info.short}")
                                         for i in columns)]
    rows: list[list[Text] | None] = [[Text(area.short), *(_timeline_cell(t, area, i) for i in columns)]
                                     for area in t.areas if any(t.cell(area, i) for i in columns)]
    visits = [Text("\n".join(_visit_marker(v) for v in t.visits_before[i]) or "—", style="italic dim")
              for i in columns]
    rows += [None, [Text("Visits before", style="italic"), *visits]]
    return fitted_table(heads, rows, width, first=(0,))


def timeline_renderables(t: Timeline, width: int = 120) -> tuple[RenderableType, ...]:
    """The title, the grid (in as few blocks of columns as the width allows), and the visits since."""
    n = len(t.columns)
    name = t.columns[0].authority.name
    title = Text(f"{name}: grades by area at each of {n} graded inspections, oldest first", style="bold")
    parts: list[RenderableType] = [title]
    blocks: list[RenderableType] = []
    for per in range(n, 0, -1):
        tried = [_timeline_block(t, cols, width) for cols in _blocks(n, per)]
        if all(b is not None for b in tried):
            blocks = [b for b in tried if b is not None]
            break
    else:  # not even one inspection beside the area names: one inspection after another
        areas = [a.short for a in t.areas]
        blocks = [stacked(["", *areas], [[Text(f"{t.columns[i].year or '?'} {t.columns[i].kind.info.short}"),
                                          *(_timeline_cell(t, a, i) for a in t.areas)]]) for i in range(n)]
    for i, block in enumerate(blocks):
        if i:
            parts.append(Text(""))
        parts.append(block)
    if t.visits_after:
        parts.append(Text("Visits since the last graded inspection: " + ", ".join(map(_visit_marker, t.visits_after)),
                          style="italic"))
    if t.send:
        label = Text("SEND (area inspections by Ofsted and the CQC; an outcome, not a grade): ", style="bold")
        parts.append(label + Text("; ".join(
            f"{r.outcome.short if r.outcome else 'outcome not given'} ({month_words(r.when)})" for r in t.send)))
    return tuple(parts)
