"""Choosing records: filters shared by every command, and naming one visit.

A visit is named by its id, a year (the graded inspection of that year when there is exactly
one), ``latest``, ``previous`` (the graded inspection before the latest) or ``first``.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from . import vocab
from .dates import PartialDate
from .errors import UnknownVisit, UsageError
from .vocab import Kind, did_you_mean, nearest

if TYPE_CHECKING:
    from .models import Record

KEYWORDS = ("latest", "previous", "first")


HOME_ENV = "JUDGEMENTS_AUTHORITY"
HOME_DEFAULT = "Rotherham"


def home_authority() -> str:
    """The home authority's slug: $JUDGEMENTS_AUTHORITY, else Rotherham."""
    from .authorities import resolve
    from .errors import UnknownAuthority

    name = os.environ.get(HOME_ENV) or HOME_DEFAULT
    try:
        return resolve(name).slug
    except UnknownAuthority as exc:
        raise UnknownAuthority(f"${HOME_ENV}: {exc}") from None


def authority_slugs(specs: Sequence[str] | None) -> frozenset[str] | None:
    """The authorities --authority names (each a name, alias, code, 'region:NAME', 'neighbours:NAME'
    or 'all'), as slugs; None for all of them."""
    from .authorities import select

    if not specs:
        return None
    out: set[str] = set()
    for spec in specs:
        if spec.strip().casefold() == "all":
            return None
        out.update(a.slug for a in select(spec))
    return frozenset(out)


def slug_of(record: Record) -> str | None:
    from .identity import authority_slug

    return authority_slug(record)


def authority_matches(record: Record, slugs: frozenset[str] | None) -> bool:
    return slugs is None or slug_of(record) in slugs


def parse_kinds(kinds: str | Sequence[str] | None) -> tuple[Kind, ...] | None:
    """The kinds --kind names (each 'graded', 'visits' or a kind; repeated: any of them), or None for all."""
    if not kinds:
        return None
    out: dict[Kind, None] = {}
    for word in [kinds] if isinstance(kinds, str) else kinds:
        try:
            out.update(dict.fromkeys(vocab.parse_kind_filter(word.strip())))
        except vocab.VocabularyError as exc:
            words = ", ".join([*vocab.KIND_GROUPS, *(k.value for k in Kind)])
            raise UsageError(f"--kind: {exc}; the kinds are {words}") from None
    return tuple(out)


def parse_area(word: str, option: str = "--area") -> vocab.Area:
    """A judgement area by its key, its table name ('Help and protection') or the start of either
    ('overall'); else a UsageError listing them."""
    from .vocab import Area, folded

    want = folded(word).replace("_", " ")
    names = {a: (folded(a.value).replace("_", " "), folded(a.short)) for a in Area}
    exact = [a for a, ns in names.items() if want in ns]
    found = exact or [a for a, ns in names.items() if want and any(n.startswith(want) for n in ns)]
    if len(found) != 1:
        raise UsageError(f"{option}: '{word}' is not a judgement area; the areas are "
                         f"{', '.join(a.value for a in Area)}")
    return found[0]


def parse_when(value: str | None, option: str) -> PartialDate | None:
    """A date an option takes: a year, a month or a day (2026, 2026-08, 2026-08-20)."""
    if value is None:
        return None
    try:
        return PartialDate.parse(value)
    except ValueError as exc:
        raise UsageError(f"{option}: {exc}") from None


@dataclass(frozen=True)
class Filters:
    """What the options of a listing choose. Each date is a year, a month or a day: ``since`` keeps the
    visits on or after its first day, ``until`` those on or before its last, by the day a visit took place
    (its start, else its end, else its publication); the published pair does the same by publication."""

    authority: frozenset[str] | None = None
    kinds: tuple[Kind, ...] | None = None
    since: PartialDate | None = None
    until: PartialDate | None = None
    published_since: PartialDate | None = None
    published_until: PartialDate | None = None

    @classmethod
    def parse(cls, authority: frozenset[str] | None = None, kind: str | Sequence[str] | None = None,
              since: str | int | None = None, until: str | int | None = None,
              published_since: str | None = None, published_until: str | None = None) -> Filters:
        """From the options' words; a word that is not a kind or a date is a UsageError naming the option."""
        out = cls(authority, parse_kinds(kind), parse_when(_text(since), "--since"),
                  parse_when(_text(until), "--until"), parse_when(published_since, "--published-since"),
                  parse_when(published_until, "--published-until"))
        for a, b, what in ((out.since, out.until, ""), (out.published_since, out.published_until, "published-")):
            if a is not None and b is not None and a.earliest > b.latest:
                raise UsageError(f"--{what}since {a} is after --{what}until {b}")
        return out

    def __call__(self, r: Record) -> bool:
        return (authority_matches(r, self.authority) and (self.kinds is None or r.kind in self.kinds)
                and _within(r.when, self.since, self.until)
                and _within(r.published, self.published_since, self.published_until))


