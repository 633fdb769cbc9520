"""Building the report: the paragraph in plain words, the report itself and the chart's description."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from ..diff import Diff, diff
from ..models import PartialDate, Record
from ..send import children_services, latest_send
from ..timeline import build_timeline
from ..vocab import Change
from ..words import and_list as _and
from ..words import count as _count
from ..words import month_words, when_words
from .model import Comparison, Report
from .phrases import theme_words, visit_words
from .sections import as_at_of, comparison_for, concerns_for, known_by, sources_for


def _direction(latest: Record, previous: Record | None, change: Diff | None) -> str:
    if previous is None or change is None:
        return "It is the only graded inspection of the authority in the records."
    prev = f"the previous inspection in {month_words(previous.when)}"
    a, b = previous.overall, latest.overall
    counts = []
    for what, n in (("improved", change.count(Change.IMPROVED)), ("declined", change.count(Change.DECLINED)),
                    ("stayed the same", change.count(Change.UNCHANGED))):
        if n:
            counts.append(f"{_count(n, 'area')} {what}")
    tail = f" ({_and(counts)})" if counts else ""
    if a is not None and b is not None:
        if b.rank < a.rank:
            return f"That is better than at {prev}, when it was {a.in_words}{tail}."
        if b.rank > a.rank:
            return f"That is worse than at {prev}, when it was {a.in_words}{tail}."
        return f"That is the same overall grade as at {prev}{tail}."
    return f"Against {prev}: {_and(counts) or 'no area judged at both'}."


def _standing(name: str, latest: Record | None, cmp: Comparison) -> str:
    if cmp.england is None or latest is None or latest.overall is None:
        return ""
    g = latest.overall.on_scale
    e, reg = cmp.england, cmp.region
    words = g.in_words
    if cmp.covered < cmp.current:
        parts = [f"The records hold graded inspections of only {cmp.covered} of England's {cmp.current} "
                 f"authorities; of those, {e.counts[g]} {'is' if e.counts[g] == 1 else 'are'} graded {words} overall "
                 "at their latest inspection"]
        if reg is not None:
            parts.append(f"{reg.counts[g]} of the {reg.total - reg.not_held} held in {reg.label}")
    else:
        if cmp.neighbours_title == "successors":
            parts = [f"Today {e.counts[g]} of England's {e.total} authorities are graded {words} overall "
                     "at their latest inspection"]
        else:
            parts = [f"{name} is one of {e.counts[g]} of England's {e.total} authorities graded {words} "
                     "overall at their latest inspection"]
        if reg is not None:
            parts.append(f"{reg.counts[g]} of {reg.total} in {reg.label}")
    if cmp.neighbours_title == "statistical neighbours":
        others = [p for p in cmp.neighbours if not p.is_self]
        held = [p for p in others if p.record is not None]
        same = [p for p in held if p.overall is not None and p.overall.on_scale is g]
        if len(held) == len(others):
            parts.append(f"{len(same)} of its {len(held)} statistical neighbours")
        elif held:
            parts.append(f"{len(same)} of the {len(held)} of its statistical neighbours the records hold")
        else:
            parts.append("the records hold none of its statistical neighbours")
    return "; ".join(parts) + "."


def summary_text(name: str, records: Sequence[Record], latest: Record | None, previous: Record | None,
                 change: Diff | None, cmp: Comparison, former: str | None) -> str:
    sentences = []
    if former:
        sentences.append(former)
    if latest is None:
        sentences.append(f"The records hold no graded inspection of {name}'s children's services"
                         f" ({_count(len(records), 'visit')} without grades).")
        return " ".join(sentences)
    head = (f"Ofsted last inspected {name}'s children's services in {month_words(latest.when)} "
            f"({visit_words(latest)})")
    if latest.overall is not None:
        head += f" and judged them {latest.overall.in_words} overall."
    else:
        grades = sorted({g for g in latest.judgements.values()}, key=lambda g: g.rank)
        head += f" and graded its areas {_and([g.in_words for g in grades])}."
    sentences.append(head)
    sentences.append(_direction(latest, previous, change))
    standing = _standing(name, latest, cmp)
    if standing:
        sentences.append(standing)
    elif cmp.england is None:
        sentences.append("The records hold no other authority, so it is not compared with others here.")
    ungraded = [r for r in records if not r.graded and latest.sort_key < r.sort_key]
    if ungraded:
        sentences.append(f"Since then the records hold {_count(len(ungraded), 'ungraded visit')}.")
    return " ".join(sentences)


def _former_sentence(slug: str | None) -> tuple[str | None, str | None]:
    """The authority's region, and a sentence when it no longer exists."""
    if slug is None:
        return None, None
    from .. import authorities

    a = authorities.get(slug)
    if a.current:
        return a.region, None
    succ = _and([authorities.get(s).name for s in a.successors])
    ended = f" on {when_words(PartialDate.parse(a.ended))}" if a.ended else ""
    tail = f"; its services passed to {succ}" if succ else ""
    return a.region, f"{a.name} no longer exists as a local authority (it ended{ended}{tail})."


