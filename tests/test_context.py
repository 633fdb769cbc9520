"""england, compare, journeys, concerns and the SQLite export: the numbers a user sees, checked against
figures computed here, independently, from Ofsted's releases (read with python_calamine) and from
the record files themselves (read with PyYAML)."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
import statistics
from collections import Counter
from datetime import date

import pytest
import yaml
from conftest import OFFICIAL, RECORDS, needs_shared, read_yaml
from conftest import official_sheet as _sheet
from conftest import sheet_day as _day

R2025 = OFFICIAL / "LA_Inspection_Outcomes_as_at_31_March_2025.ods"
R2023 = OFFICIAL / "Childrens_social_care_in_England_2023_underlying_data.ods"
GRADE_KEY = {"Outstanding": "outstanding", "Good": "good", "Requires improvement to be good": "requires_improvement",
             "Inadequate": "inadequate"}
AREAS_2025 = {
    "overall_effectiveness": "Overall effectiveness",
    "leadership": "The impact of leaders on social work practice with children and families",
    "help_and_protection": "The experiences and progress of children who need help and protection",
    "children_in_care": "The experiences and progress of children in care",
    "care_leavers": "The experiences and progress of care leavers",
}
SCALE = ["outstanding", "good", "requires_improvement", "inadequate"]


def _csv(text):
    return list(csv.DictReader(io.StringIO(text)))


# ---------------------------------------------------------------------------------------------
# england
# ---------------------------------------------------------------------------------------------


@needs_shared(OFFICIAL)
def test_england_as_at_31_march_2025_is_ofsteds_headline_table_for_england_and_every_region(run):
    table = _sheet(R2025, "Inspections_as_at_31_March", 2)
    history = _sheet(R2025, "ILACS_inspection_history", 2)
    known_until = max(_day(r["Publication date"]) for r in history)
    ofsted: Counter = Counter()
    for row in table:
        for scope in ("England", row["Ofsted region"].strip()):
            for area, column in AREAS_2025.items():
                cell = str(row[column]).strip()
                ofsted[scope, area, GRADE_KEY.get(cell, "none")] += 1
    res = run("england", "--as-at", "2025-03-31", "--published-by", known_until.isoformat(), "--format", "csv")
    assert res.exit_code == 0, res.stderr
    ours: Counter = Counter()
    rows = _csv(res.stdout)
    for row in rows:
        for g in SCALE:
            ours[row["scope"], row["area"], g] += int(row[g])
        ours[row["scope"], row["area"], "none"] += int(row["not_graded"]) + int(row["not_inspected"])
        assert int(row["authorities"]) == sum(int(row[k]) for k in (*SCALE, "not_graded", "not_inspected"))
    assert {k: v for k, v in ours.items() if v} == {k: v for k, v in ofsted.items() if v}
    england = next(r for r in rows if r["scope"] == "England" and r["area"] == "overall_effectiveness")
    assert (england["inadequate"], england["authorities"]) == ("19", "153")  # no former authority counted
    assert {r["scope"] for r in rows} == {"England", *(r["Ofsted region"].strip() for r in table)}


@needs_shared(OFFICIAL)
def test_england_counts_inspections_held_by_the_date_even_if_published_later(run):
    """Without --published-by, Wakefield's inspection of 24-28 March 2025 (published in July) counts
    at 31 March 2025; the table says which inspection that is when --published-by leaves it out."""
    history = _sheet(R2025, "ILACS_inspection_history", 2)
    known_until = max(_day(r["Publication date"]) for r in history)
    later = run("england", "--as-at", "2025-03-31", "--published-by", known_until.isoformat())
    assert later.exit_code == 0
    flat = " ".join(later.stdout.split())
    assert "not counted: Wakefield (24 March 2025, published 18 July 2025)" in flat
    now = json.loads(run("england", "--as-at", "2025-03-31", "--format", "json").stdout)
    assert now["counted"]["wakefield"] == "wakefield-2025-ilacs-short"
    leavers = next(t for t in now["tallies"] if t["scope"] == "England" and t["area"] == "care_leavers")
    table = _sheet(R2025, "Inspections_as_at_31_March", 2)
    ofsted_ri = sum(1 for r in table if str(r[AREAS_2025["care_leavers"]]).strip() == "Requires improvement to be good")
    assert leavers["counts"]["requires_improvement"] == ofsted_ri + 1  # Wakefield's care leavers: RI


@needs_shared(OFFICIAL)
def test_england_as_at_31_march_2023_gives_the_2023_release_overall_counts(run):
    """The 2023 release counts the inspections it holds: those published by its last publication
    (South Tyneside's, 10 May 2023; its note 4). Overall effectiveness matches number for number. (Its
    cut-off was not one day for all: Wokingham's inspection of March 2023, published on 9 May, is not
    in it, so the other judgements, which Wokingham's new grades change, are checked on the 2025
    release above.)"""
    table = _sheet(R2023, "LA_level_at_31_Mar_2023", 3)
    ofsted = Counter(GRADE_KEY[str(r["Overall effectiveness"]).strip()] for r in table)
    history = _sheet(R2023, "LA_inspections_2009-2023", 4)
    known_until = max(d for r in history for k, v in r.items() if "publication date" in k and (d := _day(v)))
    res = run("england", "--as-at", "2023-03-31", "--published-by", known_until.isoformat(), "--format", "json")
    overall = next(t for t in json.loads(res.stdout)["tallies"]
                   if t["scope"] == "England" and t["area"] == "overall_effectiveness")
    assert overall["counts"] == {g: ofsted[g] for g in SCALE}
    # 152 on that day: Cumbria, not yet Cumberland and Westmorland and Furness (1 April 2023).
    assert overall["authorities"] == len(table) == 152
    assert overall["not_inspected"] == overall["not_graded"] == 0


def test_england_table_is_readable_on_an_80_column_screen(run):
    res = run("england", "--as-at", "2025-03-31", env={"COLUMNS": "80"})
    assert res.exit_code == 0
    assert all(len(line) <= 80 for line in res.stdout.splitlines())
    assert "Overall" in res.stdout and "Care leavers" in res.stdout and "North West" in res.stdout


def test_england_on_a_sif_era_date_counts_the_authorities_of_that_day(run):
    data = json.loads(run("england", "--as-at", "2015-03-31", "--format", "json").stdout)
    assert data["authorities"] == 152  # Bournemouth, Poole, Dorset and Northamptonshire, not their successors
    successors = {"bournemouth-christchurch-and-poole", "dorset", "north-northamptonshire", "west-northamptonshire",
                  "cumberland", "westmorland-and-furness"}
    assert not successors & set(data["counted"])
    overall = next(t for t in data["tallies"] if t["scope"] == "England" and t["area"] == "overall_effectiveness")
    assert overall["not_inspected"] > 50  # SIF had not reached most authorities by then


# ---------------------------------------------------------------------------------------------
# compare
# ---------------------------------------------------------------------------------------------


@needs_shared(OFFICIAL)
def test_compare_rotherham_with_its_neighbours_region_and_england(run):
    """As at 20 March 2025 every authority's latest inspection is in the ILACS history sheet: the
    neighbours' grades and dates, and every count in the sentences, are computed from it here."""
    from rotherham_cli.authorities import get, resolve

    history = _sheet(R2025, "ILACS_inspection_history", 2)
    as_at = date(2025, 3, 20)
    latest = {}
    for row in history:
        day = _day(row["Inspection date"])
        slug = resolve(str(row["Local authority area code"]).strip()).slug
        if day <= as_at and (slug not in latest or day > _day(latest[slug]["Inspection date"])):
            latest[slug] = row
    current = {slug: row for slug, row in latest.items() if get(slug).current}
    assert len(current) == 153
    res = run("compare", "Rotherham", "--as-at", as_at.isoformat(), "--format", "csv")
    assert res.exit_code == 0, res.stderr
    rows = _csv(res.stdout)
    assert rows[0]["authority"] == "Rotherham" and rows[0]["self"] == "yes"
    assert len(rows) == 11
    for row in rows:
        official = latest[resolve(row["authority"]).slug]
        assert row["inspected"] == _day(official["Inspection date"]).isoformat(), row["authority"]
        for area, column in AREAS_2025.items():
            assert row[area] == GRADE_KEY.get(str(official[column]).strip(), ""), (row["authority"], area)
    mine = GRADE_KEY[str(current["rotherham"]["Overall effectiveness"]).strip()]
    same_england = sum(1 for r in current.values() if GRADE_KEY[str(r["Overall effectiveness"]).strip()] == mine)
    region = get("rotherham").region
    in_region = [r for s, r in current.items() if get(s).region == region]
    same_region = sum(1 for r in in_region if GRADE_KEY[str(r["Overall effectiveness"]).strip()] == mine)
    same_peers = sum(1 for row in rows[1:] if row["overall_effectiveness"] == mine)
    text = " ".join(run("compare", "Rotherham", "--as-at", as_at.isoformat(), env={"COLUMNS": "200"}).stdout.split())
    words = mine.replace("_", " ")
    assert (f"Rotherham is one of {same_england} of England's 153 authorities graded {words} overall at their "
            f"latest inspection; {same_peers} of its 10 statistical neighbours") in text
    assert f"In {region}, {same_region} of {len(in_region)} authorities are graded {words} overall" in text
    days = (as_at - _day(current["rotherham"]["Inspection date"])).days
    assert f"{days} days before 20 March 2025" in text
    assert "Since its previous graded inspection" in text


