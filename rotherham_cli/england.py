"""England and its regions at a date: which inspection counts for each authority, and how many
authorities stand at each grade.

Each authority is counted at its latest graded inspection (SIF or ILACS) *held* by the date, by one of
three rules (:class:`Rule`), named in every output: whenever published (the default), published by a
day the user gives, or Ofsted's rule for its "as at 31 March" tables, which count inspections held by
31 March and published by 30 June (:func:`ofsted_cutoff`). Only authorities that existed on the date
are counted (today: the 153 current ones); a former authority is never counted beside its successors.
An authority with no graded inspection by the date, or whose latest inspection gives no grade in an
area (care leavers before 2023, overall effectiveness from April 2026), is counted as such, never
dropped. An authority the records hold nothing of is not counted, and the output says so (a folder
of one authority's records is not England with 152 authorities uninspected).

Nothing here prints or knows about Typer; the renderers lay these models out.
"""

from __future__ import annotations

import calendar
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from .dates import PartialDate
from .identity import authority_slug
from .vocab import HEADLINE_AREAS, SCALE, Area, Framework, Grade

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
    """Each authority's records by the register's slug, oldest first."""
    out: dict[str, list[Record]] = {}
    for r in records:
        s = authority_slug(r)
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


HELD = "held"
PUBLISHED_BY = "published-by"
OFSTED = "ofsted"


def ofsted_cutoff(as_at: date) -> date:
    """The last publication day Ofsted's "as at" tables count: the same day three months on (the month's
    last day where it is shorter), so 30 June for 31 March."""
    month = as_at.month + 3
    year, month = as_at.year + (month - 1) // 12, (month - 1) % 12 + 1
    return date(year, month, min(as_at.day, calendar.monthrange(year, month)[1]))


@dataclass(frozen=True)
class Rule:
    """Which inspections a count at a date takes: those held by it, and (unless ``name`` is HELD) published by
    ``published_by``."""

    name: str  # HELD, PUBLISHED_BY or OFSTED
    published_by: date | None = None

    @classmethod
    def of(cls, as_at: date, published_by: date | None = None, ofsted: bool = False) -> Rule:
        if ofsted:
            return cls(OFSTED, ofsted_cutoff(as_at))
        return cls(PUBLISHED_BY, published_by) if published_by is not None else cls(HELD)

    def words(self) -> str:
        """'held by then, whenever published', 'held by then and published by 2025-06-30 (Ofsted's rule ...)'."""
        if self.published_by is None:
            return "held by then, whenever published"
        tail = " (Ofsted's rule for its \"as at\" tables)" if self.name == OFSTED else ""
        return f"held by then and published by {self.published_by.isoformat()}{tail}"


