"""The domain vocabulary: grades, judgement areas, frameworks, kinds of visit, themes.

This module is the one home of every fact of the domain. Nothing else in the project spells out
an official wording, a grade's rank or which areas a framework grades: it asks this module.

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

import difflib
import enum
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date


class VocabularyError(ValueError):
    """A word that is not in the vocabulary; the message names it and suggests the nearest."""


def folded(text: object) -> str:
    """Text for comparing: straight apostrophes, any run of white space one space, case folded. The one
    base every matcher builds on (keywords here, authorities' names, release headers, report headings)."""
    return " ".join(str(text).replace("’", "'").split()).casefold()


def _norm(text: str) -> str:
    """A keyword as typed: 'Requires-improvement', 'requires_improvement' and 'requires improvement' alike."""
    return folded(text.replace("_", " ").replace("-", " "))


# How near a misspelling must be to a known word, an authority's name or a visit's id to be suggested.
NEAR_CUTOFF = 0.6


def nearest(word: str, choices: Iterable[str], n: int = 3) -> list[str]:
    """The choices nearest to ``word`` in spelling, nearest first (at most ``n``)."""
    return difflib.get_close_matches(word, list(choices), n=n, cutoff=NEAR_CUTOFF)


def did_you_mean(near: Sequence[str], quote: bool = False) -> str:
    """'; did you mean A, B or C?' (each quoted where it is a word to type), or '' for none: the one
    shape of every suggestion the tool makes."""
    if not near:
        return ""
    from .words import and_list

    items = [f"'{x}'" if quote else x for x in near]
    return f"; did you mean {and_list(items, last='or')}?"


def suggest(word: str, choices: Iterable[str]) -> str:
    """'; did you mean 'x'?' for the nearest keyword, or '' when nothing is near."""
    return did_you_mean(nearest(word, choices, n=1), quote=True)


# --------------------------------------------------------------------------------------------
# Grades
# --------------------------------------------------------------------------------------------


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
        from .words import count

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


# --------------------------------------------------------------------------------------------
# Judgement areas
# --------------------------------------------------------------------------------------------


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


# --------------------------------------------------------------------------------------------
# Frameworks
# --------------------------------------------------------------------------------------------


class Remit(str, enum.Enum):
    """What an inspection looks at: a local authority's children's social care (Ofsted's inspections of
    children's services, graded on the four-step scale), or a local area partnership's arrangements for
    children and young people with special educational needs and/or disabilities (Ofsted and CQC's area
    SEND inspections, which end in an outcome, not a grade)."""

    CSC = "csc"
    SEND = "send"

    @property
    def label(self) -> str:
        return "Children's social care" if self is Remit.CSC else "Special educational needs and disabilities (SEND)"


class Framework(str, enum.Enum):
    PRE_2013 = "pre_2013"
    SIF = "sif"
    ILACS = "ilacs"
    ILACS_2023 = "ilacs_2023"
    ILACS_2026 = "ilacs_2026"
    AREA_SEND_2023 = "area_send_2023"

    @property
    def info(self) -> FrameworkInfo:
        return FRAMEWORKS[self]

    @property
    def label(self) -> str:
        return FRAMEWORKS[self].label

    def wording(self, area: Area) -> str:
        """The official wording of an area in this framework."""
        return FRAMEWORKS[self].areas.get(area) or area.short


@dataclass(frozen=True)
class FrameworkInfo:
    key: Framework
    label: str
    starts: date | None
    ends: date | None
    # Graded areas in this framework with their official wording, in report order.
    areas: dict[Area, str]
    # What a reader must know about an area's scope in this framework (graded or not).
    scope: dict[Area, str] = field(default_factory=dict)
    remit: Remit = Remit.CSC


_SIF_AREAS = {
    Area.OVERALL_EFFECTIVENESS: "Overall effectiveness",
    Area.HELP_AND_PROTECTION: "Children who need help and protection",
    Area.CHILDREN_IN_CARE: "Children looked after and achieving permanence",
    Area.ADOPTION: "Adoption performance",
    Area.CARE_LEAVERS: "Experiences and progress of care leavers",
    Area.LEADERSHIP: "Leadership, management and governance",
    Area.LSCB: "The effectiveness of the Local Safeguarding Children Board",
}

_ILACS_LEADERS = "The impact of leaders on social work practice with children and families"
_ILACS_HELP = "The experiences and progress of children who need help and protection"
_ILACS_CARE_2023 = "The experiences and progress of children in care"
_ILACS_LEAVERS_2023 = "The experiences and progress of care leavers"

FRAMEWORKS: dict[Framework, FrameworkInfo] = {
    Framework.PRE_2013: FrameworkInfo(
        Framework.PRE_2013,
        "Inspections before the single inspection framework (2009-2013)",
        None,
        date(2013, 10, 31),
        {
            Area.SAFEGUARDING: "Safeguarding: overall effectiveness",
            Area.LOOKED_AFTER_CHILDREN: "Looked after children: overall effectiveness",
            Area.CHILD_PROTECTION: "Child protection: overall effectiveness",
        },
    ),
    Framework.SIF: FrameworkInfo(
        Framework.SIF,
        "Single inspection framework (SIF, 2013-2018)",
        date(2013, 11, 1),
        date(2017, 12, 31),
        _SIF_AREAS,
        {
            Area.ADOPTION: "SIF: a sub-judgement of children looked after",
            Area.CARE_LEAVERS: "SIF: a sub-judgement of children looked after",
            Area.LSCB: "SIF: the review of the LSCB, where the inspection included one",
        },
    ),
    Framework.ILACS: FrameworkInfo(
        Framework.ILACS,
        "Inspecting local authority children's services (ILACS, 2018-2022)",
        date(2018, 1, 1),
        date(2022, 12, 31),
        {
            Area.OVERALL_EFFECTIVENESS: "Overall effectiveness",
            Area.LEADERSHIP: _ILACS_LEADERS,
            Area.HELP_AND_PROTECTION: _ILACS_HELP,
            Area.CHILDREN_IN_CARE: "The experiences and progress of children in care and care leavers",
        },
        {
            Area.CHILDREN_IN_CARE: "ILACS before 2023 judged children in care and care leavers together",
            Area.CARE_LEAVERS: "ILACS before 2023 judged care leavers within children in care",
        },
    ),
    Framework.ILACS_2023: FrameworkInfo(
        Framework.ILACS_2023,
        "ILACS from January 2023 (care leavers judged separately)",
        date(2023, 1, 1),
        date(2026, 3, 31),
        {
            Area.OVERALL_EFFECTIVENESS: "Overall effectiveness",
            Area.LEADERSHIP: _ILACS_LEADERS,
            Area.HELP_AND_PROTECTION: _ILACS_HELP,
            Area.CHILDREN_IN_CARE: _ILACS_CARE_2023,
            Area.CARE_LEAVERS: _ILACS_LEAVERS_2023,
        },
        {
            Area.CHILDREN_IN_CARE: "ILACS from 2023 judges children in care without care leavers",
            Area.CARE_LEAVERS: "ILACS from 2023 judges care leavers separately",
        },
    ),
    Framework.ILACS_2026: FrameworkInfo(
        Framework.ILACS_2026,
        "ILACS from April 2026 (no overall effectiveness judgement)",
        date(2026, 4, 1),
        None,
        {
            Area.LEADERSHIP: _ILACS_LEADERS,
            Area.HELP_AND_PROTECTION: _ILACS_HELP,
            Area.CHILDREN_IN_CARE: _ILACS_CARE_2023,
            Area.CARE_LEAVERS: _ILACS_LEAVERS_2023,
        },
        {Area.OVERALL_EFFECTIVENESS: "ILACS from April 2026 makes no overall effectiveness judgement"},
    ),
    # Ofsted and CQC's area SEND framework, in force from January 2023: no graded areas, one outcome.
    Framework.AREA_SEND_2023: FrameworkInfo(
        Framework.AREA_SEND_2023,
        "Area SEND inspection framework (Ofsted and CQC, from January 2023)",
        date(2023, 1, 1),
        None,
        {},
        remit=Remit.SEND,
    ),
}

# The areas Ofsted's headline tables count ("as at 31 March", the ILACS inspection history), in their
# order: the ILACS areas since January 2023.
HEADLINE_AREAS: tuple[Area, ...] = tuple(a for a in AREA_ORDER if a in FRAMEWORKS[Framework.ILACS_2023].areas)


def framework_for(day: date, remit: Remit = Remit.CSC) -> Framework:
    """The framework of a remit in force on a day (by inspection start)."""
    for fw in FRAMEWORKS.values():
        if fw.remit is remit and (fw.starts is None or day >= fw.starts) and (fw.ends is None or day <= fw.ends):
            return fw.key
    raise ValueError(f"no {remit.value} framework was in force on {day.isoformat()}")


def scope_note(area: Area, a: Framework, b: Framework) -> str | None:
    """What a reader must know when an area is compared across two frameworks, or None.

    Said when the official wording differs, or when one framework does not grade the area
    (or grades it together with another).
    """
    if a is b:
        return None
    fa, fb = FRAMEWORKS[a], FRAMEWORKS[b]
    wa, wb = fa.areas.get(area), fb.areas.get(area)
    parts = []
    for fw in (fa, fb):
        note = fw.scope.get(area)
        if note and note not in parts:
            parts.append(note)
    if wa and wb and wa != wb:
        parts.insert(0, f"wording differs: '{wa}' / '{wb}'")
    return "; ".join(parts) or None


# --------------------------------------------------------------------------------------------
# Kinds of visit
# --------------------------------------------------------------------------------------------


class Kind(str, enum.Enum):
    SLAC = "slac"
    SLAC_REINSPECTION = "slac_reinspection"
    CPI = "cpi"
    CPRI = "cpri"
    TLAC = "tlac"
    SIF_INSPECTION = "sif_inspection"
    SIF_REINSPECTION = "sif_reinspection"
    ILACS_STANDARD = "ilacs_standard"
    ILACS_SHORT = "ilacs_short"
    FOCUSED_VISIT = "focused_visit"
    MONITORING_VISIT = "monitoring_visit"
    JTAI = "jtai"
    AREA_SEND = "area_send"

    @property
    def info(self) -> KindInfo:
        return KINDS[self]

    @property
    def label(self) -> str:
        return KINDS[self].label

    @property
    def graded(self) -> bool:
        return KINDS[self].graded

    @property
    def remit(self) -> Remit:
        return KINDS[self].remit


@dataclass(frozen=True)
class KindInfo:
    key: Kind
    label: str
    short: str
    graded: bool
    # Frameworks under which this kind of visit happens.
    frameworks: tuple[Framework, ...]
    # Where a kind grades only some of its framework's areas (pre-2013 kinds), those areas.
    areas: tuple[Area, ...] | None = None
    # The wording of this kind in Ofsted's official statistics ("ILACS Short Inspection").
    official_name: str = ""
    # Kinds of one family are one visit when their authority and dates agree (see identity.py):
    # the sources disagree on what to call a graded inspection since 2013 (short or standard), so
    # those are one family; each ungraded kind, and each kind before 2013, is a family of its own.
    family: str = ""
    # Areas of its framework a kind grades only where the visit included them, so none is due: a SIF
    # re-inspection covers the local authority and does not as a rule repeat the LSCB review, but
    # Slough's of 2016 reviewed the LSCB and graded it inadequate.
    optional: tuple[Area, ...] = ()
    remit: Remit = Remit.CSC

    def __post_init__(self) -> None:
        if not self.family:
            object.__setattr__(self, "family", self.key.value)


_ILACS_ALL = (Framework.ILACS, Framework.ILACS_2023, Framework.ILACS_2026)
_GRADED = "graded"  # the family of graded inspections since 2013

KINDS: dict[Kind, KindInfo] = {
    Kind.SLAC: KindInfo(
        Kind.SLAC, "Safeguarding and looked after children inspection", "SLAC inspection", True,
        (Framework.PRE_2013,), (Area.SAFEGUARDING, Area.LOOKED_AFTER_CHILDREN),
        "Safeguarding & Looked After Children (SLAC) Inspection",
    ),
    Kind.SLAC_REINSPECTION: KindInfo(
        Kind.SLAC_REINSPECTION, "SLAC re-inspection", "SLAC re-inspection", True,
        (Framework.PRE_2013,), (Area.SAFEGUARDING, Area.LOOKED_AFTER_CHILDREN),
        "SLAC re-inspection", Kind.SLAC.value,
    ),
    Kind.CPI: KindInfo(
        Kind.CPI, "Child protection inspection", "CPI", True,
        (Framework.PRE_2013,), (Area.CHILD_PROTECTION,), "Child Protection Inspection (CPI)",
    ),
    Kind.CPRI: KindInfo(
        Kind.CPRI, "Child protection re-inspection", "CPI re-inspection", True,
        (Framework.PRE_2013,), (Area.CHILD_PROTECTION,), "Child Protection Re-Inspection (CPRI)", Kind.CPI.value,
    ),
    Kind.TLAC: KindInfo(
        Kind.TLAC, "Targeted looked after children inspection", "TLAC inspection", True,
        (Framework.PRE_2013,), (Area.LOOKED_AFTER_CHILDREN,),
        "Targeted Looked After Children (TLAC) inspection",
    ),
    Kind.SIF_INSPECTION: KindInfo(
        Kind.SIF_INSPECTION, "SIF inspection", "SIF inspection", True, (Framework.SIF,),
        official_name="Single Inspection of LA Children's Services (SIF)", family=_GRADED,
    ),
    Kind.SIF_REINSPECTION: KindInfo(
        Kind.SIF_REINSPECTION, "SIF re-inspection", "SIF re-inspection", True, (Framework.SIF,),
        optional=(Area.LSCB,),  # the LSCB review is not as a rule repeated (Slough 2016 repeated it)
        official_name="SIF Re-inspection", family=_GRADED,
    ),
    Kind.ILACS_STANDARD: KindInfo(
        Kind.ILACS_STANDARD, "ILACS standard inspection", "ILACS standard", True, _ILACS_ALL,
        official_name="ILACS Standard Inspection", family=_GRADED,
    ),
    Kind.ILACS_SHORT: KindInfo(
        Kind.ILACS_SHORT, "ILACS short inspection", "ILACS short", True, _ILACS_ALL,
        official_name="ILACS Short Inspection", family=_GRADED,
    ),
    Kind.FOCUSED_VISIT: KindInfo(
        Kind.FOCUSED_VISIT, "Focused visit", "Focused visit", False, _ILACS_ALL,
        official_name="ILACS Focused Visit",
    ),
    Kind.MONITORING_VISIT: KindInfo(
        Kind.MONITORING_VISIT, "Monitoring visit", "Monitoring visit", False,
        (Framework.SIF, *_ILACS_ALL), official_name="LA Monitoring visit",
    ),
    Kind.JTAI: KindInfo(
        Kind.JTAI, "Joint targeted area inspection", "JTAI", False,
        (Framework.SIF, *_ILACS_ALL), official_name="Joint targeted area inspection",
    ),
    # Not graded on the four-step scale: it ends in an outcome (SendOutcome), never counted as a grade.
    Kind.AREA_SEND: KindInfo(
        Kind.AREA_SEND, "Area SEND inspection", "Area SEND", False, (Framework.AREA_SEND_2023,),
        official_name="Area SEND inspection", remit=Remit.SEND,
    ),
}


# ILACS: a short inspection is one week on site, a standard inspection two. A report that does not say
# which is read from its days on site by this rule.
ILACS_SHORT_MAX_DAYS = 7


def graded_areas(kind: Kind, framework: Framework) -> tuple[Area, ...]:
    """The areas a visit of this kind under this framework grades as a rule (none if ungraded): those
    a report or release of it is expected to give."""
    return tuple(a for a in may_grade(kind, framework) if a not in KINDS[kind].optional)


def may_grade(kind: Kind, framework: Framework) -> tuple[Area, ...]:
    """The areas a visit of this kind under this framework may grade: those it grades as a rule and
    those it grades only where the visit included them (the LSCB in a SIF re-inspection)."""
    info = KINDS[kind]
    if not info.graded:
        return ()
    fw_areas = tuple(FRAMEWORKS[framework].areas)
    if info.areas is not None:
        return tuple(a for a in fw_areas if a in info.areas)
    return fw_areas


def kind_of_official(name: str) -> Kind | None:
    """The kind for an official-statistics wording such as 'ILACS Short Inspection'."""
    n = _norm(name)
    for info in KINDS.values():
        if _norm(info.official_name) == n:
            return info.key
    return None


# Filters for --kind: 'graded', 'visits' (ungraded visits to children's services), 'send' (area SEND
# inspections), or a kind key.
KIND_GROUPS = {"graded": True, "visits": False}
SEND_GROUP = "send"


def parse_kind_filter(word: str) -> tuple[Kind, ...]:
    if word == SEND_GROUP:
        return tuple(k for k in Kind if k.remit is Remit.SEND)
    if word in KIND_GROUPS:
        want = KIND_GROUPS[word]
        return tuple(k for k in Kind if k.graded is want and k.remit is Remit.CSC)
    try:
        return (Kind(word),)
    except ValueError:
        choices = [*KIND_GROUPS, SEND_GROUP, *(k.value for k in Kind)]
        raise VocabularyError(f"'{word}' is not a kind of visit" + suggest(word, choices)) from None


# --------------------------------------------------------------------------------------------
# Area SEND inspections: outcomes (a scale of their own, not grades) and inspectorates
# --------------------------------------------------------------------------------------------


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


# --------------------------------------------------------------------------------------------
# Visit themes (ungraded visits) and finding themes
# --------------------------------------------------------------------------------------------

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
