"""Reading a release: its edition from its sheets, every inspection it states, gathered from every sheet and row."""

from __future__ import annotations

import os
from datetime import date, datetime, timedelta
from pathlib import Path

from ..vocab import (
    KINDS,
    Framework,
    Kind,
    framework_for,
)
from .layouts import (
    _HISTORY,
    _NAME,
    _ONS,
    _PUB,
    _START,
    _STATUS,
    _THEME,
    _TYPE,
    _WIDE_GROUPS,
    LAYOUTS,
    Edition,
    Layout,
    _norm_header,
)
from .model import AuthorityInfo, OfficialDataError, OfficialInspection, Release
from .ods import _blank, _Book, _Row

# --------------------------------------------------------------------------------------------

def read_release(path: str | os.PathLike) -> Release:
    """Read one official release (either known edition), every inspection and visit it states."""
    book = _Book(Path(path))
    sheets = set(book.sheet_names)
    layout = next((lay for lay in LAYOUTS.values() if lay.identified_by <= sheets), None)
    if layout is None:
        known = "; ".join(", ".join(sorted(lay.identified_by)) for lay in LAYOUTS.values())
        raise OfficialDataError(f"{book.path}: not a known Ofsted release (expected the sheets {known})")
    title, published = _cover(book)
    builder = _READERS[layout.edition](book, layout)
    builder.finish()
    return Release(
        path=book.path,
        edition=layout.edition,
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
        from ..words import parse_day

        published = parse_day(value)
        if published is None:
            raise OfficialDataError(f"{book.path}: sheet Cover: 'Published on:' is not a date ({value!r})")
    else:
        raise OfficialDataError(f"{book.path}: sheet Cover: missing 'Published on:'")
    return title, published


class _Builder:
    """What a release's reader gathers (``read_outcomes`` or ``read_csc_2023``, chosen by edition in
    :data:`_READERS`): its inspections, each row's authority resolved through the register (and checked
    against the other rows that name it), its warnings; ``finish`` merges what several sheets state of
    one inspection."""

    def __init__(self, book: _Book, layout: Layout):
        self.book = book
        self.layout = layout
        self.inspections: list[OfficialInspection] = []
        self.authorities: dict[str, AuthorityInfo] = {}
        self.warnings: list[str] = []
        self._ons_rows: dict[str, tuple[str, str]] = {}  # ons code -> (canonical, where)

    # ---- authorities ----------------------------------------------------------------------

    def authority(self, row: _Row, status: str | None = None, former: bool = False) -> tuple[str, str | None, str]:
        spelling = row.text(("", _NAME))
        if spelling is None:
            raise OfficialDataError(
                f"{self.book.path}: sheet {row.table.sheet} row {row.number}: no local authority name"
            )
        # Every spelling of an authority is one authority: the register's (by code where the row has one).
        from ..authorities import find

        code = row.ons_code(("", _ONS)) if ("", _ONS) in row.table.columns else None
        where = f"sheet {row.table.sheet} row {row.number}"
        known = (find(code) if code else None) or find(spelling)
        if former and known is not None and known.current:  # a table of former authorities: "Dorset" there
            from ..authorities import named  # is the county council, not today's Dorset Council

            known = next((a for a in named(spelling) if not a.current), known)
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
            authority=name,
            ons_code=code,
            kind=kind,
            start=row.date(("", _START)),
            published=row.date(("", _PUB)) if with_published else None,
            judgements=row.grades(""),
            theme=row.theme(("", _THEME)),
            sheet=row.table.sheet,
            row=row.number,
            spelling=spelling,
        )

    # ---- the 2023 edition -----------------------------------------------------------------

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
    from ..authorities import find
    from ..identity import record_id as rule

    return rule(find(authority, on=when).slug, kind, start, when)


# --------------------------------------------------------------------------------------------
# One reader per release: a workbook in, what it states out (the inspections, the authorities, warnings)
# --------------------------------------------------------------------------------------------