def test_compare_a_former_authority_sets_it_beside_its_successors(run):
    res = run("compare", "Cumbria", "--as-at", "2022-12-31", "--format", "json")
    assert res.exit_code == 0, res.stderr
    data = json.loads(res.stdout)
    assert [p["authority"] for p in data["successors"]][1:] == ["Cumberland", "Westmorland and Furness"]


# ---------------------------------------------------------------------------------------------
# journeys
# ---------------------------------------------------------------------------------------------


def _official_sequences():
    """Every LA's SIF and ILACS inspections as (publication date, overall grade), from the releases."""
    from rotherham_cli.authorities import resolve

    seqs: dict[str, set] = {}
    rows = _sheet(R2023, "LA_inspections_2009-2023", 4)
    for row in rows:
        if str(row["Local authority name"]).strip() in ("", "Local authority name"):
            continue
        slug = resolve(str(row["Local authority name"]).strip()).slug
        for pub, oe in (("Single Inspection of LA Children's Services (SIF)  First SIF publication date",
                         "First SIF Overall Judgement\n(OE)"),
                        ("Single Inspection of LA Children's Services (SIF) SIF Re-inspection publication date",
                         "SIF Re-inspection Overall Judgement\n(OE)")):
            day, grade = _day(row[pub]), GRADE_KEY.get(str(row[oe]).strip())
            if day and grade:
                seqs.setdefault(slug, set()).add((day, grade))
    for row in _sheet(R2025, "ILACS_inspection_history", 2):
        slug = resolve(str(row["Local authority area code"]).strip()).slug
        grade = GRADE_KEY.get(str(row["Overall effectiveness"]).strip())
        if grade:
            seqs.setdefault(slug, set()).add((_day(row["Publication date"]), grade))
    return {s: sorted(v) for s, v in seqs.items()}


