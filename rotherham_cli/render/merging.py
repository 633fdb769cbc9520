"""What a merge did, as the lines an importer prints on stderr."""

from __future__ import annotations

from ..recordset import MergeResult


def plural(n: int, word: str, many: str | None = None) -> str:
    return f"{n} {word if n == 1 else (many or word + 's')}"


def merge_lines(result: MergeResult, folder: str, what: str) -> list[str]:
    """One line per disagreement and problem, then one summary line."""
    lines = [f"Disagreement: {d}" for d in result.disagreements]
    lines += [f"Not merged: {p}" for p in result.problems]
    total = len(result.new) + len(result.updated) + result.unchanged
    summary = (f"Merged {plural(total, 'record')} from {what} into {folder}: {len(result.new)} new, "
               f"{len(result.updated)} completed, {result.unchanged} unchanged, "
               f"{plural(len(result.disagreements), 'disagreement')}")
    if result.disagreements:
        summary += " (kept in the records' notes)"
    if result.problems:
        summary += f", {plural(len(result.problems), 'not merged', 'not merged')}"
    return [*lines, summary]
