"""Rich renderables for people. Built here, printed by the CLI. Record text is never markup."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from itertools import pairwise

from rich import box
from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, Group, RenderableType
from rich.measure import Measurement
from rich.padding import Padding
from rich.segment import Segment
from rich.style import StyleType
from rich.table import Table
from rich.text import Span, Text

from ..export import theme_label
from ..models import Record
from ..outside import printable
from ..vocab import AREA_ORDER, FINDING_THEMES, FindingKind, Remit
from ..words import count, first_sentence
from .fit import longest_word, wrap
from .send import inspector_text, outcome_text, send_sections
from .text import GRADE_STYLE, grade_text, plain


def _when(r: Record) -> str:
    """When a visit took place; a visit known only by its publication says so."""
    if r.start or r.end:
        return str(r.start or r.end)
    return f"{r.published}*" if r.published else "date unknown"




def _theme_text(r: Record) -> Text:
    label = theme_label(r)
    return Text(label if label else "theme not given", style="italic" if label else "dim italic")


Cell = tuple[str, StyleType]  # a table cell's text and its style


def _lines(text: str, width: int, cut: bool) -> list[str]:
    """A cell as lines of at most ``width`` columns: broken between words (``cut``: one line, shortened
    at a word with an ellipsis), never mid-word; a line break in a value never starts a new row."""
    plain_text = " ".join(text.split())
    if len(plain_text) <= width:
        return [plain_text]
    if cut:
        head = plain_text[: max(width - 1, 0)]
        head = head[: head.rfind(" ")] if " " in head else head
        return [head.rstrip(" ,;:") + "…"]
    return wrap(plain_text, width)


class Fitted:
    """Text whose lines were fitted to the screen when built (a table of :func:`line_table`): printed as its
    runs of one style, without Rich dividing and joining it line by line to wrap it again (a fifth of the
    time for a listing of England). Where a line is wider than the screen after all, or spans overlap, it
    is printed as any Text."""

    def __init__(self, text: Text):
        self.text = text

    @property
    def plain(self) -> str:
        return self.text.plain

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement.get(console, options, self.text)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterator[Segment | Text]:
        text, spans = self.text.plain, sorted(self.text.spans, key=lambda s: s.start)
        fits = max(cell_len(line) for line in text.split("\n")) <= options.max_width
        if self.text.style or not fits or any(a.end > b.start for a, b in pairwise(spans)):
            yield self.text
            return
        at = 0
        for span in spans:
            if span.start > at:
                yield Segment(text[at:span.start])
            yield Segment(text[span.start:span.end], console.get_style(span.style))
            at = span.end
        yield Segment(text[at:] + "\n")


def line_table(header: list[str], rows: list[list[Cell]], widths: list[int], justify: list[str],
               caption: str | None = None, cut: Sequence[int] = ()) -> Fitted:
    """A table built directly as one Text: each cell broken between words to its column's width (the
    columns ``cut`` shortened to one line instead), in its cell's style.

    Rich's Table measures every cell, which takes about a second for 2,000 visits; this renders the
    same look (header, rule, rows) as one string and a span per styled cell.
    """
    parts: list[str] = []
    spans: list[Span] = []
    at = 0

    def line(cells: Sequence[Cell]) -> None:
        nonlocal at
        for n, ((text, style), w, j) in enumerate(zip(cells, widths, justify, strict=True)):
            pad = " " * max(w - cell_len(text), 0)
            piece = ("   " if n else "") + (pad + text if j == "right" else text + pad)
            if style and text:
                begin = at + len(piece) - len(text) - (0 if j == "right" else len(pad))
                spans.append(Span(begin, begin + len(text), style))
            parts.append(piece)
            at += len(piece)

    line([(h, "bold") for h in header])
    rule = "\n" + "─" * (sum(widths) + 3 * (len(widths) - 1))
    parts.append(rule)
    at += len(rule)
    for row in rows:
        cells = [_lines(c, w, i in cut) for i, ((c, _), w) in enumerate(zip(row, widths, strict=True))]
        styles = [style for _, style in row]
        for n in range(max(len(c) for c in cells)):
            parts.append("\n")
            at += 1
            line([(c[n] if n < len(c) else "", st) for c, st in zip(cells, styles, strict=True)])
    out = Text("".join(parts), spans=spans)
    if caption:
        width = sum(widths) + 3 * (len(widths) - 1)
        out.append("\n" + "\n".join(line for part in caption.split("\n") for line in wrap(part, width)), style="dim")
    return Fitted(out)


PUBLISHED_ONLY = "* date of publication: the sources do not give the dates of the visit"


def _outcome(r: Record) -> Text:
    """The overall grade in words and colour; a graded visit without one (a visit before 2013, the
    framework from April 2026), its grades; else the theme of a visit without grades."""
    if r.graded and r.overall:
        g = r.overall
        label = g.label + (f" (= {g.on_scale.label.lower()})" if g.is_legacy else "")
        return Text(label, style=GRADE_STYLE[g.on_scale])
    if r.graded:
        grades = [f"; {a.short} {grade_text(r.judgements[a], compact=True).plain.lower()}"
                  for a in AREA_ORDER if a in r.judgements]
        return Text("no overall grade" + "".join(grades), style="" if grades else "dim")
    if r.kind.remit is Remit.SEND:  # an outcome, in words: never a grade
        return Text(r.outcome.short) if r.outcome else Text("outcome not given", style="dim italic")
    return _theme_text(r)


def list_title(records: Sequence[Record], width: int = 120) -> Text | None:
    """The one authority a list is of (None when it is of several)."""
    names = {r.authority.name for r in records}
    if len(names) != 1:
        return None
    return Text("\n".join(wrap(f"{names.pop()}: {count(len(records), 'visit')}, oldest first", width)), style="bold")


def list_renderables(records: Sequence[Record], width: int = 120) -> tuple[Text | Fitted, ...]:
    """The title (for one authority) and the table of `list`."""
    title = list_title(records, width)
    return (*([title] if title else []), list_table(records, width))


def _unlisted(records: Sequence[Record]) -> str:
    """Where the visits without grades of one authority's listing rest on no full list (coverage)."""
    from ..coverage import gap_sentence
    from ..england import inspected_on
    from ..identity import authority_slug

    days = [d for r in records if (d := inspected_on(r)) is not None]
    return gap_sentence(authority_slug(records[0]), min(days), max(days)) if days else ""


