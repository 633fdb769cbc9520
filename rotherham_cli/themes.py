"""The themes of a recommendation, worked out by a transparent rule set kept as data.

Each recommendation a record holds gets one to three themes of the finding-theme vocabulary
(``vocab.FINDING_THEMES``), or none where none fits, from the words of ``data/themes.yaml``; for
each theme it keeps the words that gave it, so a reader can see why (``--why``). Findings are not
themed here: they carry the themes their author tagged by hand (Rotherham's), and keep them.

The rules were tuned on half of a sample of recommendations labelled by reading them
(``tests/data/recommendation_labels.csv``); ``benchmarks/themes.py`` measures them on the other half.
This module imports the standard library, PyYAML and the vocabulary only; it never prints.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from .errors import JudgementsError
from .vocab import FINDING_THEMES, folded

if TYPE_CHECKING:
    from .models import Record

RULES_FILE = Path(__file__).parent / "data" / "themes.yaml"

# The most themes one recommendation is given.
MAX_THEMES = 3


class RulesError(JudgementsError):
    """The rule file is not as expected; the message names the file and the field."""


class Phrase(NamedTuple):
    """A phrase of the rule file: its pattern over folded text, and the longest of its words (as letters any
    match holds, its ending left off). A text without them is passed over without running the pattern, and a
    theme with none of its phrases' needles at once: every pattern run over every recommendation of England
    took two seconds."""

    needle: str
    pattern: re.Pattern


@dataclass(frozen=True)
class ThemeRule:
    theme: str
    words: tuple[Phrase, ...]
    exclude: tuple[Phrase, ...]

    @cached_property
    def needles(self) -> frozenset[str]:
        return frozenset(p.needle for p in self.words)


@dataclass(frozen=True)
class Rules:
    ignore: tuple[re.Pattern, ...]
    themes: tuple[ThemeRule, ...]

    @cached_property
    def needles(self) -> tuple[str, ...]:  # of every phrase, words and exclusions
        return tuple({p.needle for t in self.themes for p in (*t.words, *t.exclude)})


@dataclass(frozen=True)
class ThemeReason:
    """One theme given to a text, and the words of the text (folded) that gave it, in text order."""

    theme: str
    words: tuple[str, ...]


@dataclass(frozen=True)
class Themed:
    """A text and the themes it was given, strongest first (empty where none fits)."""

    text: str
    reasons: tuple[ThemeReason, ...]

    @property
    def themes(self) -> tuple[str, ...]:
        return tuple(r.theme for r in self.reasons)


def fold(text: str) -> str:
    """Text as the rules read it: folded (vocab.folded), hyphens, dashes and slashes as spaces."""
    return folded(re.sub(r"[-‐‑–—/]", " ", str(text)))


def _pattern(phrase: str) -> Phrase:
    """A phrase of the rule file as a pattern over folded text: whole words, '*' any ending."""
    parts = []
    words = fold(phrase).split()
    for word in words:
        star = word.endswith("*")
        stem = re.escape(word.rstrip("*"))
        parts.append(stem + r"\w*" if star else stem + r"\b")
    return Phrase(max((w.rstrip("*") for w in words), key=len), re.compile(r"\b" + r"\s+".join(parts)))


def _phrases(value: object, where: str) -> tuple[Phrase, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(w, str) and w.strip() for w in value):
        raise RulesError(f"{RULES_FILE.name}: {where}: expected a list of words or phrases")
    return tuple(_pattern(w) for w in value)


def parse_rules(data: object, name: str = RULES_FILE.name) -> Rules:
    """Rules from the rule file's plain data; every theme of the vocabulary must have rules."""
    if not isinstance(data, dict) or not isinstance(data.get("themes"), dict):
        raise RulesError(f"{name}: themes: expected a mapping of theme to rules")
    themes = []
    for theme, spec in data["themes"].items():
        if theme not in FINDING_THEMES:
            raise RulesError(f"{name}: themes.{theme}: not a finding theme of the vocabulary")
        if not isinstance(spec, dict) or set(spec) - {"words", "exclude"} or not spec.get("words"):
            raise RulesError(f"{name}: themes.{theme}: expected 'words' (and optionally 'exclude')")
        themes.append(ThemeRule(theme, _phrases(spec["words"], f"themes.{theme}.words"),
                                _phrases(spec.get("exclude"), f"themes.{theme}.exclude")))
    missing = [t for t in FINDING_THEMES if t not in data["themes"]]
    if missing:
        raise RulesError(f"{name}: themes: no rules for {', '.join(missing)}")
    ignore = data.get("ignore") or []
    if not isinstance(ignore, list) or not all(isinstance(p, str) for p in ignore):
        raise RulesError(f"{name}: ignore: expected a list of regular expressions")
    try:
        patterns = tuple(re.compile(p) for p in ignore)
    except re.error as e:
        raise RulesError(f"{name}: ignore: {e}") from None
    return Rules(patterns, tuple(themes))


