"""Words for dates, grades and counts, as the report and the context commands write them."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .dates import PartialDate

# English month names, whatever the locale: the one home of dates in words, read and written.
MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
               "October", "November", "December")
_MONTHS = MONTH_NAMES
_MONTH_NUMBER = {name.lower(): n for n, name in enumerate(MONTH_NAMES, start=1)}
_DAY_FORMS = (
    re.compile(r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})"),
    re.compile(r"(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4})"),
    re.compile(r"(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?P<month>[A-Za-z]+)\s+(?P<y>\d{4})"),
)


def month_number(name: str) -> int | None:
    """1-12 for an English month name in any case, else None."""
    return _MONTH_NUMBER.get(name.strip().lower())


def parse_day(text: str) -> date | None:
    """A day written as 2025-03-31, 31/03/2025 or 31 March 2025 (English month names whatever the
    locale), or None where the text is none of these or no real day."""
    text = " ".join(str(text).split())
    for form in _DAY_FORMS:
        m = form.fullmatch(text)
        if m is None:
            continue
        month = int(m["m"]) if "m" in form.groupindex else month_number(m["month"])
        try:
            return date(int(m["y"]), month, int(m["d"])) if month else None
        except ValueError:
            return None
    return None


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


def count(n: int, one: str, many: str | None = None) -> str:
    """'1 visit', '3 visits'."""
    return f"{n} {one if n == 1 else (many or one + 's')}"


def and_list(items: Sequence[str], last: str = "and") -> str:
    """'a, b and c' (or, with ``last="or"``, 'a, b or c')."""
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {last} " + items[-1]


def a_kind(label: str) -> str:
    """'an ILACS standard inspection', 'a focused visit': a kind's label mid-sentence."""
    if not label.split()[0].isupper():
        label = label[0].lower() + label[1:]
    return ("an " if label[:1].lower() in "aeiou" else "a ") + label


def first_sentence(text: str | None, limit: int = 160) -> str:
    """The first sentence of a text on one line, cut with an ellipsis past ``limit`` characters."""
    if not text:
        return ""
    text = " ".join(text.split())
    end = text.find(". ")
    one = text[: end + 1] if 0 < end < limit else text
    return one if len(one) <= limit else one[: limit - 1].rstrip() + "…"
