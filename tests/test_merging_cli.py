"""Sources merge into one record set: both releases in either order, reports, curated records, --authority."""

from __future__ import annotations

import shutil

import pytest
import yaml
from conftest import GOOD, OFFICIAL, RECORDS, REPORTS, needs_shared

R2025 = OFFICIAL / "LA_Inspection_Outcomes_as_at_31_March_2025.ods"
R2023 = OFFICIAL / "Childrens_social_care_in_England_2023_underlying_data.ods"
ROTHERHAM_REPORTS = ["rotherham-2014-11-19-sif-inspection.pdf", "rotherham-2018-01-29-sif-reinspection.pdf",
                     "rotherham-2022-08-12-ilacs-short-inspection.pdf"]


def tree(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*.yaml"))}


def load(path):
    return yaml.safe_load(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def both_orders(tmp_path_factory):
    """The two releases imported into two empty folders, in the two orders (with the commands' stderr)."""
    from typer.testing import CliRunner

    from rotherham_cli.cli import app

    out = {}
    for name, order in (("a", (R2023, R2025)), ("b", (R2025, R2023))):
        folder = tmp_path_factory.mktemp(name)
        logs = []
        for release in order:
            res = CliRunner().invoke(app, ["import-official", str(release), "--output", str(folder)],
                                     env={"NO_COLOR": "1"})
            assert res.exit_code == 0, res.stderr
            logs.append(res.stderr)
        out[name] = (folder, logs)
    return out


@needs_shared(OFFICIAL)
def test_both_releases_in_either_order_give_the_same_bytes(both_orders):
    (a, _), (b, _) = both_orders["a"], both_orders["b"]
    ta, tb = tree(a), tree(b)
    assert len(ta) == 781
    assert ta == tb


@needs_shared(OFFICIAL)
def test_no_visit_twice_and_every_disagreement_reported(both_orders, run):
    folder, logs = both_orders["a"]
    assert run("validate", "--records", folder).stdout == "781 records OK\n"
    disagreements = sorted(line.split(": ", 1)[1].replace(f"{folder}/", "")
                           for line in logs[1].splitlines() if line.startswith("Disagreement: "))
    assert disagreements == [
        "cumbria/cumbria-2022-ilacs-standard.yaml: start: the record holds 2022-09-20, official-2023 gives 2022-09-21",
        "merton/merton-2022-ilacs-short.yaml: kind: the record holds ilacs_short, official-2023 gives ilacs_standard",
        "nottingham/nottingham-2022-ilacs-standard.yaml: published: the record holds 2022-09-05, "
        "official-2023 gives 2022-11-05",
    ]
    merton = load(folder / "merton" / "merton-2022-ilacs-short.yaml")
    assert "Sources disagree on kind: official-2023 gives ilacs_standard; the record holds ilacs_short." in merton["notes"]
    assert [s["id"] for s in merton["sources"]] == ["official-2023", "official-2025"]
    assert merton["sources"][1]["where"] == "sheet ILACS_inspection_history row 150; sheet Inspections_as_at_31_March row 82"
    # a 2022 inspection the two releases call short and standard is one record, and diff does not
    # compare it with itself
    listed = run("list", "--records", folder, "-a", "Merton", "--kind", "graded", "--format", "csv").stdout
    assert [line.split(",")[1] for line in listed.splitlines()[1:]] == [
        "merton-2012-slac", "merton-2017-sif-inspection", "merton-2022-ilacs-short"]


@needs_shared(OFFICIAL)
def test_importing_into_the_shipped_records_only_adds_sources_to_the_curated_ones(run, tmp_path):
    folder = tmp_path / "records"
    shutil.copytree(RECORDS, folder)
    before = {p.name: load(p) for p in (folder / "rotherham").glob("*.yaml")}
    for release in (R2025, R2023):
        res = run("import-official", release, "--output", folder)
        assert res.exit_code == 0, res.stderr
        assert "rotherham" not in res.stderr.split("Merged")[0]  # no disagreement with Rotherham's records
    after = {p.name: load(p) for p in (folder / "rotherham").glob("*.yaml")}
    assert sorted(after) == sorted(before)  # no second record of any Rotherham visit
    for name, old in before.items():
        new = after[name]
        assert {k: v for k, v in new.items() if k != "sources"} == {k: v for k, v in old.items() if k != "sources"}
        assert [s["id"] for s in new["sources"]] == [s["id"] for s in old["sources"]]
        for s_old, s_new in zip(old["sources"], new["sources"], strict=True):
            provenance = ("facts", "differs", "where", "notes")
            assert {k: v for k, v in s_new.items() if k not in provenance} == \
                {k: v for k, v in s_old.items() if k not in provenance}
    assert run("show", "2022", "--records", folder).exit_code == 0
    assert run("validate", "--records", folder).stdout.endswith(" records OK\n")


@needs_shared(REPORTS)
def test_reports_merge_into_the_release_records_and_a_second_run_changes_nothing(run, tmp_path):
    folder = tmp_path / "set"
    assert run("import-official", R2025, "--output", folder, "-a", "Rotherham").exit_code == 0
    files = [REPORTS / f for f in ROTHERHAM_REPORTS]
    res = run("import-report", *files, "--output", folder)
    assert res.exit_code == 0, res.stderr
    assert res.stderr.splitlines()[-1] == (
        f"Merged 3 records from 3 of 3 reports read into {folder}: 2 new, 1 completed, 0 unchanged, 0 disagreements")
    record = load(folder / "rotherham" / "rotherham-2022-ilacs-short.yaml")
    assert [s["id"] for s in record["sources"]] == ["report", "official-2025"]
    assert str(record["end"]) == "2022-07-01" and record["inspectors"][0]["name"] == "Neil Penswick"
    again = run("import-report", *files, "--output", folder)
    assert again.stderr.splitlines()[-1].endswith(": 0 new, 0 completed, 3 unchanged, 0 disagreements")


@needs_shared(REPORTS)
def test_import_report_refuses_a_file_name_that_is_not_the_id_before_saying_anything_else(run, tmp_path):
    out = tmp_path / "gateshead.yaml"
    res = run("import-report", REPORTS / "gateshead-2025-01-29.pdf", "--output", out)
    assert (res.exit_code, res.stdout, res.stderr) == (
        2, "", f"Error: {out}: a record's file is named by its id; write it to "
        f"{tmp_path / 'gateshead-2024-ilacs-short.yaml'}\n")
    assert not out.exists()


def test_authority_by_any_spelling_region_neighbours_and_repeated(run, tmp_path):
    folder = tmp_path / "r"
    shutil.copytree(GOOD, folder)
    for name, f in (("Telford and Wrekin", "rutland-2022-ilacs-short"), ("Barnsley", "rutland-2025-ilacs-short")):
        text = (GOOD / f"{f}.yaml").read_text().replace("name: Rutland", f"name: {name}")
        text = text.replace("  la_number: 857\n", "").replace("  ons_code: E06000017\n", "")
        slug = name.lower().replace(" ", "-")
        new_id = f.replace("rutland", slug)
        (folder / f"{new_id}.yaml").write_text(text.replace(f"id: {f}", f"id: {new_id}"))
    assert run("validate", "--records", folder).stdout == "9 records OK\n"

    def ids(*args, env=None):
        res = run("list", "--records", folder, *args, "--format", "csv", env=env)
        assert res.exit_code == 0, res.stderr
        return [line.split(",")[1] for line in res.stdout.splitlines()[1:]]

    assert ids("-a", "Telford & Wrekin") == ["telford-and-wrekin-2022-ilacs-short"]
    assert ids("-a", "TELFORD AND WREKIN COUNCIL") == ["telford-and-wrekin-2022-ilacs-short"]
    assert ids("-a", "neighbours:Rotherham") == ["telford-and-wrekin-2022-ilacs-short", "barnsley-2025-ilacs-short"]
    assert ids("-a", "region:North East, Yorkshire and the Humber") == ["barnsley-2025-ilacs-short"]
    assert ids("-a", "Slough", "-a", "E08000016") == ["slough-2019-ilacs-standard", "barnsley-2025-ilacs-short"]
    assert len(ids("-a", "all")) == 9
    assert len(ids()) == 9  # no record of the home authority here: every authority
    assert ids(env={"JUDGEMENTS_AUTHORITY": "Slough"}) == ["slough-2019-ilacs-standard"]


def test_the_home_authority_is_rotherham_and_can_be_changed(run):
    res = run("list", "--format", "csv")
    assert res.exit_code == 0 and all(",Rotherham," in line for line in res.stdout.splitlines()[1:])
    bad = run("list", env={"JUDGEMENTS_AUTHORITY": "Nowhere"})
    assert (bad.exit_code, bad.stderr) == (2, "Error: $JUDGEMENTS_AUTHORITY: no authority 'Nowhere'\n")
