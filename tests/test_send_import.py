"""`judgements import-report` on area SEND reports: the real command on shared reports, and the reader on
made-up pages (which need nothing from ../shared)."""

import yaml
from conftest import SHARED, needs_shared

from rotherham_cli.pdfimport import read_report

SEND = SHARED / "data" / "send"


@needs_shared(SEND)
def test_a_significant_concerns_report(run, tmp_path):
    empty = tmp_path / "no-records"
    empty.mkdir()
    res = run("import-report", SEND / "bexley-2024-02-23.pdf", "--records", empty)
    assert res.exit_code == 0, res.stderr
    data = yaml.safe_load(res.stdout)
    # As printed in the report: "Inspection dates: 4 December 2023 to 8 December 2023", the outcome's
    # "widespread and/or systemic failings", three rows of areas for priority action and two areas for
    # improvement, and the team table (three Ofsted, three CQC inspectors).
    assert data["id"] == "bexley-2023-12-area-send"
    assert (data["kind"], data["framework"], data["outcome"]) == ("area_send", "area_send_2023", "significant_concerns")
    assert (str(data["start"]), str(data["end"])) == ("2023-12-04", "2023-12-08")
    assert "published" not in data
    assert [(i["name"], i["role"], i["inspectorate"]) for i in data["inspectors"]] == [
        ("Sam Hainey", "lead inspector", "ofsted"), ("Maire Atherton", "inspector", "ofsted"),
        ("Rosemary Henn-Macrae", "inspector", "ofsted"), ("Lesley Perry", "lead inspector", "cqc"),
        ("Lea Pickerill", "inspector", "cqc"), ("Rebecca Hogan", "inspector", "cqc"),
    ]
    assert len(data["areas_for_priority_action"]) == 3
    assert data["areas_for_priority_action"][2].startswith("Leaders across the partnership should work at pace")
    assert data["areas_for_priority_action"][2].endswith("in order to meet their needs.")
    assert len(data["areas_for_improvement"]) == 2
    assert data["areas_for_improvement"][1].endswith("• they secure improvements to services and provision more "
                                                     "effectively.")
    assert data["sources"][0]["facts"] == ["kind", "framework", "start", "end", "outcome", "inspectors",
                                           "areas_for_improvement", "areas_for_priority_action"]
    assert res.stderr.splitlines()[0] == "Not found in the report: publication date: not printed in the report"


@needs_shared(SEND)
def test_a_positive_report_validates_once_dated(run, tmp_path):
    res = run("import-report", SEND / "rotherham-2024-11-14.pdf", "--records", tmp_path)
    data = yaml.safe_load(res.stdout)
    assert data["outcome"] == "positive"
    assert "areas_for_priority_action" not in data
    assert [i["name"] for i in data["inspectors"] if i["inspectorate"] == "cqc"] == ["Lesley Perry", "Sandra Smith"]
    data["published"] = "2024-11-14"  # from the report's listing (index.csv), which the report does not print
    folder = tmp_path / "records"
    folder.mkdir()
    (folder / f"{data['id']}.yaml").write_text(yaml.safe_dump(data, sort_keys=False))
    res = run("validate", "--records", folder)
    assert res.stdout == "1 record OK\n", res.stderr


FRONT = """Local area partnership report
Area SEND inspection of Rutland Local Area Partnership
Inspection dates: 15 to 19 May 2023
Inspection outcome
{outcome}
Information about the local area partnership"""
LAST = """Areas for improvement
Areas for improvement
Leaders should do one thing.
Leaders should do another thing.
Local area partnership details
Inspection team
Ofsted Care Quality Commission
Ann Example, Ofsted HMI lead inspector Bea Example, CQC lead inspector
Cy Example, Ofsted Inspector
If you are not happy with the inspection or the report, you can complain to Ofsted."""


def test_made_up_pages_are_read_and_gaps_said():
    words = "The local area partnership's arrangements lead to inconsistent experiences and outcomes for children."
    draft = read_report([FRONT.format(outcome=words), LAST], "made-up.pdf")
    assert draft.data["outcome"] == "inconsistent"
    assert draft.data["areas_for_improvement"] == ["Leaders should do one thing.", "Leaders should do another thing."]
    assert [i["name"] for i in draft.data["inspectors"]] == ["Ann Example", "Cy Example", "Bea Example"]
    assert draft.missing == ["publication date: not printed in the report"]


def test_no_outcome_words_is_missing_not_guessed():
    draft = read_report([FRONT.format(outcome="The partnership is doing its best."), LAST], "made-up.pdf")
    assert "outcome" not in draft.data
    assert "outcome: the 'Inspection outcome' paragraph gives none of the three outcomes' words" in draft.missing
