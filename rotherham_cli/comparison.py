"""One authority against its statistical neighbours (or its successors), its region and England:
its latest graded inspection, the direction of travel since the one before, and the shares at each grade.

Nothing here prints or knows about Typer; the renderers lay these models out.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from .dates import PartialDate
from .england import (
    Tally,
    by_authority,
    counted_authorities,
    counts_as_graded,
    held,
    inspected_on,
    latest_by_authority,
    latest_graded_of,
    pct,
    tally,
)
from .vocab import HEADLINE_AREAS, SCALE, Area, Change, Grade, compare_grades
from .words import a_kind

if TYPE_CHECKING:
    from .models import Record


@dataclass(frozen=True)
class Peer:
    """One authority's latest graded inspection (SIF or ILACS) in the records, if any."""

    slug: str
    name: str
    record: Record | None
    is_self: bool = False

    @property
    def overall(self) -> Grade | None:
        return self.record.overall if self.record else None


@dataclass
class CompareView:
    slug: str
    name: str
    region: str
    current: bool
    as_at: date
    latest: Record | None
    previous: Record | None
    peers: list[Peer]  # the authority first, then its neighbours (successors, when former)
    peers_title: str
    region_tallies: list[Tally]
    england_tallies: list[Tally]
    areas: tuple[Area, ...] = HEADLINE_AREAS
    # Area SEND (Ofsted and the CQC): each peer's latest inspection held by the day (None: none in the
    # records), and the region's and England's counts by outcome; outcomes, never grades.
    send: dict[str, Record | None] = field(default_factory=dict)
    closeness: dict[str, str] = field(default_factory=dict)  # each neighbour's band in the DfE model
    send_tallies: list = field(default_factory=list)

    @property
    def days_since(self) -> int | None:
        d = inspected_on(self.latest) if self.latest else None
        return (self.as_at - d).days if d else None

    def direction(self) -> list[tuple[Area, Grade | None, Grade | None, Change]]:
        """Each area at the previous and the latest graded inspection, and how it moved."""
        if self.latest is None or self.previous is None:
            return []
        out = []
        for area in self.areas:
            a, b = self.previous.judgements.get(area), self.latest.judgements.get(area)
            if a is None and b is None:
                continue
            out.append((area, a, b, movement(a, b)))
        return out

    def rows(self) -> tuple[list[str], list[list]]:
        """One row per authority compared (itself first), for CSV and Markdown."""
        header = ["authority", "self", "closeness", "latest", "inspected", *(a.value for a in HEADLINE_AREAS)]
        out = []
        for p in self.peers:
            r = p.record
            day = inspected_on(r) if r else None
            out.append([p.name, "yes" if p.is_self else "", self.closeness.get(p.slug, ""), r.id if r else "",
                        day.isoformat() if day else "",
                        *((g.value if r and (g := r.judgements.get(a)) else "") for a in HEADLINE_AREAS)])
        return header, out

    def to_dict(self) -> dict:
        def grades(r: Record | None) -> dict:
            return {a.value: g.value for a, g in r.judgements.items()} if r else {}

        return {
            "authority": self.name, "slug": self.slug, "region": self.region, "as_at": self.as_at.isoformat(),
            "latest": self.latest.id if self.latest else None,
            "latest_inspected": (d.isoformat() if self.latest and (d := inspected_on(self.latest)) else None),
            "days_since": self.days_since,
            "previous": self.previous.id if self.previous else None,
            "direction": [{"area": a.value, "previous": x.value if x else None, "latest": y.value if y else None,
                           "change": m.value} for a, x, y, m in self.direction()],
            self.peers_title.replace(" ", "_"): [
                {"authority": p.name, "slug": p.slug, "self": p.is_self, "closeness": self.closeness.get(p.slug),
                 "latest": p.record.id if p.record else None,
                 "inspected": (d.isoformat() if p.record and (d := inspected_on(p.record)) else None),
                 "judgements": grades(p.record)} for p in self.peers],
            "area_send": {
                "latest": {p.slug: ({"id": r.id, "outcome": r.outcome.value if r.outcome else None}
                                    if (r := self.send.get(p.slug)) else None) for p in self.peers},
                "counts": [{"scope": t.scope, "counts": {o.value: n for o, n in t.counts.items()},
                            "no_outcome": t.no_outcome, "none_in_records": t.none_held, "authorities": t.total}
                           for t in self.send_tallies]},
            "shares": [{"scope": t.scope, "area": t.area.value, "counts": {g.value: t.counts[g] for g in SCALE},
                        "not_graded": t.not_graded, "not_inspected": t.not_inspected, "authorities": t.total}
                       for t in (*self.region_tallies, *self.england_tallies)],
        }


def movement(a: Grade | None, b: Grade | None) -> Change:
    """How an area moved from one inspection to the next, on today's four-step scale."""
    return compare_grades(a, b)[0]


