"""Bringing records in and checking them: import-report, import-official, check."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from ..choices import Format
from .app import (
    EXIT_DATA,
    AuthorityOpt,
    RecordsOpt,
    app,
    err,
    handle_errors,
    load,
    out_text,
    print_rows,
    show_rich,
)


@app.command("import-report", epilog="\b\nExamples:\n  judgements import-report report.pdf\n"
             "  judgements import-report report.pdf --output records/leeds-2024-ilacs-standard.yaml")
@handle_errors
def import_report(
    report: Annotated[
        str, typer.Argument(metavar="REPORT.pdf", help="An Ofsted report on an authority's children's services.")
    ],
    output: Annotated[Optional[str], typer.Option("--output", "-o", metavar="FILE",
                                                  help="Write the draft to FILE instead of stdout.")] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace FILE if it exists.")] = False,
) -> None:
    """Read an Ofsted inspection report (PDF) into a draft record; list on stderr what it could not find."""
    from pathlib import Path

    from ..errors import UsageError
    from ..pdfimport import import_report as read
    from ..recordyaml import dump_record

    if force and output is None:
        raise UsageError("--force needs --output FILE")
    imported = read(report)
    data = dict(imported.data)
    if output is not None and data.get("id") != Path(output).stem:
        err(f"Note: id set to '{Path(output).stem}' to match the file name (the report suggests '{data.get('id')}')")
        data["id"] = Path(output).stem
    text = dump_record(data)
    for line in imported.missing:
        err(f"Not found in the report: {line}")
    if output is None:
        out_text(text)
    else:
        from ..output import write_atomic

        write_atomic(output, text.encode("utf-8"), force=force)
        err(f"Wrote the draft to {output}; add what is missing, then run 'judgements validate'")


@app.command("import-official", epilog="\b\nExamples:\n"
             "  judgements import-official LA_Inspection_Outcomes_as_at_31_March_2025.ods --output all/\n"
             "  judgements import-official outcomes.ods --output leeds/ --authority Leeds\n"
             "  judgements list --records all/ --authority 'Barnsley'")
@handle_errors
def import_official(
    release: Annotated[str, typer.Argument(metavar="FILE.ods", help="An Ofsted official statistics release.")],
    output: Annotated[str, typer.Option("--output", "-o", metavar="DIR", help="Folder to write records into.")],
    authority: AuthorityOpt = None,
) -> None:
    """Merge every graded inspection and in-year visit of an official release into a record set.

    A visit already in DIR is completed, never duplicated; a fact the release gives otherwise than a
    record is reported and kept in the record's notes, never overwritten.
    """
    from ..official import read_release, to_records
    from ..recordset import merge_into
    from ..render.merging import merge_lines

    rel = read_release(release)
    records = to_records(rel, authority)
    for warning in rel.warnings:
        err(f"Note: {warning}")
    for problem in records.problems:
        err(f"Note: {problem}")
    result = merge_into(output, records)
    for line in merge_lines(result, output, f"'{rel.title}' ({rel.published})"):
        err(line)
    if result.problems:
        raise typer.Exit(EXIT_DATA)


@app.command(epilog="\b\nExamples:\n  judgements check --against LA_Inspection_Outcomes_as_at_31_March_2025.ods\n"
             "  judgements check --against underlying_data_2023.ods --format json")
@handle_errors
def check(
    against: Annotated[
        str, typer.Option("--against", metavar="FILE.ods", help="The official release to check against.")
    ],
    records: RecordsOpt = None,
    authority: AuthorityOpt = None,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="table, json, csv or markdown.")] = Format.table,
) -> None:
    """Cross-check the records' graded inspections against Ofsted's official statistics (exit 1 on any disagreement)."""
    from ..official import CHECK_HEADER, check_rows, read_release
    from ..official import check as compare

    loaded = load(records)
    rel = read_release(against)
    found = compare(loaded, rel, authority)
    header, rows = CHECK_HEADER, check_rows(found)
    if fmt is Format.json:
        from ..render.machine import json_text

        out_text(json_text([dict(zip(header, row, strict=True)) for row in rows]))
    elif fmt is Format.table:
        if found:
            from rich.text import Text

            from ..render.tables import rows_table

            brief = [[row[0], row[3] or row[2], row[4] or "—", row[5] or "—", row[6] or "—"] for row in rows]
            details = [Text(f"{row[3] or row[2]}: {row[7]}", style="dim") for row in rows if row[7]]
            show_rich(rows_table(["disagreement", "visit", "area", "official", "record"], brief), *details)
    else:
        print_rows(fmt, header, rows)
    checked = 1 if authority else len({r.authority.name for r in loaded})
    if found:
        err(f"{len(found)} disagreement{'s' * (len(found) != 1)} with '{rel.title}' ({rel.published})")
        raise typer.Exit(EXIT_DATA)
    err(f"No disagreements: the records of {checked} authorit{'ies' if checked != 1 else 'y'} agree with "
        f"'{rel.title}' ({rel.published})")
