"""`judgements search`: the real command at 80 columns, its counts worked out from the records' YAML."""

from __future__ import annotations

import csv
import io
import json
import re
from functools import lru_cache

import yaml
from conftest import RECORDS

W80 = {"COLUMNS": "80"}


def _texts(data: dict):
    """(field, n, text) of one record's YAML, as a reader finds them."""
    for field in ("headline", "summary"):
        if data.get(field):
            yield field, None, " ".join(str(data[field]).split())
    for i, f in enumerate(data.get("findings") or [], 1):
        yield "finding", i, " ".join(f["text"].split())
    for i, t in enumerate(data.get("recommendations") or [], 1):
        yield "recommendation", i, " ".join(t.split())


@lru_cache(maxsize=1)
def _records() -> tuple[tuple[str, dict], ...]:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return tuple((p.parent.name, yaml.load(p.read_text(encoding="utf-8"), Loader=loader))
                 for p in sorted(RECORDS.glob("*/*.yaml")))


def _yaml_hits(pattern: str, authority_dir: str | None = None, kind: str | None = None, since: int | None = None):
    found = []
    for folder, data in _records():
        if authority_dir and folder != authority_dir:
            continue
        year = int(str(data.get("start") or data.get("end") or data.get("published"))[:4])
        if (kind and data["kind"] != kind) or (since and year < since):
            continue
        for field, n, text in _texts(data):
            if re.search(pattern, text, re.IGNORECASE):
                found.append((data["id"], data["authority"]["name"], field, n))
    return found


def test_search_finds_every_text_that_says_the_word_in_any_authority(run):
    res = run("search", "unregistered", env=W80)
    assert res.exit_code == 0, res.stderr
    want = _yaml_hits(r"\bunregistered\b")
    assert len(want) >= 9
    lines = res.stdout.splitlines()
    assert max(len(line) for line in lines) <= 80
    visits, authorities = {v for v, *_ in want}, {a for _, a, *_ in want}
    assert lines[-1] == (f"'unregistered': {len(want)} texts in {len(visits)} visits of "
                         f"{len(authorities)} authorities.")
    for visit in visits:
        assert f"  {visit}" in lines
    # without colour the words stand between « and », as many times as the texts say them
    marked = res.stdout.count("«unregistered»") + res.stdout.count("«Unregistered»")
    said = sum(len(re.findall(r"\bunregistered\b", t, re.IGNORECASE)) for _, data in _records() for _, _, t in _texts(data))
    assert marked == said


def test_the_first_block_at_80_columns(run):
    lines = run("search", "unregistered", env=W80).stdout.splitlines()
    assert lines[:4] == [
        "Barking and Dagenham · ILACS standard inspection · 2023-07-10",
        "  barking-and-dagenham-2023-ilacs-standard",
        "  recommendation 6  Oversight of children’s placements in «unregistered»",
        "                    children’s homes.",
    ]


def test_a_phrase_with_the_filters_in_json(run):
    res = run("search", '"management oversight"', "--kind", "ilacs_short", "--since", "2023", "-f", "json")
    assert res.exit_code == 0, res.stderr
    got = json.loads(res.stdout)
    want = _yaml_hits(r"\bmanagement\s+oversight\b", kind="ilacs_short", since=2023)
    assert len(want) > 3
    assert sorted((g["visit_id"], g["authority"], g["field"], g["n"]) for g in got) == sorted(want)
    for g in got:
        assert [" ".join(g["text"][a:b].lower().split()) for a, b in g["spans"]] == ["management oversight"] * len(
            re.findall(r"\bmanagement\s+oversight\b", g["text"], re.IGNORECASE))
        assert g["field"] != "recommendation" or g["themes"]  # every such recommendation has a theme


def test_one_authority_in_csv_with_the_themes_of_each_recommendation(run):
    res = run("search", "exploit*", "-a", "Rotherham", "-f", "csv")
    assert res.exit_code == 0, res.stderr
    rows = list(csv.DictReader(io.StringIO(res.stdout)))
    want = _yaml_hits(r"\bexploit\w*", authority_dir="rotherham")
    assert [(r["visit_id"], r["field"], int(r["n"]) if r["n"] else None) for r in rows] == [
        (v, f, n) for v, _, f, n in want]
    rec6 = next(r for r in rows if r["visit_id"] == "rotherham-2014-sif-inspection" and r["n"] == "6")
    # "management and oversight" (management_oversight, one word: oversight) and "sexual exploitation"
    # (child_exploitation): worked from the rule file
    assert set(rec6["themes"].split()) == {"management_oversight", "child_exploitation"}
    assert "«exploitation»" in rec6["marked"]


def test_words_side_by_side_are_marked_as_one(run):
    out = run("search", "management", "oversight", "-a", "Harrow", "--since", "2025", env=W80).stdout
    assert "«management oversight»" in out


def test_every_word_must_be_in_the_same_text(run):
    both = json.loads(run("search", "neglect", "unregistered", "-f", "json").stdout)
    want = [h for h in _yaml_hits(r"\bneglect\b") if h in _yaml_hits(r"\bunregistered\b")]
    assert sorted((g["visit_id"], g["authority"], g["field"], g["n"]) for g in both) == sorted(want)


def test_nothing_found_is_said_on_stderr(run):
    res = run("search", "zzyzx", env=W80)
    assert (res.exit_code, res.stdout, res.stderr) == (0, "", "No text holds 'zzyzx'.\n")


def test_bad_usage_is_one_line_and_exit_2(run):
    for args, message in ((["search", '""'], "give the words to search for"),
                          (["search", "care", "--since", "2025", "--until", "2020"], "--since 2025 is after --until 2020"),
                          (["search"], "Missing argument 'TEXT...'")):
        res = run(*args)
        assert res.exit_code == 2 and message in res.stderr and len(res.stderr.splitlines()) == 1, res.stderr


def test_help_has_examples(run):
    res = run("search", "--help", env=W80)
    assert res.exit_code == 0 and "judgements search unregistered" in res.stdout and "Examples" in res.stdout


def test_on_a_terminal_the_words_are_bold_not_bracketed():
    from rich.console import Console

    from rotherham_cli.render.search import search_renderable
    from rotherham_cli.search import Hit, summary

    hit = Hit("x-2024", "Xshire", "2024-01-02", "ILACS short inspection", "recommendation", 1,
              "Management oversight of care.", ((0, 20),))
    out = io.StringIO()
    Console(file=out, width=80, color_system="standard", force_terminal=True).print(
        search_renderable([hit], summary([hit]), "'management oversight'", marks=False))
    assert "\x1b[1mManagement oversight\x1b[0m" in out.getvalue() and "«" not in out.getvalue()
