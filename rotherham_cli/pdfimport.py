"""Read an Ofsted inspection report of a local authority's children's services (a PDF) into a draft record.

The reader relies only on the structure of Ofsted's report templates, never on a particular file or
authority:

- SIF reports (2013-2018): the authority's name above the title ("Inspection of services for children
  in need of help and protection..." or "Re-inspection of services..."), "Inspection date: 16 September
  – 8 October 2014", "Report published: 19 November 2014", the overall judgement as a sentence ("The
  overall judgement is that children's services are inadequate", "Children's services in Rotherham are
  good"), the numbered table of the other judgements, the LSCB's judgement as a sentence, "What does
  the local authority need to improve?" (later "Recommendations") as a numbered list, and "Lead
  inspector: ..." on the last pages.
- ILACS reports (2018 on): "Inspection of <authority> local authority children's services" (or the
  name above "Inspection of children's social care services"), "Inspection dates: 27 June to 1 July
  2022", "Lead inspector: ...", the "Judgement Grade" table, and "What needs to improve?" as bullets.

Judgement areas and grades are matched with the official wordings in :mod:`rotherham_cli.vocab`;
nothing here spells them out again. Anything the report does not state is left out of the draft and
named in :attr:`ImportedReport.missing`; a decision the report does not state outright (a re-inspection
read from the previous judgement, short or standard read from the length of the inspection) is
explained in the draft's notes.

The PDF library (pypdfium2) was chosen by measurement: see benchmarks/pdf_libraries.md. It is imported
inside the functions that use it, so that importing this module stays cheap.
"""

from __future__ import annotations

import re
import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from . import vocab
from .authorities import name_in_text
from .errors import JudgementsError
from .identity import record_id
from .vocab import FRAMEWORKS, KINDS, Area, Framework, Grade, Kind
from .words import MONTH_NAMES, month_number


class ReportError(JudgementsError):
    """A file that cannot be read as an Ofsted report; the one-line message names the file."""


@dataclass
class ImportedReport:
    """A draft record read from a report, and what the report did not give."""

    data: dict[str, Any]
    missing: list[str] = field(default_factory=list)
    guessed: set[str] = field(default_factory=set)  # fields read from circumstance, not printed (kind)


LIBRARIES = ("pypdfium2", "pypdf")
# Bounds on a hostile PDF. Ofsted's reports run to 8-60 pages and read in well under a second each
# (benchmarks/corpus.md); a file beyond these is refused with one line.
MAX_PAGES = 300
MAX_SECONDS = 30
LIBRARY = "pypdfium2"

PUBLISHER = "Ofsted"
SOURCE_ID = "report"


# --------------------------------------------------------------------------------------------
# Public API
# --------------------------------------------------------------------------------------------


def import_report(path: str | Path) -> ImportedReport:
    """Read the report at ``path`` into a draft record; raise :class:`ReportError` for bad input."""
    pages = extract_pages(path)
    return read_report(pages, Path(path).name, where=str(path))


def report_files(paths: Iterable[str | Path]) -> list[Path]:
    """The report files named: each file as given, each folder's *.pdf in name order."""
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            found = sorted(f for f in p.iterdir() if f.suffix.lower() == ".pdf" and f.is_file())
            if not found:
                raise ReportError(f"{p}: no .pdf files in this folder")
            out.extend(found)
        else:
            out.append(p)
    return out


def draft_file_problem(data: dict[str, Any], output: str | Path) -> str | None:
    """Why a draft cannot be written to ``output`` (a record's file is named by its id), or None."""
    name = Path(output)
    rid = data.get("id")
    if rid is None:
        return (f"{name}: the report does not give what the record id is made of (authority, start, kind); "
                "print the draft without --output and name the file once it is complete")
    if name.suffix not in (".yaml", ".yml") or name.stem != rid:
        return f"{name}: a record's file is named by its id; write it to {name.with_name(rid + '.yaml')}"
    return None


def draft_record(path: str | Path, records=None, where: str = ""):
    """A report read into a record, ready to merge (ReportError when it does not make a valid one);
    completed from ``records`` (the record set in effect, see draftfill) where given."""
    from pydantic import ValidationError

    from .models import Record, RuleViolations

    imported = import_report(path)
    if records is not None:
        from .draftfill import complete

        imported = complete(imported, records, where)
    try:
        return Record.model_validate(imported.data)
    except (ValidationError, RuleViolations) as exc:
        gaps = "; ".join(imported.missing) or str(exc).splitlines()[0]
        raise ReportError(f"{path}: not a complete record ({gaps})") from None


