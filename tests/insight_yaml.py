"""The shipped records read straight from their YAML, for the expected figures of tests/test_insights.py:
a few lines of plain Python over the files, never the project's own code."""

from __future__ import annotations

from datetime import date
from functools import lru_cache

import yaml
from conftest import RECORDS

GRADED = {"ilacs_standard", "ilacs_short", "sif_inspection", "sif_reinspection"}
SHEET_GRADE = {"Outstanding": "outstanding", "Good": "good", "Requires improvement to be good": "requires_improvement",
               "Inadequate": "inadequate", "": ""}


def first_day(value) -> date | None:
    if value is None:
        return None
    if isinstance(value, date):
        return value
    text = str(value)
    return date.fromisoformat({4: text + "-01-01", 7: text + "-01"}.get(len(text), text))


@lru_cache(maxsize=1)
def records() -> tuple[dict, ...]:
    """Every record as plain data, with '_slug' (its folder) and '_day' (first day held, else published)."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    out = []
    for path in sorted(RECORDS.glob("*/*.yaml")):
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=loader)
        data["_slug"] = path.parent.name
        data["_day"] = first_day(data.get("start")) or first_day(data.get("end")) or first_day(data.get("published"))
        out.append(data)
    return tuple(out)


def latest_graded(as_at: date, published_by: date | None = None) -> dict[str, dict]:
    """Each folder's latest graded (SIF or ILACS) record held by the day."""
    latest: dict[str, dict] = {}
    for r in records():
        if r["kind"] not in GRADED or r["_day"] is None or r["_day"] > as_at:
            continue
        if published_by is not None and first_day(r["published"]) > published_by:
            continue
        best = latest.get(r["_slug"])
        if best is None or (r["_day"], r["id"]) > (best["_day"], best["id"]):
            latest[r["_slug"]] = r
    return latest


def graded_history(slug: str, as_at: date) -> list[dict]:
    """One folder's graded (SIF or ILACS) records held by the day, oldest first."""
    held = [r for r in records() if r["_slug"] == slug and r["kind"] in GRADED and r["_day"] and r["_day"] <= as_at]
    return sorted(held, key=lambda r: (r["_day"], r["id"]))


RANK = {"outstanding": 1, "good": 2, "requires_improvement": 3, "adequate": 3, "satisfactory": 3, "inadequate": 4}


def change(before: str | None, after: str | None) -> str:
    """How a grade moved, worked out by hand: improved, declined, unchanged, newly/no longer judged."""
    if before is None:
        return "newly_judged"
    if after is None:
        return "no_longer_judged"
    d = RANK[before] - RANK[after]
    return "improved" if d > 0 else "declined" if d < 0 else "unchanged"
