"""The register of authorities: every English local authority with children's services, current and former.

This module is the one home of authorities' names, codes, regions and statistical neighbours. Every
importer and every ``--authority`` option resolves names through it; nothing else normalises an
authority's name.

The data, ``data/authorities.json``, is built by ``tools/build_register.py`` from Ofsted's releases
and the DfE and Data to Insight lists in ``../shared/data/`` (see that script for which fact comes from
where). This module imports only the standard library and reads the file once, on first use.

A name resolves in any case and spacing, with "&" or "and", with or without "the", "City of",
"Royal Borough of", "London Borough of", "Council", "Metropolitan Borough Council", "County Council"
and the like; so do the slug, the DfE LA number, any GSS code the authority has had, and its Ofsted URN.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

from .errors import UnknownAuthority
from .vocab import did_you_mean, folded, nearest


@dataclass(frozen=True)
class Code:
    """A GSS code and the days it was in use (None: open-ended or not known)."""

    code: str
    start: date | None
    end: date | None


@dataclass(frozen=True)
class Neighbour:
    """One of an authority's ten statistical neighbours (DfE model 2025), nearest first."""

    slug: str
    rank: int
    closeness: str


# The type of council, by the first three characters of its GSS code (the ONS coding of local authority
# districts). The City of London (E09000001) is coded and counted with the London boroughs.
COUNCIL_TYPES = {"E09": "London borough", "E08": "metropolitan district", "E06": "unitary authority",
                 "E10": "shire county"}
# Ofsted's words for an authority's status in its inspection history table.
STATUS_CURRENT, STATUS_FORMER = "Current", "No longer exists"


@dataclass(frozen=True)
class LocalAuthority:
    slug: str
    name: str  # as Ofsted's latest release writes it
    la_number: int | None
    codes: tuple[Code, ...]
    urn: int | None
    region: str
    current: bool
    started: date | None
    ended: date | None
    successors: tuple[str, ...]
    predecessors: tuple[str, ...]
    neighbours: tuple[Neighbour, ...]
    aliases: tuple[str, ...]

    @property
    def gss(self) -> str | None:
        """The latest GSS code."""
        return self.codes[-1].code if self.codes else None

    def gss_on(self, day: date) -> str | None:
        """The GSS code in use on a day (the nearest one where the day is outside them all)."""
        for c in self.codes:
            if (c.start is None or c.start <= day) and (c.end is None or day <= c.end):
                return c.code
        return self.gss

    @property
    def council_type(self) -> str:
        """London borough, metropolitan district, unitary authority or shire county ('' if not known)."""
        return COUNCIL_TYPES.get((self.gss or "")[:3], "")

    @property
    def status(self) -> str:
        """As Ofsted's inspection history writes it: 'Current' or 'No longer exists'."""
        return STATUS_CURRENT if self.current else STATUS_FORMER

    def existed_on(self, day: date) -> bool:
        return (self.started is None or self.started <= day) and (self.ended is None or day <= self.ended)

    def __str__(self) -> str:
        return self.name


# ---------------------------------------------------------------------------------------------
# Names
# ---------------------------------------------------------------------------------------------

_PREFIXES = re.compile(
    r"^(?:the )?(?:royal borough of |london borough of |metropolitan borough of |borough of |"
    r"city and county of |county of |city of (?!london$))"
)
_SUFFIXES = re.compile(
    r"(?: metropolitan borough council| metropolitan district council| metropolitan district| metropolitan|"
    r" borough council| district council| county council| city council| council| unitary authority|"
    r" local authority| childrens services| childrens social care| city of| county of| district)+$"
)
_SAME = {"county durham": "durham", "london corporation": "city of london",
         "corporation of london": "city of london", "city of london corporation": "city of london"}


def fold(text: str) -> str:
    """A name folded for comparison: case, '&'/'and', hyphens, apostrophes and punctuation do not count."""
    t = str(text).replace("’", "").replace("'", "").replace("&", " and ").replace("-", " ")
    return folded(re.sub(r"[.,()]", " ", t).casefold().replace("saint ", "st "))


def key(text: str) -> str:
    """The key a name is matched by: folded, without the words around a council's name."""
    t = fold(text)
    t = _SAME.get(t, t)
    for _ in range(2):
        t = _PREFIXES.sub("", t).strip()
        t = _SUFFIXES.sub("", t).strip()
    return _SAME.get(t, t)


# ---------------------------------------------------------------------------------------------
# The register
# ---------------------------------------------------------------------------------------------


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


@lru_cache(maxsize=1)
def _register() -> tuple[LocalAuthority, ...]:
    # Beside this module, in the package as installed (importlib.resources would cost more than the read).
    raw = json.loads((Path(__file__).parent / "data" / "authorities.json").read_text(encoding="utf-8"))
    items = []
    for a in raw["authorities"]:
        items.append(LocalAuthority(
            slug=a["slug"], name=a["name"], la_number=a["la_number"],
            codes=tuple(Code(c["code"], _day(c["start"]), _day(c["end"])) for c in a["codes"]),
            urn=a["urn"], region=a["region"], current=a["current"],
            started=_day(a["started"]), ended=_day(a["ended"]),
            successors=tuple(a["successors"]), predecessors=tuple(a["predecessors"]),
            neighbours=tuple(Neighbour(n["slug"], n["rank"], n["closeness"]) for n in a["neighbours"]),
            aliases=tuple(a["aliases"]),
        ))
    items.sort(key=lambda a: (fold(a.name), a.ended is not None))
    return tuple(items)


