"""Authorities in context: England and its regions at a date, one authority against its statistical
neighbours, journeys from one grade to another, and time measures.

Every count here follows Ofsted's rule for its "as at 31 March" tables: each authority is counted at
its latest graded inspection (SIF or ILACS) *held* by the date, even where the report came out after
it. Only authorities that existed on the date are counted (today: the 153 current ones); a former
authority is never counted beside its successors. An authority with no graded inspection by the date,
or whose latest inspection gives no grade in an area (care leavers before 2023, overall effectiveness
from April 2026), is counted as such, never dropped.

Nothing here prints or knows about Typer; the renderers lay these models out.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from .dates import PartialDate
from .listing import VisitFacts, facts_of
from .query import slug_of
from .vocab import HEADLINE_AREAS, SCALE, Area, Change, Framework, Grade, compare_grades, parse_grade
from .words import a_kind

if TYPE_CHECKING:
    from .models import Record


def _day(d: PartialDate | None) -> date | None:
    return d.earliest if d is not None else None


def inspected_on(r: Record) -> date | None:
    """The day a visit was held: its first day, else (where no source gives it) its publication,
    which can only be later."""
    return _day(r.start) or _day(r.end) or _day(r.published)


def counts_as_graded(r: Record) -> bool:
    """A graded inspection of the frameworks Ofsted's headline tables count (SIF and ILACS)."""
    return r.graded and r.framework is not Framework.PRE_2013


def held(r: Record, as_at: date | None, published_by: date | None = None) -> bool:
    """Held by ``as_at`` (None: any time) and, where ``published_by`` is given, published by then."""
    day = inspected_on(r)
    if as_at is not None and (day is None or day > as_at):
        return False
    return published_by is None or (r.published is not None and r.published.earliest <= published_by)


def latest_graded_of(records: Iterable[Record], as_at: date | None = None,
                     published_by: date | None = None) -> Record | None:
    """The latest graded inspection (SIF or ILACS) among one authority's records."""
    graded = [r for r in records if counts_as_graded(r) and held(r, as_at, published_by)]
    return max(graded, key=lambda r: (inspected_on(r) or date.min, r.id)) if graded else None


def by_authority(records: Iterable[Record]) -> dict[str, list[Record]]:
    """Each authority's records (or their facts) by the register's slug, oldest first."""
    out: dict[str, list[Record]] = {}
    for r in records:
        s = r.slug if isinstance(r, VisitFacts) else slug_of(r)
        if s is not None:
            out.setdefault(s, []).append(r)
    for rs in out.values():
        rs.sort(key=lambda r: r.sort_key)
    return out


def latest_by_authority(records: Iterable[Record], as_at: date | None = None,
                        published_by: date | None = None) -> dict[str, Record]:
    return {s: r for s, rs in by_authority(records).items()
            if (r := latest_graded_of(rs, as_at, published_by)) is not None}


def counted_authorities(as_at: date | None = None):
    """The authorities a count at ``as_at`` covers: those that existed on the day (today's, when None)."""
    from . import authorities

    if as_at is None:
        return authorities.current()
    return [a for a in authorities.all_authorities() if a.existed_on(as_at)]


# ---------------------------------------------------------------------------------------------
# England and its regions at a date
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Tally:
    """How many authorities of one group stand at each grade of one area."""

    scope: str  # "England" or an Ofsted region
    area: Area
    counts: dict[Grade, int]  # on today's four-step scale
    not_graded: int  # latest inspection gives no grade in this area
    not_inspected: int  # no graded inspection by the date
    total: int

    @property
    def graded(self) -> int:
        return sum(self.counts.values())

    def share(self, g: Grade) -> float | None:
        """The share of the authorities graded in this area that stand at ``g`` (0-1)."""
        return self.counts[g] / self.graded if self.graded else None


def tally(scope: str, area: Area, slugs: Sequence[str], latest: dict[str, Record]) -> Tally:
    counts: Counter[Grade] = Counter()
    not_graded = not_inspected = 0
    for s in slugs:
        r = latest.get(s)
        if r is None:
            not_inspected += 1
        elif (g := r.judgements.get(area)) is None:
            not_graded += 1
        else:
            counts[g.on_scale] += 1
    return Tally(scope, area, {g: counts.get(g, 0) for g in SCALE}, not_graded, not_inspected, len(slugs))


