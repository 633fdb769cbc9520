"""`judgements report` and `judgements chart`: the real commands, what a reader sees, and where the chart
draws each inspection (checked against the records' YAML read here, not through the project's loader)."""

from __future__ import annotations

import re
import shutil
import xml.etree.ElementTree as ET
from collections import Counter
from datetime import date
from html.parser import HTMLParser
from itertools import pairwise
from pathlib import Path

import pytest
import yaml
from conftest import GOOD, OFFICIAL, RECORDS, shipped_yaml

SVG = "{http://www.w3.org/2000/svg}"
ON_SCALE = {"adequate": "requires_improvement", "satisfactory": "requires_improvement"}
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
WORDS = {"requires improvement to be good": "requires_improvement", "requires improvement": "requires_improvement"}
LABEL = {"outstanding": "Outstanding", "good": "Good", "requires_improvement": "Requires improvement to be good",
         "inadequate": "Inadequate", "adequate": "Adequate", "satisfactory": "Satisfactory"}


# ---------------------------------------------------------------------------------------------
# Reading the records and the chart independently
# ---------------------------------------------------------------------------------------------


def first_day(value) -> date:
    """A record's date (YAML gives a date, a 'YYYY-MM' string or a year) as its first day."""
    if isinstance(value, date):
        return value
    parts = [int(p) for p in str(value).split("-")]
    return date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


def raw_records(folder: Path, prefix: str = "") -> list[dict]:
    return [yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted(folder.glob(f"{prefix}*.yaml"))]


def raw_records_all() -> list[dict]:
    return shipped_yaml()


def visit_date(rec: dict) -> date:
    return first_day(next(rec[k] for k in ("start", "end", "published") if rec.get(k)))


class Chart:
    def __init__(self, text: str):
        self.root = ET.fromstring(text.encode("utf-8"))
        self.ticks = {int(e.get("data-year")): float(e.get("x1")) for e in self.root.iter(f"{SVG}line")
                      if e.get("class") == "tick"}
        self.steps = {(e.get("data-area"), e.get("data-step")): float(e.get("y1"))
                      for e in self.root.iter(f"{SVG}line") if e.get("class") == "step"}
        self.marks = [e for e in self.root.iter(f"{SVG}circle") if e.get("class") == "grade" and e.get("data-visit")]
        self.visits = [e for e in self.root.iter(f"{SVG}path") if e.get("class") == "visit"]

    def x(self, day: date) -> float:
        y0, y1 = date(day.year, 1, 1), date(day.year + 1, 1, 1)
        x0, x1 = self.ticks[day.year], self.ticks[day.year + 1]
        return x0 + (day - y0).days / (y1 - y0).days * (x1 - x0)


def check_chart(svg: str, folder: Path, prefix: str = "") -> int:
    """Every graded judgement of the records in ``folder`` is drawn once, at its date and its step; every
    ungraded visit at its date. Returns the number of marks checked."""
    chart = Chart(svg)
    drawn = {(m.get("data-visit"), m.get("data-area")): m for m in chart.marks}
    expected = 0
    for rec in raw_records(folder, prefix):
        if rec["kind"] == "area_send":  # the report is on children's services: no area SEND inspection
            continue
        day = visit_date(rec)
        if rec.get("judgements"):
            for area, word in rec["judgements"].items():
                grade = WORDS.get(word.lower(), word.lower())
                mark = drawn[(rec["id"], area)]
                step = ON_SCALE.get(grade, grade)
                assert mark.get("data-grade") == grade
                assert float(mark.get("cy")) == pytest.approx(chart.steps[(area, step)], abs=0.011), (rec["id"], area)
                assert float(mark.get("cx")) == pytest.approx(chart.x(day), abs=0.011), (rec["id"], area)
                expected += 1
        else:
            mark = next(v for v in chart.visits if v.get("data-visit") == rec["id"])
            assert float(mark.get("data-x")) == pytest.approx(chart.x(day), abs=0.011), rec["id"]
    assert len(chart.marks) == expected
    return expected


# ---------------------------------------------------------------------------------------------
# The chart
# ---------------------------------------------------------------------------------------------


