"""Read an Ofsted inspection report of a local authority's children's services (a PDF) into a draft record.

The reader relies only on the structure of Ofsted's report templates, never on a particular file or
authority:

- SIF reports (2013-2018): the authority's name above the title ("Inspection of services for children
  in need of help and protection..." or "Re-inspection of services..."), "Inspection date: 16 September
  – 8 October 2014", "Report published: 19 November 2014" (or "Published:", "Publication date:", "Date
  of publication:", with a weekday, an ordinal or a short month name), the overall judgement as a sentence ("The
  overall judgement is that children's services are inadequate", "Children's services in Rotherham are
  good"), the numbered table of the other judgements (or, where the first page gives only the overall
  judgement, the numbered headings further on: "1. Children who need help and protection" / "Require
  improvement", each grade a whole line), the LSCB's judgement as a sentence, "What does
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
inside the functions that use it, so that importing this package stays cheap. The modules, in the
order a report flows through them: ``extract`` (the PDF's text, read in ``bounded``'s child process
under a memory and time limit), ``text`` (lines without
running headers), ``patterns`` (what the words say: grades, dates, title, inspector, recommendations),
``reader`` (the fields in turn into a draft), ``model`` (the draft and the errors). An area SEND report
(Ofsted and CQC's joint inspection of a local area partnership) is recognised by its title and read by
``send`` instead.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from .bounded import MAX_MEMORY_MB, MAX_SECONDS, PdfReader, shared_reader
from .extract import MAX_PAGES, _check_pdf_file
from .model import ImportedReport, ReportError
from .patterns import _GENERIC_TITLE_RE, _LSCB_ONLY_RE, _looks_like_report
from .reader import read_draft
from .send import is_area_send, read_send_draft
from .text import _Document

__all__ = [
    "MAX_MEMORY_MB", "MAX_PAGES", "MAX_SECONDS", "ImportedReport", "PdfReader", "ReportError", "draft_file_problem",
    "extract_pages", "extract_text", "import_report", "read_report", "report_files",
]

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


def extract_text(path: str | Path) -> str:
    """The report's text with the chosen library, pages separated by form feeds."""
    return "\f".join(extract_pages(path))


def extract_pages(path: str | Path, reader: PdfReader | None = None) -> list[str]:
    """The text of each page, read with pypdfium2 (chosen by benchmarks/pdf_libraries.py) in a child
    process bounded in memory and time (``reader``, else the process's shared one: see bounded.py).
    Raises :class:`ReportError` for a file that is no readable PDF with text, or costs too much."""
    p = Path(path)
    _check_pdf_file(p)
    pages = (reader or shared_reader()).pages(p)
    if not any(page.strip() for page in pages):
        raise ReportError(f"{p}: the PDF has no text layer (a scan?); import-report needs the text")
    return pages


def read_report(pages: list[str], file_name: str, where: str | None = None) -> ImportedReport:
    """Read a report from the text of its pages (any PDF library's). ``where`` names it in errors."""
    doc = _Document.from_pages(pages)
    if is_area_send(doc):
        return read_send_draft(doc, file_name)
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

    return read_draft(doc, file_name)
