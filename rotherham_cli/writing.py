"""How the options of a command that writes go together (export, report, chart): checked before any
record is read, each wrong pairing a UsageError in one line. No printing, no Typer."""

from __future__ import annotations

from dataclasses import dataclass

from .choices import ExportFormat, Layout, ReportFormat
from .errors import UsageError
from .output import is_stdout


@dataclass(frozen=True)
class ExportPlan:
    """What `export` writes: the format, the layout of its rows, and where (None: standard output)."""

    fmt: ExportFormat
    layout: Layout | None
    output: str | None
    bom: bool
    force: bool


def export_plan(fmt: ExportFormat, layout: Layout | None, output: str | None, bom: bool, force: bool) -> ExportPlan:
    """The export the options ask for; '-' as the output is standard output. CSV is long by default and
    Markdown wide; JSON and SQLite always hold full records."""
    output = None if is_stdout(output) else output
    if fmt in (ExportFormat.json, ExportFormat.sqlite) and layout is not None:
        raise UsageError(f"--layout applies to csv and markdown; {fmt.value} always holds full records")
    if fmt is ExportFormat.sqlite and output is None:
        raise UsageError("--format sqlite writes a database file; give --output FILE")
    if bom and fmt is not ExportFormat.csv:
        raise UsageError("--bom applies to CSV only")
    if force and output is None:
        raise UsageError("--force needs --output FILE")
    if layout is None and fmt in (ExportFormat.csv, ExportFormat.markdown):
        layout = Layout.long if fmt is ExportFormat.csv else Layout.wide
    return ExportPlan(fmt, layout, output, bom, force)


def paper_output(fmt: ReportFormat | None, output: str | None, force: bool) -> str | None:
    """Where `report` or `chart` writes (None: standard output; Markdown then carries its chart inline);
    --force needs a file to replace."""
    output = None if is_stdout(output) else output
    if force and output is None:
        raise UsageError("--force needs --output FILE")
    return output
