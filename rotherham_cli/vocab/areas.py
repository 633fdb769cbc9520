"""Judgement areas: their keys, short names and display order."""

from __future__ import annotations

import enum

from .matching import VocabularyError, suggest


class Area(str, enum.Enum):
    """Canonical keys of judgement areas. The same key in two frameworks means the same area."""

    OVERALL_EFFECTIVENESS = "overall_effectiveness"
    LEADERSHIP = "leadership"
    HELP_AND_PROTECTION = "help_and_protection"
    CHILDREN_IN_CARE = "children_in_care"
    ADOPTION = "adoption"
    CARE_LEAVERS = "care_leavers"
    LSCB = "lscb"
    # Areas of the inspections before 2013 (names of the official 2009-2023 table).
    SAFEGUARDING = "safeguarding"
    LOOKED_AFTER_CHILDREN = "looked_after_children"
    CHILD_PROTECTION = "child_protection"

    @property
    def short(self) -> str:
        """A short plain name for tables (not an official wording)."""
        return _AREA_SHORT[self]


_AREA_SHORT = {
    Area.OVERALL_EFFECTIVENESS: "Overall effectiveness",
    Area.LEADERSHIP: "Leadership",
    Area.HELP_AND_PROTECTION: "Help and protection",
    Area.CHILDREN_IN_CARE: "Children in care",
    Area.ADOPTION: "Adoption",
    Area.CARE_LEAVERS: "Care leavers",
    Area.LSCB: "LSCB",
    Area.SAFEGUARDING: "Safeguarding (SLAC)",
    Area.LOOKED_AFTER_CHILDREN: "Looked after children",
    Area.CHILD_PROTECTION: "Child protection (CPI)",
}

# Display order of areas in tables.
AREA_ORDER: tuple[Area, ...] = tuple(Area)


def parse_area(word: str) -> Area:
    try:
        return Area(word)
    except ValueError:
        raise VocabularyError(
            f"'{word}' is not a judgement area" + suggest(str(word), [a.value for a in Area])
        ) from None
