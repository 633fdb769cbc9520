"""Answers about visits without grades say what they rest on: where no full list of visits covers the
time asked about, the output says so, and counts what the records hold, never what Ofsted made. The
lists and their periods are read here from the coverage file and the visits from the records' YAML."""

from __future__ import annotations

import json
from datetime import date

import yaml
from conftest import RECORDS, ROOT


def _full_lists():
    """The periods of the full lists of focused and monitoring visits, from the coverage file itself."""
    data = yaml.safe_load((ROOT / "rotherham_cli" / "data" / "coverage.yaml").read_text(encoding="utf-8"))
    return sorted((f["from"], f["to"]) for f in data["families"]
                  if f.get("full_list") and {"focused_visit", "monitoring_visit"} <= set(f["kinds"]))


def test_knowsleys_diff_holds_both_visits_its_report_names_and_says_what_is_not_listed(run):
    """Knowsley's 2025 report names focused visits in October 2022 and January 2024; the second falls
    in April 2023 to March 2024, which no list covers."""
    held = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted((RECORDS / "knowsley").glob("*.yaml"))]
    between = [r["id"] for r in held if r["kind"] == "focused_visit" and "2021-11" < str(r["start"]) < "2024-11"]
    assert between == ["knowsley-2022-10-focused-visit", "knowsley-2024-01-focused-visit"]
    data = json.loads(run("diff", "-a", "Knowsley", "--format", "json").stdout)
    assert [v["id"] for v in data["between"]] == between
    lists = _full_lists()
    assert (date(2022, 4, 1), date(2023, 3, 31)) in lists and (date(2024, 4, 1), date(2025, 3, 31)) in lists
    assert not any(a <= date(2023, 6, 1) <= b for a, b in lists)  # nothing lists 2023-24
    assert "April 2023 to March 2024" in data["between_rests_on"]
    shown = " ".join(run("diff", "-a", "Knowsley").stdout.split())
    assert "The records hold no list of visits for" in shown and "April 2023 to March 2024" in shown


def test_the_committee_paper_says_what_the_records_hold_between_two_inspections(run, tmp_path):
    out = tmp_path / "k.md"
    assert run("report", "Knowsley", "--format", "markdown", "--output", out).exit_code == 0
    text = " ".join(out.read_text(encoding="utf-8").split())
    assert "Between them the records hold 2 visits without grades" in text
    assert "The records hold no list of visits for" in text and "April 2023 to March 2024" in text
    assert "Ofsted made" not in text


def test_shropshire_and_the_other_visits_the_reports_name_are_held():
    """Shropshire's 2025 report names a focused visit in November 2023; Sefton's and Stockport's
    February 2024 visits too: each is a record citing a report."""
    for slug, visit in (("shropshire", "shropshire-2023-11-focused-visit"), ("sefton", "sefton-2024-02-monitoring-visit"),
                        ("stockport", "stockport-2024-02-focused-visit")):
        rec = yaml.safe_load((RECORDS / slug / f"{visit}.yaml").read_text(encoding="utf-8"))
        assert "grades" not in rec and not rec.get("judgements")
        assert any(s["id"] == "mention" and s.get("file", "").startswith("data/reports/") for s in rec["sources"]), visit


def test_a_listing_of_one_authority_says_which_years_no_list_covers(run):
    out = " ".join(run("list", "-a", "Rotherham", env={"COLUMNS": "100"}).stdout.split())
    assert "The records hold no list of visits for" in out and "April 2023 to March 2024" in out
