"""Recommendation themes in the exports: the SQLite table and the JSON beside each record's texts.

Expected themes are worked out by hand from rotherham_cli/data/themes.yaml for Devon's 2024 inspection
(the six points `show latest -a Devon` lists); counts come from the records' YAML."""

from __future__ import annotations

import json
import sqlite3

import yaml
from conftest import RECORDS, read_yaml

DEVON = "devon-2024-ilacs-standard"
# Worked by reading the rule file: (n, themes in order, strongest first).
DEVON_THEMES = [
    (1, ["child_protection"]),  # "at immediate risk", "strategy discussions"
    (2, ["child_protection", "child_exploitation"]),  # "neglect", "domestic abuse"; "extra-familial"
    (3, ["planning", "care_leavers"]),  # "plans"; "care leavers" (one word each: first found first)
    (4, ["assessment_quality", "planning", "care_leavers"]),  # "assessment", "planning", "care leavers"
    (5, ["placement_sufficiency", "care_leavers"]),  # "sufficient suitable local homes"; "care leavers"
    (6, ["management_oversight"]),  # "management oversight", "supervision"
]


def _recommendation_counts() -> dict[str, int]:
    counts = {}
    for path in RECORDS.rglob("*.yaml"):
        data = read_yaml(path)
        counts[data["id"]] = len(data.get("recommendations") or [])
    return counts


def test_sqlite_has_a_theme_table_beside_the_recommendations(run, tmp_path):
    db = tmp_path / "england.db"
    res = run("export", "-a", "all", "--format", "sqlite", "--output", db)
    assert res.exit_code == 0, res.stderr
    con = sqlite3.connect(db)
    counts = _recommendation_counts()
    assert con.execute("select count(*) from recommendations").fetchone()[0] == sum(counts.values()) == 2418  # 2,454 less 36 strengths
    rows = con.execute("select visit_id, n, theme from recommendation_themes order by visit_id, n, rowid").fetchall()
    devon = {}
    for visit, n, theme in rows:
        assert 1 <= n <= counts[visit]  # every row names a recommendation the record holds
        if visit == DEVON:
            devon.setdefault(n, []).append(theme)
    assert [(n, sorted(t)) for n, t in sorted(devon.items())] == [(n, sorted(t)) for n, t in DEVON_THEMES]
    per = con.execute("select max(c) from (select count(*) c from recommendation_themes group by visit_id, n)")
    assert per.fetchone()[0] == 3
    # "return home interview" names the work with children who go missing: every such point has that theme
    asked = con.execute("select count(*) from recommendations where lower(text) like '%return home interview%'")
    themed = con.execute("select count(*) from recommendations r join recommendation_themes t using (visit_id, n) "
                         "where lower(r.text) like '%return home interview%' and t.theme = 'child_exploitation'")
    assert asked.fetchone()[0] == themed.fetchone()[0] > 5
    con.close()


def test_json_carries_the_themes_of_each_recommendation_beside_its_text(run):
    data = json.loads(run("export", "-a", "Devon", "--format", "json").stdout)
    counts = _recommendation_counts()
    assert {d["id"] for d in data} == {v for v in counts if v.startswith("devon-")}
    for d in data:
        assert [t["n"] for t in d["recommendation_themes"]] == list(range(1, len(d["recommendations"]) + 1))
    devon = next(d for d in data if d["id"] == DEVON)
    assert [(t["n"], t["themes"]) for t in devon["recommendation_themes"]] == DEVON_THEMES
    assert devon["recommendations"][5] == "Management oversight and grip across the service and the effectiveness of supervision."


def test_themes_why_shows_the_words_that_gave_each_theme_at_80_columns(run):
    res = run("themes", "latest", "-a", "Devon", "--why", env={"COLUMNS": "80"})
    assert res.exit_code == 0, res.stderr
    lines = res.stdout.splitlines()
    assert max(len(line) for line in lines) <= 80
    assert lines[:2] == ["Devon · ILACS standard inspection · 2024-09-30", "  devon-2024-ilacs-standard"]
    second = lines.index("2. The identification of risk and response to neglect, domestic abuse and")
    assert lines[second + 1:second + 4] == [
        "   extra-familial harm for children.",
        "     Child protection practice               ← “neglect”, “domestic abuse”",
        "     Child exploitation and missing children ← “extra familial”",
    ]
    assert "     Placements and sufficiency ← “sufficient suitable local homes”" in lines
    assert "←" not in run("themes", "latest", "-a", "Devon", env={"COLUMNS": "80"}).stdout


def test_themes_json_gives_rules_for_recommendations_and_hand_tags_for_findings(run):
    data = json.loads(run("themes", "rotherham-2014-sif-inspection", "--format", "json").stdout)
    held = yaml.safe_load((RECORDS / "rotherham" / "rotherham-2014-sif-inspection.yaml").read_text(encoding="utf-8"))
    assert [f["themes"] for f in data["findings"]] == [f["themes"] for f in held["findings"]]
    assert {f["tagged"] for f in data["findings"]} == {"by hand"}
    assert [r["text"] for r in data["recommendations"]] == [" ".join(t.split()) for t in held["recommendations"]]
    seventh = data["recommendations"][6]  # "enough staff and managers, ... caseloads are manageable"
    assert seventh["themes"] == [{"theme": "workforce_stability", "label": "Workforce stability and caseloads",
                                  "words": ["enough staff", "caseloads"]}]


def test_themes_csv_has_a_row_for_each_recommendation_and_finding(run):
    import csv
    import io

    rows = list(csv.DictReader(io.StringIO(run("themes", "2014", "--format", "csv").stdout)))
    held = yaml.safe_load((RECORDS / "rotherham" / "rotherham-2014-sif-inspection.yaml").read_text(encoding="utf-8"))
    assert [r["field"] for r in rows] == ["recommendation"] * len(held["recommendations"]) + ["finding"] * len(
        held["findings"])
    assert rows[6]["why"] == "workforce_stability: enough staff, caseloads"


def test_themes_of_an_unknown_visit_is_one_line(run):
    res = run("themes", "1999", "-a", "Devon")
    assert res.exit_code != 0 and len(res.stderr.splitlines()) == 1 and res.stdout == ""
