"""Ofsted's headline table: every authority at its latest graded inspection (SIF or ILACS) held by a day,
with the day and each headline judgement; and the authorities behind any count of `england`.

The rule is england.py's (latest_by_authority over the authorities counted_authorities gives), so a
row here is exactly what `england` counts for that authority at that day.

Nothing here prints or knows about Typer; render/latest.py lays these models out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from .england import counted_authorities, inspected_on, latest_by_authority
from .errors import UsageError
from .vocab import HEADLINE_AREAS, Area, Grade, VocabularyError, parse_grade

if TYPE_CHECKING:
    from .authorities import LocalAuthority
    from .models import Record


@dataclass(frozen=True)
class LatestRow:
    """One authority and the inspection a count at the day takes for it (None: none held by then)."""

    slug: str
    name: str
    region: str
    record: Record | None

    @property
    def inspected(self) -> date | None:
        return inspected_on(self.record) if self.record else None

    def grade(self, area: Area) -> Grade | None:
        return self.record.judgements.get(area) if self.record else None


@dataclass
class LatestView:
    as_at: date
    published_by: date | None
    scope: str  # "England", an Ofsted region, or the names asked for
    rows: list[LatestRow]
    areas: tuple[Area, ...] = HEADLINE_AREAS
    which: str = ""  # what the rows were chosen by ('inadequate for overall effectiveness'), if anything

    def table(self) -> tuple[list[str], list[list]]:
        """One row per authority, for CSV and Markdown."""
        header = ["authority", "region", "as_at", "latest", "kind", "inspected", "published",
                  *(a.value for a in self.areas)]
        out = []
        for row in self.rows:
            r = row.record
            out.append([row.name, row.region, self.as_at.isoformat(), r.id if r else "", r.kind.value if r else "",
                        row.inspected.isoformat() if row.inspected else "", str(r.published or "") if r else "",
                        *((g.value if (g := row.grade(a)) else "") for a in self.areas)])
        return header, out

    def to_dict(self) -> dict:
        header, rows = self.table()
        return {"as_at": self.as_at.isoformat(),
                "published_by": self.published_by.isoformat() if self.published_by else None,
                "scope": self.scope, "which": self.which or None,
                "rule": "each authority at its latest SIF or ILACS inspection held by the date",
                "authorities": [dict(zip(header, r, strict=True)) for r in rows]}


def members(specs: Sequence[str] | None, as_at: date | None,
            former: bool = False) -> tuple[str, list[LocalAuthority]]:
    """The authorities a table covers and its title: every authority that existed on the day ('all' or
    none), those of an Ofsted region that existed on the day ('region:NAME'), or those named. With
    ``former``, 'all' and a region take in every authority there has been, current or not."""
    from .authorities import all_authorities, select

    counted = all_authorities() if former else counted_authorities(as_at)
    if not specs or any(s.strip().casefold() == "all" for s in specs):
        return "England", list(counted)
    chosen: dict[str, LocalAuthority] = {}
    titles = []
    for spec in specs:
        head, _, rest = spec.partition(":")
        if rest and head.strip().casefold() == "region":
            region = select(spec)[0].region  # the region's name as the register writes it
            titles.append(region)
            chosen.update((a.slug, a) for a in counted if a.region == region)
        else:
            found = select(spec)
            titles.append(found[0].name + (" and its statistical neighbours" if len(found) > 1 else ""))
            chosen.update((a.slug, a) for a in found)
    return ", ".join(titles), sorted(chosen.values(), key=lambda a: a.name)


def latest_view(records: Sequence[Record], as_at: date, specs: Sequence[str] | None = None,
                published_by: date | None = None) -> LatestView:
    """Each authority of the scope at its latest graded inspection held by ``as_at`` (and published by
    ``published_by``), by name."""
    scope, chosen = members(specs, as_at)
    latest = latest_by_authority(records, as_at, published_by)
    rows = [LatestRow(a.slug, a.name, a.region, latest.get(a.slug)) for a in chosen]
    return LatestView(as_at, published_by, scope, rows)


# What `--sort` accepts besides the areas: the column and its key.
SORTS = ("authority", "region", "inspected", "published")


def sort_rows(view: LatestView, column: str) -> LatestView:
    """The rows sorted by a column: 'authority', 'region', 'inspected' (oldest first), 'published', or a
    judgement area (outstanding first); a leading '-' reverses. Rows without a value go last; ties go by
    name."""
    word = column.strip()
    reverse = word.startswith("-")
    word = word.lstrip("-").strip().lower().replace("-", "_")
    if word in ("authority", "name"):
        def key(r):
            return r.name
    elif word == "region":
        def key(r):
            return r.region
    elif word in ("inspected", "date"):
        def key(r):
            return r.inspected
    elif word == "published":
        def key(r):
            return r.record.published.earliest if r.record and r.record.published else None
    else:
        from .query import parse_area as area_named  # as every option names an area: key, name or its start

        try:
            area = area_named(word, "--sort")
        except UsageError as exc:
            raise UsageError(f"{exc}; or one of {', '.join(SORTS)}") from None

        def key(r):
            g = r.grade(area)
            return g.rank if g else None
    by_name = sorted(view.rows, key=lambda r: r.name)
    known = sorted((r for r in by_name if key(r) is not None), key=key, reverse=reverse)
    rows = known + [r for r in by_name if key(r) is None]  # what has no value goes last either way
    return LatestView(view.as_at, view.published_by, view.scope, rows, view.areas, view.which)


# `england --which`: a grade, or the authorities a count leaves without one.
NOT_INSPECTED = "not-inspected"
NOT_GRADED = "not-graded"


def which(view: LatestView, word: str, area: Area) -> LatestView:
    """The rows behind one count of `england` in one area: those at a grade (on today's scale),
    'not-graded' (the latest inspection gives no grade in the area) or 'not-inspected'."""
    w = word.strip().lower().replace("_", "-").replace(" ", "-")
    if w == NOT_INSPECTED:
        rows, what = [r for r in view.rows if r.record is None], "with no SIF or ILACS inspection by then"
    elif w == NOT_GRADED:
        rows = [r for r in view.rows if r.record is not None and r.grade(area) is None]
        what = f"whose latest inspection gives no grade for {area.short.lower()}"
    else:
        try:
            g = parse_grade(w.replace("-", " ")).on_scale
        except VocabularyError as exc:
            raise UsageError(f"--which: {exc}; or {NOT_GRADED}, {NOT_INSPECTED}") from None
        rows = [r for r in view.rows if (x := r.grade(area)) is not None and x.on_scale is g]
        what = f"graded {g.in_words} for {area.short.lower()}"
    return LatestView(view.as_at, view.published_by, view.scope, rows, view.areas, what)
