"""Visits known from a mention: the reader of the sentences in which a report names earlier focused
visits, monitoring visits and JTAIs (on real sentences of the reports in ../shared), and the records the
build made of them (issue 27)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from conftest import RECORDS, REPORTS, needs_shared

from rotherham_cli.dates import PartialDate
from rotherham_cli.identity import same_visit
from rotherham_cli.models import Record
from rotherham_cli.pdfimport.mentions import read_mentions
from rotherham_cli.vocab import Kind

FOCUSED, MONITORING, JTAI = Kind.FOCUSED_VISIT, Kind.MONITORING_VISIT, Kind.JTAI


def dated(text: str) -> list[tuple[Kind, str, str | None]]:
    return [(m.kind, str(m.when), m.theme) for m in read_mentions(text).dated]


# Sentences as the reports print them (the file each comes from is named).
@pytest.mark.parametrize(("text", "expected"), [
    # knowsley-2025-01-20.pdf
    ("Although current senior leaders describe Knowsley as being on an improvement journey, there has been little "
     "progress in the areas requiring improvement since the last inspection and two subsequent focused visits in "
     "October 2022 and January 2024. This shortfall was identified at the focused visit in January 2024. This does "
     "not support them and has not been addressed since the 2024 focused visit.",
     [(FOCUSED, "2022-10", None), (FOCUSED, "2024-01", None)]),
    # shropshire-2025-08-12.pdf: the last inspection's month is not a visit's
    ("Since the last ILACS inspection in February 2022, and particularly since the subsequent focused visit in "
     "November 2023, which identified a decline in child protection practice, senior leaders have taken action.",
     [(FOCUSED, "2023-11", None)]),
    # sefton-2025-08-12.pdf: the theme the sentence names
    ("Leaders have responded swiftly and effectively to the findings of the monitoring visit focusing on care "
     "leavers in February 2024.", [(MONITORING, "2024-02", "care_leavers")]),
    # stockport-2025-07-15.pdf
    ("Practice weaknesses identified at a focused visit in February 2024 and two internal reviews this year have "
     "not been addressed effectively. Leaders have taken effective action to address the increasing social work "
     "turnover seen at the focused visit in 2024.", [(FOCUSED, "2024-02", None)]),
    # rotherham-2022-08-12-ilacs-short-inspection.pdf: two visits known to the year
    ("Since the last Ofsted inspection, in 2017, there have been two focused visits, in 2019 and 2020.",
     [(FOCUSED, "2019", None), (FOCUSED, "2020", None)]),
    # halton-2020-04-15.pdf: "in November 2014" is the SIF inspection's, not the focused visit's
    ("Since the inspection under the single inspection framework (SIF) in November 2014, the focused visit in July "
     "2018 and the joint targeted area inspection (JTAI) in July 2019, the local authority has made progress.",
     [(FOCUSED, "2018-07", None), (JTAI, "2019-07", None)]),
    # medway-2019-08-27.pdf: the year before the kind
    ("Senior leaders have sustained improvements following the priority actions identified in the 2018 joint "
     "targeted area inspection.", [(JTAI, "2018", None)]),
    # nottingham-2022-09-05.pdf
    ("In February 2020, a focused visit found there were areas for priority action in Nottingham.",
     [(FOCUSED, "2020-02", None)]),
    # cambridgeshire-2014-08-08.pdf: a council's own monitoring visits are no Ofsted visit
    ("Whilst effective work is being undertaken, monitoring visits by the commissioning team ensure that children "
     "placed outside the county are safe.", []),
])
def test_dated_mentions(text, expected):
    assert dated(text) == expected


def test_a_count_beyond_the_dated_visits_is_kept_undated():
    # bradford-2023-01-31.pdf
    found = read_mentions("Ofsted has conducted seven monitoring visits since the previous inadequate judgement.")
    assert found.dated == []
    assert [(u.kind, u.count) for u in found.undated] == [(MONITORING, 7)]
    assert found.undated[0].note.startswith("The report mentions seven monitoring visits before this inspection "
                                            "without their dates ('Ofsted has conducted seven monitoring visits")
    # knowsley-2017-06-13.pdf: six visits, two of them dated
    found = read_mentions(
        "The local authority has had six monitoring visits from Ofsted to support improvement since it was found to "
        "be inadequate. The most recent monitoring visit in relation to children who need help and protection was "
        "in August 2016. The most recent monitoring visit in relation to children looked after was in November 2016.")
    assert [(m.kind, str(m.when), m.theme) for m in found.dated] == [
        (MONITORING, "2016-08", "help_and_protection"), (MONITORING, "2016-11", "looked_after_children")]
    assert [(u.kind, u.count) for u in found.undated] == [(MONITORING, 4)]


def test_plural_visits_with_one_date_are_not_one_visit():
    # wirral-2019-07-29.pdf: how many monitoring visits in 2017 is not said
    found = read_mentions("Early Ofsted monitoring visits in 2017 reported that progress was slow. At the Ofsted "
                          "monitoring visit in December 2018, this was not operational.")
    assert [(m.kind, str(m.when)) for m in found.dated] == [(MONITORING, "2018-12")]
    assert [(u.kind, u.count) for u in found.undated] == [(MONITORING, None)]


def test_one_visit_the_report_dates_two_ways_is_one_mention():
    # wokingham-2019-07-15.pdf
    found = read_mentions("A focused visit in November 2018 concluded that the situation remained fragile. The team "
                          "is more effective than it was at the time of Ofsted's focused visit in October 2018.")
    assert [(str(m.when), m.also) for m in found.dated] == [("2018-11", (PartialDate(2018, 10),))]


def test_two_visits_known_only_to_adjacent_years_are_two_visits():
    def visit(year: str) -> Record:
        return Record.model_validate({
            "id": f"rotherham-{year}-focused-visit", "authority": {"name": "Rotherham"}, "kind": "focused_visit",
            "framework": "ilacs", "start": year,
            "sources": [{"id": "s", "title": "t", "publisher": "p", "file": "f.pdf"}]})

    assert not same_visit(visit("2019"), visit("2020"))
    assert same_visit(visit("2019"), visit("2019"))


# ---- the shipped records ---------------------------------------------------------------------


def shipped(slug: str, rid: str) -> dict:
    return yaml.safe_load((RECORDS / slug / f"{rid}.yaml").read_text(encoding="utf-8"))


@needs_shared(REPORTS)
@pytest.mark.parametrize(("slug", "rid", "kind", "start", "report"), [
    ("knowsley", "knowsley-2024-01-focused-visit", "focused_visit", "2024-01", "knowsley-2025-01-20.pdf"),
    ("shropshire", "shropshire-2023-11-focused-visit", "focused_visit", "2023-11", "shropshire-2025-08-12.pdf"),
    ("sefton", "sefton-2024-02-monitoring-visit", "monitoring_visit", "2024-02", "sefton-2025-08-12.pdf"),
    ("stockport", "stockport-2024-02-focused-visit", "focused_visit", "2024-02", "stockport-2025-07-15.pdf"),
])
def test_visits_known_from_a_mention_are_shipped(run, slug, rid, kind, start, report):
    res = run("show", rid, "-a", slug, "-f", "json")
    assert res.exit_code == 0, res.stderr
    shown = json.loads(res.stdout)
    shown = shown[0] if isinstance(shown, list) else shown
    assert (shown["kind"], str(shown["start"])) == (kind, start)
    assert not shown.get("judgements")
    data = shipped(slug, rid)
    (source,) = [s for s in data["sources"] if s["id"] == "mention"]
    assert Path(source["file"]).name == report
    assert source["facts"][:3] == ["kind", "framework", "start"]
    assert source["notes"][0].startswith("Known from a mention in this report")
    assert (REPORTS / report).exists()


@needs_shared(REPORTS)
def test_a_mention_merges_with_the_visit_the_release_dates_to_the_day():
    data = shipped("knowsley", "knowsley-2022-10-focused-visit")
    assert str(data["start"]) == "2022-10-11"  # the release's day stays
    mention = next(s for s in data["sources"] if s["id"] == "mention")
    release = next(s for s in data["sources"] if s["id"] == "official-2023")
    assert "start" not in mention["facts"] and "start" in release["facts"]
    assert not (RECORDS / "knowsley" / "knowsley-2022-10-focused-visit-2.yaml").exists()
    assert len(list((RECORDS / "knowsley").glob("knowsley-2022-*-focused-visit.yaml"))) == 1


# ---- split visits (issue 27: "Fill ends and starts the reports give") --------------------------


@needs_shared(REPORTS)
@pytest.mark.parametrize(("slug", "rid", "start", "end"), [
    # "Inspection dates: 30 September to 11 October 2024 and 13 to 16 January 2025" (devon-2025-05-13.pdf)
    ("devon", "devon-2024-ilacs-standard", "2024-09-30", "2025-01-16"),
    # "Inspection dates: 5 to 9 December 2022 and 14 to 15 February 2023" (south-tyneside-2023-05-10.pdf)
    ("south-tyneside", "south-tyneside-2022-ilacs-short", "2022-12-05", "2023-02-15"),
])
def test_a_split_visit_ends_on_the_last_day_of_its_last_block(run, slug, rid, start, end):
    res = run("show", rid, "-a", slug)
    assert res.exit_code == 0, res.stderr
    assert re.search(rf"^On site +{start} to {end}$", res.stdout, re.MULTILINE)
