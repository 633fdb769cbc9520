"""Plain-text writers for machines: CSV (RFC 4180, formula-safe), JSON and Markdown tables."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence

# A cell a spreadsheet would run as a formula starts with one of these.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def printable(value: object) -> str:
    """Text with control characters removed (never send escapes through a file or terminal)."""
    text = "" if value is None else str(value)
    if any((ord(c) < 32 and c not in "\n") or 0x7F <= ord(c) < 0xA0 for c in text):
        text = "".join(c for c in text if not ((ord(c) < 32 and c != "\n") or 0x7F <= ord(c) < 0xA0))
    return text


def safe_cell(value: object) -> str:
    """A CSV cell a spreadsheet shows as text: formula starts are neutralised with a quote."""
    text = "" if value is None else str(value)
    if text.startswith(_FORMULA_START):
        text = "'" + text
    return printable(text)


def csv_text(header: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow([safe_cell(h) for h in header])
    for row in rows:
        writer.writerow([safe_cell(c) for c in row])
    return buf.getvalue()


def csv_bytes(header: Sequence[str], rows: Sequence[Sequence[object]], bom: bool = False) -> bytes:
    return (("\ufeff" if bom else "") + csv_text(header, rows)).encode("utf-8")


def json_text(data: object) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def _md_cell(value: object) -> str:
    text = " ".join(printable(value).split())
    return text.replace("\\", "\\\\").replace("|", "\\|") or " "


def markdown_text(header: Sequence[str], rows: Sequence[Sequence[object]], drop_empty: bool = True) -> str:
    """A GitHub-flavoured Markdown table. Columns empty in every row are left out."""
    keep = list(range(len(header)))
    if drop_empty and rows:
        keep = [i for i in keep if any(str(r[i] if r[i] is not None else "").strip() for r in rows)]
    lines = [
        "| " + " | ".join(_md_cell(header[i]) for i in keep) + " |",
        "|" + "|".join("---" for _ in keep) + "|",
    ]
    lines += ["| " + " | ".join(_md_cell(r[i]) for i in keep) + " |" for r in rows]
    return "\n".join(lines) + "\n"
