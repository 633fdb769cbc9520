"""Journeys from one grade to another: how long authorities took to move from, say, inadequate to good
or better (overall effectiveness), and which are still on the way.

Nothing here prints or knows about Typer; the renderers lay these models out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from .england import by_authority, counts_as_graded, held, inspected_on
from .vocab import SCALE, Area, Grade, parse_grade

if TYPE_CHECKING:
    from .models import Record


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


def parse_move(source: str, target: str) -> tuple[GradeSet, GradeSet]:
    """The grades --from and --to name; a UsageError where a word is no grade or the move goes nowhere."""
    from .errors import UsageError
    from .vocab import VocabularyError

    try:
        a, b = parse_grade_set(source), parse_grade_set(target)
    except VocabularyError as exc:
        raise UsageError(f"--from/--to: {exc}") from None
    if a.grades & b.grades == a.grades:
        raise UsageError(f"--from {source} and --to {target}: every starting grade is already a grade sought")
    return a, b


@dataclass(frozen=True)
class Journey:
    slug: str
    name: str
    start: Record  # the first inspection of the spell at the starting grade
    end: Record | None  # the first inspection after it at the grade sought (None: still on the way)
    via: tuple[Record, ...]  # graded inspections between them
    days: int | None
    measured: str  # "inspection dates", "publication dates" or "" (not known)
    from_day: date | None = None  # the two days "took" is measured between
    to_day: date | None = None


def _span(a: Record, b: Record | date) -> tuple[int | None, str, date | None, date | None]:
    """Days from ``a`` to ``b`` (a later inspection, or a day), how they were measured, and the two days."""
    if isinstance(b, date):
        d = inspected_on(a)
        return ((b - d).days, "inspection dates", d, b) if d else (None, "", None, b)
    if a.start and b.start:
        x, y = a.start.earliest, b.start.earliest
        return (y - x).days, "inspection dates", x, y
    if a.published and b.published:
        x, y = a.published.earliest, b.published.earliest
        return (y - x).days, "publication dates", x, y
    return None, "", None, None


@dataclass
class JourneysView:
    source: GradeSet
    target: GradeSet
    as_at: date
    done: list[Journey]
    on_the_way: list[Journey]  # current authorities whose latest inspection is at the starting grade
    skipped_no_overall: int  # inspections without an overall grade (framework from April 2026)
    not_comparable: list[Journey] = field(default_factory=list)  # spells ended by an inspection with no
    # grade in the area (overall: the framework from April 2026): ``end`` is that inspection
    area: Area = Area.OVERALL_EFFECTIVENESS  # the judgement the journeys follow

    def stats(self) -> dict[str, float] | None:
        import statistics

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
        for status, js in (("made", self.done), ("on the way", self.on_the_way),
                           ("not comparable", self.not_comparable)):
            for j in js:
                rows.append([status, j.name, j.start.id, _iso(j.from_day, j.start),
                             str(j.start.published or ""), _value(j.start.judgements.get(self.area)),
                             j.end.id if j.end else "", _iso(j.to_day, j.end) if j.end else self.as_at.isoformat(),
                             str(j.end.published or "") if j.end else "",
                             _value(j.end.judgements.get(self.area)) if j.end else "",
                             " ".join(r.id for r in j.via), "" if j.days is None else j.days, j.measured])
        return header, rows

    def to_dict(self) -> dict:
        header, rows = self.rows()
        return {"from": self.source.label, "to": self.target.label, "area": self.area.value,
                "as_at": self.as_at.isoformat(),
                "stats": self.stats(), "journeys": [dict(zip(header, r, strict=True)) for r in rows]}


def _value(g: Grade | None) -> str:
    return g.value if g else ""


def _iso(day: date | None, r: Record | None) -> str:
    """The day a journey is measured from or to; where it is not measured, the inspection's own date."""
    if day is not None:
        return day.isoformat()
    d = (r.start or r.published) if r else None
    return str(d) if d else ""