@dataclass
class EnglandView:
    as_at: date
    published_by: date | None
    tallies: list[Tally]  # England's areas first, then each region's
    latest: dict[str, VisitFacts]  # slug -> the inspection counted
    authorities: int
    frameworks: Counter  # Framework -> how many authorities' counted inspection is under it
    published_later: list[VisitFacts]  # held by the date but published after --published-by (not counted)
    regions: list[str] = field(default_factory=list)
    records_to: date | None = None  # the latest publication the records hold

    def of(self, scope: str, area: Area) -> Tally:
        return next(t for t in self.tallies if t.scope == scope and t.area is area)

    def rows(self) -> tuple[list[str], list[list]]:
        """One row per group and area, for CSV and Markdown."""
        header = ["as_at", "scope", "area", *(g.value for g in SCALE), "not_graded", "not_inspected",
                  "authorities", *(f"{g.value}_share" for g in SCALE)]
        rows = []
        for t in self.tallies:
            shares = [(f"{s:.3f}" if (s := t.share(g)) is not None else "") for g in SCALE]
            rows.append([self.as_at.isoformat(), t.scope, t.area.value, *(t.counts[g] for g in SCALE),
                         t.not_graded, t.not_inspected, t.total, *shares])
        return header, rows

    def to_dict(self) -> dict:
        return {
            "as_at": self.as_at.isoformat(),
            "published_by": self.published_by.isoformat() if self.published_by else None,
            "authorities": self.authorities,
            "rule": "each authority at its latest SIF or ILACS inspection held by the date",
            "frameworks": {fw.value: n for fw, n in self.frameworks.items()},
            "tallies": [
                {"scope": t.scope, "area": t.area.value, "counts": {g.value: t.counts[g] for g in SCALE},
                 "not_graded": t.not_graded, "not_inspected": t.not_inspected, "authorities": t.total}
                for t in self.tallies
            ],
            "counted": {s: r.id for s, r in sorted(self.latest.items())},
            "published_later": [r.id for r in self.published_later],
            "records_to": self.records_to.isoformat() if self.records_to else None,
        }


def england_view(records: Sequence[Record | VisitFacts], as_at: date, published_by: date | None = None,
                 areas: Sequence[Area] = HEADLINE_AREAS) -> EnglandView:
    """The latest graded judgement of every authority that existed on ``as_at``, counted for England
    and each Ofsted region. ``records``: the records, or their facts (as the record cache keeps them)."""
    from . import authorities

    records = [r if isinstance(r, VisitFacts) else facts_of(r) for r in records]

    counted = counted_authorities(as_at)
    slugs = {a.slug for a in counted}
    latest = {s: r for s, r in latest_by_authority(records, as_at, published_by).items() if s in slugs}
    later: list[Record] = []
    if published_by is not None:
        unlimited = latest_by_authority(records, as_at)
        later = sorted((r for s, r in unlimited.items() if s in slugs and latest.get(s) is not r),
                       key=lambda r: r.sort_key)
    regions = authorities.regions()
    tallies = [tally("England", area, [a.slug for a in counted], latest) for area in areas]
    for region in regions:
        members = [a.slug for a in counted if a.region == region]
        tallies += [tally(region, area, members, latest) for area in areas]
    frameworks = Counter(r.framework for r in latest.values())
    records_to = max((r.published.latest for r in records if r.published), default=None)
    return EnglandView(as_at, published_by, tallies, latest, len(counted), frameworks, later, list(regions),
                       records_to)


# ---------------------------------------------------------------------------------------------
# One authority against its statistical neighbours, its region and England
# ---------------------------------------------------------------------------------------------


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
                {"authority": p.name, "slug": p.slug, "self": p.is_self, "latest": p.record.id if p.record else None,
                 "inspected": (d.isoformat() if p.record and (d := inspected_on(p.record)) else None),
                 "judgements": grades(p.record)} for p in self.peers],
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
    return CompareView(slug, me.name, me.region, me.current, as_at, latest, previous, peers, title, region, england)


# ---------------------------------------------------------------------------------------------
# Journeys: from one grade to another
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class GradeSet:
    """Grades named on the command line: 'inadequate', 'good-or-better', 'requires-improvement-or-worse'."""

    label: str
    grades: frozenset[Grade]

    def __contains__(self, g: object) -> bool:
        return isinstance(g, Grade) and g.on_scale in self.grades


