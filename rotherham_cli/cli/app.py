"""The `judgements` application: the Typer app, shared options, output helpers and error handling.

Heavy modules (pydantic, rich, the records) are imported inside the commands, so that
`--version`, `--help` and shell completion stay instant.

Exit codes: 0 success, 1 bad or missing data, 2 wrong usage, 130 interrupted.
"""

from __future__ import annotations

import contextlib
import functools
import os
import re
import sys
from typing import Annotated, Optional

import typer
import typer.core

from .. import __version__
from ..choices import Format
from ..words import count

EXIT_DATA, EXIT_USAGE, EXIT_INTERRUPTED = 1, 2, 130
DEBUG_ENV = "JUDGEMENTS_DEBUG"

_interrupt_said: list[bool] = []  # a command's own handler reported the interruption


class _OneLineErrors(typer.core.TyperGroup):
    """Click's usage errors (usage line, hint, blank line, message) become the one line the README
    promises: 'judgements list: error: No such option: --bogus (see judgements list --help)'."""

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode, **extra)
        try:
            code = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
            if code == EXIT_INTERRUPTED and not _interrupt_said:
                # Typer turns an interruption outside a command's body (while its modules load, say)
                # into exit code 130 without a word.
                err("Interrupted.")
        except (KeyboardInterrupt, typer.Abort):
            err("Interrupted.")
            code = EXIT_INTERRUPTED
        except Exception as exc:  # click's ClickException and UsageError, vendored or not
            if not (hasattr(exc, "format_message") and hasattr(exc, "exit_code")):
                raise
            ctx = getattr(exc, "ctx", None)
            where = ctx.command_path if ctx is not None else (prog_name or "judgements")
            hint = f" (see {where} --help)" if getattr(exc, "ctx", None) is not None else ""
            # Typer's option hint names an environment variable even where there is none, and Typer 0.26 on
            # converts through pydantic, whose messages start "Value error, ".
            message = exc.format_message().replace(" (env var: 'None')", "").replace("Value error, ", "")
            err(f"{where}: error: {message}{hint}")
            code = exc.exit_code
        sys.exit(code if isinstance(code, int) else 0)


