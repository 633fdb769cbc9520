"""The journey chart: an SVG drawn by the project, standard library only.

One row per judgement area, the four grades of today's scale as ordered steps in each row
(outstanding at the top), every graded inspection on one time axis, and the ungraded visits marked
with their theme in a last row. A grade is a word on its step as well as a colour; the four colours
differ in lightness (and inadequate is hollow with a cross), so a greyscale print keeps them apart.

Where it is drawn, so that a test can check it: a visit is at the x of its date (its first day on site;
the first day of its month or year where only those are known), on a linear scale whose year ticks
(``line.tick[data-year]``) stand at 1 January of each year; a grade is at the y of its step in its row
(``line.step[data-area][data-step]``). Each mark (``circle.grade``) carries ``data-visit``,
``data-area`` and ``data-grade``.
"""

from __future__ import annotations

from datetime import date
from html import escape

from ..models import Record
from ..report import Report, chart_description, theme_words, when_words
from ..vocab import SCALE, Grade
from .machine import printable

FONT = "system-ui, -apple-system, Segoe UI, Roboto, Helvetica Neue, Arial, sans-serif"

# Fill and outline of each grade's mark. Lightness (Rec. 601 luma) 0.18, 0.49, 0.77 and a white fill:
# four greys apart on a black-and-white printer. Inadequate also carries a cross.
GRADE_FILL = {
    Grade.OUTSTANDING: ("#123f2b", "#123f2b"),
    Grade.GOOD: ("#4f9d5a", "#1f4d27"),
    Grade.REQUIRES_IMPROVEMENT: ("#f3c443", "#5c4600"),
    Grade.INADEQUATE: ("#ffffff", "#b2182b"),
}

WIDTH = 640
LEFT = 132  # the gutter holding the grade words of each row
RIGHT = 16
LANE = 15  # height of one line of labels
HEAD = 19  # an area's heading above its steps
STEP = 11  # between two grade steps
ROW_PAD = 13
MARK = 6


def _a(value: object) -> str:
    """An attribute or text value, cleaned (machine.printable) and escaped for XML."""
    return escape(printable(value), quote=True)


def _num(x: float) -> str:
    return f"{x:.2f}".rstrip("0").rstrip(".")


def _text_width(text: str, size: float) -> float:
    return 0.56 * size * len(text)


def visit_day(r: Record) -> date | None:
    """The day a visit is drawn at: its first known day."""
    return r.when.earliest if r.when else None


class _Scale:
    def __init__(self, days: list[date]):
        first = min(days).year if days else date.today().year
        last = max(days).year if days else first
        self.start = date(first, 1, 1)
        self.end = date(last + 1, 1, 1)
        self.years = list(range(first, last + 2))

    def x(self, day: date) -> float:
        span = self.end.toordinal() - self.start.toordinal()
        return LEFT + (day.toordinal() - self.start.toordinal()) / span * (WIDTH - LEFT - RIGHT)


def _lanes(spans: list[tuple[float, float]]) -> list[int]:
    """A lane for each label's (start, end), left to right, so that no two labels in a lane overlap."""
    ends: list[float] = []
    out = []
    for start, end in spans:
        for i, last in enumerate(ends):
            if start > last + 6:
                ends[i] = end
                out.append(i)
                break
        else:
            ends.append(end)
            out.append(len(ends) - 1)
    return out


def _placed(x: float, text: str, size: float, gap: float) -> tuple[float, float, str]:
    """Where a label beside a mark at x goes: to its right, or to its left where it would run past
    the right edge. (start, end, text-anchor)."""
    w = _text_width(text, size)
    if x + gap + w <= WIDTH - 4:
        return x + gap, x + gap + w, "start"
    return x - gap - w, x - gap, "end"


def _mark(parts: list[str], x: float, y: float, grade: Grade, attrs: str, tip: str) -> None:
    fill, stroke = GRADE_FILL[grade.on_scale]
    width = 2.5 if grade.on_scale is Grade.INADEQUATE else 1.5
    parts.append(
        f'<circle class="grade" cx="{_num(x)}" cy="{_num(y)}" r="{MARK}" fill="{fill}" stroke="{stroke}" '
        f'stroke-width="{width}" {attrs}><title>{_a(tip)}</title></circle>'
    )
    if grade.on_scale is Grade.INADEQUATE:
        d = MARK * 0.55
        parts.append(
            f'<path d="M{_num(x - d)} {_num(y - d)}L{_num(x + d)} {_num(y + d)}M{_num(x - d)} {_num(y + d)}'
            f'L{_num(x + d)} {_num(y - d)}" stroke="{stroke}" stroke-width="2" aria-hidden="true"/>'
        )


