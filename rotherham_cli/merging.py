"""Merging a source into a record, and the rules it follows.

How a record and a source are merged (:func:`merge`):

- Each source of a record lists the facts it gives (``facts``: ``published``,
  ``judgements.help_and_protection`` ...) and those it gives otherwise than the record
  (``differs``: field -> its value). A fact no source lists was written by a person, except the
  authority's LA number and GSS code, which come from the register (data/authorities.json names its
  sources) unless a source lists them in its ``facts`` (the 2025 release prints GSS codes).
- A fact the record lacks is taken from the source. A fact the source gives alike is added to its
  ``facts``. A fact it gives otherwise is a **disagreement**: reported, kept in the source's
  ``differs`` and written into the record's notes. The record's value stays, unless the source ranks
  above every source that gives it (:func:`rank`: a report above a release, a newer release above an
  older one), in which case the two swap places: the higher source's value is held, the lower one's
  kept in its ``differs``. A fact a person wrote is never replaced.
- Because the outcome depends only on the ranks, not on the order things came in, importing two
  releases in either order gives the same bytes, and importing a source twice changes nothing.
- Lists (inspectors, recommendations) are taken when the record has none, and otherwise left as
  they are: a report naming the whole team does not contradict a record naming the lead.
- A date known to the month or year agrees with a day inside it and says less: it is not claimed
  where the record holds the day, and gives way to the day (its source no longer claiming it) where
  the record held it.
- The importer's own notes about a source (a spelling, a missing date) go onto that source.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import JudgementsError
from .words import count

SCALARS = ("kind", "framework", "start", "end", "published", "theme")
LISTS = ("inspectors", "recommendations")
AUTHORITY_CODES = ("authority.la_number", "authority.ons_code")
DATES = ("start", "end", "published")
DISAGREE = "Sources disagree on "

# Ranks of a source's kind: a fact a person wrote outranks every source.
_OTHER, _REPORT, _RELEASE, _PERSON = 0, 1, 2, 9


class MergeError(JudgementsError):
    """A record set that cannot be merged into (broken records, a file that cannot be written)."""


@dataclass(frozen=True)
class Disagreement:
    """A fact a source gives otherwise than the record it was merged into."""

    file: str
    field: str
    record_value: str
    source_value: str
    source: str

    def __str__(self) -> str:
        return (f"{self.file}: {self.field}: the record holds {self.record_value}, "
                f"{self.source} gives {self.source_value}")


@dataclass
class MergeResult:
    new: list[Path] = field(default_factory=list)
    updated: list[Path] = field(default_factory=list)
    removed: list[Path] = field(default_factory=list)  # files of records that moved to a new id
    unchanged: int = 0
    disagreements: list[Disagreement] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def _get(data: dict, path: str) -> Any:
    head, _, rest = path.partition(".")
    value = data.get(head)
    if rest:
        return value.get(rest) if isinstance(value, dict) else None
    return value if value not in ([], {}) else None


def _set(data: dict, path: str, value: Any) -> None:
    head, _, rest = path.partition(".")
    if rest:
        data.setdefault(head, {})[rest] = value
    else:
        data[head] = value


def fact_paths(data: dict) -> list[str]:
    """The mergeable facts a record's data holds, in the record's field order."""
    out = [f for f in SCALARS if _get(data, f) is not None]
    out += [f for f in AUTHORITY_CODES if _get(data, f) is not None]
    out += [f"judgements.{area}" for area in data.get("judgements") or {}]
    out += [f for f in LISTS if _get(data, f) is not None]
    return out


def _text(value: Any) -> str:
    if isinstance(value, list):
        return count(len(value), 'item')
    return str(value)


def rank(source: dict) -> tuple:
    """How far a source is trusted when sources disagree: (kind, date, id), higher wins."""
    where = (source.get("file") or source.get("url") or "").lower()
    kind = _REPORT if where.endswith(".pdf") else _RELEASE if where.endswith(".ods") else _OTHER
    return (kind, str(source.get("date") or ""), source.get("id", ""))


def _same_source(a: dict, b: dict) -> bool:
    for key in ("file", "url"):
        if a.get(key) and b.get(key):
            return Path(a[key]).name == Path(b[key]).name if key == "file" else a[key] == b[key]
    return False


def _has_provenance(source: dict) -> bool:
    return bool(source.get("facts") or source.get("differs"))


def _owner_rank(data: dict, path: str) -> tuple:
    owners = [rank(s) for s in data["sources"] if path in (s.get("facts") or [])]
    return max(owners) if owners else (_PERSON,)


def _place(sources: list[dict], new: dict) -> None:
    """Insert a new source before the first source with provenance that ranks above it.

    Sources a person listed keep their order; the rest stand in rank order, whatever order they
    came in.
    """
    for i, s in enumerate(sources):
        if _has_provenance(s) and rank(s) > rank(new):
            sources.insert(i, new)
            return
    sources.append(new)


def merge(existing: dict, incoming: dict, file: str = "") -> tuple[dict, list[Disagreement]]:
    """Merge an incoming record's data into an existing record's data (both plain, as dumped).

    Returns the merged data and the disagreements found. Neither argument is changed.
    """
    out = copy.deepcopy(existing)
    out.setdefault("sources", [])
    found: list[Disagreement] = []
    incoming_sources = incoming.get("sources") or []
    # A source claims an authority's code only where its own facts list it (a release that prints the GSS
    # code); otherwise the codes come from the register, which no report or release source states.
    facts_in = [p for p in fact_paths(incoming) if p not in AUTHORITY_CODES]
    for n, src in enumerate(incoming_sources):
        claims = list(src.get("facts") or (facts_in if n == 0 else []))
        target = next((s for s in out["sources"] if _same_source(s, src)), None)
        if target is None:
            target = copy.deepcopy(src)
            target["facts"], target["differs"] = [], {}
            if n == 0 and incoming.get("notes"):
                target["notes"] = list(incoming["notes"])
            if any(s.get("id") == target.get("id") for s in out["sources"]):
                target["id"] = _free_id(out["sources"], target["id"])
            _place(out["sources"], target)
        elif n == 0:
            for note in incoming.get("notes") or []:
                if note not in target.setdefault("notes", []):
                    target["notes"].append(note)
        target.setdefault("facts", [])
        target.setdefault("differs", {})
        for path in claims:
            value = _get(incoming, path)
            if value is None:
                continue
            held = _get(out, path)
            if held is None:
                _set(out, path, copy.deepcopy(value))
                _claim(target, path)
            elif _same(path, held, value):
                _claim(target, path)
            elif path in LISTS:
                continue
            elif path in DATES and _within(value, held):
                continue  # a date to the month or year that agrees with the day held: nothing to add
            elif path in DATES and _within(held, value) and _owner_rank(out, path) != (_PERSON,):
                for s in out["sources"]:  # the day replaces the month or year the record held
                    if path in (s.get("facts") or []):
                        s["facts"].remove(path)
                _set(out, path, copy.deepcopy(value))
                _claim(target, path)
            elif rank(target) > _owner_rank(out, path):
                for s in out["sources"]:
                    if path in (s.get("facts") or []):
                        s["facts"].remove(path)
                        s.setdefault("differs", {})[path] = _text(held)
                _set(out, path, copy.deepcopy(value))
                _claim(target, path)
                for s in out["sources"]:
                    if (s.get("differs") or {}).get(path) == _text(value):
                        _claim(s, path)
                found.append(Disagreement(file, path, _text(value), _text(held), _label(out, path, _text(held))))
            else:
                if path in target["facts"]:
                    target["facts"].remove(path)  # a person changed what this source gave
                target["differs"][path] = _text(value)
                found.append(Disagreement(file, path, _text(held), _text(value), target.get("id", "?")))
    _tidy(out)
    return out, found


def _within(coarse: Any, fine: Any) -> bool:
    """Whether a date known to the month or year (``coarse``) holds a more exact one (``fine``): a report
    that mentions a visit "in October 2022" agrees with the release's 2022-10-11 and says less."""
    from .dates import PartialDate

    try:
        a, b = PartialDate.parse(coarse), PartialDate.parse(fine)
    except ValueError:
        return False
    return a != b and a.earliest <= b.earliest and b.latest <= a.latest


