"""Area SEND inspections among a record set: the plain functions the commands ask.

Ofsted and CQC's area SEND inspections are records of their own remit (``vocab.Remit.SEND``): they end in
an outcome (``vocab.SendOutcome``), not grades, so every view of children's services leaves them out
(:func:`children_services`), and a view of SEND takes them alone (:func:`send_inspections`). Nothing here
prints; nothing here counts an outcome as a grade.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

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
