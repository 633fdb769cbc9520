"""The identity of a visit: record ids, the same-visit rule, and merging sources into a record set."""

from __future__ import annotations

import copy

import pytest
import yaml

from rotherham_cli import identity, recordset
from rotherham_cli.models import Record
from rotherham_cli.vocab import Kind

RELEASE_2023 = {"id": "official-2023", "title": "Children's social care data in England 2023", "publisher": "Ofsted",
                "date": "2023-07-06", "file": "data/official/Childrens_social_care_in_England_2023_underlying_data.ods"}
RELEASE_2025 = {"id": "official-2025", "title": "Local authority inspection outcomes as at 31 March 2025",
                "publisher": "Ofsted", "date": "2025-09-25",
                "file": "data/official/LA_Inspection_Outcomes_as_at_31_March_2025.ods"}
REPORT = {"id": "report", "title": "Inspection of Merton", "publisher": "Ofsted", "file": "data/reports/merton.pdf"}


def rec(**over) -> dict:
    data = {
        "id": "merton-2022-ilacs-standard", "authority": {"name": "Merton"}, "kind": "ilacs_standard",
        "framework": "ilacs", "start": "2022-05-09", "published": "2022-06-24",
        "judgements": {"overall_effectiveness": "outstanding", "leadership": "outstanding",
                       "help_and_protection": "outstanding", "children_in_care": "outstanding"},
        "sources": [RELEASE_2025],
    }
    data.update(over)
    return data


def model(data: dict) -> Record:
    return Record.model_validate(data)


# ---- ids ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "kind", "start", "when", "expected"), [
    ("Rotherham", Kind.SIF_INSPECTION, "2014-09-16", "2014-09-16", "rotherham-2014-sif-inspection"),
    ("Telford & Wrekin", Kind.ILACS_SHORT, "2022-01-10", "2022-01-10", "telford-and-wrekin-2022-ilacs-short"),
    ("Rotherham", Kind.FOCUSED_VISIT, "2024-05-14", "2024-05-14", "rotherham-2024-05-focused-visit"),
    ("Rotherham", Kind.FOCUSED_VISIT, "2020", "2020", "rotherham-2020-focused-visit"),
    ("Rotherham", Kind.MONITORING_VISIT, None, "2016-11-21", "rotherham-2016-monitoring-visit"),
    ("Rotherham", Kind.SLAC, "2010-07", "2010-07", "rotherham-2010-slac"),
])
def test_one_rule_for_ids(name, kind, start, when, expected):
    from rotherham_cli import authorities
    from rotherham_cli.models import PartialDate

    slug = authorities.resolve(name).slug
    got = identity.record_id(slug, kind, PartialDate.parse(start) if start else None, PartialDate.parse(when))
    assert got == expected


def test_the_shipped_records_follow_the_rule(tmp_path):
    from rotherham_cli.loader import load_valid, shipped_records

    for r in load_valid(shipped_records()):
        assert identity.id_for(r) == r.id


# ---- the same visit ----------------------------------------------------------------------------


def test_short_and_standard_of_one_inspection_are_one_visit():
    a = model(rec())
    b = model(rec(id="merton-2022-ilacs-short", kind="ilacs_short", sources=[RELEASE_2023]))
    assert identity.same_visit(a, b)


def test_spellings_of_one_authority_are_one_authority():
    a = model(rec(id="telford-and-wrekin-2022-ilacs-standard", authority={"name": "Telford & Wrekin"}))
    b = model(rec(id="telford-and-wrekin-2022-ilacs-standard", authority={"name": "Telford and Wrekin"}))
    assert identity.same_visit(a, b)


def test_publication_dates_a_few_weeks_apart_are_one_visit_but_not_a_year():
    a = model(rec(start=None, published="2022-06-24"))
    assert identity.same_visit(a, model(rec(start=None, published="2022-07-20")))
    assert not identity.same_visit(a, model(rec(start=None, published="2023-06-24")))


def test_a_report_with_only_its_dates_on_site_matches_a_release_with_start_and_publication():
    release = model(rec())
    report = model(rec(published=None, start="2022-05-09", end="2022-05-20", sources=[REPORT]))
    assert identity.same_visit(release, report)
    only_published = model(rec(start=None, published="2022-06-24"))
    assert identity.same_visit(report, only_published)


def test_different_authorities_kinds_or_inspections_are_different_visits():
    a = model(rec())
    assert not identity.same_visit(a, model(rec(authority={"name": "Sutton"}, id="sutton-2022-ilacs-standard")))
    assert not identity.same_visit(a, model(rec(start="2019-03-04", published="2019-04-30",
                                                id="merton-2019-ilacs-standard")))
    visit = model({**rec(kind="focused_visit", id="merton-2022-05-focused-visit"), "judgements": {},
                   "theme": "front_door"})
    assert not identity.same_visit(a, visit)


def test_monitoring_visits_three_months_apart_are_different_visits():
    def mv(start, published):
        return model({**rec(kind="monitoring_visit", id=f"x-{start}", start=start, published=published),
                      "judgements": {}})
    assert not identity.same_visit(mv("2023-01-10", "2023-02-20"), mv("2023-04-11", "2023-05-22"))
    assert identity.same_visit(mv("2023-01-10", "2023-02-20"), mv("2023-01-11", "2023-02-21"))


# ---- merging -------------------------------------------------------------------------------------


