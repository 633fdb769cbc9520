"""The report's sections, each from the records: the recurring concerns, the comparison with
neighbours, region and England, the sources, and the date the records stand at."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from ..comparison import Peer
from ..england import counted_authorities, inspected_on, latest_by_authority, tally
from ..models import Record
from ..send import children_services
from ..vocab import FINDING_THEMES, Area, FindingKind
from .model import Comparison, ConcernRow, Concerns, Shares, SourceRef


def concerns_for(records: Sequence[Record]) -> Concerns:
    """Every finding theme raised as an area for improvement across the authority's visits: from the
    inspectors' findings as tagged by hand or, where the records hold no findings, from the recommendations
    as themed by the rules of data/themes.yaml."""
    ordered = sorted(children_services(records), key=lambda r: r.sort_key)
    basis = "findings" if any(r.findings for r in ordered) else "recommendations"
    raising = [(r, _raised(r, basis)) for r in ordered if (r.findings if basis == "findings" else r.recommendations)]
    raised: dict[str, list[Record]] = {}
    texts: dict[str, list[tuple[str, str]]] = {}
    for r, pairs in raising:
        for theme, text in pairs:
            if r not in raised.setdefault(theme, []):
                raised[theme].append(r)
            texts.setdefault(theme, []).append((r.id, text))
    latest = raising[-1][0] if raising else None
    latest_themes = {theme for theme, _ in raising[-1][1]} if raising else set()
    rows = [ConcernRow(t, FINDING_THEMES.get(t, t), tuple(vs), t in latest_themes, tuple(texts.get(t, ())))
            for t, vs in raised.items()]
    rows.sort(key=lambda c: (-len(c.visits), c.visits[0].sort_key, c.label))
    return Concerns(rows, len(raising), len(ordered), latest, basis=basis)


def _raised(r: Record, basis: str) -> list[tuple[str, str]]:
    """Each (theme, text) a visit raises: its improvement findings' hand tags, or its recommendations' themes."""
    if basis == "findings":
        return [(t, f.text) for f in r.findings if f.kind is FindingKind.IMPROVEMENT for t in f.themes]
    from ..themes import recommendation_themes

    return [(t, str(text)) for text, themed in zip(r.recommendations, recommendation_themes(r), strict=True)
            for t in themed.themes]


def _shares(label: str, slugs: Sequence[str], latest: dict[str, Record]) -> Shares:
    t = tally(label, Area.OVERALL_EFFECTIVENESS, slugs, latest)
    return Shares(label, t.counts, t.not_graded, t.not_inspected, t.total)


def comparison_for(all_records: Sequence[Record], slug: str | None, as_at: date | None = None) -> Comparison:
    """The authority beside its statistical neighbours (its successors, for a former authority), its
    Ofsted region and England: each authority's latest graded inspection in the records.

    Only current authorities are counted for the region and England. Where the records hold no
    other authority, the note says so and the shares are left out rather than shown as one of one.
    """
    from .. import authorities

    latest = latest_by_authority(all_records)
    current = counted_authorities(as_at)
    covered = sum(1 for a in current if a.slug in latest)
    me = authorities.get(slug) if slug else None
    others = [s for s in latest if s != slug]
    if me is None:
        return Comparison([], "statistical neighbours", None, None, covered, len(current),
                          "The register of authorities does not know this authority, so it has no "
                          "neighbours or region to compare with.")
    if me.current:
        peer_slugs = [n.slug for n in me.neighbours]
        title = "statistical neighbours"
    else:
        peer_slugs = list(me.successors)
        title = "successors"
    peers = [Peer(me.slug, me.name, latest.get(me.slug), True)]
    peers += [Peer(s, authorities.get(s).name, latest.get(s)) for s in peer_slugs]
    if not others:
        return Comparison(peers, title, None, None, covered, len(current),
                          f"The records hold no other authority's inspections, so {me.name} is not compared "
                          "here with its neighbours, its region or England. Point the report at a national "
                          "record set (--records DIR, for example one made with 'judgements import-official').")
    region_slugs = [a.slug for a in current if a.region == me.region]
    region = _shares(me.region, region_slugs, latest)
    england = _shares("England", [a.slug for a in current], latest)
    note = None
    if covered < len(current):
        note = (f"The records hold a graded inspection for {covered} of England's {len(current)} current "
                "authorities; the others are counted as not held.")
    others_to = max((w for s in others if (w := latest[s].when) is not None), key=lambda d: d.earliest, default=None)
    return Comparison(peers, title, region, england, covered, len(current), note, others_to)


def sources_for(records: Sequence[Record]) -> list[SourceRef]:
    """Every source of the records, once each, in the order the visits cite them."""
    seen: dict[tuple[str, str, str | None, str | None, str | None], list[str]] = {}
    for r in sorted(records, key=lambda r: r.sort_key):
        for s in r.sources:
            k = (s.title, s.publisher, str(s.date) if s.date else None, s.url, s.file)
            ids = seen.setdefault(k, [])
            if r.id not in ids:
                ids.append(r.id)
    return [SourceRef(*k, tuple(ids)) for k, ids in seen.items()]


def as_at_of(records: Sequence[Record]) -> date | None:
    """The latest day the records know of: a visit's publication, else its days on site."""
    days = [d.earliest for r in records for d in (r.published, r.end, r.start) if d is not None]
    return max(days) if days else None


def known_by(r: Record, day: date) -> bool:
    """Whether a visit was known on ``day``: published by then (held by then, where no publication is given)."""
    if r.published is not None:
        return r.published.earliest <= day
    held_on = inspected_on(r)
    return held_on is not None and held_on <= day
