"""The committee report's content, as a model: one authority's journey, its latest inspection against
the previous one, the concerns that keep coming back, where it stands against its statistical
neighbours, its region and England, and every source.

The renderers (render/html.py, render/report_md.py, render/svg.py) only lay this out; every fact and
every sentence of the report is decided here. Nothing here prints or knows about Typer.

The comparison and the recurring concerns each sit behind one function (:func:`comparison_for`,
:func:`concerns_for`), computed from the records and the register of authorities.
"""

from __future__ import annotations

from ..words import month_words, when_words
from .build import build_report, chart_description, summary_text
from .messages import (
    as_at_sentence,
    change_message,
    concerns_message,
    recommendations_list,
    recommendations_message,
    report_authority,
    send_message,
    send_points,
)
from .model import Comparison, ConcernRow, Concerns, Report, Shares, SourceRef
from .phrases import theme_words, visit_words
from .sections import as_at_of, comparison_for, concerns_for, known_by, sources_for
from .tables import Table, change_table, concerns_table, journey_table, peers_table, shares_table, visits_table

__all__ = [
    "Comparison",
    "ConcernRow",
    "Concerns",
    "Report",
    "Shares",
    "SourceRef",
    "Table",
    "as_at_of",
    "as_at_sentence",
    "build_report",
    "change_message",
    "change_table",
    "chart_description",
    "comparison_for",
    "concerns_for",
    "concerns_message",
    "concerns_table",
    "journey_table",
    "known_by",
    "month_words",
    "peers_table",
    "recommendations_list",
    "recommendations_message",
    "report_authority",
    "send_message",
    "send_points",
    "shares_table",
    "sources_for",
    "summary_text",
    "theme_words",
    "visit_words",
    "visits_table",
    "when_words",
]
