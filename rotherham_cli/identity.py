"""The identity of a visit: which authority it is of, its record id, and when two records are one visit.

This module is the one place these rules are written down. Every importer, the merge and the
validator ask it; nothing else builds a record id or decides that two records describe one visit.

**The authority** of a record is the register's entry its name (or, failing that, its GSS code or DfE
number) resolves to on the visit's date (``authorities.find``): so "Telford & Wrekin" and "Telford and
Wrekin" are one authority, and "Dorset" before April 2019 is the former county council.

**The record id** is ``<authority slug>-<year>-<kind>``, the kind with hyphens:
``rotherham-2014-sif-inspection``. An authority has at most one graded inspection of a kind in a
year, so that is unique for graded inspections. Ungraded visits (monitoring and focused visits, JTAIs)
can come several times a year (monitoring visits about every three months), so their id also carries
the month of their first day on site where it is known: ``rotherham-2024-05-focused-visit``; one
whose start month is not known keeps the plain form (``rotherham-2016-monitoring-visit``). The year is that of the
visit's date (its start, else its end, else its publication). An area SEND inspection is not graded either,
and takes the same form (``rotherham-2024-09-area-send``; ``cambridgeshire-2025-area-send`` where only its
publication is known): it is a kind family of its own, so it is never the same visit as an inspection of
children's services.

**Two records are the same visit** when all of these hold:

1. they are of the same authority (by the register, not by spelling);
2. they are of the same kind family (``vocab.KindInfo.family``): every graded inspection since 2013
   is one family, because the sources disagree on what to call one (a release calls Merton's 2022
   inspection short, another standard), while each kind of ungraded visit, and each inspection kind
   before 2013 (which graded different areas and came from one table), is its own family;
3. their dates agree as far as both sources know them. Sources know different dates: Ofsted's
   releases give the start and the publication date, a report prints the dates on site and not its
   publication, a news item only a month. So: two known start days agree within
   ``START_DAYS`` (the releases disagree by a few days, e.g. Cumbria); failing starts, two known
   publication days agree within ``PUBLISHED_DAYS`` (a release may give the day the report was
   re-published, e.g. Nottingham 2022); failing both, a publication falls in the
   ``PUBLICATION_LAG`` days after the other's visit; a date known only to the month or year agrees
   with any day inside it (a start known only to the year agrees with nothing outside it). Visits of
   one family to one authority are months apart (monitoring visits about three), so these windows
   cannot join two real visits; where two candidates fit, the nearest is taken.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from functools import lru_cache

from .models import PartialDate, Record
from .vocab import Kind

START_DAYS = 21
PUBLISHED_DAYS = 45
PUBLICATION_LAG = 150


# ---------------------------------------------------------------------------------------------
# The authority
# ---------------------------------------------------------------------------------------------


def authority_of(record: Record):
    """The register's authority of a record, or None when it names none the register knows."""
    a = record.authority
    found = _named(a.name, a.ons_code, a.la_number)
    if len(found) < 2:  # the date matters only where a name has been two authorities' (Dorset)
        return found[0] if found else None
    from .authorities import pick

    when = record.when
    return pick(found, when.earliest if when else None)


@lru_cache(maxsize=4096)
def _named(name: str, ons_code: str | None, la_number: int | None) -> tuple:
    """The authorities the first of a record's name, GSS code and DfE number that the register knows
    has named (see authorities.named)."""
    from . import authorities

    for key in (name, ons_code, str(la_number) if la_number else None):
        if key:
            found = authorities.named(key)
            if found:
                return tuple(found)
    return ()


def authority_problems(record: Record) -> list[tuple[str, str]]:
    """What is wrong with a record's authority, as (field, why): a name the register does not know, and
    an LA number or GSS code that is another authority's than the one the name names (``name: Atlantis``
    with Lancashire's codes; ``name: Dorset`` with Cumbria's number). A name that has named several
    authorities (Dorset) agrees with the codes of any of them."""
    a = record.authority
    return list(_authority_problems(a.name, a.la_number, a.ons_code))


@lru_cache(maxsize=4096)
def _authority_problems(name: str, la_number: int | None, ons_code: str | None) -> tuple[tuple[str, str], ...]:
    from . import authorities

    named = authorities.named(name)
    if not named:
        return (("authority.name", f"'{name}' is not an authority in the register"),)
    out = []
    if la_number is not None and all(x.la_number != la_number for x in named):
        other = authorities.named(str(la_number))
        whose = f"{other[0].name}'s" if other else "no authority's in the register"
        out.append(("authority.la_number", f"LA number {la_number} is {whose}, not {named[0].name}'s"))
    if ons_code is not None and all(ons_code not in {c.code for c in x.codes} for x in named):
        other = authorities.named(ons_code)
        whose = f"{other[0].name}'s" if other else "no authority's in the register"
        out.append(("authority.ons_code", f"GSS code {ons_code} is {whose}, not {named[0].name}'s"))
    return tuple(out)


def authority_slug(record: Record) -> str | None:
    found = authority_of(record)
    return found.slug if found else None


# ---------------------------------------------------------------------------------------------
# The record id
# ---------------------------------------------------------------------------------------------


