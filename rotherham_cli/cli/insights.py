"""Glue the context commands of cli/england.py hand over to: england --which and --series, compare A B,
concerns across many authorities. Imports only cli/app, so that cli/england.py may call it without a cycle."""

from __future__ import annotations

from ..scope import load
from .app import emit, screen_width


def show_latest(view, fmt) -> None:
    def table():
        from ..render.latest import latest_renderable

        return latest_renderable(view, screen_width())

    emit(fmt, table=table, data=view.to_dict, rows=view.table)


def england_which(records, which: str, area, day, published_by, fmt) -> None:
    """`england --which GRADE`: the authorities behind one count of England's table (``records``: loaded)."""
    from ..latest import latest_view
    from ..latest import which as choose

    view = latest_view(records, day, None, published_by)
    show_latest(choose(view, which, area), fmt)


def concerns_across_many(records, authority, since, until, fmt, with_england: bool = False) -> None:
    """`concerns -a region:NAME|all [--since YEAR]`: the themes most raised across many authorities."""
    from ..latest import members
    from ..query import authority_slugs, home_authority
    from ..recurring import concerns_across

    authority = authority or [home_authority()]
    scope, chosen = members(authority, None, former=True)
    slugs = None if authority_slugs(authority) is None else frozenset(a.slug for a in chosen)
    view = concerns_across(load(records, with_england, slugs), scope, slugs, since, until)

    def table():
        from ..render.recurring import concerns_across_renderable

        return concerns_across_renderable(view)

    emit(fmt, table=table, data=view.to_dict, rows=view.rows)


def wants_many(authority, since, until) -> bool:
    """Whether `concerns` is asked about many authorities or a period (the view across authorities) rather
    than one authority's recurring findings."""
    if since is not None or until is not None:
        return True
    specs = authority or []
    return len(specs) > 1 or any(":" in s or s.strip().casefold() == "all" for s in specs)


def compare_pair(records, first, second, day, fmt, with_england: bool = False) -> None:
    """`compare A B`: two named authorities side by side."""
    from ..pair import pair_view
    from ..report import report_authority

    loaded = load(records, with_england)
    view = pair_view(loaded, report_authority(loaded, first), report_authority(loaded, second), day)

    def table():
        from ..render.pair import pair_renderable

        return pair_renderable(view)

    emit(fmt, table=table, data=view.to_dict, rows=view.rows)


def england_series(records, area, day, fmt) -> None:
    """`england --series`: England at every 31 March up to the day (``records``: loaded)."""
    from ..series import series

    found = series(records, area, day)

    def table():
        from ..render.series import series_renderable

        return series_renderable(found)

    emit(fmt, table=table, data=found.to_dict, rows=found.rows)
