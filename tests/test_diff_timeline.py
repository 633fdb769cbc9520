"""`judgements diff` and `judgements timeline` on the real records and on fixtures."""

import csv
import io
import json

from conftest import GOOD, conforms

from rotherham_cli.diff import compare_grades
from rotherham_cli.vocab import Grade

R = ("--records", str(GOOD))


def lines(text):
    return [line.rstrip() for line in text.splitlines()]


def test_compare_grades_steps():
    assert compare_grades(Grade.INADEQUATE, Grade.OUTSTANDING) == ("improved", 3)
    assert compare_grades(Grade.GOOD, Grade.REQUIRES_IMPROVEMENT) == ("declined", 1)
    assert compare_grades(Grade.ADEQUATE, Grade.REQUIRES_IMPROVEMENT) == ("unchanged", 0)
    assert compare_grades(None, Grade.GOOD) == ("newly_judged", 0)
    assert compare_grades(Grade.GOOD, None) == ("no_longer_judged", 0)


def test_diff_2014_2017_on_rotherham(run):
    res = run("diff", "2014", "2017")
    assert res.exit_code == 0, res.stderr
    out = lines(res.stdout)
    assert out[0] == ("Rotherham: from rotherham-2014-sif-inspection (2014-09-16) to rotherham-2017-sif-reinspection "
                      "(2017-11-06)")
    rows = {line[:24].strip(): line[24:].split("  ") for line in out[3:10]}
    cells = {k: [c.strip() for c in v if c.strip()] for k, v in rows.items()}
    assert cells == {
        "Overall effectiveness": ["Inadequate", "Good", "↑ improved by 2 steps"],
        "Leadership": ["Inadequate", "Good", "↑ improved by 2 steps"],
        "Help and protection": ["Inadequate", "Good", "↑ improved by 2 steps"],
        "Children in care": ["Inadequate", "Requires improvement to be good", "↑ improved by 1 step"],
        "Adoption": ["Requires improvement to be good", "Good", "↑ improved by 1 step"],
        "Care leavers": ["Inadequate", "Outstanding", "↑ improved by 3 steps"],
        "LSCB": ["Inadequate", "not judged", "no longer judged"],
    }
    assert out[10] == "6 improved, 0 declined, 0 unchanged, 1 no longer judged"
    assert "  2016-11-21*  rotherham-2016-monitoring-visit — Looked after children" in out
    assert "  2017-03-13*  rotherham-2017-monitoring-visit — Children in need of help and protection" in out


def test_diff_json_is_the_stable_interface(run):
    data = json.loads(run("diff", "2014", "2017", "--format", "json").stdout)
    assert (data["from"], data["to"]) == ("rotherham-2014-sif-inspection", "rotherham-2017-sif-reinspection")
    assert [(a["area"], a["from"], a["to"], a["change"], a["steps"]) for a in data["areas"]] == [
        ("overall_effectiveness", "inadequate", "good", "improved", 2),
        ("leadership", "inadequate", "good", "improved", 2),
        ("help_and_protection", "inadequate", "good", "improved", 2),
        ("children_in_care", "inadequate", "requires_improvement", "improved", 1),
        ("adoption", "requires_improvement", "good", "improved", 1),
        ("care_leavers", "inadequate", "outstanding", "improved", 3),
        ("lscb", "inadequate", None, "no_longer_judged", 0),
    ]
    assert set(data["themes"]) == {"no_longer_raised", "still_raised", "newly_raised"}
    assert [b["id"] for b in data["between"]] == [
        "rotherham-2016-monitoring-visit", "rotherham-2017-monitoring-visit"]
    assert data["between"][0]["theme"] == "looked_after_children"


def test_diff_defaults_to_previous_and_latest(run):
    data = json.loads(run("diff", "--format", "json").stdout)
    assert (data["from"], data["to"]) == ("rotherham-2022-ilacs-short", "rotherham-2025-ilacs-short")
    care_leavers = next(a for a in data["areas"] if a["area"] == "care_leavers")
    assert care_leavers == {
        "area": "care_leavers", "from": None, "to": "good", "change": "newly_judged", "steps": 0,
        "note": "ILACS before 2023 judged care leavers within children in care; "
                "ILACS from 2023 judges care leavers separately",
    }
    assert [b["id"] for b in data["between"]] == ["rotherham-2024-05-focused-visit"]


def test_diff_across_the_sif_ilacs_boundary(run):
    res = run("diff", "rutland-2015-sif-inspection", "rutland-2022-ilacs-short", *R)
    out = lines(res.stdout)
    assert "Children in care        Requires improvement to be good   Good" \
        "                       ↑ improved by 1 step [3]" in out
    assert any(line.startswith("[3] wording differs: 'Children looked after and achieving permanence' / ") for line in out)
    data = json.loads(run("diff", "rutland-2015-sif-inspection", "rutland-2022-ilacs-short", *R,
                          "--format", "json").stdout)
    changes = {a["area"]: (a["change"], a["steps"]) for a in data["areas"]}
    assert changes == {
        "overall_effectiveness": ("improved", 2), "leadership": ("improved", 2),
        "help_and_protection": ("improved", 2), "children_in_care": ("improved", 1),
        "adoption": ("no_longer_judged", 0), "care_leavers": ("no_longer_judged", 0), "lscb": ("no_longer_judged", 0),
    }
    assert data["themes"] == {
        "no_longer_raised": ["management_oversight", "workforce_stability"],
        "still_raised": [],
        "newly_raised": ["quality_assurance", "identity"],
    }
    assert [b["id"] for b in data["between"]] == [*["rutland-2016-monitoring-visit", "rutland-2017-sif-reinspection"][:1], "rutland-2019-03-focused-visit"]


