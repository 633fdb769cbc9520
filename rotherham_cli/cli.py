"""The `judgements` command: thin wiring from options to the core and the renderers.

Heavy modules (pydantic, rich, the records) are imported inside the commands, so that
`--version`, `--help` and shell completion stay instant.

Exit codes: 0 success, 1 bad or missing data, 2 wrong usage, 130 interrupted.
"""

from __future__ import annotations

import functools
import os
import sys
from typing import Annotated, Optional

import typer

from . import __version__
from .choices import Format, Layout

EXIT_DATA, EXIT_USAGE, EXIT_INTERRUPTED = 1, 2, 130
DEBUG_ENV = "JUDGEMENTS_DEBUG"

app = typer.Typer(
    name="judgements",
    help=(
        "Track Ofsted's judgements on a local authority's children's services: every visit, "
        "graded or not, with its findings and sources, and what changed between two of them."
        "\n\nThe shipped records cover Rotherham; --records DIR or $JUDGEMENTS_RECORDS point "
        "at another record set."
    ),
    epilog=(
        "\b\nExamples:\n"
        "  judgements list\n"
        "  judgements show rotherham-2014-sif-inspection\n"
        "  judgements diff 2014 2017\n"
        "  judgements timeline\n"
        "  judgements export --format csv --output judgements.csv"
    ),
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)


# ---------------------------------------------------------------------------------------------
# Output and errors
# ---------------------------------------------------------------------------------------------


def screen_width() -> int:
    from rich.console import Console

    return Console().width


def show_rich(*renderables) -> None:
    """Print Rich renderables on stdout, without the trailing spaces Rich pads lines with."""
    import io
    import re

    from rich.console import Console

    screen = Console(highlight=False)
    buf = io.StringIO()
    console = Console(
        file=buf, width=screen.width, color_system=screen.color_system, force_terminal=screen.is_terminal,
        no_color=screen.no_color, highlight=False, emoji=False, legacy_windows=False,
    )
    from rich.text import Text

    for renderable in renderables:
        # A one-line-per-row Text table overflows a narrow screen rather than folding its rows.
        console.print(renderable, soft_wrap=isinstance(renderable, Text))
    trailing = re.compile(r" +((?:\x1b\[[0-9;]*m)*)$", re.MULTILINE)
    out_text(trailing.sub(r"\1", buf.getvalue()))


def err(message: str) -> None:
    """One line on stderr. Never markup, never a traceback."""
    from .render.machine import printable

    sys.stderr.write(printable(message) + "\n")


def out_text(text: str) -> None:
    sys.stdout.write(text)
    sys.stdout.flush()


