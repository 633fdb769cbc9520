"""The committee report's content, as a model: one authority's journey, its latest inspection against
the previous one, the concerns that keep coming back, where it stands against its statistical
neighbours, its region and England, and every source.

The renderers (render/html.py, render/report_md.py, render/svg.py) only lay this out; every fact and
every sentence of the report is decided here. Nothing here prints or knows about Typer.

The comparison and the recurring concerns each sit behind one function (:func:`comparison_for`,
:func:`concerns_for`), computed from the records and the register of authorities.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from . import __version__
from .comparison import Peer
from .diff import Diff, concern_themes, diff
from .england import counted_authorities, inspected_on, latest_by_authority, pct, tally
from .models import PartialDate, Record
from .send import children_services, latest_send
from .timeline import Timeline, build_timeline
from .vocab import FINDING_THEMES, SCALE, VISIT_THEMES, Area, Change, FindingKind, Grade
from .words import a_kind, month_words, when_words
from .words import and_list as _and
from .words import count as _count

# ---------------------------------------------------------------------------------------------
# The model
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SourceRef:
    """One source, cited by one or more visits."""

    title: str
    publisher: str
    date: str | None
    url: str | None
    file: str | None
    visits: tuple[str, ...]


@dataclass(frozen=True)
class ConcernRow:
    """A finding theme raised as an area for improvement at one or more visits."""

    theme: str
    label: str
    visits: tuple[Record, ...]  # the visits that raised it, oldest first
    still_raised: bool  # raised at the latest visit that has findings
    texts: tuple[tuple[str, str], ...]  # (visit id, the finding's short text)

    @property
    def when(self) -> list[str]:
        """When each visit raised it, in words ('September 2014')."""
        return [month_words(v.when) for v in self.visits]


@dataclass(frozen=True)
class Concerns:
    rows: list[ConcernRow]
    visits_with_findings: int
    visits: int
    latest_with_findings: Record | None
    # What the themes come from: the inspectors' findings as tagged by hand, or (where the records hold no
    # findings) the recommendations, themed by the rules of data/themes.yaml.
    basis: str = "findings"

    @property
    def recurring(self) -> list[ConcernRow]:
        return [r for r in self.rows if len(r.visits) > 1]


@dataclass(frozen=True)
class Shares:
    """How many authorities stand at each grade of overall effectiveness."""

    label: str
    counts: dict[Grade, int]  # on today's scale
    no_overall: int  # graded under a framework that gives no overall grade
    not_held: int  # no graded inspection in the records
    total: int

    @property
    def graded(self) -> int:
        return sum(self.counts.values())


@dataclass(frozen=True)
class Comparison:
    neighbours: list[Peer]
    neighbours_title: str  # "statistical neighbours" or, for a former authority, "successors"
    region: Shares | None
    england: Shares | None
    covered: int  # current authorities with a graded inspection in the records
    current: int  # current authorities in the register
    note: str | None  # why a part is missing, in plain words
    others_to: PartialDate | None = None  # the latest graded inspection of any other authority held


@dataclass
class Report:
    name: str
    slug: str | None
    region: str | None
    former: str | None  # a sentence when the authority no longer exists
    records: list[Record]
    timeline: Timeline
    latest: Record | None
    previous: Record | None
    change: Diff | None
    concerns: Concerns
    comparison: Comparison
    sources: list[SourceRef]
    as_at: PartialDate | None  # every figure of the report is as at this day
    summary: str
    official_only: bool  # the records hold neither findings nor recommendations of the authority
    version: str = __version__
    visits: list[Record] = field(default_factory=list)  # ungraded visits, oldest first
    as_at_given: bool = False  # False: the day is the latest the records hold
    left_out: int = 0  # the authority's visits published after the day, left out
    send: Record | None = None  # the area's last area SEND inspection known by the day

    @property
    def title(self) -> str:
        return f"{self.name}: Ofsted's judgements on children's services"


# ---------------------------------------------------------------------------------------------
# Words
# ---------------------------------------------------------------------------------------------

def visit_words(r: Record) -> str:
    """'an ILACS short inspection', 'a focused visit'."""
    return a_kind(r.kind.label)


def theme_words(r: Record) -> str:
    """The theme of an ungraded visit, or 'theme not given'."""
    return VISIT_THEMES.get(r.theme, r.theme) if r.theme else "theme not given"


# ---------------------------------------------------------------------------------------------
# Sections
# ---------------------------------------------------------------------------------------------


def concerns_for(records: Sequence[Record]) -> Concerns:
    """Every finding theme raised as an area for improvement across the authority's visits."""
    ordered = sorted(children_services(records), key=lambda r: r.sort_key)
    with_findings = [r for r in ordered if r.findings]
    if not with_findings:
        return _concerns_from_recommendations(ordered)
    latest = with_findings[-1]
    raised: dict[str, list[Record]] = {}
    texts: dict[str, list[tuple[str, str]]] = {}
    for r in with_findings:
        for theme in concern_themes(r):
            raised.setdefault(theme, []).append(r)
        for f in r.findings:
            if f.kind is FindingKind.IMPROVEMENT:
                for theme in f.themes:
                    texts.setdefault(theme, []).append((r.id, f.text))
    latest_themes = set(concern_themes(latest))
    rows = [
        ConcernRow(t, FINDING_THEMES.get(t, t), tuple(vs), t in latest_themes, tuple(texts.get(t, ())))
        for t, vs in raised.items()
    ]
    rows.sort(key=lambda c: (-len(c.visits), c.visits[0].sort_key, c.label))
    return Concerns(rows, len(with_findings), len(ordered), latest)


