"""Visit themes (ungraded visits) and finding themes."""

from __future__ import annotations

import enum

from .matching import VocabularyError, _norm, suggest

# The official themes of focused and monitoring visits, as the official statistics word them
# (column "Visit Theme" of the in-year tables, 2023 and 2025 releases), plus the older focus
# wordings of SIF-era monitoring visits.
VISIT_THEMES: dict[str, str] = {
    "children_in_need_or_plan": "Children in need/subject to a plan",
    "care_leavers": "Care leavers",
    "children_in_care": "Children in care",
    "front_door": "Front door",
    "achieving_permanence": "Achieving permanence",
    "vulnerable_adolescents": "Vulnerable adolescents",
    "help_and_protection": "Children in need of help and protection",
    "looked_after_children": "Looked after children",
}


def theme_label(theme: str | None) -> str:
    """A visit theme's official words ('' where none is given)."""
    return VISIT_THEMES.get(theme, theme) if theme else ""


def parse_visit_theme(word: str) -> str:
    if word in VISIT_THEMES:
        return word
    for key, label in VISIT_THEMES.items():
        if _norm(label) == _norm(word):
            return key
    raise VocabularyError(
        f"'{word}' is not a visit theme" + suggest(word, list(VISIT_THEMES))
    )


# The controlled list of themes a finding can be tagged with.
FINDING_THEMES: dict[str, str] = {
    "leadership": "Leadership and governance",
    "management_oversight": "Management oversight and supervision",
    "quality_assurance": "Quality assurance, audit and performance data",
    "workforce_stability": "Workforce stability and caseloads",
    "partnership": "Partnership working",
    "early_help": "Early help",
    "front_door": "Front door and thresholds",
    "assessment_quality": "Quality of assessments",
    "planning": "Quality of plans",
    "child_protection": "Child protection practice",
    "child_exploitation": "Child exploitation and missing children",
    "permanence": "Permanence",
    "placement_sufficiency": "Placements and sufficiency",
    "care_leavers": "Care leavers",
    "voice_of_child": "Voice and participation of children",
    "education": "Education and attendance",
    "health": "Health and wellbeing",
    "disabled_children": "Disabled children",
    "identity": "Identity and life story work",
    "adoption": "Adoption",
    "lscb": "Safeguarding board",
}


def parse_finding_theme(word: str) -> str:
    if word in FINDING_THEMES:
        return word
    raise VocabularyError(
        f"'{word}' is not a finding theme" + suggest(word, list(FINDING_THEMES))
    )


class FindingKind(str, enum.Enum):
    STRENGTH = "strength"
    IMPROVEMENT = "improvement"

    @property
    def label(self) -> str:
        return "Strength" if self is FindingKind.STRENGTH else "Area for improvement"
