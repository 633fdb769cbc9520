"""judgements export: CSV, JSON and Markdown, written safely."""

from __future__ import annotations

import sys
from typing import Annotated, Optional

import typer

from ..choices import ExportFormat, Layout
from ..words import count
from .app import (
    AuthorityOpt,
    EnglandOpt,
    KindOpt,
    RecordsOpt,
    SinceOpt,
    UntilOpt,
    app,
    err,
    filtered,
    handle_errors,
)


@app.command(epilog="\b\nExamples:\n  judgements export > judgements.csv\n"
             "  judgements export --layout wide --output grades.csv --bom\n"
             "  judgements export --format json --kind graded\n"
             "  judgements export --layout ofsted --output history.csv --force\n"
             "  judgements export -a all --format sqlite --output england.db")
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
    authority: AuthorityOpt = None,
    kind: KindOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    with_england: EnglandOpt = False,
) -> None:
    """Export visits as CSV, JSON, Markdown or an SQLite database, to stdout or safely to a file."""
    from ..errors import UsageError
    from ..export import layout_rows, record_data, report_rows
    from ..output import is_stdout
    from ..render import machine

    if is_stdout(output):
        output = None

    if fmt in (ExportFormat.json, ExportFormat.sqlite) and layout is not None:
        raise UsageError(f"--layout applies to csv and markdown; {fmt.value} always holds full records")
    if fmt is ExportFormat.sqlite and output is None:
        raise UsageError("--format sqlite writes a database file; give --output FILE")
    if bom and fmt is not ExportFormat.csv:
        raise UsageError("--bom applies to CSV only")
    if force and output is None:
        raise UsageError("--force needs --output FILE")
    _, chosen = filtered(records, authority, kind, since, until, home=False, with_england=with_england)
    if fmt is ExportFormat.json:
        data = machine.json_text(record_data(chosen)).encode("utf-8")
    elif fmt is ExportFormat.sqlite:
        from ..database import database_bytes

        data = database_bytes(chosen)
    elif fmt is ExportFormat.csv:
        data = machine.csv_bytes(*layout_rows(chosen, (layout or Layout.long).value), bom=bom)
    else:
        data = machine.markdown_text(*report_rows(chosen, (layout or Layout.wide).value)).encode("utf-8")
    if output is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    from ..output import write_atomic

    path = write_atomic(output, data, force=force)
    err(f"Wrote {count(len(chosen), 'visit')} to {path}")