app = typer.Typer(
    cls=_OneLineErrors,
    name="judgements",
    help=(
        "Track Ofsted's judgements on English local authorities' children's services: every visit, "
        "graded or not, with its findings and sources, what changed between two of them, and how an "
        "authority stands against England, its region and its statistical neighbours."
        "\n\nThe shipped records cover every English authority; the home authority is Rotherham "
        "($JUDGEMENTS_AUTHORITY to change it). --records DIR or $JUDGEMENTS_RECORDS point at another "
        "record set."
    ),
    epilog=(
        "\b\nExamples:\n"
        "  judgements list\n"
        "  judgements show rotherham-2014-sif-inspection\n"
        "  judgements diff 2014 2017\n"
        "  judgements timeline\n"
        "  judgements compare Barnsley\n"
        "  judgements england --as-at 2025-03-31\n"
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


def colourless() -> bool:
    """Whether the screen shows no colour (not a terminal, NO_COLOR, TERM=dumb): marks must be visible
    without it."""
    from rich.console import Console

    console = Console()
    return console.no_color or console.color_system is None


def show_rich(*renderables) -> None:
    """Print Rich renderables on stdout, without the trailing spaces Rich pads lines with."""
    import io

    from rich.console import Console

    screen = Console(highlight=False)
    buf = io.StringIO()
    console = Console(
        # Rich types the color_system property as str, though it returns one of the names Console takes.
        file=buf, width=screen.width, color_system=screen.color_system,  # type: ignore[arg-type]
        force_terminal=screen.is_terminal,
        no_color=screen.no_color, highlight=False, emoji=False, legacy_windows=False,
    )
    for renderable in renderables:
        console.print(renderable)
    out_text("\n".join(_trimmed(line) for line in buf.getvalue().split("\n")))


_STYLE_CODE = re.compile(r"\x1b\[[0-9;]*m\Z")


def _trimmed(line: str) -> str:
    """A line without the spaces Rich pads it with, before any colour codes that close it. One pass from
    the end (a regex over the whole output tried every run of padding spaces: a tenth of a second for a
    listing of England)."""
    tail = ""
    while line.endswith("m") and (code := _STYLE_CODE.search(line, max(0, line.rfind("\x1b[")))):
        tail = code.group() + tail
        line = line[:code.start()]
    return line.rstrip(" ") + tail


def err(message: str) -> None:
    """One line on stderr. Never markup, never a traceback."""
    from ..render.machine import printable

    sys.stderr.write(printable(message, one_line=True) + "\n")


def out_text(text: str) -> None:
    from ..stdout import write_stdout

    write_stdout(text)  # all of it, or one line and exit 1


def out_bytes(data: bytes) -> None:
    from ..stdout import write_stdout

    write_stdout(data)  # all of it, or one line and exit 1


def handle_errors(func):
    """Turn the project's errors into one line each and a stable exit code."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        from ..errors import JudgementsError, RecordProblems

        try:
            return func(*args, **kwargs)
        except RecordProblems as exc:
            for problem in exc.problems:
                err(str(problem))
            files = len({p.file for p in exc.problems})
            err(f"{count(len(exc.problems), 'problem')} in {count(files, 'file')}")
            raise typer.Exit(EXIT_DATA) from None
        except JudgementsError as exc:
            err(f"Error: {exc}")
            raise typer.Exit(exc.exit_code) from None
        except KeyboardInterrupt as exc:  # Ctrl-C, or SIGTERM (see main); a merge says what it wrote
            _interrupt_said.append(True)
            err(f"Interrupted: {exc}." if str(exc) else "Interrupted.")
            raise typer.Exit(EXIT_INTERRUPTED) from None
        except BrokenPipeError:
            # The reader went away (e.g. `| head`): stop quietly.
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            raise typer.Exit(0) from None
        except typer.Exit:
            raise
        except Exception as exc:
            if _signalled:
                # A library that calls back into Python (pydantic, the YAML reader) can wrap the
                # interruption in an error of its own: it is still an interruption.
                _interrupt_said.append(True)
                err("Interrupted.")
                raise typer.Exit(EXIT_INTERRUPTED) from None
            if os.environ.get(DEBUG_ENV):
                raise
            if not isinstance(exc, OSError):
                err(f"Error: unexpected {type(exc).__name__}: {exc} (set {DEBUG_ENV}=1 for the full traceback)")
                raise typer.Exit(EXIT_DATA) from None
            where = f"{exc.filename}: " if exc.filename else ""
            if len(where) > 80:
                where = where[:60] + "…: "
            err(f"Error: {where}{exc.strerror or exc}")
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
_AUTHORITY_HELP = ("An authority by name, alias or code (any spelling); 'region:NAME' (an Ofsted region), "
                   "'neighbours:NAME' (it and its statistical neighbours), or 'all'. May be repeated. ")
AuthorityOpt = Annotated[
    Optional[list[str]],
    typer.Option(
        "--authority", "-a", metavar="NAME",
        help=_AUTHORITY_HELP + "Default: the home authority ($JUDGEMENTS_AUTHORITY, else Rotherham) where the "
        "records hold it, else every authority in them.",
    ),
]
EveryAuthorityOpt = Annotated[
    Optional[list[str]],
    typer.Option("--authority", "-a", metavar="NAME", help=_AUTHORITY_HELP + "Default: every authority."),
]
OneAuthorityOpt = Annotated[
    Optional[list[str]],
    typer.Option("--authority", "-a", metavar="NAME",
                 help="The authority, as the AUTHORITY argument names it (one of the two, not both)."),
]
KindOpt = Annotated[
    Optional[list[str]],
    typer.Option("--kind", "-k", metavar="KIND",
                 help="'graded', 'visits' (ungraded) or a kind such as focused_visit, sif_inspection. May be "
                 "repeated: visits of any of them."),
]
_DATE = "a year, a month or a day: 2026, 2026-08 or 2026-08-20"
SinceOpt = Annotated[Optional[str], typer.Option("--since", metavar="DATE", help=f"From this date on ({_DATE}).")]
UntilOpt = Annotated[Optional[str], typer.Option("--until", metavar="DATE", help=f"Up to this date ({_DATE}).")]
PublishedSinceOpt = Annotated[Optional[str], typer.Option(
    "--published-since", metavar="DATE", help="Visits whose report came out from this date on.")]
PublishedUntilOpt = Annotated[Optional[str], typer.Option(
    "--published-until", metavar="DATE", help="Visits whose report came out up to this date.")]
FormatOpt = Annotated[Format, typer.Option("--format", "-f", help="table, csv, json or markdown.")]


EnglandOpt = Annotated[
    bool,
    typer.Option("--with-england", help="Your --records over the shipped national set: your record of a "
                 "visit replaces the shipped one, the rest of England stays."),
]


def emit(fmt, *, table=None, data=None, rows=None) -> None:
    """Write a command's result in the format asked for; the one place formats are told apart.

    Each argument is a function, called only for its format: ``table`` gives a Rich renderable (or
    None when it wrote its own output), ``data`` the JSON value, ``rows`` (header, rows) for CSV and
    Markdown. ``fmt`` is any of the format enums (their values are the format names); a command's enum
    lists only the formats it gives, so --help offers only what works.
    """
    from ..render import machine

    kind = fmt.value
    if kind == "table":
        shown = table()
        if shown is not None:
            show_rich(*shown) if isinstance(shown, tuple) else show_rich(shown)
    elif kind == "json":
        out_text(machine.json_text(data()))
    elif kind == "csv":
        out_text(machine.csv_text(*rows()))
    elif kind == "markdown":
        out_text(machine.markdown_text(*rows()))
    else:  # pragma: no cover - every format enum's values are among these
        raise AssertionError(fmt)


# ---------------------------------------------------------------------------------------------
# Commands
# ---------------------------------------------------------------------------------------------


class Terminated(KeyboardInterrupt):
    """SIGTERM, handled as Ctrl-C is: temporary files are removed, nothing half-written is left."""


_signalled: list[int] = []  # SIGTERM received: an error it caused inside a library is an interruption


def _on_sigterm(signum, frame):  # pragma: no cover - exercised by a subprocess test
    _signalled.append(signum)
    raise Terminated()


def _stdout_usable() -> bool:
    """Make standard output safe to write: present (a closed stdout reads as None), and able to encode
    any character (an ASCII locale writes escapes rather than failing)."""
    if sys.stdout is None:
        err("Error: standard output is closed; nothing can be written")
        return False
    encoding = (getattr(sys.stdout, "encoding", None) or "").lower().replace("-", "")
    if encoding not in ("utf8", "utf16", "utf32") and hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(errors="backslashreplace")
    return True


def _flush_stdout() -> int:
    """Flush what the command wrote; a full disk or a closed pipe is one line, never a traceback."""
    try:
        if sys.stdout is not None:
            sys.stdout.flush()
    except BrokenPipeError:
        pass
    except OSError as exc:
        err(f"Error: cannot write the output: {exc.strerror or exc}")
        return EXIT_DATA
    return 0


def _only_the_command(argv: list[str]) -> None:
    """Build only the command being run (`judgements england ...`): Typer turns every registered
    command's options into Click parameters on each run, which costs more than the command itself
    where the cache serves it. Help, completion, --version and an unknown name keep them all."""
    if not argv or any(k.startswith("_") and k.endswith("_COMPLETE") for k in os.environ):
        return
    from typer.main import get_command_name

    chosen = [c for c in app.registered_commands
              if (c.name or (c.callback and get_command_name(c.callback.__name__))) == argv[0]]
    if len(chosen) == 1:
        app.registered_commands = chosen


def main() -> None:
    """Entry point of the `judgements` console script."""
    import gc
    import signal

    # A run is short and what it builds holds few reference cycles: collect them less often than the
    # default (every 700 new objects), which on reading the national set took a tenth of the time.
    gc.set_threshold(10_000, 20, 100)
    if os.environ.get(DEBUG_ENV):  # the core logs what it passed over (the cache, say)
        import logging

        logging.basicConfig(level=logging.DEBUG, format="judgements: debug: %(message)s")
    signal.signal(signal.SIGTERM, _on_sigterm)
    if not _stdout_usable():
        sys.exit(EXIT_DATA)
    _only_the_command(sys.argv[1:])
    code = 0
    try:
        app(prog_name="judgements")
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else EXIT_DATA)
    except KeyboardInterrupt:  # pragma: no cover - interrupted outside a command
        err("Interrupted.")
        code = EXIT_INTERRUPTED
    except OSError as exc:  # writing --help or --version to a full disk, say
        err(f"Error: cannot write the output: {exc.strerror or exc}")
        code = EXIT_DATA
    code = _flush_stdout() or code
    # What is left is only freed at exit: keep the collector from walking every object once more.
    gc.freeze()
    # Nothing is left for the interpreter to flush at exit (it would print a traceback on failure).
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    sys.exit(code)
