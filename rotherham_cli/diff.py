"""What changed between two visits: grades area by area, themes of concern, visits between."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from pydantic import BaseModel, ConfigDict, Field

from . import vocab
from .errors import UsageError
from .models import Record
from .query import between, slug_of
from .vocab import AREA_ORDER, Area, Change, FindingKind, Grade, Kind, Remit, SendOutcome, compare_grades


@dataclass(frozen=True)
class AreaChange:
    area: Area
    before: Grade | None
    after: Grade | None
    change: Change
    steps: int
    note: str | None = None



@dataclass(frozen=True)
class Diff:
    before: Record
    after: Record
    areas: list[AreaChange]
    themes: dict[str, list[str]]
    between: list[Record] = field(default_factory=list)

    @property
    def outcome(self) -> tuple[Change, int] | None:
        """How the outcome moved between two area SEND inspections (None for other visits, or where either
        outcome is not known)."""
        a, b = self.before.outcome, self.after.outcome
        return compare_grades(a, b) if a is not None and b is not None else None

    @property
    def unlisted(self) -> str:
        """What the visits between rest on: the stretches between the two that no full list of visits covers
        (coverage.gap_sentence), or '' where lists cover it all."""
        from .coverage import gap_sentence
        from .england import inspected_on

        return gap_sentence(slug_of(self.before), inspected_on(self.before), inspected_on(self.after))

    def rows(self) -> tuple[list[str], list[list[object]]]:
        """The grade rows as plain text (for Markdown): area, the two grades, change, steps, note."""
        header = ["Area", self.before.id, self.after.id, "Change", "Steps", "Note"]
        rows = [
            [r.area.short, r.before.label if r.before else "not judged", r.after.label if r.after else "not judged",
             r.change.words, r.steps, r.note or ""]
            for r in self.areas
        ]
        return header, rows

    def count(self, change: Change) -> int:
        return sum(1 for a in self.areas if a.change == change)

    def to_dict(self) -> dict:
        """The JSON form (`diff --format json`), as :class:`DiffJSON` declares it."""
        return DiffJSON(
            from_=self.before.id,
            to=self.after.id,
            areas=[AreaChangeJSON(area=a.area, from_=a.before, to=a.after, change=a.change, steps=a.steps,
                                  note=a.note) for a in self.areas],
            summary={c: self.count(c) for c in Change},
            themes=self.themes,
            between=[VisitJSON(id=r.id, kind=r.kind, when=str(r.when) if r.when else None, theme=r.theme,
                               concerns=concern_themes(r)) for r in self.between],
            between_rests_on=self.unlisted or None,
            outcome=None if self.before.kind.remit is not Remit.SEND else OutcomeChangeJSON(
                from_=self.before.outcome, to=self.after.outcome, change=self.outcome[0] if self.outcome else None,
                steps=self.outcome[1] if self.outcome else 0),
        ).model_dump(mode="json", by_alias=True)


# The JSON form of a diff, a stable interface: its fields in the order they are written.
class _JSON(BaseModel):
    # Stated in the class, not shared as a ConfigDict variable, so that mypy's pydantic plugin sees
    # populate_by_name and accepts from_=.
    model_config = ConfigDict(frozen=True, populate_by_name=True, defer_build=True)


class AreaChangeJSON(_JSON):
    area: Area
    from_: Grade | None = Field(alias="from")
    to: Grade | None
    change: Change
    steps: int = Field(ge=0, description="steps of the four-step scale moved; 0 unless improved or declined")
    note: str | None = Field(description="where the area's scope differs between the two frameworks")


class VisitJSON(_JSON):
    """An ungraded visit between the two."""

    id: str
    kind: Kind
    when: str | None
    theme: str | None
    concerns: list[str] = Field(description="finding themes it raised as areas for improvement")


class OutcomeChangeJSON(_JSON):
    """Two area SEND inspections: the outcome of each and how it moved."""

    from_: SendOutcome | None = Field(alias="from")
    to: SendOutcome | None
    change: Change | None = Field(description="None where either outcome is not known")
    steps: int = Field(ge=0, description="steps of the three outcomes moved")


class DiffJSON(_JSON):
    from_: str = Field(alias="from", description="the id of the earlier visit")
    to: str = Field(description="the id of the later visit")
    areas: list[AreaChangeJSON]
    summary: dict[Change, int] = Field(description="how many areas changed each way")
    themes: dict[str, list[str]] = Field(description="no_longer_raised, still_raised, newly_raised")
    between: list[VisitJSON]
    between_rests_on: str | None = Field(default=None, description="where no full list of visits covers the "
                                         "time between the two: what the visits between rest on")
    outcome: OutcomeChangeJSON | None = Field(default=None, description="area SEND inspections only")


def concern_themes(record: Record) -> list[str]:
    """Finding themes the record raises as areas for improvement, in first-raised order."""
    seen: dict[str, None] = {}
    for f in record.findings:
        if f.kind is FindingKind.IMPROVEMENT:
            for t in f.themes:
                seen.setdefault(t, None)
    return list(seen)


def diff(before: Record, after: Record, records: Sequence[Record] = ()) -> Diff:
    """Compare two visits. ``records`` supplies the ungraded visits that fell between them."""
    rows = []
    for area in AREA_ORDER:
        a, b = before.judgements.get(area), after.judgements.get(area)
        if a is None and b is None:
            continue
        change, steps = compare_grades(a, b)
        rows.append(AreaChange(area, a, b, change, steps, vocab.scope_note(area, before.framework, after.framework)))
    ca, cb = concern_themes(before), concern_themes(after)
    themes = {
        "no_longer_raised": [t for t in ca if t not in cb],
        "still_raised": [t for t in ca if t in cb],
        "newly_raised": [t for t in cb if t not in ca],
    }
    return Diff(before, after, rows, themes, between(records, before, after))


def pair_specs(a: str | None, b: str | None) -> list[str]:
    """The two visits `diff A B` names: both, or neither ('previous' and 'latest')."""
    if a is not None and b is None:
        raise UsageError("give two visits, or none to compare 'previous' with 'latest'")
    return [a or "previous", b or "latest"]


def check_pair(a: Record, b: Record) -> None:
    """Two visits a diff can compare: two different visits to one authority (UsageError otherwise)."""
    if a.id == b.id:
        raise UsageError(f"both sides are {a.id}; name two different visits")
    if slug_of(a) != slug_of(b):
        raise UsageError(f"{a.id} and {b.id} are visits to different authorities")
    if a.kind.remit is not b.kind.remit:
        send, other = (a, b) if a.kind.remit is Remit.SEND else (b, a)
        raise UsageError(f"{send.id} is an area SEND inspection and {other.id} is not: an outcome and grades are "
                         "not on one scale; compare two area SEND inspections, or two of children's services")
