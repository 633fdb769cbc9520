"""Choosing records: filters shared by every command, and naming one visit.

A visit is named by its id, a year (the graded inspection of that year when there is exactly
one), ``latest``, ``previous`` (the graded inspection before the latest) or ``first``.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from . import vocab
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


def parse_kinds(kind: str | None) -> tuple[Kind, ...] | None:
    if kind is None:
        return None
    try:
        return vocab.parse_kind_filter(kind)
    except vocab.VocabularyError as exc:
        raise UsageError(f"--kind: {exc}") from None


def filter_records(
    records: Iterable[Record],
    authority: frozenset[str] | None = None,
    kind: str | None = None,
    since: int | None = None,
    until: int | None = None,
) -> list[Record]:
    """Records matching every filter given, in date order."""
    if since is not None and until is not None and since > until:
        raise UsageError(f"--since {since} is after --until {until}")
    kinds = parse_kinds(kind)
    out = []
    for r in records:
        if not authority_matches(r, authority):
            continue
        if kinds is not None and r.kind not in kinds:
            continue
        if since is not None and (r.year is None or r.year < since):
            continue
        if until is not None and (r.year is None or r.year > until):
            continue
        out.append(r)
    return sorted(out, key=lambda r: r.sort_key)


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


def resolve_visit(records: Sequence[Record], spec: str, authority: frozenset[str] | None = None) -> Record:
    """The one record a user means by spec; UnknownVisit with candidates otherwise."""
    pool = sorted((r for r in records if authority_matches(r, authority)), key=lambda r: r.sort_key)
    check_authority(records, authority)
    spec = spec.strip()
    by_id = {r.id: r for r in pool}
    if spec in by_id:
        return by_id[spec]
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
