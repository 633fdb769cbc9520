"""`list` and `show` of area SEND records at 80 columns: the kind and the outcome in words, never a grade
or 'theme not given'. Expected values come from the shipped YAML, read here."""

import yaml
from conftest import RECORDS

WORDS = {"positive": "Positive experiences and outcomes", "inconsistent": "Inconsistent experiences and outcomes",
         "significant_concerns": "Significant concerns"}
NARROW = {"COLUMNS": "80"}


def shipped(slug: str) -> list[dict]:
    found = (yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted((RECORDS / slug).glob("*.yaml")))
    return [r for r in found if r["kind"] == "area_send"]


def test_list_gives_the_outcome_in_words(run):
    (record,) = shipped("bexley")
    res = run("list", "-a", "bexley", env=NARROW)
    assert res.exit_code == 0, res.stderr
    lines = res.stdout.splitlines()
    (row,) = [line for line in lines if record["id"] in line]
    assert row.split()[-2:] == WORDS[record["outcome"]].split()
    assert row.split()[0] == str(record["start"])
    assert "theme not given" not in row
    assert max(map(len, lines)) <= 80


def test_list_of_send_inspections_only(run):
    every = [r for folder in RECORDS.iterdir() if folder.is_dir() for r in shipped(folder.name)]
    res = run("list", "-a", "all", "--kind", "send")
    rows = [line for line in res.stdout.splitlines() if "-area-send" in line]
    assert len(rows) == len(every) == 72
    without = [r["id"] for r in every if "outcome" not in r]
    ids = [next(t for t in line.split() if t.endswith("-area-send")) for line in rows if "outcome not given" in line]
    assert ids == without


def test_show_gives_outcome_areas_and_inspectorates(run):
    (record,) = shipped("bexley")
    res = run("show", "-a", "bexley", record["id"], env=NARROW)
    assert res.exit_code == 0, res.stderr
    lines = res.stdout.splitlines()
    assert max(map(len, lines)) <= 80
    assert "Kind        Area SEND inspection (not graded)" in lines
    assert f"Outcome     {WORDS[record['outcome']]}" in lines
    assert "Theme" not in res.stdout and "Judgements" not in res.stdout
    cqc_lead = next(i["name"] for i in record["inspectors"] if i["inspectorate"] == "cqc" and "lead" in i["role"])
    assert f"{cqc_lead} (CQC, lead inspector)" in " ".join(" ".join(lines).split())
    for heading, key in (("Areas for priority action", "areas_for_priority_action"),
                         ("Areas for improvement", "areas_for_improvement")):
        at = lines.index(heading)
        numbered = [line for line in lines[at + 1:] if line[:5].strip().rstrip(".").isdigit()]
        items = []
        for line in numbered:  # the numbers run 1, 2, ... within a section; a new 1. starts the next
            if line.strip().startswith("1.") and items:
                break
            items.append(line)
        assert len(items) == len(record[key]), heading


def test_show_says_an_outcome_the_sources_do_not_give(run):
    (record,) = shipped("slough")
    assert "outcome" not in record
    res = run("show", "-a", "slough", record["id"], env=NARROW)
    assert "Outcome    outcome not given by the sources" in res.stdout.splitlines()


def test_the_send_functions_for_other_commands():
    """send.py: the latest area SEND inspection of an authority, and the outcomes of each authority's latest,
    against the YAML read here; views of children's services leave them out."""
    from rotherham_cli.loader import load_records
    from rotherham_cli.send import children_services, latest_send, latest_send_by_authority, outcome_counts
    from rotherham_cli.vocab import SendOutcome

    records = load_records(RECORDS).records
    (rotherham,) = shipped("rotherham")
    assert latest_send(records, "rotherham").id == rotherham["id"]
    assert latest_send(records, "no-such-place") is None
    by_folder = {}
    for folder in sorted(p for p in RECORDS.iterdir() if p.is_dir()):
        found = sorted(shipped(folder.name), key=lambda r: str(r.get("start") or r["published"]))
        if found:
            by_folder[folder.name] = found[-1]
    latest = latest_send_by_authority(records)
    assert {slug: r.id for slug, r in latest.items()} == {slug: r["id"] for slug, r in by_folder.items()}
    counts, none = outcome_counts(list(latest.values()))
    expected = {o: sum(1 for r in by_folder.values() if r.get("outcome") == o.value) for o in SendOutcome}
    assert counts == expected and none == sum(1 for r in by_folder.values() if "outcome" not in r)
    assert not any(r.kind.value == "area_send" for r in children_services(records))


