"""What a release's reader gathers (its inspections, authorities and warnings), each inspection's framework,
and the record id by the project's one rule."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from ..vocab import (
    KINDS,
    Framework,
    Kind,
    framework_for,
)
from .layouts import (
    _NAME,
    _ONS,
    _PUB,
    _START,
    _THEME,
    _TYPE,
    Layout,
)
from .model import AuthorityInfo, OfficialDataError, OfficialInspection
from .ods import _Book, _Row


class _Builder:
    """What a release's reader gathers (``read_outcomes`` or ``read_csc_2023``, chosen by edition in
    :data:`_READERS`): its inspections, each row's authority resolved through the register (and checked
    against the other rows that name it), its warnings; ``finish`` merges what several sheets state of
    one inspection."""

    def __init__(self, book: _Book, layout: Layout):
        self.book = book
        self.layout = layout
        self.inspections: list[OfficialInspection] = []
        self.authorities: dict[str, AuthorityInfo] = {}
        self.warnings: list[str] = []
        self._ons_rows: dict[str, tuple[str, str]] = {}  # ons code -> (canonical, where)

    # ---- authorities ----------------------------------------------------------------------

    def authority(self, row: _Row, status: str | None = None, former: bool = False) -> tuple[str, str | None, str]:
        spelling = row.text(("", _NAME))
        if spelling is None:
            raise OfficialDataError(
                f"{self.book.path}: sheet {row.table.sheet} row {row.number}: no local authority name"
            )
        # Every spelling of an authority is one authority: the register's (by code where the row has one).
        from ..authorities import find

        code = row.ons_code(("", _ONS)) if ("", _ONS) in row.table.columns else None
        where = f"sheet {row.table.sheet} row {row.number}"
        known = (find(code) if code else None) or find(spelling)
        if former and known is not None and known.current:  # a table of former authorities: "Dorset" there
            from ..authorities import named  # is the county council, not today's Dorset Council

            known = next((a for a in named(spelling) if not a.current), known)
        if known is None:
            raise OfficialDataError(f"{self.book.path}: {where}: '{spelling}' is not an authority in the register")
        name = known.name
        info = self.authorities.setdefault(name, AuthorityInfo(name))
        info.spellings.add(spelling)
        if code:
            if info.ons_code and info.ons_code != code:
                raise OfficialDataError(
                    f"{self.book.path}: {where}: '{spelling}' has ONS code {code}, elsewhere {info.ons_code}"
                )
            other = self._ons_rows.get(code)
            if other and other[0] != name:
                raise OfficialDataError(
                    f"{self.book.path}: {where}: ONS code {code} is '{spelling}' here and '{other[0]}' "
                    f"in {other[1]}"
                )
            self._ons_rows[code] = (name, where)
            info.ons_code = code
        if status:
            if info.status and info.status != status:
                self.warnings.append(f"{where}: {name} is '{status}' here and '{info.status}' elsewhere")
            info.status = status
        return name, code, spelling

    # ---- the 2025 edition -----------------------------------------------------------------

    def in_year_visit(self, row: _Row, with_published: bool) -> OfficialInspection:
        """One row of an in-year sheet (inspections and visits of the year, with their themes)."""
        name, code, spelling = self.authority(row)
        kind = row.kind(("", _TYPE))
        if kind is None:
            raise OfficialDataError(f"{row._where(('', _TYPE))}: no inspection or visit type")
        return OfficialInspection(
            authority=name,
            ons_code=code,
            kind=kind,
            start=row.date(("", _START)),
            published=row.date(("", _PUB)) if with_published else None,
            judgements=row.grades(""),
            theme=row.theme(("", _THEME)),
            sheet=row.table.sheet,
            row=row.number,
            spelling=spelling,
        )

    # ---- the 2023 edition -----------------------------------------------------------------

    def _match_published(
        self, ins: OfficialInspection, wide: list[OfficialInspection], any_ilacs: bool = False
    ) -> OfficialInspection | None:
        """The one inspection of the wide table that an inspection dated by its start is.

        Same authority, same kind (any ILACS kind when the sheet gives none), the same grades, and
        published after the start within the longest gap between inspection and publication the 2025
        release shows (225 days; 250 allowed). None unless exactly one inspection fits."""
        ilacs = {Kind.ILACS_SHORT, Kind.ILACS_STANDARD}
        found = [
            w
            for w in wide
            if w.authority == ins.authority
            and (w.kind in ilacs if any_ilacs else w.kind is ins.kind)
            and w.judgements == ins.judgements
            and w.published is not None
            and ins.start is not None
            and ins.start <= w.published <= ins.start + timedelta(days=250)
        ]
        return found[0] if len(found) == 1 else None

    # ---- shared ---------------------------------------------------------------------------

    def _same(self, kept: OfficialInspection, other: OfficialInspection) -> None:
        """Another row stating an inspection already read: note it; warn where they disagree."""
        kept.also.append((other.sheet, other.row))
        if kept.start is None:
            kept.start = other.start
        if kept.published is None:
            kept.published = other.published
        if other.judgements != kept.judgements:
            self.warnings.append(
                f"{other.sheet} row {other.row}: grades of {kept.authority}'s {kept.kind.value} differ from "
                f"{kept.where}; {kept.sheet} used"
            )
        if other.theme and other.theme != kept.theme:
            self.warnings.append(
                f"{other.sheet} row {other.row}: theme of {kept.authority}'s {kept.kind.value} differs from "
                f"{kept.where}; {kept.sheet} used"
            )

    def finish(self) -> None:
        for ins in self.inspections:
            ins.framework = _framework(ins, self.book.path)
            info = self.authorities[ins.authority]
            ins.ons_code = ins.ons_code or info.ons_code
        self.inspections.sort(key=lambda i: (i.authority, i.when or date.min, i.kind.value))
        seen: dict[str, int] = {}
        for ins in self.inspections:
            base = record_id(ins.authority, ins.start, ins.start or ins.published, ins.kind)
            seen[base] = seen.get(base, 0) + 1
            ins.id = base if seen[base] == 1 else f"{base}-{seen[base]}"


def _framework(ins: OfficialInspection, path: Path) -> Framework:
    info = KINDS[ins.kind]
    if len(info.frameworks) == 1:
        return info.frameworks[0]
    day = ins.start or ins.published
    if day is None:
        raise OfficialDataError(f"{path}: {ins.where}: a {ins.kind.value} with no date")
    fw = framework_for(day)
    if fw not in info.frameworks:
        raise OfficialDataError(
            f"{path}: {ins.where}: a {ins.kind.value} dated {day} falls under {fw.value}, "
            f"which has no {ins.kind.value}"
        )
    return fw


def record_id(authority: str, start: date | None, when: date | None, kind: Kind) -> str:
    """The record id by the project's one rule (identity.record_id)."""
    from ..authorities import find
    from ..identity import record_id as rule

    found = find(authority, on=when)
    if found is None:  # the readers resolve every authority first: a release's row never reaches here unknown
        raise OfficialDataError(f"the release names an authority the register does not know: {authority!r}")
    return rule(found.slug, kind, start, when)