@dataclass
class EnglandView:
    as_at: date
    published_by: date | None
    tallies: list[Tally]  # England's areas first, then each region's
    latest: dict[str, Record]  # slug -> the inspection counted
    authorities: int
    frameworks: Counter  # Framework -> how many authorities' counted inspection is under it
    published_later: list[Record]  # held by the date but published after --published-by (not counted)
    regions: list[str] = field(default_factory=list)
    records_to: date | None = None  # the latest publication the records hold
    rule: Rule = field(default_factory=lambda: Rule(HELD))
    as_at_given: bool = True  # False: the date is the records' latest publication, chosen for the user
    not_held: list[str] = field(default_factory=list)  # names of authorities the records hold nothing of
    existing: int = 0  # authorities that existed on the date, held or not
    scope: str = "England"  # the name of the whole count: England, or "All chosen" under --authority
    area: Area | None = None  # an area the headline frameworks do not judge, counted by its own (see area_view)

    def of(self, scope: str, area: Area) -> Tally:
        return next(t for t in self.tallies if t.scope == scope and t.area is area)

    def headline(self) -> str:
        """What the counts are of, in one line: the date, the authorities and the rule."""
        from .words import count

        when = self.as_at.isoformat() + ("" if self.as_at_given else " (the latest publication the records hold)")
        each = f"each at its latest graded inspection (SIF or ILACS) {self.rule.words()}"
        if self.scope != "England":
            return f"The {self.authorities} chosen authorities as at {when}, {each}"
        if self.not_held:
            who = (f"{count(self.authorities, 'authority', 'authorities')} of the {self.existing} that existed "
                   "then (the records hold no other)")
        else:
            who = f"{self.authorities} authorities"
        return f"England as at {when}: {who}, {each}"

    def rows(self) -> tuple[list[str], list[list]]:
        """One row per group and area, for CSV and Markdown."""
        header = ["as_at", "rule", "published_by", "scope", "area", *(g.value for g in SCALE), "not_graded",
                  "not_inspected", "authorities", *(f"{g.value}_share" for g in SCALE)]
        rows = []
        published_by = self.rule.published_by.isoformat() if self.rule.published_by else ""
        for t in self.tallies:
            shares = [(f"{s:.3f}" if (s := t.share(g)) is not None else "") for g in SCALE]
            rows.append([self.as_at.isoformat(), self.rule.name, published_by, t.scope, t.area.value,
                         *(t.counts[g] for g in SCALE), t.not_graded, t.not_inspected, t.total, *shares])
        return header, rows

    def to_dict(self) -> dict:
        return {
            "as_at": self.as_at.isoformat(),
            "published_by": self.published_by.isoformat() if self.published_by else None,
            "authorities": self.authorities,
            "authorities_not_in_records": self.not_held,
            "rule": self.rule.name,
            "rule_words": f"each authority at its latest SIF or ILACS inspection {self.rule.words()}"
            + (f"; {self.area.value}: at its latest inspection that judged it" if self.area else ""),
            "scope": self.scope,
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


def published_to(records: Sequence[Record]) -> date | None:
    """The latest publication the records hold (None where they hold none)."""
    return max((r.published.latest for r in records if r.published), default=None)


def latest_day(records: Sequence[Record]) -> date:
    """The day a count defaults to: the latest publication the records hold (today where they hold none)."""
    return published_to(records) or date.today()


def judging(area: Area) -> tuple[Framework, ...]:
    """The frameworks that judge ``area``."""
    return tuple(fw for fw in Framework if area in fw.info.areas)


def area_as_at(area: Area, today: date) -> date:
    """The day an area is counted at by default: today for the areas Ofsted's headline tables count,
    else the last day of the last framework that judged it (adoption and the LSCB: SIF's; safeguarding,
    looked after children and child protection: the inspections' before 2013)."""
    if area in HEADLINE_AREAS:
        return today
    ends = [fw.info.ends for fw in judging(area)]
    return min(today, max(e for e in ends if e is not None)) if None not in ends else today


def latest_judging(records: Iterable[Record], area: Area, as_at: date,
                   published_by: date | None = None) -> dict[str, Record]:
    """Each authority's latest graded inspection held by ``as_at`` of a kind that judges ``area``."""
    from .vocab import graded_areas

    out = {}
    for s, rs in by_authority(records).items():
        held_then = [r for r in rs if r.graded and area in graded_areas(r.kind, r.framework)
                     and held(r, as_at, published_by)]
        if held_then:
            out[s] = max(held_then, key=lambda r: (inspected_on(r) or date.min, r.id))
    return out


def england_view(records: Sequence[Record], as_at: date | None, published_by: date | None = None,
                 areas: Sequence[Area] = HEADLINE_AREAS, ofsted: bool = False, within: frozenset[str] | None = None,
                 area: Area | None = None) -> EnglandView:
    """The latest graded judgement of every authority that existed on ``as_at`` (None: the latest
    publication the records hold, or the end of the last framework that judged ``area``) and that the
    records hold (of those ``within``, when given), counted for England (or all those chosen) and each
    Ofsted region, by the rule :meth:`Rule.of` names. An ``area`` the headline frameworks do not judge is
    counted too, each authority at its latest inspection that judged it."""
    from . import authorities

    records_to = published_to(records)
    as_at_given = as_at is not None
    if as_at is None:
        as_at = records_to or date.today()
        as_at = area_as_at(area, as_at) if area is not None else as_at
    rule = Rule.of(as_at, published_by, ofsted)
    published_by = rule.published_by
    existing = [a for a in counted_authorities(as_at) if within is None or a.slug in within]
    in_records = set(by_authority(records))
    counted = [a for a in existing if a.slug in in_records]
    not_held = [a.name for a in existing if a.slug not in in_records]
    slugs = {a.slug for a in counted}
    latest = {s: r for s, r in latest_by_authority(records, as_at, published_by).items() if s in slugs}
    later: list[Record] = []
    if published_by is not None:
        unlimited = latest_by_authority(records, as_at)
        later = sorted((r for s, r in unlimited.items() if s in slugs and latest.get(s) is not r),
                       key=lambda r: r.sort_key)
    regions = [r for r in authorities.regions() if any(a.region == r for a in counted)]
    scope = "England" if within is None else "All chosen"
    own = latest_judging(records, area, as_at, published_by) if area is not None and area not in areas else {}
    tallies = []
    for name in (scope, *regions):
        members = [a.slug for a in counted if name == scope or a.region == name]
        tallies += [tally(name, a, members, latest) for a in areas]
        tallies += [tally(name, area, members, own)] if area is not None and area not in areas else []
    frameworks = Counter(r.framework for r in latest.values())
    return EnglandView(as_at, published_by, tallies, latest, len(counted), frameworks, later, regions,
                       records_to, rule, as_at_given, not_held, len(existing), scope,
                       area if area is not None and area not in areas else None)


def pct(n: int, total: int) -> str:
    """A share as a whole percentage, the one way every output writes one: '32%' ('-' of nothing)."""
    return f"{round(100 * n / total)}%" if total else "-"


def england_sentences(view: EnglandView) -> list[str]:
    from .words import and_list, count, when_words

    day = when_words(PartialDate.parse(view.as_at.isoformat()))
    out = []
    if view.not_held:
        held = sorted({r.authority.name for r in view.latest.values()})
        names = f" ({and_list(held)})" if 0 < len(held) <= 5 else ""
        others = (and_list(view.not_held) if len(view.not_held) <= 5
                  else count(len(view.not_held), "other", "others"))
        out.append(f"The records hold {count(view.authorities, 'authority', 'authorities')}{names} of the "
                   f"{view.existing} that existed on {day}; {others} are not counted, neither as inspected nor "
                   "as not inspected.")
    if not view.authorities:
        return out
    t = view.of(view.scope, Area.OVERALL_EFFECTIVENESS)
    good = t.counts[Grade.OUTSTANDING] + t.counts[Grade.GOOD]
    whose = "England's" if view.scope == "England" and not view.not_held else "the"
    chosen = " chosen" if view.scope != "England" else ""
    out.append(f"On {day}, {t.counts[Grade.INADEQUATE]} of {whose} {t.total}{chosen} "
               f"{'authority is' if t.total == 1 else 'authorities are'} graded inadequate "
               f"overall at their latest inspection, and {good} ({pct(good, t.graded)} of the {t.graded} with an "
               f"overall grade) good or outstanding.")
    if t.not_graded:
        out.append(f"{count(t.not_graded, 'authority', 'authorities')} were last inspected under the framework "
                   "from April 2026, which makes no overall effectiveness judgement.")
    if t.not_inspected:
        out.append(f"{count(t.not_inspected, 'authority', 'authorities')} had no SIF or ILACS inspection by then.")
    leavers = view.of(view.scope, Area.CARE_LEAVERS)
    if leavers.not_graded:
        out.append(f"Care leavers: {leavers.not_graded} were last inspected before January 2023, when care "
                   "leavers were judged together with children in care.")
    if view.records_to is not None and view.records_to < view.as_at:
        upto = when_words(PartialDate.parse(view.records_to.isoformat()))
        out.append(f"The records hold reports published up to {upto}; an inspection published since is not counted.")
    elif not view.as_at_given:
        out.append("An inspection held by then whose report came out later is not in the records, so not counted.")
    if view.published_later and view.published_by is not None:  # only --published-by leaves any out
        names = ", ".join(f"{r.authority.name} ({when_words(r.start or r.published)}, published "
                          f"{when_words(r.published)})" for r in view.published_later)
        out.append(f"Held by then but published after {when_words(PartialDate.parse(view.published_by.isoformat()))} "
                   f"and so not counted: {names}.")
    return out


def regions_sentence(view: EnglandView, area: Area) -> str:
    shares = []  # (share, region, good, graded)
    for region in view.regions:
        t = view.of(region, area)
        if t.graded:
            good = t.counts[Grade.OUTSTANDING] + t.counts[Grade.GOOD]
            shares.append((good / t.graded, region, good, t.graded))
    if len(shares) < 2:
        return ""
    (_, low, lg, ln), (_, high, hg, hn) = min(shares), max(shares)
    what = "overall" if area is Area.OVERALL_EFFECTIVENESS else f"for {area.short.lower()}"
    return (f"Graded good or outstanding {what}, of the authorities graded: from {pct(lg, ln)} in {low} "
            f"to {pct(hg, hn)} in {high}.")