def test_merge_fills_what_is_missing_and_adds_the_source():
    existing = rec(published=None)
    incoming = rec(start="2022-05-09", end="2022-05-20", published="2022-06-24", sources=[REPORT])
    merged, found = recordset.merge(existing, incoming)
    assert merged["end"] == "2022-05-20" and merged["published"] == "2022-06-24"
    assert [s["id"] for s in merged["sources"]] == ["official-2025", "report"]
    assert found == []


def test_a_disagreement_is_reported_and_noted_never_lost():
    existing = rec(published="2022-06-24", sources=[RELEASE_2025])
    incoming = rec(published="2022-06-30", sources=[RELEASE_2023])
    merged, found = recordset.merge(existing, incoming, "merton.yaml")
    assert merged["published"] == "2022-06-24"
    assert [str(d) for d in found] == [
        "merton.yaml: published: the record holds 2022-06-24, official-2023 gives 2022-06-30"]
    assert "Sources disagree on published: official-2023 gives 2022-06-30; the record holds 2022-06-24." in merged["notes"]


def test_the_order_sources_come_in_does_not_matter():
    older = rec(published="2022-06-30", kind="ilacs_short", id="merton-2022-ilacs-short", sources=[RELEASE_2023],
                notes=["From the 2023 release."])
    newer = rec(published="2022-06-24", sources=[RELEASE_2025], notes=["From the 2025 release."])
    empty = {"id": "merton-2022-ilacs-standard", "authority": {"name": "Merton"}, "sources": []}
    one, _ = recordset.merge(recordset.merge(empty, older)[0], newer)
    two, _ = recordset.merge(recordset.merge(empty, newer)[0], older)
    assert recordset.dump(one) == recordset.dump(two)
    assert one["kind"] == "ilacs_standard" and one["published"] == "2022-06-24"  # the newer release wins
    again, found = recordset.merge(one, newer)
    assert again == one and found == []


def test_a_fact_a_person_wrote_is_never_replaced():
    curated = rec(published="2022-06-24", sources=[{**REPORT, "id": "mine"}], summary="Written by a person.")
    merged, found = recordset.merge(curated, rec(published="2022-07-01", sources=[RELEASE_2025]))
    assert merged["published"] == "2022-06-24"
    assert [d.field for d in found] == ["published"]


# ---- merging into a folder ------------------------------------------------------------------------


def write(folder, data):
    path = folder / f"{data['id']}.yaml"
    path.write_text(yaml.safe_dump({k: v for k, v in data.items() if v is not None}, sort_keys=False))
    return path


def test_merge_into_a_folder_completes_records_and_files_new_ones_by_authority(tmp_path):
    write(tmp_path, rec(published=None, sources=[RELEASE_2023]))
    incoming = [model(rec()), model(rec(id="sutton-2023-ilacs-standard", authority={"name": "Sutton"},
                                        start="2023-01-09", published="2023-03-01"))]
    result = recordset.merge_into(tmp_path, incoming)
    assert [p.relative_to(tmp_path).as_posix() for p in result.new] == ["sutton/sutton-2023-ilacs-standard.yaml"]
    assert [p.name for p in result.updated] == ["merton-2022-ilacs-standard.yaml"]
    assert str(yaml.safe_load((tmp_path / "merton-2022-ilacs-standard.yaml").read_text())["published"]) == "2022-06-24"
    again = recordset.merge_into(tmp_path, incoming)
    assert (again.new, again.updated, again.unchanged) == ([], [], 2)


def test_validate_refuses_two_records_of_one_visit(run, tmp_path):
    write(tmp_path, rec())
    other = copy.deepcopy(rec(id="merton-2022-ilacs-short", kind="ilacs_short", published="2022-06-30"))
    write(tmp_path, other)
    res = run("validate", "--records", tmp_path)
    assert res.exit_code == 1
    assert (f"{tmp_path}/merton-2022-ilacs-standard.yaml:1:1: merton-2022-ilacs-short.yaml and "
            "merton-2022-ilacs-standard.yaml are the same inspection") in res.stderr


def test_validate_refuses_an_id_that_breaks_the_rule_and_names_the_right_one(run, tmp_path):
    write(tmp_path, rec(id="merton-2022-05-09-ilacs-standard"))
    res = run("validate", "--records", tmp_path)
    assert res.exit_code == 1
    assert res.stderr.splitlines()[0] == (
        f"{tmp_path}/merton-2022-05-09-ilacs-standard.yaml:1:5: id: 'merton-2022-05-09-ilacs-standard' does not "
        "follow the id rule: it should be 'merton-2022-ilacs-standard'")


def test_validate_refuses_an_authority_not_in_the_register(run, tmp_path):
    write(tmp_path, rec(id="hul-2022-ilacs-standard", authority={"name": "Hul"}))
    res = run("validate", "--records", tmp_path)
    assert res.exit_code == 1
    line = res.stderr.splitlines()[0]
    assert line.startswith(f"{tmp_path}/hul-2022-ilacs-standard.yaml:3:9: authority.name: ")
    assert "Kingston upon Hull" in line


def test_files_that_are_not_records_are_ignored_and_sub_folders_read(run, tmp_path):
    sub = tmp_path / "merton"
    sub.mkdir()
    write(sub, rec())
    (tmp_path / "README.md").write_text("my notes")
    (tmp_path / "grades.xlsx").write_bytes(b"PK\x03\x04")
    res = run("validate", "--records", tmp_path)
    assert (res.exit_code, res.stdout, res.stderr) == (0, "1 record OK\n", "")
