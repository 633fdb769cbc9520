"""Tables that fit a screen without cutting a word: each column gets at least its longest word, the
rest of the width goes where the text is longest, and a table that cannot fit says so (None) so that
the caller chooses another layout. Rich alone shrinks the widest columns first, which cuts a grade
such as "Inadequate" mid-word on a narrow screen."""

from __future__ import annotations

import re
from collections.abc import Sequence

from rich import box
from rich.console import Group
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

GAP = 3  # Rich's SIMPLE_HEAD box without edges: one space of padding, a blank rule, one space

# A line breaks at a space, or after a hyphen before a letter ("re-inspection", an id; never a date's day).
_BREAK = re.compile(r"(?<=-)(?=[^\W\d_])|\s+")


def longest_word(text: Text | str) -> int:
    """The widest piece a line of ``text`` may not be broken within (breaks at spaces and after hyphens)."""
    plain = text.plain if isinstance(text, Text) else text
    return max((len(w) for w in _BREAK.split(plain) if w), default=0)


def natural(text: Text | str) -> int:
    plain = text.plain if isinstance(text, Text) else text
    return max((len(line) for line in plain.split("\n")), default=0)


def share(naturals: Sequence[int], minimums: Sequence[int], available: int,
          first: Sequence[int] = ()) -> list[int] | None:
    """Column widths summing to at most ``available``: each at least its minimum and at most its natural
    width, the spare given to the columns ``first`` (in order), then to the others up to one level; None
    when the minimums alone do not fit."""
    widths = [max(m, 1) for m in minimums]
    spare = available - sum(widths)
    if spare < 0:
        return None
    for i in first:
        give = min(naturals[i] - widths[i], spare)
        widths[i] += max(give, 0)
        spare -= max(give, 0)
    # The widest columns are cut down to one level, as high as the width allows: the narrow ones stay whole.
    rest = [i for i in range(len(widths)) if i not in first]
    base = list(widths)

    def used(level: int) -> int:
        return sum(max(base[i], min(naturals[i], level)) for i in rest)

    budget = spare + sum(base[i] for i in rest)
    level = max((naturals[i] for i in rest), default=0)
    while level > 0 and used(level) > budget:
        level -= 1
    for i in rest:
        widths[i] = max(base[i], min(naturals[i], level))
    return widths


def wrap(text: str, width: int) -> list[str]:
    """``text`` in lines of at most ``width`` columns, broken where ``longest_word`` allows (a piece wider
    than ``width`` stands alone on its line, whole)."""
    lines: list[str] = []
    line = ""
    for piece in re.split(r"(\s+|(?<=-)(?=[^\W\d_]))", text):
        if not piece:
            continue
        if piece.isspace():
            line += " " if line else ""
            continue
        if line.strip() and len(line) + len(piece) > width:
            lines.append(line.rstrip())
            line = ""
        line += piece
    lines.append(line.rstrip())
    return lines


def fitted_table(headers: Sequence[Text | str], rows: Sequence[Sequence[Text] | None], width: int,
                 justify: Sequence[str] = (), first: Sequence[int] = (), whole: Sequence[int] = ()) -> Table | None:
    """A Rich table of ``rows`` (None: a section rule) no wider than ``width``, no word cut; None when even
    each column's longest word does not fit. ``first``: columns that get their full width before the rest;
    ``whole``: columns whose cells are never broken (their header may be)."""
    cols = list(zip(*(r for r in rows if r is not None), strict=True)) if any(r is not None for r in rows) else []
    cols = cols or [() for _ in headers]
    heads = [h if isinstance(h, Text) else Text(h) for h in headers]
    naturals = [max([natural(h)] + [natural(c) for c in col]) for h, col in zip(heads, cols, strict=True)]
    minimums = [max([longest_word(h)] + [natural(c) if i in whole else longest_word(c) for c in col])
                for i, (h, col) in enumerate(zip(heads, cols, strict=True))]
    widths = share(naturals, minimums, width - GAP * (len(heads) - 1), first)
    if widths is None:
        return None
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    for i, (head, w) in enumerate(zip(heads, widths, strict=True)):
        table.add_column(_broken(head, w), width=w, justify=justify[i] if i < len(justify) else "left")  # type: ignore[arg-type]
    for row in rows:
        if row is None:
            table.add_section()
        else:
            table.add_row(*(_broken(c, w) for c, w in zip(row, widths, strict=True)))
    return table


def _broken(cell: Text, width: int) -> Text:
    """A cell whose words are wider than Rich would break them: pre-broken at its hyphens."""
    if natural(cell) <= width or not any(len(w) > width for w in cell.plain.split()):
        return cell
    lines = [ln for part in cell.plain.split("\n") for ln in wrap(part, width)]
    return Text("\n".join(lines), style=cell.style)


def stacked(headers: Sequence[Text | str], rows: Sequence[Sequence[Text] | None]) -> Group:
    """A screen too narrow for any table: each row's first cell as a heading, the others beneath it,
    indented, each after its column's name."""
    out: list[Text | Padding] = []
    for row in rows:
        if row is None:
            continue
        out.append(Text(row[0].plain, style="bold"))
        for head, cell in zip(headers[1:], row[1:], strict=True):
            name = head.plain if isinstance(head, Text) else head
            out.append(Padding(Text(" ".join(name.split()) + ": ", style="dim") + cell, (0, 0, 0, 2), expand=False))
    return Group(*out)