def test_chart_draws_every_rotherham_grade_at_its_date_and_step(run):
    res = run("chart")
    assert res.exit_code == 0, res.stderr
    assert check_chart(res.stdout, RECORDS / "rotherham") == 25


def test_chart_of_fixture_records(run):
    res = run("chart", "Rutland", "--records", GOOD)
    assert res.exit_code == 0, res.stderr
    assert check_chart(res.stdout, GOOD, "rutland-") > 0


def test_chart_has_a_text_alternative_in_words(run):
    root = ET.fromstring(run("chart").stdout.encode())
    assert root.get("role") == "img"
    title, desc = root.find(f"{SVG}title").text, root.find(f"{SVG}desc").text
    assert title == "Rotherham: Ofsted's judgements, 2010-2025"
    assert desc.startswith("Overall effectiveness: Inadequate in September 2014, Good in November 2017, "
                           "Good in June 2022, Outstanding in November 2025. ")
    assert "Focused visit in March 2019 (Achieving permanence)" in desc


def test_chart_grade_colours_stay_apart_in_greyscale(run):
    """The four marks' fills, as a black-and-white printer sees them (Rec. 601 luma), differ by a fifth or more."""
    root = ET.fromstring(run("chart").stdout.encode())
    fills = {m.get("data-grade"): m.get("fill") for m in root.iter(f"{SVG}circle") if m.get("data-grade")}
    luma = sorted(
        (0.299 * int(f[1:3], 16) + 0.587 * int(f[3:5], 16) + 0.114 * int(f[5:7], 16)) / 255
        for g, f in fills.items() if g in ("outstanding", "good", "requires_improvement", "inadequate")
    )
    assert len(luma) == 4
    assert min(b - a for a, b in pairwise(luma)) >= 0.2


def test_chart_writes_a_file_safely(run, tmp_path):
    out = tmp_path / "journey.svg"
    assert run("chart", "--output", out).exit_code == 0
    first = out.read_bytes()
    ET.fromstring(first)
    res = run("chart", "--output", out)
    assert (res.exit_code, res.stderr) == (1, f"Error: {out}: already exists; add --force to replace it\n")
    assert out.read_bytes() == first
    assert run("chart", "--output", out, "--force").exit_code == 0
    assert [p.name for p in tmp_path.iterdir()] == ["journey.svg"]


# ---------------------------------------------------------------------------------------------
# The report
# ---------------------------------------------------------------------------------------------


class Page(HTMLParser):
    """The tags, attributes and text of an HTML page."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.chunks: list[str] = []
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.chunks.append(data)

    @property
    def text(self) -> str:
        return " ".join(" ".join(self.chunks).split())


def test_rotherham_report_in_words(run, tmp_path):
    out = tmp_path / "rotherham.html"
    res = run("report", "--output", out)
    assert res.exit_code == 0, res.stderr
    assert res.stderr == f"Wrote the report on Rotherham (11 visits) to {out}\n"
    page = Page(out.read_text(encoding="utf-8"))
    assert ("Ofsted last inspected Rotherham's children's services in November 2025 (an ILACS short inspection) "
            "and judged them outstanding overall. That is better than at the previous inspection in June 2022, "
            "when it was good (4 areas improved). Rotherham is one of 46 of England's 153 authorities graded "
            "outstanding overall at their latest inspection; 11 of 27 in North East, Yorkshire and the Humber; "
            "3 of its 10 statistical neighbours.") in page.text
    # One "as at" day for the whole paper: the latest day of any record the paper counts (every authority's).
    latest = max(first_day(rec[k]) for rec in raw_records_all() for k in ("start", "end", "published") if rec.get(k))
    assert (f"Ofsted's judgements as at {latest.day} {MONTHS[latest.month - 1]} {latest.year}, the latest day in the "
            "records: every figure here counts the inspections and visits published by that day") in page.text
    # recurring concerns, from the findings
    assert "Quality of plans 5 July 2010" not in page.text
    assert re.search(r"Management oversight and supervision 3 September 2014, November 2016, November 2017 "
                     r"not raised since November 2017", page.text)


class Tables(HTMLParser):
    """The tables of an HTML page: each its caption and its rows, a row the text of each of its cells."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.tables: list[tuple[str, list[list[str]]]] = []
        self._cell: list[str] | None = None
        self._caption: list[str] | None = None
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self.tables.append(("", []))
        elif tag == "caption":
            self._caption = []
        elif tag == "tr":
            self.tables[-1][1].append([])
        elif tag in ("th", "td"):
            self._cell = []

    def handle_endtag(self, tag):
        if tag == "caption":
            self.tables[-1] = ("".join(self._caption), self.tables[-1][1])
            self._caption = None
        elif tag in ("th", "td"):
            self.tables[-1][1][-1].append(" ".join("".join(self._cell).split()))
            self._cell = None

    def handle_data(self, data):
        for part in (self._cell, self._caption):
            if part is not None:
                part.append(data)

    def table(self, caption_start: str) -> list[list[str]]:
        (rows,) = [rows for caption, rows in self.tables if caption.startswith(caption_start)]
        return rows


