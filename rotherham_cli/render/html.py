"""The committee report as one self-contained HTML page, from a Jinja2 template with autoescaping
(templates/report.html.j2).

No network access, no JavaScript, no web fonts: the styles are inline, the chart is inline SVG and
the fonts are the reader's system fonts. It prints on A4 (a print stylesheet: no table or chart cut
across pages, each section starting where it fits) and reads on a phone (one column, tables that
scroll sideways rather than squeeze). Every text from the records is escaped by the template engine;
only the stylesheet below and the chart (render/svg.py escapes its own text) are marked safe.
"""

from __future__ import annotations

from functools import cache

from ..report import (
    Report,
    as_at_sentence,
    change_message,
    change_table,
    concerns_message,
    concerns_table,
    journey_table,
    peers_table,
    recommendations_list,
    recommendations_message,
    send_message,
    send_points,
    shares_table,
    visits_table,
    when_words,
)
from ..vocab import Grade
from .machine import printable
from .svg import GRADE_FILL, journey_svg

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
ol.recommendations { padding-left: 1.4rem; max-width: 46rem; }
ol.recommendations li { margin-bottom: .35rem; break-inside: avoid; }
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


@cache
def _template():
    from jinja2 import Environment, PackageLoader, StrictUndefined
    from markupsafe import Markup

    def clean(value):  # text from outside: no control, escape or bidi characters (render.machine.printable)
        return printable(value) if isinstance(value, str) and not isinstance(value, Markup) else value

    env = Environment(loader=PackageLoader("rotherham_cli", "templates"), autoescape=True, finalize=clean,
                      undefined=StrictUndefined, keep_trailing_newline=True)
    env.tests["grade"] = lambda value: isinstance(value, Grade)
    return env.get_template("report.html.j2")


def report_html(report: Report) -> str:
    """The whole page."""
    from markupsafe import Markup

    cmp = report.comparison
    return _template().render(
        report=report,
        css=Markup(CSS + _SWATCHES),
        chart=Markup(journey_svg(report)),
        as_at=when_words(report.as_at) if report.as_at else "no date",
        as_at_sentence=as_at_sentence(report),
        change_message=change_message(report),
        change=change_table(report),
        recommendations_message=recommendations_message(report),
        recommendations=recommendations_list(report),
        send_message=send_message(report),
        send_points=send_points(report),
        journey=journey_table(report),
        visits=visits_table(report) if report.visits else None,
        concerns_message=concerns_message(report),
        concerns=concerns_table(report),
        comparison=cmp,
        peers=peers_table(report),
        shares=shares_table(report),
        shares_title=" and ".join(s.label for s in (cmp.region, cmp.england) if s),
    )
