"""Rich renderables for people. Built here, printed by the CLI. Record text is never markup."""

from __future__ import annotations

from collections.abc import Sequence

from rich import box
from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from ..diff import Diff
from ..export import theme_label
from ..models import Record
from ..timeline import Timeline
from ..vocab import FINDING_THEMES, Change, FindingKind, Remit
from ..words import first_sentence
from .send import inspector_text, outcome_text, send_sections
from .text import CHANGE_STYLE, GRADE_STYLE, grade_text, plain


def _when(r: Record) -> str:
    """When a visit took place; a visit known only by its publication says so."""
    if r.start or r.end:
        return str(r.start or r.end)
    return f"{r.published}*" if r.published else "date unknown"




def _theme_text(r: Record) -> Text:
    label = theme_label(r)
    return Text(label if label else "theme not given", style="italic" if label else "dim italic")


def _fit(text: Text, width: int, justify: str = "left") -> Text:
    """One cell on one line (a line break in a value never starts a new row): cut with an ellipsis,
    padded to width."""
    if "\n" in text.plain:
        text = Text(text.plain.replace("\n", " "), style=text.style)
    if text.cell_len > width:
        text = text.copy()
        text.truncate(max(width - 1, 0))
        text.append("…")
    pad = " " * (width - text.cell_len)
    return Text(pad) + text if justify == "right" else text + Text(pad)


def line_table(header: list[str], rows: list[list[Text]], widths: list[int], justify: list[str],
               caption: str | None = None) -> Text:
    """A table of one line per row, built directly as Text.

    Rich's Table measures and wraps every cell, which takes about a second for 2,000 visits; a
    listing needs neither, so this renders the same look (header, rule, rows) in a few milliseconds.
    """
    gap = Text("   ")
    out = Text()
    heads = zip(header, widths, justify, strict=True)
    out.append_text(gap.join(_fit(Text(h, style="bold"), w, j) for h, w, j in heads))
    out.append("\n" + "─" * (sum(widths) + 3 * (len(widths) - 1)) + "\n")
    out.append_text(Text("\n").join(gap.join(_fit(c, w, j) for c, w, j in zip(row, widths, justify, strict=True))
                                     for row in rows))
    if caption:
        out.append("\n" + caption, style="dim")
    return out


PUBLISHED_ONLY = "* date of publication: the sources do not give the dates of the visit"


def _outcome(r: Record) -> Text:
    """The overall grade in words and colour, else the theme of a visit without grades."""
    if r.graded and r.overall:
        g = r.overall
        label = g.label + (f" (= {g.on_scale.label.lower()})" if g.is_legacy else "")
        return Text(label, style=GRADE_STYLE[g.on_scale])
    if r.graded:
        return Text("no overall grade", style="dim")
    if r.kind.remit is Remit.SEND:  # an outcome, in words: never a grade
        return Text(r.outcome.short) if r.outcome else Text("outcome not given", style="dim italic")
    return _theme_text(r)


def list_table(records: Sequence[Record], width: int = 120) -> Text:
    """One line per visit. Narrow screens drop the kind, then the summary, before any grade."""
    from ..measures import days_to_publish, publish_summary

    multi = len({r.authority.name for r in records}) > 1
    rows: list[list[Text]] = []
    for r in records:
        days = days_to_publish(r)
        rows.append([
            Text(_when(r)), *([plain(r.authority.name)] if multi else []), plain(r.id), Text(r.kind.info.short),
            _outcome(r), Text("" if days is None else f"{days} days"),
            plain(r.headline or first_sentence(r.summary, 110)),
        ])
    header = ["When", *(["Authority"] if multi else []), "Visit", "Kind", "Grade or theme", "To publish", "Summary"]
    justify = ["right", *(["left"] if multi else []), "left", "left", "left", "right", "left"]
    widths = [max([len(h)] + [row[i].cell_len for row in rows]) for i, h in enumerate(header)]
    kind_col, grade_col, days_col, summary_col = len(header) - 4, len(header) - 3, len(header) - 2, len(header) - 1
    widths[grade_col] = min(widths[grade_col], 40)  # every grade and official theme fits
    widths[summary_col] = min(widths[summary_col], 60)
    drop = [] if any(row[days_col].plain for row in rows) else [days_col]  # no day known: no column

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
    starred = any(_when(r).endswith("*") for r in records)
    notes = [PUBLISHED_ONLY] if starred else []
    if days_col in keep:
        notes.append(publish_summary(records).sentence())
    return line_table([header[i] for i in keep], [[row[i] for i in keep] for row in rows], [widths[i] for i in keep],
                      [justify[i] for i in keep], "\n".join(notes) or None)


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


def _change_text(change: Change, steps: int) -> Text:
    return Text(f"{change.arrow} {change.described(steps)}".strip(), style=CHANGE_STYLE[change])


def _side_label(r: Record) -> str:
    return f"{r.id} ({_when(r)})"


