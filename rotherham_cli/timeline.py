"""The journey on one screen: grades by area across every graded inspection, in date order."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field

from pydantic import BaseModel, ConfigDict, Field

from .errors import UsageError
from .models import Record
from .vocab import AREA_ORDER, Area, Change, Framework, Grade, Kind, SendOutcome, compare_grades


@dataclass(frozen=True)
class Cell:
    grade: Grade
    change: Change | None  # against the area's previous grade; None where it had none
    steps: int = 0


@dataclass
class Timeline:
    columns: list[Record]  # graded inspections, oldest first
    areas: list[Area]
    cells: dict[tuple[Area, int], Cell]
    # Ungraded visits before each column (after the previous one), and after the last.
    visits_before: list[list[Record]] = field(default_factory=list)
    visits_after: list[Record] = field(default_factory=list)
    # Area SEND inspections (Ofsted and the CQC), oldest first: a row of their own, outcomes not grades.
    send: list[Record] = field(default_factory=list)

    def cell(self, area: Area, column: int) -> Cell | None:
        return self.cells.get((area, column))

    def rows(self) -> tuple[list[str], list[list[object]]]:
        """The matrix as plain text (for CSV and Markdown), with the ungraded visits as a last row."""
        header = ["area", *(r.id for r in self.columns)]
        rows: list[list[object]] = []
        for area in self.areas:
            row: list[object] = [area.value]
            for i in range(len(self.columns)):
                c = self.cell(area, i)
                moved = f" ({c.change.value} {c.steps})" if c is not None and c.change and c.steps else ""
                row.append("" if c is None else c.grade.label + moved)
            rows.append(row)
        rows.append(["visits_before", *("; ".join(v.id for v in vs) for vs in self.visits_before)])
        if self.send:  # each under the inspection it came before; the last column takes those after it too
            before, after = _around(self.columns, self.send)
            if before:
                before[-1] += after
            rows.append(["area_send", *("; ".join(f"{r.id}: {r.outcome.value if r.outcome else 'not given'}"
                                                  for r in rs) for rs in before)])
        return header, rows

    def to_dict(self) -> dict:
        """The JSON form (`timeline --format json`), as :class:`TimelineJSON` declares it."""
        return TimelineJSON(
            inspections=[InspectionJSON(id=r.id, kind=r.kind, framework=r.framework,
                                        when=str(r.when) if r.when else None,
                                        visits_before=[v.id for v in self.visits_before[i]])
                         for i, r in enumerate(self.columns)],
            visits_after=[v.id for v in self.visits_after],
            area_send=[SendJSON(id=r.id, when=str(r.when) if r.when else None, outcome=r.outcome) for r in self.send],
            areas=[AreaRowJSON(area=area, grades=[
                CellJSON(grade=c.grade, change=c.change, steps=c.steps) if (c := self.cell(area, i)) else None
                for i in range(len(self.columns))
            ]) for area in self.areas],
        ).model_dump(mode="json")


# The JSON form of a timeline, a stable interface: its fields in the order they are written.
_JSON = ConfigDict(frozen=True, defer_build=True)


class InspectionJSON(BaseModel):
    """One graded inspection, a column of the timeline."""

    model_config = _JSON
    id: str
    kind: Kind
    framework: Framework
    when: str | None
    visits_before: list[str] = Field(description="ungraded visits since the previous column")


class CellJSON(BaseModel):
    model_config = _JSON
    grade: Grade
    change: Change | None = Field(description="against the area's previous grade; null where it had none")
    steps: int = Field(ge=0)


class AreaRowJSON(BaseModel):
    model_config = _JSON
    area: Area
    grades: list[CellJSON | None] = Field(description="one per inspection; null where it gives no grade here")


class SendJSON(BaseModel):
    """An area SEND inspection: an outcome, never a grade."""

    model_config = _JSON
    id: str
    when: str | None
    outcome: SendOutcome | None


class TimelineJSON(BaseModel):
    model_config = _JSON
    inspections: list[InspectionJSON]
    visits_after: list[str]
    area_send: list[SendJSON] = Field(description="area SEND inspections (Ofsted and the CQC), oldest first")
    areas: list[AreaRowJSON]


def build_timeline(records: Sequence[Record]) -> Timeline:
    """Build the matrix for the records of one authority (already filtered)."""
    authorities = {r.authority.name for r in records}
    if len(authorities) > 1:
        raise UsageError(
            f"the records hold {len(authorities)} authorities; choose one with --authority NAME"
        )
    from .send import children_services, send_inspections

    send = send_inspections(records)
    ordered = sorted(children_services(records), key=lambda r: r.sort_key)
    columns = [r for r in ordered if r.graded]
    areas = [a for a in AREA_ORDER if any(a in r.judgements for r in columns)]
    cells: dict[tuple[Area, int], Cell] = {}
    last: dict[Area, Grade] = {}
    for i, r in enumerate(columns):
        for area, grade in r.judgements.items():
            change, steps = (None, 0) if area not in last else compare_grades(last[area], grade)
            cells[(area, i)] = Cell(grade, change, steps)
            last[area] = grade
    visits_before, visits_after = _around(columns, [r for r in ordered if not r.graded])
    return Timeline(columns, areas, cells, visits_before, visits_after, send)


def _around(columns: Sequence[Record], others: Sequence[Record]) -> tuple[list[list[Record]], list[Record]]:
    """Each of ``others`` (in date order) placed before the first column that comes after it, else after
    the last column."""
    keys = [c.sort_key for c in columns]
    before: list[list[Record]] = [[] for _ in columns]
    after: list[Record] = []
    for r in others:
        i = bisect_left(keys, r.sort_key)
        (before[i] if i < len(columns) else after).append(r)
    return before, after
