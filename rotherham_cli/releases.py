"""An official release against the records: which of its inspections `import-official` brings in, and
what `check` finds. Plain functions over models; the commands print what they return."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .errors import UsageError
from .query import authority_matches
from .words import count

if TYPE_CHECKING:
    from .models import Record
    from .official import Disagreement, Release


@dataclass
class Imported:
    """The records a release gives for the authorities chosen, and the notes on reading it."""

    release: Release
    records: list[Record]
    notes: list[str] = field(default_factory=list)

    @property
    def source(self) -> str:
        return f"'{self.release.title}' ({self.release.published})"


def release_records(path: str, slugs: frozenset[str] | None) -> Imported:
    """The records of the release at ``path`` for ``slugs`` (None: every authority); a release that holds
    none of them is a UsageError naming them."""
    from .authorities import get
    from .official import read_release, to_records

    rel = read_release(path)
    made = to_records(rel)
    records = [r for r in made.records if authority_matches(r, slugs)]
    notes = [f"Note: {w}" for w in rel.warnings]
    notes += [f"Note: {p}" for p in made.problems
              if slugs is None or p.startswith(tuple(f"{s}-" for s in slugs))]
    if not records:
        names = ", ".join(sorted(get(s).name for s in slugs or ()))
        raise UsageError(f"{path}: the release holds no inspection of {names}")
    return Imported(rel, records, notes)


@dataclass
class Checked:
    """What `check` found: the disagreements, those the records already note, and how many authorities."""

    release: Release
    found: list[Disagreement]
    known: list[Disagreement]
    authorities: int

    def notes(self) -> list[str]:
        out = []
        for d in self.known:
            what = d.detail or (d.area.value if d.area else "kind")
            out.append(f"Noted in {d.record_id}: the sources disagree on {what}; the record holds "
                       f"{d.record}, this release gives {d.official}")
        return out

    def verdict(self) -> str:
        """The one line a person reads after the check (on stderr, so that the JSON or CSV stays clean)."""
        source = f"'{self.release.title}' ({self.release.published})"
        if self.found:
            return f"{count(len(self.found), 'disagreement')} with {source}"
        n = self.authorities
        return (f"No disagreements: the records of {n} authorit{'ies' if n != 1 else 'y'} agree with {source}")


def check_against(records: Sequence[Record], path: str, slugs: frozenset[str] | None) -> Checked:
    """Check the records of ``slugs`` (None: all) against the release at ``path``."""
    from .authorities import get
    from .official import check, noted, read_release

    chosen = [r for r in records if authority_matches(r, slugs)]
    rel = read_release(path)
    found = []
    for slug in sorted(slugs) if slugs else [None]:
        found += check(chosen, rel, get(slug).name if slug else None)
    by_id = {r.id: r for r in chosen}
    known = [d for d in found if noted(d, by_id.get(d.record_id or ""), rel)]
    checked = len(slugs) if slugs else len({r.authority.name for r in chosen})
    return Checked(rel, [d for d in found if d not in known], known, checked)