@lru_cache(maxsize=1)
def _index() -> dict[str, list[LocalAuthority]]:
    """Every way an authority is named (folded name and key, slug, codes, numbers) to the authorities
    it names; built on the first lookup by name, which a count over the register never needs."""
    index: dict[str, list[LocalAuthority]] = {}

    def add(k: str, a: LocalAuthority) -> None:
        bucket = index.setdefault(k, [])
        if a not in bucket:
            bucket.append(a)

    for a in _register():
        for name in (a.name, *a.aliases):
            add(fold(name), a)
            add(key(name), a)
        add(a.slug.replace("-", " "), a)
        for c in a.codes:
            add(c.code.casefold(), a)
        for number in (a.la_number, a.urn):
            if number is not None:
                add(str(number), a)
    return index


def all_authorities() -> tuple[LocalAuthority, ...]:
    """Every authority, current and former, by name."""
    return _register()


@lru_cache(maxsize=1)
def slugs() -> frozenset[str]:
    """Every authority's slug, current and former: the names of the folders of a set laid out by authority."""
    return frozenset(a.slug for a in all_authorities())


def current() -> tuple[LocalAuthority, ...]:
    return tuple(a for a in all_authorities() if a.current)


def regions() -> tuple[str, ...]:
    """Ofsted's regions, as its latest release names them."""
    return tuple(sorted({a.region for a in current()}))


def get(slug: str) -> LocalAuthority:
    for a in all_authorities():
        if a.slug == slug:
            return a
    raise KeyError(slug)


def closeness(slug: str) -> dict[str, str]:
    """An authority's statistical neighbours (slugs) and the band of the DfE model each stands in."""
    return {n.slug: n.closeness for n in get(slug).neighbours}


def pick(found: Sequence[LocalAuthority], on: date | None) -> LocalAuthority:
    """Of the authorities one name has named over time, the one existing ``on`` a day (else the current
    one, else the first)."""
    if len(found) > 1 and on is not None:
        existing = [a for a in found if a.existed_on(on)]
        if existing:
            return existing[0]
    return next((a for a in found if a.current), found[0])


def find(text: str, on: date | None = None) -> LocalAuthority | None:
    """The authority a name, alias, slug, code or number names (the one existing ``on`` a day where a
    name has been two authorities' over time, like Dorset), or None."""
    found = named(text)
    return pick(found, on) if found else None


def named(text: str) -> list[LocalAuthority]:
    """Every authority a name, alias, slug, code or number has named over time (most often one)."""
    index = _index()
    for k in (fold(text), key(text)):
        found = index.get(k)
        if found:
            return found
    return []


def resolve(text: str, on: date | None = None) -> LocalAuthority:
    """As :func:`find`, but an unknown name raises :class:`UnknownAuthority` with the nearest names."""
    found = find(text, on)
    if found is None:
        raise UnknownAuthority(f"no authority '{text}'{_suggestion(text)}")
    return found


def _suggestion(text: str) -> str:
    want = key(text)
    if not want:
        return ""
    names = {fold(n): a.name for a in all_authorities() for n in (a.name, *a.aliases)}
    words = want.split()
    # Whole words first ("hul" -> Kingston upon Hull, not Solihull), then spelling.
    near = [a.name for a in all_authorities()
            if all(any(w.startswith(x) for w in fold(a.name).split()) for x in words)]
    if not near:
        near = [names[n] for n in nearest(want, names)]
    return did_you_mean(list(dict.fromkeys(near))[:3])


def select(spec: str) -> tuple[LocalAuthority, ...]:
    """The authorities a --authority value names: 'all' (every current authority), 'region:NAME',
    'neighbours:NAME' (the authority and its ten statistical neighbours), or one name, alias or code."""
    head, _, rest = spec.partition(":")
    head = head.strip().casefold()
    if not rest and head == "all":
        return current()
    if rest and head == "region":
        want = fold(rest)
        found = [r for r in regions() if fold(r) == want] or [r for r in regions() if want in fold(r)]
        if len(found) != 1:
            raise UnknownAuthority(f"no Ofsted region '{rest.strip()}'; the regions are {', '.join(regions())}")
        return tuple(a for a in current() if a.region == found[0])
    if rest and head in ("neighbours", "neighbors"):
        a = resolve(rest.strip())
        if not a.neighbours:
            raise UnknownAuthority(f"{a.name} has no statistical neighbours (it no longer exists)")
        return (a, *(get(n.slug) for n in a.neighbours))
    return (resolve(spec),)


@lru_cache(maxsize=1)
def _name_pattern() -> re.Pattern[str]:
    names = {fold(n) for a in all_authorities() for n in (a.name, *a.aliases)}
    names |= {key(n) for n in names}
    longest_first = sorted((n for n in names if n and not n.isdigit()), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(n) for n in longest_first) + r")\b")


def name_in_text(text: str, on: date | None = None) -> LocalAuthority | None:
    """The authority named first in a text, such as a report's title or front page: "Inspection of the
    Royal Borough of Kingston upon Thames children's services", "Rotherham Metropolitan Borough
    Council", a name broken over two lines. The longest name at the first place one stands wins
    ("North East Lincolnshire", not "Lincolnshire")."""
    m = _name_pattern().search(fold(text))
    return find(m.group(0), on) if m else None