def extract_text(path: str | Path) -> str:
    """The report's text with the chosen library, pages separated by form feeds."""
    return "\f".join(extract_pages(path))


def extract_pages(path: str | Path, library: str = LIBRARY) -> list[str]:
    """The text of each page. Raises :class:`ReportError` for a file that is no readable PDF with text."""
    p = Path(path)
    _check_pdf_file(p)
    if library == "pypdfium2":
        pages = _pages_pypdfium2(p)
    elif library == "pypdf":
        pages = _pages_pypdf(p)
    else:
        raise ValueError(f"unknown PDF library {library!r}; choose one of {', '.join(LIBRARIES)}")
    if not any(page.strip() for page in pages):
        raise ReportError(f"{p}: the PDF has no text layer (a scan?); import-report needs the text")
    return pages


def read_report(pages: list[str], file_name: str, where: str | None = None) -> ImportedReport:
    """Read a report from the text of its pages (any PDF library's). ``where`` names it in errors."""
    doc = _Document.from_pages(pages)
    if _LSCB_ONLY_RE.search(doc.front) and not any(_GENERIC_TITLE_RE.match(line) for line in doc.front_lines):
        raise ReportError(
            f"{where or file_name}: a review of the Local Safeguarding Children Board alone, not an inspection "
            "of the local authority's children's services; the records hold no such visit"
        )
    if not _looks_like_report(doc):
        raise ReportError(
            f"{where or file_name}: not an Ofsted inspection report of local authority children's "
            "services (no inspection title or 'Inspection dates' line on its first page)"
        )
    return _Reader(doc, file_name).read()


# --------------------------------------------------------------------------------------------
# PDF files and libraries
# --------------------------------------------------------------------------------------------


def _check_pdf_file(path: Path) -> None:
    if not path.exists():
        raise ReportError(f"{path}: no such file")
    if not path.is_file():
        raise ReportError(f"{path}: not a file")
    try:
        with path.open("rb") as fh:
            head = fh.read(1024)
    except OSError as exc:
        raise ReportError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    if b"%PDF-" not in head:
        raise ReportError(f"{path}: not a PDF file (it does not start with a PDF header)")


def _pages_pypdfium2(path: Path) -> list[str]:
    import pypdfium2 as pdfium

    try:
        doc = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        raise ReportError(_pdfium_problem(path, exc)) from None
    try:
        if len(doc) > MAX_PAGES:
            raise ReportError(f"{path}: has {len(doc):,} pages, more than the {MAX_PAGES} an Ofsted report "
                              "may have; not read")
        started = time.monotonic()
        pages = []
        for index in range(len(doc)):
            if time.monotonic() - started > MAX_SECONDS:
                raise ReportError(f"{path}: reading its text took more than {MAX_SECONDS} seconds (at page "
                                  f"{index + 1} of {len(doc)}); not read")
            page = doc[index]
            textpage = page.get_textpage()
            pages.append(textpage.get_text_range())
            textpage.close()
            page.close()
        return pages
    except pdfium.PdfiumError:
        raise ReportError(f"{path}: the PDF is damaged (a page cannot be read)") from None
    finally:
        doc.close()


def _pdfium_problem(path: Path, exc: Exception) -> str:
    import pypdfium2.raw as raw

    code = getattr(exc, "err_code", None)
    if code == raw.FPDF_ERR_PASSWORD:
        return f"{path}: the PDF is encrypted with a password; import an unprotected copy"
    if code == raw.FPDF_ERR_SECURITY:
        return f"{path}: the PDF uses an unsupported security handler; import an unprotected copy"
    return f"{path}: the PDF is damaged and cannot be opened"


def _pages_pypdf(path: Path) -> list[str]:
    import pypdf
    from pypdf.errors import PyPdfError

    try:
        reader = pypdf.PdfReader(str(path))
        if reader.is_encrypted and not reader.decrypt(""):
            raise ReportError(f"{path}: the PDF is encrypted with a password; import an unprotected copy")
        return [page.extract_text() or "" for page in reader.pages]
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError):
        raise ReportError(f"{path}: the PDF is damaged and cannot be opened") from None


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
    return _PAGE_NUMBER_RE.sub("", text.replace("’", "'")).strip().lower()


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


