"""Search the words of the records: the visits whose recommendations, findings, headline or summary say
something, with where each text says it.

A query is words (or "quoted phrases"); a text matches when it holds every one of them, in any order,
as whole words, in any case; a word ending in * matches any ending ("exploit*"). Straight and curly
apostrophes are alike, and so are a hyphen and a space. Each hit keeps the spans of the words in the
text, so a renderer can mark them. Core module: no typer, no printing.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .errors import UsageError

if TYPE_CHECKING:
    from .models import Record

# Where in a record a text is, in the order a visit's hits are listed.
FIELDS = ("headline", "summary", "finding", "recommendation")

_QUOTED = re.compile(r'"([^"]*)"|(\S+)')


@dataclass(frozen=True)
class Query:
    words: tuple[str, ...]  # as typed (a phrase is one of them)
    patterns: tuple[re.Pattern, ...]


@dataclass(frozen=True)
class Hit:
    """One text of one visit that holds every word of the query."""

    visit_id: str
    authority: str
    start: str  # the day the visit is placed at (its start, else its end, else publication), or ''
    kind: str  # the kind's label
    field: str  # one of FIELDS
    n: int | None  # the finding's or recommendation's number in the record (1-based), None otherwise
    text: str
    spans: tuple[tuple[int, int], ...]  # where the words are, in text order (words side by side: one span)


def _word_pattern(word: str) -> str:
    star = word.endswith("*")
    parts = []
    for ch in word.rstrip("*"):
        if ch in "'’":
            parts.append("['’]")
        elif ch in "-‐‑– ":
            parts.append(r"[-‐‑–\s]+")
        else:
            parts.append(re.escape(ch))
    return r"(?<!\w)" + "".join(parts) + (r"\w*" if star else r"(?!\w)")


def parse_query(text: str) -> Query:
    """The words (and quoted phrases) of a query; none is a usage error."""
    words = []
    for phrase, word in _QUOTED.findall(text):
        item = " ".join((phrase or word).split())
        if item.strip("*"):
            words.append(item)
    if not words:
        raise UsageError("give the words to search for, e.g. judgements search \"unregistered children's homes\"")
    patterns = tuple(re.compile(_word_pattern(w), re.IGNORECASE) for w in dict.fromkeys(words))
    return Query(tuple(dict.fromkeys(words)), patterns)


def spans_of(text: str, query: Query) -> tuple[tuple[int, int], ...] | None:
    """Where the query's words are in a text, or None when one of them is missing."""
    found = []
    for p in query.patterns:
        matches = [m.span() for m in p.finditer(text)]
        if not matches:
            return None
        found.extend(matches)
    spans: list[tuple[int, int]] = []
    for a, b in sorted(found):
        # overlapping words, or words with only spaces between them, make one marked span
        if spans and (a < spans[-1][1] or not text[spans[-1][1]:a].strip()):
            spans[-1] = (spans[-1][0], max(b, spans[-1][1]))
        else:
            spans.append((a, b))
    return tuple(spans)


def _texts(r: Record):
    if r.headline:
        yield "headline", None, str(r.headline)
    if r.summary:
        yield "summary", None, " ".join(str(r.summary).split())
    for i, f in enumerate(r.findings, 1):
        yield "finding", i, " ".join(str(f.text).split())
    for i, t in enumerate(r.recommendations, 1):
        yield "recommendation", i, " ".join(str(t).split())


def search(records: Sequence[Record], query: Query) -> list[Hit]:
    """Every text of the records that holds the query's words: by authority, then visit date, then
    headline, summary, findings and recommendations in the record's order."""
    hits = []
    for r in sorted(records, key=lambda r: (r.authority.name.casefold(), r.sort_key)):
        day = r.when
        for field, n, text in _texts(r):
            spans = spans_of(text, query)
            if spans is not None:
                hits.append(Hit(r.id, r.authority.name, str(day) if day else "", r.kind.label, field, n, text,
                                spans))
    return hits


def marked(hit: Hit, left: str = "«", right: str = "»") -> str:
    """The hit's text with each span between the marks."""
    out, at = [], 0
    for a, b in hit.spans:
        out += [hit.text[at:a], left, hit.text[a:b], right]
        at = b
    return "".join([*out, hit.text[at:]])


def where(hit: Hit) -> str:
    """'recommendation 3', 'finding 2', 'headline', 'summary'."""
    return f"{hit.field} {hit.n}" if hit.n is not None else hit.field


@dataclass(frozen=True)
class Summary:
    texts: int
    visits: int
    authorities: int


def summary(hits: Sequence[Hit]) -> Summary:
    return Summary(len(hits), len({h.visit_id for h in hits}), len({h.authority for h in hits}))


# A recommendation's themes by (visit, n): keyed as hits are, whose n is None for a text that is not numbered.
Themes = Mapping[tuple[str, int | None], Sequence[str]]

SEARCH_HEADER = ["authority", "visit_id", "start", "kind", "field", "n", "text", "marked", "themes"]


def search_rows(hits: Sequence[Hit], themes: Themes) -> tuple[list[str], list[list]]:
    """Rows for CSV and Markdown: one a text; ``themes`` gives a recommendation's themes by (visit, n)."""
    return SEARCH_HEADER, [
        [h.authority, h.visit_id, h.start, h.kind, h.field, "" if h.n is None else h.n, h.text, marked(h),
         " ".join(themes.get((h.visit_id, h.n), ())) if h.field == "recommendation" else ""]
        for h in hits
    ]


def search_data(hits: Sequence[Hit], themes: Themes) -> list[dict]:
    """JSON-ready hits: the text as the record holds it, the spans of the words ([start, end), 0-based)
    and, for a recommendation, its themes."""
    out = []
    for h in hits:
        item: dict[str, Any] = {"authority": h.authority, "visit_id": h.visit_id, "start": h.start or None,
                                "kind": h.kind, "field": h.field, "n": h.n, "text": h.text,
                                "spans": [list(s) for s in h.spans]}
        if h.field == "recommendation":
            item["themes"] = list(themes.get((h.visit_id, h.n), ()))
        out.append(item)
    return out


def hit_themes(records: Sequence[Record], hits: Sequence[Hit]) -> dict[tuple[str, int | None], tuple[str, ...]]:
    """The themes of the recommendations among the hits, by (visit, n)."""
    from .themes import themes_of

    wanted = {(h.visit_id, h.n) for h in hits if h.field == "recommendation" and h.n is not None}  # always numbered
    by_id = {r.id: r for r in records}
    return {(v, n): themes_of(by_id[v].recommendations[n - 1]).themes for v, n in wanted}