def read_outcomes(book: _Book, layout: Layout) -> _Builder:
    """'Local authority inspection outcomes as at 31 March' (2025): the ILACS history, the in-year
    visits and the latest inspections, one inspection each however many sheets state it."""
    g = _Builder(book, layout)
    index: dict[tuple, OfficialInspection] = {}
    (history,) = book.tables(layout, "history")
    for number, cells in history.rows:
        row = _Row(book, history, number, cells)
        status = row.text(("", _STATUS))
        name, code, spelling = g.authority(row, status)
        kind = row.kind(("", _TYPE))
        if kind is None:
            raise OfficialDataError(f"{row._where(('', _TYPE))}: no inspection type")
        ins = OfficialInspection(
            authority=name,
            ons_code=code,
            kind=kind,
            start=row.date(("", _START)),
            published=row.date(("", _PUB)),
            judgements=row.grades(""),
            sheet=history.sheet,
            row=number,
            status=status,
            spelling=spelling,
        )
        key = (name, kind, ins.start, ins.published)
        if key in index:
            g._same(index[key], ins)
            continue
        index[key] = ins
        g.inspections.append(ins)

    (in_year,) = book.tables(layout, "in_year")
    for number, cells in in_year.rows:
        ins = g.in_year_visit(_Row(book, in_year, number, cells), with_published=True)
        key = (ins.authority, ins.kind, ins.start, ins.published)
        if key in index:
            g._same(index[key], ins)
            continue
        if ins.kind.graded:
            g.warnings.append(
                f"{in_year.sheet} row {number}: a {ins.kind.value} of {ins.authority} not in {_HISTORY}"
            )
        index[key] = ins
        g.inspections.append(ins)

    (latest,) = book.tables(layout, "latest")
    by_dates = {(i.authority, i.start, i.published): i for i in g.inspections if i.kind.graded}
    for number, cells in latest.rows:
        row = _Row(book, latest, number, cells)
        name, code, spelling = g.authority(row)
        start, published = row.date(("", _START)), row.date(("", _PUB))
        found = by_dates.get((name, start, published))
        if found is None:
            g.warnings.append(
                f"{latest.sheet} row {number}: the latest inspection of {name} ({start}, published "
                f"{published}) is in no other sheet; not imported (this sheet gives no inspection type)"
            )
            continue
        g._same(
            found,
            OfficialInspection(
                authority=name,
                ons_code=code,
                kind=found.kind,
                start=start,
                published=published,
                judgements=row.grades(""),
                sheet=latest.sheet,
                row=number,
                spelling=spelling,
            ),
        )
    for info in g.authorities.values():
        info.status = info.status or "Current"
    return g


def read_csc_2023(book: _Book, layout: Layout) -> _Builder:
    """'Children's social care data in England 2023': the wide table of every inspection since 2009
    (and its table of former authorities), the year's visits and the latest inspections."""
    g = _Builder(book, layout)
    wide_tables = book.tables(layout, "wide")
    wide: list[OfficialInspection] = []
    for t, table in enumerate(wide_tables):
        # Tables after the first list authorities that existed before a restructure.
        status = None if t == 0 else (table.title or "a table of former authorities")
        for number, cells in table.rows:
            row = _Row(book, table, number, cells)
            name, code, spelling = g.authority(row, status, former=t > 0)
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
                    g.warnings.append(
                        f"{where}: a {gkind.value} of {name} with no grade; not imported"
                    )
                    continue
                if published is None:
                    g.warnings.append(f"{where}: a {gkind.value} of {name} with no publication date")
                found.append(
                    OfficialInspection(
                        authority=name,
                        ons_code=code,
                        kind=gkind,
                        published=published,
                        judgements=grades,
                        sheet=table.sheet,
                        row=number,
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
    g.inspections.extend(wide)

    (in_year,) = book.tables(layout, "in_year")
    for number, cells in in_year.rows:
        ins = g.in_year_visit(_Row(book, in_year, number, cells), with_published=False)
        if ins.kind.graded:
            match = g._match_published(ins, wide)
            if match is not None:
                match.start = ins.start
                g._same(match, ins)
                continue
            g.warnings.append(
                f"{in_year.sheet} row {number}: a {ins.kind.value} of {ins.authority} ({ins.start}) not in "
                "LA_inspections_2009-2023; imported without a publication date"
            )
        g.inspections.append(ins)

    (latest,) = book.tables(layout, "latest")
    for number, cells in latest.rows:
        row = _Row(book, latest, number, cells)
        name, code, spelling = g.authority(row)
        start, grades = row.date(("", _START)), row.grades("")
        if start is None and not grades:
            continue
        ins = OfficialInspection(
            authority=name,
            ons_code=code,
            kind=Kind.ILACS_STANDARD,
            start=start,
            judgements=grades,
            sheet=latest.sheet,
            row=number,
            spelling=spelling,
        )
        match = g._match_published(ins, wide, any_ilacs=True)
        if match is None:
            g.warnings.append(
                f"{latest.sheet} row {number}: the latest inspection of {name} ({start}) matches no "
                "ILACS inspection in LA_inspections_2009-2023; its inspection date is not used"
            )
            continue
        if match.start and match.start != start:
            others = " and ".join(f"{s} row {r}" for s, r in match.also)
            g.warnings.append(
                f"{latest.sheet} row {number}: inspection date of {name}'s {match.kind.value} "
                f"is {start}, {match.start} in {others}; {match.start} used"
            )
        match.start = match.start or start
        ins.kind = match.kind
        g._same(match, ins)
    return g


# One reader per release.
_READERS = {
    Edition.LA_INSPECTION_OUTCOMES: read_outcomes,
    Edition.CSC_2023: read_csc_2023,
}
