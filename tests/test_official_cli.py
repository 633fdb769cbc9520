"""`judgements import-official` and `judgements check`: the real commands on the official releases."""

import json
import shutil

import pytest
from conftest import OFFICIAL, RECORDS, conforms, needs_shared

R2025 = OFFICIAL / "LA_Inspection_Outcomes_as_at_31_March_2025.ods"
R2023 = OFFICIAL / "Childrens_social_care_in_England_2023_underlying_data.ods"
pytestmark = needs_shared(OFFICIAL)


def test_import_every_authority_then_use_them(run, tmp_path):
    out = tmp_path / "all"
    res = run("import-official", R2025, "--output", out)
    assert res.exit_code == 0, res.stderr
    assert res.stdout == ""
    assert res.stderr.splitlines()[-1] == (
        "Merged 331 records from 'Local authority inspection outcomes as at 31 March 2025' (2025-09-25) "
        f"into {out}: 331 new, 0 completed, 0 unchanged, 0 disagreements")
    assert run("validate", "--records", out).stdout == "331 records OK\n"
    listed = run("list", "--records", out, "--authority", "Barnsley", "--format", "csv").stdout.splitlines()
    assert [line.split(",")[1] for line in listed[1:]] == [
        "barnsley-2018-ilacs-standard", "barnsley-2023-ilacs-short", "barnsley-2024-11-focused-visit"]
    diff = json.loads(run("diff", "--records", out, "-a", "Barnsley", "--format", "json").stdout)
    assert next(a for a in diff["areas"] if a["area"] == "help_and_protection")["change"] == "declined"
    timeline = run("timeline", "--records", out, "-a", "E08000016")  # by ONS code
    assert timeline.exit_code == 0 and "Requires improvement" in timeline.stdout
    exported = json.loads(run("export", "--records", out, "--format", "json", "-a", "Barnsley").stdout)
    assert exported[1]["judgements"]["care_leavers"] == "good"


def test_import_twice_changes_nothing_and_a_fact_a_person_changed_is_kept(run, tmp_path):
    out = tmp_path / "one"
    first = run("import-official", R2025, "--output", out, "--authority", "rotherham")
    assert first.stderr.splitlines()[-1].endswith(f"into {out}: 2 new, 0 completed, 0 unchanged, 0 disagreements")
    path = out / "rotherham" / "rotherham-2022-ilacs-short.yaml"
    before = {p: p.read_bytes() for p in out.rglob("*.yaml")}
    again = run("import-official", R2025, "--output", out, "--authority", "Rotherham")
    assert (again.exit_code, again.stderr.splitlines()[-1]) == (
        0, "Merged 2 records from 'Local authority inspection outcomes as at 31 March 2025' (2025-09-25) "
        f"into {out}: 0 new, 0 completed, 2 unchanged, 0 disagreements")
    assert {p: p.read_bytes() for p in out.rglob("*.yaml")} == before
    path.write_text(path.read_text().replace("published: 2022-08-12", "published: 2022-08-15"))
    third = run("import-official", R2025, "--output", out, "--authority", "Rotherham")
    assert third.exit_code == 0
    assert third.stderr.splitlines()[0] == (
        f"Disagreement: {path}: published: the record holds 2022-08-15, official-2025 gives 2022-08-12")
    text = path.read_text()
    assert "published: 2022-08-15" in text
    assert "Sources disagree on published: official-2025 gives 2022-08-12; the record holds 2022-08-15." in text


def test_unknown_authority_and_bad_file(run, tmp_path):
    res = run("import-official", R2025, "--output", tmp_path / "x", "--authority", "Rotherhm")
    assert res.exit_code == 2 and res.stderr.count("\n") == 1 and "Rotherham" in res.stderr
    bad = tmp_path / "bad.ods"
    bad.write_bytes(b"not a spreadsheet")
    res = run("import-official", bad, "--output", tmp_path / "y")
    assert (res.exit_code, res.stdout) == (1, "")
    assert res.stderr.count("\n") == 1 and res.stderr.startswith(f"Error: {bad}")
    assert not (tmp_path / "y").exists() or not any((tmp_path / "y").iterdir())


