"""The register of authorities: every spelling the sources use resolves to the right authority."""

from __future__ import annotations

import csv
import subprocess
import sys
from datetime import date

import pytest
from conftest import OFFICIAL, REPORTS, ROOT, SHARED, needs_shared, report_index

from rotherham_cli import authorities as A
from rotherham_cli.errors import UnknownAuthority

R2025 = OFFICIAL / "LA_Inspection_Outcomes_as_at_31_March_2025.ods"
R2023 = OFFICIAL / "Childrens_social_care_in_England_2023_underlying_data.ods"


def test_153_current_authorities_and_the_former_ones():
    assert len(A.current()) == 153
    former = {a.slug: a for a in A.all_authorities() if not a.current}
    assert sorted(former) == ["bournemouth", "cumbria", "dorset-county-council", "northamptonshire", "poole"]
    assert former["cumbria"].successors == ("cumberland", "westmorland-and-furness")
    assert (former["cumbria"].ended, A.get("cumberland").started) == (date(2023, 3, 31), date(2023, 4, 1))
    assert A.get("bournemouth-christchurch-and-poole").predecessors == ("dorset-county-council", "poole", "bournemouth")
    assert A.get("north-northamptonshire").predecessors == ("northamptonshire",)


@pytest.mark.parametrize(("text", "slug"), [
    ("Telford & Wrekin", "telford-and-wrekin"), ("telford and wrekin", "telford-and-wrekin"),
    ("St. Helens", "st-helens"), ("ST HELENS", "st-helens"), ("Bristol, City of", "bristol"),
    ("County Durham", "durham"), ("Durham", "durham"), ("London Corporation", "city-of-london"),
    ("City of London", "city-of-london"), ("Kingston Upon Hull", "kingston-upon-hull"), ("hull", "kingston-upon-hull"),
    ("Royal Borough of Windsor and Maidenhead", "windsor-and-maidenhead"),
    ("Rotherham Metropolitan Borough Council", "rotherham"), ("Southend on Sea", "southend-on-sea"),
    ("London Borough of Barking and  Dagenham", "barking-and-dagenham"), ("East Riding of Yorkshire Council", "east-riding-of-yorkshire"),
    ("372", "rotherham"), ("E08000018", "rotherham"), ("e08000018", "rotherham"), ("80543", "rotherham"),
    ("rotherham", "rotherham"), ("kingston-upon-hull", "kingston-upon-hull"),
    ("BCP", "bournemouth-christchurch-and-poole"), ("Bournemouth, Christchurch and Poole", "bournemouth-christchurch-and-poole"),
])
def test_names_aliases_and_codes_resolve(text, slug):
    assert A.resolve(text).slug == slug


def test_codes_that_changed_resolve_and_say_when():
    barnsley = A.resolve("Barnsley")
    assert A.resolve("E08000016") == A.resolve("E08000038") == barnsley
    assert barnsley.gss_on(date(2024, 1, 1)) == "E08000016"
    assert barnsley.gss_on(date(2025, 6, 1)) == barnsley.gss == "E08000038"
    assert A.resolve("E08000019").slug == A.resolve("E08000039").slug == "sheffield"


def test_a_name_two_authorities_had_resolves_by_date():
    assert A.resolve("Dorset").slug == "dorset"
    assert A.resolve("Dorset", on=date(2014, 5, 1)).slug == "dorset-county-council"
    assert A.resolve("Dorset", on=date(2019, 4, 1)).slug == "dorset"
    assert A.resolve("Dorset County Council").slug == "dorset-county-council"


@pytest.mark.parametrize(("text", "message"), [
    ("Hul", "no authority 'Hul'; did you mean Kingston upon Hull?"),
    ("Rotherhm", "no authority 'Rotherhm'; did you mean Rotherham?"),
    ("Nowhere", "no authority 'Nowhere'"),
])
def test_an_unknown_name_is_one_line_with_the_nearest(text, message):
    with pytest.raises(UnknownAuthority) as exc:
        A.resolve(text)
    assert str(exc.value) == message


