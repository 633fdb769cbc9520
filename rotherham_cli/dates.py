"""Dates that may be known to the day, the month or only the year. Standard library only, so that the
light rows of the record cache can hold them without pydantic."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

_DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@dataclass(frozen=True, order=True)
class PartialDate:
    """A date known to the day, the month or only the year."""

    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, value: Any) -> PartialDate:
        if isinstance(value, PartialDate):
            return value
        if isinstance(value, date):
            return cls(value.year, value.month, value.day)
        if isinstance(value, int) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str):
            raise ValueError(f"expected a date as YYYY-MM-DD, YYYY-MM or YYYY, got {type(value).__name__}")
        return _parsed(value)

    @classmethod
    def _from_text(cls, value: str) -> PartialDate:
        m = _DATE_RE.match(value.strip())
        if not m:
            raise ValueError(f"'{value}' is not a date; write YYYY-MM-DD, YYYY-MM or YYYY")
        year = int(m[1])  # the pattern requires the year; month and day may be absent
        month, day = (int(g) if g else None for g in (m[2], m[3]))
        try:
            date(year, month or 1, day or 1)
        except ValueError as exc:
            raise ValueError(f"'{value}' is not a real date ({exc})") from None
        if not 1900 <= year <= 2100:
            raise ValueError(f"'{value}' is outside the years 1900-2100")
        return cls(year, month, day)

    @property
    def earliest(self) -> date:
        return date(self.year, self.month or 1, self.day or 1)

    @property
    def latest(self) -> date:
        if self.month is None:
            return date(self.year, 12, 31)
        if self.day is None:
            nxt = date(self.year + (self.month == 12), self.month % 12 + 1, 1)
            return date.fromordinal(nxt.toordinal() - 1)
        return self.earliest

    @property
    def exact(self) -> bool:
        return self.day is not None

    def __str__(self) -> str:
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"


# Dates repeat across records (a report's date in its source and its publication): each text is read once.
_parsed = lru_cache(maxsize=4096)(PartialDate._from_text)
