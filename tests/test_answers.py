"""Answers that mean what they say (issue 27): days to publish measured from the end of a visit or not
at all, one "as at" date in the committee paper, England's counting rule named in every output, journeys
that name every authority, and the paper's recommendations. Expected figures are worked out here from
the records' YAML (read with PyYAML) or from Ofsted's release (read with python_calamine)."""

from __future__ import annotations

import csv
import io
import json
import shutil
import sqlite3
import statistics
from collections import Counter
from datetime import date

import yaml
from conftest import GOOD, OFFICIAL, RECORDS, needs_shared, official_sheet, sheet_day, shipped_yaml
from test_context import AREAS_2025, GRADE_KEY


def _csv(text):
    return list(csv.DictReader(io.StringIO(text)))


def _yaml_records():
    return shipped_yaml()


def _day(value):
    """A full date from a YAML value (PyYAML reads YYYY-MM-DD as a date), else None."""
    return value if isinstance(value, date) else None


# ---------------------------------------------------------------------------------------------
# Days to publish: from the last day on site, or empty with the reason
# ---------------------------------------------------------------------------------------------


def test_days_to_publish_are_from_the_end_of_the_visit_or_empty_with_the_reason(run):
    expected = {}
    for d in _yaml_records():
        end, pub = _day(d.get("end")), _day(d.get("published"))
        expected[d["id"]] = (pub - end).days if end and pub else None
    rows = _csv(run("list", "-a", "all", "--format", "csv").stdout)
    assert len(rows) == len(expected)
    for row in rows:
        days = expected[row["id"]]
        assert row["days_to_publish"] == ("" if days is None else str(days)), row["id"]
        assert bool(row["days_to_publish_not_known"]) == (days is None), row["id"]
    # The researcher's median for ILACS inspections: 42 days over the visits whose last day is known
    # (measuring the others from their first day gave 45 over 324).
    ilacs = [d for d in _yaml_records() if d["kind"] in ("ilacs_standard", "ilacs_short")]
    ends = [expected[d["id"]] for d in ilacs if expected[d["id"]] is not None]
    got = [int(r["days_to_publish"]) for r in rows if r["kind"].startswith("ILACS") and r["days_to_publish"]]
    assert sorted(got) == sorted(ends)
    assert statistics.median(got) == statistics.median(ends)
    assert len(got) < len(ilacs)  # some ILACS visits' last day is not in the records: left out, not guessed


def test_show_never_measures_from_the_first_day_as_if_from_the_end(run):
    d = next(d for d in _yaml_records() if _day(d.get("start")) and d.get("end") is None and _day(d.get("published")))
    slug = d["id"].split("-20")[0]
    out = " ".join(run("show", "-a", slug, d["id"]).stdout.split())
    assert f"On site {d['start']} to ?" in out
    assert f"Published {d['published']} (days after the visit ended not known: last day on site not in the sources)" in out
    assert "days after the visit ended)" not in out


def test_list_says_over_how_many_visits_its_median_runs(run):
    records = [d for d in _yaml_records() if d["authority"]["name"] == "Rotherham"]
    days = [(d["published"] - d["end"]).days for d in records if _day(d.get("end")) and _day(d.get("published"))]
    out = " ".join(run("list", "-a", "Rotherham", env={"COLUMNS": "220"}).stdout.split())
    assert (f"Days to publish, from the last day on site: median {statistics.median(days):g} over the {len(days)} "
            f"of {len(records)} visits where both days are known; left out:") in out


def test_sqlite_days_to_publish_are_null_where_the_end_is_not_known(run, tmp_path):
    db = tmp_path / "england.db"
    assert run("export", "-a", "all", "--format", "sqlite", "--output", db).exit_code == 0
    con = sqlite3.connect(db)
    rows = {i: (n, why) for i, n, why in con.execute("select id, days_to_publish, days_to_publish_not_known from visits")}
    con.close()
    for d in _yaml_records():
        end, pub = _day(d.get("end")), _day(d.get("published"))
        n, why = rows[d["id"]]
        if end and pub:
            assert (n, why) == ((pub - end).days, None), d["id"]
        else:
            assert n is None and why, d["id"]


