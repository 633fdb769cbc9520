"""`judgements export`: every format and layout parsed back and compared with the records."""

import csv
import errno
import io
import json
import os

import pytest
from conftest import GOOD, OFFICIAL, needs_shared

from rotherham_cli.loader import load_valid
from rotherham_cli.official import ILACS_HISTORY_COLUMNS
from rotherham_cli.output import OutputError, write_atomic
from rotherham_cli.render.machine import csv_text, safe_cell

R = ("--records", str(GOOD))


def records():
    return load_valid(GOOD)


def parse_csv(text):
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_long_csv_has_one_row_per_judgement_and_one_per_ungraded_visit(run, tmp_path):
    res = run("export", *R)
    assert res.exit_code == 0 and res.stderr == ""
    run("export", *R, "--output", tmp_path / "x.csv")
    raw = (tmp_path / "x.csv").read_bytes()
    assert raw.count(b"\r\n") == raw.count(b"\n") > 1  # RFC 4180 line ends, UTF-8
    rows = parse_csv(raw.decode("utf-8"))
    recs = records()
    assert len(rows) == sum(len(r.judgements) or 1 for r in recs)
    assert len({row["id"] for row in rows}) == len(recs)  # counting visits from the file is right
    by_id = {r.id: r for r in recs}
    for row in rows:
        r = by_id[row["id"]]
        assert (row["authority"], row["kind"], row["framework"], row["start"], row["published"]) == (
            r.authority.name, r.kind.value, r.framework.value, str(r.start or ""), str(r.published or ""))
        if r.judgements:
            grade = r.judgements[row["area"]]
            assert (row["grade"], row["grade_key"], int(row["grade_rank"])) == (grade.label, grade.value, grade.rank)
            assert row["area_wording"] == r.framework.wording(row["area"])
            assert row["theme"] == ""
        else:
            assert row["area"] == row["grade"] == row["grade_rank"] == ""
    mv = next(row for row in rows if row["id"] == "rutland-2016-monitoring-visit")
    assert mv["theme"] == "Looked after children"
    sif = [row for row in rows if row["id"] == "rutland-2015-sif-inspection"]
    assert [(row["area"], row["grade"], row["grade_rank"]) for row in sif][:2] == [
        ("overall_effectiveness", "Inadequate", "4"), ("leadership", "Inadequate", "4")]


def test_wide_csv_has_one_row_per_visit(run):
    rows = parse_csv(run("export", *R, "--layout", "wide").stdout)
    recs = records()
    assert [row["id"] for row in rows] == [r.id for r in recs]
    for row, r in zip(rows, recs, strict=True):
        for area in ("overall_effectiveness", "leadership", "help_and_protection", "children_in_care",
                     "adoption", "care_leavers", "lscb"):
            assert row[area] == (r.judgements[area].label if area in r.judgements else "")


def test_ofsted_layout(run):
    text = run("export", *R, "--layout", "ofsted").stdout
    reader = list(csv.reader(io.StringIO(text, newline="")))
    assert reader[0] == list(ILACS_HISTORY_COLUMNS) == [  # as published in the 2025 release
        "Web link", "Local authority area code", "Local authority name", "Local authority status", "Ofsted region",
        "Inspection date", "Publication date", "Inspection type", "Overall effectiveness",
        "The impact of leaders on social work practice with children and families",
        "The experiences and progress of children who need help and protection",
        "The experiences and progress of children in care", "The experiences and progress of care leavers",
    ]
    assert reader[1:] == [
        ["", "E06000039", "Slough", "Current", "South East", "2019-10-07", "2019-12-19", "ILACS Standard Inspection",
         "Requires improvement to be good", "Requires improvement to be good", "Inadequate",
         "Requires improvement to be good", ""],
        ["", "E06000017", "Rutland", "Current", "East Midlands", "2022-06-27", "2022-08-12", "ILACS Short Inspection",
         "Good", "Good", "Good", "Good", ""],
        ["", "E06000017", "Rutland", "Current", "East Midlands", "2025-11-03", "2025-12-16", "ILACS Short Inspection",
         "Outstanding", "Outstanding", "Outstanding", "Outstanding", "Good"],
    ]


