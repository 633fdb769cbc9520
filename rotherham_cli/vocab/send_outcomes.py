"""Area SEND inspections: outcomes (a scale of their own, not grades) and inspectorates."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from .matching import VocabularyError, _norm, suggest


class SendOutcome(str, enum.Enum):
    """The outcome of a full area SEND inspection under the framework of January 2023. Three outcomes,
    best first; not grades: never parsed as, compared with or counted as a :class:`Grade`."""

    POSITIVE = "positive"
    INCONSISTENT = "inconsistent"
    SIGNIFICANT_CONCERNS = "significant_concerns"

    @property
    def info(self) -> SendOutcomeInfo:
        return SEND_OUTCOMES[self]

    @property
    def label(self) -> str:
        """The outcome's official words, as the reports' "Inspection outcome" paragraph opens them."""
        return SEND_OUTCOMES[self].label

    @property
    def short(self) -> str:
        """A short label for narrow cells ("Inconsistent")."""
        return SEND_OUTCOMES[self].short

    @property
    def rank(self) -> int:
        """1 positive .. 3 significant concerns (the order of the scale, not a grade)."""
        return list(SEND_OUTCOMES).index(self) + 1


@dataclass(frozen=True)
class SendOutcomeInfo:
    key: SendOutcome
    label: str
    short: str
    # What follows the outcome, as the reports say it: the next full inspection, a priority action plan.
    consequence: str
    # The code of the outcome in Data to Insight's overview of area SEND inspections (outcome_grade).
    overview_code: int


SEND_OUTCOMES: dict[SendOutcome, SendOutcomeInfo] = {
    SendOutcome.POSITIVE: SendOutcomeInfo(
        SendOutcome.POSITIVE,
        "The local area partnership's arrangements typically lead to positive experiences and outcomes "
        "for children and young people with special educational needs and/or disabilities (SEND)",
        "Positive experiences and outcomes",
        "next full inspection within approximately five years",
        1,
    ),
    SendOutcome.INCONSISTENT: SendOutcomeInfo(
        SendOutcome.INCONSISTENT,
        "The local area partnership's arrangements lead to inconsistent experiences and outcomes for "
        "children and young people with special educational needs and/or disabilities (SEND)",
        "Inconsistent experiences and outcomes",
        "the partnership must work jointly to make improvements; next full inspection within approximately "
        "three years",
        2,
    ),
    SendOutcome.SIGNIFICANT_CONCERNS: SendOutcomeInfo(
        SendOutcome.SIGNIFICANT_CONCERNS,
        "There are widespread and/or systemic failings leading to significant concerns about the experiences "
        "and outcomes of children and young people with special educational needs and/or disabilities (SEND)",
        "Significant concerns",
        "a priority action plan; a monitoring inspection within approximately 18 months; next full "
        "inspection within approximately three years",
        3,
    ),
}

# The words that tell the outcomes apart in a report's "Inspection outcome" paragraph (each appears in
# one outcome's wording only).
SEND_OUTCOME_KEY_WORDS: dict[SendOutcome, str] = {
    SendOutcome.POSITIVE: "typically lead to positive experiences and outcomes",
    SendOutcome.INCONSISTENT: "lead to inconsistent experiences and outcomes",
    SendOutcome.SIGNIFICANT_CONCERNS: "widespread and/or systemic failings leading to significant concerns",
}

_SEND_OUTCOME_WORDS: dict[str, SendOutcome] = {}
for _o in SendOutcome:
    for _w in (_o.value, _o.short, SEND_OUTCOME_KEY_WORDS[_o]):
        _SEND_OUTCOME_WORDS[_norm(_w)] = _o


def parse_send_outcome(word: str) -> SendOutcome:
    """Read an area SEND outcome: its key, its short label or its key words, in any case. A grade word
    is refused: the outcomes are not grades."""
    if not isinstance(word, str):
        raise VocabularyError(f"expected an area SEND outcome, got {type(word).__name__}")
    found = _SEND_OUTCOME_WORDS.get(_norm(word))
    if found is None:
        choices = [o.value for o in SendOutcome]
        raise VocabularyError(f"'{word}' is not an area SEND outcome (one of {', '.join(choices)})"
                              + suggest(word.strip().lower(), choices))
    return found


def send_outcome_of_code(code: int) -> SendOutcome | None:
    """The outcome a code of Data to Insight's overview stands for (1, 2, 3), or None."""
    return next((o for o, info in SEND_OUTCOMES.items() if info.overview_code == code), None)


class Inspectorate(str, enum.Enum):
    """Who an inspector of a joint inspection works for."""

    OFSTED = "ofsted"
    CQC = "cqc"

    @property
    def label(self) -> str:
        return "Ofsted" if self is Inspectorate.OFSTED else "Care Quality Commission (CQC)"

    @property
    def short(self) -> str:
        return "Ofsted" if self is Inspectorate.OFSTED else "CQC"
