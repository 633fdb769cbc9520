"""The smallest pieces of a Rich table: record text made plain, a grade in words and colour. Imports
Rich and the vocabulary only, so that a table of counts (`england`) needs no record model."""

from __future__ import annotations

from rich.text import Text

from ..vocab import Change, Grade
from .machine import printable

GRADE_STYLE = {
    Grade.OUTSTANDING: "bold green",
    Grade.GOOD: "green",
    Grade.REQUIRES_IMPROVEMENT: "yellow",
    Grade.INADEQUATE: "bold red",
}

CHANGE_STYLE = {Change.IMPROVED: "green", Change.DECLINED: "red", Change.UNCHANGED: "", Change.NEWLY_JUDGED: "cyan",
                Change.NO_LONGER_JUDGED: "dim"}


def plain(text: object) -> Text:
    """Record text as typed: no markup, no control characters."""
    return Text(printable(text))


def grade_text(grade: Grade | None, *, none: str = "—", compact: bool = False) -> Text:
    """A grade in words, coloured by its step on today's scale."""
    if grade is None:
        return Text(none, style="dim")
    label = grade.short if compact else grade.label
    if grade.is_legacy:
        label += f" (= {grade.on_scale.short.lower()})" if compact else f" (= {grade.on_scale.label.lower()})"
    return Text(label, style=GRADE_STYLE[grade.on_scale])
