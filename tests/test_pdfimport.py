"""The PDF report importer: the 15 real reports of ../shared (skipped when absent), reports it has never
seen (built here from text in the templates' shapes), and every kind of bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest
from conftest import REPORTS, ROOT, SHARED
from hostile_pdfs import write_pdf
from pydantic import ValidationError

from rotherham_cli import pdfimport, vocab
from rotherham_cli.errors import JudgementsError
from rotherham_cli.models import Record, RuleViolations
from rotherham_cli.pdfimport import ImportedReport, ReportError, import_report, read_report

EXPECTED_JSON = REPORTS / "expected-judgements.json"

PUBLISHED_NOT_PRINTED = "publication date: not printed in the report"

# --------------------------------------------------------------------------------------------
# Expected values of the 15 real reports
# --------------------------------------------------------------------------------------------

# Rotherham's three reports are not in expected-judgements.json. Their values come from
# ../shared/sources/rotherham-chronology-research-notes.yaml (visits 2014-SIF, 2017-SIF-REINSPECTION and
# 2022-ILACS), which read the reports in full.
ROTHERHAM = [
    {
        "file": "rotherham-2014-11-19-sif-inspection.pdf",
        "authority": "Rotherham",
        "kind": "sif_inspection",
        "framework": "SIF",
        "published": "2014-11-19",
        "judgements": {
            "overall_effectiveness": "inadequate",
            "help_and_protection": "inadequate",
            "children_in_care": "inadequate",
            "adoption": "requires improvement",
            "care_leavers": "inadequate",
            "leadership": "inadequate",
            "lscb": "inadequate",
        },
    },
    {
        "file": "rotherham-2018-01-29-sif-reinspection.pdf",
        "authority": "Rotherham",
        "kind": "sif_reinspection",
        "framework": "SIF",
        "published": "2018-01-29",
        "judgements": {
            "overall_effectiveness": "good",
            "help_and_protection": "good",
            "children_in_care": "requires improvement to be good",
            "adoption": "good",
            "care_leavers": "outstanding",
            "leadership": "good",
        },
    },
    {
        "file": "rotherham-2022-08-12-ilacs-short-inspection.pdf",
        "authority": "Rotherham",
        "kind": "ILACS Short Inspection",
        "framework": "ILACS",
        "inspection_start": "2022-06-27",
        "published": "2022-08-12",
        "judgements": {
            "overall_effectiveness": "good",
            "leadership": "good",
            "help_and_protection": "good",
            "children_in_care": "good",
        },
    },
]

# What neither source gives, read from each report's own pages: the first and last day on site, the
# lead inspector (without the title after the name) and how many recommendations the local authority
# gets. (For Rotherham the research notes agree on all of it: 26 recommendations for the local
# authority in 2014, 8 in 2017, 4 areas for improvement in 2022.)
READ_FROM_REPORTS = {
    "birmingham-2014-05-23.pdf": ("2014-03-18", "2014-04-09", "Marie McGuinness", 16),
    "cambridgeshire-2014-08-08.pdf": ("2014-06-03", "2014-06-25", "Helen Cawston", 9),
    "gateshead-2025-01-29.pdf": ("2024-12-02", "2024-12-06", "Rachel Fairhurst", 3),
    "leicester-2017-09-04.pdf": ("2017-06-19", "2017-07-13", "Julie Knight", 11),
    "norfolk-2023-01-13.pdf": ("2022-11-07", "2022-11-18", "Margaret Burke", 3),
    "north-yorkshire-2018-08-06.pdf": ("2018-07-02", "2018-07-06", "Matt Reed", 4),
    "nottingham-2022-09-05.pdf": ("2022-07-11", "2022-07-22", "Andy Waugh", 8),
    "nottinghamshire-2019-12-19.pdf": ("2019-10-07", "2019-10-18", "Margaret Burke", 4),
    "plymouth-2024-03-15.pdf": ("2024-01-22", "2024-02-02", "Tracey Ledder", 8),
    "rotherham-2014-11-19-sif-inspection.pdf": ("2014-09-16", "2014-10-08", "Sheena Doyle", 26),
    "rotherham-2018-01-29-sif-reinspection.pdf": ("2017-11-06", "2017-11-30", "Lisa Summers", 8),
    "rotherham-2022-08-12-ilacs-short-inspection.pdf": ("2022-06-27", "2022-07-01", "Neil Penswick", 4),
    "suffolk-2019-05-21.pdf": ("2019-04-08", "2019-04-12", "Margaret Burke", 1),
    "waltham-forest-2024-08-20.pdf": ("2024-07-08", "2024-07-12", "Jo Warburton", 3),
    "west-sussex-2016-01-20.pdf": ("2015-10-26", "2015-11-19", "Mike Ferguson", 13),
}
REPORT_FILES = sorted(READ_FROM_REPORTS)


def _kind_key(word: str) -> str:
    """A kind as the JSON gives it ('sif_inspection' or 'ILACS Short Inspection') as a Kind key."""
    official = vocab.kind_of_official(word)
    return official.value if official else vocab.Kind(word).value


def _framework_key(family: str, judgements: dict[str, str]) -> str:
    """The exact framework: SIF, or ILACS with care leavers judged apart (2023 on) or not."""
    if family == "SIF":
        return vocab.Framework.SIF.value
    if vocab.Area.CARE_LEAVERS.value in judgements:
        return vocab.Framework.ILACS_2023.value
    return vocab.Framework.ILACS.value


def expected_reports(shared: Path = SHARED) -> list[dict]:
    """Every field the importer should read from each real report, with canonical keys.

    ``published_printed`` says whether the report prints its publication date: SIF reports do
    ("Report published: ..."); ILACS reports do not, so the JSON's date cannot be read from them.
    """
    given = json.loads((shared / "data" / "reports" / "expected-judgements.json").read_text("utf-8"))
    out = []
    for entry in [*given, *ROTHERHAM]:
        start, end, lead, n_recs = READ_FROM_REPORTS[entry["file"]]
        if "inspection_start" in entry:
            assert entry["inspection_start"] == start, entry["file"]  # our reading agrees with the JSON
        framework = _framework_key(entry["framework"], entry["judgements"])
        out.append(
            {
                "file": entry["file"],
                "authority": entry["authority"],
                "kind": _kind_key(entry["kind"]),
                "framework": framework,
                "start": start,
                "end": end,
                "published": entry["published"],
                "published_printed": framework == vocab.Framework.SIF.value,
                "lead": lead,
                "recommendations": n_recs,
                "judgements": {a: vocab.parse_grade(g).value for a, g in entry["judgements"].items()},
            }
        )
    return sorted(out, key=lambda e: e["file"])


needs_reports = pytest.mark.skipif(
    not EXPECTED_JSON.exists(), reason=f"shared material not present: {EXPECTED_JSON}"
)


@cache
def _expected() -> dict[str, dict]:
    return {e["file"]: e for e in expected_reports()}


@cache
def _imported(file: str) -> ImportedReport:
    return import_report(REPORTS / file)


# --------------------------------------------------------------------------------------------
# The 15 real reports
# --------------------------------------------------------------------------------------------


@needs_reports
def test_expected_values_cover_every_report_in_shared():
    assert set(REPORT_FILES) <= {p.name for p in REPORTS.glob("*.pdf")}
    assert sorted(_expected()) == REPORT_FILES


@needs_reports
@pytest.mark.parametrize("file", REPORT_FILES)
def test_every_judgement(file):
    assert _imported(file).data["judgements"] == _expected()[file]["judgements"]


@needs_reports
@pytest.mark.parametrize("file", REPORT_FILES)
def test_dates(file):
    got, want = _imported(file), _expected()[file]
    assert (got.data["start"], got.data["end"]) == (want["start"], want["end"])
    if want["published_printed"]:
        assert got.data["published"] == want["published"]
        assert got.data["sources"][0]["date"] == want["published"]
        assert PUBLISHED_NOT_PRINTED not in got.missing
    else:
        assert "published" not in got.data
        assert "date" not in got.data["sources"][0]
        assert PUBLISHED_NOT_PRINTED in got.missing


@needs_reports
@pytest.mark.parametrize("file", REPORT_FILES)
def test_lead_inspector(file):
    """The lead first; a SIF report's team after it (checked whole in test_corpus.py)."""
    inspectors = _imported(file).data["inspectors"]
    assert inspectors[0] == {"name": _expected()[file]["lead"], "role": "lead inspector"}
    assert all(i["role"] != "lead inspector" for i in inspectors[1:])