def build_report(all_records: Sequence[Record], slug: str | None, name: str | None = None,
                 as_at: date | None = None) -> Report:
    """The report on one authority (by the register's slug) from a record set, as at one day.

    ``all_records`` is the whole set: the authority's own records are chosen from it, and the others
    serve the comparison. Every figure is as at ``as_at`` (None: the latest day the records know of):
    visits published after it are left out, the authority's and every other authority's alike.
    """
    from ..identity import authority_slug

    given = as_at is not None
    if as_at is None:
        as_at = as_at_of(all_records)
    everything = sorted((r for r in children_services(all_records) if authority_slug(r) == slug),
                        key=lambda r: r.sort_key)
    if given and as_at is not None:  # by default every record is known by the day (an undated one too)
        day = as_at
        all_records = [r for r in all_records if known_by(r, day)]
    # The report is on children's services: an area SEND inspection is not one of its visits (see send.py).
    mine = sorted((r for r in children_services(all_records) if authority_slug(r) == slug), key=lambda r: r.sort_key)
    if name is None:
        from .. import authorities

        name = authorities.get(slug).name if slug else (mine[0].authority.name if mine else "")
    graded = [r for r in mine if r.graded]
    latest = graded[-1] if graded else None
    previous = graded[-2] if len(graded) > 1 else None
    change = diff(previous, latest, mine) if latest and previous else None
    region, former = _former_sentence(slug)
    cmp = comparison_for(all_records, slug, as_at)
    return Report(
        name=name,
        slug=slug,
        region=region,
        former=former,
        records=mine,
        timeline=build_timeline(mine),
        latest=latest,
        previous=previous,
        change=change,
        concerns=concerns_for(mine),
        comparison=cmp,
        sources=sources_for(mine),
        as_at=PartialDate.parse(as_at) if as_at else None,
        summary=summary_text(name, mine, latest, previous, change, cmp, former),
        official_only=not any(r.findings or r.recommendations for r in mine),
        visits=[r for r in mine if not r.graded],
        as_at_given=given,
        left_out=len(everything) - len(mine),
        send=latest_send(all_records, slug) if slug else None,
    )


def chart_description(report: Report) -> str:
    """The journey chart in words: its text alternative."""
    t = report.timeline
    parts = []
    for area in t.areas:
        steps = [f"{c.grade.label} in {month_words(r.when)}"
                 for i, r in enumerate(t.columns) if (c := t.cell(area, i)) is not None]
        parts.append(f"{area.short}: {', '.join(steps)}.")
    if report.visits:
        parts.append("Visits without grades: " + "; ".join(
            f"{r.kind.label} in {month_words(r.when)} ({theme_words(r)})" for r in report.visits) + ".")
    if not t.columns:
        parts.insert(0, f"The records hold no graded inspection of {report.name}.")
    return " ".join(parts)
