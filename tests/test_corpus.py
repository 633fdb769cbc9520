"""`import-report` on every report in ../shared: each fact the report gives against Ofsted's official
statistics, read here directly from the releases (python_calamine), independently of the importer and
of rotherham_cli/official/.

For each report the official releases cover (published to March 2025), the inspection is found in the
releases by its authority and its publication date (index.csv beside the reports, within a week), and
the importer's reading of the report alone is compared with it: every grade, the kind, the first day on
site (ILACS; the releases give no SIF dates) and the publication date (SIF reports print it; ILACS
reports do not, and the importer must say so rather than guess). Every miss is listed in the failure.
"""

from __future__ import annotations

from datetime import date

import pytest
from conftest import OFFICIAL, REPORTS, needs_shared, report_index
from conftest import official_sheet as _sheet
from conftest import sheet_day as _day

R2023 = OFFICIAL / "Childrens_social_care_in_England_2023_underlying_data.ods"
R2025 = OFFICIAL / "LA_Inspection_Outcomes_as_at_31_March_2025.ods"
GRADE = {"outstanding": "outstanding", "good": "good", "requires improvement to be good": "requires_improvement",
         "requires improvement": "requires_improvement", "inadequate": "inadequate", "adequate": "adequate"}
ILACS_AREAS = {
    "Overall effectiveness": "overall_effectiveness",
    "The impact of leaders on social work practice with children and families": "leadership",
    "The experiences and progress of children who need help and protection": "help_and_protection",
    "The experiences and progress of children in care": "children_in_care",
    "The experiences and progress of care leavers": "care_leavers",
}
ON_SCALE = {"adequate": "requires_improvement"}
SIF_AREAS = {  # column of the 2023 release's wide sheet after "First SIF " / "SIF Re-inspection "
    "Overall Judgement\n(OE)": "overall_effectiveness",
    "children who need help and protection": "help_and_protection",
    "children looked after and achieving permanence": "children_in_care",
    "CLA Sub: Adoption Performance": "adoption",
    "CLA Sub: Experiences and progress of care leavers": "care_leavers",
    "leadership, management and governance": "leadership",
}


def _grade(cell) -> str | None:
    return GRADE.get(" ".join(str(cell).split()).lower())


def _official_inspections():
    """Every graded inspection in the releases: (authority slug, publication date) -> facts."""
    from rotherham_cli.authorities import resolve

    out: dict[tuple[str, date], dict] = {}
    for row in _sheet(R2025, "ILACS_inspection_history", 2):
        slug = resolve(str(row["Local authority area code"]).strip()).slug
        kind = "ilacs_short" if "short" in str(row["Inspection type"]).lower() else "ilacs_standard"
        grades = {key: g for col, key in ILACS_AREAS.items() if (g := _grade(row[col]))}
        out[slug, _day(row["Publication date"])] = {"kind": kind, "start": _day(row["Inspection date"]),
                                                     "judgements": grades}
    for row in _sheet(R2023, "LA_inspections_2009-2023", 4):
        name = str(row["Local authority name"]).strip()
        if name in ("", "Local authority name"):
            continue
        slug = resolve(name).slug
        tlac = _day(row.get("Targeted Looked After Children (TLAC) inspection publication date"))
        if tlac and (g := _grade(row.get("TLAC Overall Effectiveness (OE)", ""))):
            out[slug, tlac] = {"kind": "tlac", "start": None, "judgements": {"looked_after_children": g},
                               "published": tlac}
        for prefix, kind, pub in (
            ("First SIF", "sif_inspection",
             "Single Inspection of LA Children's Services (SIF)  First SIF publication date"),
            ("SIF Re-inspection", "sif_reinspection",
             "Single Inspection of LA Children's Services (SIF) SIF Re-inspection publication date"),
        ):
            day = _day(row.get(pub))
            if day is None:
                continue
            grades = {key: g for col, key in SIF_AREAS.items() if (g := _grade(row.get(f"{prefix} {col}", "")))}
            if kind == "sif_inspection" and (g := _grade(row.get("LSCB Overall Effectiveness", ""))):
                grades["lscb"] = g
            out[slug, day] = {"kind": kind, "start": None, "judgements": grades, "published": day}
    return out


_MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december"]


