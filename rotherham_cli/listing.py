"""The listing of visits (`judgements list`): one light row per visit, its filters and its layout.

A :class:`Visit` holds, in plain values, what the listing shows of a record. The record cache keeps one
beside each record, so that a listing served from the cache needs neither pydantic, YAML nor Rich:
:func:`quick_visits` returns the visits of a records folder when the cache holds every file in its
current state and the last full load of them found no problem, else None (and the command loads the
records as usual). Standard library only.

The table's layout (which columns fit the screen, how wide each is) is decided here once, for both
the plain-text table written to a pipe or file and the coloured one Rich draws on a terminal.
"""

from __future__ import annotations

import os
import sys
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from .dates import PartialDate
from .vocab import KINDS, VISIT_THEMES, Area, Framework, Grade, Kind

PUBLISHED_ONLY = "* date of publication: the sources do not give the dates of the visit"


@dataclass(frozen=True)
class Visit:
    id: str
    slug: str | None
    authority: str
    kind: str  # Kind value
    when: str  # the date the visit is placed at ('' when none)
    when_shown: str  # its first or last day, else its publication marked '*'
    sort_key: tuple
    year: int | None
    graded: bool
    overall: str | None  # Grade value
    theme: str  # the theme's label, '' when none or graded
    headline: str | None
    summary: str | None
    days_to_publish: int | None

    @property
    def authority_name(self) -> str:
        return self.authority


@dataclass(frozen=True)
class AuthorityFacts:
    """The authority a record names, as the record names it."""

    name: str
    la_number: int | None
    ons_code: str | None


@dataclass(frozen=True)
class VisitFacts:
    """What the context commands (`england`) count and `export` writes (in CSV and Markdown) of a record,
    in plain values, under the record's own names: kept beside each record in the cache, so that a
    count or an export over the national set needs no pydantic record."""

    id: str
    slug: str | None
    authority: AuthorityFacts
    kind: Kind
    framework: Framework
    start: PartialDate | None
    end: PartialDate | None
    published: PartialDate | None
    judgements: dict[Area, Grade]
    theme: str | None
    year: int | None
    sort_key: tuple

    @property
    def graded(self) -> bool:
        return self.kind.graded

    @property
    def authority_name(self) -> str:
        return self.authority.name

    def wording(self, area: Area) -> str:
        return self.framework.wording(area)


def facts_of(r) -> VisitFacts:
    """The facts of a record (a :class:`rotherham_cli.models.Record`)."""
    from .identity import authority_slug

    a = r.authority
    return VisitFacts(id=r.id, slug=authority_slug(r), authority=AuthorityFacts(a.name, a.la_number, a.ons_code),
                      kind=r.kind, framework=r.framework, start=r.start, end=r.end, published=r.published,
                      judgements=dict(r.judgements), theme=r.theme, year=r.year, sort_key=r.sort_key)


def first_sentence(text: str | None, limit: int = 160) -> str:
    if not text:
        return ""
    text = " ".join(text.split())
    end = text.find(". ")
    one = text[: end + 1] if 0 < end < limit else text
    return one if len(one) <= limit else one[: limit - 1].rstrip() + "…"


def theme_label(theme: str | None) -> str:
    return VISIT_THEMES.get(theme, theme) if theme else ""


def visit_of(r) -> Visit:
    """The light row of a record."""
    from .context import days_to_publish
    from .identity import authority_slug

    shown = str(r.start or r.end) if (r.start or r.end) else (f"{r.published}*" if r.published else "date unknown")
    return Visit(
        id=r.id, slug=authority_slug(r), authority=r.authority.name, kind=r.kind.value,
        when=str(r.when) if r.when else "", when_shown=shown, sort_key=r.sort_key, year=r.year,
        graded=r.graded, overall=r.overall.value if r.overall else None, theme=theme_label(r.theme),
        headline=r.headline, summary=r.summary, days_to_publish=days_to_publish(r),
    )


def filter_visits(visits: Iterable[Visit | VisitFacts], slugs: frozenset[str] | None,
                  kinds: tuple[Kind, ...] | None, since: int | None, until: int | None) -> list:
    """The visits (listing rows or facts) matching every filter (the same filters as
    query.filter_records), in date order."""
    wanted = None if kinds is None else {k.value for k in kinds}
    out = [v for v in visits
           if (slugs is None or v.slug in slugs) and (wanted is None or getattr(v.kind, "value", v.kind) in wanted)
           and (since is None or (v.year is not None and v.year >= since))
           and (until is None or (v.year is not None and v.year <= until))]
    return sorted(out, key=lambda v: v.sort_key)