@needs_shared(OFFICIAL)
def test_ofsted_header_equals_the_official_file():
    from python_calamine import CalamineWorkbook

    wb = CalamineWorkbook.from_path(str(OFFICIAL / "LA_Inspection_Outcomes_as_at_31_March_2025.ods"))
    official = wb.get_sheet_by_name("ILACS_inspection_history").to_python()[2]
    assert list(official) == list(ILACS_HISTORY_COLUMNS)


def test_json_is_full_records(run):
    data = json.loads(run("export", *R, "--format", "json").stdout)
    recs = records()
    assert [d["id"] for d in data] == [r.id for r in recs]
    for d, r in zip(data, recs, strict=True):
        assert {"id", "authority", "kind", "framework", "start", "end", "published", "judgements", "theme",
                "findings", "recommendations", "sources"} <= set(d)
        assert d["judgements"] == {a.value: g.value for a, g in r.judgements.items()}
        assert d["authority"]["name"] == r.authority.name
        assert len(d["findings"]) == len(r.findings)
        assert d["sources"][0]["title"] == r.sources[0].title


def test_markdown_for_a_committee_paper(run):
    out = run("export", *R, "-a", "rutland", "--format", "markdown", "--kind", "graded").stdout.splitlines()
    assert out[0] == ("| Date | Authority | Visit | Overall effectiveness | Leadership | Help and protection | "
                      "Children in care | Adoption | Care leavers | LSCB |")
    assert out[2] == ("| 2015-03-02 | Rutland | SIF inspection | Inadequate | Inadequate | Inadequate | "
                      "Requires improvement to be good | Good | Requires improvement to be good | "
                      "Requires improvement to be good |")
    assert len(out) == 2 + 4


@pytest.mark.parametrize("start", ["=", "+", "-", "@"])
def test_formula_starts_are_neutralised(start):
    assert safe_cell(f"{start}1+1") == f"'{start}1+1"
    assert safe_cell("Good") == "Good"


@pytest.mark.parametrize("hidden", ["\t", "\r", "\x1b", "\x00", "\x9b", "\u202e"])
def test_a_formula_behind_a_control_character_is_still_neutralised(hidden):
    assert safe_cell(f"{hidden}=HYPERLINK(1)") == "'=HYPERLINK(1)"
    assert safe_cell(f"{hidden}@SUM(1+1)") == "'@SUM(1+1)"


def test_record_text_starting_with_equals_exports_neutralised(run, tmp_path):
    text = (GOOD / "slough-2019-ilacs-standard.yaml").read_text()
    (tmp_path / "slough-2019-ilacs-standard.yaml").write_text(
        text.replace("summary: A second fixture authority.", "headline: \"+cmd|' /C calc'!A0\""))
    listed = parse_csv(run("list", "--records", tmp_path, "--format", "csv").stdout)
    assert listed[0]["summary"] == "'+cmd|' /C calc'!A0"
    # A formula for the authority's name never reaches a spreadsheet: the register knows no such
    # authority, so the record is refused (issue 27).
    (tmp_path / "slough-2019-ilacs-standard.yaml").write_text(
        text.replace("name: Slough", "name: \"=HYPERLINK(\\\"http://evil.example\\\")\""))
    res = run("export", "--records", tmp_path)
    assert (res.exit_code, res.stdout) == (1, "")
    assert "slough-2019-ilacs-standard.yaml:3:9: authority.name: " in res.stderr


def test_bom_option(run, tmp_path):
    out = tmp_path / "with-bom.csv"
    res = run("export", *R, "--output", out, "--bom")
    assert res.exit_code == 0
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfid,authority,")
    assert data.decode("utf-8-sig").replace("\r\n", "\n") == run("export", *R).stdout


def test_output_file_refuse_and_force(run, tmp_path):
    out = tmp_path / "out.csv"
    res = run("export", *R, "--output", out)
    assert (res.exit_code, res.stdout) == (0, "")
    assert res.stderr == f"Wrote 7 visits to {out}\n"
    first = out.read_bytes()
    out.write_text("precious")
    res = run("export", *R, "--output", out, "--layout", "wide")
    assert (res.exit_code, res.stderr) == (1, f"Error: {out}: already exists; add --force to replace it\n")
    assert out.read_text() == "precious"
    res = run("export", *R, "--output", out, "--force")
    assert res.exit_code == 0 and out.read_bytes() == first
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.csv"]


