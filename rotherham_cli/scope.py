"""Which records a command is about: the record set (with the national set beneath it, on request),
the authorities --authority names or else the home authority, the filters of a listing, the visits
named by id, year or keyword. Core: no printing, no Typer; heavy modules are imported inside."""

from __future__ import annotations

from typing import Optional


def load(records: Optional[str], with_england: bool = False, only=None):
    """The records (with the shipped national set beneath them when ``with_england``); ``only``, a set
    of authority slugs, lets a folder laid out by authority be read in part."""
    from .loader import load_valid, records_dir, shipped_records

    folder = records_dir(records)
    mine = load_valid(folder, only)
    if with_england and folder.resolve() != shipped_records().resolve():
        from .recordset import overlay

        mine = overlay(load_valid(shipped_records(), only), mine)
    return mine


def load_scoped(records, authority, home=True, with_england=False):
    """The records and the authorities a command is about, as slugs (None for all): those --authority
    names; else, for the commands that follow one authority (``home``), the home authority where the
    records hold it; else all. Only what is needed is read."""
    from .query import authority_slugs, home_authority, slug_of

    if authority:
        slugs = authority_slugs(authority)
        return load(records, with_england, slugs), slugs
    if home:
        mine = frozenset({home_authority()})
        loaded = load(records, with_england, mine)
        if any(slug_of(r) in mine for r in loaded):
            return loaded, mine
    return load(records, with_england), None


def filtered(records, authority, kind=None, since=None, until=None, published=(None, None), home=True,
             with_england=False):
    """The records, and those the filters choose (--authority defaults to the home authority when
    ``home``); ``published`` is the pair --published-since, --published-until."""
    from dataclasses import replace

    from .query import Filters, check_authority, filter_records

    filters = Filters.parse(None, kind, since, until, *published)  # a bad word is refused before any load
    loaded, slugs = load_scoped(records, authority, home, with_england)
    check_authority(loaded, slugs)
    return loaded, filter_records(loaded, replace(filters, authority=slugs))


def load_visits(records, authority, specs, with_england=False):
    """The visits ``specs`` name, and the records they were found among: a keyword ('latest') or a year
    within the authorities chosen (the home authority by default), an id wherever it is: read from the
    authority its id names where the id rule gives one the register knows, else from every record."""
    from .identity import authority_in_id
    from .query import is_id, resolve_visit

    loaded, slugs = load_scoped(records, authority, with_england=with_england)
    held = {r.id for r in loaded}
    named = {authority_in_id(s) for s in specs if is_id(s) and s.strip() not in held}
    if named and slugs is not None:  # (with slugs None, every record is loaded already)
        loaded = load(records, with_england, None if None in named else slugs | {n for n in named if n})
    return [resolve_visit(loaded, s, slugs) for s in specs], loaded


def one_authority(records, name, authority) -> str:
    """The slug of the one authority a command is about: the AUTHORITY argument or --authority (not both),
    else the home authority; one the records do not hold is an error naming it."""
    from .errors import UsageError
    from .query import authority_slugs, check_authority
    from .report import report_authority

    if name and authority:
        raise UsageError("name the authority once: as AUTHORITY or with --authority")
    if not authority:
        return report_authority(records, name)
    slugs = authority_slugs(authority)
    if slugs is None or len(slugs) != 1:
        many = "every authority" if slugs is None else f"{len(slugs)} authorities"
        raise UsageError(f"--authority {' '.join(authority)} names {many}; this command is about one")
    check_authority(records, slugs)
    return next(iter(slugs))