# --------------------------------------------------------------------------------------------
# Grades and judgement areas, matched with the vocabulary's wordings
# --------------------------------------------------------------------------------------------

_GRADE_MAX_WORDS = max(len(g.label.split()) for g in Grade)


def _grade_at(text: str, pos: int, lead: str = "") -> Grade | None:
    """The grade whose words start at ``pos`` (longest wording first), or None."""
    # A word may carry a footnote mark after its full stop ("improvement.2").
    words = [re.sub(r"[.,;:]\d{0,2}$", "", w).strip(".,;:")
             for w in text[pos:].split(None, _GRADE_MAX_WORDS)[:_GRADE_MAX_WORDS]]
    if lead:
        words = [lead, *words]
    for n in range(len(words), 0, -1):
        try:
            return vocab.parse_grade(" ".join(words[:n]))
        except vocab.VocabularyError:
            continue
    return None


def _words_re(wording: str) -> str:
    """A wording as a pattern: its words in any case, across line breaks."""
    return r"\s+".join(re.escape(word) for word in wording.split())


def _table_grades(front: str, framework: Framework) -> dict[Area, Grade]:
    """Each area of a framework whose official wording is followed directly by a grade."""
    found: dict[Area, Grade] = {}
    for area, wording in FRAMEWORKS[framework].areas.items():
        # The wording, not inside a longer word, then whitespace; the grade must follow at once, so
        # "...children in care" does not read the row "...children in care and care leavers".
        pattern = re.compile(rf"(?<![\w-]){_words_re(wording)}\s+", re.IGNORECASE)
        for match in pattern.finditer(front):
            grade = _grade_at(front, match.end())
            if grade is not None:
                found[area] = grade
                break
    return found


# The frameworks whose reports this module reads: those of SIF and ILACS inspections.
_SIF_FRAMEWORKS = KINDS[Kind.SIF_INSPECTION].frameworks
_ILACS_FRAMEWORKS = KINDS[Kind.ILACS_STANDARD].frameworks
_READ_FRAMEWORKS = (*_SIF_FRAMEWORKS, *_ILACS_FRAMEWORKS)


def _best_framework(tables: dict[Framework, dict[Area, Grade]]) -> Framework | None:
    """The framework whose wordings the judgement table uses: most areas found, fewest of its own missing."""

    def score(fw: Framework) -> tuple[int, int]:
        return len(tables[fw]), -len(set(FRAMEWORKS[fw].areas) - set(tables[fw]))

    best = max(tables, key=score)
    return best if tables[best] else None


# SIF front page, the overall judgement as a sentence:
#   "The overall judgement is that children's services are inadequate"
#   "The overall judgement is Inadequate"
#   "Children's services in Rotherham are good"
#   "Children's services in West Sussex County Council require improvement to be good"
# The verb "require(s)" belongs to the grade's wording, so it is handed to the grade reader.
_SIF_OVERALL_RE = re.compile(
    r"(?:overall\s+judgement\s+is(?:\s+that\s+children['’]s\s+services?\s+(?P<verb1>are|is|requires?))?"
    r"|children['’]s\s+services?\s+in\s+[^.]{1,100}?\s+(?P<verb2>are|is|requires?)"
    r"|children['’]s\s+services?\s+(?P<verb3>are|is|requires?))\s+",
    re.IGNORECASE,
)


def _sif_overall(front: str) -> Grade | None:
    for match in _SIF_OVERALL_RE.finditer(front):
        verb = (match["verb1"] or match["verb2"] or match["verb3"] or "").lower()
        grade = _grade_at(front, match.end(), lead="requires" if verb.startswith("require") else "")
        if grade is not None:
            return grade
    return None


def _lscb_re() -> re.Pattern[str]:
    # The LSCB's judgement as a sentence at a line start, on the front page or heading its section:
    #   "The effectiveness of the Local Safeguarding Children Board (LSCB) is inadequate"
    #   "The Local Safeguarding Children Board is inadequate" / "... (LSCB) is good"
    #   "The Local Safeguarding Children Board requires improvement"  ("requires" is the grade's)
    #   "The effectiveness of the LSCB is inadequate"
    # The board's name comes from the vocabulary's wording "The effectiveness of the <board>".
    wording = FRAMEWORKS[Framework.SIF].areas[Area.LSCB]
    board = wording.split(" of the ", 1)[1]
    return re.compile(
        rf"^The\s+(?:effectiveness\s+of\s+the\s+)?(?:{_words_re(board)}|LSCB)(?:\s*\(LSCB\))?"
        r"\s+(?P<verb>is|requires)\s+",
        re.IGNORECASE | re.MULTILINE,
    )


