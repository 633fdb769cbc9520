"""Words for dates, grades and counts, as the report and the context commands write them."""

from __future__ import annotations

import calendar
from collections.abc import Sequence

from .models import PartialDate
from .vocab import Grade

# English month names (the C locale's; Python never sets the locale on its own).
_MONTHS = tuple(calendar.month_name[1:])


def when_words(d: PartialDate | None) -> str:
    """'16 September 2014', 'July 2010', '2020', or 'date not known'."""
    if d is None:
        return "date not known"
    if d.month is None:
        return str(d.year)
    if d.day is None:
        return f"{_MONTHS[d.month - 1]} {d.year}"
    return f"{d.day} {_MONTHS[d.month - 1]} {d.year}"


def month_words(d: PartialDate | None) -> str:
    """'September 2014' (or '2020' where only the year is known)."""
    if d is None:
        return "date not known"
    return str(d.year) if d.month is None else f"{_MONTHS[d.month - 1]} {d.year}"


def grade_words(g: Grade) -> str:
    """A grade mid-sentence: 'requires improvement to be good', 'adequate'."""
    return g.label[0].lower() + g.label[1:]


def count(n: int, one: str, many: str | None = None) -> str:
    """'1 visit', '3 visits'."""
    return f"{n} {one if n == 1 else (many or one + 's')}"


def and_list(items: Sequence[str]) -> str:
    """'a, b and c'."""
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]