# ---------------------------------------------------------------------------------------------
# england: the rule each output used, Ofsted's own rule by an option, a folder of one authority
# ---------------------------------------------------------------------------------------------

R2025 = OFFICIAL / "LA_Inspection_Outcomes_as_at_31_March_2025.ods"


@needs_shared(R2025)
def test_england_ofsted_rule_reproduces_the_2025_release_and_says_so(run):
    """Ofsted's "as at 31 March 2025" table (sheet Inspections_as_at_31_March, from row 4) counts
    inspections held by 31 March and published by 30 June 2025: Wakefield's of March 2025, published
    18 July, is not in it."""
    table = official_sheet(R2025, "Inspections_as_at_31_March", 2)
    ofsted: Counter = Counter()
    for row in table:
        assert sheet_day(row["Inspection date"]) <= date(2025, 3, 31)
        assert sheet_day(row["Publication date"]) <= date(2025, 6, 30)
        for scope in ("England", row["Ofsted region"].strip()):
            for area, column in AREAS_2025.items():
                ofsted[scope, area, GRADE_KEY.get(str(row[column]).strip(), "none")] += 1
    rows = _csv(run("england", "--as-at", "2025-03-31", "--ofsted", "--format", "csv").stdout)
    ours: Counter = Counter()
    for row in rows:
        assert (row["rule"], row["published_by"]) == ("ofsted", "2025-06-30")
        for g in GRADE_KEY.values():
            ours[row["scope"], row["area"], g] += int(row[g])
        ours[row["scope"], row["area"], "none"] += int(row["not_graded"]) + int(row["not_inspected"])
    assert {k: v for k, v in ours.items() if v} == {k: v for k, v in ofsted.items() if v}
    data = json.loads(run("england", "--as-at", "2025-03-31", "--ofsted", "--format", "json").stdout)
    assert data["rule"] == "ofsted" and data["counted"]["wakefield"] != "wakefield-2025-ilacs-short"
    text = " ".join(run("england", "--as-at", "2025-03-31", "--ofsted").stdout.split())
    assert "held by then and published by 2025-06-30 (Ofsted's rule for its \"as at\" tables)" in text
    assert "not counted: Wakefield (24 March 2025, published 18 July 2025)" in text


def test_england_by_default_says_it_counts_inspections_whenever_published(run):
    data = json.loads(run("england", "--as-at", "2025-03-31", "--format", "json").stdout)
    assert data["rule"] == "held" and data["counted"]["wakefield"] == "wakefield-2025-ilacs-short"
    assert {r["rule"] for r in _csv(run("england", "--as-at", "2025-03-31", "--format", "csv").stdout)} == {"held"}
    text = " ".join(run("england", "--as-at", "2025-03-31").stdout.split())
    assert "held by then, whenever published" in text
    # Without --as-at the date is the latest publication the records hold, never a day past it.
    latest = max(d["published"] for d in _yaml_records() if _day(d.get("published")))
    text = " ".join(run("england").stdout.split())
    assert f"England as at {latest.isoformat()} (the latest publication the records hold)" in text


def test_england_on_a_folder_of_one_authority_says_so(run):
    res = run("england", "--records", RECORDS / "rotherham", env={"COLUMNS": "200"})
    assert res.exit_code == 0, res.stderr
    text = " ".join(res.stdout.split())
    assert "1 authority of the 153 that existed then (the records hold no other)" in text
    assert "The records hold 1 authority (Rotherham) of the 153" in text
    assert "152 others are not counted, neither as inspected nor as not inspected" in text
    data = json.loads(run("england", "--records", RECORDS / "rotherham", "--format", "json").stdout)
    overall = next(t for t in data["tallies"] if t["scope"] == "England" and t["area"] == "overall_effectiveness")
    assert (overall["authorities"], overall["not_inspected"]) == (1, 0)
    assert len(data["authorities_not_in_records"]) == 152