@needs_reports
@pytest.mark.parametrize("file", REPORT_FILES)
def test_authority_kind_framework_and_id(file):
    got, want = _imported(file).data, _expected()[file]
    assert got["authority"]["name"] == want["authority"]
    assert (got["kind"], got["framework"]) == (want["kind"], want["framework"])
    slug = want["authority"].lower().replace(" ", "-")
    assert got["id"] == f"{slug}-{want['start'][:4]}-{want['kind'].replace('_', '-')}"


@needs_reports
@pytest.mark.parametrize("file", REPORT_FILES)
def test_recommendations_and_source(file):
    got, want = _imported(file).data, _expected()[file]
    recs = got["recommendations"]
    assert len(recs) == want["recommendations"]
    for rec in recs:
        assert "\n" not in rec and "  " not in rec
        assert rec[0].isupper() and rec.endswith("."), rec
    source = got["sources"][0]
    assert (source["id"], source["publisher"], source["file"]) == ("report", "Ofsted", file)
    assert source["title"].startswith(("Inspection of", "Re-inspection of"))


@needs_reports
@pytest.mark.parametrize("file", REPORT_FILES)
def test_draft_is_a_valid_record_and_only_the_unprinted_date_is_missing(file):
    got, want = _imported(file), _expected()[file]
    record = Record.model_validate(got.data)
    assert record.id == got.data["id"]
    assert got.missing == ([] if want["published_printed"] else [PUBLISHED_NOT_PRINTED])
    assert list(got.data) == [k for k in Record.model_fields if k in got.data]  # the record's key order


