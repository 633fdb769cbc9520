"""Every table at the widths people have (a 60-column split pane, 80, 100, 160), on the shipped
national set for three authorities with long histories: what a reader sees holds every inspection and
every grade in whole words, no line is wider than the screen, and nothing is cut with an ellipsis.

The expected inspections and grades are read from the YAML files here, not from the project's code."""

from __future__ import annotations

import re

import pytest
import yaml
from conftest import RECORDS

WIDTHS = ["60", "80", "100", "160"]
AUTHORITIES = {"Birmingham": "birmingham", "Doncaster": "doncaster", "Rotherham": "rotherham"}
GRADED = {"slac", "slac_reinspection", "cpi", "cpri", "tlac", "sif_inspection", "sif_reinspection",
          "ilacs_standard", "ilacs_short"}
# How a grade starts in a table cell, in each of the forms a narrow table may use.
FORMS = {"outstanding": ("Outstanding", "Outst.", "O"), "good": ("Good", "G"),
         "requires_improvement": ("Requires", "RI"), "inadequate": ("Inadequate", "Inad.", "I")}
ISO = re.compile(r"\d{4}-\d{2}-\d{2}")


def visits(slug: str) -> list[dict]:
    """The authority's records as the YAML holds them, oldest first."""
    out = []
    for path in sorted((RECORDS / slug).glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        data["when"] = str(data.get("start") or data.get("end") or data.get("published"))
        out.append(data)
    return sorted(out, key=lambda d: (d["when"], d["id"]))


def graded(slug: str) -> list[dict]:
    return [v for v in visits(slug) if v["kind"] in GRADED]


def seen(run, width: str, *args: str) -> str:
    res = run(*args, env={"COLUMNS": width})
    assert res.exit_code == 0, res.stderr
    for line in res.stdout.splitlines():
        assert len(line) <= int(width), f"wider than {width}: {line!r}"
    assert "…" not in res.stdout
    return res.stdout


def words(text: str) -> list[str]:
    return re.findall(r"[A-Za-z]+\.?|\d{4}(?:-\d{2}){0,2}|—|·", text)


def grade_words(judgements: dict) -> dict[str, int]:
    """How many times each capitalised grade word shows, one per grade (legacy words with their step)."""
    want: dict[str, int] = {}
    for grade in judgements.values():
        word = {"requires_improvement": "Requires"}.get(grade, grade.capitalize())
        want[word] = want.get(word, 0) + 1
    return want


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", sorted(AUTHORITIES))
def test_timeline_shows_every_inspection_and_every_grade(run, name, width):
    out = seen(run, width, "timeline", "-a", name)
    slug = AUTHORITIES[name]
    inspections = graded(slug)
    assert out.splitlines()[0].startswith(f"{name}: grades by area at each of {len(inspections)} graded inspections")
    tokens = words(out)
    want: dict[str, int] = {}
    for v in inspections:
        for word, n in grade_words(v["judgements"]).items():
            want[word] = want.get(word, 0) + n
    assert {w: tokens.count(w) for w in want} == want
    for v in inspections:  # each column's year (a visit marker may name the year too)
        year = v["when"][:4]
        assert tokens.count(year) >= sum(1 for w in inspections if w["when"][:4] == year)
    # The latest inspection is shown, and last.
    # The latest inspection is shown, and last: its year heads the last block's columns.
    lines = out.splitlines()
    last = max(i for i, line in enumerate(lines) if line.startswith("Area "))
    years = re.findall(r"\b\d{4}\b", " ".join(lines[last - 2:last + 1]))
    assert max(years) == inspections[-1]["when"][:4]


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", sorted(AUTHORITIES))
def test_diff_shows_both_dates_and_every_grade_whole(run, name, width):
    out = seen(run, width, "diff", "-a", name)
    before, after = graded(AUTHORITIES[name])[-2:]
    assert before["id"] in out.replace("\n", " ") and after["id"] in out.replace("\n", " ")
    assert before["when"] in ISO.findall(out) and after["when"] in ISO.findall(out)
    table = out.split("improved,")[0]  # the grades table ends at its summary line
    want: dict[str, int] = {}
    for v in (before, after):
        for word, n in grade_words(v["judgements"]).items():
            want[word] = want.get(word, 0) + n
    tokens = words(table)
    assert {w: tokens.count(w) for w in want} == want


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", sorted(AUTHORITIES))
def test_compare_shows_whole_dates_and_grades_with_a_legend(run, name, width):
    out = seen(run, width, "compare", name)
    latest = [v for v in graded(AUTHORITIES[name]) if v["kind"].startswith(("sif", "ilacs"))][-1]
    row = next(line for line in out.splitlines() if re.match(rf"{name} +\d{{4}}-", line))
    assert latest["when"] in row
    first = row.split(latest["when"], 1)[1].split()[0]
    assert first in FORMS[latest["judgements"]["overall_effectiveness"]]
    for line in out.splitlines():  # a date in a table is never cut short of its day
        assert not re.search(r"\b\d{4}-\d{2}-?$", line)
    flowing = " ".join(out.split())
    if re.search(r"\bRI\b", out):
        assert "RI requires improvement to be good" in flowing
    if re.search(r"\bOE\b", out):
        assert "OE overall effectiveness" in flowing


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", sorted(AUTHORITIES))
def test_list_fits_the_width_and_shows_every_visit_and_grade(run, name, width):
    out = seen(run, width, "list", "-a", name)
    lines = out.splitlines()
    assert lines[0].startswith(f"{name}: ")
    starts = [m.start() for m in re.finditer(r"\S+(?: \S+)*", lines[1])]  # the columns, by their headings
    starts[0] = 0  # the dates stand to the right, under "When"
    names = re.findall(r"\S+(?: \S+)*", lines[1])
    visit_at, grade_at = names.index("Visit"), names.index("Grade or theme")
    rows: list[list[str]] = []  # the When, Visit and Grade cells of each row, continuation lines joined
    for line in lines[3:]:
        if line.startswith("*"):
            break
        cells = [line[a:b].strip() for a, b in zip(starts, [*starts[1:], None], strict=True)]
        when, visit, grade = cells[0], cells[visit_at], cells[grade_at]
        if when:
            rows.append([when, visit, grade])
        else:
            rows[-1][1] += visit
            rows[-1][2] += " " + grade
    expected = visits(AUTHORITIES[name])
    assert [r[1] for r in rows] == [v["id"] for v in expected]
    for row, v in zip(rows, expected, strict=True):
        assert row[0].rstrip("*") == v["when"]
        overall = v.get("judgements", {}).get("overall_effectiveness")
        if v["kind"] in GRADED and overall:
            assert row[2].split()[0] == FORMS[overall][0], row
        elif v["kind"] in GRADED:  # no overall grade: each grade it gives, in words
            assert row[2].startswith("no overall grade")
            assert len(row[2].split(";")) == len(v["judgements"]) + 1


def _printed(renderable, width: int, colour: bool) -> str:
    import io

    from rich.console import Console

    console = Console(file=io.StringIO(), width=width, force_terminal=colour, color_system="standard" if colour else None,
                      highlight=False)
    console.print(renderable)
    return console.file.getvalue()


@pytest.mark.parametrize("colour", [False, True])
def test_a_fitted_table_prints_its_text_whole_and_styled(colour):
    """list's table is printed as its runs of one style (not wrapped again by Rich): every line as built,
    each grade in its colour; on a screen narrower than it was built for, Rich wraps it and loses nothing."""
    from rotherham_cli.loader import load_valid
    from rotherham_cli.render.tables import list_table

    records = load_valid(RECORDS, frozenset({"rotherham"}))
    table = list_table(records, 80)
    out = _printed(table, 80, colour)
    plain = re.sub(r"\x1b\[[0-9;]*m", "", out)
    assert [line.rstrip() for line in plain.split("\n")] == [line.rstrip() for line in (table.plain + "\n").split("\n")]
    if colour:
        assert "\x1b[1;31mInadequate\x1b[0m" in out or "\x1b[31;1mInadequate\x1b[0m" in out  # bold red, the word only
    narrow = re.sub(r"\x1b\[[0-9;]*m", "", _printed(table, 40, colour))
    assert "".join(narrow.split()) == "".join(table.plain.split())
    assert max(len(line) for line in narrow.split("\n")) <= 40
