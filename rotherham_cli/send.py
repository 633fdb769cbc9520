"""Area SEND inspections among a record set: the plain functions the commands ask.

Ofsted and CQC's area SEND inspections are records of their own remit (``vocab.Remit.SEND``): they end in
an outcome (``vocab.SendOutcome``), not grades, so every view of children's services leaves them out
(:func:`children_services`), and a view of SEND takes them alone (:func:`send_inspections`). Nothing here
prints; nothing here counts an outcome as a grade.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from .dates import PartialDate
from .identity import authority_slug
from .models import Record
from .vocab import Remit, SendOutcome


def children_services(records: Iterable[Record]) -> list[Record]:
    """The records of inspections and visits of children's services (every remit but SEND)."""
    return [r for r in records if r.kind.remit is Remit.CSC]


def send_inspections(records: Iterable[Record], slug: str | None = None) -> list[Record]:
    """The area SEND inspections, of one authority where ``slug`` is given, in date order."""
    found = (r for r in records if r.kind.remit is Remit.SEND and (slug is None or authority_slug(r) == slug))
    return sorted(found, key=lambda r: r.sort_key)


def latest_send(records: Iterable[Record], slug: str) -> Record | None:
    """An authority's latest area SEND inspection in the records, or None."""
    found = send_inspections(records, slug)
    return found[-1] if found else None


def latest_send_by_authority(records: Iterable[Record]) -> dict[str, Record]:
    """Each authority's latest area SEND inspection, by the register's slug (records of no known authority
    are left out)."""
    out: dict[str, Record] = {}
    for r in send_inspections(records):
        slug = authority_slug(r)
        if slug is not None:
            out[slug] = r  # in date order, so the last is the latest
    return out


def outcome_counts(latest: Sequence[Record]) -> tuple[dict[SendOutcome, int], int]:
    """How many of these inspections ended in each outcome (every outcome, best first, zero included),
    and how many the records give no outcome for."""
    tally = Counter(r.outcome for r in latest)
    return {o: tally.get(o, 0) for o in SendOutcome}, tally.get(None, 0)


@dataclass(frozen=True)
class SendTally:
    """How many authorities of one group had each outcome at their latest area SEND inspection in the
    records, and which."""

    scope: str  # "England" or an Ofsted region
    counts: dict[SendOutcome, int]  # every outcome, best first, zero included
    no_outcome: int  # the records hold the inspection but not its outcome
    none_held: int  # the records hold no area SEND inspection of the authority by the date
    total: int
    names: dict[SendOutcome, list[str]]  # the authorities behind each count


@dataclass
class SendView:
    """England and each region at a date, by area SEND outcome (`england --remit send`)."""

    as_at: date
    tallies: list[SendTally]  # England first, then each region
    latest: dict[str, Record]  # slug -> the inspection counted
    authorities: int

    def rows(self) -> tuple[list[str], list[list]]:
        header = ["as_at", "scope", *(o.value for o in SendOutcome), "no_outcome", "none_in_records", "authorities"]
        return header, [[self.as_at.isoformat(), t.scope, *(t.counts[o] for o in SendOutcome), t.no_outcome,
                         t.none_held, t.total] for t in self.tallies]

    def to_dict(self) -> dict:
        return {"as_at": self.as_at.isoformat(), "remit": "send", "authorities": self.authorities,
                "rule": "each authority at its latest area SEND inspection held by the date",
                "tallies": [{"scope": t.scope, "counts": {o.value: t.counts[o] for o in SendOutcome},
                             "no_outcome": t.no_outcome, "none_in_records": t.none_held, "authorities": t.total,
                             "names": {o.value: t.names[o] for o in SendOutcome}} for t in self.tallies],
                "counted": {s: r.id for s, r in sorted(self.latest.items())}}


def send_view(records: Sequence[Record], as_at: date) -> SendView:
    """Each authority that existed on ``as_at`` at its latest area SEND inspection held by then, counted by
    outcome for England and each Ofsted region; an authority whose inspection the records do not hold is
    counted as such (the records hold those the shared sources give, not every one)."""
    from . import authorities
    from .england import counted_authorities, held

    counted = counted_authorities(as_at)
    by_then = [r for r in send_inspections(records) if held(r, as_at)]
    existing = {a.slug for a in counted}
    latest = {s: r for s, r in latest_send_by_authority(by_then).items() if s in existing}

    def tally(scope: str, members: list) -> SendTally:
        mine = [latest[a.slug] for a in members if a.slug in latest]
        counts, no_outcome = outcome_counts(mine)
        names = {o: sorted(a.name for a in members if a.slug in latest and latest[a.slug].outcome is o)
                 for o in SendOutcome}
        return SendTally(scope, counts, no_outcome, len(members) - len(mine), len(members), names)

    tallies = [tally("England", counted)]
    tallies += [tally(region, [a for a in counted if a.region == region]) for region in authorities.regions()]
    return SendView(as_at, tallies, latest, len(counted))


def send_sentences(view: SendView) -> list[str]:
    """What the table shows, in plain words, and what it rests on."""
    from .words import count, when_words

    t = view.tallies[0]
    day = when_words(PartialDate.parse(view.as_at.isoformat()))
    held = t.total - t.none_held
    out = [f"On {day}, the records hold an area SEND inspection (framework of January 2023) of {held} of England's "
           f"{t.total} authorities: {t.counts[SendOutcome.POSITIVE]} with positive experiences and outcomes, "
           f"{t.counts[SendOutcome.INCONSISTENT]} inconsistent, {t.counts[SendOutcome.SIGNIFICANT_CONCERNS]} "
           "with significant concerns" + (f", {t.no_outcome} without an outcome in the records" if t.no_outcome else "")
           + "."]
    out.append(f"{count(t.none_held, 'authority', 'authorities')} have none in the records: the shipped records hold "
               "the inspections the reports and Data to Insight's overview in their sources give (January 2023 to "
               "July 2025), not every one Ofsted and the CQC have made, so these are not counts of England.")
    return out