def parse_grade_set(text: str) -> GradeSet:
    """A grade, or a grade followed by '-or-better' / '-or-worse' (any case, spaces or underscores)."""
    word = text.strip().lower().replace("_", "-").replace(" ", "-")
    for suffix, better in (("-or-better", True), ("-or-worse", False)):
        if word.endswith(suffix):
            g = parse_grade(word[: -len(suffix)].replace("-", " ")).on_scale
            grades = frozenset(x for x in SCALE if (x.rank <= g.rank if better else x.rank >= g.rank))
            return GradeSet(f"{g.label.lower()} {suffix[1:].replace('-', ' ')}", grades)
    g = parse_grade(word.replace("-", " ")).on_scale
    return GradeSet(g.label.lower(), frozenset({g}))


@dataclass(frozen=True)
class Journey:
    slug: str
    name: str
    start: Record  # the first inspection of the spell at the starting grade
    end: Record | None  # the first inspection after it at the grade sought (None: still on the way)
    via: tuple[Record, ...]  # graded inspections between them
    days: int | None
    measured: str  # "inspection dates", "publication dates" or "" (not known)


def _span(a: Record, b: Record | date) -> tuple[int | None, str]:
    if isinstance(b, date):
        d = inspected_on(a)
        return ((b - d).days, "inspection dates") if d else (None, "")
    if a.start and b.start:
        return (b.start.earliest - a.start.earliest).days, "inspection dates"
    if a.published and b.published:
        return (b.published.earliest - a.published.earliest).days, "publication dates"
    return None, ""


@dataclass
class JourneysView:
    source: GradeSet
    target: GradeSet
    as_at: date
    done: list[Journey]
    on_the_way: list[Journey]  # current authorities whose latest inspection is at the starting grade
    skipped_no_overall: int  # inspections without an overall grade (framework from April 2026)

    def stats(self) -> dict[str, float] | None:
        import statistics  # here: a first run that reads records imports this module for days_to_publish

        days = sorted(j.days for j in self.done if j.days is not None)
        if not days:
            return None
        q1, _, q3 = statistics.quantiles(days, n=4, method="inclusive") if len(days) > 1 else (days[0],) * 3
        return {"count": len(days), "median": statistics.median(days), "q1": q1, "q3": q3,
                "min": days[0], "max": days[-1]}

    def rows(self) -> tuple[list[str], list[list]]:
        header = ["status", "authority", "from_visit", "from_date", "from_published", "from_grade", "to_visit",
                  "to_date", "to_published", "to_grade", "via", "days", "measured_between"]
        rows = []
        for j in self.done + self.on_the_way:
            rows.append(["made" if j.end else "on the way", j.name, j.start.id, _iso(j.start),
                         str(j.start.published or ""), j.start.overall.value if j.start.overall else "",
                         j.end.id if j.end else "", _iso(j.end) if j.end else self.as_at.isoformat(),
                         str(j.end.published or "") if j.end else "",
                         j.end.overall.value if j.end and j.end.overall else "",
                         " ".join(r.id for r in j.via), "" if j.days is None else j.days, j.measured])
        return header, rows

    def to_dict(self) -> dict:
        header, rows = self.rows()
        return {"from": self.source.label, "to": self.target.label, "as_at": self.as_at.isoformat(),
                "stats": self.stats(), "journeys": [dict(zip(header, r, strict=True)) for r in rows]}


def _iso(r: Record) -> str:
    d = r.start or r.published
    return str(d) if d else ""


def journeys(records: Sequence[Record], source: GradeSet, target: GradeSet, as_at: date) -> JourneysView:
    """Every move from a grade in ``source`` to one in ``target`` (overall effectiveness), and the
    current authorities still on the way.

    A journey runs from the first inspection of a spell at the starting grade (consecutive inspections
    at it) to the first later inspection at a grade sought; inspections between are its ``via``. An
    authority that leaves the starting grade and falls back to it before reaching the grade sought
    starts a new spell there."""
    from . import authorities

    done: list[Journey] = []
    waiting: list[Journey] = []
    skipped = 0
    for slug, rs in sorted(by_authority(records).items()):
        graded = [r for r in rs if counts_as_graded(r) and held(r, as_at)]
        graded.sort(key=lambda r: (inspected_on(r) or date.min, r.id))
        name = authorities.get(slug).name
        start: Record | None = None
        via: list[Record] = []
        for r in graded:
            g = r.overall
            if g is None:
                skipped += 1
                continue
            if start is None:
                if g in source:
                    start, via = r, []
            elif g in target:
                days, how = _span(start, r)
                done.append(Journey(slug, name, start, r, tuple(via), days, how))
                start = None
                if g in source:  # a grade in both sets starts the next spell at once
                    start, via = r, []
            elif g in source and via and via[-1].overall not in source:
                start, via = r, []  # back at the starting grade after leaving it: a new spell begins
            else:
                via.append(r)
        last = graded[-1] if graded else None  # an inspection without an overall grade leaves it unknown
        if start is not None and last is not None and last.overall in source and authorities.get(slug).current:
            days, how = _span(start, as_at)
            waiting.append(Journey(slug, name, start, None, tuple(via), days, how))
    done.sort(key=lambda j: (inspected_on(j.start) or date.min, j.name))
    waiting.sort(key=lambda j: (inspected_on(j.start) or date.min, j.name))
    return JourneysView(source, target, as_at, done, waiting, skipped)