def journeys(records: Sequence[Record], source: GradeSet, target: GradeSet, as_at: date,
             area: Area = Area.OVERALL_EFFECTIVENESS) -> JourneysView:
    """Every move from a grade in ``source`` to one in ``target`` in one judgement (``area``; overall
    effectiveness by default), and the current authorities still on the way.

    A journey runs from the first inspection of a spell at the starting grade (consecutive inspections
    at it) to the first later inspection at a grade sought; inspections between are its ``via``. An
    authority that leaves the starting grade and falls back to it before reaching the grade sought
    starts a new spell there."""
    from . import authorities

    done: list[Journey] = []
    waiting: list[Journey] = []
    unclear: list[Journey] = []
    skipped = 0
    for slug, rs in sorted(by_authority(records).items()):
        graded = [r for r in rs if counts_as_graded(r) and held(r, as_at)]
        graded.sort(key=lambda r: (inspected_on(r) or date.min, r.id))
        name = authorities.get(slug).name
        start: Record | None = None
        via: list[Record] = []
        for r in graded:
            g = r.judgements.get(area)
            if g is None:
                skipped += 1
                if start is not None:  # the spell ends at an inspection that gives no overall grade
                    days, how, a, b = _span(start, r)
                    unclear.append(Journey(slug, name, start, r, tuple(via), days, how, a, b))
                    start = None
                continue
            if start is None:
                if g in source:
                    start, via = r, []
            elif g in target:
                days, how, x, y = _span(start, r)
                done.append(Journey(slug, name, start, r, tuple(via), days, how, x, y))
                start = None
                if g in source:  # a grade in both sets starts the next spell at once
                    start, via = r, []
            elif g in source and via and via[-1].judgements.get(area) not in source:
                start, via = r, []  # back at the starting grade after leaving it: a new spell begins
            else:
                via.append(r)
        last = graded[-1] if graded else None  # an inspection without an overall grade leaves it unknown
        if (start is not None and last is not None and last.judgements.get(area) in source
                and authorities.get(slug).current):
            days, how, x, y = _span(start, as_at)
            waiting.append(Journey(slug, name, start, None, tuple(via), days, how, x, y))
    for js in (done, waiting, unclear):
        js.sort(key=lambda j: (inspected_on(j.start) or date.min, j.name))
    return JourneysView(source, target, as_at, done, waiting, skipped, unclear, area)


def journeys_sentences(view: JourneysView) -> list[str]:
    from .words import and_list, count

    s = view.stats()
    out = []
    if s is None:
        out.append(f"No authority moved from {view.source.label} to {view.target.label} in the records.")
    else:
        yrs = lambda d: f"{d / 365.25:.1f}"  # noqa: E731
        over = "" if s["count"] == len(view.done) else f" (over the {s['count']} whose dates are known)"
        out.append(f"{count(len(view.done), 'move')} from {view.source.label} to {view.target.label}{over}: "
                   f"median {yrs(s['median'])} years ({round(s['median']):,} days), middle half "
                   f"{yrs(s['q1'])} to {yrs(s['q3'])} years, range {yrs(s['min'])} to {yrs(s['max'])} years.")
        pub = sum(1 for j in view.done if j.measured == "publication dates")
        out.append("Durations run from inspection to inspection (first day to first day)"
                   + (f"; {pub} of them, where a source gives no inspection date, from publication to publication."
                      if pub else "."))
    if view.on_the_way:
        out.append(f"{count(len(view.on_the_way), 'authority', 'authorities')} graded {view.source.label} at their "
                   f"latest inspection {'has' if len(view.on_the_way) == 1 else 'have'} not yet made the move.")
    overall = view.area is Area.OVERALL_EFFECTIVENESS
    without = ("under the framework from April 2026, which gives no overall grade" if overall
               else f"by an inspection that gives no grade for {view.area.short.lower()}")
    if view.not_comparable:
        names = and_list([j.name for j in view.not_comparable])
        out.append(f"Not comparable: {names} {'was' if len(view.not_comparable) == 1 else 'were'} graded "
                   f"{view.source.label} and then inspected {without}; their judgements are listed below.")
    others = view.skipped_no_overall - len(view.not_comparable)
    if others:
        what = "under the framework from April 2026 (no overall grade)" if overall else \
            f"without a grade for {view.area.short.lower()}"
        out.append(f"{count(others, 'other inspection')} {what} started no journey and ended none.")
    return out