def test_diff_with_an_ungraded_side(run):
    res = run("diff", "rutland-2016-monitoring-visit", "rutland-2017-sif-reinspection", *R)
    out = lines(res.stdout)
    assert res.exit_code == 0
    assert any(line.startswith("Overall effectiveness   not graded (monitoring visit)") for line in out)
    assert "  Still raised: permanence" in out
    assert "  No longer raised: none" in out
    assert "  Newly raised: quality of plans, management oversight and supervision" in out
    data = json.loads(run("diff", "rutland-2016-monitoring-visit", "rutland-2017-sif-reinspection", *R,
                          "--format", "json").stdout)
    assert all(a["from"] is None and a["change"] == "newly_judged" for a in data["areas"])
    assert data["themes"]["still_raised"] == ["permanence"]


def test_diff_errors_are_one_line(run):
    res = run("diff", "2014", "2099")
    assert (res.exit_code, res.stdout) == (1, "")
    assert res.stderr.count("\n") == 1 and res.stderr.startswith("Error: no visit in 2099;")
    res = run("diff", "2014")
    assert (res.exit_code, res.stderr) == (2, "Error: give two visits, or none to compare 'previous' with 'latest'\n")
    res = run("diff", "2014", "2014")
    assert (res.exit_code, res.stderr) == (2, "Error: both sides are rotherham-2014-sif-inspection; name two different "
                                              "visits\n")
    res = run("diff", "rutland-2015-sif-inspection", "slough-2019-ilacs-standard", *R)
    assert (res.exit_code, res.stderr) == (
        2, "Error: rutland-2015-sif-inspection and slough-2019-ilacs-standard are visits to different "
           "authorities\n")


def test_timeline_fits_one_screen_at_120_columns(run):
    res = run("timeline")
    assert res.exit_code == 0
    out = lines(res.stdout)
    assert max(map(len, out)) <= 120
    assert len(out) <= 40
    assert out[0] == "Rotherham: grades by area at each of 6 graded inspections, oldest first"
    assert out[1].split() == ["2010", "2014", "2017"]
    assert out[2].split() == ["SLAC", "2012", "SIF", "SIF", "2022", "2025"]
    overall = next(line for line in out if line.startswith("Overall effectiveness"))
    assert overall.split("  ") and [c.strip() for c in overall[24:].split("   ") if c.strip()] == [
        "·", "·", "Inadequate", "↑ Good", "Good", "↑ Outstanding"]
    leavers = next(line for line in out if line.startswith("Care leavers"))
    assert [c.strip() for c in leavers[24:].split("   ") if c.strip()] == [
        "·", "·", "Inadequate", "↑ Outstanding", "·", "↓ Good"]
    visits = out.index(next(line for line in out if line.startswith("Visits before")))
    assert "Monitoring" in out[visits] and "Focused visit" in out[visits]


def test_timeline_json_and_csv(run):
    data = json.loads(run("timeline", "--format", "json").stdout)
    assert [c["id"] for c in data["inspections"]] == [
        "rotherham-2010-slac", "rotherham-2012-cpi", "rotherham-2014-sif-inspection",
        "rotherham-2017-sif-reinspection", "rotherham-2022-ilacs-short", "rotherham-2025-ilacs-short"]
    assert data["inspections"][4]["visits_before"] == ["rotherham-2019-03-focused-visit", "rotherham-2020-focused-visit"]
    oe = next(a for a in data["areas"] if a["area"] == "overall_effectiveness")["grades"]
    assert oe[2:] == [
        {"grade": "inadequate", "change": None, "steps": 0},
        {"grade": "good", "change": "improved", "steps": 2},
        {"grade": "good", "change": "unchanged", "steps": 0},
        {"grade": "outstanding", "change": "improved", "steps": 1},
    ]
    rows = list(csv.reader(io.StringIO(run("timeline", "--format", "csv", "--since", "2014").stdout)))
    assert rows[0] == ["area", "rotherham-2014-sif-inspection", "rotherham-2017-sif-reinspection",
                       "rotherham-2022-ilacs-short", "rotherham-2025-ilacs-short"]
    assert rows[1] == ["overall_effectiveness", "Inadequate", "Good (improved 2)", "Good", "Outstanding (improved 1)"]


def test_timeline_needs_one_authority(run):
    res = run("timeline", *R)
    assert (res.exit_code, res.stderr) == (
        2, "Error: the records hold 2 authorities; choose one with --authority NAME\n")


def test_the_json_of_diff_timeline_and_check_is_what_schema_declares(run, tmp_path):
    """`judgements schema diff|timeline|check` describes exactly what --format json writes."""
    outputs = {
        "diff": [run("diff", "-f", "json"), run("diff", "2014", "2017", "-f", "json"),
                 run("diff", "rotherham-2019-03-focused-visit", "latest", "-f", "json")],
        "timeline": [run("timeline", "-f", "json"), run("timeline", "-a", "Cumbria", "-f", "json")],
    }
    for what, results in outputs.items():
        schema = json.loads(run("schema", what).stdout)
        assert schema["title"] == f"judgements {what} --format json"
        for res in results:
            data = json.loads(res.stdout)
            assert conforms(data, schema, schema.get("$defs", {})), (what, res.stdout[:300])
    # A wrong shape does not conform: the check can fail.
    schema = json.loads(run("schema", "diff").stdout)
    data = json.loads(run("diff", "-f", "json").stdout)
    data["areas"][0]["change"] = "sideways"
    assert not conforms(data, schema, schema["$defs"])
    del data["themes"]
    assert not conforms(data, schema, schema["$defs"])