def list_rows(visits: Sequence[Visit]) -> tuple[list[str], list[list[object]]]:
    """The rows of `judgements list` for machines: when, visit, kind, overall grade or theme, and the days
    from the end of the visit to its publication."""
    header = ["when", "id", "authority", "kind", "overall", "theme", "summary", "days_to_publish"]
    rows = []
    for v in visits:
        overall = Grade(v.overall).label if v.overall else ""
        rows.append([v.when, v.id, v.authority, KINDS[Kind(v.kind)].label, overall, v.theme,
                     v.headline or first_sentence(v.summary),
                     "" if v.days_to_publish is None else str(v.days_to_publish)])
    return header, rows


# ---------------------------------------------------------------------------------------------
# The table's layout
# ---------------------------------------------------------------------------------------------

# A cell: its text and a style name for Rich ('' for none).
Cell = tuple[str, str]

GRADE_STYLE = {
    Grade.OUTSTANDING: "bold green",
    Grade.GOOD: "green",
    Grade.REQUIRES_IMPROVEMENT: "yellow",
    Grade.INADEQUATE: "bold red",
}


@dataclass(frozen=True)
class Layout:
    header: list[str]
    rows: list[list[Cell]]
    widths: list[int]
    justify: list[str]
    caption: str | None


def cell_len(text: str) -> int:
    """Columns a text takes on a terminal: wide East Asian characters two, combining marks none."""
    if text.isascii():
        return len(text)
    n = 0
    for c in text:
        if unicodedata.combining(c):
            continue
        n += 2 if unicodedata.east_asian_width(c) in ("W", "F") else 1
    return n


def _outcome(v: Visit) -> Cell:
    if v.graded and v.overall:
        g = Grade(v.overall)
        label = g.label + (f" (= {g.on_scale.label.lower()})" if g.is_legacy else "")
        return label, GRADE_STYLE[g.on_scale]
    if v.graded:
        return "no overall grade", "dim"
    return (v.theme, "italic") if v.theme else ("theme not given", "dim italic")  # official words


def list_layout(visits: Sequence[Visit], width: int = 120) -> Layout:
    """One line per visit. Narrow screens drop the kind, then the summary, before any grade. Cells hold
    no control characters (render.machine.printable)."""
    from .render.machine import printable

    multi = len({v.authority for v in visits}) > 1
    rows: list[list[Cell]] = []
    for v in visits:
        rows.append([
            (v.when_shown, ""), *([(printable(v.authority), "")] if multi else []), (printable(v.id), ""),
            (KINDS[Kind(v.kind)].short, ""), _outcome(v),
            ("" if v.days_to_publish is None else f"{v.days_to_publish} days", ""),
            (printable(v.headline or first_sentence(v.summary, 110)), ""),
        ])
    header = ["When", *(["Authority"] if multi else []), "Visit", "Kind", "Grade or theme", "To publish", "Summary"]
    justify = ["right", *(["left"] if multi else []), "left", "left", "left", "right", "left"]
    widths = [max([len(h)] + [cell_len(row[i][0]) for row in rows]) for i, h in enumerate(header)]
    kind_col, grade_col, days_col, summary_col = len(header) - 4, len(header) - 3, len(header) - 2, len(header) - 1
    widths[grade_col] = min(widths[grade_col], 40)  # every grade and official theme fits
    widths[summary_col] = min(widths[summary_col], 60)
    drop = [] if any(row[days_col][0] for row in rows) else [days_col]  # no day known: no column

    def total() -> int:
        return sum(w for i, w in enumerate(widths) if i not in drop) + 3 * (len(widths) - len(drop) - 1)

    # Drop the kind (the id names it), then the days to publication unless the summary keeps 30
    # columns beside it, then narrow the summary (to 20) or drop it; never the grade or theme.
    if total() > width:
        drop.append(kind_col)
    if days_col not in drop and total() - widths[summary_col] + min(widths[summary_col], 30) > width:
        drop.append(days_col)
    if total() > width:
        spare = width - (total() - widths[summary_col])
        if spare >= 20:
            widths[summary_col] = spare
        else:
            drop.append(summary_col)
    keep = [i for i in range(len(header)) if i not in drop]
    starred = any(v.when_shown.endswith("*") for v in visits)
    return Layout([header[i] for i in keep], [[row[i] for i in keep] for row in rows], [widths[i] for i in keep],
                  [justify[i] for i in keep], PUBLISHED_ONLY if starred else None)


def fit(text: str, width: int, justify: str = "left") -> str:
    """One cell on one line (a line break never starts a new row): cut with an ellipsis, padded."""
    text = text.replace("\n", " ")
    if cell_len(text) > width:
        out, n = [], 0
        for c in text:
            w = cell_len(c)
            if n + w > width - 1:
                break
            out.append(c)
            n += w
        text = "".join(out) + "…"
    pad = " " * (width - cell_len(text))
    return pad + text if justify == "right" else text + pad


