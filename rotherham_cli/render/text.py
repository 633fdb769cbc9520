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


# Grades in narrower words, for tables on narrow screens: level 0 is the grade's own short form, 1 and 2
# shorter still; a table that uses level 1 or 2 prints ABBREVIATIONS' legend beneath it.
_ABBREVIATED = {
    Grade.OUTSTANDING: ("Outst.", "O"),
    Grade.GOOD: ("Good", "G"),
    Grade.REQUIRES_IMPROVEMENT: ("RI", "RI"),
    Grade.INADEQUATE: ("Inad.", "I"),
}


def grade_word(grade: Grade, level: int = 0) -> str:
    """A grade (on today's scale, for a legacy one) in the words of ``level``: 0, 1 or 2."""
    if level == 0 or grade not in _ABBREVIATED:
        return grade.short
    return _ABBREVIATED[grade][level - 1]


def grade_legend(level: int) -> str:
    """What the short forms of ``level`` stand for ('' for level 0)."""
    if level == 0:
        return ""
    pairs = [(_ABBREVIATED[g][level - 1], g.label.lower()) for g in _ABBREVIATED]
    return "; ".join(f"{short} {long}" for short, long in pairs if short.lower() != long)


def grade_cell(grade: Grade | None, level: int = 0, none: str = "—") -> Text:
    """``grade_text`` in the words of ``level``."""
    if grade is None or level == 0:
        return grade_text(grade, none=none, compact=True)
    return Text(grade_word(grade.on_scale, level), style=GRADE_STYLE[grade.on_scale])
