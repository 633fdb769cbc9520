"""Commands that compare visits: diff and timeline."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from ..choices import DiffFormat, Format
from ..scope import filtered, load_visits
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
    handle_errors,
    screen_width,
)


@app.command(epilog="\b\nExamples:\n  judgements diff                # previous graded inspection vs the latest\n"
             "  judgements diff 2014 2017\n  judgements diff -a Doncaster\n"
             "  judgements diff rotherham-2019-03-focused-visit latest --format json")
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
    from ..diff import check_pair, pair_specs
    from ..diff import diff as make_diff

    (a, b), loaded = load_visits(records, authority, pair_specs(visit_a, visit_b), with_england)
    check_pair(a, b)
    d = make_diff(a, b, loaded)

    def table():
        from ..render.changes import diff_renderable

        return diff_renderable(d, screen_width())

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
        from ..render.changes import timeline_renderables

        if not t.columns:
            err("No graded inspections match.")
            return None
        return timeline_renderables(t, screen_width())

    emit(fmt, table=table, data=t.to_dict, rows=t.rows)
