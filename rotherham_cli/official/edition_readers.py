"""One reader per release: a workbook in, what it states out (the inspections, the authorities, warnings)."""

from __future__ import annotations

from ..vocab import (
    Kind,
)
from .gathering import _Builder
from .layouts import (
    _HISTORY,
    _PUB,
    _START,
    _STATUS,
    _TYPE,
    _WIDE_GROUPS,
    Edition,
    Layout,
)
from .model import OfficialDataError, OfficialInspection
from .ods import _Book, _Row


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
