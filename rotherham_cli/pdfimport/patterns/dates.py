"""Dates in a report's words: the inspection's dates, later blocks of a split visit, publication."""

from __future__ import annotations

import re
from datetime import date

from ...words import MONTH_NAMES, month_number

# English month names as the reports print them (not calendar.month_name, which follows the locale).
_MONTH = "|".join(MONTH_NAMES)
_DASH = r"(?:to|[-‐‑–—−])"  # "to", hyphen, hyphens, en dash, em dash, minus
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"

# "Inspection date(s): 16 September – 8 October 2014", "18 March 2014 – 09 April 2014", "2 to 6 December
# 2024", "11 – 22 July 2022", "28 November to 2 December 2022"; the first month and year may be left
# out when the last day's are the same. A single day ("Inspection date: 4 March 2015") is read too.
# Some SIF reports write days as numbers: "Inspection date: 12/09/2016 to 06/10/2016".
_NUMERIC = r"(?P<{0}d>\d{{1,2}})/(?P<{0}m>\d{{1,2}})/(?P<{0}y>\d{{4}})"
_NUMERIC_DATES_RE = re.compile(
    rf"Inspection\s+dates?\s*:\s*{_NUMERIC.format('a')}(?:\s*{_DASH}\s*{_NUMERIC.format('b')})?", re.IGNORECASE
)
# The label of the publication date, as reports print it: "Report published: ...", "Published: ...",
# "Report published on ...", "Publication date: ...", "Date of publication: ..." (a bare "published"
# without a colon is prose, not a label).
_PUBLISHED_LABEL = (r"(?:Report\s+published(?:\s+on)?\s*:?|Published\s*:|Publication\s+date\s*:?"
                    r"|Date\s+(?:of\s+publication|published)\s*:?)\s*")
_NUMERIC_PUBLISHED_RE = re.compile(rf"{_PUBLISHED_LABEL}{_NUMERIC.format('a')}", re.IGNORECASE)
_INSPECTION_DATES_RE = re.compile(
    rf"Inspection\s+dates?\s*:\s*"
    rf"(?P<d1>{_DAY})(?:\s+(?P<m1>{_MONTH}))?(?:\s+(?P<y1>\d{{4}}))?"
    rf"(?:\s*{_DASH}\s*(?P<d2>{_DAY})\s+(?P<m2>{_MONTH})\s+(?P<y2>\d{{4}}))?",
    re.IGNORECASE,
)
# "Report published: 19 November 2014", "Report published: Wednesday 19th November, 2014", "Published:
# 19 Nov 2014" (a month's first three letters, or "Sept", with or without a full stop).
_WEEKDAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+"
_MONTH_OR_SHORT = rf"{_MONTH}|Sept|(?:{'|'.join(name[:3] for name in MONTH_NAMES)})(?![a-z])"
_PUBLISHED_RE = re.compile(
    rf"{_PUBLISHED_LABEL}(?:{_WEEKDAY})?(?P<d>{_DAY})\s+(?P<m>{_MONTH_OR_SHORT})\.?,?\s+(?P<y>\d{{4}})",
    re.IGNORECASE,
)


_SHORT_MONTHS = {name[:3].lower(): n for n, name in enumerate(MONTH_NAMES, start=1)} | {"sept": 9}


def _day(day: str, month: str, year: str | int) -> date:
    number = month_number(month) or _SHORT_MONTHS.get(month.lower(), 0)
    return date(int(year), number, int(re.sub(r"\D", "", day)))


def _inspection_dates(front: str) -> tuple[date | None, date | None, str | None]:
    """(start, end, problem): the days on site as the first page prints them."""
    n = _NUMERIC_DATES_RE.search(front)
    if n is not None:
        try:
            start = date(int(n["ay"]), int(n["am"]), int(n["ad"]))
            end = date(int(n["by"]), int(n["bm"]), int(n["bd"])) if n["bd"] else start
        except ValueError:
            return None, None, f"'{n.group(0)}' is not a real date range"
        return (start, end, None) if start <= end else (None, None, f"'{n.group(0)}' ends before it starts")
    m = _INSPECTION_DATES_RE.search(front)
    if m is None:
        return None, None, "no 'Inspection dates:' line on the first page"
    try:
        if m["d2"] is None:  # a single day
            if not (m["m1"] and m["y1"]):
                return None, None, f"cannot read the dates in '{m.group(0)}'"
            one = _day(m["d1"], m["m1"], m["y1"])
            return one, one, None
        end = _day(m["d2"], m["m2"], m["y2"])
        start = _day(m["d1"], m["m1"] or m["m2"], m["y1"] or m["y2"])
        if m["y1"] is None and start > end:  # "28 December to 3 January 2020"
            start = start.replace(year=start.year - 1)
    except ValueError:
        return None, None, f"'{m.group(0)}' is not a real date range"
    if end < start:
        return None, None, f"'{m.group(0)}' ends before it starts"
    return start, end, None


# A visit on site in blocks: "Inspection dates: 30 September to 11 October 2024 and 13 to 16 January 2025"
# (Devon), "5 to 9 December 2022 and 14 to 15 February 2023" (South Tyneside): the blocks after the first.
_LATER_BLOCK_RE = re.compile(
    rf"\s*(?:,|and)\s+(?P<d1>{_DAY})(?:\s+(?P<m1>{_MONTH}))?(?:\s+(?P<y1>\d{{4}}))?"
    rf"\s*{_DASH}\s*(?P<d2>{_DAY})\s+(?P<m2>{_MONTH})\s+(?P<y2>\d{{4}})",
    re.IGNORECASE,
)


def _later_blocks(front: str, end: date) -> list[tuple[date, date]]:
    """The blocks on site after the first, where the dates line gives more than one, each after the last."""
    m = _INSPECTION_DATES_RE.search(front)
    if m is None or m["d2"] is None:
        return []
    out: list[tuple[date, date]] = []
    pos = m.end()
    while (b := _LATER_BLOCK_RE.match(front, pos)) is not None:
        try:
            last = _day(b["d2"], b["m2"], b["y2"])
            first = _day(b["d1"], b["m1"] or b["m2"], b["y1"] or b["y2"])
        except ValueError:
            break
        if not end < first <= last:
            break
        out.append((first, last))
        end, pos = last, b.end()
    return out


def _published(front: str) -> date | None:
    n = _NUMERIC_PUBLISHED_RE.search(front)
    if n is not None:
        try:
            return date(int(n["ay"]), int(n["am"]), int(n["ad"]))
        except ValueError:
            return None
    m = _PUBLISHED_RE.search(front)
    if m is None:
        return None
    try:
        return _day(m["d"], m["m"], m["y"])
    except ValueError:
        return None