def test_unwritable_path_is_one_line(run, tmp_path):
    res = run("export", *R, "--output", tmp_path / "missing" / "x.csv")
    assert (res.exit_code, res.stdout) == (1, "")
    assert res.stderr == f"Error: {tmp_path / 'missing' / 'x.csv'}: cannot write: folder {tmp_path / 'missing'} does not exist\n"
    ro = tmp_path / "ro"
    ro.mkdir()
    ro.chmod(0o500)
    try:
        if os.access(ro, os.W_OK):
            pytest.skip("running as a user who can write anywhere (root)")
        res = run("export", *R, "--output", ro / "x.csv")
        assert res.exit_code == 1 and res.stderr.startswith(f"Error: {ro / 'x.csv'}: cannot write: ")
    finally:
        ro.chmod(0o700)


def test_interrupted_write_leaves_nothing(tmp_path, monkeypatch):
    def interrupted(fd):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(tmp_path / "x.csv", b"a,b\r\n")
    assert list(tmp_path.iterdir()) == []


def test_failed_write_leaves_existing_file(tmp_path, monkeypatch):
    target = tmp_path / "x.csv"
    target.write_text("old")

    def full(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(OutputError, match="No space left on device"):
        write_atomic(target, b"new", force=True)
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["x.csv"]


def test_a_write_in_pieces_that_fails_midway_leaves_nothing(tmp_path):
    """The JSON export is written a record at a time: a failure after some of them leaves no file."""
    def pieces():
        yield b"[\n"
        raise OSError(28, "No space left on device")

    with pytest.raises(OutputError, match="No space left on device"):
        write_atomic(tmp_path / "x.json", pieces())
    assert list(tmp_path.iterdir()) == []


def test_pieces_are_copied_whole_where_the_folder_takes_no_hard_links(tmp_path, monkeypatch):
    def no_links(src, dst):
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    write_atomic(tmp_path / "x.json", iter([b"[\n", b"  1", b"\n]\n"]))
    assert (tmp_path / "x.json").read_bytes() == b"[\n  1\n]\n"
    assert [p.name for p in tmp_path.iterdir()] == ["x.json"]


@pytest.mark.parametrize("items", [[], [{}], [{"a": "x\ny", "b": [1, {"c": None}], "d": "\u00e9\""}] * 3, [[], 2]])
def test_a_json_array_in_pieces_is_the_standard_librarys_text(items):
    from rotherham_cli.render.machine import json_array_chunks

    assert "".join(json_array_chunks(items)) == json.dumps(items, indent=2, ensure_ascii=False) + "\n"


def test_the_json_export_is_the_records_as_the_yaml_gives_them(run, tmp_path):
    """Streamed a record at a time, the export still parses whole and holds each record's YAML fields."""
    import yaml

    res = run("export", "--format", "json", "--records", GOOD, "-a", "all")
    got = {item["id"]: item for item in json.loads(res.stdout)}
    files = sorted(GOOD.glob("*.yaml"))
    assert len(got) == len(files)
    for f in files:
        doc = yaml.safe_load(f.read_text())
        assert got[doc["id"]]["kind"] == doc["kind"] and got[doc["id"]]["summary"] == " ".join(doc["summary"].split())


@pytest.mark.parametrize(("args", "line"), [
    (["--format", "json", "--layout", "wide"], "Error: --layout applies to csv and markdown; json always holds full "
                                               "records"),
    (["--force"], "Error: --force needs --output FILE"),
    (["--format", "table"], "judgements export: error: Invalid value for '--format' / '-f': 'table' is not one of "
                            "'csv', 'json', 'markdown', 'sqlite'. (see judgements export --help)"),
    (["--format", "json", "--bom"], "Error: --bom applies to CSV only"),
])
def test_export_usage_errors(run, args, line):
    res = run("export", *R, *args)
    assert (res.exit_code, res.stdout, res.stderr) == (2, "", line + "\n")


def test_csv_quotes_per_rfc4180():
    assert csv_text(["a", "b"], [['say "hi"', "x,y"]]) == 'a,b\r\n"say ""hi""","x,y"\r\n'
