"""The committee report as one self-contained HTML page.

No network access, no JavaScript, no web fonts: the styles are inline, the chart is inline SVG and
the fonts are the reader's system fonts. It prints on A4 (a print stylesheet: no table or chart cut
across pages, each section starting where it fits) and reads on a phone (one column, tables that
scroll sideways rather than squeeze). Every text from the records is escaped.
"""

from __future__ import annotations

from html import escape

from ..report import (
    Report,
    Table,
    change_message,
    change_table,
    concerns_message,
    concerns_table,
    journey_table,
    peers_table,
    shares_table,
    visits_table,
    when_words,
)
from ..vocab import Grade
from .svg import GRADE_FILL, journey_svg


def _e(value: object) -> str:
    return escape("" if value is None else str(value), quote=True)


_SWATCHES = "\n".join(
    f".g-{g.value}::before {{ background: {fill}; border-color: {stroke}; }}"
    for g, (fill, stroke) in GRADE_FILL.items()
)

CSS = """
:root { color-scheme: light; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body { margin: 0 auto; max-width: 62rem; padding: 1.25rem 1rem 2rem; color: #161616; background: #fff;
  font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
h1 { font-size: 1.75rem; line-height: 1.2; margin: 0 0 .25rem; }
h2 { font-size: 1.3rem; margin: 2rem 0 .5rem; padding-top: .5rem; border-top: 2px solid #161616; }
h3 { font-size: 1.05rem; margin: 1.25rem 0 .4rem; }
p { margin: .4rem 0 .8rem; max-width: 46rem; }
.kicker { text-transform: uppercase; letter-spacing: .06em; font-size: .8rem; color: #444; margin: 0; }
.asat { color: #333; margin-top: 0; }
.summary { font-size: 1.1rem; }
.note { color: #333; font-size: .92rem; }
.scroll { overflow-x: auto; -webkit-overflow-scrolling: touch; }
table { border-collapse: collapse; width: 100%; margin: .25rem 0 .5rem; font-size: .95rem; }
caption { caption-side: bottom; text-align: left; font-size: .9rem; color: #333; padding-top: .35rem; }
th, td { text-align: left; vertical-align: top; padding: .35rem .5rem; border-bottom: 1px solid #c8c8c8; }
thead th { border-bottom: 2px solid #161616; font-size: .88rem; }
tbody th { font-weight: 600; }
td.empty { color: #777; }
.g { display: inline-block; position: relative; padding-left: 1.2em; }
.g::before { content: ""; position: absolute; left: 0; top: .3em; width: .8em; height: .8em;
  border: 1.5px solid; border-radius: 50%;
  -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.g-inadequate::before { border-width: 2.5px; }
figure { margin: .5rem 0 0; }
figure .scroll svg { display: block; width: 100%; max-width: 56rem; height: auto; }
figcaption { font-size: .9rem; color: #333; margin-top: .35rem; }
.sources { padding-left: 1.4rem; font-size: .92rem; }
.sources li { margin-bottom: .45rem; break-inside: avoid; }
.sources a { overflow-wrap: anywhere; }
.cites { color: #444; }
footer { margin-top: 2rem; padding-top: .5rem; border-top: 1px solid #999; font-size: .85rem; color: #333; }
@media (max-width: 40rem) {
  body { padding: .75rem .6rem 1.5rem; font-size: 15px; }
  h1 { font-size: 1.45rem; }
  h2 { font-size: 1.15rem; }
  .summary { font-size: 1.02rem; }
  th, td { padding: .3rem .35rem; }
  table { font-size: .88rem; }
  figure .scroll svg { min-width: 34rem; }
}
@media print {
  @page { size: A4; margin: 14mm 14mm 16mm; }
  body { max-width: none; padding: 0; font-size: 10pt; }
  h2 { font-size: 13pt; margin-top: 1.2rem; break-after: avoid; page-break-after: avoid; }
  h3 { break-after: avoid; page-break-after: avoid; }
  p, caption, figcaption { orphans: 3; widows: 3; }
  table, figure, footer { break-inside: avoid; page-break-inside: avoid; }
  tr { break-inside: avoid; page-break-inside: avoid; }
  th, td { padding: .25rem .3rem; }
  table { font-size: 9pt; }
  table.wide { font-size: 8pt; }
  .scroll { display: contents; }
  figure .scroll svg { min-width: 0; max-height: 200mm; }
  .lead { break-after: avoid; page-break-after: avoid; }
  .sources a::after { content: " (" attr(href) ")"; font-size: 8.5pt; color: #333; }
  a { color: inherit; }
}
"""


def _grade(g: Grade) -> str:
    return f'<span class="g g-{g.on_scale.value}">{_e(g.label)}</span>'


