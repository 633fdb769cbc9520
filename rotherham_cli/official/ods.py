"""Reading an ODS workbook: sheets, tables found by their header row, and typed cells (python-calamine)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from ..vocab import (
    AREA_ORDER,
    KINDS,
    Area,
    Grade,
    Kind,
    VocabularyError,
    kind_of_official,
    parse_grade,
    parse_visit_theme,
    suggest,
)
from .layouts import _IDENT, Column, Layout, _norm_header
from .model import OfficialDataError

# --------------------------------------------------------------------------------------------
# Reading sheets
# --------------------------------------------------------------------------------------------


@dataclass
class _Table:
    layout: Layout
    sheet: str
    header_row: int  # 1-based
    columns: dict[Column, int]
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

    def tables(self, layout: Layout, key: str) -> list[_Table]:
        """The tables of one of the layout's sheets ('latest', 'history', ...), found by their header rows."""
        spec = layout.sheets[key]
        headers = layout.headers
        sheet = self.find_sheet(spec.name)
        grid = self.rows(sheet)
        by_norm = {_norm_header(w): f for w, f in headers.items()}
        name_header = _norm_header(layout.wording(_IDENT))
        starts = [
            i
            for i, r in enumerate(grid)
            if any(_norm_header(c) == name_header for c in r if isinstance(c, str))
        ]
        if not starts:
            wording = layout.wording(_IDENT)
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
            columns: dict[Column, int] = {}
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
                raise OfficialDataError(f"{where}: missing column '{layout.wording(missing[0])}'")
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
            out.append(_Table(layout, sheet, h + 1, columns, rows, title))
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

    def _where(self, f: Column) -> str:
        return (
            f"{self.book.path}: sheet {self.table.sheet} row {self.number}, "
            f"column '{' '.join(self.table.layout.wording(f).split())}'"
        )

    def raw(self, f: Column) -> object:
        j = self.table.columns.get(f)
        if j is None or j >= len(self.cells):
            return None
        return self.cells[j]

    def text(self, f: Column) -> str | None:
        v = self.raw(f)
        if _blank(v) or (isinstance(v, str) and v.strip() == "-"):
            return None
        if isinstance(v, float) and v.is_integer():
            v = int(v)
        return " ".join(str(v).split())

    def date(self, f: Column) -> date | None:
        v = self.raw(f)
        if isinstance(v, datetime):
            return v.date()
        if isinstance(v, date):
            return v
        text = self.text(f)
        if text is None:
            return None
        from ..words import parse_day

        day = parse_day(text)
        if day is None:
            raise OfficialDataError(f"{self._where(f)}: '{text}' is not a date")
        return day

    def grade(self, f: Column) -> Grade | None:
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

    def kind(self, f: Column) -> Kind | None:
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

    def theme(self, f: Column) -> str | None:
        text = self.text(f)
        if text is None:
            return None
        try:
            return parse_visit_theme(text)
        except VocabularyError as exc:
            raise OfficialDataError(f"{self._where(f)}: {exc}") from None

    def ons_code(self, f: Column) -> str | None:
        text = self.text(f)
        if text is not None and not re.fullmatch(r"E\d{8}", text):
            raise OfficialDataError(f"{self._where(f)}: '{text}' is not an ONS area code")
        return text


# --------------------------------------------------------------------------------------------
# read_release
