"""Layouts of SIF reports the shared corpus does not hold (issue 31, "Reports not seen before").

The fixtures are made from real reports' wording (Barnet's SIF first page of 2015, test_pdfimport's
SIF_FRONT; Bexley's section headings and paragraphs of 2014): the judgements moved from the first page's
list to numbered headings further on, and the publication date printed in the other forms Ofsted's
reports use. The expected values are what the fixture's own lines say.
"""

from __future__ import annotations

import re

import pytest
from test_pdfimport import SIF_FRONT

from rotherham_cli.models import Record
from rotherham_cli.pdfimport import read_report

# The first page as printed, less its list of judgements (from "1. Children who need" to "3. Leadership").
FRONT = re.sub(r"1\. Children who need.*?\n3\. Leadership[^\n]*\n", "", SIF_FRONT, flags=re.DOTALL)


CONTENTS = """\
2
Contents
1. Children who need help and protection 12
2. Children looked after and achieving permanence 16
3. Leadership, management and governance 25
"""

BODY = """\
12
Inspection judgements about the local authority
1. Children who need help and protection
Require improvement
61. During this inspection no widespread or serious failures were identified by
inspectors that left children being harmed or at risk of harm.
2. Children looked after and achieving
permanence
Require improvement
2.1 Adoption performance
Requires
improvement
2.2 Experiences and progress of care leavers
Good
3. Leadership, management and governance
Require improvement
144. The local authority knows its strengths and areas for development.
Lead inspector: Ann Example, Her Majesty’s Inspector
"""


def test_judgements_as_numbered_headings_further_on_are_read_and_said_so():
    got = read_report([FRONT, CONTENTS, BODY], "barnet.pdf")
    assert (got.data["kind"], got.data["framework"]) == ("sif_inspection", "sif")
    assert got.data["judgements"] == {
        "overall_effectiveness": "requires_improvement",
        "help_and_protection": "requires_improvement",
        "children_in_care": "requires_improvement",
        "adoption": "requires_improvement",
        "care_leavers": "good",
        "leadership": "requires_improvement",
        "lscb": "good",
    }
    assert got.data["notes"][0].startswith("Judgements: the first page states only the overall judgement; "
                                           "the others are read from the report's numbered headings "
                                           "('Children who need help and protection: requires improvement")
    assert (got.data["start"], got.data["end"], got.data["published"]) == ("2015-03-03", "2015-03-26", "2015-05-12")
    assert not [m for m in got.missing if m.startswith(("judgement", "framework"))]
    Record.model_validate(got.data)


def test_a_numbered_heading_followed_by_prose_gives_no_grade():
    body = BODY.replace("2.2 Experiences and progress of care leavers\nGood\n",
                        "2.2 Experiences and progress of care leavers\nGood progress has been made by care leavers\n")
    got = read_report([FRONT, CONTENTS, body], "barnet.pdf")
    assert "care_leavers" not in got.data["judgements"]
    assert ("judgement 'Experiences and progress of care leavers' (care_leavers): not found in the report"
            in got.missing)


def test_an_area_given_two_grades_by_its_headings_is_left_out():
    summary = "3\n1. Children who need help and protection\nInadequate\n"
    got = read_report([FRONT, CONTENTS, summary, BODY], "barnet.pdf")
    assert "help_and_protection" not in got.data["judgements"]
    assert got.data["judgements"]["leadership"] == "requires_improvement"


def test_numbered_headings_are_not_read_without_the_overall_sentence_on_the_first_page():
    front = FRONT.replace("The overall judgement is that children’s services require improvement to be good\n", "")
    assert front != FRONT
    got = read_report([front, CONTENTS, BODY], "barnet.pdf")
    assert "judgements" not in got.data
    assert "framework, kind and judgements: no judgement table found on the first page" in got.missing


@pytest.mark.parametrize("printed", [
    "Report published: 12 May 2015",
    "Report published: 12th May 2015",
    "Report published: Friday 12 May 2015",
    "Report published: 12 May, 2015",
    "Report published on 12 May 2015",
    "Published: 12 May 2015",
    "Publication date: 12 May 2015",
    "Date of publication: 12 May 2015",
    "Report published: 12/05/2015",
])
def test_publication_date_in_the_forms_reports_print_it(printed):
    front = FRONT.replace("Report published: 12 May 2015", printed)
    got = read_report([front, CONTENTS, BODY], "barnet.pdf")
    assert got.data["published"] == "2015-05-12"


@pytest.mark.parametrize(("printed", "day"), [
    ("Report published: 8 Aug 2014", "2014-08-08"),
    ("Report published: 8 Aug. 2014", "2014-08-08"),
    ("Report published: 19 Sept 2014", "2014-09-19"),
    ("Report published: 19 Sep 2014", "2014-09-19"),
])
def test_publication_date_with_a_short_month_name(printed, day):
    front = FRONT.replace("Report published: 12 May 2015", printed)
    assert read_report([front, CONTENTS, BODY], "barnet.pdf").data["published"] == day


@pytest.mark.parametrize("printed", [
    "The LSCB annual report, published 12 May 2015, was reviewed.",  # prose, not the report's label
    "Report published: May 2015",  # no day: never guessed
    "Report published: 31 Sep 2014",  # no such day
])
def test_no_publication_date_is_made_of_what_is_not_one(printed):
    front = FRONT.replace("Report published: 12 May 2015", printed)
    got = read_report([front, CONTENTS, BODY], "barnet.pdf")
    assert "published" not in got.data
    assert "publication date: not printed in the report" in got.missing