def _concerns_from_recommendations(ordered: Sequence[Record]) -> Concerns:
    """The themes of the recommendations (by the rules of themes.py) where the records hold no findings."""
    from .themes import recommendation_themes

    with_recs = [r for r in ordered if r.recommendations]
    raised: dict[str, list[Record]] = {}
    texts: dict[str, list[tuple[str, str]]] = {}
    for r in with_recs:
        for text, themed in zip(r.recommendations, recommendation_themes(r), strict=True):
            for theme in themed.themes:
                if r not in raised.setdefault(theme, []):
                    raised[theme].append(r)
                texts.setdefault(theme, []).append((r.id, str(text)))
    latest = with_recs[-1] if with_recs else None
    latest_themes = {t for themed in recommendation_themes(latest) for t in themed.themes} if latest else set()
    rows = [ConcernRow(t, FINDING_THEMES.get(t, t), tuple(vs), t in latest_themes, tuple(texts.get(t, ())))
            for t, vs in raised.items()]
    rows.sort(key=lambda c: (-len(c.visits), c.visits[0].sort_key, c.label))
    return Concerns(rows, len(with_recs), len(ordered), latest, basis="recommendations")


def _shares(label: str, slugs: Sequence[str], latest: dict[str, Record]) -> Shares:
    t = tally(label, Area.OVERALL_EFFECTIVENESS, slugs, latest)
    return Shares(label, t.counts, t.not_graded, t.not_inspected, t.total)


def comparison_for(all_records: Sequence[Record], slug: str | None, as_at: date | None = None) -> Comparison:
    """The authority beside its statistical neighbours (its successors, for a former authority), its
    Ofsted region and England: each authority's latest graded inspection in the records.

    Only current authorities are counted for the region and England. Where the records hold no
    other authority, the note says so and the shares are left out rather than shown as one of one.
    """
    from . import authorities

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
    others_to = max((latest[s].when for s in others if latest[s].when), key=lambda d: d.earliest, default=None)
    return Comparison(peers, title, region, england, covered, len(current), note, others_to)


def sources_for(records: Sequence[Record]) -> list[SourceRef]:
    """Every source of the records, once each, in the order the visits cite them."""
    seen: dict[tuple, list[str]] = {}
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


# ---------------------------------------------------------------------------------------------
# The paragraph in plain words
# ---------------------------------------------------------------------------------------------


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


# ---------------------------------------------------------------------------------------------
# The report
# ---------------------------------------------------------------------------------------------


def _former_sentence(slug: str | None) -> tuple[str | None, str | None]:
    """The authority's region, and a sentence when it no longer exists."""
    if slug is None:
        return None, None
    from . import authorities

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
    from .identity import authority_slug

    given = as_at is not None
    if as_at is None:
        as_at = as_at_of(all_records)
    everything = sorted((r for r in all_records if authority_slug(r) == slug), key=lambda r: r.sort_key)
    if given:  # by default every record is known by the day, the latest the records know of (an undated one too)
        all_records = [r for r in all_records if known_by(r, as_at)]
    # The report is on children's services: an area SEND inspection is not one of its visits (see send.py).
    mine = sorted((r for r in children_services(all_records) if authority_slug(r) == slug), key=lambda r: r.sort_key)
    if name is None:
        from . import authorities

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


