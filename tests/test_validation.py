"""Every validation rule: one broken fixture each, the exact one-line message, exit code 1."""

import shutil

import pytest
from conftest import BROKEN, GOOD

from rotherham_cli.loader import load_file, load_records
from rotherham_cli.models import PartialDate

EXPECTED = {
    "unknown-key.yaml": "14:1: colour: unknown field 'colour'; expected one of: id, authority, kind, framework, "
    "start, end, published, inspectors, judgements, theme, outcome, areas_for_improvement, "
    "areas_for_priority_action, headline, summary, findings, recommendations, notes, sources",
    "area-not-graded.yaml": "14:9: judgements.lscb: lscb is not graded in an ILACS standard inspection under "
    "ilacs (it grades overall_effectiveness, leadership, help_and_protection, children_in_care)",
    "graded-no-grades.yaml": "1:1: judgements: an ILACS standard inspection is graded; give its judgements",
    "grades-on-visit.yaml": "10:3: judgements: a focused visit (kind focused_visit) is not graded; remove the "
    "judgements",
    "end-before-start.yaml": "7:6: end: end 2019-09-18 is before start 2019-10-07",
    "published-before-end.yaml": "8:12: published: published 2019-10-01 is before the visit ended (2019-10-18)",
    "id-mismatch.yaml": "1:5: id: 'rutland-2019-ilacs-standard' does not match the file name 'id-mismatch'",
    "rutland-2019-10-07-ilacs-standard.yaml": "1:5: id: 'rutland-2019-10-07-ilacs-standard' does not follow the id "
    "rule: it should be 'rutland-2019-ilacs-standard'",
    "hul-2019-ilacs-standard.yaml": "3:9: authority.name: no authority 'Hul'; did you mean Kingston upon Hull?",
    "no-source.yaml": "1:1: sources: a record needs at least one source",
    "not-a-mapping.yaml": "1:1: a record must be a YAML mapping of fields, but this is a list",
    "bad-grade.yaml": "10:26: judgements.overall_effectiveness: 'outstandin' is not a grade; "
    "did you mean 'outstanding'?",
    # Area SEND: an outcome is not a grade, and belongs to an area SEND inspection only.
    "outcome-on-visit.yaml": "9:10: outcome: only an area SEND inspection has an outcome; a focused visit does not",
    "grades-on-send.yaml": "10:3: judgements: an area SEND inspection (kind area_send) is not graded; it ends "
    "in an outcome, not grades",
    "grade-as-outcome.yaml": "8:10: outcome: 'good' is not an area SEND outcome (one of positive, inconsistent, "
    "significant_concerns)",
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_rule_gives_its_line(name, run, tmp_path):
    shutil.copy(BROKEN / name, tmp_path / name)
    res = run("validate", "--records", tmp_path)
    assert res.exit_code == 1
    assert res.stdout == ""
    lines = res.stderr.splitlines()
    assert lines == [f"{tmp_path / name}:{EXPECTED[name]}", "1 problem in 1 file"]
    assert "Traceback" not in res.stderr


def test_duplicate_ids(run, tmp_path):
    for name in ("rutland-2019-ilacs-standard.yaml", "rutland-2019-ilacs-standard.yml"):
        shutil.copy(BROKEN / name, tmp_path / name)
    res = run("validate", "--records", tmp_path)
    assert res.exit_code == 1
    assert res.stderr.splitlines() == [
        f"{tmp_path / 'rutland-2019-ilacs-standard.yml'}:1:1: id: duplicate id 'rutland-2019-ilacs-standard' "
        f"(also in {tmp_path / 'rutland-2019-ilacs-standard.yaml'})",
        "1 problem in 1 file",
    ]


def test_every_problem_in_every_file_is_reported(run):
    res = run("validate", "--records", BROKEN)
    assert res.exit_code == 1
    lines = res.stderr.splitlines()
    # rutland-2019-ilacs-standard.yaml itself is fine; its twin (.yml) is not
    assert lines[-1] == "16 problems in 16 files"
    for name, tail in EXPECTED.items():
        assert f"{BROKEN / name}:{tail}" in lines


def test_several_problems_in_one_file_are_all_reported(tmp_path):
    path = tmp_path / "many.yaml"
    path.write_text(
        "id: many\nauthority: {name: X}\nkind: ilacs_short\nframework: ilacs\n"
        "judgements: {leadership: goood, bogus: good}\nfindings:\n  - kind: strength\n    text: t\n"
        "    themes: [earlyhelp]\nsources: []\n"
    )
    record, problems = load_file(path, "many.yaml")
    assert record is None
    assert [str(p) for p in problems] == [
        "many.yaml:5:26: judgements.leadership: 'goood' is not a grade; did you mean 'good'?",
        "many.yaml:5:33: judgements.bogus: 'bogus' is not a judgement area",
        "many.yaml:9:14: findings[0].themes[0]: 'earlyhelp' is not a finding theme; did you mean 'early_help'?",
        "many.yaml:10:10: sources: a record needs at least one source",
    ]


def test_validate_ok(run):
    res = run("validate", "--records", GOOD)
    assert res.exit_code == 0
    assert res.stdout == "7 records OK\n"
    assert res.stderr == ""


def test_good_fixtures_load_with_older_wordings_read():
    result = load_records(GOOD)
    assert not result.problems
    sif = next(r for r in result.records if r.id == "rutland-2015-sif-inspection")
    assert sif.judgements["children_in_care"].value == "requires_improvement"  # "Requires improvement"
    assert sif.judgements["overall_effectiveness"].value == "inadequate"  # "Inadequate"


@pytest.mark.parametrize(
    ("text", "earliest", "latest"),
    [("2019", "2019-01-01", "2019-12-31"), ("2019-02", "2019-02-01", "2019-02-28"),
     ("2020-02", "2020-02-01", "2020-02-29"), ("2014-09-16", "2014-09-16", "2014-09-16")],
)
def test_partial_dates(text, earliest, latest):
    d = PartialDate.parse(text)
    assert (str(d.earliest), str(d.latest), str(d)) == (earliest, latest, text)


@pytest.mark.parametrize("bad", ["2014-13-45", "14-09-2014", "2014/09/16", "1850"])
def test_bad_dates_refused(bad):
    with pytest.raises(ValueError):
        PartialDate.parse(bad)
