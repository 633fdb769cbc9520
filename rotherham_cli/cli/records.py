"""Commands over the record set: list, show, validate, schema."""

from __future__ import annotations

from typing import Annotated

import typer

from ..choices import Format, SchemaOf, ShowFormat
from ..scope import filtered, load_visits
from ..words import count
from .app import (
    AuthorityOpt,
    EnglandOpt,
    FormatOpt,
    KindOpt,
    PublishedSinceOpt,
    PublishedUntilOpt,
    RecordsOpt,
    SinceOpt,
    UntilOpt,
    app,
    emit,
    err,
    handle_errors,
    out_text,
    screen_width,
)


@app.command("list", epilog="\b\nExamples:\n  judgements list\n  judgements list --kind graded --since 2014\n"
             "  judgements list -a all --published-since 2026-08\n"
             "  judgements list -a region:London -k focused_visit -k monitoring_visit --since 2025-09\n"
             "  judgements list --kind visits --format csv > visits.csv")
@handle_errors
def list_(
    records: RecordsOpt = None,
    authority: AuthorityOpt = None,
    kind: KindOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    published_since: PublishedSinceOpt = None,
    published_until: PublishedUntilOpt = None,
    fmt: FormatOpt = Format.table,
    with_england: EnglandOpt = False,
) -> None:
    """List every visit, oldest first: when, kind, overall grade or theme, a summary, and (in CSV, JSON and
    Markdown) the days from the end of the visit to its publication."""
    from ..export import list_rows, record_data

    _, chosen = filtered(records, authority, kind, since, until, (published_since, published_until),
                         with_england=with_england)

    def table():
        from ..render.tables import list_renderables

        return list_renderables(chosen, screen_width()) if chosen else err("No visits match.")

    emit(fmt, table=table, data=lambda: record_data(chosen), rows=lambda: list_rows(chosen))


@app.command(epilog="\b\nExamples:\n  judgements show rotherham-2017-sif-reinspection\n"
             "  judgements show barnsley-2023-ilacs-short\n"
             "  judgements show 2022\n  judgements show latest -a Leeds --format json")
@handle_errors
def show(
    visit: Annotated[str, typer.Argument(
        metavar="VISIT", help="An id (of any authority's visit), or a year, 'latest', 'previous' or 'first' of the "
        "authority --authority names.")],
    records: RecordsOpt = None,
    authority: AuthorityOpt = None,
    fmt: Annotated[ShowFormat, typer.Option("--format", "-f", help="table or json.")] = ShowFormat.table,
    with_england: EnglandOpt = False,
) -> None:
    """Show one visit in full: grades with their official wording, findings, recommendations, sources."""
    (record,), _ = load_visits(records, authority, [visit], with_england)

    def table():
        from ..render.tables import visit_detail

        return visit_detail(record)

    def data():
        from ..export import record_data

        return record_data([record])[0]

    emit(fmt, table=table, data=data)


@app.command(epilog="\b\nExamples:\n  judgements validate\n  judgements validate --records my-records/")
@handle_errors
def validate(records: RecordsOpt = None) -> None:
    """Check every record; print 'N records OK' or every problem in every file (exit 1)."""
    from ..errors import RecordProblems
    from ..loader import load_records

    result = load_records(records)
    if result.problems:
        raise RecordProblems(result.problems)
    n = len(result.records)
    out_text(f"{count(n, 'record')} OK\n")




@app.command(epilog="\b\nExamples:\n  judgements schema > record.schema.json\n"
             "  judgements schema diff > diff.schema.json")
@handle_errors
def schema(
    what: Annotated[SchemaOf, typer.Argument(
        metavar="[WHAT]", help="record (the default), or the JSON of diff, timeline or check.", show_default=False,
    )] = SchemaOf.record,
) -> None:
    """Print a JSON Schema: of a record (for editors' YAML support), or of the JSON `diff`, `timeline` or
    `check` writes with --format json (their stable interfaces)."""
    from ..render.machine import json_text
    from ..schemas import json_schema

    out_text(json_text(json_schema(what)))
