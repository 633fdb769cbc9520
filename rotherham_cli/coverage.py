"""What the shipped record set covers, as declared in data/coverage.yaml, and where it has no list.

Each source family of the shipped set (an official release's in-year list, its history table, the
reports, the visits the reports mention, Rotherham's own sources) declares which kinds of visit it
covers, for which authorities, over which period, and whether it is a full list of those visits.
Only a full list lets a count of visits mean "Ofsted made N visits": :func:`unlisted` says which parts
of a period no full list covers, and :func:`no_list_words` says so in a sentence ("they hold no list of
visits for April 2023 to March 2024"). Standard library and yaml only; nothing here prints.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

from .vocab import Kind
from .words import MONTH_NAMES, and_list

COVERAGE_FILE = Path(__file__).resolve().parent / "data" / "coverage.yaml"

# The ungraded kinds Ofsted's in-year lists hold: what "a list of visits" means by default.
LISTED_VISITS: tuple[Kind, ...] = (Kind.FOCUSED_VISIT, Kind.MONITORING_VISIT)


class CoverageError(ValueError):
    """A coverage file that does not say what it must (one line naming the file and the entry)."""


@dataclass(frozen=True)
class Family:
    """One source family and what it covers."""

    id: str
    source: str
    what: str
    kinds: tuple[Kind, ...]
    authorities: tuple[str, ...] | None  # register slugs; None for every authority
    start: date
    end: date
    full_list: bool

    def covers(self, authority: str | None, kind: Kind) -> bool:
        return kind in self.kinds and (self.authorities is None or authority in self.authorities)


def families(path: Path = COVERAGE_FILE) -> tuple[Family, ...]:
    """The source families the coverage file declares."""
    return _families(Path(path))


@lru_cache(maxsize=4)
def _families(path: Path) -> tuple[Family, ...]:
    import yaml

    from .safeyaml import load_plain

    try:
        data = load_plain(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise CoverageError(f"{path}: cannot be read ({exc})") from None
    out = []
    for n, entry in enumerate((data or {}).get("families") or [], 1):
        try:
            people = entry["authorities"]
            out.append(Family(
                id=str(entry["id"]), source=str(entry["source"]), what=" ".join(str(entry["what"]).split()),
                kinds=tuple(Kind(k) for k in entry["kinds"]),
                authorities=None if people == "all" else tuple(people),
                start=_day(entry["from"]), end=_day(entry["to"]), full_list=bool(entry["full_list"]),
            ))
        except (KeyError, TypeError, ValueError) as exc:
            raise CoverageError(f"{path}: family {n}: {exc}") from None
    return tuple(out)


def _day(value) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def unlisted(authority: str | None, start: date, end: date, kinds: Iterable[Kind] = LISTED_VISITS,
             sources: Sequence[Family] | None = None) -> list[tuple[date, date]]:
    """The parts of the period from ``start`` to ``end`` (inclusive) for which no full list of every
    one of ``kinds`` covers ``authority`` (a register slug), as (first day, last day), in order.
    An empty list: every day of the period is listed."""
    kinds = tuple(kinds)
    lists = [f for f in (families() if sources is None else sources) if f.full_list]
    # A day is listed where, for every kind, some full list of that kind covers it.
    spans_by_kind = [sorted((f.start, f.end) for f in lists if f.covers(authority, kind)) for kind in kinds]
    listed = _intersect_all(spans_by_kind) if kinds else [(start, end)]
    gaps, day = [], start
    for first, last in listed:
        if last < day or first > end:
            continue
        if first > day:
            gaps.append((day, first - timedelta(days=1)))
        day = max(day, last + timedelta(days=1))
    if day <= end:
        gaps.append((day, end))
    return gaps


def _union(spans: list[tuple[date, date]]) -> list[tuple[date, date]]:
    out: list[tuple[date, date]] = []
    for first, last in sorted(spans):
        if out and first <= out[-1][1] + timedelta(days=1):
            out[-1] = (out[-1][0], max(out[-1][1], last))
        else:
            out.append((first, last))
    return out


def _intersect_all(spans_by_kind: list[list[tuple[date, date]]]) -> list[tuple[date, date]]:
    result = _union(spans_by_kind[0])
    for spans in spans_by_kind[1:]:
        other = _union(spans)
        result = [(max(a, c), min(b, d)) for a, b in result for c, d in other if max(a, c) <= min(b, d)]
    return result


def _month(day: date) -> str:
    return f"{MONTH_NAMES[day.month - 1]} {day.year}"


def span_words(first: date, last: date) -> str:
    """'April 2023 to March 2024', or 'April 2023' for a span inside one month."""
    if (first.year, first.month) == (last.year, last.month):
        return _month(first)
    return f"{_month(first)} to {_month(last)}"


def no_list_words(gaps: Sequence[tuple[date, date]], who: str = "they") -> str:
    """'they hold no list of visits for April 2023 to March 2024' (and the other gaps), or '' for none."""
    if not gaps:
        return ""
    return f"{who} hold no list of visits for {and_list([span_words(a, b) for a, b in gaps])}"


def gap_sentence(authority: str | None, start: date | None, end: date | None) -> str:
    """What a count of visits without grades between two days rests on, as a sentence ('The records hold
    no list of visits for April 2023 to March 2024, so visits then are only those a report names.'),
    or '' where full lists cover the whole period (or a day is not known)."""
    if start is None or end is None or end < start:
        return ""
    said = no_list_words(unlisted(authority, start, end), "the records")
    if not said:
        return ""
    return f"{said[0].upper()}{said[1:]}, so the visits held there are only those a report or the authority names."
