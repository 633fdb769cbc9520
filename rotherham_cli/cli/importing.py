"""Bringing records in and checking them: import-report, import-official, check."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from ..choices import Format
from ..scope import load
from .app import (
    EXIT_DATA,
    EnglandOpt,
    EveryAuthorityOpt,
    RecordsOpt,
    app,
    emit,
    err,
    handle_errors,
    out_text,
)


@app.command("import-report", epilog="\b\nExamples:\n  judgements import-report report.pdf\n"
             "  judgements import-report leeds-2025-08-12.pdf --output leeds-2025-ilacs-short.yaml\n"
             "  judgements import-report reports/*.pdf --output my-records/\n"
             "  judgements import-report reports/ --output my-records/")
@handle_errors
def import_report(
    reports: Annotated[
        list[str], typer.Argument(metavar="REPORT.pdf...",
                                  help="Ofsted reports on an authority's children's services, or folders of them.")
    ],
    output: Annotated[Optional[str], typer.Option(
        "--output", "-o", metavar="FILE|DIR",
        help="FILE.yaml: write the one draft there (named by its id). DIR: merge every report into the "
        "record set there. Default: print the one draft on stdout.")] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace FILE if it exists.")] = False,
    records: Annotated[Optional[str], typer.Option(
        "--records", metavar="DIR", help="The record set a report's unprinted publication date and kind are "
        "taken from (default: $JUDGEMENTS_RECORDS, else the shipped national set; an empty folder: none).")]
    = None,
) -> None:
    """Read Ofsted inspection reports (PDF) into draft records, or merge them into a record set.

    What a report does not give is listed on stderr. Into a folder, each report is merged by the
    identity rule: a visit already there is completed, a fact it gives otherwise is reported.
    """
    from ..drafts import completing_set, import_plan, one_draft

    plan = import_plan(reports, output, force)
    if plan.to_folder and plan.output is not None:  # a folder is always named
        _merge_reports(plan.files, plan.output, *completing_set(records))
        return
    text, missing = one_draft(plan, records, force)
    for line in missing:
        err(f"Not found in the report: {line}")
    if plan.output is None:
        return out_text(text)
    from ..output import write_atomic

    write_atomic(plan.output, text.encode("utf-8"), force=force)
    err(f"Wrote the draft to {plan.output}; add what is missing, then run 'judgements validate'")


def _merge_reports(files, output: str, lookup=None, where: str = "") -> None:
    import sys

    from ..draftfill import draft_record
    from ..errors import JudgementsError
    from ..recordset import merge_into
    from ..render.machine import printable
    from ..render.merging import merge_lines

    drafts, failed = [], []
    for n, path in enumerate(files, 1):
        if sys.stderr.isatty():
            sys.stderr.write(f"\rReading {n} of {len(files)}: {printable(path.name, one_line=True)[:50]:<50}")
            sys.stderr.flush()
        try:
            drafts.append(draft_record(path, lookup, where))
        except JudgementsError as exc:
            failed.append(str(exc))
    if sys.stderr.isatty():
        sys.stderr.write("\r" + " " * 80 + "\r")
    for line in failed:
        err(f"Failed: {line}")
    result = merge_into(output, drafts)
    read = f"{len(drafts)} of {len(files)} reports read" + (f" ({len(failed)} failed, above)" if failed else "")
    for line in merge_lines(result, output, read):
        err(line)
    if failed or result.problems:
        raise typer.Exit(EXIT_DATA)


@app.command("import-official", epilog="\b\nExamples:\n"
             "  judgements import-official LA_Inspection_Outcomes_as_at_31_March_2025.ods --output all/\n"
             "  judgements import-official outcomes.ods --output leeds/ --authority Leeds\n"
             "  judgements list --records all/ --authority 'Barnsley'")
@handle_errors
def import_official(
    release: Annotated[str, typer.Argument(metavar="FILE.ods", help="An Ofsted official statistics release.")],
    output: Annotated[str, typer.Option("--output", "-o", metavar="DIR", help="Folder to write records into.")],
    authority: EveryAuthorityOpt = None,
) -> None:
    """Merge every graded inspection and in-year visit of an official release into a record set.

    A visit already in DIR is completed, never duplicated; a fact the release gives otherwise than a
    record is reported and kept in the record's notes, never overwritten.
    """
    from ..query import authority_slugs
    from ..recordset import merge_into
    from ..releases import release_records
    from ..render.merging import merge_lines

    got = release_records(release, authority_slugs(authority))
    result = merge_into(output, got.records)
    for line in [*got.notes, *merge_lines(result, output, got.source)]:
        err(line)
    if result.problems:
        raise typer.Exit(EXIT_DATA)


@app.command(epilog="\b\nExamples:\n  judgements check --against LA_Inspection_Outcomes_as_at_31_March_2025.ods\n"
             "  judgements check --against underlying_data_2023.ods -a Rotherham --format json")
@handle_errors
def check(
    against: Annotated[
        str, typer.Option("--against", metavar="FILE.ods", help="The official release to check against.")
    ],
    records: RecordsOpt = None,
    authority: EveryAuthorityOpt = None,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="table, json, csv or markdown.")] = Format.table,
    with_england: EnglandOpt = False,
) -> None:
    """Cross-check the records' graded inspections against Ofsted's official statistics (exit 1 on any
    disagreement). The verdict goes to stderr, so the JSON, CSV or Markdown on stdout stays clean."""
    from ..official import CHECK_HEADER, check_json, check_rows
    from ..query import authority_slugs
    from ..releases import check_against

    slugs = authority_slugs(authority)
    done = check_against(load(records, with_england, slugs), against, slugs)
    for line in done.notes():
        err(line)

    def table():
        from ..render.tables import check_renderables

        return check_renderables(done.found) if done.found else None

    emit(fmt, table=table, data=lambda: check_json(done.found), rows=lambda: (CHECK_HEADER, check_rows(done.found)))
    err(done.verdict())
    if done.found:
        raise typer.Exit(EXIT_DATA)
