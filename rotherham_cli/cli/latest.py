"""The names behind the counts: the `latest` command (Ofsted's headline table)."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from ..choices import Format
from ..scope import load
from .app import AuthorityOpt, EnglandOpt, FormatOpt, RecordsOpt, app, handle_errors
from .england import PublishedByOpt, _date
from .insights import show_latest

SortOpt = Annotated[Optional[str], typer.Option(
    "--sort", metavar="COLUMN", help="authority (default), region, inspected, published, or a judgement such as "
    "overall_effectiveness (outstanding first); a leading '-' reverses: --sort=-inspected.")]


@app.command(epilog="\b\nExamples:\n  judgements latest -a all\n  judgements latest -a region:London --sort "
             "overall_effectiveness\n  judgements latest -a all --as-at 2025-03-31 --format csv > latest.csv")
@handle_errors
def latest(
    authority: AuthorityOpt = None,
    as_at: Annotated[Optional[str], typer.Option(
        "--as-at", metavar="DATE", help="Each authority's latest inspection held by this day, YYYY-MM-DD (default: "
        "the latest publication the records hold).")] = None,
    published_by: PublishedByOpt = None,
    sort: SortOpt = None,
    records: RecordsOpt = None,
    fmt: FormatOpt = Format.table,
    with_england: EnglandOpt = False,
) -> None:
    """Ofsted's headline table: one row per authority (those that existed on the day; -a all by default,
    or a region or names), its latest SIF or ILACS inspection held by then, the day, and each judgement,
    as `england` counts them."""
    from ..england import latest_day
    from ..latest import latest_view, sort_rows

    loaded = load(records, with_england)
    day = _date(as_at, "--as-at") or latest_day(loaded)  # as england: the latest publication the records hold
    view = latest_view(loaded, day, authority, _date(published_by, "--published-by"))
    show_latest(sort_rows(view, sort or "authority"), fmt)
