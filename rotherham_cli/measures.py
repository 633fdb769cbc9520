"""Time measures of one visit: days from the visit to its publication, days since it."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from .england import inspected_on

if TYPE_CHECKING:
    from .models import Record


def days_to_publish(r: Record) -> int | None:
    """Days from the last day of an inspection (its first, where the last is not known) to its publication."""
    held_until = r.end or r.start
    if held_until is None or r.published is None or held_until.day is None or r.published.day is None:
        return None
    return (r.published.earliest - held_until.earliest).days


def days_since(r: Record, today: date) -> int | None:
    d = inspected_on(r)
    return (today - d).days if d else None
