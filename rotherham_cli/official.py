"""Import Ofsted's official statistics (ODS releases) as records, and check records against them.

Two releases are understood, recognised by their sheets:

- *Local authority inspection outcomes as at 31 March 2025* (sheets ``Inspections_as_at_31_March``,
  ``In-year_inspections``, ``ILACS_inspection_history``): every ILACS short and standard inspection
  since 2018 with inspection and publication dates and ONS area codes, and the year's focused and
  monitoring visits with their themes.
- *Children's social care data in England 2023* (underlying data; sheets ``LA_inspections_2009-2023``,
  ``LA_level_in_year_2022-23``, ``LA_level_at_31_Mar_2023``): one wide row per authority with its
  SLAC, CPI, TLAC, SIF and ILACS inspections (publication dates and grades only), a second table of
  authorities that existed before a restructure, and the year's visits with inspection dates.

Columns are found by their header wording through one table of known wordings per release
(:data:`HEADERS`); an unknown or missing column stops the import with :class:`OfficialDataError`.
The same inspection stated by several sheets becomes one :class:`OfficialInspection`, with every
sheet and row it was read from.

The module never prints. The ODS reader (python-calamine, chosen by ``benchmarks/ods_readers.py``)
is imported only when a file is read.
"""

from __future__ import annotations

import os
import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path

from pydantic import ValidationError

from .errors import JudgementsError, UnknownAuthority
from .models import Record, RuleViolations
from .vocab import (
    AREA_ORDER,
    FRAMEWORKS,
    KINDS,
    Area,
    Framework,
    Grade,
    Kind,
    VocabularyError,
    framework_for,
    graded_areas,
    kind_of_official,
    parse_grade,
    parse_visit_theme,
    suggest,
)

PUBLISHER = "Ofsted"
SOURCE_ID = "official"


class OfficialDataError(JudgementsError):
    """An official release that cannot be read as one of the known releases."""


class OfficialWriteError(JudgementsError):
    """A record file that cannot be written."""


# --------------------------------------------------------------------------------------------
# Authorities: one canonical name per authority across both releases
# --------------------------------------------------------------------------------------------

@dataclass
class AuthorityInfo:
    """One authority as a release knows it."""

    name: str  # canonical
    ons_code: str | None = None
    status: str | None = None  # 'Current', 'No longer exists', ... as the release says
    spellings: set[str] = field(default_factory=set)  # how the release writes the name


# --------------------------------------------------------------------------------------------
# What a release states
# --------------------------------------------------------------------------------------------


@dataclass
class OfficialInspection:
    """One graded inspection or in-year visit as the release states it."""

    authority: str  # canonical name
    ons_code: str | None
    kind: Kind
    framework: Framework | None
    start: date | None
    published: date | None
    judgements: dict[Area, Grade]
    theme: str | None  # a VISIT_THEMES key
    sheet: str
    row: int  # 1-based
    columns: str | None = None  # the column group of a wide table, e.g. 'First SIF'
    status: str | None = None  # of the authority, where the sheet says
    spelling: str = ""  # the authority's name as the row writes it
    also: list[tuple[str, int]] = field(default_factory=list)  # other rows stating it
    id: str = ""  # the id of the record it becomes

    @property
    def when(self) -> date | None:
        return self.start or self.published

    @property
    def where(self) -> str:
        cols = f" (columns '{self.columns}')" if self.columns else ""
        return f"sheet {self.sheet} row {self.row}{cols}"


@dataclass
class Release:
    path: Path
    edition: str  # 'la_inspection_outcomes' or 'childrens_social_care_2023'
    title: str
    published: date
    inspections: list[OfficialInspection]
    authorities: dict[str, AuthorityInfo]
    # What the release states that could not be used, or states twice differently.
    warnings: list[str] = field(default_factory=list)

    @property
    def file(self) -> str:
        return self.path.name

    def find_authority(self, text: str) -> str:
        """The name (the register's) of the authority --authority names, which the release must hold."""
        from .authorities import resolve

        known = resolve(text)
        if known.name not in self.authorities:
            raise UnknownAuthority(f"{self.file}: no inspection of {known.name} in this release")
        return known.name

    def canonical_for(self, name: str, ons_code: str | None = None) -> str:
        """The name (the register's) of a record's authority, by its ONS code, else its name."""
        from .authorities import find

        known = (find(ons_code) if ons_code else None) or find(name)
        return known.name if known else name


# --------------------------------------------------------------------------------------------
# Known header wordings, one table per release
# --------------------------------------------------------------------------------------------

# A field is (group, what): group '' in one-inspection-per-row sheets, else the column group of a
# wide table ('sif1', ...); what is a word ('name', 'published', ...) or an Area (a grade column).
Field = tuple[str, object]

_NAME, _ONS, _STATUS, _REGION, _LATYPE, _LINK = "name", "ons_code", "status", "region", "la_type", "web_link"
_START, _PUB, _TYPE, _THEME = "start", "published", "type", "theme"

# The 2025 area headers are the official ILACS wordings themselves.
_ILACS_2023_AREAS = FRAMEWORKS[Framework.ILACS_2023].areas

_COMMON: dict[str, Field] = {
    "Web link": ("", _LINK),
    "Local authority name": ("", _NAME),
    "Ofsted region": ("", _REGION),
    "Region": ("", _REGION),
    "LA region": ("", _REGION),
}