# ---------------------------------------------------------------------------------------------
# The tables, as cells (text, or a Grade for the renderer to show as its word and colour)
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Table:
    header: list[str]
    rows: list[list]  # each cell: str, Grade or None (empty)
    caption: str = ""
    notes: list[str] = field(default_factory=list)


def _visit_head(r: Record) -> str:
    return f"{r.kind.info.short}, {month_words(r.when)}"


def journey_table(report: Report) -> Table:
    """The chart as a table: one row per area, one column per graded inspection."""
    t = report.timeline
    rows = []
    for area in t.areas:
        rows.append([area.short, *(c.grade if (c := t.cell(area, i)) else None for i in range(len(t.columns)))])
    notes = []
    legacy = sorted({c.grade for c in t.cells.values() if c.grade.is_legacy}, key=lambda g: g.value)
    for g in legacy:
        notes.append(f"{g.label}: an older word, placed on today's scale as {g.on_scale.in_words}, "
                     "as Ofsted's official statistics place it.")
    return Table(["Area", *(_visit_head(r) for r in t.columns)], rows,
                 f"Grades by area at each graded inspection of {report.name}; an empty cell: not judged.", notes)


def visits_table(report: Report) -> Table:
    rows = [[when_words(r.when), r.kind.label, theme_words(r), r.headline or ""] for r in report.visits]
    return Table(["When", "Visit", "Theme", "In one line"], rows,
                 "Focused and monitoring visits: Ofsted gives no grades at these.")


def change_table(report: Report) -> Table | None:
    d = report.change
    if d is None:
        return None
    rows = []
    notes: list[str] = []
    for a in d.areas:
        words = f"{a.change.arrow} {a.change.described(a.steps)}".strip()
        if a.note:
            if a.note not in notes:
                notes.append(a.note)
            words += f" (note {notes.index(a.note) + 1})"
        rows.append([a.area.short, a.before, a.after, words])
    header = ["Area", _visit_head(d.before), _visit_head(d.after), "Change"]
    counts = [f"{_count(d.count(c), 'area')} {c.words}" for c in Change if d.count(c)]
    return Table(header, rows, _and(counts) + ".", [f"Note {i + 1}: {n}." for i, n in enumerate(notes)])


def concerns_table(report: Report) -> Table | None:
    c = report.concerns
    if not c.rows:
        return None
    latest = c.latest_with_findings
    rows = []
    for row in c.recurring:
        status = "still raised" if row.still_raised else f"not raised since {row.when[-1]}"
        rows.append([row.label, str(len(row.visits)), ", ".join(row.when), status])
    what = "findings" if c.basis == "findings" else "recommendations"
    caption = (f"Themes inspectors raised as areas for improvement at more than one visit, of the "
               f"{_count(c.visits_with_findings, 'visit')} whose {what} the records hold"
               + (f"; 'still raised' means raised at the latest of them ({_visit_head(latest)})." if latest else "."))
    once = [f"{r.label} ({r.when[0]})" for r in c.rows if len(r.visits) == 1]
    notes = [f"Raised at one visit only: {_and(once)}."] if once else []
    return Table(["Theme", "Visits", "Raised", "Latest"], rows, caption, notes)


def _share(n: int, graded: int) -> str:
    """A count and its share of the authorities with an overall grade, as `england` and `compare` write it."""
    return f"{n} ({pct(n, graded)})" if graded else str(n)