AREA_ROW = {"overall_effectiveness": "Overall effectiveness", "leadership": "Leadership",
            "help_and_protection": "Help and protection", "children_in_care": "Children in care",
            "adoption": "Adoption", "care_leavers": "Care leavers", "lscb": "LSCB",
            "safeguarding": "Safeguarding (SLAC)", "looked_after_children": "Looked after children",
            "child_protection": "Child protection (CPI)"}


def when(value) -> str:
    """A record's date as the report writes it, to the precision the YAML gives: '21 November 2016',
    'March 2019' or '2020'."""
    if isinstance(value, date):
        return f"{value.day} {MONTHS[value.month - 1]} {value.year}"
    parts = str(value).split("-")
    return f"{MONTHS[int(parts[1]) - 1]} {parts[0]}" if len(parts) == 2 else parts[0]


def test_report_holds_every_grade_and_date_of_the_records(run, tmp_path):
    """The journey's table holds each graded inspection of the YAML, in the column of its month, with each of
    its grades in the row of its area and nothing in the areas it did not judge; the table of visits without
    grades holds each other visit with its date and its headline."""
    out = tmp_path / "r.html"
    assert run("report", "-o", out).exit_code == 0
    page = Tables(out.read_text(encoding="utf-8"))
    records = [rec for rec in raw_records(RECORDS / "rotherham") if rec["kind"] != "area_send"]
    graded = [rec for rec in records if rec.get("judgements")]
    (head, *rows) = page.table("Grades by area at each graded inspection")
    assert len(head) - 1 == len(graded)
    expected, shown = {}, {row[0]: row[1:] for row in rows}
    for rec in graded:
        day = visit_date(rec)
        (column,) = [i for i, h in enumerate(head[1:]) if h.endswith(f", {MONTHS[day.month - 1]} {day.year}")]
        for area, grade in rec["judgements"].items():
            expected.setdefault(AREA_ROW[area], ["·"] * len(graded))[column] = LABEL[grade]
    assert shown == expected
    (head, *rows) = page.table("Focused and monitoring visits")
    assert head[0] == "When" and head[3] == "In one line"
    others = [rec for rec in records if not rec.get("judgements")]
    assert sorted((row[0], row[3]) for row in rows) == sorted(
        (when(next(rec[k] for k in ("start", "published") if rec.get(k))), rec["headline"]) for rec in others)


def test_report_is_self_contained(run, tmp_path):
    out = tmp_path / "r.html"
    assert run("report", "-o", out).exit_code == 0
    html = out.read_text(encoding="utf-8")
    page = Page(html)
    tags = {t for t, _ in page.tags}
    assert not tags & {"script", "link", "img", "iframe", "object", "embed"}
    assert "url(" not in html and "@import" not in html
    # the only addresses are the sources' links
    assert all(t == "a" for t, attrs in page.tags for k in attrs if k in ("href", "src"))


def hostile_records(tmp_path: Path) -> Path:
    folder = tmp_path / "hostile"
    shutil.copytree(GOOD, folder)
    path = folder / "rutland-2019-03-focused-visit.yaml"
    text = path.read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    data["headline"] = "<script>alert(1)</script>"
    data["sources"][0]["title"] = '"><img src=x onerror=alert(1)>'
    data["sources"][0]["publisher"] = "<b onmouseover=alert(1)>x</b>"
    data["sources"][0]["url"] = 'https://example.org/"><img/src=x/onerror=alert(2)>'
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return folder


