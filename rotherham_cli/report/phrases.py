"""The words of one visit, as the report's sentences and tables name it."""

from __future__ import annotations

from ..models import Record
from ..vocab import VISIT_THEMES
from ..words import a_kind, month_words


def visit_words(r: Record) -> str:
    """'an ILACS short inspection', 'a focused visit'."""
    return a_kind(r.kind.label)


def theme_words(r: Record) -> str:
    """The theme of an ungraded visit, or 'theme not given'."""
    return VISIT_THEMES.get(r.theme, r.theme) if r.theme else "theme not given"


def _visit_head(r: Record) -> str:
    return f"{r.kind.info.short}, {month_words(r.when)}"
