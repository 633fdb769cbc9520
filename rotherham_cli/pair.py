"""Two named authorities side by side: each one's latest graded inspection (SIF or ILACS) held by a day,
its grades, and its direction of travel since its own previous graded inspection, as `diff` does for
two visits of one authority.

Each side is comparison.compare_view's (the same latest, previous and movement rule as `compare`).
Nothing here prints or knows about Typer; render/pair.py lays these models out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from .comparison import CompareView, compare_view, movement
from .dates import PartialDate
from .england import inspected_on
from .errors import UsageError
from .vocab import HEADLINE_AREAS, Area, Change, Grade

if TYPE_CHECKING:
    from .models import Record


@dataclass(frozen=True)
class Side:
    """One authority's row of each area: latest grade, previous grade and the move between them."""

    view: CompareView

    @property
    def name(self) -> str:
        return self.view.name

    def grade(self, area: Area, previous: bool = False) -> Grade | None:
        r = self.view.previous if previous else self.view.latest
        return r.judgements.get(area) if r else None

    def change(self, area: Area) -> Change | None:
        """The move since the previous graded inspection (None: no previous, or the area in neither)."""
        a, b = self.grade(area, previous=True), self.grade(area)
        if self.view.previous is None or (a is None and b is None):
            return None
        return movement(a, b)


@dataclass
class PairView:
    as_at: date
    sides: tuple[Side, Side]
    areas: tuple[Area, ...] = HEADLINE_AREAS

    def rows(self) -> tuple[list[str], list[list]]:
        """One row per authority and area (for CSV and Markdown)."""
        header = ["authority", "area", "latest", "inspected", "grade", "previous", "previous_inspected",
                  "previous_grade", "change"]
        out = []
        for s in self.sides:
            last, prev = s.view.latest, s.view.previous
            for a in self.areas:
                g, p, c = s.grade(a), s.grade(a, previous=True), s.change(a)
                out.append([s.name, a.value, _id(last), _day(last), g.value if g else "", _id(prev), _day(prev),
                            p.value if p else "", c.value if c else ""])
        return header, out

    def to_dict(self) -> dict:
        def side(s: Side) -> dict:
            v = s.view
            return {"authority": v.name, "slug": v.slug, "region": v.region, "latest": _id(v.latest),
                    "inspected": _day(v.latest) or None, "days_since": v.days_since,
                    "previous": _id(v.previous) or None, "previous_inspected": _day(v.previous) or None,
                    "areas": [{"area": a.value, "grade": g.value if (g := s.grade(a)) else None,
                               "previous": p.value if (p := s.grade(a, previous=True)) else None,
                               "change": c.value if (c := s.change(a)) else None} for a in self.areas]}

        return {"as_at": self.as_at.isoformat(), "authorities": [side(s) for s in self.sides]}


def _id(r: Record | None) -> str:
    return r.id if r else ""


def _day(r: Record | None) -> str:
    d = inspected_on(r) if r else None
    return d.isoformat() if d else ""


def pair_view(records: Sequence[Record], first: str, second: str, as_at: date) -> PairView:
    """The two authorities (register slugs) side by side at ``as_at``."""
    if first == second:
        raise UsageError("compare A B: name two different authorities")
    return PairView(as_at, (Side(compare_view(records, first, as_at)), Side(compare_view(records, second, as_at))))


def pair_sentences(view: PairView) -> list[str]:
    """Which was inspected more recently, and each one's direction of travel in a few words."""
    from .words import and_list, count, when_words

    out = []
    day = when_words(PartialDate.parse(view.as_at.isoformat()))
    for s in view.sides:
        v = s.view
        if v.latest is None:
            out.append(f"The records hold no SIF or ILACS inspection of {v.name} by {view.as_at.isoformat()}.")
            continue
        overall = v.latest.overall
        grade = f"graded {overall.in_words} overall" if overall else "with no overall grade (framework from April 2026)"
        lead = (f"{v.name}: {v.latest.kind.label} held {when_words(v.latest.start or v.latest.published)}, "
                f"{count(v.days_since or 0, 'day')} before {day}, {grade}")
        moves = [s.change(a) for a in view.areas]
        if v.previous is None:
            out.append(f"{lead}; no earlier graded inspection to compare with.")
            continue
        tallied = [(n, w) for w, n in (("improved", moves.count(Change.IMPROVED)),
                                       ("declined", moves.count(Change.DECLINED)),
                                       ("stayed the same", moves.count(Change.UNCHANGED))) if n]
        said = and_list([f"{count(n, 'area')} {w}" for n, w in tallied]) or "no area judged at both"
        out.append(f"{lead}; since {when_words(v.previous.start or v.previous.published)}, {said}.")
    return out
