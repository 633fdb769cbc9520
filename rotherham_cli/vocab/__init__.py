"""The domain vocabulary: grades, judgement areas, frameworks, kinds of visit, themes.

This package is the one home of every fact of the domain. Nothing else in the project spells out
an official wording, a grade's rank or which areas a framework grades: it asks this package.

It imports nothing beyond the standard library so that it is cheap to load.

Sources of the wordings:
- SIF (2013-2018): the front page and headings of Ofsted's SIF reports (for example Rotherham 2014,
  ../shared/data/reports/rotherham-2014-11-19-sif-inspection.pdf).
- ILACS (2018 onwards): the judgement table on the front page of ILACS reports, and the column
  headers of Ofsted's official statistics (LA inspection outcomes as at 31 March 2025).
- Pre-2013 inspections (SLAC, CPI, TLAC): the column headers of the official table
  "LA inspections 2009-2023" (Children's social care data in England 2023).
- Area SEND inspections (Ofsted and CQC, from January 2023): the "Inspection outcome" paragraph on the
  first page of the reports (for example ../shared/data/send/rotherham-2024-11-14.pdf) and the
  "Inspection team" table on their last pages.
"""

from __future__ import annotations

from .areas import AREA_ORDER, Area, parse_area
from .frameworks import FRAMEWORKS, HEADLINE_AREAS, Framework, FrameworkInfo, Remit, framework_for, scope_note
from .grades import SCALE, Change, Grade, compare_grades, parse_grade
from .kinds import (
    ILACS_SHORT_MAX_DAYS,
    KIND_GROUPS,
    KINDS,
    SEND_GROUP,
    Kind,
    KindInfo,
    graded_areas,
    kind_of_official,
    may_grade,
    parse_kind_filter,
)
from .matching import NEAR_CUTOFF, VocabularyError, did_you_mean, folded, nearest, suggest
from .send_outcomes import (
    SEND_OUTCOME_KEY_WORDS,
    SEND_OUTCOMES,
    Inspectorate,
    SendOutcome,
    SendOutcomeInfo,
    parse_send_outcome,
    send_outcome_of_code,
)
from .themes import FINDING_THEMES, VISIT_THEMES, FindingKind, parse_finding_theme, parse_visit_theme, theme_label

__all__ = [
    "AREA_ORDER",
    "FINDING_THEMES",
    "FRAMEWORKS",
    "HEADLINE_AREAS",
    "ILACS_SHORT_MAX_DAYS",
    "KINDS",
    "KIND_GROUPS",
    "NEAR_CUTOFF",
    "SCALE",
    "SEND_GROUP",
    "SEND_OUTCOMES",
    "SEND_OUTCOME_KEY_WORDS",
    "VISIT_THEMES",
    "Area",
    "Change",
    "FindingKind",
    "Framework",
    "FrameworkInfo",
    "Grade",
    "Inspectorate",
    "Kind",
    "KindInfo",
    "Remit",
    "SendOutcome",
    "SendOutcomeInfo",
    "VocabularyError",
    "compare_grades",
    "did_you_mean",
    "folded",
    "framework_for",
    "graded_areas",
    "kind_of_official",
    "may_grade",
    "nearest",
    "parse_area",
    "parse_finding_theme",
    "parse_grade",
    "parse_kind_filter",
    "parse_send_outcome",
    "parse_visit_theme",
    "scope_note",
    "send_outcome_of_code",
    "suggest",
    "theme_label",
]
