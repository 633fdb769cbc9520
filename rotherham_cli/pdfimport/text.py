"""A report's text as lines: running headers and page numbers removed, wrapped lines joined."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from ..vocab import folded

# --------------------------------------------------------------------------------------------
# Text: lines, running headers, joining wrapped lines
# --------------------------------------------------------------------------------------------

# pdfium marks a hyphen at a line break as U+FFFE; U+00AD is the soft hyphen.
_HYPHEN_MARKS = str.maketrans({"\ufffe": "-", "\u00ad": "-", "\xa0": " "})
# A page number printed alone on a line, or at the end of a running header ("27 June to 1 July 2022 2").
_PAGE_NUMBER_RE = re.compile(r"\s*\b\d{1,3}$")
# A footnote mark glued to the last word of a title line ("...Safeguarding Children Board1").
_FOOTNOTE_MARK_RE = re.compile(r"(?<=[A-Za-z])\d{1,2}$")


def _page_lines(page: str) -> list[str]:
    """The non-empty lines of a page, each with its spaces collapsed."""
    lines = (" ".join(line.split()) for line in page.translate(_HYPHEN_MARKS).splitlines())
    return [line for line in lines if line]


def _join(lines: Iterable[str]) -> str:
    """Lines as one text: a space between lines, none after a line-break hyphen ("decision-" "making")."""
    out = ""
    for line in lines:
        if out and not (out.endswith("-") and line[:1].islower()):
            out += " "
        out += line
    return out


def _plain(text: str) -> str:
    """Text for comparing headings: straight apostrophes, no footnote mark or page number at the end."""
    return folded(_PAGE_NUMBER_RE.sub("", text))


@dataclass
class _Document:
    front_lines: list[str]  # the first page as printed
    front: str  # the first page as one text
    lines: list[str]  # every page's lines without running headers and page numbers
    headings: set[str]  # the headings of the table of contents, if the report has one

    @classmethod
    def from_pages(cls, pages: list[str]) -> _Document:
        paged = [_page_lines(page) for page in pages]
        running = _running_lines(paged)
        lines = [
            line
            for page in paged
            for line in page
            if not line.isdigit() and _PAGE_NUMBER_RE.sub("", line) not in running
        ]
        front_lines = paged[0] if paged else []
        return cls(front_lines, _join(front_lines), lines, _contents_headings(paged))

    @property
    def text(self) -> str:
        """All lines, one a line (so that patterns can anchor at a line start)."""
        return "\n".join(self.lines)


def _running_lines(pages: list[list[str]]) -> set[str]:
    """Lines printed at the top or bottom of most pages (running headers), without page numbers."""
    if len(pages) < 3:
        return set()
    counts: Counter[str] = Counter()
    for lines in pages:
        counts.update({_PAGE_NUMBER_RE.sub("", line) for line in lines[:2] + lines[-2:]})
    needed = max(3, len(pages) // 2)
    return {line for line, n in counts.items() if line and n >= needed}


def _contents_headings(pages: list[list[str]]) -> set[str]:
    """Headings listed on the 'Contents' page (each entry ends with its page number)."""
    for lines in pages:
        if "Contents" in lines:
            entries = lines[lines.index("Contents") + 1 :]
            return {_plain(line) for line in entries if _PAGE_NUMBER_RE.search(line) and not line.isdigit()}
    return set()