_OUTCOMES: dict[str, Field] = {
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


def _wide(prefix: str, group: str, areas: dict[str, Area]) -> dict[str, Field]:
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

_CSC_2023: dict[str, Field] = {
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

HEADERS: dict[str, dict[str, Field]] = {
    "la_inspection_outcomes": _OUTCOMES,
    "childrens_social_care_2023": _CSC_2023,
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

_ILACS_AREAS = tuple(a for a in AREA_ORDER if a in _ILACS_2023_AREAS)


def _fields(headers: dict[str, Field], group: str, extra: tuple = ()) -> frozenset[Field]:
    return frozenset(
        f for f in headers.values() if f[0] == group and (f[1] in extra or isinstance(f[1], Area))
    )


@dataclass(frozen=True)
class _SheetSpec:
    name: str
    required: frozenset[Field]  # every table of the sheet needs these
    required_first: frozenset[Field] = frozenset()  # and its first table these too
    single: bool = True  # the sheet holds one table (else one or more, each with a header row)


_LATEST, _IN_YEAR, _HISTORY = "Inspections_as_at_31_March", "In-year_inspections", "ILACS_inspection_history"
_IDENT = ("", _NAME)

_SHEETS: dict[str, dict[str, _SheetSpec]] = {
    "la_inspection_outcomes": {
        "latest": _SheetSpec(_LATEST, _fields(_OUTCOMES, "", (_NAME, _ONS, _START, _PUB))),
        "in_year": _SheetSpec(_IN_YEAR, _fields(_OUTCOMES, "", (_NAME, _ONS, _START, _PUB, _TYPE, _THEME))),
        "history": _SheetSpec(_HISTORY, _fields(_OUTCOMES, "", (_NAME, _ONS, _STATUS, _START, _PUB, _TYPE))),
    },
    "childrens_social_care_2023": {
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
    },
}


def _norm_header(text: object) -> str:
    return " ".join(str(text).replace("’", "'").split()).casefold()


def _wording_of(headers: dict[str, Field], f: Field) -> str:
    return next(w for w, g in headers.items() if g == f)


# The columns of the 2025 release's ILACS_inspection_history table, in their published order: the
# layout `judgements export --layout ofsted` writes.
ILACS_HISTORY_COLUMNS: tuple[str, ...] = tuple(
    _wording_of(_OUTCOMES, f)
    for f in (("", _LINK), ("", _ONS), ("", _NAME), ("", _STATUS), ("", _REGION), ("", _START), ("", _PUB),
              ("", _TYPE), *(("", a) for a in _ILACS_AREAS))
)


# --------------------------------------------------------------------------------------------
# Reading sheets
# --------------------------------------------------------------------------------------------


@dataclass
class _Table:
    sheet: str
    header_row: int  # 1-based
    columns: dict[Field, int]
    rows: list[tuple[int, list]]  # (1-based row, cells)
    title: str = ""  # the row above the header when it holds one text only


# An ODS file is a zip archive. Ofsted's largest release unpacks to 40 MB; a "zip bomb" of a few MB can
# unpack to gigabytes inside the reader, beyond any memory limit. Refuse it before reading.
MAX_UNPACKED = 400_000_000


def _check_unpacked_size(path: Path) -> None:
    import zipfile

    try:
        with zipfile.ZipFile(path) as zf:
            total = sum(i.file_size for i in zf.infolist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return  # not a zip at all: the reader says what is wrong with it
    if total > MAX_UNPACKED:
        raise OfficialDataError(f"{path}: unpacks to {total // 1_000_000:,} MB, more than the "
                                f"{MAX_UNPACKED // 1_000_000} MB a release may hold; not read")


class _Book:
    """The sheets of one ODS file, read with python-calamine."""

    def __init__(self, path: Path):
        self.path = path
        try:
            import python_calamine
        except ImportError as exc:  # pragma: no cover - a declared dependency
            raise OfficialDataError(f"{path}: python-calamine is needed to read ODS files ({exc})") from None
        if not path.exists():
            raise OfficialDataError(f"{path}: file not found")
        if path.is_dir():
            raise OfficialDataError(f"{path}: is a folder, not an ODS file")
        _check_unpacked_size(path)
        try:
            self._wb = python_calamine.CalamineWorkbook.from_path(str(path))
            self.sheet_names: list[str] = list(self._wb.sheet_names)
        except (python_calamine.CalamineError, OSError, ValueError) as exc:
            raise OfficialDataError(f"{path}: cannot be read as an ODS spreadsheet ({exc})") from None
        self._cache: dict[str, list[list]] = {}
        self.edition = ""

    def rows(self, sheet: str) -> list[list]:
        """Every row of a sheet from A1, so that list index + 1 is the sheet's row number."""
        if sheet not in self._cache:
            try:
                self._cache[sheet] = self._wb.get_sheet_by_name(sheet).to_python(skip_empty_area=False)
            except Exception as exc:  # calamine raises its own types and ValueError
                raise OfficialDataError(f"{self.path}: sheet {sheet} cannot be read ({exc})") from None
        return self._cache[sheet]

    def find_sheet(self, name: str) -> str:
        if name in self.sheet_names:
            return name
        raise OfficialDataError(f"{self.path}: missing sheet '{name}'" + suggest(name, self.sheet_names))

    def tables(self, edition: str, key: str) -> list[_Table]:
        spec = _SHEETS[edition][key]
        headers = HEADERS[edition]
        sheet = self.find_sheet(spec.name)
        grid = self.rows(sheet)
        by_norm = {_norm_header(w): f for w, f in headers.items()}
        name_header = _norm_header(_wording_of(headers, _IDENT))
        starts = [
            i
            for i, r in enumerate(grid)
            if any(_norm_header(c) == name_header for c in r if isinstance(c, str))
        ]
        if not starts:
            wording = _wording_of(headers, _IDENT)
            raise OfficialDataError(
                f"{self.path}: sheet {sheet}: missing column '{wording}' (no header row found)"
            )
        if spec.single and len(starts) > 1:
            raise OfficialDataError(
                f"{self.path}: sheet {sheet}: {len(starts)} header rows (rows "
                f"{', '.join(str(h + 1) for h in starts)}) where one table was expected"
            )
        out = []
        for n, h in enumerate(starts):
            where = f"{self.path}: sheet {sheet} row {h + 1}"
            columns: dict[Field, int] = {}
            blank_cols = []
            for j, cell in enumerate(grid[h]):
                text = _norm_header(cell) if cell not in ("", None) else ""
                if not text:
                    blank_cols.append(j)
                    continue
                f = by_norm.get(text)
                label = " ".join(str(cell).split())
                if f is None:
                    raise OfficialDataError(f"{where}: unknown column '{label}'")
                if f in columns:
                    raise OfficialDataError(f"{where}: column '{label}' given twice")
                columns[f] = j
            required = spec.required | (spec.required_first if n == 0 else frozenset())
            missing = [f for f in headers.values() if f in required and f not in columns]
            if missing:
                raise OfficialDataError(f"{where}: missing column '{_wording_of(headers, missing[0])}'")
            rows = []
            end = starts[n + 1] if n + 1 < len(starts) else len(grid)
            for i in range(h + 1, end):
                cells = grid[i]
                if all(_blank(c) for c in cells):
                    # The table ends at a blank row only where nothing tabular follows (a note or a
                    # title of one cell, or nothing); a blank row with rows after it is reported.
                    more = next((k for k in range(i + 1, end) if not all(_blank(c) for c in grid[k])), None)
                    if more is not None and sum(not _blank(c) for c in grid[more]) > 1:
                        raise OfficialDataError(
                            f"{self.path}: sheet {sheet} row {i + 1}: a blank row inside the table (its rows go "
                            f"on at row {more + 1}); the table would be read short"
                        )
                    break
                for j in blank_cols:
                    if j < len(cells) and not _blank(cells[j]):
                        raise OfficialDataError(
                            f"{self.path}: sheet {sheet} row {i + 1}: a value in column {_col_letter(j)}, "
                            "which has no header"
                        )
                rows.append((i + 1, cells))
            above = [c for c in grid[h - 1] if not _blank(c)] if h else []
            title = " ".join(str(above[0]).replace(":", ": ").split()) if len(above) == 1 else ""
            out.append(_Table(sheet, h + 1, columns, rows, title))
        return out


def _blank(cell: object) -> bool:
    return cell is None or (isinstance(cell, str) and not cell.strip())


def _col_letter(j: int) -> str:
    s = ""
    j += 1
    while j:
        j, r = divmod(j - 1, 26)
        s = chr(65 + r) + s
    return s


class _Row:
    """One data row of a table, read field by field with errors naming the cell."""

    def __init__(self, book: _Book, table: _Table, number: int, cells: list):
        self.book, self.table, self.number, self.cells = book, table, number, cells

    def _where(self, f: Field) -> str:
        headers = HEADERS[self.book.edition]
        return (
            f"{self.book.path}: sheet {self.table.sheet} row {self.number}, "
            f"column '{' '.join(_wording_of(headers, f).split())}'"
        )

    def raw(self, f: Field) -> object:
        j = self.table.columns.get(f)
        if j is None or j >= len(self.cells):
            return None
        return self.cells[j]

    def text(self, f: Field) -> str | None:
        v = self.raw(f)
        if _blank(v) or (isinstance(v, str) and v.strip() == "-"):
            return None
        if isinstance(v, float) and v.is_integer():
            v = int(v)
        return " ".join(str(v).split())

    def date(self, f: Field) -> date | None:
        v = self.raw(f)
        if isinstance(v, datetime):
            return v.date()
        if isinstance(v, date):
            return v
        text = self.text(f)
        if text is None:
            return None
        from .words import parse_day

        day = parse_day(text)
        if day is None:
            raise OfficialDataError(f"{self._where(f)}: '{text}' is not a date")
        return day

    def grade(self, f: Field) -> Grade | None:
        text = self.text(f)
        if text is None:
            return None
        try:
            return parse_grade(text)
        except VocabularyError as exc:
            raise OfficialDataError(f"{self._where(f)}: {exc}") from None

    def grades(self, group: str) -> dict[Area, Grade]:
        out = {}
        for area in AREA_ORDER:
            if (group, area) in self.table.columns:
                g = self.grade((group, area))
                if g is not None:
                    out[area] = g
        return out

    def kind(self, f: Field) -> Kind | None:
        text = self.text(f)
        if text is None:
            return None
        k = kind_of_official(text)
        if k is None:
            names = [i.official_name for i in KINDS.values() if i.official_name]
            raise OfficialDataError(
                f"{self._where(f)}: unknown inspection type '{text}'" + suggest(text, names)
            )
        return k

    def theme(self, f: Field) -> str | None:
        text = self.text(f)
        if text is None:
            return None
        try:
            return parse_visit_theme(text)
        except VocabularyError as exc:
            raise OfficialDataError(f"{self._where(f)}: {exc}") from None

    def ons_code(self, f: Field) -> str | None:
        text = self.text(f)
        if text is not None and not re.fullmatch(r"E\d{8}", text):
            raise OfficialDataError(f"{self._where(f)}: '{text}' is not an ONS area code")
        return text


# --------------------------------------------------------------------------------------------
# read_release
# --------------------------------------------------------------------------------------------

_EDITIONS = {
    "la_inspection_outcomes": {_LATEST, _IN_YEAR, _HISTORY},
    "childrens_social_care_2023": {"LA_inspections_2009-2023", "LA_level_in_year_2022-23"},
}


def read_release(path: str | os.PathLike) -> Release:
    """Read one official release (either known edition), every inspection and visit it states."""
    book = _Book(Path(path))
    sheets = set(book.sheet_names)
    edition = next((e for e, need in _EDITIONS.items() if need <= sheets), None)
    if edition is None:
        known = "; ".join(", ".join(sorted(need)) for need in _EDITIONS.values())
        raise OfficialDataError(f"{book.path}: not a known Ofsted release (expected the sheets {known})")
    book.edition = edition
    title, published = _cover(book)
    builder = _Builder(book, edition)
    if edition == "la_inspection_outcomes":
        builder.read_outcomes()
    else:
        builder.read_csc_2023()
    builder.finish()
    return Release(
        path=book.path,
        edition=edition,
        title=title,
        published=published,
        inspections=builder.inspections,
        authorities=builder.authorities,
        warnings=builder.warnings,
    )


def _cover(book: _Book) -> tuple[str, date]:
    sheet = book.find_sheet("Cover")
    grid = book.rows(sheet)
    first = next((str(c).strip() for r in grid for c in r if not _blank(c)), "")
    labels = {_norm_header(r[0]).rstrip(":"): r[1] for r in grid if len(r) > 1 and isinstance(r[0], str)}
    title = first
    if not title or title.casefold().startswith("cover sheet"):
        title = " ".join(str(labels.get("policy area", "")).split())
    if not title:
        raise OfficialDataError(f"{book.path}: sheet Cover: no title")
    value = labels.get("published on")
    if isinstance(value, datetime):
        published = value.date()
    elif isinstance(value, date):
        published = value
    elif isinstance(value, str) and value.strip():
        from .words import parse_day

        published = parse_day(value)
        if published is None:
            raise OfficialDataError(f"{book.path}: sheet Cover: 'Published on:' is not a date ({value!r})")
    else:
        raise OfficialDataError(f"{book.path}: sheet Cover: missing 'Published on:'")
    return title, published


class _Builder:
    def __init__(self, book: _Book, edition: str):
        self.book = book
        self.edition = edition
        self.inspections: list[OfficialInspection] = []
        self.authorities: dict[str, AuthorityInfo] = {}
        self.warnings: list[str] = []
        self._ons_rows: dict[str, tuple[str, str]] = {}  # ons code -> (canonical, where)

    # ---- authorities ----------------------------------------------------------------------

    def authority(self, row: _Row, status: str | None = None) -> tuple[str, str | None, str]:
        spelling = row.text(("", _NAME))
        if spelling is None:
            raise OfficialDataError(
                f"{self.book.path}: sheet {row.table.sheet} row {row.number}: no local authority name"
            )
        # Every spelling of an authority is one authority: the register's (by code where the row has one).
        from .authorities import find

        code = row.ons_code(("", _ONS)) if ("", _ONS) in row.table.columns else None
        where = f"sheet {row.table.sheet} row {row.number}"
        known = (find(code) if code else None) or find(spelling)
        if known is None:
            raise OfficialDataError(f"{self.book.path}: {where}: '{spelling}' is not an authority in the register")
        name = known.name
        info = self.authorities.setdefault(name, AuthorityInfo(name))
        info.spellings.add(spelling)
        if code:
            if info.ons_code and info.ons_code != code:
                raise OfficialDataError(
                    f"{self.book.path}: {where}: '{spelling}' has ONS code {code}, elsewhere {info.ons_code}"
                )
            other = self._ons_rows.get(code)
            if other and other[0] != name:
                raise OfficialDataError(
                    f"{self.book.path}: {where}: ONS code {code} is '{spelling}' here and '{other[0]}' "
                    f"in {other[1]}"
                )
            self._ons_rows[code] = (name, where)
            info.ons_code = code
        if status:
            if info.status and info.status != status:
                self.warnings.append(f"{where}: {name} is '{status}' here and '{info.status}' elsewhere")
            info.status = status
        return name, code, spelling

    # ---- the 2025 edition -----------------------------------------------------------------

    def in_year_visit(self, row: _Row, with_published: bool) -> OfficialInspection:
        """One row of an in-year sheet (inspections and visits of the year, with their themes)."""
        name, code, spelling = self.authority(row)
        kind = row.kind(("", _TYPE))
        if kind is None:
            raise OfficialDataError(f"{row._where(('', _TYPE))}: no inspection or visit type")
        return OfficialInspection(
            name,
            code,
            kind,
            None,
            row.date(("", _START)),
            row.date(("", _PUB)) if with_published else None,
            row.grades(""),
            row.theme(("", _THEME)),
            row.table.sheet,
            row.number,
            spelling=spelling,
        )

    def read_outcomes(self) -> None:
        book = self.book
        index: dict[tuple, OfficialInspection] = {}
        (history,) = book.tables(self.edition, "history")
        for number, cells in history.rows:
            row = _Row(book, history, number, cells)
            status = row.text(("", _STATUS))
            name, code, spelling = self.authority(row, status)
            kind = row.kind(("", _TYPE))
            if kind is None:
                raise OfficialDataError(f"{row._where(('', _TYPE))}: no inspection type")
            ins = OfficialInspection(
                name,
                code,
                kind,
                None,
                row.date(("", _START)),
                row.date(("", _PUB)),
                row.grades(""),
                None,
                history.sheet,
                number,
                status=status,
                spelling=spelling,
            )
            key = (name, kind, ins.start, ins.published)
            if key in index:
                self._same(index[key], ins)
                continue
            index[key] = ins
            self.inspections.append(ins)

        (in_year,) = book.tables(self.edition, "in_year")
        for number, cells in in_year.rows:
            ins = self.in_year_visit(_Row(book, in_year, number, cells), with_published=True)
            key = (ins.authority, ins.kind, ins.start, ins.published)
            if key in index:
                self._same(index[key], ins)
                continue
            if ins.kind.graded:
                self.warnings.append(
                    f"{in_year.sheet} row {number}: a {ins.kind.value} of {ins.authority} not in {_HISTORY}"
                )
            index[key] = ins
            self.inspections.append(ins)

        (latest,) = book.tables(self.edition, "latest")
        by_dates = {(i.authority, i.start, i.published): i for i in self.inspections if i.kind.graded}
        for number, cells in latest.rows:
            row = _Row(book, latest, number, cells)
            name, code, spelling = self.authority(row)
            start, published = row.date(("", _START)), row.date(("", _PUB))
            found = by_dates.get((name, start, published))
            if found is None:
                self.warnings.append(
                    f"{latest.sheet} row {number}: the latest inspection of {name} ({start}, published "
                    f"{published}) is in no other sheet; not imported (this sheet gives no inspection type)"
                )
                continue
            self._same(
                found,
                OfficialInspection(
                    name,
                    code,
                    found.kind,
                    None,
                    start,
                    published,
                    row.grades(""),
                    None,
                    latest.sheet,
                    number,
                    spelling=spelling,
                ),
            )
        for info in self.authorities.values():
            info.status = info.status or "Current"

    # ---- the 2023 edition -----------------------------------------------------------------

    def read_csc_2023(self) -> None:
        book = self.book
        wide_tables = book.tables(self.edition, "wide")
        wide: list[OfficialInspection] = []
        for t, table in enumerate(wide_tables):
            # Tables after the first list authorities that existed before a restructure.
            status = None if t == 0 else (table.title or "a table of former authorities")
            for number, cells in table.rows:
                row = _Row(book, table, number, cells)
                name, code, spelling = self.authority(row, status)
                found = []
                for group, (kind, label) in _WIDE_GROUPS.items():
                    if (group, _PUB) not in table.columns:
                        continue
                    published = row.date((group, _PUB))
                    grades = row.grades(group)
                    gkind = kind or row.kind((group, _TYPE))
                    if published is None and not grades and (kind is not None or gkind is None):
                        continue
                    where = f"{table.sheet} row {number} (columns '{label}')"
                    if gkind is None:
                        raise OfficialDataError(f"{book.path}: {where}: no inspection type")
                    if not gkind.graded:
                        raise OfficialDataError(
                            f"{book.path}: {where}: '{gkind.value}' is not a graded inspection"
                        )
                    if not grades:
                        self.warnings.append(
                            f"{where}: a {gkind.value} of {name} with no grade; not imported"
                        )
                        continue
                    if published is None:
                        self.warnings.append(f"{where}: a {gkind.value} of {name} with no publication date")
                    found.append(
                        OfficialInspection(
                            name,
                            code,
                            gkind,
                            None,
                            None,
                            published,
                            grades,
                            None,
                            table.sheet,
                            number,
                            columns=label,
                            status=status,
                            spelling=spelling,
                        )
                    )
                # The two halves of a SLAC re-inspection published the same day are one inspection.
                halves = [i for i in found if i.kind is Kind.SLAC_REINSPECTION]
                if len(halves) == 2 and halves[0].published == halves[1].published:
                    halves[0].judgements.update(halves[1].judgements)
                    halves[0].columns = "SLAC re-inspection"
                    found.remove(halves[1])
                wide.extend(found)
        self.inspections.extend(wide)

        (in_year,) = book.tables(self.edition, "in_year")
        for number, cells in in_year.rows:
            ins = self.in_year_visit(_Row(book, in_year, number, cells), with_published=False)
            if ins.kind.graded:
                match = self._match_published(ins, wide)
                if match is not None:
                    match.start = ins.start
                    self._same(match, ins)
                    continue
                self.warnings.append(
                    f"{in_year.sheet} row {number}: a {ins.kind.value} of {ins.authority} ({ins.start}) not in "
                    "LA_inspections_2009-2023; imported without a publication date"
                )
            self.inspections.append(ins)

        (latest,) = book.tables(self.edition, "latest")
        for number, cells in latest.rows:
            row = _Row(book, latest, number, cells)
            name, code, spelling = self.authority(row)
            start, grades = row.date(("", _START)), row.grades("")
            if start is None and not grades:
                continue
            ins = OfficialInspection(
                name,
                code,
                Kind.ILACS_STANDARD,
                None,
                start,
                None,
                grades,
                None,
                latest.sheet,
                number,
                spelling=spelling,
            )
            match = self._match_published(ins, wide, any_ilacs=True)
            if match is None:
                self.warnings.append(
                    f"{latest.sheet} row {number}: the latest inspection of {name} ({start}) matches no "
                    "ILACS inspection in LA_inspections_2009-2023; its inspection date is not used"
                )
                continue
            if match.start and match.start != start:
                others = " and ".join(f"{s} row {r}" for s, r in match.also)
                self.warnings.append(
                    f"{latest.sheet} row {number}: inspection date of {name}'s {match.kind.value} "
                    f"is {start}, {match.start} in {others}; {match.start} used"
                )
            match.start = match.start or start
            ins.kind = match.kind
            self._same(match, ins)

    def _match_published(
        self, ins: OfficialInspection, wide: list[OfficialInspection], any_ilacs: bool = False
    ) -> OfficialInspection | None:
        """The one inspection of the wide table that an inspection dated by its start is.

        Same authority, same kind (any ILACS kind when the sheet gives none), the same grades, and
        published after the start within the longest gap between inspection and publication the 2025
        release shows (225 days; 250 allowed). None unless exactly one inspection fits."""
        ilacs = {Kind.ILACS_SHORT, Kind.ILACS_STANDARD}
        found = [
            w
            for w in wide
            if w.authority == ins.authority
            and (w.kind in ilacs if any_ilacs else w.kind is ins.kind)
            and w.judgements == ins.judgements
            and w.published is not None
            and ins.start is not None
            and ins.start <= w.published <= ins.start + timedelta(days=250)
        ]
        return found[0] if len(found) == 1 else None

    # ---- shared ---------------------------------------------------------------------------

    def _same(self, kept: OfficialInspection, other: OfficialInspection) -> None:
        """Another row stating an inspection already read: note it; warn where they disagree."""
        kept.also.append((other.sheet, other.row))
        if kept.start is None:
            kept.start = other.start
        if kept.published is None:
            kept.published = other.published
        if other.judgements != kept.judgements:
            self.warnings.append(
                f"{other.sheet} row {other.row}: grades of {kept.authority}'s {kept.kind.value} differ from "
                f"{kept.where}; {kept.sheet} used"
            )
        if other.theme and other.theme != kept.theme:
            self.warnings.append(
                f"{other.sheet} row {other.row}: theme of {kept.authority}'s {kept.kind.value} differs from "
                f"{kept.where}; {kept.sheet} used"
            )

    def finish(self) -> None:
        for ins in self.inspections:
            ins.framework = _framework(ins, self.book.path)
            info = self.authorities[ins.authority]
            ins.ons_code = ins.ons_code or info.ons_code
        self.inspections.sort(key=lambda i: (i.authority, i.when or date.min, i.kind.value))
        seen: dict[str, int] = {}
        for ins in self.inspections:
            base = record_id(ins.authority, ins.start, ins.start or ins.published, ins.kind)
            seen[base] = seen.get(base, 0) + 1
            ins.id = base if seen[base] == 1 else f"{base}-{seen[base]}"


def _framework(ins: OfficialInspection, path: Path) -> Framework:
    info = KINDS[ins.kind]
    if len(info.frameworks) == 1:
        return info.frameworks[0]
    day = ins.start or ins.published
    if day is None:
        raise OfficialDataError(f"{path}: {ins.where}: a {ins.kind.value} with no date")
    fw = framework_for(day)
    if fw not in info.frameworks:
        raise OfficialDataError(
            f"{path}: {ins.where}: a {ins.kind.value} dated {day} falls under {fw.value}, "
            f"which has no {ins.kind.value}"
        )
    return fw


def record_id(authority: str, start: date | None, when: date | None, kind: Kind) -> str:
    """The record id by the project's one rule (identity.record_id)."""
    from .authorities import find
    from .identity import record_id as rule

    return rule(find(authority, on=when).slug, kind, start, when)


# --------------------------------------------------------------------------------------------
# to_records
# --------------------------------------------------------------------------------------------


class RecordList(list):
    """The records built from a release, with ``problems``: inspections that could not become one."""

    def __init__(self, items=(), problems: list[str] | None = None):
        super().__init__(items)
        self.problems: list[str] = problems or []


def select(release: Release, authority: str | None = None) -> list[OfficialInspection]:
    if authority is None:
        return list(release.inspections)
    name = release.find_authority(authority)
    return [i for i in release.inspections if i.authority == name]


def to_records(release: Release, authority: str | None = None) -> RecordList:
    """One record per graded inspection and in-year visit of the release (of one authority)."""
    out = RecordList()
    for ins in select(release, authority):
        data, notes = _record_data(release, ins)
        try:
            out.append(Record.model_validate(data))
        except RuleViolations as exc:
            dates = [p for p in exc.problems if p[0] == ("published",)]
            if dates and len(dates) == len(exc.problems):
                # Publication before the inspection: keep the record, leave the start out, say so.
                notes.append(
                    f"The release gives inspection date {ins.start} after publication date "
                    f"{ins.published}; the inspection date is left out."
                )
                data["start"] = None
                out.append(Record.model_validate(data))
                out.problems.append(
                    f"{ins.id}: {ins.where}: published {ins.published} before start {ins.start}"
                )
            else:
                out.problems.append(f"{ins.id}: {ins.where}: {exc}")
        except ValidationError as exc:  # pragma: no cover - the reader checks every value first
            first = exc.errors(include_url=False)[0]
            out.problems.append(f"{ins.id}: {ins.where}: {'.'.join(map(str, first['loc']))}: {first['msg']}")
    return out


def _register_name(ins: OfficialInspection) -> str:
    from .authorities import find

    known = find(ins.ons_code or ins.authority, on=ins.start or ins.published)
    return known.name if known else ins.authority


def _record_data(release: Release, ins: OfficialInspection) -> tuple[dict, list[str]]:
    where = ins.where + "".join(f"; sheet {s} row {r}" for s, r in ins.also)
    notes = []
    if ins.spelling and ins.spelling != _register_name(ins):
        notes.append(f"The release writes the authority's name as '{ins.spelling}'.")
    if release.edition == "la_inspection_outcomes":
        status = release.authorities[ins.authority].status
        if status and status != "Current":
            notes.append(f"Local authority status in the release: {status}.")
    elif ins.status:
        notes.append(f"Listed in the release under '{ins.status}'.")
    if ins.kind.graded and ins.start is None:
        notes.append("The release gives no inspection date, only the publication date.")
    if ins.published is None:
        notes.append("The release gives no publication date.")
    if ins.framework is Framework.PRE_2013:
        notes.append(
            "The release places grades on today's four-step scale (an 'adequate' judgement of the "
            "time is shown as 'Requires improvement to be good'); the grades are as the release shows them."
        )
    if ins.kind.graded and ins.framework is not None:
        absent = [a.value for a in graded_areas(ins.kind, ins.framework) if a not in ins.judgements]
        if absent:
            notes.append(f"No grade in the release for: {', '.join(absent)}.")
    from .authorities import find

    day = ins.start or ins.published
    known = find(ins.ons_code or ins.authority, on=day) or find(ins.authority, on=day)
    if known is None:
        authority = {"name": ins.authority, "ons_code": ins.ons_code}
    else:  # the register's name and numbers; the release's own spelling is noted above
        authority = {"name": known.name, "la_number": known.la_number,
                     "ons_code": ins.ons_code or (known.gss_on(day) if day else known.gss)}
    data = {
        "id": ins.id,
        "authority": authority,
        "kind": ins.kind.value,
        "framework": ins.framework.value if ins.framework else None,
        "start": ins.start.isoformat() if ins.start else None,
        "published": ins.published.isoformat() if ins.published else None,
        "judgements": {a.value: g.value for a, g in ins.judgements.items()},
        "theme": ins.theme,
        "notes": notes,
        "sources": [
            {
                "id": f"{SOURCE_ID}-{release.published.year}",
                "title": release.title,
                "publisher": PUBLISHER,
                "date": release.published.isoformat(),
                "file": f"data/official/{release.file}",
                "where": where,
            }
        ],
    }
    return data, notes


# --------------------------------------------------------------------------------------------
# write_records
# --------------------------------------------------------------------------------------------


def record_yaml(record: Record) -> str:
    """A record as YAML in the project's record format (fields in the model's order)."""
    from .recordyaml import dump_record

    return dump_record(record.model_dump(mode="json", exclude_none=True))


def write_records(records: list[Record], out_dir: str | os.PathLike) -> tuple[list[Path], list[Path]]:
    """Write each record to ``<id>.yaml``; never overwrite. Returns (written, skipped as existing).

    Each file goes through :func:`rotherham_cli.output.write_atomic` without ``force``: written in
    full to a temporary file, then linked to its name, which fails when the name exists. A reader
    never sees a half-written record and an existing file is never replaced.
    """
    from .output import AlreadyExists, OutputError, write_atomic

    folder = Path(out_dir)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise OfficialWriteError(f"{folder}: is a file, not a folder") from None
    except OSError as exc:
        raise OfficialWriteError(f"{folder}: cannot create the folder ({exc.strerror or exc})") from None
    written: list[Path] = []
    skipped: list[Path] = []
    for record in records:
        path = folder / f"{record.id}.yaml"
        try:
            write_atomic(path, record_yaml(record).encode("utf-8"))
        except AlreadyExists:
            skipped.append(path)
            continue
        except OutputError as exc:
            raise OfficialWriteError(str(exc)) from None
        written.append(path)
    return written, skipped


# --------------------------------------------------------------------------------------------
# check
# --------------------------------------------------------------------------------------------

MISSING = "missing record"
GRADE_DIFFERS = "grade differs"
DATE_DIFFERS = "date differs"
KIND_DIFFERS = "kind differs"
NOT_IN_RELEASE = "record not in release"

# How far apart two dates of the same inspection may be for a record to be taken as that
# inspection with a wrong date (rather than as another inspection).
NEAR_DAYS = 120


@dataclass(frozen=True)
class Disagreement:
    kind: str  # one of MISSING, GRADE_DIFFERS, DATE_DIFFERS, KIND_DIFFERS, NOT_IN_RELEASE
    authority: str
    official_id: str | None
    record_id: str | None
    area: Area | None = None
    official: str | None = None
    record: str | None = None
    detail: str = ""


def noted(d: Disagreement, record: Record | None, release: Release) -> bool:
    """Whether the record already says this release gives the fact otherwise (a source from this release
    with the field in its ``differs``): the sources disagree, and the record says so and which it holds."""
    if record is None:
        return False
    field = {GRADE_DIFFERS: f"judgements.{d.area.value}" if d.area else None, KIND_DIFFERS: "kind",
             DATE_DIFFERS: d.detail}.get(d.kind)
    return field is not None and any(
        Path(s.file or "").name == release.file and field in s.differs for s in record.sources
    )


CHECK_HEADER = ["disagreement", "authority", "official", "record", "area", "official value", "record value",
                "detail"]


def check_rows(found: list[Disagreement]) -> list[list[str]]:
    """Disagreements as rows of plain text under :data:`CHECK_HEADER`."""
    return [[d.kind, d.authority, d.official_id or "", d.record_id or "", d.area.value if d.area else "",
             d.official or "", d.record or "", d.detail] for d in found]


def _pd(value) -> str | None:
    return None if value is None else str(value)


def check(records: list[Record], release: Release, authority: str | None = None) -> list[Disagreement]:
    """Compare records with the release's graded inspections of the records' authorities.

    Every graded inspection of the release for an authority that has records (or for ``authority``)
    needs a record of the same kind, dates (publication; start where the release gives one) and
    grades. A graded record of a kind the release covers, dated within the release's span for that
    kind, that matches no inspection of the release is reported as not in the release. Grades are
    compared on today's scale: a record's 'adequate' agrees with the release's 'Requires improvement
    to be good', as the release itself places it.
    """
    target = release.find_authority(authority) if authority else None
    by_auth: dict[str, list[Record]] = defaultdict(list)
    for r in records:
        name = release.canonical_for(r.authority.name, r.authority.ons_code)
        if target is None or name == target:
            by_auth[name].append(r)
    scope = {target} if target else set(by_auth)
    span: dict[Kind, tuple[date, date]] = {}
    for i in release.inspections:
        if i.kind.graded and i.when:
            lo, hi = span.get(i.kind, (i.when, i.when))
            span[i.kind] = (min(lo, i.when), max(hi, i.when))

    # The release knows the reports published by its last publication date: an inspection held within
    # its span but published later (Wakefield, March 2025, published that July) is not missing from it.
    known_until = max((i.published for i in release.inspections if i.published), default=None)

    out: list[Disagreement] = []
    used: set[str] = set()
    official = [i for i in release.inspections if i.kind.graded and i.authority in scope]
    for ins in official:
        candidates = [r for r in by_auth.get(ins.authority, []) if r.kind.graded and r.id not in used]
        rec = _match(ins, candidates)
        if rec is None:
            out.append(
                Disagreement(
                    MISSING,
                    ins.authority,
                    ins.id,
                    None,
                    official=f"{ins.kind.value} {ins.published or ins.start}",
                    detail=f"no record of this inspection ({ins.where})",
                )
            )
            continue
        used.add(rec.id)
        out.extend(_compare(ins, rec))
    for name in sorted(scope):
        for r in by_auth.get(name, []):
            if r.id in used or not r.kind.graded or r.kind not in span or r.when is None:
                continue
            if known_until and r.published and r.published.earliest > known_until:
                continue
            lo, hi = span[r.kind]
            if r.when.latest >= lo and r.when.earliest <= hi:
                out.append(
                    Disagreement(
                        NOT_IN_RELEASE,
                        name,
                        None,
                        r.id,
                        record=f"{r.kind.value} {r.published or r.when}",
                        detail=f"no {r.kind.value} of {name} on this date in the release, "
                        f"which lists {r.kind.value} from {lo} to {hi}",
                    )
                )
    return out


def _same_day(pd, day: date | None) -> bool:
    return pd is not None and day is not None and str(pd) == day.isoformat()


def _near(pd, day: date | None) -> bool:
    if pd is None or day is None:
        return False
    return pd.earliest - timedelta(days=NEAR_DAYS) <= day <= pd.latest + timedelta(days=NEAR_DAYS)


def _match(ins: OfficialInspection, candidates: list[Record]) -> Record | None:
    tests = [
        lambda r: (
            r.kind is ins.kind and (_same_day(r.published, ins.published) or _same_day(r.start, ins.start))
        ),
        lambda r: _same_day(r.published, ins.published) or _same_day(r.start, ins.start),
        lambda r: (
            r.kind is ins.kind
            and (_near(r.published, ins.published) or _near(r.start, ins.start) or _near(r.when, ins.when))
        ),
    ]
    for test in tests:
        found = [r for r in candidates if test(r)]
        if found:
            return found[0]
    return None


def _compare(ins: OfficialInspection, rec: Record) -> list[Disagreement]:
    out = []
    d = lambda kind, **kw: Disagreement(kind, ins.authority, ins.id, rec.id, **kw)  # noqa: E731
    if rec.kind is not ins.kind:
        out.append(d(KIND_DIFFERS, official=ins.kind.value, record=rec.kind.value))
    if ins.published and not _same_day(rec.published, ins.published):
        out.append(
            d(DATE_DIFFERS, official=ins.published.isoformat(), record=_pd(rec.published), detail="published")
        )
    if ins.start and not _same_day(rec.start, ins.start):
        out.append(d(DATE_DIFFERS, official=ins.start.isoformat(), record=_pd(rec.start), detail="start"))
    for area in AREA_ORDER:
        o, r = ins.judgements.get(area), rec.judgements.get(area)
        if o is None and r is None:
            continue
        if o is not None and r is not None and o.on_scale is r.on_scale:
            continue
        detail = (
            "the release gives no grade for this area"
            if o is None
            else "the record gives no grade for this area"
            if r is None
            else ""
        )
        out.append(
            d(
                GRADE_DIFFERS,
                area=area,
                official=o.value if o else None,
                record=r.value if r else None,
                detail=detail,
            )
        )
    return out