def _cell(value: object, tag: str = "td") -> str:
    if value is None:
        return f'<{tag} class="empty">·</{tag}>'
    if isinstance(value, Grade):
        return f"<{tag}>{_grade(value)}</{tag}>"
    return f"<{tag}>{_e(value)}</{tag}>"


def table_html(t: Table, wide: bool = False) -> str:
    head = "".join(f'<th scope="col">{_e(h)}</th>' for h in t.header)
    body = "".join("<tr>" + _cell(row[0], "th") + "".join(_cell(c) for c in row[1:]) + "</tr>" for row in t.rows)
    caption = f"<caption>{_e(t.caption)}</caption>" if t.caption else ""
    notes = "".join(f'<p class="note">{_e(n)}</p>' for n in t.notes)
    cls = ' class="wide"' if wide else ""
    return (f'<div class="scroll"><table{cls}>{caption}<thead><tr>{head}</tr></thead><tbody>{body}</tbody>'
            f"</table></div>{notes}")


def _lead(text: str, table_follows: bool) -> str:
    """A paragraph that opens a section; in print it stays with the table it introduces."""
    return f'<p class="lead">{_e(text)}</p>' if table_follows else f"<p>{_e(text)}</p>"


def _section(ident: str, title: str, body: str) -> str:
    return f'<section class="{ident}" id="{ident}">\n<h2>{_e(title)}</h2>\n{body}\n</section>'


def _sources(report: Report) -> str:
    items = []
    for s in report.sources:
        title = _e(s.title)
        if s.url:
            title = f'<a href="{_e(s.url)}">{title}</a>'
        bits = [title, _e(s.publisher)]
        if s.date:
            bits.append(_e(s.date))
        if s.file:
            bits.append(f"local copy: {_e(s.file)}")
        cites = ", ".join(s.visits)
        items.append(f'<li>{". ".join(bits)}. <span class="cites">Cited by {_e(cites)}.</span></li>')
    return f'<ol class="sources">{"".join(items)}</ol>'


def report_html(report: Report) -> str:
    """The whole page."""
    as_at = when_words(report.as_at)
    parts = [
        "<header>",
        '<p class="kicker">Ofsted inspections of children\'s services</p>',
        f"<h1>{_e(report.name)}</h1>",
        f'<p class="asat">Ofsted\'s judgements as at {_e(as_at)}, the latest date in the records.</p>',
        "</header>",
        "<main>",
        _section("summary", "In short", f'<p class="summary">{_e(report.summary)}</p>'
                 + (f'<p class="note">{_e(concerns_message(report))}</p>' if report.official_only else "")),
    ]
    change = change_table(report)
    parts.append(_section("change", "The latest inspection against the previous one",
                          _lead(change_message(report), change is not None) + (table_html(change) if change else "")))
    figure = (
        '<figure><div class="scroll">' + journey_svg(report) + "</div>"
        "<figcaption>Each row is one judgement area; the four steps are Ofsted's grades, outstanding at the "
        "top. Each mark is a graded inspection, placed at its date; a triangle is a visit without grades. "
        "The same grades are in the table below.</figcaption></figure>"
    )
    journey = figure + "<h3>The journey as a table</h3>" + table_html(journey_table(report), wide=True)
    if report.visits:
        journey += "<h3>Visits without grades</h3>" + table_html(visits_table(report))
    parts.append(_section("journey", "The journey", journey))
    concerns = concerns_table(report)
    parts.append(_section("concerns", "Concerns that keep coming back",
                          _lead(concerns_message(report), concerns is not None and not report.official_only)
                          + (table_html(concerns) if concerns and not report.official_only else "")))
    cmp = report.comparison
    body = ""
    if cmp.note:
        body += f'<p class="note">{_e(cmp.note)}</p>'
    peers, shares = peers_table(report), shares_table(report)
    if peers:
        body += f"<h3>{_e(report.name)} and its {_e(cmp.neighbours_title)}</h3>" + table_html(peers)
    if shares:
        where = " and ".join(s.label for s in (cmp.region, cmp.england) if s)
        body += f"<h3>{_e(where)}</h3>" + table_html(shares)
    parts.append(_section("comparison", "Against neighbours, region and England", body))
    parts.append(_section("sources", "Sources", _sources(report)))
    parts.append("</main>")
    parts.append(
        f"<footer>Made with judgements {_e(report.version)} from {len(report.records)} records of "
        f"{_e(report.name)}; data as at {_e(as_at)}. Grades are Ofsted's; the summary, the comparison and the "
        "themes of concern are the tool's reading of the records.</footer>"
    )
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en-GB">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta name="generator" content="judgements {_e(report.version)}">\n'
        f"<title>{_e(report.title)}</title>\n"
        f"<style>{CSS}{_SWATCHES}\n</style>\n</head>\n<body>\n" + "\n".join(parts) + "\n</body>\n</html>\n"
    )
