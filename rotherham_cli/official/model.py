"""What a release states: its inspections and the errors of reading one."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ..errors import JudgementsError, UnknownAuthority
from ..vocab import (
    Area,
    Framework,
    Grade,
    Kind,
)
from .layouts import Edition

PUBLISHER = "Ofsted"
SOURCE_ID = "official"


class OfficialDataError(JudgementsError):
    """An official release that cannot be read as one of the known releases."""


class OfficialWriteError(JudgementsError):
    """A record file that cannot be written."""


# --------------------------------------------------------------------------------------------
# Authorities: one canonical name per authority across both releases
# --------------------------------------------------------------------------------------------

@dataclass
class AuthorityInfo:
    """One authority as a release knows it."""

    name: str  # canonical
    ons_code: str | None = None
    status: str | None = None  # 'Current', 'No longer exists', ... as the release says
    spellings: set[str] = field(default_factory=set)  # how the release writes the name


# --------------------------------------------------------------------------------------------
# What a release states
# --------------------------------------------------------------------------------------------


@dataclass(kw_only=True)
class OfficialInspection:
    """One graded inspection or in-year visit as the release states it (built with keywords only)."""

    authority: str  # canonical name
    kind: Kind
    sheet: str
    row: int  # 1-based
    ons_code: str | None = None
    framework: Framework | None = None
    start: date | None = None
    published: date | None = None
    judgements: dict[Area, Grade] = field(default_factory=dict)
    theme: str | None = None  # a VISIT_THEMES key
    columns: str | None = None  # the column group of a wide table, e.g. 'First SIF'
    status: str | None = None  # of the authority, where the sheet says
    spelling: str = ""  # the authority's name as the row writes it
    also: list[tuple[str, int]] = field(default_factory=list)  # other rows stating it
    id: str = ""  # the id of the record it becomes

    @property
    def when(self) -> date | None:
        return self.start or self.published

    @property
    def where(self) -> str:
        cols = f" (columns '{self.columns}')" if self.columns else ""
        return f"sheet {self.sheet} row {self.row}{cols}"


@dataclass
class Release:
    path: Path
    edition: Edition
    title: str
    published: date
    inspections: list[OfficialInspection]
    authorities: dict[str, AuthorityInfo]
    # What the release states that could not be used, or states twice differently.
    warnings: list[str] = field(default_factory=list)

    @property
    def file(self) -> str:
        return self.path.name

    def find_authority(self, text: str) -> str:
        """The name (the register's) of the authority --authority names, which the release must hold."""
        from ..authorities import resolve

        known = resolve(text)
        if known.name not in self.authorities:
            raise UnknownAuthority(f"{self.file}: no inspection of {known.name} in this release")
        return known.name

    def canonical_for(self, name: str, ons_code: str | None = None) -> str:
        """The name (the register's) of a record's authority, by its ONS code, else its name."""
        from ..authorities import find

        known = (find(ons_code) if ons_code else None) or find(name)
        return known.name if known else name
