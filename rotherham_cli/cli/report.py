"""Commands that make a paper: report (HTML or Markdown) and chart (the journey as SVG)."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from ..choices import ReportFormat
from ..scope import load, one_authority
from ..words import count
from .app import EnglandOpt, OneAuthorityOpt, RecordsOpt, app, err, handle_errors

AuthorityArg = Annotated[
    Optional[str],
    typer.Argument(metavar="AUTHORITY",
                   help="An authority by name, alias or code, current or former (default: the home authority, "
                   "$JUDGEMENTS_AUTHORITY, else Rotherham)."),
]
OutputOpt = Annotated[Optional[str], typer.Option("--output", "-o", metavar="FILE",
                                                  help="Write to FILE (atomically) instead of stdout.")]
ForceOpt = Annotated[bool, typer.Option("--force", help="Replace FILE if it exists.")]


def _build(records: Optional[str], name: Optional[str], authority, as_at: Optional[str] = None,
           with_england: bool = False):
    from ..report import build_report
    from .england import _date

    day = _date(as_at, "--as-at")
    loaded = load(records, with_england)
    return build_report(loaded, one_authority(loaded, name, authority), as_at=day)


def _write(documents: list[tuple[Optional[str], str]], force: bool) -> None:
    """Each (path, text) to its file (None: stdout), every path checked before the first is written."""
    from ..output import check_writable, write_atomic
    from ..stdout import write_stdout

    for path, _ in reversed(documents):  # the file asked for first, then what goes beside it
        if path is not None:
            check_writable(path, force)
    for path, text in documents:
        if path is None:
            write_stdout(text)  # all of it, or one line and exit 1
        else:
            write_atomic(path, text.encode("utf-8"), force=force)


@app.command(epilog="\b\nExamples:\n  judgements report --output rotherham.html\n"
             "  judgements report Barnsley --output barnsley.html\n"
             "  judgements report -a Leeds --output leeds.html\n"
             "  judgements report --format markdown --output rotherham.md   # and rotherham-journey.svg\n"
             "  judgements report Rutland --records my-records --with-england --output rutland.html")
@handle_errors
def report(
    name: AuthorityArg = None,
    authority: OneAuthorityOpt = None,
    output: OutputOpt = None,
    fmt: Annotated[ReportFormat, typer.Option("--format", "-f", help="html (one self-contained page) or "
                                              "markdown (with the chart as an SVG file beside it).")]
    = ReportFormat.html,
    force: ForceOpt = False,
    as_at: Annotated[Optional[str], typer.Option(
        "--as-at", metavar="DATE", help="The paper as at this day, YYYY-MM-DD: only what was published by then, "
        "for the authority and every other (default: the latest day in the records).")] = None,
    records: RecordsOpt = None,
    with_england: EnglandOpt = False,
) -> None:
    """A paper for a committee: the journey chart, the latest inspection against the previous one and what it
    asked for, the area's last SEND inspection, the concerns that keep coming back, the comparison with
    neighbours, region and England, and every source, all as at one day."""
    from ..render.paper import report_documents
    from ..writing import paper_output

    output = paper_output(fmt, output, force)
    rep = _build(records, name, authority, as_at, with_england)
    documents = report_documents(rep, fmt, output)
    _write(documents, force)
    for path, _ in documents[:-1]:
        err(f"Wrote the chart to {path}")
    if output is not None:
        err(f"Wrote the report on {rep.name} ({count(len(rep.records), 'visit')}) to {output}")


@app.command(epilog="\b\nExamples:\n  judgements chart --output journey.svg\n"
             "  judgements chart Cumbria --output cumbria.svg --force\n"
             "  judgements chart -a Doncaster --output doncaster.svg")
@handle_errors
def chart(
    name: AuthorityArg = None,
    authority: OneAuthorityOpt = None,
    output: OutputOpt = None,
    force: ForceOpt = False,
    records: RecordsOpt = None,
    with_england: EnglandOpt = False,
) -> None:
    """The journey chart alone, as an SVG file: one row per judgement area, every inspection on a time axis."""
    from ..render.svg import svg_document
    from ..writing import paper_output

    output = paper_output(None, output, force)
    rep = _build(records, name, authority, with_england=with_england)
    _write([(output, svg_document(rep))], force)
    if output is not None:
        err(f"Wrote the journey chart of {rep.name} to {output}")
