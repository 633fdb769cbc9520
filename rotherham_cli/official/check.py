"""Checking records against a release: what disagrees, what is missing, what a release could not know."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from enum import Enum
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from ..models import Record
from ..vocab import (
    AREA_ORDER,
    Area,
    Kind,
)
from .model import OfficialInspection, Release

# --------------------------------------------------------------------------------------------

class DisagreementKind(str, Enum):
    """What a check found, as its report words it."""

    MISSING = "missing record"
    GRADE_DIFFERS = "grade differs"
    DATE_DIFFERS = "date differs"
    KIND_DIFFERS = "kind differs"
    NOT_IN_RELEASE = "record not in release"


MISSING, GRADE_DIFFERS, DATE_DIFFERS, KIND_DIFFERS, NOT_IN_RELEASE = DisagreementKind

# How far apart two dates of the same inspection may be for a record to be taken as that
# inspection with a wrong date (rather than as another inspection).
NEAR_DAYS = 120


@dataclass(frozen=True)
class Disagreement:
    kind: DisagreementKind
    authority: str
    official_id: str | None
    record_id: str | None
    area: Area | None = None
    official: str | None = None
    record: str | None = None
    detail: str = ""


def noted(d: Disagreement, record: Record | None, release: Release) -> bool:
    """Whether the record already says this release gives the fact otherwise (a source from this release
    with the field in its ``differs``): the sources disagree, and the record says so and which it holds."""
    if record is None:
        return False
    field = {GRADE_DIFFERS: f"judgements.{d.area.value}" if d.area else None, KIND_DIFFERS: "kind",
             DATE_DIFFERS: d.detail}.get(d.kind)
    return field is not None and any(
        Path(s.file or "").name == release.file and field in s.differs for s in record.sources
    )


class DisagreementRow(BaseModel):
    """One disagreement as `check` writes it (a JSON object, a CSV row): a stable interface, its fields in
    the order they are written."""

    model_config = ConfigDict(frozen=True, populate_by_name=True, defer_build=True)
    disagreement: DisagreementKind
    authority: str
    official: str = Field(description="the id of the release's inspection ('' when the release has none)")
    record: str = Field(description="the id of the record ('' when the records have none)")
    area: str = Field(description="the judgement area of a grade that differs")
    official_value: str = Field(alias="official value")
    record_value: str = Field(alias="record value")
    detail: str

    @classmethod
    def of(cls, d: Disagreement) -> DisagreementRow:
        return cls(disagreement=d.kind, authority=d.authority, official=d.official_id or "",
                   record=d.record_id or "", area=d.area.value if d.area else "", official_value=d.official or "",
                   record_value=d.record or "", detail=d.detail)


CHECK_HEADER = [f.alias or name for name, f in DisagreementRow.model_fields.items()]


def check_json(found: list[Disagreement]) -> list[dict[str, str]]:
    """Disagreements as JSON objects keyed by :data:`CHECK_HEADER`."""
    return [DisagreementRow.of(d).model_dump(mode="json", by_alias=True) for d in found]


def check_rows(found: list[Disagreement]) -> list[list[str]]:
    """Disagreements as rows of plain text under :data:`CHECK_HEADER`."""
    return [list(row.values()) for row in check_json(found)]


def _pd(value) -> str | None:
    return None if value is None else str(value)


def check(records: list[Record], release: Release, authority: str | None = None) -> list[Disagreement]:
    """Compare records with the release's graded inspections of the records' authorities.

    Every graded inspection of the release for an authority that has records (or for ``authority``)
    needs a record of the same kind, dates (publication; start where the release gives one) and
    grades. A graded record of a kind the release covers, dated within the release's span for that
    kind, that matches no inspection of the release is reported as not in the release. Grades are
    compared on today's scale: a record's 'adequate' agrees with the release's 'Requires improvement
    to be good', as the release itself places it.
    """
    target = release.find_authority(authority) if authority else None
    by_auth: dict[str, list[Record]] = defaultdict(list)
    for r in records:
        name = release.canonical_for(r.authority.name, r.authority.ons_code)
        if target is None or name == target:
            by_auth[name].append(r)
    scope = {target} if target else set(by_auth)
    span: dict[Kind, tuple[date, date]] = {}
    for i in release.inspections:
        if i.kind.graded and i.when:
            lo, hi = span.get(i.kind, (i.when, i.when))
            span[i.kind] = (min(lo, i.when), max(hi, i.when))

    # The release knows the reports published by its last publication date: an inspection held within
    # its span but published later (Wakefield, March 2025, published that July) is not missing from it.
    known_until = max((i.published for i in release.inspections if i.published), default=None)

    out: list[Disagreement] = []
    used: set[str] = set()
    official = [i for i in release.inspections if i.kind.graded and i.authority in scope]
    for ins in official:
        candidates = [r for r in by_auth.get(ins.authority, []) if r.kind.graded and r.id not in used]
        rec = _match(ins, candidates)
        if rec is None:
            out.append(
                Disagreement(
                    MISSING,
                    ins.authority,
                    ins.id,
                    None,
                    official=f"{ins.kind.value} {ins.published or ins.start}",
                    detail=f"no record of this inspection ({ins.where})",
                )
            )
            continue
        used.add(rec.id)
        out.extend(_compare(ins, rec))
    for name in sorted(scope):
        for r in by_auth.get(name, []):
            if r.id in used or not r.kind.graded or r.kind not in span or r.when is None:
                continue
            if known_until and r.published and r.published.earliest > known_until:
                continue
            lo, hi = span[r.kind]
            if r.when.latest >= lo and r.when.earliest <= hi:
                out.append(
                    Disagreement(
                        NOT_IN_RELEASE,
                        name,
                        None,
                        r.id,
                        record=f"{r.kind.value} {r.published or r.when}",
                        detail=f"no {r.kind.value} of {name} on this date in the release, "
                        f"which lists {r.kind.value} from {lo} to {hi}",
                    )
                )
    return out


def _same_day(pd, day: date | None) -> bool:
    return pd is not None and day is not None and str(pd) == day.isoformat()


def _near(pd, day: date | None) -> bool:
    if pd is None or day is None:
        return False
    return pd.earliest - timedelta(days=NEAR_DAYS) <= day <= pd.latest + timedelta(days=NEAR_DAYS)


def _match(ins: OfficialInspection, candidates: list[Record]) -> Record | None:
    tests = [
        lambda r: (
            r.kind is ins.kind and (_same_day(r.published, ins.published) or _same_day(r.start, ins.start))
        ),
        lambda r: _same_day(r.published, ins.published) or _same_day(r.start, ins.start),
        lambda r: (
            r.kind is ins.kind
            and (_near(r.published, ins.published) or _near(r.start, ins.start) or _near(r.when, ins.when))
        ),
    ]
    for test in tests:
        found = [r for r in candidates if test(r)]
        if found:
            return found[0]
    return None


def _compare(ins: OfficialInspection, rec: Record) -> list[Disagreement]:
    out = []
    d = lambda kind, **kw: Disagreement(kind, ins.authority, ins.id, rec.id, **kw)  # noqa: E731
    if rec.kind is not ins.kind:
        out.append(d(KIND_DIFFERS, official=ins.kind.value, record=rec.kind.value))
    if ins.published and not _same_day(rec.published, ins.published):
        out.append(
            d(DATE_DIFFERS, official=ins.published.isoformat(), record=_pd(rec.published), detail="published")
        )
    if ins.start and not _same_day(rec.start, ins.start):
        out.append(d(DATE_DIFFERS, official=ins.start.isoformat(), record=_pd(rec.start), detail="start"))
    for area in AREA_ORDER:
        o, r = ins.judgements.get(area), rec.judgements.get(area)
        if o is None and r is None:
            continue
        if o is not None and r is not None and o.on_scale is r.on_scale:
            continue
        detail = (
            "the release gives no grade for this area"
            if o is None
            else "the record gives no grade for this area"
            if r is None
            else ""
        )
        out.append(
            d(
                GRADE_DIFFERS,
                area=area,
                official=o.value if o else None,
                record=r.value if r else None,
                detail=detail,
            )
        )
    return out