def record_id(slug: str, kind: Kind, start: PartialDate | date | None, when: PartialDate | date | None) -> str:
    """The id of a visit of ``kind`` to the authority ``slug`` (see the module's docstring).

    ``start`` is the first day on site as far as known; ``when`` the visit's date for its year
    (its start, else end, else publication).
    """
    start = _partial(start)
    when = _partial(when) or start
    if when is None:
        raise ValueError("a visit needs a date (start, end or publication) for its id")
    stamp = f"{when.year:04d}"
    if not kind.graded and start is not None and start.month is not None:
        stamp = f"{start.year:04d}-{start.month:02d}"
    return f"{slug}-{stamp}-{kind.value.replace('_', '-')}"


def authority_in_id(visit_id: str) -> str | None:
    """The authority's slug the id rule puts before an id's year, where the register knows it (else None)."""
    from .authorities import slugs

    found = re.match(r"(.+?)-\d{4}(?:-|$)", visit_id.strip())
    return found.group(1) if found and found.group(1) in slugs() else None


def id_for(record: Record, slug: str | None = None) -> str | None:
    """The id the rule gives a record (None when its authority is not in the register)."""
    slug = slug or authority_slug(record)
    if slug is None or record.when is None:
        return None
    return record_id(slug, record.kind, record.start, record.when)


def _partial(value: PartialDate | date | None) -> PartialDate | None:
    if value is None or isinstance(value, PartialDate):
        return value
    return PartialDate(value.year, value.month, value.day)


# ---------------------------------------------------------------------------------------------
# Same visit
# ---------------------------------------------------------------------------------------------


def family(kind: Kind) -> str:
    return kind.info.family


def _gap(a: PartialDate | None, b: PartialDate | None) -> int | None:
    """Days between two dates as known: 0 where their spans overlap, None where one is unknown."""
    if a is None or b is None:
        return None
    if a.latest < b.earliest:
        return (b.earliest - a.latest).days
    if b.latest < a.earliest:
        return (a.earliest - b.latest).days
    return 0


def _after(visit: Record, published: PartialDate | None) -> int | None:
    """How far a publication date is from the window after a visit in which its report appears."""
    on_site = visit.end or visit.start
    if on_site is None or published is None:
        return None
    if published.latest < on_site.earliest:
        return (on_site.earliest - published.latest).days + PUBLICATION_LAG
    lag = (published.earliest - on_site.latest).days
    return 0 if lag <= PUBLICATION_LAG else lag


def _monthly(a: PartialDate | None, b: PartialDate | None) -> bool:
    """Both known to the month at least: two dates known only to the year agree only where they
    overlap (the focused visits "in 2019 and 2020" are two visits, a day apart at the turn of the year)."""
    return a is not None and b is not None and a.month is not None and b.month is not None


def distance(a: Record, b: Record, slug_a: str | None = None, slug_b: str | None = None) -> int | None:
    """How far apart two records' dates are, in days, if they can be one visit; None if they cannot."""
    if family(a.kind) != family(b.kind):
        return None
    slug_a = slug_a or authority_slug(a)
    slug_b = slug_b or authority_slug(b)
    if slug_a is None or slug_a != slug_b:
        return None
    gap = _gap(a.start, b.start)
    if gap is not None:
        return gap if gap <= START_DAYS and (gap == 0 or _monthly(a.start, b.start)) else None
    gap = _gap(a.published, b.published)
    if gap is not None:
        return gap if gap <= PUBLISHED_DAYS else None
    for visit, other in ((a, b), (b, a)):
        gap = _after(visit, other.published)
        if gap is not None:
            return gap if gap <= 0 else None
    gap = _gap(a.end, b.end)
    if gap is not None:
        return gap if gap <= START_DAYS else None
    return None


def same_visit(a: Record, b: Record) -> bool:
    """Whether two records describe one visit (the rule in this module's docstring)."""
    return distance(a, b) is not None


def same_visit_pairs(records: Sequence[Record]) -> list[tuple[Record, Record]]:
    """Every record that is the same visit as one before it in ``records``, paired with the first such:
    (earlier, later). Only records whose dates come within the widest window of each other are compared
    (sorted by date, each against the next ones while they can still be in reach), so a large set costs
    little more than sorting it."""
    reach = timedelta(days=max(START_DAYS, PUBLISHED_DAYS, PUBLICATION_LAG))
    groups: dict[tuple[str, str], list[tuple]] = {}
    for i, r in enumerate(records):
        dates = [d for d in (r.start, r.end, r.published) if d is not None]
        slug = authority_slug(r)
        if dates and slug is not None:
            span = (min(d.earliest for d in dates) - reach, max(d.latest for d in dates) + reach, i)
            groups.setdefault((slug, family(r.kind)), []).append(span)
    partner: dict[int, int] = {}
    for (slug, _), spans in groups.items():
        spans.sort()
        for n, (_, hi, i) in enumerate(spans):
            for lo_j, _, j in spans[n + 1:]:
                if lo_j > hi:
                    break
                first, later = min(i, j), max(i, j)
                if first < partner.get(later, later) and distance(records[i], records[j], slug, slug) is not None:
                    partner[later] = first
    return [(records[partner[k]], records[k]) for k in sorted(partner)]


def find_same(record: Record, candidates: Iterable[Record], slug: str | None = None) -> Record | None:
    """The candidate that is the same visit as ``record`` (the nearest in date), or None."""
    slug = slug or authority_slug(record)
    best: tuple[int, str] | None = None
    found = None
    for other in candidates:
        if other is record:
            continue
        d = distance(record, other, slug, None)
        if d is not None and (best is None or (d, other.id) < best):
            best, found = (d, other.id), other
    return found