def test_regions_and_neighbours():
    assert A.regions() == ("East Midlands", "East of England", "London", "North East, Yorkshire and the Humber",
                           "North West", "South East", "South West", "West Midlands")
    assert len(A.select("region:London")) == 33
    assert len(A.select("region:north west")) == 24
    assert len(A.select("all")) == 153
    group = A.select("neighbours:Rotherham")
    assert [a.slug for a in group][:3] == ["rotherham", "barnsley", "tameside"]
    assert len(group) == 11
    with pytest.raises(UnknownAuthority, match="no Ofsted region 'Narnia'; the regions are East Midlands"):
        A.select("region:Narnia")


@needs_shared(SHARED / "data" / "authorities")
def test_neighbours_are_the_dfe_model_2025():
    with open(SHARED / "data" / "authorities" / "statistical_neighbours_2025_dfe.csv", encoding="utf-8-sig") as fh:
        rows = {int(r["old_la_code"]): r for r in csv.DictReader(fh)}
    assert len(rows) == 153
    for a in A.current():
        row = rows[a.la_number]
        assert [A.get(n.slug).la_number for n in a.neighbours] == [int(row[f"SN_{i}"]) for i in range(1, 11)]
        assert [n.closeness for n in a.neighbours] == [row[f"SN_{i}P"].strip() for i in range(1, 11)]


def _release_names():
    """(sheet, name, code or None) for every authority row of every sheet of both releases."""
    from python_calamine import CalamineWorkbook

    out = []
    for path in (R2025, R2023):
        book = CalamineWorkbook.from_path(str(path))
        for sheet in book.sheet_names:
            header = None
            for row in book.get_sheet_by_name(sheet).to_python():
                cells = [str(c).strip() for c in row]
                if "Local authority name" in cells:
                    header = cells
                    continue
                if header and any(cells):
                    cell = dict(zip(header, cells, strict=False))
                    name = cell.get("Local authority name")
                    if name:
                        out.append((f"{path.name}:{sheet}", name, cell.get("Local authority area code") or None))
    return out


@needs_shared(OFFICIAL)
def test_every_spelling_in_both_releases_resolves_to_the_authority_its_code_names():
    rows = _release_names()
    assert len(rows) > 900
    seen = set()
    for where, name, code in rows:
        found = A.find(name)
        assert found is not None, f"{where}: '{name}' is not in the register"
        if code:
            assert found == A.resolve(code), f"{where}: '{name}' resolves to {found.slug}, its code {code} to another"
        seen.add(name)
    assert {"Telford & Wrekin", "Telford and Wrekin", "Bedford Borough", "Kingston Upon Hull"} <= seen


def _front(path) -> str:
    import pypdfium2

    pdf = pypdfium2.PdfDocument(str(path))
    try:
        return pdf[0].get_textpage().get_text_range()
    finally:
        pdf.close()


@needs_shared(REPORTS / "index.csv")
def test_the_authority_on_the_front_of_every_report_is_the_one_ofsted_lists_it_under():
    index = report_index()
    assert len(index) == 343
    wrong = []
    for row in index:
        want = A.resolve(row["authority"], on=date.fromisoformat(row["published"]))
        got = A.name_in_text(_front(REPORTS / row["file"])[:600], on=date.fromisoformat(row["published"]))
        if got != want:
            wrong.append(f"{row['file']}: {got.slug if got else None} instead of {want.slug}")
    assert wrong == []


@needs_shared(SHARED / "data" / "authorities")
def test_the_shipped_register_is_what_the_build_script_makes():
    res = subprocess.run([sys.executable, str(ROOT / "tools" / "build_register.py"), "--check"],
                         capture_output=True, text=True)
    assert (res.returncode, res.stderr) == (0, "")