def peers_table(report: Report) -> Table | None:
    cmp = report.comparison
    if not cmp.neighbours or cmp.england is None:
        return None
    rows = []
    for p in cmp.neighbours:
        r = p.record
        name = f"{p.name} (this report)" if p.is_self else p.name
        if r is None:
            rows.append([name, "no graded inspection in the records", None])
        else:
            rows.append([name, _visit_head(r), r.overall if r.overall else "no overall grade"])
    me = cmp.neighbours[0]
    others = [p for p in cmp.neighbours[1:]]
    if me.overall is not None and others:
        g = me.overall.on_scale
        same = sum(1 for p in others if p.overall is not None and p.overall.on_scale is g)
        better = sum(1 for p in others if p.overall is not None and p.overall.rank < g.rank)
        caption = (f"{same} of {report.name}'s {len(others)} {cmp.neighbours_title} are graded "
                   f"{g.in_words} overall at their latest inspection, and {better} better.")
    else:
        caption = f"The latest graded inspection of {report.name} and its {cmp.neighbours_title}."
    return Table(["Authority", "Latest graded inspection", "Overall effectiveness"], rows, caption)


def shares_table(report: Report) -> Table | None:
    cmp = report.comparison
    if cmp.england is None:
        return None
    cols = [s for s in (cmp.region, cmp.england) if s is not None]
    rows: list[list] = [[g, *(_share(s.counts[g], s.graded) for s in cols)] for g in SCALE]
    if any(s.no_overall for s in cols):
        rows.append(["Graded without an overall grade (framework from April 2026)", *(str(s.no_overall) for s in cols)])
    if any(s.not_held for s in cols):
        rows.append(["No graded inspection in the records", *(str(s.not_held) for s in cols)])
    rows.append(["Authorities", *(str(s.total) for s in cols)])
    me = report.latest.overall.on_scale if report.latest and report.latest.overall else None
    if cmp.covered < cmp.current:
        caption = (f"The records hold graded inspections of only {cmp.covered} of England's {cmp.current} "
                   "authorities, so these counts are partial; the last rows say how many are not held.")
    elif me is not None and report.former is None:
        caption = (f"{report.name} is one of {cmp.england.counts[me]} of England's {cmp.england.total} authorities "
                   f"graded {me.in_words} overall at their latest inspection"
                   + (f", and of {cmp.region.counts[me]} of {cmp.region.total} in {cmp.region.label}."
                      if cmp.region else "."))
    elif me is not None:
        caption = (f"{report.name} no longer exists and is not counted. Of today's {cmp.england.total} authorities, "
                   f"{cmp.england.counts[me]} are graded {me.in_words} overall at their latest inspection, "
                   f"as {report.name} was at its last.")
    else:
        caption = "Overall effectiveness at each authority's latest graded inspection."
    shares = "; ".join(f"in {s.label}, of the {s.graded} with one" for s in cols)
    return Table(["Overall effectiveness", *(s.label for s in cols)], rows, caption,
                 [f"Percentages are shares of the authorities with an overall grade ({shares}).",
                  "Current authorities only; each counted at its latest graded inspection (SIF or ILACS) published "
                  f"by {when_words(report.as_at)}; the latest the records hold for authorities other than "
                  f"{report.name} was held in {month_words(cmp.others_to)}."])


def change_message(report: Report) -> str:
    """The sentence above the latest-against-previous table, or in its place."""
    if report.latest is None:
        return f"The records hold no graded inspection of {report.name}, so there is nothing to compare."
    if report.change is None:
        return (f"The records hold one graded inspection of {report.name} ({_visit_head(report.latest)}), "
                "so there is no previous one to compare it with.")
    d = report.change
    between = " Between them the records hold no visit without grades."
    if d.between:
        between = (f" Between them the records hold {_count(len(d.between), 'visit')} without grades: "
                   + "; ".join(f"{r.kind.label.lower()} in {month_words(r.when)} ({theme_words(r)})"
                               for r in d.between) + ".")
    if d.unlisted:
        between += f" {d.unlisted}"
    return (f"The latest graded inspection ({visit_words(d.after)}, {when_words(d.after.when)}) against the "
            f"previous one ({visit_words(d.before)}, {when_words(d.before.when)}).{between}")


def _where(report: Report) -> str:
    return ", linked under Sources," if any(s.url for s in report.sources) else ""


def as_at_sentence(report: Report) -> str:
    """The one day every figure of the report is as at, and what that means."""
    if report.as_at is None:
        return "The records hold no dated visit."
    day = when_words(report.as_at)
    why = "" if report.as_at_given else ", the latest day in the records"
    left = (f" {_count(report.left_out, 'later visit')} of {report.name} in the records "
            f"{'is' if report.left_out == 1 else 'are'} left out." if report.left_out else "")
    return (f"Ofsted's judgements as at {day}{why}: every figure here counts the inspections and visits "
            f"published by that day, for {report.name} and for every other authority.{left}")


