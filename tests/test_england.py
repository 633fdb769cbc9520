"""The shipped national record set: built from ../shared by the build script, and true to Ofsted's figures."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections import Counter
from datetime import date, datetime

import pytest
from conftest import OFFICIAL, RECORDS, REPORTS, ROOT, needs_shared, report_index

from rotherham_cli.loader import load_records

R2025 = OFFICIAL / "LA_Inspection_Outcomes_as_at_31_March_2025.ods"
AREAS_2025 = {  # column of the sheet -> judgement key of a record
    "Overall effectiveness": "overall_effectiveness",
    "The impact of leaders on social work practice with children and families": "leadership",
    "The experiences and progress of children who need help and protection": "help_and_protection",
    "The experiences and progress of children in care": "children_in_care",
    "The experiences and progress of care leavers": "care_leavers",
}
GRADED = {"ilacs_standard", "ilacs_short", "sif_inspection", "sif_reinspection"}


@pytest.fixture(scope="module")
def shipped():
    result = load_records(RECORDS)
    assert result.problems == []
    return result.records


def test_every_current_authority_is_there_with_its_inspections(shipped):
    from rotherham_cli.authorities import current
    from rotherham_cli.identity import authority_slug

    slugs = Counter(authority_slug(r) for r in shipped)
    assert {a.slug for a in current()} <= set(slugs)
    assert len(shipped) > 800
    assert sum(r.graded for r in shipped) > 650


def test_every_record_says_where_each_fact_came_from(shipped):
    import json

    from rotherham_cli.recordset import AUTHORITY_CODES, fact_paths, is_curated

    # An LA number or GSS code no source claims comes from the register (issue 27: no report prints
    # them, no release gives LA numbers): it must be the register's for the authority's name.
    register = json.loads((ROOT / "rotherham_cli" / "data" / "authorities.json").read_text(encoding="utf-8"))
    by_name = {a["name"]: a for a in register["authorities"]}
    for r in shipped:
        data = r.model_dump(mode="json", exclude_none=True)
        if is_curated(data):
            continue
        claimed = {f for s in r.sources for f in s.facts}
        assert set(fact_paths(data)) - set(AUTHORITY_CODES) <= claimed, r.id
        entry = by_name[r.authority.name]
        assert r.authority.la_number == entry["la_number"], r.id
        if "authority.ons_code" not in claimed and r.authority.ons_code:
            assert r.authority.ons_code in {c["code"] for c in entry["codes"]}, r.id
        for s in r.sources:  # each source can be found: a file (and where in it, or its address); one not
            # read for the record (an area SEND report the overview names) claims no fact and gives its address
            assert (s.file and (s.where or s.url)) or (s.url and not s.facts), (r.id, s.id)


def _sheet(name):
    from python_calamine import CalamineWorkbook

    rows = CalamineWorkbook.from_path(str(R2025)).get_sheet_by_name(name).to_python()
    header = rows[2]
    return [dict(zip(header, row, strict=True)) for row in rows[3:] if any(str(c).strip() for c in row)]


def _day(cell) -> date:
    return cell.date() if isinstance(cell, datetime) else date.fromisoformat(str(cell)[:10])


@needs_shared(OFFICIAL)
def test_the_latest_grades_as_at_31_march_2025_are_ofsteds_headline_table(shipped):
    """Ofsted's table counts each current authority's latest inspection held by 31 March 2025 among the
    reports published when the release was made (its last publication date); the shipped records,
    taken the same way, give every authority the same inspection and the same grades, and so the
    same counts at each grade of each judgement."""
    from rotherham_cli.authorities import resolve
    from rotherham_cli.identity import authority_slug

    history = _sheet("ILACS_inspection_history")
    known_until = max(_day(row["Publication date"]) for row in history)
    as_at = date(2025, 3, 31)
    latest = {}
    for r in shipped:
        if r.kind.value not in GRADED or r.start is None or r.start.earliest > as_at:
            continue
        if r.published is None or r.published.earliest > known_until:
            continue
        slug = authority_slug(r)
        if slug not in latest or r.start.earliest > latest[slug].start.earliest:
            latest[slug] = r
    table = _sheet("Inspections_as_at_31_March")
    assert len(table) == 153
    ofsted, ours = Counter(), Counter()
    for row in table:
        slug = resolve(row["Local authority area code"]).slug
        rec = latest[slug]
        assert str(rec.start) == _day(row["Inspection date"]).isoformat(), slug
        for column, area in AREAS_2025.items():
            cell = str(row[column]).strip()
            grade = rec.judgements.get(area)
            ofsted[area, cell] += 1
            ours[area, grade.on_scale.label if grade else ""] += 1
    assert ours == ofsted
    assert ofsted["overall_effectiveness", "Inadequate"] == 19


@pytest.mark.slow  # the corpus: every report read once (about 15 s) unless test_corpus.py read it already
def test_every_inspection_published_after_march_2025_has_the_grades_on_its_report(shipped, corpus):
    by_file = {}
    for r in shipped:
        for s in r.sources:
            if s.file and s.file.endswith(".pdf"):
                by_file[s.file.rsplit("/", 1)[-1]] = r
    later = [row for row in report_index() if row["published"] > "2025-03-31"]
    assert len(later) == 62
    for row in later:
        rec = by_file[row["file"]]
        read = corpus[row["file"]].data
        assert {a.value: g.value for a, g in rec.judgements.items()} == read["judgements"], row["file"]
        assert str(rec.published) == row["published"], row["file"]
    without_overall = [row for row in later if "overall_effectiveness" not in by_file[row["file"]].judgements]
    assert len(without_overall) >= 10  # the April 2026 framework makes no overall judgement


@pytest.mark.slow  # the build script reads every source in ../shared again (about 20 s)
@needs_shared(REPORTS)
def test_the_shipped_set_is_what_the_build_script_makes():
    res = subprocess.run([sys.executable, str(ROOT / "tools" / "build_england.py"), "--check"],
                         capture_output=True, text=True)
    assert res.returncode == 0, res.stderr[-2000:]


def test_any_authority_straight_after_install(run):
    res = run("list", "-a", "Birmingham", "--kind", "graded", "--format", "csv")
    assert res.exit_code == 0
    ids = [line.split(",")[1] for line in res.stdout.splitlines()[1:]]
    assert ids == ["birmingham-2010-slac", "birmingham-2012-cpi", "birmingham-2014-sif-inspection",
                   "birmingham-2016-sif-reinspection", "birmingham-2018-ilacs-standard",
                   "birmingham-2023-ilacs-standard"]


def test_with_england_puts_my_records_over_the_national_set(run, tmp_path):
    mine = tmp_path / "mine" / "rotherham"
    mine.mkdir(parents=True)
    src = RECORDS / "rotherham" / "rotherham-2022-ilacs-short.yaml"
    text = src.read_text().replace("headline: Good in every judgement", "headline: My own note")
    (mine / src.name).write_text(text)
    folder = tmp_path / "mine"
    alone = run("list", "--records", folder, "-a", "all", "--format", "csv").stdout.splitlines()
    assert len(alone) == 2
    both = run("list", "--records", folder, "--with-england", "-a", "Rotherham", "--format", "json").stdout
    import json

    data = json.loads(both)
    assert [d["id"] for d in data].count("rotherham-2022-ilacs-short") == 1
    assert next(d for d in data if d["id"] == "rotherham-2022-ilacs-short")["headline"] == "My own note"
    assert len(data) == len(list((RECORDS / "rotherham").glob("*.yaml")))
    national = run("list", "--records", folder, "--with-england", "-a", "all", "--format", "csv")
    assert len(national.stdout.splitlines()) - 1 == len(load_records(RECORDS).records)
    shutil.rmtree(folder)
