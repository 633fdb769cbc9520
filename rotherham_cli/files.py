"""Where the records are, and which files in a records folder are records. Standard library only, so
that a command served from the record cache needs neither pydantic nor YAML to find them."""

from __future__ import annotations

import os
from pathlib import Path

from .errors import Problem, RecordsDirError

ENV_RECORDS = "JUDGEMENTS_RECORDS"
SUFFIXES = (".yaml", ".yml")
MAX_BYTES = 1_000_000  # the largest record file read


def shipped_records() -> Path:
    """The record set shipped with the package (inside the wheel, or beside it in a checkout)."""
    here = Path(__file__).resolve().parent
    inside = here / "records"
    if inside.is_dir():
        return inside
    return here.parent / "records"


def records_dir(explicit: str | os.PathLike | None = None) -> Path:
    """--records, else $JUDGEMENTS_RECORDS, else the shipped set."""
    if explicit:
        return Path(explicit)
    env = os.environ.get(ENV_RECORDS)
    if env:
        return Path(env)
    return shipped_records()


def walk_names(folder: Path, problems: list[Problem]) -> list[str]:
    """Every record file under a folder, sub-folders included, in path order, as the text of its path.

    Hidden files and folders are passed over, and so is anything that is not a .yaml/.yml file (a
    README, a spreadsheet a user saved there): a records folder may hold other things.
    """
    if not folder.exists():
        raise RecordsDirError(f"{folder}: records folder does not exist")
    if not folder.is_dir():
        raise RecordsDirError(f"{folder}: is a file, not a records folder")
    found: list[tuple[str, ...]] = []

    def unreadable(exc: OSError) -> None:
        where = exc.filename or folder
        if Path(where) == folder:
            raise RecordsDirError(f"{folder}: records folder cannot be read: {exc.strerror or exc}")
        problems.append(Problem(str(where), 0, 0, "", f"folder cannot be read: {exc.strerror or exc}"))

    base = str(folder)
    for top, dirs, files in os.walk(base, onerror=unreadable):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        rel = os.path.relpath(top, base)
        parts = () if rel == os.curdir else tuple(rel.split(os.sep))
        found += [(*parts, name) for name in files if not name.startswith(".") and name.endswith(SUFFIXES)]
    # In path order, part by part; spelled as pathlib would (no "./" before a path under ".").
    head = () if base == os.curdir else (base,)
    return [os.path.join(*head, *parts) for parts in sorted(found)]


def by_authority(folder: Path, only: frozenset[str] | None) -> list[Path] | None:
    """The sub-folders of the authorities ``only`` names, where the folder is laid out one sub-folder
    per authority (each named by its slug, as the shipped records are); None where it is not."""
    if not only:
        return None
    from .authorities import slugs

    known = slugs()
    try:
        entries = [e for e in os.scandir(folder) if not e.name.startswith(".")]
    except OSError:
        return None
    if not entries or not all(e.is_dir() and e.name in known for e in entries):
        return None
    return [folder / slug for slug in sorted(only) if (folder / slug).is_dir()]


def record_files(folder: Path, only: frozenset[str] | None, problems: list[Problem]) -> tuple[list[str], bool]:
    """The record files a load of ``folder`` reads, as :func:`walk_names` spells them, and whether they are
    a part of it: in a folder laid out by authority, only the sub-folders of the authorities ``only``
    names; else every record file."""
    parts = by_authority(folder, only) if folder.is_dir() else None
    if parts is None:
        return walk_names(folder, problems), False
    return [f for sub in parts for f in walk_names(sub, problems)], True