def list_table(records: Sequence[Record], width: int = 120) -> Fitted:
    """Every visit in rows. A narrow screen drops the kind and the authority (the id names them), the days
    to publication, then the summary, and then breaks the grade or theme (and at last the id) over lines:
    never a grade or a date cut."""
    from ..measures import days_to_publish, publish_summary

    multi = len({r.authority.name for r in records}) > 1
    rows: list[list[Cell]] = []
    for r in records:
        days, outcome = days_to_publish(r), _outcome(r)
        rows.append([
            (_when(r), ""), *([(printable(r.authority.name), "")] if multi else []), (printable(r.id), ""),
            (r.kind.info.short, ""), (outcome.plain, outcome.style), ("" if days is None else f"{days} days", ""),
            (printable(r.headline or first_sentence(r.summary, 110)), ""),
        ])
    header = ["When", *(["Authority"] if multi else []), "Visit", "Kind", "Grade or theme", "To publish", "Summary"]
    justify = ["right", *(["left"] if multi else []), "left", "left", "left", "right", "left"]
    widths = [max([len(h)] + [cell_len(row[i][0]) for row in rows]) for i, h in enumerate(header)]
    visit_col = 2 if multi else 1
    kind_col, grade_col, days_col, summary_col = len(header) - 4, len(header) - 3, len(header) - 2, len(header) - 1
    least = [max([len(header[i])] + [longest_word(row[i][0]) for row in rows]) for i in range(len(header))]
    widths[grade_col] = min(widths[grade_col], 40)  # every grade and official theme fits
    widths[summary_col] = min(widths[summary_col], 60)
    drop = [] if any(row[days_col][0] for row in rows) else [days_col]  # no day known: no column

    def total() -> int:
        return sum(w for i, w in enumerate(widths) if i not in drop) + 3 * (len(widths) - len(drop) - 1)

    # Drop the kind (the id names it) and the authority, then the days to publication unless the summary
    # keeps 30 columns beside it, then narrow the summary (to 20) or drop it; then break the grade or
    # theme over lines, and at last the id (after a hyphen).
    for col in (kind_col, *([1] if multi else [])):
        if total() > width:
            drop.append(col)
    if days_col not in drop and total() - widths[summary_col] + min(widths[summary_col], 30) > width:
        drop.append(days_col)
    if total() > width:
        spare = width - (total() - widths[summary_col])
        if spare >= 20:
            widths[summary_col] = spare
        else:
            drop.append(summary_col)
    for col in (grade_col, visit_col):
        if total() > width:
            widths[col] = max(least[col], widths[col] - (total() - width))
    keep = [i for i in range(len(header)) if i not in drop]
    starred = any(_when(r).endswith("*") for r in records)
    notes = [PUBLISHED_ONLY] if starred else []
    gaps = _unlisted(records) if not multi else ""
    if gaps:
        notes.append(gaps)
    if days_col in keep:
        notes.append(publish_summary(records).sentence())
    return line_table([header[i] for i in keep], [[row[i] for i in keep] for row in rows], [widths[i] for i in keep],
                      [justify[i] for i in keep], "\n".join(notes) or None,
                      cut=[keep.index(summary_col)] if summary_col in keep else [])