def diff_renderable(d: Diff) -> Group:
    a, b = d.before, d.after
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    table.add_column("Area")
    table.add_column(_side_label(a))
    table.add_column(_side_label(b))
    table.add_column("Change")
    notes: list[str] = []
    for row in d.areas:
        na = "not graded (" + a.kind.info.short.lower() + ")" if not a.graded else "not judged"
        nb = "not graded (" + b.kind.info.short.lower() + ")" if not b.graded else "not judged"
        change = _change_text(row.change, row.steps)
        if row.note:
            if row.note not in notes:
                notes.append(row.note)
            change += Text(f" [{notes.index(row.note) + 1}]", style="dim")
        table.add_row(Text(row.area.short), grade_text(row.before, none=na), grade_text(row.after, none=nb), change)
    parts: list[RenderableType] = [Text(f"From {_side_label(a)} to {_side_label(b)}", style="bold")]
    if a.kind.remit is Remit.SEND:
        moved = d.outcome
        line = Text("Outcome: ") + outcome_text(a) + Text(" → ") + outcome_text(b)
        if moved is not None:
            line += Text("  ") + _change_text(*moved)
        parts.append(line)
    elif d.areas:
        parts.append(table)
        parts.append(Text(
            f"{d.count(Change.IMPROVED)} improved, {d.count(Change.DECLINED)} declined, "
            f"{d.count(Change.UNCHANGED)} unchanged"
            + (f", {d.count(Change.NEWLY_JUDGED)} newly judged" if d.count(Change.NEWLY_JUDGED) else "")
            + (f", {d.count(Change.NO_LONGER_JUDGED)} no longer judged" if d.count(Change.NO_LONGER_JUDGED) else "")
        ))
        for i, note in enumerate(notes, 1):
            parts.append(Text(f"[{i}] {note}", style="dim"))
    else:
        parts.append(Text("Neither visit was graded: no grades to compare.", style="dim"))
    parts += [Text(""), _heading("Themes of concern")]
    for key, title in (("no_longer_raised", "No longer raised"), ("still_raised", "Still raised"),
                       ("newly_raised", "Newly raised")):
        names = ", ".join(FINDING_THEMES[t].lower() for t in d.themes[key]) or "none"
        parts.append(Padding(Text(f"{title}: ", style="bold") + Text(names), (0, 0, 0, 2), expand=False))
    parts += [Text(""), _heading("Ungraded visits between")]
    if not d.between:
        parts.append(Padding(Text("none", style="dim"), (0, 0, 0, 2), expand=False))
    for r in d.between:
        line = Text(f"{_when(r)}  ") + plain(r.id) + Text(" — ") + _theme_text(r)
        parts.append(Padding(line, (0, 0, 0, 2), expand=False))
    return Group(*parts)


def timeline_table(t: Timeline) -> Table:
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    table.add_column("Area", no_wrap=True)
    for r in t.columns:
        table.add_column(Text(f"{r.year or '?'}\n{r.kind.info.short}"), min_width=12)
    for area in t.areas:
        cells: list[RenderableType] = [Text(area.short)]
        for i in range(len(t.columns)):
            c = t.cell(area, i)
            if c is None:
                cells.append(Text("·", style="dim"))
                continue
            text = grade_text(c.grade, compact=True)
            if c.change is not None and c.change.arrow:
                text = Text(c.change.arrow + " ", style=CHANGE_STYLE[c.change]) + text
            cells.append(text)
        table.add_row(*cells)
    visits_row: list[RenderableType] = [Text("Visits before", style="italic")]
    for visits in t.visits_before:
        visits_row.append(Text("\n".join(_visit_marker(v) for v in visits) or "—", style="italic dim"))
    table.add_section()
    table.add_row(*visits_row)
    return table


def _visit_marker(v: Record) -> str:
    return f"{v.kind.info.short} {v.year or ''}".strip()


def timeline_footer(t: Timeline) -> Text | None:
    if not t.visits_after:
        return None
    return Text("Visits since the last graded inspection: " + ", ".join(map(_visit_marker, t.visits_after)),
                style="italic")


def rows_table(header: Sequence[str], rows: Sequence[Sequence[object]]) -> Text:
    """A plain table of text rows, one line each, nothing cut (for reports such as `check`)."""
    cells = [[plain(c) for c in row] for row in rows]
    widths = [max([len(h)] + [row[i].cell_len for row in cells]) for i, h in enumerate(header)]
    return line_table(list(header), cells, widths, ["left"] * len(header))


def check_renderables(found) -> tuple[RenderableType, ...]:
    """`check`'s disagreements: one line each (what, the visit, the area, the two values), then each
    one's detail, dimmed."""
    visit = [d.record_id or d.official_id or "" for d in found]
    brief = [[d.kind.value, v, d.area.value if d.area else "—", d.official or "—", d.record or "—"]
             for d, v in zip(found, visit, strict=True)]
    details = [Text(f"{v}: {d.detail}", style="dim") for d, v in zip(found, visit, strict=True) if d.detail]
    return (rows_table(["disagreement", "visit", "area", "official", "record"], brief), *details)
