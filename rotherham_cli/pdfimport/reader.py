"""The reader: one report's fields into a draft record, and what is missing.

Each field has a pure reader: a function of the report's text (and of fields read before it) that
returns a :class:`Reading`: the value, or why it is missing, and any notes for the draft. The draft
is put together from the readings at the end, so no reader depends on the order others ran in, and
one cause is said once (a report without a judgement table is missing its framework, its kind and its
judgements for that one reason, said in one line).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any, Generic, TypeVar

from .. import vocab
from ..authorities import name_in_text
from ..identity import record_id
from ..vocab import FRAMEWORKS, Area, Framework, Grade, Kind
from .mentions import read_mentions
from .model import PUBLISHER, SOURCE_ID, ImportedReport
from .patterns import (
    _NAME_SPAN,
    _READ_FRAMEWORKS,
    _SIF_FRAMEWORKS,
    _TLAC_GRADE_RE,
    _TLAC_TITLE_RE,
    _best_framework,
    _grade_at,
    _inspection_dates,
    _later_blocks,
    _lead_inspectors,
    _previous_sif_overall,
    _published,
    _recommendations,
    _sif_lscb,
    _sif_numbered_headings,
    _sif_overall,
    _table_grades,
    _team,
    _title_and_name,
    _words_re,
)
from .text import _Document, _join

# --------------------------------------------------------------------------------------------
# The reader: a draft record and what is missing
# --------------------------------------------------------------------------------------------

_TEXT_MAX = 2000  # the longest text a record's list items may hold (models.Text)
# A report describing itself: "This short inspection ...", "This was a standard inspection".
_SELF_KIND_RE = re.compile(
    r"\bThis\s+(?:was\s+an?\s+)?(?P<kind>short|standard)\s+inspection\b", re.IGNORECASE
)

_ILACS_KIND = {"short": Kind.ILACS_SHORT, "standard": Kind.ILACS_STANDARD}


T = TypeVar("T")


@dataclass(frozen=True)
class Reading(Generic[T]):
    """What one field's reader found: its value (None when not found), why it is missing, and the notes
    the draft carries about how it was read; ``guessed`` when read from circumstance, not print."""

    value: T | None = None
    missing: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    guessed: bool = False


# ---- judgements and framework ---------------------------------------------------------------

NO_TABLE = "framework, kind and judgements: no judgement table found on the first page"


def read_judgements(doc: _Document, start: date | None) -> Reading[tuple[Framework, dict[Area, Grade]]]:
    """The framework of the judgement table on the first page, and every grade (in the framework's
    order), completed from the body where the table misses one."""
    if any(_TLAC_TITLE_RE.match(line) for line in doc.front_lines):
        m = _TLAC_GRADE_RE.search(doc.text)
        grade = _grade_at(m["grade"], 0) if m else None
        return Reading((Framework.PRE_2013, {Area.LOOKED_AFTER_CHILDREN: grade} if grade else {}))
    tables = {fw: _table_grades(doc.front, fw) for fw in _READ_FRAMEWORKS}
    framework = _best_framework(tables)
    notes: list[str] = []
    if framework is None:
        headings = _sif_numbered_headings(doc.lines) if _sif_overall(doc.front) is not None else {}
        if not headings:
            return Reading(missing=(NO_TABLE,))
        # A SIF report whose first page states the overall judgement as a sentence and lists the others
        # as numbered headings further on.
        framework, tables[Framework.SIF] = Framework.SIF, headings
        notes.append("Judgements: the first page states only the overall judgement; the others are read "
                     "from the report's numbered headings (" + "; ".join(
                         f"'{Framework.SIF.wording(a)}: {g.label[0].lower() + g.label[1:]}'"
                         for a, g in headings.items()) + ").")
    if framework in _SIF_FRAMEWORKS:
        found = _sif_sentences(doc, tables[framework])
    else:
        found, more = _ilacs_headings(doc, framework, tables[framework])
        notes += more
    if start is not None and vocab.framework_for(start) is not framework:
        in_force = vocab.framework_for(start)
        notes.insert(0, f"The report's judgements are those of the {framework.label}, but the inspection "
                        f"started on {start.isoformat()}, under the {in_force.label}.")
    order = list(FRAMEWORKS[framework].areas)
    return Reading((framework, dict(sorted(found.items(), key=lambda item: order.index(item[0])))),
                   notes=tuple(notes))


def _ilacs_headings(doc: _Document, framework: Framework,
                    found: dict[Area, Grade]) -> tuple[dict[Area, Grade], list[str]]:
    """An ILACS area the first page's table misses (a misprinted row), from the heading of its section
    in the body: 'The experiences and progress of care leavers: good'; and a note for each."""
    found, notes = dict(found), []
    for area, wording in FRAMEWORKS[framework].areas.items():
        if area in found:
            continue
        m = re.search(rf"(?<![\w-]){_words_re(wording)}\s*:\s*", doc.text, re.IGNORECASE)
        grade = _grade_at(doc.text, m.end()) if m else None
        if grade is not None:
            found[area] = grade
            notes.append(f"{area.short}: read from the heading of its section ('{wording}: "
                         f"{grade.label[0].lower() + grade.label[1:]}'); the table on the first page "
                         "does not give it.")
    return found, notes


def _sif_sentences(doc: _Document, found: dict[Area, Grade]) -> dict[Area, Grade]:
    """SIF grades printed as sentences rather than table rows: overall effectiveness and the LSCB."""
    found = dict(found)
    overall = _sif_overall(doc.front)
    if overall is not None:
        found.setdefault(Area.OVERALL_EFFECTIVENESS, overall)
    lscb = _sif_lscb(doc.text)
    if lscb is not None:
        found.setdefault(Area.LSCB, lscb)
    return found


def missing_judgements(framework: Framework, kind: Kind | None, judgements: dict[Area, Grade]) -> tuple[str, ...]:
    """The areas due that were not found. The areas due: those of the framework read from the table
    (from April 2026 without overall effectiveness), less those the kind does not grade (a SIF
    re-inspection has no LSCB review)."""
    expected = vocab.graded_areas(kind, framework) if kind else tuple(FRAMEWORKS[framework].areas)
    return tuple(f"judgement '{framework.wording(area)}' ({area.value}): not found in the report"
                 for area in expected if area not in judgements)


# ---- kind -----------------------------------------------------------------------------------


def read_kind(doc: _Document, framework: Framework, title: str | None, judgements: dict[Area, Grade],
              start: date | None, end: date | None, days: int | None = None) -> Reading[Kind]:
    """The kind of visit; ``days`` the days on site where the visit was split into blocks."""
    if framework is Framework.PRE_2013:
        return Reading(Kind.TLAC)
    if framework in _SIF_FRAMEWORKS:
        return _sif_kind(doc, title, judgements)
    return _ilacs_kind(doc, start, end, days)


def _sif_kind(doc: _Document, title: str | None, judgements: dict[Area, Grade]) -> Reading[Kind]:
    if title and title.lower().startswith(("re-inspection", "reinspection")):
        return Reading(Kind.SIF_REINSPECTION)
    previous = _previous_sif_overall(doc.text)
    if previous is Grade.INADEQUATE and Area.LSCB not in judgements:
        return Reading(Kind.SIF_REINSPECTION, notes=(
            "Kind: the title does not say re-inspection; read as a SIF re-inspection because the "
            "report gives the previous SIF inspection's overall effectiveness as inadequate and it "
            "holds no review of the LSCB.",
        ))
    return Reading(Kind.SIF_INSPECTION)


def _ilacs_kind(doc: _Document, start: date | None, end: date | None, days: int | None = None) -> Reading[Kind]:
    stated = _SELF_KIND_RE.search(doc.text)
    if stated:
        return Reading(_ILACS_KIND[stated["kind"].lower()])
    if start is None or end is None:
        return Reading(missing=(
            "kind: the report does not say short or standard inspection, and without the "
            "inspection dates its length is not known",
        ))
    days = days or (end - start).days + 1
    kind = Kind.ILACS_SHORT if days <= vocab.ILACS_SHORT_MAX_DAYS else Kind.ILACS_STANDARD
    return Reading(kind, guessed=True, notes=(
        f"Kind: the report does not say whether this was a short or a standard inspection; read as "
        f"an {kind.label} from its {days} days on site ({start.isoformat()} to "
        f"{end.isoformat()}): short inspections are one week on site, standard inspections two.",
    ))


# ---- the other fields -----------------------------------------------------------------------


def read_blocks(doc: _Document, start: date | None, end: date | None) -> Reading[list[tuple[date, date]]]:
    """Every block on site where the dates line gives more than one ("30 September to 11 October 2024
    and 13 to 16 January 2025"), first block included; none for a visit on site in one stretch."""
    if start is None or end is None:
        return Reading()
    later = _later_blocks(doc.front, end)
    if not later:
        return Reading()
    blocks = [(start, end), *later]
    spans = " and ".join(f"{a.isoformat()} to {b.isoformat()}" for a, b in blocks)
    return Reading(blocks, notes=(
        f"On site in {len(blocks)} blocks, {spans}: the end is the last day of the last block.",))


def read_inspectors(doc: _Document) -> Reading[list[dict[str, str]]]:
    """The lead inspector (or both leads), then the rest of a SIF report's team with their roles."""
    leads = _lead_inspectors(doc.text)
    if not leads:
        return Reading(missing=("lead inspector: no 'Lead inspector:' line found",))
    return Reading([*({"name": n, "role": "lead inspector"} for n in leads),
                    *({"name": n, "role": r} for n, r in _team(doc.text))])


def read_recommendations(doc: _Document) -> Reading[list[str]]:
    recommendations = _recommendations(doc)
    if recommendations and max(map(len, recommendations)) > _TEXT_MAX:
        return Reading(missing=("recommendations: the end of the list was not found (an item runs on)",))
    if recommendations:
        return Reading(recommendations)
    return Reading(missing=("recommendations: no 'What needs to improve?' or 'Recommendations' list found",))


def read_source(title: str | None, published: date | None, file_name: str) -> Reading[dict[str, Any]]:
    source: dict[str, Any] = {"id": SOURCE_ID}
    if title:
        source["title"] = title
    source["publisher"] = PUBLISHER
    if published:
        source["date"] = published.isoformat()
    source["file"] = file_name
    return Reading(source, missing=() if title else ("source title: the report's title line was not found",))


# ---- the draft ------------------------------------------------------------------------------


def authority_fields(authority, start: date | None) -> dict[str, Any]:
    """A record's authority: the register's name, DfE number and the GSS code in force at the start."""
    return {"name": authority.name, "la_number": authority.la_number,
            "ons_code": authority.gss_on(start) if start else authority.gss}



def read_draft(doc: _Document, file_name: str) -> ImportedReport:
    """Every field's reading put together into a draft record, with what is missing and the notes."""
    title, _ = _title_and_name(doc)
    start, end, date_problem = _inspection_dates(doc.front)
    blocks = read_blocks(doc, start, end)
    if blocks.value:  # a visit on site in blocks ends on the last day of the last block
        end = blocks.value[-1][1]
    # The front page opens with the authority's name, in its title or above it, as printed
    # ("London Borough of Barking and / Dagenham"): the register finds it there.
    authority = name_in_text(doc.front[:_NAME_SPAN], on=start)
    published = _published(doc.front)
    judged = read_judgements(doc, start)
    framework, judgements = judged.value if judged.value else (None, {})
    days = sum((b - a).days + 1 for a, b in blocks.value) if blocks.value else None
    kind = read_kind(doc, framework, title, judgements, start, end, days) if framework else Reading()
    inspectors = read_inspectors(doc)
    recommendations = read_recommendations(doc)
    source = read_source(title, published, file_name)
    mentions = read_mentions(_join(doc.lines))

    data: dict[str, Any] = {}
    missing: list[str] = []
    if authority and start and kind.value:
        data["id"] = record_id(authority.slug, kind.value, start, start)
    else:
        missing.append("id: needs the authority, the inspection start date and the kind")
    if authority:
        data["authority"] = authority_fields(authority, start)
    else:
        missing.append("authority: no name found above or in the title on the first page")
    if kind.value:
        data["kind"] = kind.value.value
    if framework:
        data["framework"] = framework.value
    if start and end:
        data["start"], data["end"] = start.isoformat(), end.isoformat()
    else:
        missing.append(f"inspection dates: {date_problem}")
    if published:
        data["published"] = published.isoformat()
    else:
        missing.append("publication date: not printed in the report")
    if inspectors.value:
        data["inspectors"] = inspectors.value
    if judgements:
        data["judgements"] = {area.value: grade.value for area, grade in judgements.items()}
    if recommendations.value:
        data["recommendations"] = recommendations.value
    missing += [*judged.missing, *kind.missing, *inspectors.missing]
    if framework:
        missing += missing_judgements(framework, kind.value, judgements)
    missing += [*recommendations.missing, *source.missing]
    notes = [*blocks.notes, *judged.notes, *kind.notes, *(u.note for u in mentions.undated)]
    if notes:
        data["notes"] = notes
    data["sources"] = [source.value]
    return ImportedReport(data, missing, {"kind"} if kind.guessed else set(), mentions)