# ---------------------------------------------------------------------------------------------
# Time measures
# ---------------------------------------------------------------------------------------------


def days_to_publish(r: Record) -> int | None:
    """Days from the last day of an inspection (its first, where the last is not known) to its publication."""
    held_until = r.end or r.start
    if held_until is None or r.published is None or held_until.day is None or r.published.day is None:
        return None
    return (r.published.earliest - held_until.earliest).days


def days_since(r: Record, today: date) -> int | None:
    d = inspected_on(r)
    return (today - d).days if d else None


# ---------------------------------------------------------------------------------------------
# What each table shows, in one plain sentence
# ---------------------------------------------------------------------------------------------


def _pct(n: int, total: int) -> str:
    return f"{round(100 * n / total)}%" if total else "-"


def england_sentences(view: EnglandView) -> list[str]:
    from .words import count, when_words

    t = view.of("England", Area.OVERALL_EFFECTIVENESS)
    good = t.counts[Grade.OUTSTANDING] + t.counts[Grade.GOOD]
    day = when_words(PartialDate.parse(view.as_at.isoformat()))
    out = [f"On {day}, {t.counts[Grade.INADEQUATE]} of England's {t.total} authorities are graded inadequate "
           f"overall at their latest inspection, and {good} ({_pct(good, t.graded)} of the {t.graded} with an "
           f"overall grade) good or outstanding."]
    if t.not_graded:
        out.append(f"{count(t.not_graded, 'authority', 'authorities')} were last inspected under the framework "
                   "from April 2026, which makes no overall effectiveness judgement.")
    if t.not_inspected:
        out.append(f"{count(t.not_inspected, 'authority', 'authorities')} had no SIF or ILACS inspection by then.")
    leavers = view.of("England", Area.CARE_LEAVERS)
    if leavers.not_graded:
        out.append(f"Care leavers: {leavers.not_graded} were last inspected before January 2023, when care "
                   "leavers were judged together with children in care.")
    if view.records_to is not None and view.records_to < view.as_at:
        upto = when_words(PartialDate.parse(view.records_to.isoformat()))
        out.append(f"The records hold reports published up to {upto}; an inspection published since is not counted.")
    if view.published_later:
        names = ", ".join(f"{r.authority_name} ({when_words(r.start or r.published)}, published "
                          f"{when_words(r.published)})" for r in view.published_later)
        out.append(f"Held by then but published after {when_words(PartialDate.parse(view.published_by.isoformat()))} "
                   f"and so not counted: {names}.")
    return out


def regions_sentence(view: EnglandView, area: Area) -> str:
    shares = []
    for region in view.regions:
        t = view.of(region, area)
        if t.graded:
            shares.append(((t.counts[Grade.OUTSTANDING] + t.counts[Grade.GOOD]) / t.graded, region))
    if not shares:
        return ""
    low, high = min(shares), max(shares)
    what = "overall" if area is Area.OVERALL_EFFECTIVENESS else f"for {area.short.lower()}"
    return (f"Graded good or outstanding {what}: from {round(100 * low[0])}% of authorities in {low[1]} "
            f"to {round(100 * high[0])}% in {high[1]}.")