def compare_view(records: Sequence[Record], slug: str, as_at: date) -> CompareView:
    from . import authorities

    me = authorities.get(slug)
    groups = by_authority(records)
    mine = [r for r in groups.get(slug, []) if counts_as_graded(r) and held(r, as_at)]
    mine.sort(key=lambda r: (inspected_on(r) or date.min, r.id))
    latest = mine[-1] if mine else None
    previous = mine[-2] if len(mine) > 1 else None
    if me.current:
        peer_slugs, title = [n.slug for n in me.neighbours], "statistical neighbours"
    else:
        peer_slugs, title = list(me.successors), "successors"
    peers = [Peer(slug, me.name, latest, True)]
    peers += [Peer(s, authorities.get(s).name, latest_graded_of(groups.get(s, []), as_at)) for s in peer_slugs]
    latest_all = latest_by_authority(records, as_at)
    counted = counted_authorities(as_at)
    region = [tally(me.region, area, [a.slug for a in counted if a.region == me.region], latest_all)
              for area in HEADLINE_AREAS]
    england = [tally("England", area, [a.slug for a in counted], latest_all) for area in HEADLINE_AREAS]
    from .send import latest_send_by_authority, send_view

    sends = send_view(records, as_at)
    known = latest_send_by_authority([r for r in records if held(r, as_at)])
    return CompareView(slug, me.name, me.region, me.current, as_at, latest, previous, peers, title, region, england,
                       send={p.slug: known.get(p.slug) for p in peers},
                       closeness={n.slug: n.closeness for n in me.neighbours} if me.current else {},
                       send_tallies=[t for t in sends.tallies if t.scope in (me.region, "England")])


def compare_sentences(view: CompareView) -> dict[str, str]:
    """The sentence under each part of `compare`: 'latest', 'peers', 'shares', 'direction'."""
    from .words import and_list, count, month_words, when_words

    out: dict[str, str] = {}
    r = view.latest
    if r is None:
        out["latest"] = (f"The records hold no SIF or ILACS inspection of {view.name} "
                         f"by {view.as_at.isoformat()}.")
    else:
        held_on = when_words(r.start) if r.start else f"published {when_words(r.published)}"
        out["latest"] = (f"{view.name}'s last graded inspection was {a_kind(r.kind.label)} "
                         f"({held_on}), {count(view.days_since or 0, 'day')} before "
                         f"{when_words(PartialDate.parse(view.as_at.isoformat()))}.")
    eng = next(t for t in view.england_tallies if t.area is Area.OVERALL_EFFECTIVENESS)
    reg = next(t for t in view.region_tallies if t.area is Area.OVERALL_EFFECTIVENESS)
    others = [p for p in view.peers if not p.is_self]
    g = r.overall.on_scale if r is not None and r.overall is not None else None
    if g is None:
        out["peers"] = (f"{view.name}'s latest inspection gives no overall grade, so it is not placed among the "
                        f"{eng.total} authorities by overall effectiveness." if r else "")
    else:
        same = sum(1 for p in others if p.record and p.record.overall and p.record.overall.on_scale is g)
        who = "statistical neighbours" if view.peers_title == "statistical neighbours" else "successors"
        lead = (f"{view.name} is one of {eng.counts[g]} of England's {eng.total} authorities" if view.current
                else f"{view.name} no longer exists; {eng.counts[g]} of England's {eng.total} authorities are")
        out["peers"] = (f"{lead} graded {g.in_words} overall at their latest inspection; "
                        f"{same} of its {len(others)} {who} {'is' if same == 1 else 'are'}.")
        out["shares"] = (f"In {reg.scope}, {reg.counts[g]} of {reg.total} authorities are graded {g.in_words} "
                         f"overall ({pct(reg.counts[g], reg.graded)} of those with an overall grade), against "
                         f"{eng.counts[g]} of {eng.total} in England ({pct(eng.counts[g], eng.graded)}).")
    if "shares" not in out:
        good_r = reg.counts[Grade.OUTSTANDING] + reg.counts[Grade.GOOD]
        good_e = eng.counts[Grade.OUTSTANDING] + eng.counts[Grade.GOOD]
        out["shares"] = (f"In {reg.scope}, {good_r} of {reg.total} authorities are graded good or outstanding "
                         f"overall, against {good_e} of {eng.total} in England.")
    moves = view.direction()
    if view.previous is None or r is None:
        out["direction"] = f"The records hold no earlier graded inspection of {view.name} to compare with."
    else:
        tallied = Counter(m for _, _, _, m in moves)
        parts = [count(n, "area") + " " + word for word, n in
                 (("improved", tallied[Change.IMPROVED]), ("declined", tallied[Change.DECLINED]),
                  ("stayed the same", tallied[Change.UNCHANGED]), ("newly judged", tallied[Change.NEWLY_JUDGED]),
                  ("not judged this time", tallied[Change.NO_LONGER_JUDGED])) if n]
        a, b = view.previous.overall, r.overall
        overall = ""
        if a and b:
            overall = (f"; overall it went from {a.in_words} to {b.in_words}" if a.on_scale is not b.on_scale
                       else f"; overall it stayed {b.in_words}")
        before = month_words(view.previous.start or view.previous.published)
        out["direction"] = f"Since its previous graded inspection ({before}), {and_list(parts)}{overall}."
    return out