@needs_reports
def test_recommendations_are_whole_items_without_subheadings():
    recs = _imported("rotherham-2014-11-19-sif-inspection.pdf").data["recommendations"]
    assert recs[0] == "Secure effective leadership across children’s services."
    # Wrapped across lines, and followed in the report by the subheadings "Areas for improvement" and
    # "Enable looked after children and young people to live in permanent homes".
    assert recs[9] == (
        "Ensure that all children who have returned home from care have sufficient background checks, "
        "assessments and visits to ensure they are safe, and that these occur before any more children "
        "return home."
    )
    assert recs[10].startswith("Ensure that all available routes to permanence")
    # A recommendation that goes on after a full stop at a line end.
    assert recs[20].endswith(
        "Ensure that the service is supported by an effective performance management and information system."
    )


@needs_reports
def test_hyphens_pdfium_marks_are_hyphens():
    # pdfium returns U+FFFE for a hyphen it takes for a line-break hyphen ("decision\ufffemaking").
    recs = _imported("west-sussex-2016-01-20.pdf").data["recommendations"]
    assert "robustness of decision-making, so that" in recs[4]
    # Item 8 runs over a page break: the page number between its lines is not part of it.
    assert "the information obtained from these interviews" in recs[7]


@needs_reports
def test_re_inspection_read_from_the_previous_judgement_is_explained():
    # Leicester 2017's title says "Inspection of services..."; it is a re-inspection after the 2015
    # inadequate judgement, which the report states, and it holds no LSCB review.
    notes = _imported("leicester-2017-09-04.pdf").data["notes"]
    assert len(notes) == 1 and "re-inspection" in notes[0] and "inadequate" in notes[0]
    # Rotherham 2017's title says so itself: no note needed.
    notes = _imported("rotherham-2018-01-29-sif-reinspection.pdf").data.get("notes", [])
    assert not any("re-inspection" in note for note in notes)


@needs_reports
def test_short_or_standard_read_from_the_length_is_explained():
    notes = _imported("rotherham-2022-08-12-ilacs-short-inspection.pdf").data["notes"]
    assert notes == [
        "Kind: the report does not say whether this was a short or a standard inspection; read as an "
        "ILACS short inspection from its 5 days on site (2022-06-27 to 2022-07-01): short inspections "
        "are one week on site, standard inspections two."
    ]


