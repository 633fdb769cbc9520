"""The names behind the counts: latest (Ofsted's headline table) and `england --which`."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from ..choices import Format
from .app import AuthorityOpt, EnglandOpt, FormatOpt, RecordsOpt, app, emit, handle_errors, load
from .england import AsAtOpt, PublishedByOpt, _date, _today

SortOpt = Annotated[Optional[str], typer.Option(
    "--sort", metavar="COLUMN", help="authority (default), region, inspected, published, or a judgement such as "
    "overall_effectiveness (outstanding first); a leading '-' reverses: --sort=-inspected.")]
WhichOpt = Annotated[Optional[str], typer.Option(
    "--which", metavar="GRADE", help="List the authorities behind one count of --area: inadequate, "
    "requires-improvement, good, outstanding, not-graded or not-inspected.")]


def _show(view, fmt) -> None:
    def table():
        from ..render.latest import latest_renderable

        return latest_renderable(view)

    emit(fmt, table=table, data=view.to_dict, rows=view.table)


@app.command(epilog="\b\nExamples:\n  judgements latest -a all\n  judgements latest -a region:London --sort "
             "overall_effectiveness\n  judgements latest -a all --as-at 2025-03-31 --format csv > latest.csv")
@handle_errors
def latest(
    authority: AuthorityOpt = None,
    as_at: AsAtOpt = None,
    published_by: PublishedByOpt = None,
    sort: SortOpt = None,
    records: RecordsOpt = None,
    fmt: FormatOpt = Format.table,
    with_england: EnglandOpt = False,
) -> None:
    """Ofsted's headline table: one row per authority (those that existed on the day; -a all by default,
    or a region or names), its latest SIF or ILACS inspection held by then, the day, and each judgement,
    as `england` counts them."""
    from ..latest import latest_view, sort_rows

    day = _date(as_at, "--as-at") or _today()
    view = latest_view(load(records, with_england), day, authority, _date(published_by, "--published-by"))
    _show(sort_rows(view, sort or "authority"), fmt)


def england_which(records, which: str, area, day, published_by, fmt, with_england: bool = False) -> None:
    """`england --which GRADE`: the authorities behind one count of England's table."""
    from ..latest import latest_view
    from ..latest import which as choose

    view = latest_view(load(records, with_england), day, None, published_by)
    _show(choose(view, which, area), fmt)


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


def england_series(records, area, day, fmt, with_england: bool = False) -> None:
    """`england --series`: England at every 31 March up to the day."""
    from ..series import series

    found = series(load(records, with_england), area, day)

    def table():
        from ..render.series import series_renderable

        return series_renderable(found)

    emit(fmt, table=table, data=found.to_dict, rows=found.rows)
