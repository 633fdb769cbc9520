"""Kinds of visit: their labels, official names and families, and the areas each grades."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from .areas import Area
from .frameworks import FRAMEWORKS, Framework, Remit
from .matching import VocabularyError, _norm, suggest


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
