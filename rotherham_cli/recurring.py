"""What inspectors raise across many authorities: the themes most often raised in a period, in England
and each Ofsted region, with the authorities and visits behind each count.

A visit raises a theme when one of its recommendations is given the theme by the rules of themes.py,
or one of its findings of kind 'improvement' is tagged with it by hand. An authority is counted once for
a theme however many of its visits raised it. The one-authority view (concerns.py, report.concerns_for)
stays as it is.

Nothing here prints or knows about Typer; render/recurring.py lays these models out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .diff import concern_themes
from .identity import authority_slug
from .themes import recommendation_themes
from .vocab import FINDING_THEMES

if TYPE_CHECKING:
    from .models import Record


def raised_themes(record: Record) -> list[str]:
    """The themes a visit raises: its recommendations' (by rule) and its improvement findings' (by hand)."""
    seen: dict[str, None] = {}
    for t in recommendation_themes(record):
        for theme in t.themes:
            seen.setdefault(theme, None)
    for theme in concern_themes(record):
        seen.setdefault(theme, None)
    return list(seen)


@dataclass(frozen=True)
class Raising:
    """One visit that raised a theme."""

    slug: str
    name: str
    region: str
    record: Record


@dataclass
class ThemeCount:
    theme: str
    label: str
    raisings: list[Raising]  # by authority name, then date

    @property
    def authorities(self) -> list[str]:
        return list(dict.fromkeys(r.name for r in self.raisings))

    def in_region(self, region: str) -> list[str]:
        return list(dict.fromkeys(r.name for r in self.raisings if r.region == region))


@dataclass
class ConcernsAcross:
    scope: str
    since: str | int | None  # as given ("2023", "2023-05"): the JSON writes it so
    until: str | int | None
    visits: list[Raising]  # every visit of the scope and period with recommendations or findings
    themes: list[ThemeCount]  # most authorities first
    regions: list[str] = field(default_factory=list)  # the regions the visits are in, in the register's order

    def authorities(self, region: str | None = None) -> list[str]:
        """The authorities whose visits hold recommendations or findings (in a region, or all)."""
        return list(dict.fromkeys(v.name for v in self.visits if region is None or v.region == region))

    def top(self, region: str, n: int = 3) -> list[tuple[ThemeCount, int]]:
        """A region's most raised themes: (theme, authorities raising it), most first, then vocabulary order."""
        counted = [(t, len(t.in_region(region))) for t in self.themes]
        order = list(FINDING_THEMES)
        counted = [c for c in counted if c[1]]
        counted.sort(key=lambda c: (-c[1], order.index(c[0].theme)))
        return counted[:n]

    @property
    def period(self) -> str:
        if self.since and self.until:
            return f"{self.since} to {self.until}" if self.since != self.until else str(self.since)
        if self.since:
            return f"since {self.since}"
        if self.until:
            return f"up to {self.until}"
        return "all years"

    def rows(self) -> tuple[list[str], list[list]]:
        """One row per visit raising a theme: theme, region, authority, visit (long form, for a pivot)."""
        header = ["theme", "label", "authorities_raising", "region", "authority", "visit", "when"]
        out = []
        for t in self.themes:
            n = len(t.authorities)
            for r in t.raisings:
                out.append([t.theme, t.label, n, r.region, r.name, r.record.id, str(r.record.when or "")])
        return header, out

    def to_dict(self) -> dict:
        return {
            "scope": self.scope, "since": self.since, "until": self.until,
            "authorities_with_recommendations_or_findings": len(self.authorities()),
            "visits": len(self.visits),
            "rule": "a visit raises a theme through a recommendation (themes by the rules of data/themes.yaml) or "
                    "a finding of kind improvement (tagged by hand); each authority counted once per theme",
            "themes": [{"theme": t.theme, "label": t.label, "authorities": t.authorities,
                        "by_region": {g: names for g in self.regions if (names := t.in_region(g))},
                        "visits": [r.record.id for r in t.raisings]} for t in self.themes],
            "regions": {g: {"authorities": len(self.authorities(g)),
                            "top": [{"theme": t.theme, "authorities": n} for t, n in self.top(g)]}
                        for g in self.regions},
        }


def concerns_across(records: Sequence[Record], scope: str, slugs: frozenset[str] | None,
                    since: str | int | None = None, until: str | int | None = None) -> ConcernsAcross:
    """The themes raised by the visits of the authorities ``slugs`` (None: every authority) in the years
    ``since`` to ``until`` (by the visit's year), most authorities first."""
    from . import authorities
    from .query import Filters, filter_records

    visits: list[Raising] = []
    by_theme: dict[str, list[Raising]] = {}
    for r in filter_records(records, Filters.parse(slugs, None, since, until)):
        slug = authority_slug(r)
        if slug is None or (not r.recommendations and not r.findings):
            continue
        a = authorities.get(slug)
        visit = Raising(slug, a.name, a.region, r)
        visits.append(visit)
        for theme in raised_themes(r):
            by_theme.setdefault(theme, []).append(visit)
    visits.sort(key=lambda v: (v.name, v.record.sort_key))
    order = list(FINDING_THEMES)
    themes = [ThemeCount(t, FINDING_THEMES.get(t, t), sorted(vs, key=lambda v: (v.name, v.record.sort_key)))
              for t, vs in by_theme.items()]
    themes.sort(key=lambda t: (-len(t.authorities), order.index(t.theme) if t.theme in order else len(order)))
    regions = [g for g in authorities.regions() if any(v.region == g for v in visits)]
    return ConcernsAcross(scope, since, until, visits, themes, regions)