_LSCB_RE = _lscb_re()


def _sif_lscb(text: str) -> Grade | None:
    for match in _LSCB_RE.finditer(text):
        grade = _grade_at(text, match.end(), lead="requires" if match["verb"].lower() == "requires" else "")
        if grade is not None:
            return grade
    return None


def _previous_sif_overall(text: str) -> Grade | None:
    """The previous inspection's overall effectiveness where the report lists a previous SIF judgement.

    SIF reports summarise the last inspection: "The judgements for the local authority were:
    − Overall effectiveness: inadequate − Children who need help and protection: inadequate ...".
    """
    sif = FRAMEWORKS[Framework.SIF].areas
    # "judgements for the local authority were:", an optional bullet, "<overall wording>:", then the grade.
    pattern = re.compile(
        rf"judgements\s+for\s+the\s+local\s+authority\s+were:\s*\W?\s*"
        rf"{_words_re(sif[Area.OVERALL_EFFECTIVENESS])}:\s*",
        re.IGNORECASE,
    )
    # The list is a SIF one when the next item is SIF's help-and-protection wording with a colon.
    next_item = re.compile(rf"{_words_re(sif[Area.HELP_AND_PROTECTION])}:", re.IGNORECASE)
    for match in pattern.finditer(text):
        grade = _grade_at(text, match.end())
        if grade is not None and next_item.search(text, match.end(), match.end() + 200):
            return grade
    return None


# --------------------------------------------------------------------------------------------
# Dates
# --------------------------------------------------------------------------------------------

# English month names as the reports print them (not calendar.month_name, which follows the locale).
_MONTH = "|".join(MONTH_NAMES)
_DASH = r"(?:to|[-‐‑–—−])"  # "to", hyphen, hyphens, en dash, em dash, minus
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"

# "Inspection date(s): 16 September – 8 October 2014", "18 March 2014 – 09 April 2014", "2 to 6 December
# 2024", "11 – 22 July 2022", "28 November to 2 December 2022"; the first month and year may be left
# out when the last day's are the same. A single day ("Inspection date: 4 March 2015") is read too.
# Some SIF reports write days as numbers: "Inspection date: 12/09/2016 to 06/10/2016".
_NUMERIC = r"(?P<{0}d>\d{{1,2}})/(?P<{0}m>\d{{1,2}})/(?P<{0}y>\d{{4}})"
_NUMERIC_DATES_RE = re.compile(
    rf"Inspection\s+dates?\s*:\s*{_NUMERIC.format('a')}(?:\s*{_DASH}\s*{_NUMERIC.format('b')})?", re.IGNORECASE
)
_NUMERIC_PUBLISHED_RE = re.compile(rf"Report\s+published\s*:\s*{_NUMERIC.format('a')}", re.IGNORECASE)
_INSPECTION_DATES_RE = re.compile(
    rf"Inspection\s+dates?\s*:\s*"
    rf"(?P<d1>{_DAY})(?:\s+(?P<m1>{_MONTH}))?(?:\s+(?P<y1>\d{{4}}))?"
    rf"(?:\s*{_DASH}\s*(?P<d2>{_DAY})\s+(?P<m2>{_MONTH})\s+(?P<y2>\d{{4}}))?",
    re.IGNORECASE,
)
# "Report published: 19 November 2014"
_PUBLISHED_RE = re.compile(
    rf"(?:Report\s+)?published\s*:\s*(?P<d>{_DAY})\s+(?P<m>{_MONTH})\s+(?P<y>\d{{4}})", re.IGNORECASE
)


def _day(day: str, month: str, year: str | int) -> date:
    return date(int(year), month_number(month) or 0, int(re.sub(r"\D", "", day)))