# ---------------------------------------------------------------------------------------------
# journeys: the dates shown are the dates measured between; no authority silently dropped
# ---------------------------------------------------------------------------------------------

GRADED_KINDS = {"sif_inspection", "sif_reinspection", "ilacs_standard", "ilacs_short"}


def test_journeys_show_the_days_took_is_measured_between(run):
    by_id = {d["id"]: d for d in _yaml_records()}
    data = json.loads(run("journeys", "--format", "json").stdout)
    made = [j for j in data["journeys"] if j["status"] == "made"]
    assert made
    for j in made:
        a, b = by_id[j["from_visit"]], by_id[j["to_visit"]]
        key = "start" if j["measured_between"] == "inspection dates" else "published"
        assert (j["from_date"], j["to_date"]) == (str(a[key]), str(b[key])), j["authority"]
        assert int(j["days"]) == (b[key] - a[key]).days
    table = run("journeys", env={"COLUMNS": "200"}).stdout
    for j in made:
        line = next(line for line in table.splitlines() if line.startswith(j["authority"] + "  "))
        assert j["from_date"] in line and j["to_date"] in line and f"{int(j['days']):,} days" in line


def test_journeys_name_authorities_whose_spell_ends_without_an_overall_grade(run):
    """Worked out from the YAML: an authority graded inadequate overall, then (before any good or
    outstanding) inspected under a framework that gives no overall grade."""
    expected = set()
    by_authority: dict[str, list] = {}
    for d in _yaml_records():
        if d["kind"] in GRADED_KINDS:
            by_authority.setdefault(d["authority"]["name"], []).append(d)
    for name, ds in by_authority.items():
        ds.sort(key=lambda d: str(d.get("start") or d.get("published")))
        inadequate = False
        for d in ds:
            overall = (d.get("judgements") or {}).get("overall_effectiveness")
            if overall is None and inadequate:
                expected.add(name)
                inadequate = False
            elif overall == "inadequate":
                inadequate = True
            elif overall in ("good", "outstanding"):
                inadequate = False
    assert {"Liverpool", "South Tyneside"} <= expected
    data = json.loads(run("journeys", "--format", "json").stdout)
    assert {j["authority"] for j in data["journeys"] if j["status"] == "not comparable"} == expected
    text = " ".join(run("journeys", env={"COLUMNS": "200"}).stdout.split())
    assert "Not comparable: inspected since under the framework from April 2026" in text
    assert "South Tyneside 2022-12-05 2026-06-15 Good Good Good Outstanding" in text


# ---------------------------------------------------------------------------------------------
# The committee paper: one "as at" day, one way of writing a share, the recommendations in full
# ---------------------------------------------------------------------------------------------


def _england_overall(as_at: date) -> Counter:
    """Each current authority's overall grade at its latest SIF or ILACS inspection published by ``as_at``
    (current: the 153 area codes of the 2025 release's Inspections_as_at_31_March sheet)."""
    current = {str(r["Local authority area code"]).strip() for r in official_sheet(R2025, "Inspections_as_at_31_March", 2)}
    latest: dict[str, tuple] = {}
    for d in _yaml_records():
        code = d["authority"].get("ons_code")
        pub = _day(d.get("published"))
        if d["kind"] not in GRADED_KINDS or code not in current or pub is None or pub > as_at:
            continue
        key = (_day(d.get("start")) or pub, d["id"])
        if code not in latest or key > latest[code][0]:
            latest[code] = (key, (d.get("judgements") or {}).get("overall_effectiveness"))
    assert len(latest) == len(current) == 153
    return Counter(overall for _, overall in latest.values())