def handle_errors(func):
    """Turn the project's errors into one line each and a stable exit code."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        from .errors import JudgementsError, RecordProblems

        try:
            return func(*args, **kwargs)
        except RecordProblems as exc:
            for problem in exc.problems:
                err(str(problem))
            files = len({p.file for p in exc.problems})
            err(f"{len(exc.problems)} problem{'s' * (len(exc.problems) != 1)} in {files} file{'s' * (files != 1)}")
            raise typer.Exit(EXIT_DATA) from None
        except JudgementsError as exc:
            err(f"Error: {exc}")
            raise typer.Exit(exc.exit_code) from None
        except KeyboardInterrupt:
            err("Interrupted.")
            raise typer.Exit(EXIT_INTERRUPTED) from None
        except BrokenPipeError:
            # The reader went away (e.g. `| head`): stop quietly.
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            raise typer.Exit(0) from None
        except typer.Exit:
            raise
        except Exception as exc:
            if os.environ.get(DEBUG_ENV):
                raise
            err(f"Error: unexpected {type(exc).__name__}: {exc} (set {DEBUG_ENV}=1 for the full traceback)")
            raise typer.Exit(EXIT_DATA) from None

    return wrapper


def _version(value: bool) -> None:
    if value:
        out_text(f"judgements {__version__}\n")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        Optional[bool],
        typer.Option("--version", "-V", callback=_version, is_eager=True, help="Show the version and exit."),
    ] = None,
) -> None:
    pass


# ---------------------------------------------------------------------------------------------
# Shared options
# ---------------------------------------------------------------------------------------------

RecordsOpt = Annotated[
    Optional[str],
    typer.Option(
        "--records", metavar="DIR",
        help="Folder of record files (default: $JUDGEMENTS_RECORDS, else the shipped records).",
    ),
]
AuthorityOpt = Annotated[
    Optional[str], typer.Option("--authority", "-a", metavar="NAME", help="Only this authority (name or ONS code).")
]
KindOpt = Annotated[
    Optional[str],
    typer.Option("--kind", "-k", metavar="KIND",
                 help="'graded', 'visits' (ungraded) or a kind such as focused_visit, sif_inspection."),
]
SinceOpt = Annotated[Optional[int], typer.Option("--since", metavar="YEAR", help="From this year on.")]
UntilOpt = Annotated[Optional[int], typer.Option("--until", metavar="YEAR", help="Up to this year.")]


def _load(records: Optional[str]):
    from .loader import load_valid

    return load_valid(records)


def _filtered(records, authority, kind=None, since=None, until=None):
    from .query import check_authority, filter_records

    loaded = _load(records)
    check_authority(loaded, authority)
    return loaded, filter_records(loaded, authority, kind, since, until)


def _print_rows(fmt: Format, header, rows) -> None:
    from .render import machine

    if fmt is Format.csv:
        out_text(machine.csv_text(header, rows))
    elif fmt is Format.markdown:
        out_text(machine.markdown_text(header, rows))
    else:  # pragma: no cover - callers handle table and json
        raise AssertionError(fmt)


# ---------------------------------------------------------------------------------------------
# Commands
# ---------------------------------------------------------------------------------------------


@app.command("list", epilog="\b\nExamples:\n  judgements list\n  judgements list --kind graded --since 2014\n"
             "  judgements list --kind visits --format csv > visits.csv")
@handle_errors
def list_(
    records: RecordsOpt = None,
    authority: AuthorityOpt = None,
    kind: KindOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.table,
) -> None:
    """List every visit, oldest first: when, kind, overall grade or visit theme, and a summary."""
    from .export import list_rows, record_data

    _, chosen = _filtered(records, authority, kind, since, until)
    if fmt is Format.table:
        from .render.tables import list_table

        if not chosen:
            err("No visits match.")
            return
        show_rich(list_table(chosen, screen_width()))
    elif fmt is Format.json:
        from .render.machine import json_text

        out_text(json_text(record_data(chosen)))
    else:
        _print_rows(fmt, *list_rows(chosen))


@app.command(epilog="\b\nExamples:\n  judgements show rotherham-2017-sif-reinspection\n"
             "  judgements show 2022\n  judgements show latest --format json")
@handle_errors
def show(
    visit: Annotated[str, typer.Argument(help="An id, a year, 'latest', 'previous' or 'first'.")],
    records: RecordsOpt = None,
    authority: AuthorityOpt = None,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="table or json.")] = Format.table,
) -> None:
    """Show one visit in full: grades with their official wording, findings, recommendations, sources."""
    from .errors import UsageError
    from .query import resolve_visit

    record = resolve_visit(_load(records), visit, authority)
    if fmt is Format.table:
        from .render.tables import visit_detail

        show_rich(visit_detail(record))
    elif fmt is Format.json:
        from .export import record_data
        from .render.machine import json_text

        out_text(json_text(record_data([record])[0]))
    else:
        raise UsageError(f"--format {fmt.value} is not available for show; use table or json")


@app.command(epilog="\b\nExamples:\n  judgements validate\n  judgements validate --records my-records/")
@handle_errors
def validate(records: RecordsOpt = None) -> None:
    """Check every record; print 'N records OK' or every problem in every file (exit 1)."""
    from .errors import RecordProblems
    from .loader import load_records

    result = load_records(records)
    if result.problems:
        raise RecordProblems(result.problems)
    n = len(result.records)
    out_text(f"{n} record{'s' * (n != 1)} OK\n")


@app.command(epilog="\b\nExamples:\n  judgements diff                # previous graded inspection vs the latest\n"
             "  judgements diff 2014 2017\n  judgements diff rotherham-2019-focused-visit latest --format json")
@handle_errors
def diff(
    visit_a: Annotated[
        Optional[str], typer.Argument(metavar="[A]", help="The earlier visit (default: previous).")
    ] = None,
    visit_b: Annotated[Optional[str], typer.Argument(metavar="[B]", help="The later visit (default: latest).")] = None,
    records: RecordsOpt = None,
    authority: AuthorityOpt = None,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="table, json or markdown.")] = Format.table,
) -> None:
    """Compare two visits: each area's grade and change, themes of concern, visits between."""
    from .diff import diff as make_diff
    from .errors import UsageError
    from .query import resolve_visit

    if visit_a is not None and visit_b is None:
        raise UsageError("give two visits, or none to compare 'previous' with 'latest'")
    loaded = _load(records)
    a = resolve_visit(loaded, visit_a or "previous", authority)
    b = resolve_visit(loaded, visit_b or "latest", authority)
    if a.id == b.id:
        raise UsageError(f"both sides are {a.id}; name two different visits")
    if a.authority.name != b.authority.name:
        raise UsageError(f"{a.id} and {b.id} are visits to different authorities")
    d = make_diff(a, b, loaded)
    if fmt is Format.table:
        from .render.tables import diff_renderable

        show_rich(diff_renderable(d))
    elif fmt is Format.json:
        from .render.machine import json_text

        out_text(json_text(d.to_dict()))
    elif fmt is Format.markdown:
        from .render.machine import markdown_text

        header = ["Area", a.id, b.id, "Change", "Steps", "Note"]
        rows = [[r.area.short, r.before.label if r.before else "not judged",
                 r.after.label if r.after else "not judged", r.change.replace("_", " "), r.steps, r.note or ""]
                for r in d.areas]
        out_text(markdown_text(header, rows))
    else:
        raise UsageError("--format csv is not available for diff; use table, json or markdown")


