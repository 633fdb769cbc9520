"""One grammar for every command: -a/--authority wherever authorities are chosen, ids found wherever
they are, dates as a year, a month or a day, repeated kinds, every judgement area in `england`, titles
on tables of one authority, and `check`'s verdict on stderr. Expected values come from the YAML files."""

from __future__ import annotations

import json

import pytest
import yaml
from conftest import GOOD, OFFICIAL, RECORDS, needs_shared

R = ("--records", str(GOOD))


def fixture_visits() -> list[dict]:
    out = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted(GOOD.glob("*.yaml"))]
    for v in out:
        v["when"] = str(v.get("start") or v.get("end") or v.get("published"))
    return out


def listed(run, *args) -> list[str]:
    res = run("list", *R, *args, "--format", "json")
    assert res.exit_code == 0, res.stderr
    return [d["id"] for d in json.loads(res.stdout)]


def ids(pick) -> list[str]:
    return [v["id"] for v in sorted(fixture_visits(), key=lambda v: (v["when"], v["id"])) if pick(v)]


@pytest.mark.parametrize("since,until", [("2019", None), ("2019-10", None), ("2019-10-08", None), (None, "2019-03"),
                                         ("2017-11-06", "2019-10-07"), ("2016", "2016")])
def test_since_and_until_take_a_year_a_month_or_a_day(run, since, until):
    args = [*(["--since", since] if since else []), *(["--until", until] if until else [])]

    def keep(v):  # a visit known to the month or year is kept where it can fall in the range
        lo, hi = v["when"], v["when"] + "-99"
        return (since is None or hi >= since) and (until is None or lo <= until + "-99")
    assert listed(run, *args) == ids(keep)


def test_published_since_and_until_choose_by_publication(run):
    got = listed(run, "--published-since", "2019-04", "--published-until", "2019-12")
    assert got == ids(lambda v: "2019-04" <= str(v["published"])[:7] <= "2019-12")
    assert got == ["rutland-2019-03-focused-visit", "slough-2019-ilacs-standard"]


def test_bad_dates_are_one_line_usage_errors(run):
    for args, message in ((("--since", "2026-13"), "--since: '2026-13' is not a real date"),
                          (("--published-until", "last week"), "--published-until: 'last week' is not a date"),
                          (("--since", "2020", "--until", "2019"), "--since 2020 is after --until 2019")):
        res = run("list", *R, *args)
        assert res.exit_code == 2 and res.stdout == "" and res.stderr.startswith(f"Error: {message}"), res.stderr


def test_a_repeated_kind_is_all_of_them(run):
    got = listed(run, "-k", "focused_visit", "-k", "monitoring_visit")
    assert got == ids(lambda v: v["kind"] in ("focused_visit", "monitoring_visit")) and len(got) == 2


def test_an_id_is_found_without_authority(run):
    res = run("show", "barnsley-2023-ilacs-short")
    assert res.exit_code == 0, res.stderr
    assert res.stdout.splitlines()[:2] == ["barnsley-2023-ilacs-short", "Authority  Barnsley (DfE 370, E08000016)"]
    res = run("diff", "leeds-2015-sif-inspection", "leeds-2022-ilacs-standard")
    assert res.exit_code == 0, res.stderr
    assert res.stdout.startswith("Leeds: from leeds-2015-sif-inspection")
    assert run("show", "latest").stdout.startswith("rotherham-")  # a keyword: the home authority's


def test_one_authority_commands_take_a_name_or_authority_but_not_both(run, tmp_path):
    assert run("compare", "-a", "Doncaster").stdout.startswith("Doncaster in context")
    assert run("concerns", "-a", "Doncaster").stdout.startswith("What keeps coming back: Doncaster")
    res = run("chart", "-a", "Doncaster", "--output", str(tmp_path / "d.svg"))
    assert res.exit_code == 0 and "Doncaster" in res.stderr and (tmp_path / "d.svg").read_text().startswith("<?xml")
    res = run("report", "-a", "Doncaster", "--format", "markdown", "--output", str(tmp_path / "d.md"))
    assert res.exit_code == 0 and "Doncaster" in (tmp_path / "d.md").read_text()
    for args, message in ((("compare", "Leeds", "-a", "Doncaster"), "name the authority once"),
                          (("chart", "-a", "region:London"), "--authority region:London names 33 authorities")):
        res = run(*args)
        assert res.exit_code == 2 and res.stderr.startswith(f"Error: {message}"), res.stderr