def _inspection_dates(front: str) -> tuple[date | None, date | None, str | None]:
    """(start, end, problem): the days on site as the first page prints them."""
    n = _NUMERIC_DATES_RE.search(front)
    if n is not None:
        try:
            start = date(int(n["ay"]), int(n["am"]), int(n["ad"]))
            end = date(int(n["by"]), int(n["bm"]), int(n["bd"])) if n["bd"] else start
        except ValueError:
            return None, None, f"'{n.group(0)}' is not a real date range"
        return (start, end, None) if start <= end else (None, None, f"'{n.group(0)}' ends before it starts")
    m = _INSPECTION_DATES_RE.search(front)
    if m is None:
        return None, None, "no 'Inspection dates:' line on the first page"
    try:
        if m["d2"] is None:  # a single day
            if not (m["m1"] and m["y1"]):
                return None, None, f"cannot read the dates in '{m.group(0)}'"
            one = _day(m["d1"], m["m1"], m["y1"])
            return one, one, None
        end = _day(m["d2"], m["m2"], m["y2"])
        start = _day(m["d1"], m["m1"] or m["m2"], m["y1"] or m["y2"])
        if m["y1"] is None and start > end:  # "28 December to 3 January 2020"
            start = start.replace(year=start.year - 1)
    except ValueError:
        return None, None, f"'{m.group(0)}' is not a real date range"
    if end < start:
        return None, None, f"'{m.group(0)}' ends before it starts"
    return start, end, None


def _published(front: str) -> date | None:
    n = _NUMERIC_PUBLISHED_RE.search(front)
    if n is not None:
        try:
            return date(int(n["ay"]), int(n["am"]), int(n["ad"]))
        except ValueError:
            return None
    m = _PUBLISHED_RE.search(front)
    if m is None:
        return None
    try:
        return _day(m["d"], m["m"], m["y"])
    except ValueError:
        return None


# --------------------------------------------------------------------------------------------
# Title, authority, inspector
# --------------------------------------------------------------------------------------------

_NAME_CHARS = r"[A-Za-z ,.&'’()-]"
# ILACS since 2020: "Inspection of Rotherham Metropolitan Borough Council local authority children's
# services" (wrapped over lines). A name holds no digits, so a running header with dates is passed over.
_TITLE_WITH_NAME_RE = re.compile(
    rf"\b(?:Re-)?[Ii]nspection\s+of\s+(?!local\s+authority\b)(?P<name>[A-Z]{_NAME_CHARS}{{1,80}}?)"
    r"(?:\s+local\s+authority)?\s+children['’]s\s+services"
)
# SIF and early ILACS: a title that does not name the authority, printed under the authority's name:
# "Inspection of services for children in need of help and protection...", "Re-inspection of services...",
# "Inspection of children's social care services", "Inspection of local authority children's services".
_GENERIC_TITLE_RE = re.compile(
    r"^(?:Re-?[Ii]|I|i)nspection of (?:services for children|children['’]s social care services"
    r"|local authority children['’]s (?:social care )?services|looked after children\b)"
)
# A review of the LSCB published on its own (2015), without an inspection of the authority's services.
_LSCB_ONLY_RE = re.compile(r"^[^.]{0,120}?Review\s+of\s+the\s+effectiveness\s+of\s+the\s+Local\s+Safeguarding",
                           re.IGNORECASE)
# A targeted inspection of looked after children's services (TLAC, 2012-2013): one graded judgement.
_TLAC_TITLE_RE = re.compile(r"^Inspection of looked after children\b", re.IGNORECASE)
_TLAC_GRADE_RE = re.compile(
    r"Overall\s+effectiveness\s+of\s+services\s+for\s+looked\s+after\s+children\s+and\s+young\s+people\s+"
    r"Grade\s+\d\s+\((?P<grade>[A-Za-z ]+)\)", re.IGNORECASE)
_ANY_TITLE_RE = re.compile(r"^(?:Re-?[Ii]|I)nspection\s+of\s+\S")
_NAME_LINE_RE = re.compile(rf"^[A-Z]{_NAME_CHARS}{{1,80}}$")
_DATES_LINE_RE = re.compile(r"^Inspection\s+dates?\s*:", re.IGNORECASE)

# How far into the front page the authority's name is looked for (it is printed first, with the title).
_NAME_SPAN = 600


