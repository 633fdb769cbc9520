"""Answers that mean what they say (issue 27): days to publish measured from the end of a visit or not
at all, one "as at" date in the committee paper, England's counting rule named in every output, journeys
that name every authority, and the paper's recommendations. Expected figures are worked out here from
the records' YAML (read with PyYAML) or from Ofsted's release (read with python_calamine)."""

from __future__ import annotations

import csv
import io
import sqlite3
import statistics
from datetime import date

import yaml
from conftest import RECORDS


def _csv(text):
    return list(csv.DictReader(io.StringIO(text)))


def _yaml_records():
    return [yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted(RECORDS.rglob("*.yaml"))]


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