def test_diff_between_an_area_send_inspection_and_an_ilacs_one_is_refused_in_one_line(run):
    res = run("diff", "rotherham-2024-09-area-send", "rotherham-2025-ilacs-short")
    assert res.exit_code == 2 and res.stdout == ""
    assert res.stderr == ("Error: rotherham-2024-09-area-send is an area SEND inspection and rotherham-2025-ilacs-short "
                          "is not: an outcome and grades are not on one scale; compare two area SEND inspections, or "
                          "two of children's services\n")


def test_diff_of_two_area_send_inspections_compares_their_outcomes(run, tmp_path):
    """A second inspection of one area (none has come yet): made from Rotherham's, three years on and worse."""
    import json

    folder = tmp_path / "records" / "rotherham"
    folder.mkdir(parents=True)
    first = (RECORDS / "rotherham" / "rotherham-2024-09-area-send.yaml").read_text()
    (folder / "rotherham-2024-09-area-send.yaml").write_text(first)
    later = (first.replace("2024-09-area-send", "2027-09-area-send").replace("2024-", "2027-")
             .replace("outcome: positive", "outcome: inconsistent"))
    (folder / "rotherham-2027-09-area-send.yaml").write_text(later)
    res = run("diff", "rotherham-2024-09-area-send", "rotherham-2027-09-area-send", "--records", folder.parent)
    assert res.exit_code == 0, res.stderr
    assert ("Outcome: Positive experiences and outcomes → Inconsistent experiences and outcomes  ↓ declined by 1 step"
            in res.stdout)
    data = json.loads(run("diff", "rotherham-2024-09-area-send", "rotherham-2027-09-area-send", "--records",
                          folder.parent, "--format", "json").stdout)
    assert data["outcome"] == {"from": "positive", "to": "inconsistent", "change": "declined", "steps": 1}


def test_the_committee_paper_has_the_areas_last_send_inspection(run, tmp_path):
    """Rotherham's outcome in words, with what follows and its areas for improvement as the YAML holds them;
    an area with none says what the records hold instead of implying there was none."""
    held = yaml.safe_load((RECORDS / "rotherham" / "rotherham-2024-09-area-send.yaml").read_text(encoding="utf-8"))
    out = tmp_path / "paper.md"
    assert run("report", "--format", "markdown", "--output", out).exit_code == 0
    paper = out.read_text(encoding="utf-8")
    assert "left out" not in paper.split("## In short")[0]  # its area SEND inspection is not a visit left out
    section = paper[paper.index("## SEND: the area's last inspection"):paper.index("## Concerns that keep coming back")]
    assert "(30 September 2024)" in section and "The outcome (not a grade): the local area partnership's" in section
    assert "typically lead to positive experiences and outcomes" in section
    assert "next full inspection within approximately five years" in section
    for i, text in enumerate(held["areas_for_improvement"], 1):
        assert f"{i}. {' '.join(text.split())[:60]}" in section
    assert "Outstanding" not in section and "Good" not in section
    other = tmp_path / "devon.md"
    assert run("report", "Devon", "--format", "markdown", "--output", other).exit_code == 0
    text = other.read_text(encoding="utf-8")
    assert ("The records hold no area SEND inspection of Devon. The shipped records hold those that the reports "
            "and Data to Insight's overview in their sources give") in " ".join(text.split())


def _latest_send_by_authority():
    """Each authority's latest area SEND record and its outcome, read from the YAML (by folder)."""
    out = {}
    for folder in sorted(p for p in RECORDS.iterdir() if p.is_dir()):
        mine = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in folder.glob("*-area-send.yaml")]
        if mine:
            out[folder.name] = max(mine, key=lambda r: str(r.get("start") or r.get("published")))
    return out


