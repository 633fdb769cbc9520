"""The committee report as Markdown, for pasting into a paper; the chart is an SVG file beside it.

Text from the records is written with ``<``, ``>`` and ``&`` as entities, so a Markdown renderer that
passes HTML through shows it as typed, and with Markdown's own syntax escaped (machine.markdown_escaped),
so a title or a publisher cannot add a link, an image or emphasis; a link's address has the characters
that would end it percent-encoded.
"""

from __future__ import annotations

import base64
import stat
from html import escape
from pathlib import Path

from ..report import (
    Report,
    Table,
    as_at_sentence,
    change_message,
    change_table,
    chart_description,
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
from .machine import markdown_escaped, markdown_text, printable


def chart_path(output: str) -> Path | None:
    """Where the chart goes beside a Markdown report: report.md -> report-journey.svg. None where the
    report is no file to put it beside ('-' for stdout, a device, a pipe): the chart is then inline."""
    if output == "-":
        return None
    p = Path(output)
    try:
        mode = p.stat().st_mode
    except OSError:  # not there yet: a new file
        mode = stat.S_IFREG
    if not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):  # /dev/null, /dev/stdout, a FIFO (a folder is refused later)
        return None
    return p.with_name(f"{p.stem}-journey.svg")


def _inline_chart(report: Report) -> str:
    """The chart as a data: address, for a report with no file beside it."""
    from .svg import svg_document

    return "data:image/svg+xml;base64," + base64.b64encode(svg_document(report).encode("utf-8")).decode("ascii")


def _plain(value: object) -> str:
    """Text from the records on one line, cleaned, with ``<``, ``>`` and ``&`` as entities (a table cell:
    markdown_text escapes the rest)."""
    return escape(" ".join(printable(value).split()), quote=False)


def _md(value: object, starts_block: bool = False) -> str:
    """Text from the records as Markdown that shows it as typed: no link, image or emphasis made of it."""
    return markdown_escaped(_plain(value), starts_block)


def _url(url: str) -> str:
    for ch, code in (("(", "%28"), (")", "%29"), ("<", "%3C"), (">", "%3E"), (" ", "%20"), ('"', "%22")):
        url = url.replace(ch, code)
    return url


def _cell(value: object) -> str:
    if value is None:
        return "·"
    if isinstance(value, Grade):
        return value.label
    return _plain(value)


def table_md(t: Table) -> str:
    out = markdown_text([_plain(h) for h in t.header], [[_cell(c) for c in row] for row in t.rows],
                        drop_empty=False)
    if t.caption:
        out += f"\n{_md(t.caption, True)}\n"
    for note in t.notes:
        out += f"\n{_md(note, True)}\n"
    return out


def report_markdown(report: Report, chart_file: str | None) -> str:
    """The report; ``chart_file`` is the chart's file beside it, or None to put the chart inline."""
    as_at = when_words(report.as_at) if report.as_at else "no date"
    parts = [
        f"# {_md(report.name)}: Ofsted's judgements on children's services",
        _md(as_at_sentence(report)),
        "## In short",
        _md(report.summary, True),
    ]
    if report.official_only:
        parts.append(_md(concerns_message(report), True))
    parts += [
        "## The journey",
        f"![{_md(chart_description(report))}]({_url(chart_file) if chart_file else _inline_chart(report)})",
        "Each row is one judgement area; the four steps are Ofsted's grades, outstanding at the top. "
        "Each mark is a graded inspection, placed at its date; a triangle is a visit without grades.",
        table_md(journey_table(report)),
    ]
    if report.visits:
        parts += ["### Visits without grades", table_md(visits_table(report))]
    parts += ["## The latest inspection against the previous one", _md(change_message(report), True)]
    change = change_table(report)
    if change:
        parts.append(table_md(change))
    parts += ["## What the latest inspection asked for", _md(recommendations_message(report))]
    points = recommendations_list(report)
    if points:
        parts.append("\n".join(f"{i}. {_md(t)}" for i, t in enumerate(points, 1)))
    parts += ["## SEND: the area's last inspection", _md(send_message(report))]
    for title, items in send_points(report):
        parts += [f"### {title}", "\n".join(f"{i}. {_md(t)}" for i, t in enumerate(items, 1))]
    parts += ["## Concerns that keep coming back", _md(concerns_message(report), True)]
    concerns = concerns_table(report)
    if concerns and not report.official_only:
        parts.append(table_md(concerns))
    parts.append("## Against neighbours, region and England")
    cmp = report.comparison
    if cmp.note:
        parts.append(_md(cmp.note, True))
    for t in (peers_table(report), shares_table(report)):
        if t:
            parts.append(table_md(t))
    parts.append("## Sources")
    for i, s in enumerate(report.sources, 1):
        title = f"[{_md(s.title)}]({_url(s.url)})" if s.url else _md(s.title, True)
        bits = [title, _md(s.publisher), *([_md(s.date)] if s.date else []),
                *([f"local copy: {_md(s.file)}"] if s.file else [])]
        parts.append(f"{i}. {'. '.join(bits)}. Cited by {_md(', '.join(s.visits))}.")
    parts.append("---")
    parts.append(f"Made with judgements {report.version} from {len(report.records)} records of {_md(report.name)}; "
                 f"data as at {as_at}.")
    return "\n\n".join(p.rstrip("\n") for p in parts) + "\n"