def plain_table(layout: Layout) -> str:
    """The layout as plain text: the same characters Rich prints without colour."""
    gap = "   "
    lines = [gap.join(fit(h, w, j) for h, w, j in zip(layout.header, layout.widths, layout.justify, strict=True))]
    lines.append("─" * (sum(layout.widths) + 3 * (len(layout.widths) - 1)))
    lines += [gap.join(fit(c[0], w, j) for c, w, j in zip(row, layout.widths, layout.justify, strict=True))
              for row in layout.rows]
    if layout.caption:
        lines.append(layout.caption)
    return "\n".join(line.rstrip(" ") for line in lines) + "\n"


# ---------------------------------------------------------------------------------------------
# Served from the cache
# ---------------------------------------------------------------------------------------------


def screen_width() -> int:
    """The width Rich would give the screen (see rich.console.Console.size), without importing Rich."""
    columns = os.environ.get("COLUMNS")
    if columns is not None and columns.isdigit():
        return int(columns)
    for fd in (0, 1, 2):
        try:
            width = os.get_terminal_size(fd).columns
        except (AttributeError, ValueError, OSError):
            continue
        return width or 80
    return 80


def plain_output() -> bool:
    """True where Rich would print no escape codes at all: not a terminal, and colour not forced."""
    if os.environ.get("FORCE_COLOR") or os.environ.get("TTY_COMPATIBLE") or os.environ.get("TTY_INTERACTIVE"):
        return False
    try:
        return not sys.stdout.isatty()
    except (AttributeError, ValueError):
        return False


def quick_list(records: str | None, authority: Sequence[str] | None, kind: str | None, since: int | None,
               until: int | None, home: bool = True, facts: bool = False) -> list | None:
    """What `judgements list` shows (with ``facts``, what `export` writes), served from the cache: the
    same choice of authorities (the home authority by default where ``home``, else all) and the same
    filters as cli.app.filtered; None where the cache cannot serve it."""
    from .files import records_dir
    from .query import authority_slugs, check_held, home_authority, parse_kinds

    if since is not None and until is not None and since > until:
        return None  # the full path says what is wrong
    kinds = parse_kinds(kind)
    folder = records_dir(records)
    if authority:
        slugs = authority_slugs(authority)
        visits = quick_visits(folder, slugs, facts)
    elif home:
        slugs = frozenset({home_authority()})
        visits = quick_visits(folder, slugs, facts)
        if visits is not None and not any(v.slug in slugs for v in visits):
            slugs, visits = None, quick_visits(folder, None, facts)
    else:
        slugs, visits = None, quick_visits(folder, None, facts)
    if visits is None:
        return None
    check_held({v.slug: v.authority_name for v in visits}, slugs)
    return filter_visits(visits, slugs, kinds, since, until)


def quick_facts(records: str | None) -> list[VisitFacts] | None:
    """The facts of every record in the records folder, served from the cache; None where it cannot."""
    from .files import records_dir

    return quick_visits(records_dir(records), None, facts=True)


def _files_now(folder: Path, only: frozenset[str] | None) -> frozenset | None:
    """The record files under ``folder`` (only the authorities ``only`` names, in a folder laid out by
    authority) as (name, size, modification time), as the cache keys them; None where a folder cannot
    be read."""
    from .files import record_files

    problems: list = []
    files, _ = record_files(folder, only, problems)
    if problems:
        return None
    stats = []
    for f in files:
        st = os.stat(f)
        stats.append((f, st.st_size, st.st_mtime_ns))
    return frozenset(stats)


def quick_visits(folder: Path, only: frozenset[str] | None, facts: bool = False) -> list | None:
    """The visits of the records under ``folder`` (only the authorities ``only`` names, in a folder laid
    out by authority), served from the cache (brought up to date first where the files have changed);
    None where they hold a problem, which the full path reports. With ``facts``, their
    :class:`VisitFacts` instead of their listing rows."""
    from .cache import RecordCache
    from .errors import JudgementsError

    try:
        cache = RecordCache(folder, part="facts" if facts else "listing")
        scope = _files_now(folder, only) if cache.clean else None
        rows = cache.clean_rows(scope, facts=facts) if scope is not None else None
        if rows is not None:
            return rows
        # Not as the cache last saw them: read what it lacks (the rows are made as each file is read, the
        # records are not) and serve what that read, where it found no problem at all.
        from .loader import refresh

        cache, scope = refresh(folder, only)
        return cache.clean_rows(scope, facts=facts)
    except (OSError, JudgementsError):
        return None