def test_england_remit_send_counts_each_outcome_with_the_authorities_behind_it(run):
    import json

    latest = _latest_send_by_authority()
    want = {o: sum(1 for r in latest.values() if r.get("outcome") == o)
            for o in ("positive", "inconsistent", "significant_concerns")}
    data = json.loads(run("england", "--remit", "send", "--as-at", "2026-08-20", "--format", "json").stdout)
    england = data["tallies"][0]
    assert england["scope"] == "England" and england["counts"] == want
    assert england["no_outcome"] == sum(1 for r in latest.values() if not r.get("outcome"))
    assert england["none_in_records"] == 153 - len(latest)
    assert sorted(england["names"]["significant_concerns"]) == sorted(
        r["authority"]["name"] for r in latest.values() if r.get("outcome") == "significant_concerns")
    assert sum(t["authorities"] for t in data["tallies"][1:]) == 153
    shown = run("england", "--remit", "send", "--as-at", "2026-08-20", env={"COLUMNS": "80"}).stdout
    row = next(line for line in shown.splitlines() if line.startswith("England (153)"))
    assert row.split()[2:5] == [str(want["positive"]), str(want["inconsistent"]), str(want["significant_concerns"])]
    assert "outcomes, not grades" in shown and "not every one Ofsted and the CQC have made" in " ".join(shown.split())
    narrow = run("england", "--remit", "send", "--as-at", "2026-08-20", env={"COLUMNS": "60"}).stdout
    assert f"England (153): positive {want['positive']}, inconsistent {want['inconsistent']}" in narrow
    assert max(len(line) for line in narrow.splitlines()) <= 60


def test_compare_sets_the_areas_send_outcome_beside_its_neighbours_region_and_england(run):
    import json

    from rotherham_cli.authorities import get

    latest = _latest_send_by_authority()
    data = json.loads(run("compare", "Rotherham", "--as-at", "2026-08-20", "--format", "json").stdout)["area_send"]
    neighbours = [n.slug for n in get("rotherham").neighbours]
    for slug in ["rotherham", *neighbours]:
        want = latest.get(slug)
        got = data["latest"][slug]
        assert (got and got["id"]) == (want and want["id"]) and (got and got["outcome"]) == (want and want.get("outcome"))
    england = next(t for t in data["counts"] if t["scope"] == "England")
    assert england["counts"]["significant_concerns"] == sum(
        1 for r in latest.values() if r.get("outcome") == "significant_concerns")
    shown = run("compare", "Rotherham", "--as-at", "2026-08-20", env={"COLUMNS": "80"}).stdout
    assert "Rotherham: Positive experiences and outcomes (2024-09-30)" in shown
    assert "outcomes, not grades" in shown


def test_england_remit_send_lays_my_records_over_england(run, tmp_path):
    """--with-england counts my record of an area's SEND inspection in place of the shipped one."""
    import json

    folder = tmp_path / "mine" / "rotherham"
    folder.mkdir(parents=True)
    mine = (RECORDS / "rotherham" / "rotherham-2024-09-area-send.yaml").read_text(encoding="utf-8")
    (folder / "rotherham-2024-09-area-send.yaml").write_text(mine.replace("outcome: positive",
                                                                          "outcome: significant_concerns"))
    args = ("england", "--remit", "send", "--as-at", "2026-08-20", "--format", "json")
    shipped = json.loads(run(*args).stdout)["tallies"][0]["counts"]
    over = json.loads(run(*args, "--records", folder.parent, "--with-england").stdout)["tallies"][0]["counts"]
    assert over["positive"] == shipped["positive"] - 1
    assert over["significant_concerns"] == shipped["significant_concerns"] + 1


def test_timeline_csv_places_the_send_inspection_under_the_inspection_it_came_before(run):
    """Rotherham's area SEND inspection (September 2024) falls between its 2022 and 2025 inspections: the
    area_send row names it, with its outcome, in the 2025 column only."""
    import csv
    import io

    rows = list(csv.reader(io.StringIO(run("timeline", "--format", "csv").stdout)))
    header, send = rows[0], next(r for r in rows if r[0] == "area_send")
    cells = dict(zip(header[1:], send[1:], strict=True))
    assert cells["rotherham-2025-ilacs-short"] == "rotherham-2024-09-area-send: positive"
    assert all(v == "" for k, v in cells.items() if k != "rotherham-2025-ilacs-short")
