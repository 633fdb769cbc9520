"""The reader: one report's fields in turn into a draft record, and what is missing."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from .. import vocab
from ..authorities import name_in_text
from ..identity import record_id
from ..vocab import FRAMEWORKS, Area, Framework, Grade, Kind
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
    _lead_inspectors,
    _previous_sif_overall,
    _published,
    _recommendations,
    _sif_lscb,
    _sif_overall,
    _table_grades,
    _team,
    _title_and_name,
    _words_re,
)
from .text import _Document

# --------------------------------------------------------------------------------------------
# The reader: a draft record and what is missing
# --------------------------------------------------------------------------------------------

_TEXT_MAX = 2000  # the longest text a record's list items may hold (models.Text)
# A report describing itself: "This short inspection ...", "This was a standard inspection".
_SELF_KIND_RE = re.compile(
    r"\bThis\s+(?:was\s+an?\s+)?(?P<kind>short|standard)\s+inspection\b", re.IGNORECASE
)

_ILACS_KIND = {"short": Kind.ILACS_SHORT, "standard": Kind.ILACS_STANDARD}


class _Reader:
    """Reads one report's fields in turn, collecting the draft and the list of what is missing."""

    def __init__(self, doc: _Document, file_name: str):
        self.doc = doc
        self.file_name = file_name
        self.missing: list[str] = []
        self.notes: list[str] = []
        self.guessed: set[str] = set()

    def read(self) -> ImportedReport:
        title, _ = _title_and_name(self.doc)
        start, end, date_problem = _inspection_dates(self.doc.front)
        # The front page opens with the authority's name, in its title or above it, as printed
        # ("London Borough of Barking and / Dagenham"): the register finds it there.
        authority = name_in_text(self.doc.front[:_NAME_SPAN], on=start)
        published = _published(self.doc.front)
        framework, judgements = self._judgements(start)
        kind = self._kind(framework, title, judgements, start, end)
        leads = _lead_inspectors(self.doc.text)
        recommendations = _recommendations(self.doc)

        data: dict[str, Any] = {}
        if authority and start and kind:
            data["id"] = record_id(authority.slug, kind, start, start)
        else:
            self.missing.append("id: needs the authority, the inspection start date and the kind")
        if authority:
            data["authority"] = {"name": authority.name, "la_number": authority.la_number,
                                 "ons_code": authority.gss_on(start) if start else authority.gss}
        else:
            self.missing.append("authority: no name found above or in the title on the first page")
        if kind:
            data["kind"] = kind.value
        if framework:
            data["framework"] = framework.value
        if start and end:
            data["start"], data["end"] = start.isoformat(), end.isoformat()
        else:
            self.missing.append(f"inspection dates: {date_problem}")
        if published:
            data["published"] = published.isoformat()
        else:
            self.missing.append("publication date: not printed in the report")
        if leads:
            data["inspectors"] = [*({"name": n, "role": "lead inspector"} for n in leads),
                                  *({"name": n, "role": r} for n, r in _team(self.doc.text))]
        else:
            self.missing.append("lead inspector: no 'Lead inspector:' line found")
        if judgements:
            data["judgements"] = {area.value: grade.value for area, grade in judgements.items()}
        self._missing_judgements(framework, kind, judgements)
        if recommendations and max(map(len, recommendations)) > _TEXT_MAX:
            self.missing.append("recommendations: the end of the list was not found (an item runs on)")
        elif recommendations:
            data["recommendations"] = recommendations
        else:
            self.missing.append(
                "recommendations: no 'What needs to improve?' or 'Recommendations' list found"
            )
        if self.notes:
            data["notes"] = self.notes
        data["sources"] = [self._source(title, published)]
        return ImportedReport(data, self.missing, self.guessed)

    # ---- parts ----------------------------------------------------------------------------

    def _judgements(self, start: date | None) -> tuple[Framework | None, dict[Area, Grade]]:
        if any(_TLAC_TITLE_RE.match(line) for line in self.doc.front_lines):
            m = _TLAC_GRADE_RE.search(self.doc.text)
            grade = _grade_at(m["grade"], 0) if m else None
            return Framework.PRE_2013, ({Area.LOOKED_AFTER_CHILDREN: grade} if grade else {})
        tables = {fw: _table_grades(self.doc.front, fw) for fw in _READ_FRAMEWORKS}
        framework = _best_framework(tables)
        if framework is None:
            self.missing.append("framework: no judgement table found on the first page")
            return None, {}
        found = tables[framework]
        sif = framework in _SIF_FRAMEWORKS
        found = self._sif_sentences(found) if sif else self._ilacs_headings(framework, found)
        if start is not None and vocab.framework_for(start) is not framework:
            in_force = vocab.framework_for(start)
            self.notes.append(
                f"The report's judgements are those of the {framework.label}, but the inspection "
                f"started on {start.isoformat()}, under the {in_force.label}."
            )
        order = list(FRAMEWORKS[framework].areas)
        return framework, dict(sorted(found.items(), key=lambda item: order.index(item[0])))

    def _ilacs_headings(self, framework: Framework, found: dict[Area, Grade]) -> dict[Area, Grade]:
        """An ILACS area the first page's table misses (a misprinted row), from the heading of its section
        in the body: 'The experiences and progress of care leavers: good'."""
        found = dict(found)
        for area, wording in FRAMEWORKS[framework].areas.items():
            if area in found:
                continue
            m = re.search(rf"(?<![\w-]){_words_re(wording)}\s*:\s*", self.doc.text, re.IGNORECASE)
            grade = _grade_at(self.doc.text, m.end()) if m else None
            if grade is not None:
                found[area] = grade
                self.notes.append(f"{area.short}: read from the heading of its section ('{wording}: "
                                  f"{grade.label[0].lower() + grade.label[1:]}'); the table on the first page "
                                  "does not give it.")
        return found

    def _sif_sentences(self, found: dict[Area, Grade]) -> dict[Area, Grade]:
        """SIF grades printed as sentences rather than table rows: overall effectiveness and the LSCB."""
        found = dict(found)
        overall = _sif_overall(self.doc.front)
        if overall is not None:
            found.setdefault(Area.OVERALL_EFFECTIVENESS, overall)
        lscb = _sif_lscb(self.doc.text)
        if lscb is not None:
            found.setdefault(Area.LSCB, lscb)
        return found

    def _kind(
        self,
        framework: Framework | None,
        title: str | None,
        judgements: dict[Area, Grade],
        start: date | None,
        end: date | None,
    ) -> Kind | None:
        if framework is None:
            self.missing.append("kind: not decided without the judgement table")
            return None
        if framework is Framework.PRE_2013:
            return Kind.TLAC
        if framework in _SIF_FRAMEWORKS:
            return self._sif_kind(title, judgements)
        return self._ilacs_kind(start, end)

    def _sif_kind(self, title: str | None, judgements: dict[Area, Grade]) -> Kind:
        if title and title.lower().startswith(("re-inspection", "reinspection")):
            return Kind.SIF_REINSPECTION
        previous = _previous_sif_overall(self.doc.text)
        if previous is Grade.INADEQUATE and Area.LSCB not in judgements:
            self.notes.append(
                "Kind: the title does not say re-inspection; read as a SIF re-inspection because the "
                "report gives the previous SIF inspection's overall effectiveness as inadequate and it "
                "holds no review of the LSCB."
            )
            return Kind.SIF_REINSPECTION
        return Kind.SIF_INSPECTION

    def _ilacs_kind(self, start: date | None, end: date | None) -> Kind | None:
        stated = _SELF_KIND_RE.search(self.doc.text)
        if stated:
            return _ILACS_KIND[stated["kind"].lower()]
        if start is None or end is None:
            self.missing.append(
                "kind: the report does not say short or standard inspection, and without the "
                "inspection dates its length is not known"
            )
            return None
        days = (end - start).days + 1
        kind = Kind.ILACS_SHORT if days <= vocab.ILACS_SHORT_MAX_DAYS else Kind.ILACS_STANDARD
        self.guessed.add("kind")
        self.notes.append(
            f"Kind: the report does not say whether this was a short or a standard inspection; read as "
            f"an {kind.label} from its {days} days on site ({start.isoformat()} to "
            f"{end.isoformat()}): short inspections are one week on site, standard inspections two."
        )
        return kind

    def _missing_judgements(
        self, framework: Framework | None, kind: Kind | None, judgements: dict[Area, Grade]
    ) -> None:
        if framework is None:
            self.missing.append("judgements: none found")
            return
        # The areas due: those of the framework read from the table (from April 2026 without overall
        # effectiveness), less those the kind does not grade (a SIF re-inspection has no LSCB review).
        expected = vocab.graded_areas(kind, framework) if kind else tuple(FRAMEWORKS[framework].areas)
        for area in expected:
            if area not in judgements:
                self.missing.append(
                    f"judgement '{framework.wording(area)}' ({area.value}): not found in the report"
                )

    def _source(self, title: str | None, published: date | None) -> dict[str, Any]:
        source: dict[str, Any] = {"id": SOURCE_ID}
        if title:
            source["title"] = title
        else:
            self.missing.append("source title: the report's title line was not found")
        source["publisher"] = PUBLISHER
        if published:
            source["date"] = published.isoformat()
        source["file"] = self.file_name
        return source
