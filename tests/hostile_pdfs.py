"""Small PDFs that cost a PDF reader far more than their size, for the importer's limits (issue 31).

Each is written byte by byte (objects, a cross-reference table, a trailer) so that what it holds is
exactly what the test says: no library tidies it up.
"""

from __future__ import annotations

import zlib
from pathlib import Path

FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"


def _stream(content: bytes, extra: bytes = b"") -> bytes:
    return b"<< /Length %d%s >>\nstream\n" % (len(content), extra) + content + b"\nendstream"


def write_pdf(path: Path, objects: list[bytes]) -> Path:
    """A PDF of ``objects`` (numbered from 1; object 1 is the catalog)."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    path.write_bytes(bytes(out))
    return path


def _pages(content_object: bytes, more: list[bytes], resources: bytes = b"", count: int = 1) -> list[bytes]:
    """Catalog, pages, a font (object 3), the content (object 4), ``more`` (from object 5), then
    ``count`` pages that each show that content."""
    first_page = 5 + len(more)
    kids = b" ".join(b"%d 0 R" % (first_page + i) for i in range(count))
    page = (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
            b"/Resources << /Font << /F1 3 0 R >> " + resources + b">> >>")
    return [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % count,
        FONT,
        content_object,
        *more,
        *[page] * count,
    ]


def nested_forms(path: Path, depth: int = 12, fanout: int = 8, pages: int = 1) -> Path:
    """Form XObjects drawing each other: a page draws form 1 ``fanout`` times, form 1 draws form 2
    ``fanout`` times, and so on; the last draws one word. A few kB that shows fanout**depth words on
    each of ``pages`` pages."""
    first = 5
    forms = []
    for level in range(depth):
        if level == depth - 1:
            body, res = b"BT /F1 8 Tf 10 10 Td (Inadequate) Tj ET", b"/Font << /F1 3 0 R >>"
        else:
            body = b" ".join(b"q 1 0 0 1 %d 0 cm /X Do Q" % i for i in range(fanout))
            res = b"/XObject << /X %d 0 R >>" % (first + level + 1)
        forms.append(_stream(body, b" /Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources << %s >>" % res))
    page = b" ".join(b"q /X Do Q" for _ in range(fanout))
    return write_pdf(path, _pages(_stream(page), forms, b"/XObject << /X %d 0 R >> " % first, pages))


def inflating_page(path: Path, megabytes: int) -> Path:
    """One page whose content stream inflates from well under 1% of its size to ``megabytes`` MB."""
    chunk = b"BT ET " * (2**20 // 6) + b"    "
    zipper = zlib.compressobj(1)
    packed = b"".join(zipper.compress(chunk) for _ in range(megabytes)) + zipper.flush()
    body = b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(packed) + packed + b"\nendstream"
    return write_pdf(path, _pages(body, []))
