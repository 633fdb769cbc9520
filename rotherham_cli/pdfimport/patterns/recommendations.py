"""Recommendations: the list under a report's heading of what needs to improve."""

from __future__ import annotations

import re

from ...vocab import FRAMEWORKS, Framework
from ..text import _Document, _join, _plain

# The heading of the local authority's recommendations: SIF "What does the local authority need to
# improve?" (later SIF reports: "Recommendations"), ILACS "What needs to improve?" (or with a colon, or a
# footnote mark: "What needs to improve?1"). A whole line, so an entry of the contents page
# ("Recommendations 8") is not taken for it; where a contents entry still looks like the heading, the
# first heading followed by a list is the one read.
_RECOMMENDATIONS_RE = re.compile(
    r"^(?:What does the local authority need to improve|What needs to improve|Recommendations)\s*(?:[?:]\d?)?$",
    re.IGNORECASE,
)
_NUMBERED_RE = re.compile(r"^(?P<n>\d{1,3})\.\s+(?P<text>\S.*)$")  # "12. Ensure that ..." (not a year)
_BULLET_RE = re.compile(r"^[•▪■◼●\uf06e\uf0a7\uf0b7]\s*(?P<text>\S.*)$")  # "◼ The quality of ..."
# The end of an item's sentence, or of the reference printed after it: "(National Framework, Outcome 2)",
# "(Enabler 2: Leaders drive conditions for effective practice)".
_SENTENCE_END_RE = re.compile(r"(?:[.!?][’')\"]?|\))$")
# Sections that follow the recommendations in the templates, for reports without a contents page.
_SECTIONS_AFTER = {
    _plain(s)
    for s in (
        "The local authority’s strengths",
        # SIF reports of 2014 number their strengths on from the list of what to improve
        # (Barnsley, Buckinghamshire, Newham): a list of strengths ends the recommendations.
        "The local authority has the following strengths:",
        "The local authority has the following strengths",
        "Information about this inspection",
        "Information about this local authority area",
        "Summary for children and young people",
    )
}


def _recommendations(doc: _Document) -> list[str] | None:
    """The recommendations to the local authority as plain strings; None when there is no such section."""
    starts = [i for i, line in enumerate(doc.lines) if _RECOMMENDATIONS_RE.match(line)]
    if not starts:
        return None
    lists = (_list_after(doc, start) for start in starts)
    return next((items for items in lists if items), [])


def _list_after(doc: _Document, start: int) -> list[str]:
    """The numbered or bulleted list that follows the heading at line `start`."""
    stops = doc.headings | _SECTIONS_AFTER
    items: list[list[str]] = []
    style = None  # "numbered" or "bullets", set by the first item
    number = 0
    for line in doc.lines[start + 1 :]:
        if _plain(line) in stops or _opens_judgement_section(line):
            break
        numbered, bullet = _NUMBERED_RE.match(line), _BULLET_RE.match(line)
        if numbered and style != "bullets" and (style is None or int(numbered["n"]) == number + 1):
            style, number = "numbered", int(numbered["n"])
            items.append([numbered["text"]])
        elif bullet and style != "numbered":
            style = "bullets"
            items.append([bullet["text"]])
        elif numbered or bullet:
            break  # a list of the other kind, or numbering that does not follow on: the section is over
        elif items:
            items[-1].append(line)
    return [_join(_without_trailing_headings(item)) for item in items]


def _opens_judgement_section(line: str) -> bool:
    """Whether a line opens the section of an ILACS judgement area ("The experiences and progress of
    children who need help and / protection: outstanding"), which follows the list of what needs to
    improve: the line is the start of an area's official wording (four words at least), however the
    heading wraps, or the whole wording and its grade."""
    words = _plain(line).casefold().split()
    if len(words) < 4:
        return False
    text = " ".join(words)
    return any(w.startswith(text) or text.startswith(w + ":") for w in _ILACS_AREA_WORDINGS)


# The ILACS judgement headings ("The impact of leaders on ...", "The experiences and progress of ...").
_ILACS_AREA_WORDINGS = tuple(sorted({
    w.casefold() for fw in (Framework.ILACS, Framework.ILACS_2023, Framework.ILACS_2026)
    for w in FRAMEWORKS[fw].areas.values() if len(w.split()) >= 4
}))


def _without_trailing_headings(lines: list[str]) -> list[str]:
    """An item's lines without the subheadings printed after it ("Areas for improvement", ...).

    Subheadings are the last lines of the item's text when none of them ends a sentence but the line
    before them does.
    """
    end = len(lines)
    while end > 1 and not _SENTENCE_END_RE.search(lines[end - 1]):
        end -= 1
    if end < len(lines) and _SENTENCE_END_RE.search(lines[end - 1]):
        return lines[:end]
    return lines