def _printed_publication(path) -> str | None:
    """The 'Report published:' day on a report's first page, read here with pypdfium2 and a pattern of
    this test's own."""
    import re

    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(path))
    try:
        text = doc[0].get_textpage().get_text_range()
    finally:
        doc.close()
    m = re.search(r"Report\s+published\s*:\s*(\d{1,2})(?:\s+([A-Za-z]+)\s+|/(\d{1,2})/)(\d{4})", text)
    if m is None:
        return None
    month = int(m[3]) if m[3] else _MONTHS.index(m[2].lower()) + 1
    return date(int(m[4]), month, int(m[1])).isoformat()


def _find(official, slug, published):
    for gap in range(8):
        for day in {date.fromordinal(published.toordinal() + gap), date.fromordinal(published.toordinal() - gap)}:
            if (slug, day) in official:
                return official[slug, day]
    return None


@pytest.mark.slow  # the corpus: every report read once (about 15 s), shared with the next test
@needs_shared(OFFICIAL)
def test_every_report_the_releases_cover_reads_right(corpus):
    from rotherham_cli.authorities import resolve
    from rotherham_cli.pdfimport import ReportError

    official = _official_inspections()
    misses, differ, covered, facts = [], [], 0, 0
    for row in report_index():
        published = date.fromisoformat(row["published"])
        if published > date(2025, 3, 31):
            continue
        slug = resolve(row["authority"]).slug
        truth = _find(official, slug, published)
        if truth is None:
            continue
        covered += 1
        name = row["file"]
        got = corpus[name]
        if isinstance(got, ReportError):
            misses.append(f"{name}: not read: {got}")
            continue
        data = got.data
        if data.get("kind") != truth["kind"]:
            misses.append(f"{name}: kind {data.get('kind')}, officially {truth['kind']}")
        for area, grade in truth["judgements"].items():
            facts += 1
            # The releases place an 'adequate' of the time on today's scale, as requires improvement.
            if ON_SCALE.get(got_grade := (data.get("judgements") or {}).get(area), got_grade) != grade:
                misses.append(f"{name}: {area} {(data.get('judgements') or {}).get(area)}, officially {grade}")
        wrong = set(data.get("judgements") or {}) - set(truth["judgements"]) - {"lscb"}
        if wrong:
            misses.append(f"{name}: grades areas the releases do not: {sorted(wrong)}")
        if truth["start"] is not None:
            facts += 1
            if data.get("start") != truth["start"].isoformat():
                misses.append(f"{name}: start {data.get('start')}, officially {truth['start']}")
        if "published" not in data:  # left out: the importer must say so, never guess
            if not any(m.startswith("publication date") for m in got.missing):
                misses.append(f"{name}: no publication date, and no word of it")
        else:
            facts += 1
            printed = _printed_publication(REPORTS / name)
            official_day = truth.get("published", published)
            if data["published"] not in (official_day.isoformat(), printed):
                misses.append(f"{name}: published {data['published']}, officially {official_day}, "
                              f"printed {printed}")
            elif data["published"] != official_day.isoformat():
                differ.append(f"{name}: the report prints {printed}, the release gives {official_day}")
    assert covered > 250
    assert facts > 1500
    assert misses == [], f"{len(misses)} misses in {covered} reports:\n" + "\n".join(misses)
    # Where a report prints another publication day than the release, the draft keeps the report's.
    assert len(differ) <= 2, differ


@pytest.mark.slow  # the corpus
def test_every_report_in_the_corpus_reads_to_a_draft_with_grades(corpus):
    """Reports the releases do not yet cover (after March 2025) too: each reads to a valid record with its
    grades."""
    from pydantic import ValidationError

    from rotherham_cli.models import Record, RuleViolations
    from rotherham_cli.pdfimport import ReportError

    assert len(corpus) == 343
    empty, incomplete, refused = [], [], []
    for name, got in corpus.items():
        if isinstance(got, ReportError):
            refused.append(str(got))
            continue
        try:
            # A complete record (the model validates the draft), with its grades.
            if not Record.model_validate(got.data).judgements:
                empty.append(name)
        except (ValidationError, RuleViolations) as exc:
            incomplete.append(f"{name}: {str(exc).splitlines()[0]}")
    assert (empty, incomplete) == ([], [])
    # One file is the Surrey LSCB's review of 2015 on its own: refused with the reason, not read empty.
    assert refused == [f"{REPORTS / 'surrey-2015-08-03.pdf'}: a review of the Local Safeguarding Children Board "
                       "alone, not an inspection of the local authority's children's services; the records hold no "
                       "such visit"]


