"""The project's own error types. The core raises these; the CLI turns them into one line each."""

from __future__ import annotations

from dataclasses import dataclass


class JudgementsError(Exception):
    """A problem the user can fix: bad data, an unknown visit, a file that cannot be written.

    ``exit_code`` is 1 for bad or missing data, 2 for wrong usage.
    """

    exit_code = 1


class UsageError(JudgementsError):
    exit_code = 2


class RecordsDirError(JudgementsError):
    """The records folder itself cannot be used (missing, a file, unreadable)."""


class UnknownVisit(JudgementsError):
    """A visit that names no record, or more than one."""


@dataclass(frozen=True)
class Problem:
    """One problem in one record file, at a 1-based line and column (0 where not known)."""

    file: str
    line: int
    column: int
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.column}" if self.line else self.file
        return f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"


class RecordProblems(JudgementsError):
    """One or more records are broken; every problem found is listed."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__(f"{len(problems)} problem(s) in the records")


class UnknownAuthority(UsageError):
    """A name, alias or code that names no authority in the register; the message gives the nearest."""
