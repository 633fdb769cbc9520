"""What a report's words say: grades and judgement areas (matched with the vocabulary's wordings), dates,
the title and the authority, the lead inspector, the recommendations."""

from __future__ import annotations

from .dates import _inspection_dates, _later_blocks, _published
from .grades import (
    _READ_FRAMEWORKS,
    _SIF_FRAMEWORKS,
    _best_framework,
    _grade_at,
    _previous_sif_overall,
    _sif_lscb,
    _sif_numbered_headings,
    _sif_overall,
    _table_grades,
    _words_re,
)
from .names import (
    _GENERIC_TITLE_RE,
    _LSCB_ONLY_RE,
    _NAME_SPAN,
    _TLAC_GRADE_RE,
    _TLAC_TITLE_RE,
    _lead_inspectors,
    _looks_like_report,
    _team,
    _title_and_name,
)
from .recommendations import _BULLET_RE, _recommendations

__all__ = [
    "_BULLET_RE",
    "_GENERIC_TITLE_RE",
    "_LSCB_ONLY_RE",
    "_NAME_SPAN",
    "_READ_FRAMEWORKS",
    "_SIF_FRAMEWORKS",
    "_TLAC_GRADE_RE",
    "_TLAC_TITLE_RE",
    "_best_framework",
    "_grade_at",
    "_inspection_dates",
    "_later_blocks",
    "_lead_inspectors",
    "_looks_like_report",
    "_previous_sif_overall",
    "_published",
    "_recommendations",
    "_sif_lscb",
    "_sif_numbered_headings",
    "_sif_overall",
    "_table_grades",
    "_team",
    "_title_and_name",
    "_words_re",
]