@needs_shared(OFFICIAL)
def test_journeys_from_inadequate_to_good_or_better_are_the_releases_moves(run):
    from rotherham_cli.authorities import resolve

    moves, waiting = set(), set()
    for slug, seq in _official_sequences().items():
        start = None
        last_grade = None
        for day, grade in seq:
            if start is None:
                if grade == "inadequate":
                    start = day
            elif grade in ("good", "outstanding"):
                moves.add((slug, start, day))
                start = None
            elif grade == "inadequate" and last_grade != "inadequate":
                start = day
            last_grade = grade
        if start is not None and seq[-1][1] == "inadequate":
            waiting.add((slug, start))
    res = run("journeys", "--as-at", "2025-03-31", "--format", "json")
    assert res.exit_code == 0, res.stderr
    data = json.loads(res.stdout)
    ours = {(resolve(j["authority"]).slug, date.fromisoformat(j["from_published"]), date.fromisoformat(j["to_published"]))
            for j in data["journeys"] if j["status"] == "made"}
    assert ours == moves
    still = {(resolve(j["authority"]).slug, date.fromisoformat(j["from_published"]))
             for j in data["journeys"] if j["status"] == "on the way"}
    assert still == {w for w in waiting if resolve(w[0]).current}
    days = sorted(int(j["days"]) for j in data["journeys"] if j["status"] == "made")
    assert data["stats"]["median"] == statistics.median(days)
    assert data["stats"]["count"] == len(moves)