def test_report_escapes_text_from_records(run, tmp_path):
    folder = hostile_records(tmp_path)
    out = tmp_path / "r.html"
    res = run("report", "Rutland", "--records", folder, "--output", out)
    assert res.exit_code == 0, res.stderr
    page = Page(out.read_text(encoding="utf-8"))
    assert not [t for t, _ in page.tags if t in ("script", "img", "b")]
    assert not [k for _, attrs in page.tags for k in attrs if k.startswith("on")]
    assert "<script>alert(1)</script>" in page.text  # shown as typed
    assert '"><img src=x onerror=alert(1)>' in page.text
    links = [a["href"] for t, a in page.tags if t == "a"]
    assert 'https://example.org/"><img/src=x/onerror=alert(2)>' in links
    chart = run("chart", "Rutland", "--records", folder)
    assert check_chart(chart.stdout, folder, "rutland-") > 0


def test_markdown_escapes_text_from_records(run, tmp_path):
    folder = hostile_records(tmp_path)
    out = tmp_path / "r.md"
    assert run("report", "Rutland", "--records", folder, "-f", "markdown", "-o", out).exit_code == 0
    md = out.read_text(encoding="utf-8")
    assert "<script" not in md and "<img" not in md and "<b " not in md
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in md
    assert "(https://example.org/%22%3E%3Cimg/src=x/onerror=alert%282%29%3E)" in md


def test_markdown_report_writes_the_chart_beside_it(run, tmp_path):
    out = tmp_path / "paper.md"
    res = run("report", "--format", "markdown", "--output", out)
    assert res.exit_code == 0, res.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["paper-journey.svg", "paper.md"]
    md = out.read_text(encoding="utf-8")
    assert "](paper-journey.svg)" in md
    assert "| Overall effectiveness | · | · | Inadequate | Good | Good | Outstanding |" in md
    assert check_chart((tmp_path / "paper-journey.svg").read_text(encoding="utf-8"), RECORDS / "rotherham") == 25
    # neither file is replaced, and nothing half-written, without --force
    (tmp_path / "paper.md").unlink()
    res = run("report", "--format", "markdown", "--output", out)
    assert res.exit_code == 1
    assert res.stderr == f"Error: {tmp_path / 'paper-journey.svg'}: already exists; add --force to replace it\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["paper-journey.svg"]


def test_partial_record_set_says_the_comparison_is_partial(run, tmp_path):
    out = tmp_path / "slough.md"
    res = run("report", "Slough", "--records", GOOD, "-f", "markdown", "-o", out)
    assert (res.exit_code, res.stderr.splitlines()[-1]) == (0, f"Wrote the report on Slough (1 visit) to {out}")
    md = out.read_text(encoding="utf-8")
    assert ("Ofsted last inspected Slough's children's services in October 2019 (an ILACS standard inspection) and "
            "judged them requires improvement to be good overall. It is the only graded inspection of the authority "
            "in the records. The records hold graded inspections of only 2 of England's 153 authorities; of those, "
            "1 is graded requires improvement to be good overall at their latest inspection; 1 of the 1 held in "
            "South East; the records hold none of its statistical neighbours.") in md
    assert "| No graded inspection in the records | 18 | 151 |" in md
    assert "The records hold one graded inspection of Slough (ILACS standard, October 2019), so there is no " \
           "previous one to compare it with." in md


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (("report", "Cumbrai"), 2, "Error: no authority 'Cumbrai'; did you mean Cumbria or Cumberland?\n"),
        (("report", "Cumbria", "--records", str(RECORDS / "rotherham")), 1,
         "Error: no records for Cumbria; the records hold Rotherham\n"),
        (("chart", "--force"), 2, "Error: --force needs --output FILE\n"),
    ],
)
def test_report_refuses_bad_usage_in_one_line(run, args, code, message):
    res = run(*args)
    assert (res.exit_code, res.stdout, res.stderr) == (code, "", message)


# ---------------------------------------------------------------------------------------------
# The national record set: an authority with official data only, a former one, the comparison
# ---------------------------------------------------------------------------------------------