def _title_and_name(doc: _Document) -> tuple[str | None, str | None]:
    """(title, the authority's name as printed) from the first page."""
    lines = doc.front_lines
    for index, line in enumerate(lines):
        if _GENERIC_TITLE_RE.match(line):
            end = index + 1
            while end < len(lines) and end < index + 6 and not _DATES_LINE_RE.match(lines[end]):
                end += 1
            title = _FOOTNOTE_MARK_RE.sub("", _join(lines[index:end]))
            above = lines[index - 1] if index else ""
            return title, (above if _NAME_LINE_RE.match(above) else None)
    m = _TITLE_WITH_NAME_RE.search(doc.front)
    if m:
        return " ".join(m.group(0).split()), m["name"]
    # Any other title line above the dates ("Inspection of Bradford Children and Families Trust",
    # "Inspection of the Isle of Wight local authority children's services"): the lines down to the dates.
    for index, line in enumerate(lines):
        if _DATES_LINE_RE.match(line):
            break
        if _ANY_TITLE_RE.match(line):
            end = index + 1
            while end < len(lines) and end < index + 4 and not _DATES_LINE_RE.match(lines[end]):
                end += 1
            return _FOOTNOTE_MARK_RE.sub("", _join(lines[index:end])), None
    return None, None


# "Lead inspector: Neil Penswick, Her Majesty's Inspector", "Lead inspector: Marie McGuinness Senior HMI",
# "Lead inspector: Helen Cawston HMI." (at a line start, so "Deputy lead inspector:" is not read).
_LEAD_RE = re.compile(r"^(?:Lead\s+inspector\s*:|Reporting\s+inspector\s*:?)\s*(?P<name>.+)$",
                      re.IGNORECASE | re.MULTILINE)
# What follows the name: a comma and a title, or a title: "(Senior) HMI", "Her/His Majesty's Inspector",
# "Additional/Contracted/Seconded/Ofsted Inspector".
_INSPECTOR_TITLE_RE = re.compile(
    r"\s*(?:,.*|\s(?:Senior\s+)?HMI\b.*|\s(?:Her|His)\s+Majesty['’]s\s+Inspector.*"
    r"|\s(?:Additional|Contracted|Seconded|Ofsted)\s+Inspector.*)$",
    re.IGNORECASE,
)


def _lead_inspector(text: str) -> str | None:
    m = _LEAD_RE.search(text)
    if m is None:
        return None
    name = _INSPECTOR_TITLE_RE.sub("", m["name"]).strip(" .")
    return name if re.search(r"[A-Za-z]{2}", name) else None


def _looks_like_report(doc: _Document) -> bool:
    """A first page with an inspection title or an 'Inspection dates' line, about children's services."""
    has_title = any(_GENERIC_TITLE_RE.match(line) for line in doc.front_lines) or bool(
        _TITLE_WITH_NAME_RE.search(doc.front)
    )
    has_dates = bool(_INSPECTION_DATES_RE.search(doc.front))
    return (has_title or has_dates) and "children" in doc.front.lower()


# --------------------------------------------------------------------------------------------
# Recommendations
# --------------------------------------------------------------------------------------------

# The heading of the local authority's recommendations: SIF "What does the local authority need to
# improve?" (later SIF reports: "Recommendations"), ILACS "What needs to improve?". A whole line, so an
# entry of the contents page ("Recommendations 8") is not taken for it.
_RECOMMENDATIONS_RE = re.compile(
    r"^(?:What does the local authority need to improve|What needs to improve|Recommendations)\s*\??$",
    re.IGNORECASE,
)
_NUMBERED_RE = re.compile(r"^(?P<n>\d{1,3})\.\s+(?P<text>\S.*)$")  # "12. Ensure that ..." (not a year)
_BULLET_RE = re.compile(r"^[•▪■◼●\uf06e\uf0a7\uf0b7]\s*(?P<text>\S.*)$")  # "◼ The quality of ..."
_SENTENCE_END_RE = re.compile(r"[.!?][’')\"]?$")
# Sections that follow the recommendations in the templates, for reports without a contents page.
_SECTIONS_AFTER = {
    _plain(s)
    for s in (
        "The local authority’s strengths",
        "Information about this inspection",
        "Information about this local authority area",
        "Summary for children and young people",
    )
}


def _recommendations(doc: _Document) -> list[str] | None:
    """The recommendations to the local authority as plain strings; None when there is no such section."""
    start = next((i for i, line in enumerate(doc.lines) if _RECOMMENDATIONS_RE.match(line)), None)
    if start is None:
        return None
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


# --------------------------------------------------------------------------------------------
# The reader: a draft record and what is missing
# --------------------------------------------------------------------------------------------

