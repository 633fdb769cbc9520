"""Import of Ofsted's official statistics (ODS) and the check of records against them.

The releases themselves live in ../shared/data/official/ (not shipped). Tests that need them skip
with a reason when the folder is absent; tests on tiny ODS files built here with odfpy always run.

The grade tests re-read the sheets independently with python-calamine, locate columns by their
literal header text and map the four grade wordings by a literal table, so that a mistake in the
importer's header table or grade parsing cannot hide behind itself.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path

import pytest
from conftest import OFFICIAL

from rotherham_cli import official as o
from rotherham_cli.errors import UnknownAuthority
from rotherham_cli.loader import load_records
from rotherham_cli.models import Record
from rotherham_cli.vocab import Area

F2025 = OFFICIAL / "LA_Inspection_Outcomes_as_at_31_March_2025.ods"
F2023 = OFFICIAL / "Childrens_social_care_in_England_2023_underlying_data.ods"

GRADE_WORDS = {
    "Outstanding": "outstanding",
    "Good": "good",
    "Requires improvement to be good": "requires_improvement",
    "Inadequate": "inadequate",
}


def _need(path: Path) -> Path:
    if not path.is_file():
        pytest.skip(f"official data not present: {path} (the shared folder is not part of the product)")
    return path


@pytest.fixture(scope="module")
def r2025() -> o.Release:
    return o.read_release(_need(F2025))


@pytest.fixture(scope="module")
def r2023() -> o.Release:
    return o.read_release(_need(F2023))


@pytest.fixture(scope="module")
def made2025(r2025) -> o.ReleaseRecords:
    return o.to_records(r2025)


@pytest.fixture(scope="module")
def made2023(r2023) -> o.ReleaseRecords:
    return o.to_records(r2023)


@pytest.fixture(scope="module")
def recs2025(made2025) -> list[Record]:
    return made2025.records


@pytest.fixture(scope="module")
def recs2023(made2023) -> list[Record]:
    return made2023.records


def _sheet(path: Path, name: str) -> list[list]:
    import python_calamine

    wb = python_calamine.CalamineWorkbook.from_path(str(path))
    return wb.get_sheet_by_name(name).to_python(skip_empty_area=False)


def _norm(text: object) -> str:
    return " ".join(str(text).split())


def _day(cell) -> str | None:
    return cell.date().isoformat() if isinstance(cell, datetime) else None


def _grades(cells: dict[str, object], columns: dict[str, str]) -> dict[str, str]:
    """{area key: grade key} for the non-empty cells of the given columns (header -> area key)."""
    out = {}
    for header, area in columns.items():
        cell = cells[header]
        if isinstance(cell, str) and cell.strip() not in ("", "-"):
            out[area] = GRADE_WORDS[cell.strip()]
    return out


# --------------------------------------------------------------------------------------------
# The 2025 release
# --------------------------------------------------------------------------------------------

ILACS_2025_COLUMNS = {
    "Overall effectiveness": "overall_effectiveness",
    "The impact of leaders on social work practice with children and families": "leadership",
    "The experiences and progress of children who need help and protection": "help_and_protection",
    "The experiences and progress of children in care": "children_in_care",
    "The experiences and progress of care leavers": "care_leavers",
}
THEMES_2025 = {
    "Children in need/subject to a plan": "children_in_need_or_plan",
    "Children in care": "children_in_care",
    "Care leavers": "care_leavers",
    "Achieving permanence": "achieving_permanence",
    "Front door": "front_door",
    "Vulnerable adolescents": "vulnerable_adolescents",
}


def _rows(path: Path, sheet: str, header_row: int) -> list[tuple[int, dict[str, object]]]:
    grid = _sheet(path, sheet)
    header = [_norm(h) for h in grid[header_row - 1]]
    out = []
    for i, row in enumerate(grid[header_row:], start=header_row + 1):
        if all(c in ("", None) for c in row):
            break
        out.append((i, dict(zip(header, row, strict=True))))
    return out


def test_2025_release_is_recognised(r2025):
    assert r2025.edition is o.Edition.LA_INSPECTION_OUTCOMES
    assert r2025.title == "Local authority inspection outcomes as at 31 March 2025"
    assert r2025.published == date(2025, 9, 25)
    assert r2025.warnings == []


def test_2025_records_cover_all_153_current_authorities(r2025, made2025, recs2025):
    # 331 records: the 271 rows of ILACS_inspection_history, plus the 60 focused and monitoring
    # visits of In-year_inspections; its 52 graded rows and the 153 rows of
    # Inspections_as_at_31_March are the same inspections as history rows and are merged into them.
    assert made2025.problems == []
    assert len(recs2025) == 331
    assert sum(r.kind.graded for r in recs2025) == 271
    assert len({r.id for r in recs2025}) == 331

    names = {r.authority.name for r in recs2025}
    # 156 authorities: the 153 current ones plus 3 that no longer exist (their successors are
    # separate current authorities: Bournemouth -> Bournemouth, Christchurch and Poole; Cumbria ->
    # Cumberland, Westmorland and Furness; Northamptonshire -> North and West Northamptonshire).
    assert len(names) == 156
    gone = {n for n, a in r2025.authorities.items() if a.status == "No longer exists"}
    assert gone == {"Bournemouth", "Cumbria", "Northamptonshire"}
    current = {n for n, a in r2025.authorities.items() if a.status == "Current"}
    # records carry the register's names ('Telford & Wrekin', as the 2025 release writes it)
    assert len(current) == 153 and current | gone == names

    # Independently: every ONS code of the latest-judgements sheet has a graded record.
    latest = _rows(F2025, "Inspections_as_at_31_March", 3)
    codes = {cells["Local authority area code"] for _, cells in latest}
    assert len(codes) == 153
    graded_codes = {r.authority.ons_code for r in recs2025 if r.kind.graded}
    assert codes <= graded_codes and len(graded_codes) == 156
    assert {
        "Bournemouth, Christchurch & Poole",
        "Cumberland",
        "Westmorland and Furness",
        "North Northamptonshire",
        "West Northamptonshire",
    } <= current


@pytest.mark.parametrize(
    "sheet, typed",
    [
        ("ILACS_inspection_history", True),
        ("In-year_inspections", True),
        ("Inspections_as_at_31_March", False),
    ],
)
def test_2025_grades_match_the_sheet_cell_for_cell(recs2025, sheet, typed):
    by_key = {}
    for r in recs2025:
        by_key[(r.authority.ons_code, str(r.start), str(r.published), r.kind.value if typed else None)] = r
    kinds = {
        "ILACS Standard Inspection": "ilacs_standard",
        "ILACS Short Inspection": "ilacs_short",
        "ILACS Focused Visit": "focused_visit",
        "LA Monitoring visit": "monitoring_visit",
    }
    compared = 0
    for row, cells in _rows(F2025, sheet, 3):
        kind = None
        if typed:
            kind = kinds[cells.get("Inspection type") or cells.get("Inspection/Visit type")]
        start = _day(cells.get("Inspection date") or cells.get("Inspection/Visit date"))
        key = (cells["Local authority area code"], start, _day(cells["Publication date"]), kind)
        rec = by_key[key]
        expected = _grades(cells, ILACS_2025_COLUMNS)
        assert rec.model_dump(mode="json")["judgements"] == expected, f"{sheet} row {row}"
        compared += len(expected)
        if cells.get("Visit Theme"):
            assert rec.theme == THEMES_2025[cells["Visit Theme"]]
            assert rec.judgements == {}
        assert f"{sheet} row {row}" in rec.sources[0].where
        assert rec.framework.value == ("ilacs" if start < "2023-01-01" else "ilacs_2023")
    # Every non-blank grade cell of the sheet was compared.
    assert (
        compared
        == {
            "ILACS_inspection_history": 271 * 4 + 103,
            "In-year_inspections": 52 * 5,
            "Inspections_as_at_31_March": 153 * 4 + 103,
        }[sheet]
    )


def test_2025_the_same_inspection_in_three_sheets_is_one_record(recs2025):
    bcp = [r for r in recs2025 if r.authority.name == "Bournemouth, Christchurch & Poole"]
    latest = [r for r in bcp if str(r.published) == "2025-01-29"]
    assert len(latest) == 1
    rec = latest[0]
    assert rec.id == "bournemouth-christchurch-and-poole-2024-ilacs-standard"
    assert rec.authority.ons_code == "E06000058"
    assert (str(rec.start), rec.framework.value) == ("2024-12-02", "ilacs_2023")
    where = rec.sources[0].where
    for place in (
        "ILACS_inspection_history row 24",
        "In-year_inspections row 12",
        "Inspections_as_at_31_March row 14",
    ):
        assert place in where
    assert rec.authority.la_number == 839


def test_2025_record_carries_the_official_source(recs2025):
    rec = next(r for r in recs2025 if r.id == "rotherham-2024-05-focused-visit")
    assert rec.model_dump(mode="json")["sources"] == [
        {
            "id": "official-2025",
            "title": "Local authority inspection outcomes as at 31 March 2025",
            "publisher": "Ofsted",
            "date": "2025-09-25",
            "url": None,
            "file": "data/official/LA_Inspection_Outcomes_as_at_31_March_2025.ods",
            "where": "sheet In-year_inspections row 77",
            # What the row states, the GSS code among them; no LA number (the release gives none).
            "facts": ["kind", "framework", "start", "published", "theme", "authority.ons_code"],
            "differs": {},
            "notes": [],
        }
    ]
    assert (str(rec.start), rec.theme, rec.authority.name) == (
        "2024-05-14",
        "children_in_need_or_plan",
        "Rotherham",
    )


# --------------------------------------------------------------------------------------------
# The 2023 release
# --------------------------------------------------------------------------------------------


def test_2023_release_is_recognised(r2023, made2023, recs2023):
    assert r2023.edition is o.Edition.CSC_2023
    assert r2023.title == "Children's social care data in England 2023"
    assert r2023.published == date(2023, 7, 6)
    assert made2023.problems == []
    assert len(recs2023) == 627
    # The one place where the release disagrees with itself.
    assert r2023.warnings == [
        "LA_level_at_31_Mar_2023 row 34: inspection date of Cumbria's ilacs_standard is 2022-09-20, "
        "2022-09-21 in LA_level_in_year_2022-23 row 21; 2022-09-21 used"
    ]
    # 156 names: the 152 authorities of the main table and Table 11's Bournemouth, Poole,
    # Northamptonshire and Dorset, which the sheet writes like the main table's Dorset but is the county
    # council before the restructure, named Dorset County Council in the records (issue 27).
    assert len({r.authority.name for r in recs2023}) == 156


def test_2023_rotherham_history(recs2023):
    got = {r.id: r.model_dump(mode="json") for r in recs2023 if r.authority.name == "Rotherham"}
    assert sorted(got) == [
        "rotherham-2010-slac",
        "rotherham-2012-cpi",
        "rotherham-2014-sif-inspection",
        "rotherham-2018-sif-reinspection",
        "rotherham-2022-ilacs-short",
    ]
    slac = got["rotherham-2010-slac"]
    assert (slac["framework"], slac["start"], slac["published"]) == ("pre_2013", None, "2010-08-27")
    assert slac["judgements"] == {
        "safeguarding": "requires_improvement",
        "looked_after_children": "requires_improvement",
    }
    assert got["rotherham-2012-cpi"]["judgements"] == {"child_protection": "requires_improvement"}
    sif = got["rotherham-2014-sif-inspection"]
    assert sif["framework"] == "sif"
    assert sif["judgements"] == {
        "overall_effectiveness": "inadequate",
        "leadership": "inadequate",
        "help_and_protection": "inadequate",
        "children_in_care": "inadequate",
        "adoption": "requires_improvement",
        "care_leavers": "inadequate",
        "lscb": "inadequate",
    }
    assert got["rotherham-2018-sif-reinspection"]["judgements"] == {
        "overall_effectiveness": "good",
        "leadership": "good",
        "help_and_protection": "good",
        "children_in_care": "requires_improvement",
        "adoption": "good",
        "care_leavers": "outstanding",
    }
    ilacs = got["rotherham-2022-ilacs-short"]
    # The wide table gives only the publication date; the in-year sheet gives the inspection date.
    assert (ilacs["framework"], ilacs["start"], ilacs["published"]) == ("ilacs", "2022-06-27", "2022-08-12")
    assert ilacs["judgements"] == dict.fromkeys(
        ["overall_effectiveness", "leadership", "help_and_protection", "children_in_care"], "good"
    )


# The wide table's column groups, by literal header text (whitespace collapsed).
_SIF_AREAS = {
    "Overall Judgement (OE)": "overall_effectiveness",
    "children who need help and protection": "help_and_protection",
    "children looked after and achieving permanence": "children_in_care",
    "CLA Sub: Adoption Performance": "adoption",
    "CLA Sub: Experiences and progress of care leavers": "care_leavers",
    "leadership, management and governance": "leadership",
}
WIDE_GROUPS = [
    (
        "slac",
        "Safeguarding & Looked After Children (SLAC) Inspection publication date",
        {
            "SLAC Safeguarding Overall effectiveness (OE)": "safeguarding",
            "SLAC Looked After Children Overall Effectiveness (OE)": "looked_after_children",
        },
    ),
    (
        "slac-reinspection",
        "SLAC re-inspection of Safeguarding publication date",
        {"SLAC re-inspection Safeguarding OE": "safeguarding"},
    ),
    (
        "slac-reinspection",
        "SLAC re-inspection of services for Children Looked After publication date",
        {"SLAC re-inspection of services Children Looked After OE": "looked_after_children"},
    ),
    (
        "cpi",
        "Child Protection Inspections (CPI) publication date",
        {"CPI Overall Effectiveness (OE)": "child_protection"},
    ),
    (
        "cpri",
        "Child Protection Re-Inspection (CPRI) publication date",
        {"CPRI Overall Effectiveness (OE)": "child_protection"},
    ),
    (
        "tlac",
        "Targeted Looked After Children (TLAC) inspection publication date",
        {"TLAC Overall Effectiveness (OE)": "looked_after_children"},
    ),
    (
        "sif-inspection",
        "Single Inspection of LA Children's Services (SIF) First SIF publication date",
        {**{f"First SIF {k}": v for k, v in _SIF_AREAS.items()}, "LSCB Overall Effectiveness": "lscb"},
    ),
    (
        "sif-reinspection",
        "Single Inspection of LA Children's Services (SIF) SIF Re-inspection publication date",
        {f"SIF Re-inspection {k}": v for k, v in _SIF_AREAS.items()},
    ),
]


def _slug(name: str) -> str:
    from rotherham_cli.authorities import resolve

    return resolve(name).slug


def test_2023_sif_and_earlier_grades_match_the_sheet_cell_for_cell(recs2023):
    # keyed by authority, publication date and kind, as the sheet gives them (not by the record id rule)
    # (the sheet's Table 11 writes Dorset County Council as "Dorset", as the records' notes say)
    sheet_name = {"Dorset County Council": "Dorset"}
    by_id = {f"{_slug(sheet_name.get(r.authority.name, r.authority.name))}-{r.published}-"
             f"{r.kind.value.replace('_', '-')}": r for r in recs2023}
    grid = _sheet(F2023, "LA_inspections_2009-2023")
    headers = [i for i, r in enumerate(grid) if _norm(r[1]) == "Local authority name"]
    assert [h + 1 for h in headers] == [5, 161]  # the main table and Table 11
    expected: dict[str, dict[str, str]] = {}
    rows = 0
    for h in headers:
        header = [_norm(c) for c in grid[h]]
        for i in range(h + 1, len(grid)):
            if all(c == "" for c in grid[i]):
                break
            cells = dict(zip(header, grid[i], strict=True))
            rows += 1
            for kind, pub, columns in WIDE_GROUPS:
                published = _day(cells[pub])
                if published is not None:
                    rid = f"{_slug(cells['Local authority name'])}-{published}-{kind}"
                    expected.setdefault(rid, {}).update(_grades(cells, columns))
    assert rows == 156
    assert {rid: by_id[rid].model_dump(mode="json")["judgements"] for rid in expected} == expected
    # Every grade cell of those groups was compared: all but the five ' -' cells (not judged: one of
    # City of London's, four of the Isles of Scilly's).
    counts = {kind: sum(1 for rid in expected if rid.endswith(f"-{kind}")) for kind, _, _ in WIDE_GROUPS}
    assert counts == {
        "slac": 152,
        "slac-reinspection": 9,
        "cpi": 50,
        "cpri": 1,
        "tlac": 5,
        "sif-inspection": 152,
        "sif-reinspection": 21,
    }
    assert sum(len(g) for g in expected.values()) == 152 * 2 + 11 + 50 + 1 + 5 + 152 * 7 + 21 * 6 - 5


# --------------------------------------------------------------------------------------------
# Authorities
# --------------------------------------------------------------------------------------------


def test_authority_names_reconciled_between_releases(recs2023, recs2025):
    n23 = {r.authority.name for r in recs2023}
    n25 = {r.authority.name for r in recs2025}
    # Only the restructures remain: Poole and Dorset County Council (2023 Table 11 only; no ILACS) and
    # Cumbria's successors.
    assert n23 ^ n25 == {"Poole", "Dorset County Council", "Cumberland", "Westmorland and Furness"}
    # every spelling of either release became the register's name
    assert {"Telford & Wrekin", "Bedford", "Kingston upon Hull", "Southend-on-Sea", "Hammersmith & Fulham",
            "Richmond upon Thames", "Bournemouth, Christchurch & Poole", "Bristol", "St Helens"} <= n23 & n25


def test_authority_option_matches_name_any_case_or_ons_code(r2025):
    ids = [r.id for r in o.to_records(r2025, authority="ROTHERHAM").records]
    assert ids == ["rotherham-2022-ilacs-short", "rotherham-2024-05-focused-visit"]
    assert [r.id for r in o.to_records(r2025, authority="e08000018").records] == ids
    hull = o.to_records(r2025, authority="Kingston Upon Hull, City of").records
    assert {r.authority.name for r in hull} == {"Kingston upon Hull"} and len(hull) == 3
    with pytest.raises(UnknownAuthority, match=r"^no authority 'Rotheram'; did you mean Rotherham\?$"):
        o.to_records(r2025, authority="Rotheram")


# --------------------------------------------------------------------------------------------
# check
# --------------------------------------------------------------------------------------------


def _altered(rec: Record, **changes) -> Record:
    return Record.model_validate({**rec.model_dump(mode="json"), **changes})


def test_check_agrees_with_its_own_import(r2025, recs2025, r2023, recs2023):
    assert o.check(list(recs2025), r2025) == []
    assert o.check(list(recs2023), r2023) == []


def test_check_finds_one_altered_grade(r2025, recs2025):
    records = list(recs2025)
    i = next(i for i, r in enumerate(records) if r.id == "rotherham-2022-ilacs-short")
    judgements = {**records[i].model_dump(mode="json")["judgements"], "children_in_care": "inadequate"}
    records[i] = _altered(records[i], judgements=judgements)
    expected = [
        o.Disagreement(
            "grade differs",
            "Rotherham",
            "rotherham-2022-ilacs-short",
            "rotherham-2022-ilacs-short",
            area=Area.CHILDREN_IN_CARE,
            official="good",
            record="inadequate",
        )
    ]
    assert o.check(records, r2025) == expected
    assert o.check(records, r2025, authority="Rotherham") == expected
    assert o.check(records, r2025, authority="Barnsley") == []


def test_check_finds_missing_moved_and_extra_records(r2025, recs2025):
    mine = [r for r in recs2025 if r.authority.name == "Rotherham"]  # one ILACS, one focused visit
    ilacs = next(r for r in mine if r.kind.graded)
    moved = _altered(ilacs, published="2022-08-15", kind="ilacs_standard")
    extra = _altered(
        ilacs,
        id="rotherham-2020-03-02-ilacs-standard",
        kind="ilacs_standard",
        start="2020-01-20",
        published="2020-03-02",
    )
    got = o.check([moved, extra], r2025)
    assert [(d.kind, d.official, d.record, d.detail) for d in got] == [
        ("kind differs", "ilacs_short", "ilacs_standard", ""),
        ("date differs", "2022-08-12", "2022-08-15", "published"),
        (
            "record not in release",
            None,
            "ilacs_standard 2020-03-02",
            "no ilacs_standard of Rotherham on this date in the release, "
            "which lists ilacs_standard from 2018-01-29 to 2025-03-17",
        ),
    ]
    got = o.check([r for r in mine if not r.kind.graded], r2025)
    assert [(d.kind, d.official_id) for d in got] == [("missing record", "rotherham-2022-ilacs-short")]


def test_check_between_releases_finds_their_real_differences(r2025, recs2023):
    # The 2023 release's records against the 2025 release: where both cover the same inspection,
    # two disagree (Merton's 2022 inspection type, Nottingham's 2022 publication date).
    got = [
        d
        for d in o.check(list(recs2023), r2025)
        if d.kind in ("kind differs", "grade differs") or d.detail == "published"
    ]
    assert [(d.kind, d.authority, d.official, d.record) for d in got] == [
        ("kind differs", "Merton", "ilacs_short", "ilacs_standard"),
        ("date differs", "Nottingham", "2022-09-05", "2022-11-05"),
    ]


# --------------------------------------------------------------------------------------------
# write_records
# --------------------------------------------------------------------------------------------


def test_write_records_load_back_and_never_overwrite(tmp_path, r2025, recs2025):
    out = tmp_path / "records"
    written, skipped = o.write_records(recs2025, out)
    assert (len(written), skipped) == (331, [])
    result = load_records(out)
    assert result.problems == []
    assert sorted(r.id for r in result.records) == sorted(r.id for r in recs2025)
    assert {r.id: r for r in result.records} == {r.id: r for r in recs2025}

    target = out / "rotherham-2022-ilacs-short.yaml"
    text = target.read_text(encoding="utf-8")
    assert text.startswith(
        "id: rotherham-2022-ilacs-short\nauthority:\n  name: Rotherham\n  la_number: 372\n  ons_code: E08000018\n"
    )
    target.write_text("# edited by hand\n" + text, encoding="utf-8")
    (out / "rotherham-2024-05-focused-visit.yaml").unlink()
    mine = o.to_records(r2025, authority="Rotherham").records
    written, skipped = o.write_records(mine, out)
    assert written == [out / "rotherham-2024-05-focused-visit.yaml"]
    assert skipped == [target]
    assert target.read_text(encoding="utf-8").startswith("# edited by hand\n")
    assert sorted(p.name for p in out.iterdir() if p.name.startswith(".")) == []  # no temp files left


def test_write_records_refuses_a_file_as_folder(tmp_path):
    recs = o.to_records(o.read_release(tiny_release(tmp_path))).records
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    with pytest.raises(o.OfficialWriteError, match="not-a-folder: is a file"):
        o.write_records(recs, blocker)


# --------------------------------------------------------------------------------------------
# Tiny ODS files: unknown and missing columns, dates the model refuses
# --------------------------------------------------------------------------------------------

HISTORY_HEADER = [
    "Web link",
    "Local authority area code",
    "Local authority name",
    "Local authority status",
    "Ofsted region",
    "Inspection date",
    "Publication date",
    "Inspection type",
    *ILACS_2025_COLUMNS,
]
IN_YEAR_HEADER = [
    "Web link",
    "Local authority area code",
    "Local authority name",
    "Region",
    "Inspection/Visit date",
    "Publication date",
    "Inspection/Visit type",
    *ILACS_2025_COLUMNS,
    "Visit Theme",
]
LATEST_HEADER = [
    "Web link",
    "Local authority area code",
    "Local authority name",
    "Ofsted region",
    "Inspection date",
    "Publication date",
    *ILACS_2025_COLUMNS,
]
G, RI = "Good", "Requires improvement to be good"


def make_ods(path: Path, sheets: dict[str, list[list]]) -> Path:
    """Write an ODS file with odfpy: str cells as text, date cells as dates."""
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    doc = OpenDocumentSpreadsheet()
    for name, rows in sheets.items():
        table = Table(name=name)
        for row in rows:
            tr = TableRow()
            for value in row:
                if isinstance(value, date):
                    cell = TableCell(valuetype="date", datevalue=value.isoformat())
                    cell.addElement(P(text=value.isoformat()))
                else:
                    cell = TableCell(valuetype="string")
                    if value:
                        cell.addElement(P(text=str(value)))
                tr.addElement(cell)
            table.addElement(tr)
        doc.spreadsheet.addElement(table)
    doc.save(str(path))
    return path


def tiny_release(
    tmp_path: Path, history_header=None, in_year_header=None, published=date(2024, 5, 1)
) -> Path:
    lead = ["Ofsted Local Authority Webpage", "E08000018", "Rotherham"]
    history = [[*lead, "Current", "North East", date(2024, 3, 4), published, "ILACS Short Inspection"]]
    history[0] += [G, G, RI, G, G]
    in_year = [[*lead, "North East", date(2024, 9, 2), date(2024, 10, 1), "ILACS Focused Visit"]]
    in_year[0] += ["", "", "", "", "", "Care leavers"]
    latest = [[*lead, "North East", date(2024, 3, 4), published, G, G, RI, G, G]]
    sheets = {
        "Cover": [
            ["Local authority inspection outcomes as at 31 March 2099", ""],
            ["Published on:", date(2099, 9, 1)],
        ],
        "Inspections_as_at_31_March": [["title"], ["notes"], LATEST_HEADER, *latest],
        "In-year_inspections": [["title"], ["notes"], in_year_header or IN_YEAR_HEADER, *in_year],
        "ILACS_inspection_history": [["title"], ["notes"], history_header or HISTORY_HEADER, *history],
    }
    return make_ods(tmp_path / "tiny.ods", sheets)


def test_tiny_release_imports(tmp_path):
    release = o.read_release(tiny_release(tmp_path))
    assert (release.title, release.published) == (
        "Local authority inspection outcomes as at 31 March 2099",
        date(2099, 9, 1),
    )
    recs = o.to_records(release).records
    assert [
        r.model_dump(mode="json", include={"id", "start", "published", "judgements", "theme"}) for r in recs
    ] == [
        {
            "id": "rotherham-2024-ilacs-short",
            "start": "2024-03-04",
            "published": "2024-05-01",
            "judgements": {
                "overall_effectiveness": "good",
                "leadership": "good",
                "help_and_protection": "requires_improvement",
                "children_in_care": "good",
                "care_leavers": "good",
            },
            "theme": None,
        },
        {
            "id": "rotherham-2024-09-focused-visit",
            "start": "2024-09-02",
            "published": "2024-10-01",
            "judgements": {},
            "theme": "care_leavers",
        },
    ]


def test_unknown_column_stops_the_import(tmp_path):
    header = [h if h != "Visit Theme" else "Visit Thme" for h in IN_YEAR_HEADER]
    path = tiny_release(tmp_path, in_year_header=header)
    with pytest.raises(o.OfficialDataError) as exc:
        o.read_release(path)
    assert str(exc.value) == f"{path}: sheet In-year_inspections row 3: unknown column 'Visit Thme'"


def test_missing_column_stops_the_import(tmp_path):
    header = [h for h in HISTORY_HEADER if h != "Publication date"]
    path = tiny_release(tmp_path, history_header=header)
    with pytest.raises(o.OfficialDataError) as exc:
        o.read_release(path)
    assert (
        str(exc.value) == f"{path}: sheet ILACS_inspection_history row 3: missing column 'Publication date'"
    )


def test_header_wordings_are_matched_with_whitespace_normalised(tmp_path):
    header = [" Local authority\nname " if h == "Local authority name" else h for h in HISTORY_HEADER]
    release = o.read_release(tiny_release(tmp_path, history_header=header))
    assert [i.authority for i in release.inspections] == ["Rotherham", "Rotherham"]


def test_a_wording_missing_from_the_header_table_names_the_column(monkeypatch):
    path = _need(F2025)
    monkeypatch.delitem(o.LAYOUTS[o.Edition.LA_INSPECTION_OUTCOMES].headers, "Local authority status")
    with pytest.raises(
        o.OfficialDataError,
        match=re.escape(
            f"{path}: sheet ILACS_inspection_history row 3: unknown column 'Local authority status'"
        ),
    ):
        o.read_release(path)


def test_a_header_with_stray_spaces_is_named_plainly(monkeypatch):
    # The cell holds ' First SIF Overall Judgement\n(OE)'.
    path = _need(F2023)
    monkeypatch.delitem(o.LAYOUTS[o.Edition.CSC_2023].headers, "First SIF Overall Judgement (OE)")
    with pytest.raises(
        o.OfficialDataError,
        match=re.escape(
            f"{path}: sheet LA_inspections_2009-2023 row 5: unknown column 'First SIF Overall Judgement (OE)'"
        ),
    ):
        o.read_release(path)


def test_not_a_release(tmp_path):
    path = make_ods(tmp_path / "other.ods", {"Sheet1": [["a", "b"]]})
    with pytest.raises(o.OfficialDataError, match=r"other.ods: not a known Ofsted release"):
        o.read_release(path)
    with pytest.raises(o.OfficialDataError, match=r"nope.ods: file not found"):
        o.read_release(tmp_path / "nope.ods")
    bad = tmp_path / "bad.ods"
    bad.write_text("not a zip")
    with pytest.raises(o.OfficialDataError, match=r"bad.ods: cannot be read as an ODS spreadsheet"):
        o.read_release(bad)


def test_publication_before_inspection_is_reported_not_a_crash(tmp_path):
    release = o.read_release(tiny_release(tmp_path, published=date(2024, 2, 1)))
    made = o.to_records(release)
    rec = next(r for r in made.records if r.kind.graded)
    assert (rec.start, str(rec.published)) == (None, "2024-02-01")
    assert "inspection date 2024-03-04 after publication date 2024-02-01" in " ".join(rec.notes)
    assert made.problems == [
        "rotherham-2024-ilacs-short: sheet ILACS_inspection_history row 4: "
        "published 2024-02-01 before start 2024-03-04"
    ]
