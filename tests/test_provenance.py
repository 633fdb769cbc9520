"""Facts that say where they come from (issue 27): a source lists only the facts it states."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from conftest import OFFICIAL, RECORDS, REPORTS, ROOT, needs_shared, read_yaml

from rotherham_cli.models import Record

RELEASE_2025 = "LA_Inspection_Outcomes_as_at_31_March_2025.ods"


def shipped_sources():
    for path in sorted(RECORDS.rglob("*.yaml")):
        for source in read_yaml(path)["sources"]:
            yield path, source


def test_no_source_claims_an_la_number():
    # No report prints a DfE LA number and neither release gives one: they come from the register.
    claims = [f"{p.name}: {s['id']}" for p, s in shipped_sources() if "authority.la_number" in s.get("facts", [])]
    assert claims == []


def test_only_the_2025_release_claims_gss_codes():
    claimers = {Path(s.get("file") or "").name for _, s in shipped_sources()
                if "authority.ons_code" in s.get("facts", [])}
    assert claimers == {RELEASE_2025}


@needs_shared(OFFICIAL / RELEASE_2025)
def test_the_2025_release_prints_the_gss_code_it_is_credited_with():
    from python_calamine import CalamineWorkbook

    rows = CalamineWorkbook.from_path(str(OFFICIAL / RELEASE_2025)).get_sheet_by_name("In-year_inspections").to_python()
    header = next(r for r in rows if "Local authority area code" in r)
    codes = {r[header.index("Local authority area code")] for r in rows[rows.index(header) + 1:]}
    data = yaml.safe_load((RECORDS / "knowsley" / "knowsley-2024-ilacs-standard.yaml").read_text(encoding="utf-8"))
    release = next(s for s in data["sources"] if s["id"] == "official-2025")
    assert "authority.ons_code" in release["facts"] and data["authority"]["ons_code"] in codes
    report = next(s for s in data["sources"] if s["id"] == "report")
    assert not any(f.startswith("authority.") for f in report["facts"])


def test_the_register_names_where_its_numbers_and_codes_come_from():
    register = json.loads((ROOT / "rotherham_cli" / "data" / "authorities.json").read_text(encoding="utf-8"))
    assert "statistical_neighbours_2025_dfe.csv" in register["facts_from"]["la_number"]
    assert "Local authority area code" in register["facts_from"]["codes"]


@needs_shared(REPORTS)
def test_an_imported_report_claims_no_code(run, tmp_path):
    res = run("import-report", REPORTS / "knowsley-2025-01-20.pdf", "--output", tmp_path)
    assert res.exit_code == 0, res.stderr
    (path,) = tmp_path.rglob("*.yaml")
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert data["authority"]["la_number"] == 340  # from the register
    assert not any(f.startswith("authority.") for s in data["sources"] for f in s.get("facts", []))


# ---- strengths are not recommendations -----------------------------------------------------------


@needs_shared(REPORTS)
@pytest.mark.parametrize(("slug", "rid", "first", "last", "strength"), [
    # barnsley-2014-08-08.pdf: "Areas for improvement" items 10-34, then "The local authority has the
    # following strengths:" items 35-51
    ("barnsley", "barnsley-2014-sif-inspection", 10, 34, "When children are at risk of immediate harm"),
    # buckinghamshire-2014-08-08.pdf: items 12-44, strengths 45-53
    ("buckinghamshire", "buckinghamshire-2014-sif-inspection", 12, 44, "Many social workers and their managers"),
    # newham-2014-08-08.pdf: items 9-18, strengths from 19
    ("newham", "newham-2014-sif-inspection", 9, 18, "Senior leaders in the local authority and key elected"),
])
def test_a_list_of_strengths_is_not_filed_as_recommendations(run, slug, rid, first, last, strength):
    res = run("show", rid, "-a", slug, "-f", "json")
    assert res.exit_code == 0, res.stderr
    shown = json.loads(res.stdout)
    shown = shown[0] if isinstance(shown, list) else shown
    recommendations = shown["recommendations"]
    assert len(recommendations) == last - first + 1
    assert not any(r.startswith(strength) for r in recommendations)


# ---- a SIF re-inspection that reviewed the LSCB (Slough 2016) -----------------------------------


def test_a_re_inspection_report_that_grades_the_lscb_keeps_the_grade():
    # The front page of a SIF re-inspection that also reviewed the LSCB, in the shape of Slough's of 2016
    # ("Re-inspection of services ... and Review of the effectiveness of the Local Safeguarding Children
    # Board", the LSCB judged inadequate).
    front = """\
Slough Borough Council
Re-inspection of services for children in need of help and protection, children looked after and
care leavers
and
Review of the effectiveness of the Local Safeguarding Children Board
Inspection date: 12 October 2015 – 5 November 2015
Report published: 17 February 2016
The overall judgement is that children's services are inadequate
1. Children who need help and protection Inadequate
2. Children looked after and achieving permanence Inadequate
2.1 Adoption performance Requires improvement
2.2 Experiences and progress of care leavers Inadequate
3. Leadership, management and governance Inadequate
The effectiveness of the Local Safeguarding Children Board (LSCB) is inadequate
"""
    from rotherham_cli.pdfimport import read_report

    got = read_report([front], "slough.pdf")
    assert got.data["kind"] == "sif_reinspection"
    assert got.data["judgements"]["lscb"] == "inadequate"
    Record.model_validate(got.data)  # the vocabulary allows it


def test_a_re_inspection_without_an_lscb_review_is_not_missing_one():
    from rotherham_cli.vocab import Area, Framework, Kind, graded_areas, may_grade

    assert Area.LSCB in may_grade(Kind.SIF_REINSPECTION, Framework.SIF)
    assert Area.LSCB not in graded_areas(Kind.SIF_REINSPECTION, Framework.SIF)


# ---- a report's publication date is the one it prints -------------------------------------------


@needs_shared(REPORTS)
@pytest.mark.parametrize(("slug", "rid", "printed", "page"), [
    # "Report published: 3 February 2015" (kingston-upon-hull-2015-02-10.pdf); index.csv: 2015-02-10
    ("kingston-upon-hull", "kingston-upon-hull-2014-sif-inspection", "2015-02-03", "2015-02-10"),
    # "Report published: 01 September 2014" (manchester-2014-09-03.pdf)
    ("manchester", "manchester-2014-sif-inspection", "2014-09-01", "2014-09-03"),
    # "Report published: 10/08/2015" (stoke-on-trent-2015-08-12.pdf)
    ("stoke-on-trent", "stoke-on-trent-2015-sif-inspection", "2015-08-10", "2015-08-12"),
    # "Report published: 13 May 2015" (west-berkshire-2015-05-18.pdf); the release gives 2015-05-18
    ("west-berkshire", "west-berkshire-2015-sif-inspection", "2015-05-13", "2015-05-18"),
])
def test_the_date_a_report_is_credited_with_is_the_date_it_prints(slug, rid, printed, page):
    data = yaml.safe_load((RECORDS / slug / f"{rid}.yaml").read_text(encoding="utf-8"))
    report = next(s for s in data["sources"] if s["id"] == "report")
    assert str(report["date"]) == printed
    if str(data["published"]) == printed:
        assert "published" in report["facts"]
    else:
        assert str(report["differs"]["published"]) == printed
        assert f"Sources disagree on published: report gives {printed}; the record holds {data['published']}." \
            in data["notes"]
    assert not any(f"report gives {page}" in note for note in data.get("notes", []))
