"""The text of a PDF's pages (pypdfium2; pypdf for comparison), refused in one line when it is no readable report."""

from __future__ import annotations

from pathlib import Path

from .model import ReportError

# Ofsted's reports run to 8-60 pages (benchmarks/corpus.md); a file beyond this is refused with one line.
# The limits on time and memory are the bounded reader's (bounded.py).
MAX_PAGES = 300

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


def _pages_pypdfium2(path: Path, max_chars: int) -> list[str]:
    """The text of each page (run in the bounded reader's child process: see bounded.py)."""
    import pypdfium2 as pdfium

    try:
        doc = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        raise ReportError(_pdfium_problem(path, exc)) from None
    try:
        if len(doc) > MAX_PAGES:
            raise ReportError(f"{path}: has {len(doc):,} pages, more than the {MAX_PAGES} an Ofsted report "
                              "may have; not read")
        pages, chars = [], 0
        for index in range(len(doc)):
            page = doc[index]
            textpage = page.get_textpage()
            pages.append(textpage.get_text_range())
            textpage.close()
            page.close()
            chars += len(pages[-1])
            if chars > max_chars:
                raise ReportError(f"{path}: too large to read (more than {max_chars:,} characters of text, "
                                  f"at page {index + 1} of {len(doc)}); not read")
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