def _text(value: str | int | None) -> str | None:
    return None if value is None else str(value)


def _within(day: PartialDate | None, since: PartialDate | None, until: PartialDate | None) -> bool:
    """Whether a date known to the day, month or year can fall in [since, until] (None: open)."""
    if since is None and until is None:
        return True
    if day is None:
        return False
    return (since is None or day.latest >= since.earliest) and (until is None or day.earliest <= until.latest)


def filter_records(records: Iterable[Record], filters: Filters | frozenset[str] | None = None) -> list[Record]:
    """Records ``filters`` keeps (a set of authority slugs alone will do), in date order."""
    if not isinstance(filters, Filters):
        filters = Filters(filters)
    return sorted(filter(filters, records), key=lambda r: r.sort_key)


def check_authority(records: Sequence[Record], authority: frozenset[str] | None) -> None:
    """Authorities that have no record here are an error naming them (and what the records hold)."""
    if authority is None or any(authority_matches(r, authority) for r in records):
        return
    check_held({slug_of(r): r.authority.name for r in records}, authority)


def check_held(held: dict[str | None, str], authority: frozenset[str] | None) -> None:
    """``held`` maps the slugs of the authorities the records hold to their names as written there."""
    if authority is None or any(s in authority for s in held):
        return
    from .authorities import get

    names = sorted(set(held.values()))
    asked = ", ".join(sorted(get(s).name for s in authority))
    hint = f"; the records hold {', '.join(names[:8])}{' …' if len(names) > 8 else ''}" if names else ""
    raise UnknownVisit(f"no records for {asked}{hint}")


def _graded(records: Sequence[Record]) -> list[Record]:
    return [r for r in records if r.graded]


def is_id(spec: str) -> bool:
    """Whether ``spec`` would name a visit by its id (not a keyword such as 'latest', nor a year)."""
    spec = spec.strip()
    return spec not in KEYWORDS and not re.fullmatch(r"\d{4}", spec)


def resolve_visit(records: Sequence[Record], spec: str, authority: frozenset[str] | None = None) -> Record:
    """The one record a user means by spec; UnknownVisit with candidates otherwise. An id names one visit
    wherever it is; a keyword or a year, a visit of the authorities chosen."""
    spec = spec.strip()
    for r in records:
        if r.id == spec:
            return r
    pool = sorted((r for r in records if authority_matches(r, authority)), key=lambda r: r.sort_key)
    check_authority(records, authority)
    by_id = {r.id: r for r in pool}
    graded = _graded(pool)
    authorities = {slug_of(r) for r in pool}
    if spec in KEYWORDS:
        if len(authorities) > 1:
            raise UnknownVisit(
                f"'{spec}' is ambiguous across {len(authorities)} authorities; add --authority NAME"
            )
        if spec == "first":
            if not graded:
                raise UnknownVisit("there is no graded inspection in the records")
            return graded[0]
        if spec == "latest":
            if not graded:
                raise UnknownVisit("there is no graded inspection in the records")
            return graded[-1]
        if len(graded) < 2:
            raise UnknownVisit("'previous' needs two graded inspections; the records hold "
                               f"{len(graded)}")
        return graded[-2]
    if re.fullmatch(r"\d{4}", spec):
        year = int(spec)
        in_year = [r for r in pool if r.year == year]
        graded_in_year = _graded(in_year)
        if len(graded_in_year) == 1:
            return graded_in_year[0]
        if not graded_in_year and len(in_year) == 1:
            return in_year[0]  # the year's only visit, though ungraded
        if not in_year:
            years = sorted({r.year for r in graded if r.year is not None})
            raise UnknownVisit(
                f"no visit in {year}; graded inspections took place in "
                f"{', '.join(map(str, years)) or 'no year'}"
            )
        candidates = graded_in_year or in_year
        what = "graded inspections" if len(graded_in_year) > 1 else "visits and no graded inspection"
        raise UnknownVisit(
            f"{year} has {len(candidates)} {what}: {', '.join(r.id for r in candidates)}; name one by id"
        )
    # Ids that begin with what was typed first ("rotherham-2014" -> its 2014 visits), then by spelling.
    near = [i for i in sorted(by_id) if i.startswith(spec)] + nearest(spec, by_id)
    hint = did_you_mean(list(dict.fromkeys(near))[:3]) or "; run 'judgements list' to see the ids"
    raise UnknownVisit(f"no visit '{spec}'{hint}")


def between(records: Sequence[Record], a: Record, b: Record) -> list[Record]:
    """Ungraded visits to the same authority, of the same remit, that fell between two visits (exclusive)."""
    lo, hi = sorted((a, b), key=lambda r: r.sort_key)
    return [
        r for r in sorted(records, key=lambda r: r.sort_key)
        if not r.graded and r.kind.remit is lo.kind.remit and slug_of(r) == slug_of(lo)
        and lo.sort_key < r.sort_key < hi.sort_key and r.id not in (a.id, b.id)
    ]
