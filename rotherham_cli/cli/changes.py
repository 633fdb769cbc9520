"""Commands that compare visits: diff and timeline."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from ..choices import DiffFormat, Format
from .app import (
    AuthorityOpt,
    EnglandOpt,
    FormatOpt,
    RecordsOpt,
    SinceOpt,
    UntilOpt,
    app,
    emit,
    err,
    filtered,
    handle_errors,
    load_scoped,
)


@app.command(epilog="\b\nExamples:\n  judgements diff                # previous graded inspection vs the latest\n"
             "  judgements diff 2014 2017\n  judgements diff rotherham-2019-03-focused-visit latest --format json")
@handle_errors
def diff(
    visit_a: Annotated[
        Optional[str], typer.Argument(metavar="[A]", help="The earlier visit (default: previous).")
    ] = None,
    visit_b: Annotated[Optional[str], typer.Argument(metavar="[B]", help="The later visit (default: latest).")] = None,
    records: RecordsOpt = None,
    authority: AuthorityOpt = None,
    fmt: Annotated[DiffFormat, typer.Option("--format", "-f", help="table, json or markdown.")] = DiffFormat.table,
    with_england: EnglandOpt = False,
) -> None:
    """Compare two visits: each area's grade and change, themes of concern, visits between."""
    from ..diff import check_pair
    from ..diff import diff as make_diff
    from ..errors import UsageError
    from ..query import resolve_visit

    if visit_a is not None and visit_b is None:
        raise UsageError("give two visits, or none to compare 'previous' with 'latest'")
    loaded, slugs = load_scoped(records, authority, with_england=with_england)
    a = resolve_visit(loaded, visit_a or "previous", slugs)
    b = resolve_visit(loaded, visit_b or "latest", slugs)
    check_pair(a, b)
    d = make_diff(a, b, loaded)

    def table():
        from ..render.tables import diff_renderable

        return diff_renderable(d)

    emit(fmt, table=table, data=d.to_dict, rows=d.rows)


@app.command(epilog="\b\nExamples:\n  judgements timeline\n  judgements timeline --since 2014\n"
             "  judgements timeline --format csv > timeline.csv")
@handle_errors
def timeline(
    records: RecordsOpt = None,
    authority: AuthorityOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    fmt: FormatOpt = Format.table,
    with_england: EnglandOpt = False,
) -> None:
    """The journey on one screen: grades by area across every graded inspection, with changes marked."""
    from ..timeline import build_timeline

    _, chosen = filtered(records, authority, None, since, until, with_england=with_england)
    t = build_timeline(chosen)

    def table():
        from ..render.tables import timeline_footer, timeline_table

        if not t.columns:
            err("No graded inspections match.")
            return None
        footer = timeline_footer(t)
        return (timeline_table(t), *([footer] if footer is not None else []))

    emit(fmt, table=table, data=t.to_dict, rows=t.rows)