@pytest.mark.parametrize("pages", [301])
def test_a_pdf_of_too_many_pages_is_refused_in_one_line(run, tmp_path, pages):
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument.new()
    for _ in range(pages):
        pdf.new_page(200, 200)
    path = tmp_path / "many.pdf"
    pdf.save(str(path))
    pdf.close()
    res = run("import-report", path, "--records", tmp_path)
    assert res.exit_code == 1
    assert res.stderr == f"Error: {path}: has {pages} pages, more than the 300 an Ofsted report may have; not read\n"


@needs_shared(REPORTS)
def test_a_pdf_that_takes_too_long_is_refused_in_one_line(run, tmp_path, monkeypatch):
    from rotherham_cli.pdfimport import bounded

    monkeypatch.setattr(bounded, "MAX_SECONDS", 0.001)
    path = REPORTS / "barnsley-2018-11-19.pdf"
    res = run("import-report", path, "--records", tmp_path)
    assert (res.exit_code, res.stderr) == (1, f"Error: {path}: took longer than 0.001 s to read; not read\n")


@needs_shared(REPORTS)
def test_publication_date_and_kind_come_from_the_record_set_and_say_so(run, tmp_path):
    path = REPORTS / "barnsley-2018-11-19.pdf"
    alone = run("import-report", path, "--records", tmp_path)
    assert "published:" not in alone.stdout
    assert "the record set in" in " ".join(alone.stdout.split()) and "holds no record of this inspection" in \
        " ".join(alone.stdout.split())
    with_set = run("import-report", path)
    text = " ".join(with_set.stdout.split())
    assert "\npublished: 2018-11-19\n" in with_set.stdout
    assert ("Publication date 2018-11-19: from barnsley-2018-ilacs-standard in the shipped record set (matched by "
            "authority and inspection dates); the report does not print it.") in text
    assert "Not found in the report: publication date" not in with_set.stderr


@needs_shared(REPORTS)
def test_a_sif_report_gives_its_whole_team_lead_first_with_roles(run, tmp_path):
    """As printed under 'The inspection team' on the report's last pages (names as the report spells them)."""
    import yaml

    res = run("import-report", REPORTS / "rotherham-2014-11-19-sif-inspection.pdf", "--records", tmp_path)
    team = [(i["name"], i["role"]) for i in yaml.safe_load(res.stdout)["inspectors"]]
    assert team == [
        ("Sheena Doyle", "lead inspector"), ("Tracey Metcalfe", "deputy lead inspector"),
        ("Brendan Parkinson", "team inspector"), ("Stella Butler", "team inspector"),
        ("Nancy Meehan", "team inspector"), ("Paula Thomson-Jones", "team inspector"),
        ("Neil Penswick", "team inspector"), ("Karen Wareing", "team inspector"), ("Martin Parry", "team inspector"),
        ("Carolyn Adcock", "quality assurance manager"),
    ]


@needs_shared(REPORTS)
def test_two_lead_inspectors_are_both_read(run, tmp_path):
    """Stoke-on-Trent 2022 prints "Lead inspectors: Rebecca Quested, His Majesty's Inspector, and Matthew Reed,"
    with the second title on the next line."""
    import yaml

    res = run("import-report", REPORTS / "stoke-on-trent-2022-11-25.pdf", "--records", tmp_path)
    leads = [i["name"] for i in yaml.safe_load(res.stdout)["inspectors"] if i["role"] == "lead inspector"]
    assert leads == ["Rebecca Quested", "Matthew Reed"]


@needs_shared(REPORTS)
@pytest.mark.parametrize(("report", "count", "first", "last"), [
    # "What needs to improve:" with a colon, ten bullets, the last over two lines (read with pdftotext).
    ("bradford-2018-10-29.pdf", 10,
     "the identification and response to risk, particularly the longer-term impact of domestic abuse and neglect",
     "supervision of social work staff, which provides direction, to be regular and reflective."),
    # "What needs to improve?1" with a footnote mark; each item ends with the framework it answers to.
    ("somerset-2026-06-17.pdf", 8,
     "The arrangements to identify, track and respond to children missing education. (National Framework, "
     "Outcome 1)",
     "Support to care leavers over 21 years old in custody. (National Framework, Outcome 2)"),
])
def test_recommendations_under_a_heading_with_a_colon_or_a_footnote_mark(run, tmp_path, report, count, first,
                                                                          last):
    import yaml

    recs = yaml.safe_load(run("import-report", REPORTS / report, "--records", tmp_path).stdout)["recommendations"]
    assert (len(recs), recs[0], recs[-1]) == (count, first, last)
