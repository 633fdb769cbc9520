"""The shipped area SEND records against ../shared/data/send (skipped, with the reason, where it is absent):
each report, read by the importer, agrees with its record; each record's outcome agrees with the report's
own words, found here by a regex over pypdf's text (not the project's reader); the overview's other
inspections are records of their own."""

import csv
import re
import zipfile
from collections import Counter

import pypdf
import pytest
import yaml
from conftest import RECORDS, SHARED, needs_shared

from rotherham_cli.pdfimport import import_report

SEND = SHARED / "data" / "send"
pytestmark = needs_shared(SEND)


@pytest.fixture(scope="module")
def shipped() -> list[dict]:
    out = []
    for path in sorted(RECORDS.glob("*/*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if data["kind"] == "area_send":
            out.append(data)
    return out


@pytest.fixture(scope="module")
def index() -> list[dict]:
    with open(SEND / "index.csv", encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def by_report(records: list[dict]) -> dict[str, dict]:
    """The records read from a report, by the report's file name."""
    return {s["file"].rsplit("/", 1)[1]: r for r in records for s in r["sources"] if s.get("file", "").endswith(".pdf")}


def test_the_importer_agrees_with_every_record(shipped, index):
    records = by_report(shipped)
    assert sorted(records) == sorted(row["file"] for row in index)
    for row in index:
        draft = import_report(SEND / row["file"]).data
        record = records[row["file"]]
        assert (draft["outcome"], draft["start"], draft["end"]) == (
            record["outcome"], str(record["start"]), str(record["end"])), row["file"]
        assert str(record["published"]) == row["published"]


OUTCOME_WORDS = {
    "positive": r"typically\s+lead\s+to\s+positive\s+experiences\s+and\s+outcomes",
    "inconsistent": r"lead\s+to\s+inconsistent\s+experiences\s+and\s+outcomes",
    "significant_concerns": r"widespread\s+and/or\s+systemic\s+failings\s+leading\s+to\s+significant\s+concerns",
}


def test_outcomes_are_the_reports_own_words(shipped):
    tally = Counter()
    for name, record in by_report(shipped).items():
        front = pypdf.PdfReader(SEND / name).pages[0].extract_text()
        paragraph = front[front.index("Inspection outcome"):][:600]
        said = [outcome for outcome, words in OUTCOME_WORDS.items() if re.search(words, paragraph)]
        assert said == [record["outcome"]], name
        dates = re.search(r"Inspection dates:\s*(\d+)", front)
        assert int(dates[1]) == int(str(record["start"])[-2:]), name  # the first day on site
        tally[record["outcome"]] += 1
    assert sum(tally.values()) == 55
    assert tally == {"inconsistent": 27, "significant_concerns": 14, "positive": 14}


def test_the_overviews_other_inspections_are_records(shipped, index):
    with zipfile.ZipFile(SEND / "d2i_ofsted_csc_send_overview.xlsx") as book:
        strings = book.read("xl/sharedStrings.xml").decode()
    links = set(re.findall(r"<t>(https://files\.ofsted\.gov\.uk/v1/file/\d+)</t>", strings))
    others = links - {row["report_url"] for row in index}
    assert len(links) == 72 and len(others) == 17
    from_overview = [r for r in shipped if not any(s.get("file", "").endswith(".pdf") for s in r["sources"])]
    assert sorted(s["url"] for r in from_overview for s in r["sources"] if s["id"] == "report") == sorted(others)
    for record in from_overview:
        assert [s["id"] for s in record["sources"]] == ["overview", "report"]
        assert "inspectors" not in record and "areas_for_improvement" not in record
    assert len(shipped) == 72