def compare_sentences(view: CompareView) -> dict[str, str]:
    """The sentence under each part of `compare`: 'latest', 'peers', 'shares', 'direction'."""
    from .words import and_list, count, grade_words, month_words, when_words

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
        out["peers"] = (f"{lead} graded {grade_words(g)} overall at their latest inspection; "
                        f"{same} of its {len(others)} {who} {'is' if same == 1 else 'are'}.")
        out["shares"] = (f"In {reg.scope}, {reg.counts[g]} of {reg.total} authorities are graded {grade_words(g)} "
                         f"overall ({_pct(reg.counts[g], reg.graded)} of those with an overall grade), against "
                         f"{eng.counts[g]} of {eng.total} in England ({_pct(eng.counts[g], eng.graded)}).")
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
            overall = (f"; overall it went from {grade_words(a)} to {grade_words(b)}" if a.on_scale is not b.on_scale
                       else f"; overall it stayed {grade_words(b)}")
        before = month_words(view.previous.start or view.previous.published)
        out["direction"] = f"Since its previous graded inspection ({before}), {and_list(parts)}{overall}."
    return out


def journeys_sentences(view: JourneysView) -> list[str]:
    from .words import count

    s = view.stats()
    out = []
    if s is None:
        out.append(f"No authority moved from {view.source.label} to {view.target.label} in the records.")
    else:
        yrs = lambda d: f"{d / 365.25:.1f}"  # noqa: E731
        out.append(f"{count(len(view.done), 'move')} from {view.source.label} to {view.target.label}: "
                   f"median {yrs(s['median'])} years ({round(s['median']):,} days), middle half "
                   f"{yrs(s['q1'])} to {yrs(s['q3'])} years, range {yrs(s['min'])} to {yrs(s['max'])} years.")
        pub = sum(1 for j in view.done if j.measured == "publication dates")
        out.append("Durations run from inspection to inspection (first day to first day)"
                   + (f"; {pub} of them, where a source gives no inspection date, from publication to publication."
                      if pub else "."))
    if view.on_the_way:
        out.append(f"{count(len(view.on_the_way), 'authority', 'authorities')} graded {view.source.label} at their "
                   f"latest inspection {'has' if len(view.on_the_way) == 1 else 'have'} not yet made the move.")
    if view.skipped_no_overall:
        out.append(f"{count(view.skipped_no_overall, 'inspection')} under the framework from April 2026 "
                   "(no overall grade) are left out.")
    return out


# ---------------------------------------------------------------------------------------------
# Concerns that keep coming back
# ---------------------------------------------------------------------------------------------


def concerns_sentences(name: str, concerns) -> list[str]:
    """One line per recurring theme ('management oversight: raised in 2014, 2016 and 2017; not raised
    since'), or what the records cannot say."""
    from .words import and_list, count, month_words

    if concerns.visits_with_findings == 0:
        return [f"The records of {name} hold no inspectors' findings for any of its "
                f"{count(concerns.visits, 'visit')} (they hold Ofsted's grades and dates), so the concerns "
                "raised cannot be listed; Ofsted's reports, named in each record's sources, say what needs to "
                "improve."]
    if not concerns.rows:
        return [f"None of the {count(concerns.visits_with_findings, 'visit')} whose findings the records hold "
                "raised an area for improvement."]
    out = [f"Of {name}'s {count(concerns.visits, 'visit')}, the records hold the findings of "
           f"{concerns.visits_with_findings}; the latest of them is {concerns.latest_with_findings.id}."]
    for row in concerns.recurring:
        years = [str(v.year) for v in row.visits]
        if len(set(years)) < len(years):  # two visits in one year: say the months
            years = [month_words(v.when) for v in row.visits]
        years = and_list(years)
        tail = "still raised at the latest visit" if row.still_raised else "not raised since"
        out.append(f"{row.label.lower()}: raised in {years}; {tail}.")
    return out


def concerns_rows(concerns) -> tuple[list[str], list[list]]:
    """One row per finding: its theme, visit, date and short text (for CSV and Markdown)."""
    header = ["theme", "visits_raising", "still_raised", "visit", "when", "finding"]
    when = {v.id: v.when for row in concerns.rows for v in row.visits}
    rows = []
    for row in concerns.rows:
        for visit_id, text in row.texts:
            rows.append([row.label, len(row.visits), "yes" if row.still_raised else "no", visit_id,
                         str(when.get(visit_id) or ""), text])
    return header, rows


def concerns_dict(name: str, concerns) -> dict:
    return {
        "authority": name, "visits": concerns.visits, "visits_with_findings": concerns.visits_with_findings,
        "themes": [{"theme": row.theme, "label": row.label, "visits": [v.id for v in row.visits],
                    "first": str(row.visits[0].when), "latest": str(row.visits[-1].when),
                    "still_raised": row.still_raised,
                    "findings": [{"visit": i, "text": t} for i, t in row.texts]} for row in concerns.rows],
    }