@needs_reports
def test_extract_text_reads_the_whole_report():
    text = pdfimport.extract_text(REPORTS / "suffolk-2019-05-21.pdf")
    assert text.count("\f") == 10  # 11 pages
    assert "Inspection dates: 8 April 2019 to 12 April 2019" in text


@needs_reports
def test_pypdf_reads_the_same_judgements():
    # The benchmark's other library goes through the same reader.
    from pypdf_pages import extract_pages_pypdf

    pages = extract_pages_pypdf(REPORTS / "cambridgeshire-2014-08-08.pdf")
    got = read_report(pages, "cambridgeshire-2014-08-08.pdf")
    assert got.data["judgements"] == _expected()["cambridgeshire-2014-08-08.pdf"]["judgements"]


@needs_reports
def test_truncated_real_report_is_damaged(tmp_path):
    data = (REPORTS / "suffolk-2019-05-21.pdf").read_bytes()
    bad = tmp_path / "suffolk-cut.pdf"
    bad.write_bytes(data[: len(data) // 2])
    with pytest.raises(ReportError, match=r"suffolk-cut\.pdf: the PDF is damaged"):
        import_report(bad)


# --------------------------------------------------------------------------------------------
# Reports never seen: text in the shapes of Ofsted's templates
# --------------------------------------------------------------------------------------------

ILACS_2026_FRONT = """\
Inspection of Rutland County Council
local authority children’s services
Inspection dates: 28 September to 9 October 2026
Lead inspector: Ann Example, His Majesty’s Inspector
Judgement Grade
The impact of leaders on social work
practice with children and families
Good
The experiences and progress of
children who need help and protection
Requires improvement to be good
The experiences and progress of
children in care
Good
The experiences and progress of care
leavers
Outstanding
Children in Rutland receive good help.
"""

ILACS_2026_SECOND = """\
Inspection of Rutland County Council local authority children’s services
28 September to 9 October 2026 2
What needs to improve?
• The timeliness of initial child protection
conferences.
• Decision-making for children at the front door and multi-
agency work with schools.
The experiences and progress of children who need help and
protection: requires improvement to be good
1. Children are seen quickly.
"""


def test_report_without_overall_effectiveness_is_ilacs_2026():
    got = read_report([ILACS_2026_FRONT, ILACS_2026_SECOND], "rutland.pdf")
    assert got.data["framework"] == "ilacs_2026"
    assert got.data["kind"] == "ilacs_standard"
    assert got.data["judgements"] == {
        "leadership": "good",
        "help_and_protection": "requires_improvement",
        "children_in_care": "good",
        "care_leavers": "outstanding",
    }
    assert got.data["authority"] == {"name": "Rutland", "la_number": 857, "ons_code": "E06000017"}
    assert (got.data["start"], got.data["end"]) == ("2026-09-28", "2026-10-09")
    assert got.data["id"] == "rutland-2026-ilacs-standard"
    assert got.data["recommendations"] == [
        "The timeliness of initial child protection conferences.",
        "Decision-making for children at the front door and multi-agency work with schools.",
    ]
    assert got.missing == [PUBLISHED_NOT_PRINTED]  # no overall effectiveness is due: not listed
    Record.model_validate(got.data)


@pytest.mark.parametrize(
    ("line", "start", "end", "kind"),
    [
        ("Inspection dates: 28 November to 2 December 2022", "2022-11-28", "2022-12-02", "ilacs_short"),
        ("Inspection dates: 30 December to 3 January 2020", "2019-12-30", "2020-01-03", "ilacs_short"),
        ("Inspection date: 18 March 2014 – 09 April 2014", "2014-03-18", "2014-04-09", "ilacs_standard"),
        ("Inspection date: 11 – 15 July 2022", "2022-07-11", "2022-07-15", "ilacs_short"),
        ("Inspection date: 3 June 2014 - 25 June 2014", "2014-06-03", "2014-06-25", "ilacs_standard"),
        ("Inspection dates: 2 to\n6 December 2024", "2024-12-02", "2024-12-06", "ilacs_short"),
        ("Inspection dates: 29 December 2025 — 9 January 2026", "2025-12-29", "2026-01-09", "ilacs_standard"),
        ("Inspection dates: 2nd to 6th March 2026", "2026-03-02", "2026-03-06", "ilacs_short"),
        # On site in blocks (Devon 2025, South Tyneside 2023): the end is the last block's, the kind read
        # from the days on site in the blocks.
        ("Inspection dates: 30 September to 11 October 2024 and 13 to 16 January 2025", "2024-09-30",
         "2025-01-16", "ilacs_standard"),
        ("Inspection dates: 5 to 9 December 2022 and 14 to 15 February 2023", "2022-12-05", "2023-02-15",
         "ilacs_short"),
    ],
)
def test_date_ranges_in_every_shape(line, start, end, kind):
    front = ILACS_2026_FRONT.replace("Inspection dates: 28 September to 9 October 2026", line)
    got = read_report([front], "x.pdf")
    assert (got.data["start"], got.data["end"]) == (start, end)
    assert got.data["kind"] == kind  # one week on site or less: short
    if " and " in line:
        assert got.data["notes"][0].startswith("On site in 2 blocks, ")


def test_impossible_dates_are_missing_not_guessed():
    front = ILACS_2026_FRONT.replace("28 September to 9 October 2026", "30 February to 4 March 2026")
    got = read_report([front], "x.pdf")
    assert "start" not in got.data and "end" not in got.data and "id" not in got.data
    problem = "inspection dates: 'Inspection dates: 30 February to 4 March 2026' is not a real date range"
    assert problem in got.missing
    assert any(line.startswith("kind: the report does not say short or standard") for line in got.missing)


SIF_FRONT = """\
1
London Borough of Barnet
Inspection of services for children in need of help and
protection, children looked after and care leavers
and
Review of the effectiveness of the Local Safeguarding Children
Board1
Inspection date: 3 March – 26 March 2015
Report published: 12 May 2015
The overall judgement is that children’s services require improvement to be good
1. Children who need help and protection Requires improvement
2. Children looked after and achieving
permanence
Good
2.1 Adoption performance Outstanding
2.2 Experiences and progress of care leavers Requires improvement
3. Leadership, management and governance Requires improvement
The effectiveness of the Local Safeguarding Children Board (LSCB) is
good
"""


def test_sif_front_page_with_sentences_and_wrapped_rows():
    got = read_report([SIF_FRONT], "example.pdf")
    assert got.data["authority"] == {"name": "Barnet", "la_number": 302, "ons_code": "E09000003"}
    assert (got.data["kind"], got.data["framework"]) == ("sif_inspection", "sif")
    assert got.data["judgements"] == {
        "overall_effectiveness": "requires_improvement",
        "help_and_protection": "requires_improvement",
        "children_in_care": "good",
        "adoption": "outstanding",
        "care_leavers": "requires_improvement",
        "leadership": "requires_improvement",
        "lscb": "good",
    }
    dates = (got.data["start"], got.data["end"], got.data["published"])
    assert dates == ("2015-03-03", "2015-03-26", "2015-05-12")
    title = got.data["sources"][0]["title"]
    assert title.endswith(
        "and care leavers and Review of the effectiveness of the Local Safeguarding Children Board"
    )
    assert got.missing == [
        "lead inspector: no 'Lead inspector:' line found",
        "recommendations: no 'What needs to improve?' or 'Recommendations' list found",
    ]
    Record.model_validate(got.data)


def test_missing_judgement_is_named_and_the_draft_validates_once_completed():
    front = SIF_FRONT.replace("2.1 Adoption performance Outstanding\n", "")
    got = read_report([front], "example.pdf")
    assert "adoption" not in got.data["judgements"]
    assert "judgement 'Adoption performance' (adoption): not found in the report" in got.missing
    Record.model_validate(got.data)  # a draft without one judgement is still a record


def test_draft_without_its_name_needs_the_user_then_validates():
    front = SIF_FRONT.replace("London Borough of Barnet\n", "")
    got = read_report([front], "example.pdf")
    assert "authority" not in got.data and "id" not in got.data
    assert "authority: no name found above or in the title on the first page" in got.missing
    assert "id: needs the authority, the inspection start date and the kind" in got.missing
    with pytest.raises(ValidationError):
        Record.model_validate(got.data)
    completed = {"id": "barnet-2015-sif-inspection", "authority": {"name": "Barnet"}, **got.data}
    assert Record.model_validate(completed).authority.name == "Barnet"


def test_a_list_whose_end_is_not_found_is_missing_not_a_runaway_item():
    body = "What needs to improve?\n• The quality of plans\n" + "and more words without an end\n" * 80
    got = read_report([ILACS_2026_FRONT, body], "x.pdf")
    assert "recommendations" not in got.data
    assert "recommendations: the end of the list was not found (an item runs on)" in got.missing


def test_framework_is_read_from_the_table_and_a_date_mismatch_is_noted():
    front = ILACS_2026_FRONT.replace("28 September to 9 October 2026", "5 to 9 May 2025")
    got = read_report([front], "x.pdf")
    assert got.data["framework"] == "ilacs_2026"
    notes = got.data["notes"]
    assert any("started on 2025-05-05, under the ILACS from January 2023" in note for note in notes)
    # The record rules still hold for the draft: this framework grades no overall effectiveness.
    graded = {**got.data["judgements"], "overall_effectiveness": "good"}
    with pytest.raises(RuleViolations):
        Record.model_validate({**got.data, "judgements": graded})


@pytest.mark.parametrize(
    ("formal", "name"),
    [
        ("Metropolitan Borough of Rotherham", "Rotherham"),
        ("Rotherham Metropolitan Borough Council", "Rotherham"),
        ("West Sussex County Council", "West Sussex"),
        ("Nottingham City", "Nottingham"),
        ("Leicester City Council", "Leicester"),
        ("London Borough of Waltham Forest", "Waltham Forest"),
        ("City of Bradford Metropolitan District Council", "Bradford"),
        ("City of London", "City of London"),
        ("Council of the Isles of Scilly", "Isles of Scilly"),
        ("Gateshead", "Gateshead"),
    ],
)
def test_authority_names_as_ofsted_tables_give_them(formal, name):
    front = SIF_FRONT.replace("London Borough of Barnet", formal)
    assert read_report([front], "x.pdf").data["authority"]["name"] == name


# --------------------------------------------------------------------------------------------
# Bad input: each a ReportError (a JudgementsError) of one line naming the file
# --------------------------------------------------------------------------------------------


def _pdf_string(text: str) -> bytes:
    raw = text.encode("cp1252")
    return b"(" + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def make_pdf(path: Path, pages: list[str]) -> Path:
    """A small PDF with each page's lines in Helvetica, written by hand (no PDF writer needed)."""
    count = len(pages)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [%s] /Count %d >>"
        % (b" ".join(b"%d 0 R" % (4 + 2 * i) for i in range(count)), count),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    for i, text in enumerate(pages):
        shows = b" ".join(_pdf_string(line) + b" Tj T*" for line in text.splitlines())
        stream = b"BT /F1 10 Tf 13 TL 50 800 Td " + shows + b" ET"
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> "
            b"/Contents %d 0 R >>" % (5 + 2 * i)
        )
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
    return write_pdf(path, objects)


def _one_line_error(path: Path) -> str:
    with pytest.raises(ReportError) as exc:
        import_report(path)
    message = str(exc.value)
    assert "\n" not in message
    assert message.startswith(f"{path}: ")
    assert isinstance(exc.value, JudgementsError) and exc.value.exit_code == 1
    return message


def test_a_report_built_here_is_read_from_its_pdf(tmp_path):
    pdf = make_pdf(tmp_path / "rutland.pdf", [ILACS_2026_FRONT, ILACS_2026_SECOND])
    got = import_report(pdf)
    assert got.data["judgements"]["care_leavers"] == "outstanding"
    assert got.data["sources"][0] == {
        "id": "report",
        "title": "Inspection of Rutland County Council local authority children’s services",
        "publisher": "Ofsted",
        "file": "rutland.pdf",
    }
    assert "Lead inspector: Ann Example, His Majesty’s Inspector" in pdfimport.extract_text(pdf)


def test_not_a_pdf(tmp_path):
    path = tmp_path / "x.pdf"
    path.write_bytes(b"hello")
    assert _one_line_error(path) == f"{path}: not a PDF file (it does not start with a PDF header)"


def test_no_such_file(tmp_path):
    assert _one_line_error(tmp_path / "absent.pdf").endswith(": no such file")


def test_a_folder_is_not_a_report(tmp_path):
    assert _one_line_error(tmp_path).endswith(": not a file")


def test_truncated_pdf_is_damaged(tmp_path):
    data = make_pdf(tmp_path / "whole.pdf", [SIF_FRONT]).read_bytes()
    path = tmp_path / "cut.pdf"
    path.write_bytes(data[: len(data) // 3])
    assert _one_line_error(path) == f"{path}: the PDF is damaged and cannot be opened"


def test_garbage_after_the_header_is_damaged(tmp_path):
    path = tmp_path / "junk.pdf"
    path.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 20)
    assert _one_line_error(path) == f"{path}: the PDF is damaged and cannot be opened"


def test_encrypted_pdf(tmp_path):
    pypdf = pytest.importorskip("pypdf")
    writer = pypdf.PdfWriter(clone_from=make_pdf(tmp_path / "plain.pdf", [SIF_FRONT]))
    writer.encrypt("secret")
    path = tmp_path / "locked.pdf"
    with path.open("wb") as fh:
        writer.write(fh)
    expected = f"{path}: the PDF is encrypted with a password; import an unprotected copy"
    assert _one_line_error(path) == expected
    from pypdf_pages import extract_pages_pypdf

    with pytest.raises(ReportError, match="encrypted"):  # the benchmark's other library says so too
        extract_pages_pypdf(path)


def test_pdf_without_text_layer(tmp_path):
    pypdf = pytest.importorskip("pypdf")
    writer = pypdf.PdfWriter()
    writer.add_blank_page(width=595, height=842)
    path = tmp_path / "scan.pdf"
    with path.open("wb") as fh:
        writer.write(fh)
    expected = f"{path}: the PDF has no text layer (a scan?); import-report needs the text"
    assert _one_line_error(path) == expected


def test_pdf_that_is_not_an_ofsted_report(tmp_path):
    path = make_pdf(tmp_path / "minutes.pdf", ["Parish council minutes\nItem 1: the village hall roof.\n"])
    assert _one_line_error(path) == (
        f"{path}: not an Ofsted inspection report of local authority children's services "
        "(no inspection title or 'Inspection dates' line on its first page)"
    )


def test_importing_the_module_loads_no_pdf_library():
    code = (
        "import sys, rotherham_cli.pdfimport; "
        "print(sorted(m for m in ('pypdf', 'pypdfium2') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert out.stdout.strip() == "[]"


@pytest.mark.skipif(not (REPORTS / "rotherham-2025-12-16.pdf").exists(), reason="shared report not present")
def test_the_last_recommendation_stops_at_the_next_judgement_heading():
    # Rotherham, December 2025: the heading "The experiences and progress of children who need help and
    # protection: outstanding" wraps over two lines straight after the list.
    got = import_report(REPORTS / "rotherham-2025-12-16.pdf").data["recommendations"]
    assert got == [
        "The quality of pathway plans for care leavers. (Outcome 4, national framework)",
        "The quality of health history information provided to care leavers. (Outcome 4, national framework)",
    ]


def test_a_report_without_its_judgement_table_says_so_once():
    """One cause, one line: no table means no framework, no kind and no judgements, said together; the
    fields read from elsewhere in the report are still read."""
    front = ILACS_2026_FRONT.split("Judgement Grade")[0] + "Children in Rutland receive good help.\n"
    got = read_report([front, ILACS_2026_SECOND], "x.pdf")
    assert [m for m in got.missing if "table" in m or m.startswith(("kind", "judgement", "framework"))] == [
        "framework, kind and judgements: no judgement table found on the first page"
    ]
    assert {"kind", "framework", "judgements"}.isdisjoint(got.data)
    assert (got.data["start"], got.data["inspectors"][0]["name"]) == ("2026-09-28", "Ann Example")
    assert got.data["recommendations"][0] == "The timeliness of initial child protection conferences."