@lru_cache(maxsize=1)
def load_rules() -> Rules:
    """The shipped rules (data/themes.yaml), read once."""
    import yaml

    from .safeyaml import load_plain

    try:
        data = load_plain(RULES_FILE.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as e:
        raise RulesError(f"{RULES_FILE}: cannot be read: {e}") from None
    return parse_rules(data)


def _hits(text: str, rule: ThemeRule, present: set[str]) -> list[tuple[int, str]]:
    """The words of one theme found in folded text: (position, word), none overlapping another. ``present``:
    the needles the text holds (a theme with none of them is passed over at once)."""
    if rule.needles.isdisjoint(present):
        return []
    fenced = [m.span() for needle, p in rule.exclude if needle in present for m in p.finditer(text)]
    spans = sorted(
        (m.start(), -m.end(), m.group())
        for needle, p in rule.words if needle in present for m in p.finditer(text)
        if not any(a <= m.start() and m.end() <= b for a, b in fenced)
    )
    hits, reach = [], -1
    for start, neg_end, word in spans:  # longest first at each position; drop those inside a kept one
        if start >= reach:
            hits.append((start, word))
            reach = -neg_end
    return hits


def themes_of(text: str, rules: Rules | None = None) -> Themed:
    """The themes of one text (at most MAX_THEMES: most words found first, then first found)."""
    rules = rules or load_rules()
    body = fold(text)
    for p in rules.ignore:
        body = p.sub(" ", body)
    found = []
    present = {needle for needle in rules.needles if needle in body}
    for rule in rules.themes:
        hits = _hits(body, rule, present)
        if hits:
            words = tuple(dict.fromkeys(w for _, w in hits))
            found.append((-len(hits), hits[0][0], ThemeReason(rule.theme, words)))
    found.sort(key=lambda f: f[:2])
    return Themed(str(text), tuple(f[2] for f in found[:MAX_THEMES]))


def recommendation_themes(record: Record, rules: Rules | None = None) -> list[Themed]:
    """Each of a record's recommendations with its themes, in the record's order (n = index + 1)."""
    return [themes_of(t, rules) for t in record.recommendations]


def themes_data(record: Record, rules: Rules | None = None) -> list[dict]:
    """The themes of a record's recommendations as JSON-ready data, one item per recommendation in the
    record's order: {"n": 1, "themes": [...]} (the text is the record's recommendations[n - 1])."""
    return [{"n": i, "themes": list(t.themes)} for i, t in enumerate(recommendation_themes(record, rules), 1)]


def _why(t: Themed) -> str:
    return "; ".join(f"{r.theme}: {', '.join(r.words)}" for r in t.reasons)


def visit_themes_data(record: Record) -> dict:
    """One visit's recommendations with their themes and the words that gave each, and its findings with
    the themes tagged by hand: the JSON of `judgements themes`."""
    return {
        "visit_id": record.id,
        "authority": record.authority.name,
        "recommendations": [
            {"n": i, "text": t.text, "themes": [{"theme": r.theme, "label": FINDING_THEMES[r.theme],
                                                 "words": list(r.words)} for r in t.reasons]}
            for i, t in enumerate(recommendation_themes(record), 1)],
        "findings": [{"n": i, "kind": f.kind.value, "text": f.text, "themes": list(f.themes), "tagged": "by hand"}
                     for i, f in enumerate(record.findings, 1)],
    }


def visit_themes_rows(record: Record) -> tuple[list[str], list[list]]:
    """Rows for CSV and Markdown: one a recommendation (themes by rule, with why) or finding (by hand)."""
    rows: list[list] = [[record.id, "recommendation", i, t.text, " ".join(t.themes), "rules", _why(t)]
                        for i, t in enumerate(recommendation_themes(record), 1)]
    rows += [[record.id, "finding", i, f.text, " ".join(f.themes), "by hand", ""]
             for i, f in enumerate(record.findings, 1)]
    return ["visit_id", "field", "n", "text", "themes", "themed", "why"], rows
