"""What `import-report` does with its options: one draft (to stdout or a file named by its id) or a
merge into a folder, and the record set drafts are completed from. Core: no printing, no Typer."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import UsageError
from .output import is_stdout

if TYPE_CHECKING:
    from .models import Record


@dataclass(frozen=True)
class ImportPlan:
    files: list[Path]
    output: str | None  # None: the one draft on stdout
    to_folder: bool  # merge every report into the record set at ``output``


def import_plan(reports: list[str], output: str | None, force: bool) -> ImportPlan:
    """The reports named (files or folders of them) and where they go; wrong pairings are UsageErrors."""
    from .pdfimport import report_files

    output = None if is_stdout(output) else output
    files = report_files(reports)
    to_folder = output is not None and (Path(output).is_dir() or output.endswith(("/", "\\")) or len(files) > 1)
    if len(files) > 1 and output is None:
        raise UsageError("several reports need --output DIR to merge them into")
    if to_folder and force:
        raise UsageError("--force is for --output FILE; merging into a folder never overwrites a fact")
    if force and output is None:
        raise UsageError("--force needs --output FILE")
    return ImportPlan(files, output, to_folder)


def completing_set(records: str | None) -> tuple[list[Record], str]:
    """The record set drafts are completed from, and how the notes name it."""
    from .loader import load_valid, records_dir, shipped_records

    folder = records_dir(records)
    where = "the shipped record set" if folder.resolve() == shipped_records().resolve() else \
        f"the record set in {folder}"
    return load_valid(folder), where


def one_draft(plan: ImportPlan, records: str | None, force: bool) -> tuple[str, list[str]]:
    """The YAML of the one report's draft and what the report does not give; a file it may not be
    written to is refused before anything is said."""
    from .draftfill import complete
    from .output import check_writable
    from .pdfimport import draft_file_problem
    from .pdfimport import import_report as read
    from .recordyaml import dump_record

    imported = complete(read(plan.files[0]), *completing_set(records))
    if plan.output is not None:
        problem = draft_file_problem(imported.data, plan.output)
        if problem:
            raise UsageError(problem)
        check_writable(plan.output, force)
    return dump_record(imported.data), list(imported.missing)
