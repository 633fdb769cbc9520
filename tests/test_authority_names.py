"""`validate` refuses an authority name the register does not know, and a name that contradicts the
record's LA number or GSS code; Dorset County Council and Dorset Council are two authorities with two
names; Bournemouth and Poole went only into Bournemouth, Christchurch and Poole (issue 27)."""

from __future__ import annotations

import json

from conftest import ROOT

# A record of Lancashire's 2012 SLAC inspection as the shipped set holds it (LA number 888, GSS code
# E10000017, both Lancashire's in the DfE and ONS lists of ../shared/data/authorities).
RECORD = """\
id: lancashire-2012-slac
authority:
  name: {name}
  la_number: {number}
  ons_code: {code}
kind: slac
framework: pre_2013
published: 2012-08-24
judgements:
  safeguarding: good
  looked_after_children: good
sources:
- id: official-2023
  title: Children's social care data in England 2023
  publisher: Ofsted
  file: data/official/Childrens_social_care_in_England_2023_underlying_data.ods
"""


def write(tmp_path, name="Lancashire", number=888, code="E10000017"):
    folder = tmp_path / "records" / "lancashire"
    folder.mkdir(parents=True)
    (folder / "lancashire-2012-slac.yaml").write_text(RECORD.format(name=name, number=number, code=code),
                                                        encoding="utf-8")
    return tmp_path / "records"


def test_the_record_as_shipped_is_valid(run, tmp_path):
    res = run("validate", "--records", write(tmp_path))
    assert res.exit_code == 0, res.stdout + res.stderr
    assert "1 record OK" in res.stdout


def test_a_name_the_register_does_not_know_is_refused(run, tmp_path):
    res = run("validate", "--records", write(tmp_path, name="Atlantis"))
    assert res.exit_code == 1
    out = res.stdout + res.stderr
    assert "lancashire-2012-slac.yaml:3:9: authority.name: " in out and "'Atlantis'" in out
    assert "record OK" not in out
    listed = run("list", "--records", tmp_path / "records", "-a", "all")
    assert listed.exit_code == 1 and "Atlantis" not in listed.stdout


def test_a_name_that_contradicts_the_codes_is_refused(run, tmp_path):
    res = run("validate", "--records", write(tmp_path, name="Rotherham"))
    assert res.exit_code == 1
    out = res.stdout + res.stderr
    assert "lancashire-2012-slac.yaml:4:14: authority.la_number: LA number 888 is Lancashire's, not Rotherham's" in out
    assert "lancashire-2012-slac.yaml:5:13: authority.ons_code: GSS code E10000017 is Lancashire's, not Rotherham's" \
        in out


def test_a_code_of_no_authority_is_refused(run, tmp_path):
    res = run("validate", "--records", write(tmp_path, code="E10000099"))
    assert res.exit_code == 1
    assert "authority.ons_code: GSS code E10000099 is no authority's in the register, not Lancashire's" in (
        res.stdout + res.stderr)


def register() -> dict:
    data = json.loads((ROOT / "rotherham_cli" / "data" / "authorities.json").read_text(encoding="utf-8"))
    return {a["slug"]: a for a in data["authorities"]}


def test_dorset_county_council_and_dorset_council_have_two_names():
    r = register()
    assert r["dorset-county-council"]["name"] == "Dorset County Council"
    assert r["dorset"]["name"] == "Dorset"
    assert r["dorset-county-council"]["la_number"] == 835 and r["dorset"]["la_number"] == 838


def test_bournemouth_and_poole_went_only_into_bcp():
    r = register()
    assert r["bournemouth"]["successors"] == ["bournemouth-christchurch-and-poole"]
    assert r["poole"]["successors"] == ["bournemouth-christchurch-and-poole"]
    assert r["dorset"]["predecessors"] == ["dorset-county-council"]
    assert sorted(r["bournemouth-christchurch-and-poole"]["predecessors"]) == [
        "bournemouth", "dorset-county-council", "poole"]


def test_the_shipped_records_of_the_county_council_are_named_by_its_title(run):
    import csv
    import io

    res = run("list", "-a", "dorset-county-council", "-a", "dorset", "--format", "csv")
    assert res.exit_code == 0, res.stderr
    names = {row["authority"] for row in csv.DictReader(io.StringIO(res.stdout)) if row["id"].startswith("dorset-")}
    assert names == {"Dorset County Council", "Dorset"}