def recommendations_message(report: Report) -> str:
    """The sentence above the latest inspection's recommendations, or in their place."""
    r = report.latest
    if r is None:
        return f"The records hold no graded inspection of {report.name}, so no recommendations to list."
    if r.recommendations:
        return (f"What the latest graded inspection ({_visit_head(r)}) said needs to improve: all "
                f"{_count(len(r.recommendations), 'point')} the records hold from its report.")
    return (f"The records hold none of the recommendations of the latest graded inspection ({_visit_head(r)}). "
            f"Ofsted's report{_where(report)} says what needs to improve.")


def send_message(report: Report) -> str:
    """The sentence of the section on the area's last area SEND inspection (Ofsted and the CQC), or in its
    place. An outcome, never a grade."""
    r = report.send
    if r is None:
        return (f"The records hold no area SEND inspection of {report.name}. The shipped records hold those that "
                "the reports and Data to Insight's overview in their sources give (framework of January 2023, "
                "inspections from January 2023 to July 2025), not every one Ofsted and the CQC have made.")
    held = when_words(r.start) if r.start else f"published {when_words(r.published)}"
    if r.outcome is None:
        return (f"Ofsted and the Care Quality Commission inspected the local area's arrangements for children and "
                f"young people with special educational needs and disabilities ({held}); the records do not give "
                "the outcome.")
    return (f"Ofsted and the Care Quality Commission inspected the local area's arrangements for children and young "
            f"people with special educational needs and disabilities ({held}). The outcome (not a grade): "
            f"{r.outcome.label[0].lower()}{r.outcome.label[1:]}. What follows, as the reports say: "
            f"{r.outcome.info.consequence}.")


def send_points(report: Report) -> list[tuple[str, list[str]]]:
    """The last area SEND inspection's areas for priority action and for improvement, each with its heading
    (none where the records hold none)."""
    r = report.send
    if r is None:
        return []
    parts = [("Areas for priority action", [str(t) for t in r.areas_for_priority_action]),
             ("Areas for improvement", [str(t) for t in r.areas_for_improvement])]
    return [(title, items) for title, items in parts if items]


def recommendations_list(report: Report) -> list[str]:
    """The latest graded inspection's recommendations in full, as the records hold them."""
    return [str(t) for t in report.latest.recommendations] if report.latest else []


def concerns_message(report: Report) -> str:
    """The sentence that opens the concerns section, or stands in its place."""
    c = report.concerns
    if report.official_only:
        return (f"The records of {report.name} hold Ofsted's grades and dates (from its official statistics and "
                "reports) but neither the inspectors' findings nor their recommendations, so the concerns they "
                f"raised cannot be listed here. Ofsted's reports themselves{_where(report)} say what needs to improve.")
    if c.basis == "recommendations":
        if not c.recurring:
            return (f"The records hold the recommendations of {_count(c.visits_with_findings, 'visit')} of "
                    f"{report.name} (not the inspectors' findings): no theme of them came up at more than one.")
        return (f"The records hold the recommendations of {_count(c.visits_with_findings, 'visit')} of "
                f"{report.name} but not the inspectors' findings, so these themes are the recommendations', "
                "given by the tool's rules (docs/themes.md): "
                f"{_count(len(c.recurring), 'theme')} came up at more than one visit.")
    if not c.rows:
        return (f"None of the {_count(c.visits_with_findings, 'visit')} whose findings the records hold raised "
                "an area for improvement.")
    if not c.recurring:
        return "No theme was raised as an area for improvement at more than one visit."
    return (f"{_count(len(c.recurring), 'theme')} came up as an area for improvement at more than one of "
            f"{report.name}'s visits.")


def report_authority(records: Sequence[Record], text: str | None) -> str:
    """The register's slug of the authority a report is about: the one named (current or former), else
    the home authority. An unknown name is a usage error; a known one the records do not hold, a data
    error naming it."""
    from . import authorities
    from .query import check_authority, home_authority

    slug = authorities.resolve(text).slug if text else home_authority()
    check_authority(records, frozenset({slug}))
    return slug
