"""Grades: the four-step scale and the older words placed on it, reading a grade in any of Ofsted's
wordings, and how a grade moved from one visit to the next."""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING

from .matching import VocabularyError, _norm, suggest

if TYPE_CHECKING:
    from .send_outcomes import SendOutcome


class Grade(str, enum.Enum):
    """A grade as a record states it. Four steps on today's scale, plus two older words."""

    OUTSTANDING = "outstanding"
    GOOD = "good"
    REQUIRES_IMPROVEMENT = "requires_improvement"
    INADEQUATE = "inadequate"
    # Older words, kept as the report used them and placed on today's scale as Ofsted's official
    # statistics place them (the 2009-2023 table shows 2010-2012 "adequate" as "Requires
    # improvement to be good").
    ADEQUATE = "adequate"
    SATISFACTORY = "satisfactory"

    @property
    def label(self) -> str:
        """Ofsted's wording of the grade."""
        return _GRADE_LABEL[self]

    @property
    def short(self) -> str:
        """A compact form of Ofsted's wording for narrow cells ("Requires improvement")."""
        return "Requires improvement" if self is Grade.REQUIRES_IMPROVEMENT else self.label

    @property
    def in_words(self) -> str:
        """The grade mid-sentence: 'requires improvement to be good', 'adequate'."""
        return self.label[0].lower() + self.label[1:]

    @property
    def on_scale(self) -> Grade:
        """The step of today's four-step scale this grade stands on."""
        return _LEGACY_SCALE.get(self, self)

    @property
    def rank(self) -> int:
        """1 outstanding .. 4 inadequate."""
        return SCALE.index(self.on_scale) + 1

    @property
    def is_legacy(self) -> bool:
        return self in _LEGACY_SCALE

    def __str__(self) -> str:  # pragma: no cover - convenience
        return self.value


SCALE: tuple[Grade, ...] = (
    Grade.OUTSTANDING,
    Grade.GOOD,
    Grade.REQUIRES_IMPROVEMENT,
    Grade.INADEQUATE,
)

_LEGACY_SCALE = {Grade.ADEQUATE: Grade.REQUIRES_IMPROVEMENT, Grade.SATISFACTORY: Grade.REQUIRES_IMPROVEMENT}


class Change(str, enum.Enum):
    """How an area's grade moved from one visit to the next."""

    IMPROVED = "improved"
    DECLINED = "declined"
    UNCHANGED = "unchanged"
    NEWLY_JUDGED = "newly_judged"
    NO_LONGER_JUDGED = "no_longer_judged"

    @property
    def words(self) -> str:
        return self.value.replace("_", " ")

    @property
    def arrow(self) -> str:
        return {"improved": "↑", "declined": "↓"}.get(self.value, "")

    def described(self, steps: int) -> str:
        """'improved by 2 steps', 'unchanged', 'newly judged'."""
        from ..words import count

        return f"{self.words} by {count(steps, 'step')}" if steps else self.words


def compare_grades(before: Grade | SendOutcome | None, after: Grade | SendOutcome | None) -> tuple[Change, int]:
    """The change from one grade to another (or one area SEND outcome to another), and by how many steps of
    its scale."""
    if before is None and after is None:  # pragma: no cover - such rows are never built
        return Change.UNCHANGED, 0
    if before is None:
        return Change.NEWLY_JUDGED, 0
    if after is None:
        return Change.NO_LONGER_JUDGED, 0
    steps = before.rank - after.rank
    if steps > 0:
        return Change.IMPROVED, steps
    if steps < 0:
        return Change.DECLINED, -steps
    return Change.UNCHANGED, 0


_GRADE_LABEL = {
    Grade.OUTSTANDING: "Outstanding",
    Grade.GOOD: "Good",
    Grade.REQUIRES_IMPROVEMENT: "Requires improvement to be good",
    Grade.INADEQUATE: "Inadequate",
    Grade.ADEQUATE: "Adequate",
    Grade.SATISFACTORY: "Satisfactory",
}

# Every wording a record may use for a grade, normalised (case, spaces, hyphens, underscores).
_GRADE_WORDS: dict[str, Grade] = {}
for _g in Grade:
    _GRADE_WORDS[_norm(_g.value)] = _g
    _GRADE_WORDS[_norm(_g.label)] = _g
_GRADE_WORDS[_norm("Requires improvement")] = Grade.REQUIRES_IMPROVEMENT
# SIF reports head a section whose subject is plural with the verb agreeing: "The experiences and progress
# of children who need help and protection / require improvement".
_GRADE_WORDS[_norm("Require improvement")] = Grade.REQUIRES_IMPROVEMENT
_GRADE_WORDS[_norm("Require improvement to be good")] = Grade.REQUIRES_IMPROVEMENT
_GRADE_WORDS[_norm("RI")] = Grade.REQUIRES_IMPROVEMENT


def parse_grade(word: str) -> Grade:
    """Read a grade in any of Ofsted's wordings, in any case."""
    if not isinstance(word, str):
        raise VocabularyError(f"expected a grade word, got {type(word).__name__}")
    found = _GRADE_WORDS.get(_norm(word))
    if found is None:
        choices = [g.value for g in Grade]
        raise VocabularyError(f"'{word}' is not a grade" + suggest(word.strip().lower(), choices))
    return found