@pytest.mark.parametrize("release", [R2025, R2023])
def test_shipped_records_agree_with_both_releases(run, release):
    res = run("check", "--against", release, "-a", "all")
    # 158: the shipped set's authorities, Dorset County Council apart from Dorset Council (issue 27)
    assert (res.exit_code, res.stdout) == (0, "")
    assert res.stderr.splitlines()[-1].startswith("No disagreements: the records of 158 authorities agree with ")
    # where the two releases disagree, the record says so, and check says it is noted
    noted = [line for line in res.stderr.splitlines() if line.startswith("Noted in ")]
    assert noted == ([] if release == R2025 else [
        "Noted in cumbria-2022-ilacs-standard: the sources disagree on start; the record holds 2022-09-20, "
        "this release gives 2022-09-21",
        "Noted in merton-2022-ilacs-short: the sources disagree on kind; the record holds ilacs_short, "
        "this release gives ilacs_standard",
        "Noted in nottingham-2022-ilacs-standard: the sources disagree on published; the record holds "
        "2022-09-05, this release gives 2022-11-05",
    ])
    home = run("check", "--against", release)
    assert home.stderr.splitlines()[-1].startswith("No disagreements: the records of 158 authorities agree")


def test_check_finds_an_altered_grade(run, tmp_path):
    folder = tmp_path / "records"
    shutil.copytree(RECORDS / "rotherham", folder / "rotherham")
    path = folder / "rotherham" / "rotherham-2017-sif-reinspection.yaml"
    path.write_text(path.read_text().replace("  care_leavers: outstanding", "  care_leavers: good"))
    res = run("check", "--against", R2023, "--records", folder, "--format", "json")
    assert res.exit_code == 1
    found = json.loads(res.stdout)
    assert len(found) == 1
    assert found[0]["disagreement"] == "grade differs"
    assert (found[0]["record"], found[0]["area"]) == ("rotherham-2017-sif-reinspection", "care_leavers")
    assert (found[0]["official value"], found[0]["record value"]) == ("outstanding", "good")
    schema = json.loads(run("schema", "check").stdout)  # what `schema check` declares
    assert conforms(found, schema, schema.get("$defs", {}))
    assert res.stderr.startswith("1 disagreement with 'Children's social care data in England 2023'")
    table = run("check", "--against", R2023, "--records", folder)
    assert table.exit_code == 1 and "grade differs" in table.stdout and "care_leavers" in table.stdout


def test_check_finds_a_missing_record(run, tmp_path):
    folder = tmp_path / "records"
    shutil.copytree(RECORDS / "rotherham", folder / "rotherham")
    (folder / "rotherham" / "rotherham-2022-ilacs-short.yaml").unlink()
    res = run("check", "--against", R2025, "--records", folder, "--format", "csv")
    assert res.exit_code == 1
    rows = res.stdout.splitlines()
    assert rows[0].startswith("disagreement,authority,official,record")
    assert len(rows) == 2 and rows[1].startswith("missing record,Rotherham,")


def test_imported_grades_exported_as_json_match_the_spreadsheet_cell_for_cell(run, tmp_path):
    """Every graded cell of the 2025 ILACS history, through import-official and export --format json."""
    from python_calamine import CalamineWorkbook

    from rotherham_cli.vocab import FRAMEWORKS, Framework, Grade

    out = tmp_path / "all"
    assert run("import-official", R2025, "--output", out).exit_code == 0
    exported = json.loads(run("export", "--records", out, "--format", "json", "--kind", "graded").stdout)
    by_key = {(r["authority"]["ons_code"], r["published"]): r for r in exported}
    rows = CalamineWorkbook.from_path(str(R2025)).get_sheet_by_name("ILACS_inspection_history").to_python()
    header = rows[2]
    areas = {wording: area.value for area, wording in FRAMEWORKS[Framework.ILACS_2023].areas.items()}
    compared = 0
    for row in rows[3:]:
        cells = dict(zip(header, row, strict=True))
        record = by_key[(cells["Local authority area code"], cells["Publication date"].date().isoformat())]
        for wording, area in areas.items():
            official = cells[wording].strip()
            got = record["judgements"].get(area)
            if official in ("", "-"):
                assert got is None
            else:
                assert Grade(got).label == official, (record["id"], area)
                compared += 1
        assert record["start"] == cells["Inspection date"].date().isoformat()
    assert len(rows) - 3 == 271 and compared == 271 * 4 + sum(1 for r in rows[3:] if r[12].strip())
