"""The files a report is made of, in the format asked for: (path or None for stdout, text) pairs."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..choices import ReportFormat

if TYPE_CHECKING:
    from ..report import Report


def report_documents(rep: Report, fmt: ReportFormat, output: str | None) -> list[tuple[str | None, str]]:
    """HTML: one self-contained page. Markdown: the chart as an SVG file beside the page, written first;
    inline in the page where it has no file to go beside (stdout, a device, a pipe)."""
    if fmt is ReportFormat.html:
        from .html import report_html

        return [(output, report_html(rep))]
    from .report_md import chart_path, report_markdown
    from .svg import svg_document

    chart = chart_path(output) if output is not None else None
    if chart is None:
        return [(output, report_markdown(rep, None))]
    return [(str(chart), svg_document(rep)), (output, report_markdown(rep, chart.name))]