def _same(path: str, a: Any, b: Any) -> bool:
    """Two values of a fact that say the same: equal, or grades on the same step of today's scale (a
    report's 'adequate' is the release's 'requires improvement to be good', as the release places it)."""
    if a == b:
        return True
    if path.startswith("judgements."):
        from .vocab import VocabularyError, parse_grade

        try:
            return parse_grade(a).on_scale is parse_grade(b).on_scale
        except VocabularyError:
            return False
    return False


def _label(data: dict, path: str, value: str) -> str:
    ids = [s.get("id", "?") for s in data["sources"] if (s.get("differs") or {}).get(path) == value]
    return ", ".join(ids) or "the record"


def _claim(source: dict, path: str) -> None:
    source.setdefault("differs", {}).pop(path, None)
    if path not in source.setdefault("facts", []):
        source["facts"].append(path)


def _free_id(sources: list[dict], wanted: str) -> str:
    taken = {s.get("id") for s in sources}
    n = 2
    while f"{wanted}-{n}" in taken:
        n += 1
    return f"{wanted}-{n}"


def _tidy(data: dict) -> None:
    """Put provenance in its one order and rewrite the disagreement notes from it."""
    order = fact_paths(data)
    position = {p: i for i, p in enumerate(order)}

    def in_order(path: str) -> tuple:
        return (position.get(path, len(order)), path)

    lines = []
    for s in data["sources"]:
        facts = sorted(set(s.get("facts") or []), key=in_order)
        differs = dict(sorted((s.get("differs") or {}).items(), key=lambda kv: in_order(kv[0])))
        for key, value in (("facts", facts), ("differs", differs)):
            if value:
                s[key] = value
            else:
                s.pop(key, None)
        if not s.get("notes"):
            s.pop("notes", None)
        for path, value in differs.items():
            held = _get(data, path)
            lines.append(f"{DISAGREE}{path}: {s.get('id')} gives {value}; the record holds {_text(held)}.")
    notes = [n for n in data.get("notes") or [] if not n.startswith(DISAGREE)]
    notes += sorted(lines)
    if notes:
        data["notes"] = notes
    else:
        data.pop("notes", None)


def is_curated(data: dict) -> bool:
    """Whether a person wrote part of the record: findings, a summary, or a fact no source gives."""
    if data.get("findings") or data.get("summary") or data.get("headline"):
        return True
    claimed = {p for s in data.get("sources") or [] for p in (s.get("facts") or [])}
    # An authority's codes no source gives come from the register (rotherham_cli/data/authorities.json).
    return any(p not in claimed for p in fact_paths(data) if p not in AUTHORITY_CODES)