def test_a_table_of_one_authority_has_a_title(run):
    assert run("list", *R, "-a", "Rutland").stdout.startswith("Rutland: 6 visits, oldest first\n")
    both = run("list", *R, env={"COLUMNS": "200"}).stdout  # two authorities: a column, no title
    assert both.split("\n", 1)[0].split() == ["When", "Authority", "Visit", "Kind", "Grade", "or", "theme",
                                              "To", "publish", "Summary"]


def test_list_shows_the_grades_of_an_inspection_without_an_overall_grade(run):
    path = RECORDS / "middlesbrough" / "middlesbrough-2026-ilacs-standard.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert "overall_effectiveness" not in data["judgements"]
    lines = run("list", "-a", "Middlesbrough", "--since", "2026", env={"COLUMNS": "80"}).stdout.splitlines()
    at = lines[1].index("Grade or theme")
    assert lines[3][:at].split() == ["2026-06-08", "middlesbrough-2026-ilacs-standard"]
    row = " ".join(line[at:].strip() for line in lines[3:])
    assert row.startswith("no overall grade; ")
    names = {"leadership": "Leadership", "help_and_protection": "Help and protection",
             "children_in_care": "Children in care", "care_leavers": "Care leavers"}
    for area, grade in data["judgements"].items():
        assert f"{names[area]} {grade.replace('_', ' ')}" in " ".join(row.split())


AREAS = ["overall_effectiveness", "leadership", "help_and_protection", "children_in_care", "adoption",
         "care_leavers", "lscb", "safeguarding", "looked_after_children", "child_protection"]


@pytest.mark.parametrize("area", AREAS)
def test_england_counts_every_area_it_accepts(run, area):
    res = run("england", "--area", area, "--format", "json")
    assert res.exit_code == 0, res.stderr
    data = json.loads(res.stdout)
    england = next(t for t in data["tallies"] if t["scope"] == "England" and t["area"] == area)
    # Counted at its own framework's years: at today's date adoption, the LSCB and the areas before 2013
    # would have no grade anywhere. (Child protection inspections before 2013 covered about a third.)
    assert sum(england["counts"].values()) > 40
    table = run("england", "--area", area, env={"COLUMNS": "100"})
    assert table.exit_code == 0 and " by region" in table.stdout


def test_england_area_words(run):
    assert run("england", "--area", "overall").exit_code == 0
    res = run("england", "--area", "bogus")
    assert res.exit_code == 2
    assert res.stderr == ("Error: --area: 'bogus' is not a judgement area; the areas are " + ", ".join(AREAS) + "\n")


def test_england_counts_over_the_authorities_chosen(run):
    res = run("england", "-a", "Rotherham", "-a", "Barnsley", "-a", "Leeds", "--format", "json")
    data = json.loads(res.stdout)
    assert data["authorities"] == 3 and data["scope"] == "All chosen"
    want: dict[str, int] = {}
    for slug in ("rotherham", "barnsley", "leeds"):  # each at its latest SIF or ILACS inspection
        graded = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in (RECORDS / slug).glob("*.yaml")]
        graded = [g for g in graded if g["kind"].startswith(("sif", "ilacs"))]
        latest = max(graded, key=lambda g: str(g["start"]))
        want[latest["judgements"]["overall_effectiveness"]] = want.get(latest["judgements"]["overall_effectiveness"],
                                                                       0) + 1
    chosen = next(t for t in data["tallies"] if t["scope"] == "All chosen" and t["area"] == "overall_effectiveness")
    assert {g: n for g, n in chosen["counts"].items() if n} == want
    table = run("england", "-a", "Rotherham", "-a", "Barnsley", "-a", "Leeds").stdout
    assert table.startswith("The 3 chosen authorities as at ")


@needs_shared(OFFICIAL)
def test_check_says_its_verdict_on_stderr_and_keeps_json_clean(run):
    release = OFFICIAL / "LA_Inspection_Outcomes_as_at_31_March_2025.ods"
    res = run("check", "--against", str(release), "-a", "Rotherham", "--format", "json")
    assert json.loads(res.stdout) == []
    assert res.stderr == ("No disagreements: the records of 1 authority agree with 'Local authority inspection "
                          "outcomes as at 31 March 2025' (2025-09-25)\n")