def test_official_only_authority_says_so(run, national, tmp_path):
    out = tmp_path / "barnsley.html"
    res = run("report", "Barnsley", "--records", national, "--output", out)
    assert res.exit_code == 0, res.stderr
    text = Page(out.read_text(encoding="utf-8")).text
    assert "hold Ofsted's grades and dates (from its official statistics and reports) but neither the " \
           "inspectors' findings nor their recommendations" in text
    chart = run("chart", "Barnsley", "--records", national)
    assert check_chart(chart.stdout, national / "barnsley") > 0


def test_former_authority(run, national, tmp_path):
    out = tmp_path / "cumbria.html"
    res = run("report", "Cumbria", "--records", national, "--output", out)
    assert res.exit_code == 0, res.stderr
    text = Page(out.read_text(encoding="utf-8")).text
    assert text.count("Cumbria no longer exists as a local authority (it ended on 31 March 2023; its services "
                      "passed to Cumberland and Westmorland and Furness).") == 1
    assert "Cumbria and its successors" in text
    chart = run("chart", "Cumbria", "--records", national)
    assert check_chart(chart.stdout, national / "cumbria") > 0


def official_latest_overall() -> list[list]:
    from python_calamine import CalamineWorkbook

    wb = CalamineWorkbook.from_path(str(OFFICIAL / "LA_Inspection_Outcomes_as_at_31_March_2025.ods"))
    rows = wb.get_sheet_by_name("Inspections_as_at_31_March").to_python()
    header = rows[2]
    return [dict(zip(header, r, strict=True)) for r in rows[3:] if r[2]]


def test_comparison_matches_ofsteds_table(run, national, tmp_path):
    """England's and the region's counts at each overall grade, as the Markdown report shows them, are those
    of Ofsted's own table of latest judgements as at 31 March 2025 (the national set holds nothing later)."""
    rows = official_latest_overall()
    england = Counter(r["Overall effectiveness"] for r in rows)
    region = Counter(r["Overall effectiveness"] for r in rows if r["Ofsted region"] == "North East, Yorkshire and the Humber")
    out = tmp_path / "r.md"
    assert run("report", "Rotherham", "--records", national, "-f", "markdown", "-o", out).exit_code == 0
    md = out.read_text(encoding="utf-8")
    n_e, n_r = len(rows), sum(region.values())
    assert n_e == 153
    for label in ("Outstanding", "Good", "Requires improvement to be good", "Inadequate"):
        r, e = region[label], england[label]
        line = f"| {label} | {r} ({round(100 * r / n_r)}%) | {e} ({round(100 * e / n_e)}%) |"
        assert line in md
    assert f"| Authorities | {n_r} | {n_e} |" in md
    assert "No graded inspection in the records" not in md


def test_a_report_on_my_records_with_england_around_them(run, tmp_path):
    """A folder of one authority alone gives no comparison; with --with-england the same paper sets it
    beside its neighbours, region and England from the shipped set."""
    import yaml

    folder = tmp_path / "mine" / "rutland"
    folder.mkdir(parents=True)
    record = yaml.safe_load((RECORDS / "rutland" / "rutland-2024-ilacs-standard.yaml").read_text(encoding="utf-8"))
    (folder / "rutland-2024-ilacs-standard.yaml").write_text(yaml.safe_dump(record, sort_keys=False), encoding="utf-8")
    alone, around = tmp_path / "alone.md", tmp_path / "around.md"
    res = run("report", "Rutland", "--records", folder.parent, "--format", "markdown", "--output", alone)
    assert res.exit_code == 0 and "Wrote the report on Rutland (1 visit)" in res.stderr
    assert "The records hold no other authority's inspections" in alone.read_text(encoding="utf-8")
    res = run("report", "Rutland", "--records", folder.parent, "--with-england", "--format", "markdown",
              "--output", around)
    visits = sum(1 for p in (RECORDS / "rutland").glob("*.yaml") if "kind: area_send" not in p.read_text())
    assert res.exit_code == 0 and f"Wrote the report on Rutland ({visits} visits)" in res.stderr
    text = around.read_text(encoding="utf-8")
    assert "| Rutland (this report) | ILACS standard, April 2024 | Good |" in text
    assert "The records hold no other authority's inspections" not in text
