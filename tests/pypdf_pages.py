"""The text of a PDF's pages read with pypdf: the other library the PDF benchmark compares
(benchmarks/pdf_libraries.py) and a test runs through the same reader. Not part of the product, which
reads with pypdfium2."""

from __future__ import annotations

from pathlib import Path


def extract_pages_pypdf(path: str | Path) -> list[str]:
    import pypdf
    from pypdf.errors import PyPdfError

    from rotherham_cli.pdfimport import ReportError

    try:
        reader = pypdf.PdfReader(str(path))
        if reader.is_encrypted and not reader.decrypt(""):
            raise ReportError(f"{path}: the PDF is encrypted with a password; import an unprotected copy")
        return [page.extract_text() or "" for page in reader.pages]
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError):
        raise ReportError(f"{path}: the PDF is damaged and cannot be opened") from None