@app.command(epilog="\b\nExamples:\n  judgements timeline\n  judgements timeline --since 2014\n"
             "  judgements timeline --format csv > timeline.csv")
@handle_errors
def timeline(
    records: RecordsOpt = None,
    authority: AuthorityOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.table,
) -> None:
    """The journey on one screen: grades by area across every graded inspection, with changes marked."""
    from .timeline import build_timeline

    _, chosen = _filtered(records, authority, None, since, until)
    t = build_timeline(chosen)
    if fmt is Format.table:
        from .render.tables import timeline_footer, timeline_table

        if not t.columns:
            err("No graded inspections match.")
            return
        footer = timeline_footer(t)
        show_rich(timeline_table(t), *([footer] if footer is not None else []))
    elif fmt is Format.json:
        from .render.machine import json_text

        out_text(json_text(t.to_dict()))
    else:
        header = ["area", *(f"{r.id}" for r in t.columns)]
        rows = []
        for area in t.areas:
            row: list[object] = [area.value]
            for i in range(len(t.columns)):
                c = t.cell(area, i)
                row.append("" if c is None else c.grade.label + (f" ({c.change} {c.steps})" if c.steps else ""))
            rows.append(row)
        rows.append(["visits_before", *("; ".join(v.id for v in vs) for vs in t.visits_before)])
        _print_rows(fmt, header, rows)


@app.command(epilog="\b\nExamples:\n  judgements export > judgements.csv\n"
             "  judgements export --layout wide --output grades.csv --bom\n"
             "  judgements export --format json --kind graded\n"
             "  judgements export --layout ofsted --output history.csv --force")
