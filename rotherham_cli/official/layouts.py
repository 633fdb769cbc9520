"""The layout of each release: the known header wordings and the sheets and column groups they are read from."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from ..vocab import (
    FRAMEWORKS,
    HEADLINE_AREAS,
    KINDS,
    Area,
    Framework,
    Kind,
    folded,
)

# --------------------------------------------------------------------------------------------
# Known header wordings, one table per release
# --------------------------------------------------------------------------------------------


class Edition(str, Enum):
    """The releases understood, each with its own layout (:data:`LAYOUTS`)."""

    LA_INSPECTION_OUTCOMES = "la_inspection_outcomes"  # 'Local authority inspection outcomes as at 31 March'
    CSC_2023 = "childrens_social_care_2023"  # 'Children's social care data in England 2023'


# A column is (group, what): group '' in one-inspection-per-row sheets, else the column group of a
# wide table ('sif1', ...); what is a word ('name', 'published', ...) or an Area (a grade column).
Column = tuple[str, object]

_NAME, _ONS, _STATUS, _REGION, _LATYPE, _LINK = "name", "ons_code", "status", "region", "la_type", "web_link"
_START, _PUB, _TYPE, _THEME = "start", "published", "type", "theme"

# The 2025 area headers are the official ILACS wordings themselves.
_ILACS_2023_AREAS = FRAMEWORKS[Framework.ILACS_2023].areas

_COMMON: dict[str, Column] = {
    "Web link": ("", _LINK),
    "Local authority name": ("", _NAME),
    "Ofsted region": ("", _REGION),
    "Region": ("", _REGION),
    "LA region": ("", _REGION),
}

_OUTCOMES: dict[str, Column] = {
    **_COMMON,
    "Local authority area code": ("", _ONS),
    "Local authority status": ("", _STATUS),
    "Inspection date": ("", _START),
    "Inspection/Visit date": ("", _START),
    "Publication date": ("", _PUB),
    "Inspection type": ("", _TYPE),
    "Inspection/Visit type": ("", _TYPE),
    "Visit Theme": ("", _THEME),
    **{wording: ("", area) for area, wording in _ILACS_2023_AREAS.items()},
}


def _wide(prefix: str, group: str, areas: dict[str, Area]) -> dict[str, Column]:
    return {f"{prefix} {w}": (group, a) for w, a in areas.items()}


_SIF_COLS = {
    "Overall Judgement (OE)": Area.OVERALL_EFFECTIVENESS,
    "children who need help and protection": Area.HELP_AND_PROTECTION,
    "children looked after and achieving permanence": Area.CHILDREN_IN_CARE,
    "CLA Sub: Adoption Performance": Area.ADOPTION,
    "CLA Sub: Experiences and progress of care leavers": Area.CARE_LEAVERS,
    "leadership, management and governance": Area.LEADERSHIP,
}
_ILACS_COLS = {
    "overall effectiveness": Area.OVERALL_EFFECTIVENESS,
    "impact of leaders": Area.LEADERSHIP,
    "experiences and progress of children who need help and protection": Area.HELP_AND_PROTECTION,
}
_SIF_NAME = KINDS[Kind.SIF_INSPECTION].official_name

_CSC_2023: dict[str, Column] = {
    **_COMMON,
    "LA Authority Type": ("", _LATYPE),
    # LA_level_in_year_2022-23 and LA_level_at_31_Mar_2023
    "Inspection date": ("", _START),
    "Inspection/Visit date": ("", _START),
    "Inspection/Visit type": ("", _TYPE),
    "Visit Theme": ("", _THEME),
    _ILACS_2023_AREAS[Area.OVERALL_EFFECTIVENESS]: ("", Area.OVERALL_EFFECTIVENESS),
    "Impact of leaders": ("", Area.LEADERSHIP),
    "Experiences and progress of children who need help and protection": ("", Area.HELP_AND_PROTECTION),
    "Experiences and progress of children in care": ("", Area.CHILDREN_IN_CARE),
    "Experiences and progress of care leavers": ("", Area.CARE_LEAVERS),
    # LA_inspections_2009-2023 (both tables)
    f"{KINDS[Kind.SLAC].official_name} publication date": ("slac", _PUB),
    "SLAC Safeguarding Overall effectiveness (OE)": ("slac", Area.SAFEGUARDING),
    "SLAC Looked After Children Overall Effectiveness (OE)": ("slac", Area.LOOKED_AFTER_CHILDREN),
    "SLAC re-inspection of Safeguarding publication date": ("slac_re_sg", _PUB),
    "SLAC re-inspection Safeguarding OE": ("slac_re_sg", Area.SAFEGUARDING),
    "SLAC re-inspection of services for Children Looked After publication date": ("slac_re_cla", _PUB),
    "SLAC re-inspection of services Children Looked After OE": ("slac_re_cla", Area.LOOKED_AFTER_CHILDREN),
    "Child Protection Inspections (CPI) publication date": ("cpi", _PUB),
    "CPI Overall Effectiveness (OE)": ("cpi", Area.CHILD_PROTECTION),
    f"{KINDS[Kind.CPRI].official_name} publication date": ("cpri", _PUB),
    "CPRI Overall Effectiveness (OE)": ("cpri", Area.CHILD_PROTECTION),
    f"{KINDS[Kind.TLAC].official_name} publication date": ("tlac", _PUB),
    "TLAC Overall Effectiveness (OE)": ("tlac", Area.LOOKED_AFTER_CHILDREN),
    f"{_SIF_NAME} First SIF publication date": ("sif1", _PUB),
    **_wide("First SIF", "sif1", _SIF_COLS),
    "LSCB Overall Effectiveness": ("sif1", Area.LSCB),
    f"{_SIF_NAME} SIF Re-inspection publication date": ("sif2", _PUB),
    **_wide("SIF Re-inspection", "sif2", _SIF_COLS),
    # First ILACS: 'First ILACS framework ...' in the main table, 'ILACS framework ...' in Table 11.
    **{
        f"{prefix} {w}": ("ilacs1", what)
        for prefix in ("First ILACS framework", "ILACS framework")
        for w, what in {
            "inspection type": _TYPE,
            "publication date": _PUB,
            **_ILACS_COLS,
            "experiences and progress of children in care and care leavers": Area.CHILDREN_IN_CARE,
        }.items()
    },
    **{
        f"Second ILACS framework {w}": ("ilacs2", what)
        for w, what in {
            "inspection type": _TYPE,
            "publication date": _PUB,
            **_ILACS_COLS,
            "experiences and progress of children in care": Area.CHILDREN_IN_CARE,
            "experiences and progress of care leavers": Area.CARE_LEAVERS,
        }.items()
    },
}


# Column groups of the 2023 wide table: kind (None: read from the group's type column), label.
_WIDE_GROUPS: dict[str, tuple[Kind | None, str]] = {
    "slac": (Kind.SLAC, "SLAC"),
    "slac_re_sg": (Kind.SLAC_REINSPECTION, "SLAC re-inspection of Safeguarding"),
    "slac_re_cla": (Kind.SLAC_REINSPECTION, "SLAC re-inspection of services for Children Looked After"),
    "cpi": (Kind.CPI, "CPI"),
    "cpri": (Kind.CPRI, "CPRI"),
    "tlac": (Kind.TLAC, "TLAC"),
    "sif1": (Kind.SIF_INSPECTION, "First SIF"),
    "sif2": (Kind.SIF_REINSPECTION, "SIF Re-inspection"),
    "ilacs1": (None, "First ILACS framework"),
    "ilacs2": (None, "Second ILACS framework"),
}

_ILACS_AREAS = HEADLINE_AREAS  # the columns of each ILACS grade, in the published order


def _fields(headers: dict[str, Column], group: str, extra: tuple = ()) -> frozenset[Column]:
    return frozenset(
        f for f in headers.values() if f[0] == group and (f[1] in extra or isinstance(f[1], Area))
    )


@dataclass(frozen=True)
class _SheetSpec:
    name: str
    required: frozenset[Column]  # every table of the sheet needs these
    required_first: frozenset[Column] = frozenset()  # and its first table these too
    single: bool = True  # the sheet holds one table (else one or more, each with a header row)


_LATEST, _IN_YEAR, _HISTORY = "Inspections_as_at_31_March", "In-year_inspections", "ILACS_inspection_history"
_IDENT = ("", _NAME)

_SHEETS_2025: dict[str, _SheetSpec] = {
    "latest": _SheetSpec(_LATEST, _fields(_OUTCOMES, "", (_NAME, _ONS, _START, _PUB))),
    "in_year": _SheetSpec(_IN_YEAR, _fields(_OUTCOMES, "", (_NAME, _ONS, _START, _PUB, _TYPE, _THEME))),
    "history": _SheetSpec(_HISTORY, _fields(_OUTCOMES, "", (_NAME, _ONS, _STATUS, _START, _PUB, _TYPE))),
}
_SHEETS_2023: dict[str, _SheetSpec] = {
    "wide": _SheetSpec(
        "LA_inspections_2009-2023",
        frozenset({_IDENT}) | frozenset(f for f in _CSC_2023.values() if f[0] not in ("", "ilacs2")),
        # Table 11 (authorities before the restructure) has no second ILACS.
        required_first=frozenset(f for f in _CSC_2023.values() if f[0] == "ilacs2"),
        single=False,
    ),
    "in_year": _SheetSpec(
        "LA_level_in_year_2022-23",
        frozenset({_IDENT, ("", _START), ("", _TYPE), ("", _THEME)})
        | frozenset(("", a) for a in _ILACS_AREAS),
    ),
    "latest": _SheetSpec(
        "LA_level_at_31_Mar_2023",
        frozenset({_IDENT, ("", _START)}) | frozenset(("", a) for a in _ILACS_AREAS),
    ),
}


@dataclass(frozen=True)
class Layout:
    """How one release is laid out: the sheets that identify it, its header wordings (wording ->
    column) and its tables (what the reader calls them -> where they are and what they need)."""

    edition: Edition
    identified_by: frozenset[str]
    headers: dict[str, Column]
    sheets: dict[str, _SheetSpec]

    def wording(self, column: Column) -> str:
        return _wording_of(self.headers, column)


LAYOUTS: dict[Edition, Layout] = {
    Edition.LA_INSPECTION_OUTCOMES: Layout(
        Edition.LA_INSPECTION_OUTCOMES, frozenset({_LATEST, _IN_YEAR, _HISTORY}), _OUTCOMES, _SHEETS_2025
    ),
    Edition.CSC_2023: Layout(
        Edition.CSC_2023, frozenset({"LA_inspections_2009-2023", "LA_level_in_year_2022-23"}), _CSC_2023, _SHEETS_2023
    ),
}


_norm_header = folded  # header wordings compare as any text does


def _wording_of(headers: dict[str, Column], f: Column) -> str:
    return next(w for w, g in headers.items() if g == f)


# The columns of the 2025 release's ILACS_inspection_history table, in their published order: the
# layout `judgements export --layout ofsted` writes.
ILACS_HISTORY_COLUMNS: tuple[str, ...] = tuple(
    _wording_of(_OUTCOMES, f)
    for f in (("", _LINK), ("", _ONS), ("", _NAME), ("", _STATUS), ("", _REGION), ("", _START), ("", _PUB),
              ("", _TYPE), *(("", a) for a in _ILACS_AREAS))
)
