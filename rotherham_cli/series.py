"""England at every 31 March, as Ofsted's time-series tables give it: for each year from the first 31
March by which the records hold a graded inspection (SIF or ILACS), how many authorities stand at each
grade of one judgement. Each year is england.england_view at that day, so each row is what `england
--as-at YEAR-03-31` counts.

Nothing here prints or knows about Typer; render/series.py lays these models out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from .england import Tally, counts_as_graded, england_view, inspected_on
from .vocab import SCALE, Area

if TYPE_CHECKING:
    from .models import Record


@dataclass
class Series:
    area: Area
    tallies: list[Tally]  # England's, one per 31 March, oldest first
    days: list[date]
    header: list[str]
    table: list[list]  # england_view's rows for England, one per year

    def rows(self) -> tuple[list[str], list[list]]:
        return self.header, self.table

    def to_dict(self) -> dict:
        return {"area": self.area.value,
                "rule": "each authority that existed on the day at its latest SIF or ILACS inspection held by then",
                "years": [dict(zip(self.header, r, strict=True)) for r in self.table]}


def march_days(records: Sequence[Record], until: date) -> list[date]:
    """Every 31 March from the first by which a graded inspection was held up to ``until``."""
    held = [d for r in records if counts_as_graded(r) and (d := inspected_on(r)) is not None]
    if not held:
        return []
    first = min(held)
    start = first.year if first <= date(first.year, 3, 31) else first.year + 1
    end = until.year if until >= date(until.year, 3, 31) else until.year - 1
    return [date(y, 3, 31) for y in range(start, end + 1)]


def series(records: Sequence[Record], area: Area, until: date) -> Series:
    tallies: list[Tally] = []
    days: list[date] = []
    table: list[list] = []
    header: list[str] = []
    for day in march_days(records, until):
        view = england_view(records, day, areas=(area,))
        tallies.append(view.of("England", area))
        days.append(day)
        header, rows = view.rows()
        table += [r for r in rows if r[header.index("scope")] == "England"]
    return Series(area, tallies, days, header, table)


def good_or_better(t: Tally) -> float | None:
    """The share of the authorities graded in the area that are good or outstanding (0-1)."""
    return (t.counts[SCALE[0]] + t.counts[SCALE[1]]) / t.graded if t.graded else None