def _kv(rows: list[tuple[str, RenderableType]]) -> Table:
    t = Table.grid(padding=(0, 2))
    t.add_column(style="bold", no_wrap=True)
    t.add_column()
    for k, v in rows:
        t.add_row(k, v)
    return t


def _heading(text: str) -> Text:
    return Text(text, style="bold underline")


def _published(r: Record) -> str:
    """The publication date, and how many days after the visit ended it came (or why that is not known)."""
    from ..measures import to_publish

    if r.published is None:
        return "not given by the sources"
    m = to_publish(r)
    return f"{r.published} ({m.days} days after the visit ended)" if m.days is not None else \
        f"{r.published} (days after the visit ended not known: {m.why_not})"


def visit_detail(r: Record) -> Group:
    a = r.authority
    codes = ", ".join(x for x in (f"DfE {a.la_number}" if a.la_number else "", a.ons_code or "") if x)
    dates = f"{r.start or '?'} to {r.end or '?'}" if (r.start or r.end) else "not given by the sources"
    facts: list[tuple[str, RenderableType]] = [
        ("Authority", plain(a.name + (f" ({codes})" if codes else ""))),
        ("Kind", Text(r.kind.label + ("" if r.graded else " (not graded)"))),
        ("Framework", Text(r.framework.label)),
        ("On site", Text(dates)),
        ("Published", Text(_published(r))),
    ]
    if r.kind.remit is Remit.SEND:
        facts.append(("Outcome", outcome_text(r)))
    elif not r.graded:
        facts.append(("Theme", _theme_text(r)))
    if r.inspectors:
        facts.append(("Inspectors", plain("; ".join(inspector_text(i) for i in r.inspectors))))
    parts: list[RenderableType] = [Text(r.id, style="bold"), _kv(facts)]
    if r.graded:
        grades = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
        grades.add_column("Judgement (official wording)")
        grades.add_column("Grade")
        report_order = list(r.framework.info.areas)
        for area, grade in sorted(r.judgements.items(), key=lambda kv: report_order.index(kv[0])):
            grades.add_row(Text(r.wording(area)), grade_text(grade))
        parts += [Text(""), _heading("Judgements"), grades]
    parts += send_sections(r, _heading)
    if r.summary:
        parts += [Text(""), _heading("Summary"), plain(" ".join(r.summary.split()))]
    for kind, title in ((FindingKind.STRENGTH, "Strengths"), (FindingKind.IMPROVEMENT, "Areas for improvement")):
        items = [f for f in r.findings if f.kind is kind]
        if not items:
            continue
        parts += [Text(""), _heading(title)]
        for f in items:
            line = Text("• ") + plain(f.text)
            if f.quote:
                line += Text(" “") + plain(f.quote) + Text("”")
            line += Text(f"  [{', '.join(FINDING_THEMES[t].lower() for t in f.themes)}]", style="dim")
            parts.append(Padding(line, (0, 0, 0, 2), expand=False))
    if r.recommendations:
        parts += [Text(""), _heading("Recommendations")]
        parts += [Padding(Text(f"{i}. ") + plain(t), (0, 0, 0, 2), expand=False)
                  for i, t in enumerate(r.recommendations, 1)]
    if r.notes:
        parts += [Text(""), _heading("Notes")]
        parts += [Padding(Text("• ") + plain(t), (0, 0, 0, 2), expand=False) for t in r.notes]
    parts += [Text(""), _heading("Sources")]
    for s in r.sources:
        bits = [s.title, s.publisher, str(s.date) if s.date else None, s.url, s.file]
        parts.append(Padding(Text(f"[{s.id}] ") + plain(", ".join(b for b in bits if b)), (0, 0, 0, 2), expand=False))
    return Group(*parts)


def rows_table(header: Sequence[str], rows: Sequence[Sequence[object]]) -> Fitted:
    """A plain table of text rows, one line each, nothing cut (for reports such as `check`)."""
    cells: list[list[Cell]] = [[(printable(c), "") for c in row] for row in rows]
    widths = [max([len(h)] + [cell_len(row[i][0]) for row in cells]) for i, h in enumerate(header)]
    return line_table(list(header), cells, widths, ["left"] * len(header))


def check_renderables(found) -> tuple[RenderableType, ...]:
    """`check`'s disagreements: one line each (what, the visit, the area, the two values), then each
    one's detail, dimmed."""
    visit = [d.record_id or d.official_id or "" for d in found]
    brief = [[d.kind.value, v, d.area.value if d.area else "—", d.official or "—", d.record or "—"]
             for d, v in zip(found, visit, strict=True)]
    details = [Text(f"{v}: {d.detail}", style="dim") for d, v in zip(found, visit, strict=True) if d.detail]
    return (rows_table(["disagreement", "visit", "area", "official", "record"], brief), *details)
