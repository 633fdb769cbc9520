"""Frameworks: the remits, each framework's dates and official wordings of its graded areas, which
framework was in force on a day, and what a reader must know comparing an area across two."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date

from .areas import AREA_ORDER, Area


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