_TEXT_MAX = 2000  # the longest text a record's list items may hold (models.Text)
# A report describing itself: "This short inspection ...", "This was a standard inspection".
_SELF_KIND_RE = re.compile(
    r"\bThis\s+(?:was\s+an?\s+)?(?P<kind>short|standard)\s+inspection\b", re.IGNORECASE
)
_ILACS_KIND = {"short": Kind.ILACS_SHORT, "standard": Kind.ILACS_STANDARD}


class _Reader:
    """Reads one report's fields in turn, collecting the draft and the list of what is missing."""

    def __init__(self, doc: _Document, file_name: str):
        self.doc = doc
        self.file_name = file_name
        self.missing: list[str] = []
        self.notes: list[str] = []
        self.guessed: set[str] = set()

    def read(self) -> ImportedReport:
        title, _ = _title_and_name(self.doc)
        start, end, date_problem = _inspection_dates(self.doc.front)
        # The front page opens with the authority's name, in its title or above it, as printed
        # ("London Borough of Barking and / Dagenham"): the register finds it there.
        authority = name_in_text(self.doc.front[:_NAME_SPAN], on=start)
        published = _published(self.doc.front)
        framework, judgements = self._judgements(start)
        kind = self._kind(framework, title, judgements, start, end)
        lead = _lead_inspector(self.doc.text)
        recommendations = _recommendations(self.doc)

        data: dict[str, Any] = {}
        if authority and start and kind:
            data["id"] = record_id(authority.slug, kind, start, start)
        else:
            self.missing.append("id: needs the authority, the inspection start date and the kind")
        if authority:
            data["authority"] = {"name": authority.name, "la_number": authority.la_number,
                                 "ons_code": authority.gss_on(start) if start else authority.gss}
        else:
            self.missing.append("authority: no name found above or in the title on the first page")
        if kind:
            data["kind"] = kind.value
        if framework:
            data["framework"] = framework.value
        if start and end:
            data["start"], data["end"] = start.isoformat(), end.isoformat()
        else:
            self.missing.append(f"inspection dates: {date_problem}")
        if published:
            data["published"] = published.isoformat()
        else:
            self.missing.append("publication date: not printed in the report")
        if lead:
            data["inspectors"] = [{"name": lead, "role": "lead inspector"}]
        else:
            self.missing.append("lead inspector: no 'Lead inspector:' line found")
        if judgements:
            data["judgements"] = {area.value: grade.value for area, grade in judgements.items()}
        self._missing_judgements(framework, kind, judgements)
        if recommendations and max(map(len, recommendations)) > _TEXT_MAX:
            self.missing.append("recommendations: the end of the list was not found (an item runs on)")
        elif recommendations:
            data["recommendations"] = recommendations
        else:
            self.missing.append(
                "recommendations: no 'What needs to improve?' or 'Recommendations' list found"
            )
        if self.notes:
            data["notes"] = self.notes
        data["sources"] = [self._source(title, published)]
        return ImportedReport(data, self.missing, self.guessed)

    # ---- parts ----------------------------------------------------------------------------

    def _judgements(self, start: date | None) -> tuple[Framework | None, dict[Area, Grade]]:
        if any(_TLAC_TITLE_RE.match(line) for line in self.doc.front_lines):
            m = _TLAC_GRADE_RE.search(self.doc.text)
            grade = _grade_at(m["grade"], 0) if m else None
            return Framework.PRE_2013, ({Area.LOOKED_AFTER_CHILDREN: grade} if grade else {})
        tables = {fw: _table_grades(self.doc.front, fw) for fw in _READ_FRAMEWORKS}
        framework = _best_framework(tables)
        if framework is None:
            self.missing.append("framework: no judgement table found on the first page")
            return None, {}
        found = tables[framework]
        sif = framework in _SIF_FRAMEWORKS
        found = self._sif_sentences(found) if sif else self._ilacs_headings(framework, found)
        if start is not None and vocab.framework_for(start) is not framework:
            in_force = vocab.framework_for(start)
            self.notes.append(
                f"The report's judgements are those of the {framework.label}, but the inspection "
                f"started on {start.isoformat()}, under the {in_force.label}."
            )
        order = list(FRAMEWORKS[framework].areas)
        return framework, dict(sorted(found.items(), key=lambda item: order.index(item[0])))

    def _ilacs_headings(self, framework: Framework, found: dict[Area, Grade]) -> dict[Area, Grade]:
        """An ILACS area the first page's table misses (a misprinted row), from the heading of its section
        in the body: 'The experiences and progress of care leavers: good'."""
        found = dict(found)
        for area, wording in FRAMEWORKS[framework].areas.items():
            if area in found:
                continue
            m = re.search(rf"(?<![\w-]){_words_re(wording)}\s*:\s*", self.doc.text, re.IGNORECASE)
            grade = _grade_at(self.doc.text, m.end()) if m else None
            if grade is not None:
                found[area] = grade
                self.notes.append(f"{area.short}: read from the heading of its section ('{wording}: "
                                  f"{grade.label[0].lower() + grade.label[1:]}'); the table on the first page "
                                  "does not give it.")
        return found

    def _sif_sentences(self, found: dict[Area, Grade]) -> dict[Area, Grade]:
        """SIF grades printed as sentences rather than table rows: overall effectiveness and the LSCB."""
        found = dict(found)
        overall = _sif_overall(self.doc.front)
        if overall is not None:
            found.setdefault(Area.OVERALL_EFFECTIVENESS, overall)
        lscb = _sif_lscb(self.doc.text)
        if lscb is not None:
            found.setdefault(Area.LSCB, lscb)
        return found

    def _kind(
        self,
        framework: Framework | None,
        title: str | None,
        judgements: dict[Area, Grade],
        start: date | None,
        end: date | None,
    ) -> Kind | None:
        if framework is None:
            self.missing.append("kind: not decided without the judgement table")
            return None
        if framework is Framework.PRE_2013:
            return Kind.TLAC
        if framework in _SIF_FRAMEWORKS:
            return self._sif_kind(title, judgements)
        return self._ilacs_kind(start, end)

    def _sif_kind(self, title: str | None, judgements: dict[Area, Grade]) -> Kind:
        if title and title.lower().startswith(("re-inspection", "reinspection")):
            return Kind.SIF_REINSPECTION
        previous = _previous_sif_overall(self.doc.text)
        if previous is Grade.INADEQUATE and Area.LSCB not in judgements:
            self.notes.append(
                "Kind: the title does not say re-inspection; read as a SIF re-inspection because the "
                "report gives the previous SIF inspection's overall effectiveness as inadequate and it "
                "holds no review of the LSCB."
            )
            return Kind.SIF_REINSPECTION
        return Kind.SIF_INSPECTION

    def _ilacs_kind(self, start: date | None, end: date | None) -> Kind | None:
        stated = _SELF_KIND_RE.search(self.doc.text)
        if stated:
            return _ILACS_KIND[stated["kind"].lower()]
        if start is None or end is None:
            self.missing.append(
                "kind: the report does not say short or standard inspection, and without the "
                "inspection dates its length is not known"
            )
            return None
        days = (end - start).days + 1
        kind = Kind.ILACS_SHORT if days <= vocab.ILACS_SHORT_MAX_DAYS else Kind.ILACS_STANDARD
        self.guessed.add("kind")
        self.notes.append(
            f"Kind: the report does not say whether this was a short or a standard inspection; read as "
            f"an {kind.label} from its {days} days on site ({start.isoformat()} to "
            f"{end.isoformat()}): short inspections are one week on site, standard inspections two."
        )
        return kind

    def _missing_judgements(
        self, framework: Framework | None, kind: Kind | None, judgements: dict[Area, Grade]
    ) -> None:
        if framework is None:
            self.missing.append("judgements: none found")
            return
        # The areas due: those of the framework read from the table (from April 2026 without overall
        # effectiveness), less those the kind does not grade (a SIF re-inspection has no LSCB review).
        expected = vocab.graded_areas(kind, framework) if kind else tuple(FRAMEWORKS[framework].areas)
        for area in expected:
            if area not in judgements:
                self.missing.append(
                    f"judgement '{framework.wording(area)}' ({area.value}): not found in the report"
                )

    def _source(self, title: str | None, published: date | None) -> dict[str, Any]:
        source: dict[str, Any] = {"id": SOURCE_ID}
        if title:
            source["title"] = title
        else:
            self.missing.append("source title: the report's title line was not found")
        source["publisher"] = PUBLISHER
        if published:
            source["date"] = published.isoformat()
        source["file"] = self.file_name
        return source