def journey_svg(report: Report, ids: str = "journey") -> str:
    """The chart as an SVG document (usable inline in HTML as it is)."""
    t = report.timeline
    visits = report.visits
    days = [d for r in [*t.columns, *visits] if (d := visit_day(r)) is not None]
    scale = _Scale(days)
    parts: list[str] = []

    # Legend, on as many lines as it needs.
    y = 18
    x = 8.0
    parts.append(f'<text x="{_num(x)}" y="{y + 4}" font-size="11" fill="#333">Grades:</text>')
    x += 50
    entries = [(g.label, g) for g in SCALE] + [("Visit without grades", None)]
    for label, g in entries:
        w = 2 * MARK + 14 + _text_width(label, 11)
        if x + w > WIDTH - 4:
            x, y = 58.0, y + LANE + 2
        if g is None:
            parts.append(f'<path d="{_triangle(x + MARK, y)}" fill="#fff" stroke="#333" stroke-width="1.5"/>')
        else:
            _mark(parts, x + MARK, y, g, 'data-legend="1"', g.label)
        parts.append(f'<text x="{_num(x + 2 * MARK + 5)}" y="{y + 4}" font-size="11">{_a(label)}</text>')
        x += w

    # Graded inspections: labels at the top, a faint line down the chart.
    top = y + 22
    cols = [(scale.x(d), f"{r.year} {r.kind.info.short}") for r in t.columns if (d := visit_day(r))]
    col_spans = [_placed(cx, label, 11, 0) for cx, label in cols]
    lanes = _lanes([(a, b) for a, b, _ in col_spans])
    n_lanes = max(lanes, default=-1) + 1
    rows_top = top + n_lanes * LANE + 8
    rows_h = len(t.areas) * (HEAD + 3 * STEP + ROW_PAD)
    if not t.areas:
        rows_h = 40
        parts.append(f'<text x="{LEFT}" y="{rows_top + 24}" font-size="12">No graded inspection in the '
                     'records.</text>')
    axis_y = rows_top + rows_h + 4
    for (cx, label), lane, (_, _, anchor) in zip(cols, lanes, col_spans, strict=True):
        ty = top + lane * LANE + 10
        parts.append(f'<text x="{_num(cx)}" y="{ty}" font-size="11" fill="#333" text-anchor="{anchor}">'
                     f'{_a(label)}</text>')
        parts.append(f'<line x1="{_num(cx)}" y1="{ty + 3}" x2="{_num(cx)}" y2="{axis_y}" stroke="#999" '
                     'stroke-width="1" stroke-dasharray="2 3"/>')

    # One row per area.
    for i, area in enumerate(t.areas):
        row_top = rows_top + i * (HEAD + 3 * STEP + ROW_PAD)
        parts.append(f'<g class="area" data-area="{_a(area.value)}">')
        parts.append(f'<text x="8" y="{row_top + 13}" font-size="12.5" font-weight="bold">{_a(area.short)}</text>')
        step_y = {}
        for k, g in enumerate(SCALE):
            sy = row_top + HEAD + 4 + k * STEP
            step_y[g] = sy
            parts.append(f'<line class="step" data-area="{_a(area.value)}" data-step="{g.value}" x1="{LEFT}" '
                         f'y1="{sy}" x2="{WIDTH - RIGHT}" y2="{sy}" stroke="#d9d9d9" stroke-width="1"/>')
            parts.append(f'<text x="{LEFT - 8}" y="{sy + 3.5}" font-size="10" text-anchor="end" '
                         f'fill="#333">{_a(g.short)}</text>')
        points = []
        for c, r in enumerate(t.columns):
            cell = t.cell(area, c)
            d = visit_day(r)
            if cell is None or d is None:
                continue
            points.append((scale.x(d), step_y[cell.grade.on_scale], cell.grade, r))
        if len(points) > 1:
            path = " ".join(f"{'M' if k == 0 else 'L'}{_num(px)} {_num(py)}" for k, (px, py, _, _) in enumerate(points))
            parts.append(f'<path d="{path}" fill="none" stroke="#666" stroke-width="1.5"/>')
        for px, py, grade, r in points:
            legacy = f" (on today's scale: {grade.on_scale.label})" if grade.is_legacy else ""
            tip = f"{area.short}, {r.kind.label}, {when_words(r.when)}: {grade.label}{legacy}"
            attrs = f'data-visit="{_a(r.id)}" data-area="{_a(area.value)}" data-grade="{grade.value}"'
            _mark(parts, px, py, grade, attrs, tip)
            if grade.is_legacy:
                parts.append(f'<text x="{_num(px + MARK + 3)}" y="{_num(py - MARK)}" font-size="9.5" '
                             f'fill="#333">{_a(grade.label)}</text>')
        parts.append("</g>")

    # The time axis.
    parts.append(f'<line x1="{LEFT}" y1="{axis_y}" x2="{WIDTH - RIGHT}" y2="{axis_y}" stroke="#333"/>')
    every = 1 if len(scale.years) <= 18 else (2 if len(scale.years) <= 36 else 5)
    for yr in scale.years:
        tx = scale.x(date(yr, 1, 1))
        parts.append(f'<line class="tick" data-year="{yr}" x1="{_num(tx)}" y1="{axis_y}" x2="{_num(tx)}" '
                     f'y2="{axis_y + 5}" stroke="#333"/>')
        if yr % every == 0 and yr != scale.years[-1]:
            parts.append(f'<text x="{_num(tx + 2)}" y="{axis_y + 17}" font-size="10.5" fill="#333">{yr}</text>')

    # Ungraded visits: a numbered triangle at each one's date, and the numbers listed with the themes.
    xs = [scale.x(d) if (d := visit_day(r)) else LEFT for r in visits]
    lanes = _lanes([(x - MARK, x + MARK + _text_width(str(n), 10)) for n, x in enumerate(xs, 1)])
    vy = axis_y + 44 + 11 * max(lanes, default=0)
    parts.append(f'<text x="8" y="{vy + 4}" font-size="12.5" font-weight="bold">Visits without grades</text>')
    if not visits:
        parts.append(f'<text x="{_num(16 + _text_width("Visits without grades", 12.5))}" y="{vy + 4}" '
                     'font-size="11">none in the records</text>')
        height = vy + 18
    else:
        for n, (vx, lane, r) in enumerate(zip(xs, lanes, visits, strict=True), 1):
            text = f"{r.kind.label}, {when_words(r.when)}: {theme_words(r)}"
            parts.append(f'<path class="visit" data-visit="{_a(r.id)}" data-x="{_num(vx)}" '
                         f'd="{_triangle(vx, vy)}" fill="#fff" stroke="#333" stroke-width="1.5">'
                         f'<title>{_a(text)}</title></path>')
            parts.append(f'<text x="{_num(vx)}" y="{vy - MARK - 4 - lane * 11}" font-size="10" '
                         f'text-anchor="middle" font-weight="bold">{n}</text>')
        ly = vy + 24
        for n, r in enumerate(visits, 1):
            text = f"{r.kind.label}, {when_words(r.when)}: {theme_words(r)}"
            parts.append(f'<text x="{LEFT}" y="{ly}" font-size="10.5"><tspan font-weight="bold">{n}</tspan> '
                         f'{_a(text)}</text>')
            ly += LANE
        height = ly - 4

    span = str(scale.years[0]) if len(scale.years) == 2 else f"{scale.years[0]}-{scale.years[-2]}"
    title = f"{report.name}: Ofsted's judgements, {span}"
    desc = chart_description(report)
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="journey" viewBox="0 0 {WIDTH} {height}" '
        f'width="{WIDTH}" height="{height}" role="img" aria-labelledby="{ids}-title {ids}-desc" '
        f'font-family="{FONT}" fill="#111">'
        f'<title id="{ids}-title">{_a(title)}</title><desc id="{ids}-desc">{_a(desc)}</desc>'
        f'<rect width="{WIDTH}" height="{height}" fill="#fff"/>'
    )
    return head + "\n".join(parts) + "</svg>\n"


def _triangle(x: float, y: float) -> str:
    return f"M{_num(x)} {_num(y - MARK)}L{_num(x + MARK)} {_num(y + MARK - 1)}L{_num(x - MARK)} {_num(y + MARK - 1)}Z"


def svg_document(report: Report) -> str:
    """The chart as a file of its own."""
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + journey_svg(report)