def test_journeys_table_says_median_and_how_durations_were_measured(run):
    res = run("journeys", "--as-at", "2026-11-22", env={"COLUMNS": "160"})
    assert res.exit_code == 0
    text = " ".join(res.stdout.split())
    assert "from inadequate to good or better: median" in text
    assert "Durations run from inspection to inspection" in text
    assert "Still on the way" in text
    rot = next(line for line in res.stdout.splitlines() if line.startswith("Rotherham"))
    assert "2014-09-16" in rot and "1,147 days" in rot  # SIF 16 Sep 2014 to the re-inspection of 6 Nov 2017


@pytest.mark.parametrize(("args", "message"), [
    (["journeys", "--from", "poor"], "--from/--to: 'poor' is not a grade"),
    (["journeys", "--from", "good", "--to", "good-or-better"], "every starting grade is already a grade sought"),
    (["england", "--as-at", "31/03/2025"], "--as-at: '31/03/2025' is not a day; write it as YYYY-MM-DD"),
    (["england", "--area", "judgement"], "--area: 'judgement' is not a judgement area"),
    (["compare", "Atlantis"], "Atlantis"),
    (["export", "-a", "all", "--format", "sqlite"], "--format sqlite writes a database file; give --output FILE"),
])
def test_context_commands_refuse_bad_usage_in_one_line(run, args, message):
    res = run(*args)
    assert res.exit_code == 2, res.stderr
    assert message in res.stderr
    assert len(res.stderr.strip().splitlines()) == 1
    assert res.stdout == ""


# ---------------------------------------------------------------------------------------------
# concerns
# ---------------------------------------------------------------------------------------------


def _rotherham_findings():
    themes: dict[str, list[tuple[str, str]]] = {}
    for path in sorted((RECORDS / "rotherham").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for f in data.get("findings", []):
            if f["kind"] == "improvement":
                for t in f["themes"]:
                    themes.setdefault(t, []).append((data["id"], str(data.get("start") or data.get("published"))))
    return themes


def test_concerns_counts_each_theme_across_rotherhams_visits(run):
    res = run("concerns", "Rotherham", "--format", "json")
    assert res.exit_code == 0, res.stderr
    data = json.loads(res.stdout)
    expected = {t: sorted({v for v, _ in vs}) for t, vs in _rotherham_findings().items()}
    assert {t["theme"]: sorted(t["visits"]) for t in data["themes"]} == expected
    # its visits to children's services: every record but its area SEND inspection (a remit of its own)
    assert data["visits"] == sum(1 for p in (RECORDS / "rotherham").glob("*.yaml") if "kind: area_send" not in p.read_text())
    text = " ".join(run("concerns", env={"COLUMNS": "200"}).stdout.split())
    assert "management oversight and supervision: raised in 2014, 2016 and 2017; not raised since." in text
    assert "care leavers: raised in 2014, 2022 and 2025; still raised at the latest visit." in text


def test_concerns_works_from_recommendations_where_the_records_hold_no_findings(run, tmp_path):
    """Barnsley's records hold recommendations (read from its reports) but no findings: the themes are the
    recommendations', and the output says so; a folder holding neither says that."""
    import yaml

    held = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in (RECORDS / "barnsley").glob("*.yaml")]
    with_recs = sum(1 for r in held if r.get("recommendations") and r["kind"] != "area_send")
    assert with_recs >= 2 and not any(r.get("findings") for r in held)
    res = run("concerns", "Barnsley", env={"COLUMNS": "200"})
    text = " ".join(res.stdout.split())
    assert res.exit_code == 0 and f"the records hold the recommendations of {with_recs};" in text
    assert "The themes are the recommendations', given by the rules of docs/themes.md." in text
    data = json.loads(run("concerns", "Barnsley", "--format", "json").stdout)
    assert data["themes"] and data["visits_with_findings"] == with_recs
    folder = tmp_path / "records" / "barnsley"
    folder.mkdir(parents=True)
    bare = yaml.safe_load((RECORDS / "barnsley" / "barnsley-2014-sif-inspection.yaml").read_text(encoding="utf-8"))
    bare.pop("recommendations", None)
    (folder / "barnsley-2014-sif-inspection.yaml").write_text(yaml.safe_dump(bare, sort_keys=False), encoding="utf-8")
    res = run("concerns", "Barnsley", "--records", folder.parent)
    assert res.exit_code == 0, res.stderr
    assert "hold neither inspectors' findings nor recommendations" in " ".join(res.stdout.split())
    assert "Theme" not in res.stdout


