"""What reading a report gives: a draft and what is missing; the errors; the bounds on a hostile PDF."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..errors import JudgementsError
from .mentions import Mentions


class ReportError(JudgementsError):
    """A file that cannot be read as an Ofsted report; the one-line message names the file."""


@dataclass
class ImportedReport:
    """A draft record read from a report, and what the report did not give."""

    data: dict[str, Any]
    missing: list[str] = field(default_factory=list)
    guessed: set[str] = field(default_factory=set)  # fields read from circumstance, not printed (kind)
    mentions: Mentions = field(default_factory=Mentions)  # the earlier visits the report names


PUBLISHER = "Ofsted"
SOURCE_ID = "report"
