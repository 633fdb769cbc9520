"""judgements export: CSV, JSON and Markdown, written safely."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from ..choices import ExportFormat, Layout
from ..scope import filtered
from ..words import count
from .app import (
    EnglandOpt,
    EveryAuthorityOpt,
    KindOpt,
    PublishedSinceOpt,
    PublishedUntilOpt,
    RecordsOpt,
    SinceOpt,
    UntilOpt,
    app,
    err,
    handle_errors,
    out_bytes,
)


@app.command(epilog="\b\nExamples:\n  judgements export > judgements.csv\n"
             "  judgements export --layout wide --output grades.csv --bom\n"
             "  judgements export --format json --kind graded\n"
             "  judgements export --layout ofsted --output history.csv --force\n"
             "  judgements export --published-since 2026-08 --kind graded\n"
             "  judgements export -a Rotherham --format sqlite --output rotherham.db")
@handle_errors
def export(
    fmt: Annotated[ExportFormat, typer.Option("--format", "-f", help="csv, json, markdown or sqlite (a database "
                                              "of visits, judgements, findings, sources and authorities).")]
    = ExportFormat.csv,
    layout: Annotated[
        Optional[Layout],
        typer.Option("--layout", "-l", help="long (one row per judgement; CSV default), wide (one row per "
                     "visit; Markdown default) or ofsted (Ofsted's ILACS history table)."),
    ] = None,
    output: Annotated[Optional[str], typer.Option(
        "--output", "-o", metavar="FILE", help="Write to FILE (atomically) instead of stdout ('-': stdout).")] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace FILE if it exists.")] = False,
    bom: Annotated[bool, typer.Option("--bom", help="Start CSV with a UTF-8 byte-order mark (for Excel).")] = False,
    records: RecordsOpt = None,
    authority: EveryAuthorityOpt = None,
    kind: KindOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    published_since: PublishedSinceOpt = None,
    published_until: PublishedUntilOpt = None,
    with_england: EnglandOpt = False,
) -> None:
    """Export visits as CSV, JSON, Markdown or an SQLite database, to stdout or safely to a file."""
    from ..render.exported import export_chunks
    from ..writing import export_plan

    plan = export_plan(fmt, layout, output, bom, force)
    _, chosen = filtered(records, authority, kind, since, until, (published_since, published_until), home=False,
                         with_england=with_england)
    chunks = export_chunks(chosen, plan)
    if plan.output is None:
        for chunk in chunks:
            out_bytes(chunk)
        return
    from ..output import write_atomic

    err(f"Wrote {count(len(chosen), 'visit')} to {write_atomic(plan.output, chunks, force=force)}")