@handle_errors
def export(
    fmt: Annotated[Format, typer.Option("--format", "-f", help="csv, json or markdown.")] = Format.csv,
    layout: Annotated[
        Optional[Layout],
        typer.Option("--layout", "-l", help="long (one row per judgement; CSV default), wide (one row per "
                     "visit; Markdown default) or ofsted (Ofsted's ILACS history table)."),
    ] = None,
    output: Annotated[Optional[str], typer.Option("--output", "-o", metavar="FILE",
                                                  help="Write to FILE (atomically) instead of stdout.")] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace FILE if it exists.")] = False,
    bom: Annotated[bool, typer.Option("--bom", help="Start CSV with a UTF-8 byte-order mark (for Excel).")] = False,
    records: RecordsOpt = None,
    authority: AuthorityOpt = None,
    kind: KindOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
) -> None:
    """Export visits as CSV, JSON or Markdown, to stdout or safely to a file."""
    from .errors import UsageError
    from .export import layout_rows, record_data, report_rows
    from .render import machine

    if fmt is Format.table:
        raise UsageError("export writes csv, json or markdown; for a table use 'judgements list'")
    if fmt is Format.json and layout is not None:
        raise UsageError("--layout applies to csv and markdown; JSON is always full records")
    if bom and fmt is not Format.csv:
        raise UsageError("--bom applies to CSV only")
    if force and output is None:
        raise UsageError("--force needs --output FILE")
    _, chosen = _filtered(records, authority, kind, since, until)
    if fmt is Format.json:
        data = machine.json_text(record_data(chosen)).encode("utf-8")
    elif fmt is Format.csv:
        data = machine.csv_bytes(*layout_rows(chosen, (layout or Layout.long).value), bom=bom)
    else:
        data = machine.markdown_text(*report_rows(chosen, (layout or Layout.wide).value)).encode("utf-8")
    if output is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    from .output import write_atomic

    path = write_atomic(output, data, force=force)
    err(f"Wrote {len(chosen)} visit{'s' * (len(chosen) != 1)} to {path}")


@app.command(epilog="\b\nExamples:\n  judgements schema > record.schema.json")
@handle_errors
def schema() -> None:
    """Print the JSON Schema of a record (for editors' YAML support)."""
    from .models import Record
    from .render.machine import json_text

    data = Record.model_json_schema()
    data["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    data["title"] = "judgements visit record"
    out_text(json_text(data))


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

    from .errors import UsageError
    from .pdfimport import import_report as read
    from .recordyaml import dump_record

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
        from .output import write_atomic

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
    """Write one record per graded inspection and in-year visit of an official release; never overwrite."""
    from .official import read_release, to_records, write_records

    rel = read_release(release)
    records = to_records(rel, authority)
    for warning in rel.warnings:
        err(f"Note: {warning}")
    for problem in records.problems:
        err(f"Note: {problem}")
    written, skipped = write_records(records, output)
    for path in skipped:
        err(f"Kept existing {path} (not overwritten)")
    authorities = len({r.authority.name for r in records})
    err(f"Wrote {len(written)} record{'s' * (len(written) != 1)} for {authorities} "
        f"authorit{'ies' if authorities != 1 else 'y'} to {output} from '{rel.title}' ({rel.published})"
        + (f"; {len(skipped)} already existed" if skipped else ""))


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
    from .official import check as compare
    from .official import read_release

    loaded = _load(records)
    rel = read_release(against)
    found = compare(loaded, rel, authority)
    header = ["disagreement", "authority", "official", "record", "area", "official value", "record value", "detail"]
    rows = [[d.kind, d.authority, d.official_id or "", d.record_id or "", d.area.value if d.area else "",
             d.official or "", d.record or "", d.detail] for d in found]
    if fmt is Format.json:
        from .render.machine import json_text

        out_text(json_text([dict(zip(header, row, strict=True)) for row in rows]))
    elif fmt is Format.table:
        if found:
            from rich.text import Text

            from .render.tables import rows_table

            brief = [[row[0], row[3] or row[2], row[4] or "—", row[5] or "—", row[6] or "—"] for row in rows]
            details = [Text(f"{row[3] or row[2]}: {row[7]}", style="dim") for row in rows if row[7]]
            show_rich(rows_table(["disagreement", "visit", "area", "official", "record"], brief), *details)
    else:
        _print_rows(fmt, header, rows)
    checked = 1 if authority else len({r.authority.name for r in loaded})
    if found:
        err(f"{len(found)} disagreement{'s' * (len(found) != 1)} with '{rel.title}' ({rel.published})")
        raise typer.Exit(EXIT_DATA)
    err(f"No disagreements: the records of {checked} authorit{'ies' if checked != 1 else 'y'} agree with "
        f"'{rel.title}' ({rel.published})")


def main() -> None:
    """Entry point of the `judgements` console script."""
    try:
        app(prog_name="judgements")
    except KeyboardInterrupt:  # pragma: no cover - interrupted outside a command
        err("Interrupted.")
        sys.exit(EXIT_INTERRUPTED)
