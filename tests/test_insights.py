"""The names behind the counts and what inspectors raise across England: latest, england --which,
concerns across many authorities, compare A B, england --series, journeys --area.

Expected figures come from the official release (read with python_calamine) or from the records' YAML
read by tests/insight_yaml.py, never from the project's own code."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

from conftest import needs_shared, official_sheet, sheet_day
from insight_yaml import SHEET_GRADE, latest_graded
from test_england import AREAS_2025, R2025


def _csv(text: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(text)))


def _table_2025() -> list[dict]:
    return official_sheet(R2025, "Inspections_as_at_31_March", 2)


def _names_by_slug() -> dict[str, str]:
    """Each current authority's folder and name: Ofsted's 2025 table names them, the folders hold them."""
    from insight_yaml import records

    by_code = {}
    for r in records():
        by_code[r["authority"].get("ons_code")] = r["_slug"]
    return {by_code[row["Local authority area code"]]: row["Local authority name"] for row in _table_2025()}


# ---------------------------------------------------------------------------------------------
# latest
# ---------------------------------------------------------------------------------------------


@needs_shared(R2025)
def test_latest_as_at_31_march_2025_is_ofsteds_headline_table(run):
    """Taken as Ofsted took it (held by 31 March 2025, published by the release's last publication), every
    one of the 153 rows has Ofsted's inspection date and the five grades of its table."""
    history = official_sheet(R2025, "ILACS_inspection_history", 2)
    known_until = max(sheet_day(row["Publication date"]) for row in history)
    res = run("latest", "-a", "all", "--as-at", "2025-03-31", "--published-by", known_until.isoformat(),
              "--format", "csv")
    assert res.exit_code == 0, res.stderr
    ours = {row["authority"]: row for row in _csv(res.stdout)}
    table = _table_2025()
    assert len(ours) == len(table) == 153
    for row in table:
        mine = ours[row["Local authority name"]]
        assert mine["inspected"] == sheet_day(row["Inspection date"]).isoformat(), mine["authority"]
        assert mine["region"] == row["Ofsted region"]
        for column, area in AREAS_2025.items():
            assert mine[area] == SHEET_GRADE[str(row[column]).strip()], (mine["authority"], area)


@needs_shared(R2025)
def test_latest_for_a_region_today_is_each_authoritys_latest_record(run):
    names = _names_by_slug()
    london = {row["Local authority name"] for row in _table_2025() if row["Ofsted region"] == "London"}
    expected = {names[s]: r for s, r in latest_graded(date.today()).items() if names.get(s) in london}
    res = run("latest", "-a", "region:London", "--format", "csv")
    assert res.exit_code == 0, res.stderr
    rows = _csv(res.stdout)
    assert [r["authority"] for r in rows] == sorted(london)  # by name by default
    for row in rows:
        want = expected[row["authority"]]
        assert row["latest"] == want["id"]
        assert row["inspected"] == want["_day"].isoformat()
        assert row["overall_effectiveness"] == want["judgements"].get("overall_effectiveness", "")


@needs_shared(R2025)
def test_latest_sorts_by_a_judgement_and_by_date(run):
    names = _names_by_slug()
    latest = {names[s]: r for s, r in latest_graded(date.today()).items() if s in names}
    res = run("latest", "--sort=-inspected", "--format", "csv")
    rows = _csv(res.stdout)
    newest = max(r["_day"] for r in latest.values())
    assert rows[0]["inspected"] == newest.isoformat()
    assert [r["inspected"] for r in rows] == sorted((r["inspected"] for r in rows), reverse=True)
    res = run("latest", "--sort", "overall_effectiveness", "--format", "csv")
    order = [r["overall_effectiveness"] for r in _csv(res.stdout)]
    rank = {"outstanding": 1, "good": 2, "requires_improvement": 3, "inadequate": 4, "": 5}
    assert order == sorted(order, key=rank.__getitem__)
    outstanding = sum(1 for r in latest.values() if r["judgements"].get("overall_effectiveness") == "outstanding")
    assert order.count("outstanding") == outstanding > 0


def test_latest_table_on_80_columns(run):
    res = run("latest", "-a", "Devon", "-a", "Rotherham", env={"COLUMNS": "80"})
    assert res.exit_code == 0, res.stderr
    lines = res.stdout.splitlines()
    assert max(len(line) for line in lines) <= 80
    assert lines[0].startswith("Devon, Rotherham as at ")
    devon = next(line for line in lines if line.startswith("Devon "))
    assert devon.split() == ["Devon", "2024-09-30", "Inad.", "RI", "Inad.", "Inad.", "Inad."]
    assert "RI: requires improvement to be good" in res.stdout


def test_latest_says_what_is_wrong_with_a_sort(run):
    res = run("latest", "--sort", "colour")
    assert res.exit_code == 2
    assert res.stdout == ""
    assert res.stderr.startswith("Error: --sort: 'colour' is not a judgement area")
    assert len(res.stderr.splitlines()) == 1


# ---------------------------------------------------------------------------------------------
# england --which
# ---------------------------------------------------------------------------------------------


@needs_shared(R2025)
def test_england_which_names_the_authorities_behind_a_count(run):
    names = _names_by_slug()
    latest = {s: r for s, r in latest_graded(date.today()).items() if s in names}
    for word, area, grade in (("inadequate", "overall_effectiveness", "inadequate"),
                              ("good", "help_and_protection", "good"),
                              ("requires-improvement", "care_leavers", "requires_improvement")):
        res = run("england", "--which", word, "--area", area, "--format", "json")
        assert res.exit_code == 0, res.stderr
        got = [a["authority"] for a in json.loads(res.stdout)["authorities"]]
        want = sorted(names[s] for s, r in latest.items() if r["judgements"].get(area) == grade)
        assert got == want and want
    res = run("england", "--which", "not-graded", "--format", "json")
    got = [a["authority"] for a in json.loads(res.stdout)["authorities"]]
    assert got == sorted(names[s] for s, r in latest.items() if "overall_effectiveness" not in r["judgements"])
    assert len(got) >= 10  # the framework from April 2026 gives no overall grade


def test_latest_and_which_at_a_date_count_only_what_was_held(run):
    """On 31 March 2014 England had 152 authorities; each with a SIF inspection held by then is at its
    latest one, and `england --which not-inspected` names the rest."""
    res = run("latest", "--as-at", "2014-03-31", "--format", "csv")
    rows = _csv(res.stdout)
    assert len(rows) == 152
    held = latest_graded(date(2014, 3, 31))
    assert {r["latest"] for r in rows if r["latest"]} == {r["id"] for r in held.values()}
    res = run("england", "--which", "not-inspected", "--as-at", "2014-03-31", "--format", "csv")
    missing = _csv(res.stdout)
    assert len(missing) == 152 - len(held) > 0
    assert {r["authority"] for r in missing} == {r["authority"] for r in rows if not r["latest"]}


# ---------------------------------------------------------------------------------------------
# concerns across many authorities
# ---------------------------------------------------------------------------------------------


def _year(r) -> int:
    from insight_yaml import first_day

    return (first_day(r.get("start")) or first_day(r.get("published"))).year


@needs_shared(R2025)
def test_concerns_across_a_region_counts_each_authority_once_with_the_names(run):
    from insight_yaml import records

    names = _names_by_slug()
    london = {s for s, n in names.items() if n in
              {row["Local authority name"] for row in _table_2025() if row["Ofsted region"] == "London"}}
    visits = [r for r in records() if r["_slug"] in london and _year(r) >= 2023
              and (r.get("recommendations") or r.get("findings"))]
    res = run("concerns", "-a", "region:London", "--since", "2023", "--format", "json")
    assert res.exit_code == 0, res.stderr
    data = json.loads(res.stdout)
    assert data["visits"] == len(visits) > 20
    assert data["authorities_with_recommendations_or_findings"] == len({r["_slug"] for r in visits})
    themes = {t["theme"]: t for t in data["themes"]}
    # Every London authority told since 2023 to improve "management oversight" is behind that count.
    told = {names[r["_slug"]] for r in visits
            if any("management oversight" in t.lower() for t in r.get("recommendations", []))}
    assert told and told <= set(themes["management_oversight"]["authorities"])
    visited = {names[r["_slug"]] for r in visits}
    for t in data["themes"]:
        assert set(t["authorities"]) <= visited
        assert list(t["by_region"]) == ["London"]
    counts = [len(t["authorities"]) for t in data["themes"]]
    assert counts == sorted(counts, reverse=True)


def test_concerns_across_england_by_region_on_80_columns(run):
    res = run("concerns", "-a", "all", "--since", "2023", env={"COLUMNS": "80"})
    assert res.exit_code == 0, res.stderr
    assert max(len(line) for line in res.stdout.splitlines()) <= 80
    assert res.stdout.startswith("What inspectors raised: England, since 2023\n")
    assert "By region" in res.stdout and "The authorities behind each count" in res.stdout
    csv_rows = _csv(run("concerns", "-a", "all", "--since", "2023", "--format", "csv").stdout)
    from insight_yaml import records

    ids = {r["id"] for r in records() if _year(r) >= 2023 and (r.get("recommendations") or r.get("findings"))}
    assert {row["visit"] for row in csv_rows} <= ids
    assert len({row["visit"] for row in csv_rows}) > 100


def test_concerns_says_what_is_wrong_with_a_period(run):
    res = run("concerns", "-a", "all", "--since", "2025", "--until", "2020")
    assert (res.exit_code, res.stdout, res.stderr) == (2, "", "Error: --since 2025 is after --until 2020\n")
    res = run("concerns", "-a", "all", "--since", "2040")
    assert res.exit_code == 0
    assert "The records hold no recommendations or findings of a visit in this period." in res.stdout


def test_concerns_for_one_authority_over_a_period_keeps_its_hand_tagged_findings(run):
    from insight_yaml import records

    tagged = set()
    for r in records():
        if r["_slug"] == "rotherham" and _year(r) >= 2020:
            for f in r.get("findings", []):
                if f["kind"] == "improvement":
                    tagged.update(f.get("themes", []))
    res = run("concerns", "-a", "Rotherham", "--since", "2020", "--format", "json")
    got = {t["theme"] for t in json.loads(res.stdout)["themes"]}
    assert tagged and tagged <= got
    old = run("concerns", "Rotherham")  # one authority, no period: the recurring findings, as before
    assert old.stdout.startswith("What keeps coming back: Rotherham")


# ---------------------------------------------------------------------------------------------
# compare A B
# ---------------------------------------------------------------------------------------------


def test_compare_two_authorities_side_by_side(run):
    from insight_yaml import change, graded_history

    areas = ["overall_effectiveness", "leadership", "help_and_protection", "children_in_care", "care_leavers"]
    as_at = date(2025, 3, 31)
    res = run("compare", "Devon", "Rotherham", "--as-at", as_at.isoformat(), "--format", "csv")
    assert res.exit_code == 0, res.stderr
    rows = {(r["authority"], r["area"]): r for r in _csv(res.stdout)}
    assert len(rows) == 10
    for name, slug in (("Devon", "devon"), ("Rotherham", "rotherham")):
        *_, prev, last = graded_history(slug, as_at)
        for area in areas:
            row = rows[name, area]
            a, b = prev["judgements"].get(area), last["judgements"].get(area)
            assert (row["latest"], row["inspected"]) == (last["id"], last["_day"].isoformat())
            assert (row["previous"], row["grade"], row["previous_grade"]) == (prev["id"], b or "", a or "")
            assert row["change"] == ("" if a is None and b is None else change(a, b)), (name, area)
    table = run("compare", "Devon", "Rotherham", "--as-at", as_at.isoformat(), env={"COLUMNS": "80"}).stdout
    assert max(len(line) for line in table.splitlines()) <= 80
    assert "Help/prot.   Inad.        ↓ from RI        Good         unchanged" in table


def test_compare_one_authority_with_itself_is_a_usage_error(run):
    res = run("compare", "Devon", "devon")
    assert (res.exit_code, res.stdout) == (2, "")
    assert res.stderr == "Error: compare A B: name two different authorities\n"


# ---------------------------------------------------------------------------------------------
# england --series
# ---------------------------------------------------------------------------------------------


def test_england_series_counts_every_31_march_from_the_records(run):
    """Each year's counts, worked out from the YAML and the register's data file (which authorities existed
    on the day): the latest SIF or ILACS inspection held by 31 March of each authority then in being."""
    from conftest import ROOT

    register = json.loads((ROOT / "rotherham_cli" / "data" / "authorities.json").read_text())["authorities"]
    res = run("england", "--series", "--area", "help_and_protection", "--format", "csv")
    assert res.exit_code == 0, res.stderr
    rows = _csv(res.stdout)
    assert rows[0]["as_at"] == "2014-03-31"  # the first SIF inspections were held from November 2013
    assert rows[-1]["as_at"] == f"{date.today().year - (date.today() < date(date.today().year, 3, 31))}-03-31"
    for row in rows:
        day = date.fromisoformat(row["as_at"])
        existing = [a["slug"] for a in register
                    if (a["started"] is None or a["started"] <= row["as_at"])
                    and (a["ended"] is None or row["as_at"] <= a["ended"])]
        latest = latest_graded(day)
        grades = [latest[s]["judgements"].get("help_and_protection") for s in existing if s in latest]
        assert int(row["authorities"]) == len(existing), day
        assert int(row["not_inspected"]) == len(existing) - len(grades), day
        for g in ("outstanding", "good", "requires_improvement", "inadequate"):
            assert int(row[g]) == grades.count(g), (day, g)
    table = run("england", "--series", env={"COLUMNS": "80"}).stdout
    assert max(len(line) for line in table.splitlines()) <= 80
    assert "2025-03-31       36     67   31      19          0           0   153     67%" in table


@needs_shared(R2025)
def test_england_series_at_31_march_2025_is_ofsteds_count(run):
    from collections import Counter

    ofsted = Counter(SHEET_GRADE[str(row["Overall effectiveness"]).strip()] for row in _table_2025())
    rows = {r["as_at"]: r for r in _csv(run("england", "--series", "--format", "csv").stdout)}
    mine = rows["2025-03-31"]
    assert {g: int(mine[g]) for g in ("outstanding", "good", "requires_improvement", "inadequate")} == {
        g: ofsted[g] for g in ("outstanding", "good", "requires_improvement", "inadequate")}
    assert mine["authorities"] == "153"
# ---------------------------------------------------------------------------------------------
# journeys --area
# ---------------------------------------------------------------------------------------------


def test_journeys_of_one_judgement(run):
    """From inadequate to good or better for help and protection, walked through each folder's graded
    records by hand: a spell starts at the first inadequate (again at an inadequate after leaving it) and
    ends at the first good or outstanding after it."""
    from insight_yaml import graded_history, records

    want = set()
    for slug in sorted({r["_slug"] for r in records()}):
        start, before = None, None
        for r in graded_history(slug, date.today()):
            g = r["judgements"].get("help_and_protection")
            if g is None:
                continue
            if g == "inadequate" and (start is None or before != "inadequate"):
                start = r
            elif start is not None and g in ("good", "outstanding"):
                want.add((start["id"], r["id"]))
                start = None
            before = g
    res = run("journeys", "--area", "help_and_protection", "--format", "csv")
    assert res.exit_code == 0, res.stderr
    got = {(r["from_visit"], r["to_visit"]) for r in _csv(res.stdout) if r["status"] == "made"}
    assert got == want and len(want) > 20
    overall = {(r["from_visit"], r["to_visit"]) for r in _csv(run("journeys", "--format", "csv").stdout)
               if r["status"] == "made"}
    assert overall != got  # the judgement followed matters
    table = run("journeys", "--area", "children_in_care", env={"COLUMNS": "80"}).stdout
    assert table.startswith("From inadequate to good or better (children in care), as at ")


def test_compare_says_how_close_each_neighbour_is():
    """The DfE bands, read here from the register file, in CSV, JSON and the table."""
    import subprocess
    import sys

    from conftest import ROOT

    register = json.loads((ROOT / "rotherham_cli" / "data" / "authorities.json").read_text(encoding="utf-8"))
    me = next(a for a in register["authorities"] if a["slug"] == "doncaster")
    want = {n["slug"]: n["closeness"] for n in me["neighbours"]}
    assert len(want) == 10
    run = [sys.executable, "-m", "rotherham_cli", "compare", "Doncaster", "--as-at", "2026-08-20"]
    rows = _csv(subprocess.run([*run, "--format", "csv"], capture_output=True, text=True, check=True).stdout)
    names = {a["slug"]: a["name"] for a in register["authorities"]}
    assert {r["authority"]: r["closeness"] for r in rows if not r["self"]} == {names[s]: b for s, b in want.items()}
    data = json.loads(subprocess.run([*run, "--format", "json"], capture_output=True, text=True, check=True).stdout)
    assert {p["slug"]: p["closeness"] for p in data["statistical_neighbours"] if not p["self"]} == want
