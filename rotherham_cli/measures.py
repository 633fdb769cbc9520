"""Time measures of one visit: days from the visit to its publication, days since it.

Days to publish run from the last day on site to the day of publication, and from nothing else: where
a source gives only the first day on site, the measure is empty and says why, rather than measured from
the first day (a different quantity, longer by the days on site). Counts and medians say over how many
visits they run and why the others are left out.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from .england import inspected_on

if TYPE_CHECKING:
    from .models import Record

# Why days to publish are not known, one wording each (the CSV, SQLite and `show` use these words).
NOT_PUBLISHED = "no publication date in the sources"
PUBLISHED_MONTH = "publication date known only to the month"
NO_END = "last day on site not in the sources"
END_MONTH = "last day on site known only to the month"


@dataclass(frozen=True)
class ToPublish:
    """Days from a visit's last day on site to its publication, or why they are not known."""

    days: int | None
    why_not: str = ""  # one of the wordings above when days is None


def to_publish(r: Record) -> ToPublish:
    if r.published is None:
        return ToPublish(None, NOT_PUBLISHED)
    if r.published.day is None:
        return ToPublish(None, PUBLISHED_MONTH)
    if r.end is None:
        return ToPublish(None, NO_END)
    if r.end.day is None:
        return ToPublish(None, END_MONTH)
    return ToPublish((r.published.earliest - r.end.earliest).days)


def days_to_publish(r: Record) -> int | None:
    """Days from the last day of a visit on site to its publication; None where either is not known to the day."""
    return to_publish(r).days


@dataclass(frozen=True)
class PublishSummary:
    """Days to publish over a set of visits: how many are measured, their median, and why the rest are not."""

    visits: int
    measured: int
    median: float | None
    not_measured: dict[str, int]  # reason -> visits

    def sentence(self) -> str:
        from .words import count

        if not self.measured:
            return (f"Days to publish (from the last day on site): not known for any of the "
                    f"{count(self.visits, 'visit')}.")
        why = ", ".join(f"{reason} ({n})" for reason, n in self.not_measured.items())
        return (f"Days to publish, from the last day on site: median {self.median:g} over the {self.measured} of "
                f"{count(self.visits, 'visit')} where both days are known" + (f"; left out: {why}." if why else "."))


def publish_summary(records: Iterable[Record]) -> PublishSummary:
    import statistics  # here: it imports fractions, decimal and random, which a command without a median needs not

    measures = [to_publish(r) for r in records]
    days = [m.days for m in measures if m.days is not None]
    why = Counter(m.why_not for m in measures if m.days is None)
    return PublishSummary(len(measures), len(days), statistics.median(days) if days else None,
                          dict(why.most_common()))


def days_since(r: Record, today: date) -> int | None:
    d = inspected_on(r)
    return (today - d).days if d else None