def test_concerns_csv_has_one_row_per_finding(run):
    rows = _csv(run("concerns", "--format", "csv").stdout)
    assert len(rows) == sum(len(v) for v in _rotherham_findings().values())


# ---------------------------------------------------------------------------------------------
# time measures and the database
# ---------------------------------------------------------------------------------------------


def test_show_and_list_give_days_from_the_end_of_the_visit_to_publication(run):
    data = yaml.safe_load((RECORDS / "rotherham" / "rotherham-2022-ilacs-short.yaml").read_text(encoding="utf-8"))
    days = (data["published"] - data["end"]).days
    assert f"{data['published']} ({days} days after the visit ended)" in run("show", "2022").stdout
    rows = _csv(run("list", "--format", "csv").stdout)
    assert next(r for r in rows if r["id"] == data["id"])["days_to_publish"] == str(days)


@pytest.mark.slow  # two exports of all England to SQLite (about 6 s)
def test_export_sqlite_holds_every_visit_judgement_and_the_register(run, tmp_path):
    db = tmp_path / "england.db"
    res = run("export", "-a", "all", "--format", "sqlite", "--output", db)
    assert res.exit_code == 0, res.stderr
    files = list(RECORDS.rglob("*.yaml"))
    con = sqlite3.connect(db)
    assert con.execute("select count(*) from visits").fetchone()[0] == len(files)
    grades = sum(len(read_yaml(p).get("judgements") or {}) for p in files)
    assert con.execute("select count(*) from judgements").fetchone()[0] == grades
    assert con.execute("select count(*) from authorities where current = 1").fetchone()[0] == 153
    rot = dict(con.execute("select area, grade from judgements where visit_id = 'rotherham-2014-sif-inspection'"))
    data = yaml.safe_load((RECORDS / "rotherham" / "rotherham-2014-sif-inspection.yaml").read_text(encoding="utf-8"))
    assert rot == data["judgements"]
    indexes = {r[0] for r in con.execute("select name from sqlite_master where type = 'index'")}
    assert {"visits_authority", "judgements_area_grade"} <= indexes
    con.close()
    again = run("export", "-a", "all", "--format", "sqlite", "--output", db)
    assert again.exit_code == 1 and "already exists" in again.stderr


@pytest.mark.parametrize("command", ["england", "compare", "journeys", "concerns"])
def test_context_help_has_examples(run, command):
    res = run(command, "--help")
    assert res.exit_code == 0 and f"judgements {command}" in res.stdout and "Examples" in res.stdout


def test_list_on_a_wide_screen_gives_days_to_publication(run):
    from conftest import GOOD

    data = yaml.safe_load((GOOD / "rutland-2015-sif-inspection.yaml").read_text(encoding="utf-8"))
    days = (data["published"] - data["end"]).days
    wide = run("list", "--records", GOOD, "-a", "Rutland", env={"COLUMNS": "200"}).stdout.splitlines()
    assert "To publish" in wide[1]
    assert f"{days} days" in next(line for line in wide if "rutland-2015-sif-inspection" in line)
    narrow = run("list", "--records", GOOD, "-a", "Rutland", env={"COLUMNS": "90"}).stdout
    assert "To publish" not in narrow and "Summary" in narrow  # the summary keeps its place first