@needs_shared(R2025)
def test_the_paper_is_as_at_one_day_and_writes_shares_as_england_does(run, tmp_path):
    out = tmp_path / "r.md"
    assert run("report", "--as-at", "2025-12-16", "-f", "markdown", "-o", out).exit_code == 0
    md = " ".join(out.read_text(encoding="utf-8").split())
    then = _england_overall(date(2025, 12, 16))
    assert then["outstanding"] == 41
    assert "Ofsted's judgements as at 16 December 2025: every figure here counts the inspections and visits " \
           "published by that day" in md
    assert f"Rotherham is one of {then['outstanding']} of England's 153 authorities graded outstanding" in md
    graded = sum(n for g, n in then.items() if g)
    assert "| Outstanding | " in md and f"| {then['outstanding']} ({round(100 * then['outstanding'] / graded)}%) |" in md
    # by default the paper is as at the latest day in the records, and its shares are of the authorities
    # with an overall grade, as `england` writes them
    now_day = max(d["published"] for d in _yaml_records() if _day(d.get("published")))
    now = _england_overall(now_day)
    graded = sum(n for g, n in now.items() if g)
    share = f"{round(100 * now['outstanding'] / graded)}%"
    assert share == "32%"
    assert run("report", "-f", "markdown", "-o", out, "--force").exit_code == 0
    md = out.read_text(encoding="utf-8")
    assert "| Outstanding | " in md and f"| {now['outstanding']} ({share}) |" in md
    assert f"of the {graded} with one" in md
    england = " ".join(run("england", env={"COLUMNS": "200"}).stdout.split())
    assert f"Overall effectiveness {now['outstanding']} ({share})" in england


def _latest_graded(slug: str) -> dict:
    ds = [d for d in _yaml_records() if d["id"].startswith(slug + "-") and d["kind"] in GRADED_KINDS]
    return max(ds, key=lambda d: (str(d.get("start") or d.get("published")), d["id"]))


def test_the_paper_lists_the_latest_inspections_recommendations_in_full(run, tmp_path):
    devon = _latest_graded("devon")
    assert len(devon["recommendations"]) == 6
    out = tmp_path / "devon.md"
    assert run("report", "Devon", "-f", "markdown", "-o", out).exit_code == 0
    md = out.read_text(encoding="utf-8")
    assert "## What the latest inspection asked for" in md
    for i, text in enumerate(devon["recommendations"], 1):
        assert f"{i}. {' '.join(text.split())}" in md
    html = tmp_path / "devon.html"
    assert run("report", "Devon", "-o", html).exit_code == 0
    page = html.read_text(encoding="utf-8")
    assert page.count("<li>") - page.count('<li><a') >= 6
    assert "all 6 points the records hold from its report" in " ".join(page.split())


def test_the_paper_says_when_the_records_hold_no_recommendations(run, tmp_path):
    folder = tmp_path / "records"
    shutil.copytree(GOOD, folder)
    out = tmp_path / "slough.md"
    assert run("report", "Slough", "--records", folder, "-f", "markdown", "-o", out).exit_code == 0
    md = " ".join(out.read_text(encoding="utf-8").split())
    assert yaml.safe_load((folder / "slough-2019-ilacs-standard.yaml").read_text()).get("recommendations") in (None, [])
    assert "The records hold none of the recommendations of the latest graded inspection (ILACS standard, " \
           "October 2019)." in md


def test_recommendation_text_from_a_record_stays_escaped_in_the_html(run, tmp_path):
    folder = tmp_path / "records"
    shutil.copytree(GOOD, folder)
    path = folder / "rutland-2025-ilacs-short.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["recommendations"] = ["<script>alert('rec')</script> & <b>bold</b>"]
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    out = tmp_path / "r.html"
    res = run("report", "Rutland", "--records", folder, "-o", out)
    assert res.exit_code == 0, res.stderr
    page = out.read_text(encoding="utf-8")
    assert "<script" not in page and "<b>" not in page
    assert "&lt;script&gt;alert(&#39;rec&#39;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;" in page
