"""The committee report's content, as a model: the report and its parts (sources, concerns, comparison)."""

from __future__ import annotations

from dataclasses import dataclass, field

from .. import __version__
from ..comparison import Peer
from ..diff import Diff
from ..models import PartialDate, Record
from ..timeline import Timeline
from ..vocab import Grade
from ..words import month_words


@dataclass(frozen=True)
class SourceRef:
    """One source, cited by one or more visits."""

    title: str
    publisher: str
    date: str | None
    url: str | None
    file: str | None
    visits: tuple[str, ...]


@dataclass(frozen=True)
class ConcernRow:
    """A finding theme raised as an area for improvement at one or more visits."""

    theme: str
    label: str
    visits: tuple[Record, ...]  # the visits that raised it, oldest first
    still_raised: bool  # raised at the latest visit that has findings
    texts: tuple[tuple[str, str], ...]  # (visit id, the finding's short text)

    @property
    def when(self) -> list[str]:
        """When each visit raised it, in words ('September 2014')."""
        return [month_words(v.when) for v in self.visits]


@dataclass(frozen=True)
class Concerns:
    rows: list[ConcernRow]
    visits_with_findings: int
    visits: int
    latest_with_findings: Record | None
    # What the themes come from: the inspectors' findings as tagged by hand, or (where the records hold no
    # findings) the recommendations, themed by the rules of data/themes.yaml.
    basis: str = "findings"

    @property
    def recurring(self) -> list[ConcernRow]:
        return [r for r in self.rows if len(r.visits) > 1]


@dataclass(frozen=True)
class Shares:
    """How many authorities stand at each grade of overall effectiveness."""

    label: str
    counts: dict[Grade, int]  # on today's scale
    no_overall: int  # graded under a framework that gives no overall grade
    not_held: int  # no graded inspection in the records
    total: int

    @property
    def graded(self) -> int:
        return sum(self.counts.values())


@dataclass(frozen=True)
class Comparison:
    neighbours: list[Peer]
    neighbours_title: str  # "statistical neighbours" or, for a former authority, "successors"
    region: Shares | None
    england: Shares | None
    covered: int  # current authorities with a graded inspection in the records
    current: int  # current authorities in the register
    note: str | None  # why a part is missing, in plain words
    others_to: PartialDate | None = None  # the latest graded inspection of any other authority held


@dataclass
class Report:
    name: str
    slug: str | None
    region: str | None
    former: str | None  # a sentence when the authority no longer exists
    records: list[Record]
    timeline: Timeline
    latest: Record | None
    previous: Record | None
    change: Diff | None
    concerns: Concerns
    comparison: Comparison
    sources: list[SourceRef]
    as_at: PartialDate | None  # every figure of the report is as at this day
    summary: str
    official_only: bool  # the records hold neither findings nor recommendations of the authority
    version: str = __version__
    visits: list[Record] = field(default_factory=list)  # ungraded visits, oldest first
    as_at_given: bool = False  # False: the day is the latest the records hold
    left_out: int = 0  # the authority's visits published after the day, left out
    send: Record | None = None  # the area's last area SEND inspection known by the day

    @property
    def title(self) -> str:
        return f"{self.name}: Ofsted's judgements on children's services"
