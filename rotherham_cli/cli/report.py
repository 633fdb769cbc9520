"""Commands that make a paper: report (HTML or Markdown) and chart (the journey as SVG)."""

from __future__ import annotations

import sys
from typing import Annotated, Optional

import typer

from ..choices import ReportFormat
from ..words import count
from .app import RecordsOpt, app, err, handle_errors, load

AuthorityArg = Annotated[
    Optional[str],
    typer.Argument(metavar="AUTHORITY",
                   help="An authority by name, alias or code, current or former (default: the home authority, "
                   "$JUDGEMENTS_AUTHORITY, else Rotherham)."),
]
OutputOpt = Annotated[Optional[str], typer.Option("--output", "-o", metavar="FILE",
                                                  help="Write to FILE (atomically) instead of stdout.")]
ForceOpt = Annotated[bool, typer.Option("--force", help="Replace FILE if it exists.")]


def _build(records: Optional[str], authority: Optional[str], as_at: Optional[str] = None):
    from ..report import build_report, report_authority
    from .england import _date

    day = _date(as_at, "--as-at")
    loaded = load(records)
    return build_report(loaded, report_authority(loaded, authority), as_at=day)


def _write(output: Optional[str], data: str, force: bool) -> None:
    from ..errors import UsageError
    from ..output import is_stdout, write_atomic

    if output is None or is_stdout(output):
        if force:
            raise UsageError("--force needs --output FILE")
        sys.stdout.write(data)
        sys.stdout.flush()
        return
    write_atomic(output, data.encode("utf-8"), force=force)


@app.command(epilog="\b\nExamples:\n  judgements report --output rotherham.html\n"
             "  judgements report Barnsley --output barnsley.html\n"
             "  judgements report --format markdown --output rotherham.md   # and rotherham-journey.svg")
@handle_errors
def report(
    authority: AuthorityArg = None,
    output: OutputOpt = None,
    fmt: Annotated[ReportFormat, typer.Option("--format", "-f", help="html (one self-contained page) or "
                                              "markdown (with the chart as an SVG file beside it).")]
    = ReportFormat.html,
    force: ForceOpt = False,
    as_at: Annotated[Optional[str], typer.Option(
        "--as-at", metavar="DATE", help="The paper as at this day, YYYY-MM-DD: only what was published by then, "
        "for the authority and every other (default: the latest day in the records).")] = None,
    records: RecordsOpt = None,
) -> None:
    """A paper for a committee: the journey chart, the latest inspection against the previous one and what it
    asked for, the concerns that keep coming back, the comparison with neighbours, region and England, and every
    source, all as at one day."""
    from ..errors import UsageError

    if fmt is ReportFormat.markdown and output is None:
        raise UsageError("--format markdown writes the chart beside the file; give --output FILE.md")
    rep = _build(records, authority, as_at)
    if fmt is ReportFormat.html:
        from ..render.html import report_html

        _write(output, report_html(rep), force)
    else:
        from ..output import check_writable
        from ..render.report_md import chart_path, report_markdown
        from ..render.svg import svg_document

        chart = chart_path(output)
        for path in (output, chart):
            check_writable(path, force)
        _write(str(chart), svg_document(rep), force)
        _write(output, report_markdown(rep, chart.name), force)
        err(f"Wrote the chart to {chart}")
    if output is not None:
        visits = count(len(rep.records), 'visit')
        err(f"Wrote the report on {rep.name} ({visits}) to {output}")


@app.command(epilog="\b\nExamples:\n  judgements chart --output journey.svg\n"
             "  judgements chart Cumbria --output cumbria.svg --force")
@handle_errors
def chart(
    authority: AuthorityArg = None,
    output: OutputOpt = None,
    force: ForceOpt = False,
    records: RecordsOpt = None,
) -> None:
    """The journey chart alone, as an SVG file: one row per judgement area, every inspection on a time axis."""
    from ..render.svg import svg_document

    rep = _build(records, authority)
    _write(output, svg_document(rep), force)
    if output is not None:
        err(f"Wrote the journey chart of {rep.name} to {output}")
