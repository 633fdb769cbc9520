"""Plain-text writers for machines: CSV (RFC 4180, formula-safe), JSON and Markdown tables."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Iterator, Sequence

from ..outside import printable

# A cell a spreadsheet would run as a formula starts with one of these.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


# Markdown's inline syntax: escapes, code, emphasis, links and images, strikethrough, table cells, HTML.
# An underscore between two letters or digits (days_to_publish) emphasises nothing and is left alone.
_MD_INLINE = re.compile(r"[\\`*\[\]~|<>]|(?<![^\W_])_|_(?![^\W_])")
# What makes a paragraph a heading, a list, a quote or a rule when it starts one.
_MD_BLOCK = re.compile(r"^(\d{1,9}(?=[.)])|(?=[#+=-]))")


def markdown_escaped(text: str, starts_block: bool = False) -> str:
    """Text shown as typed by a Markdown renderer: no link, image, emphasis, code or HTML can be made
    of it. ``starts_block``: the text starts a paragraph, so a leading '#', '-', '1.' is escaped too."""
    text = _MD_INLINE.sub(lambda m: "\\" + m.group(), text)
    if starts_block:
        found = _MD_BLOCK.match(text)
        if found:
            end = found.end()
            text = text[:end] + "\\" + text[end:]
    return text


def safe_cell(value: object) -> str:
    """A CSV cell a spreadsheet shows as text. Cleaned first, then neutralised: a formula start hidden
    behind a control character is still a formula start once the control is gone."""
    text = printable(value)
    if text.startswith(_FORMULA_START):
        text = "'" + text
    return text


def clean_data(data: object) -> object:
    """JSON-ready data with every string passed through :func:`printable`."""
    if isinstance(data, str):
        return printable(data)
    if isinstance(data, dict):
        return {printable(k): clean_data(v) for k, v in data.items()}
    if isinstance(data, (list, tuple)):
        return [clean_data(v) for v in data]
    return data


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
    return json.dumps(clean_data(data), indent=2, ensure_ascii=False) + "\n"


def json_array_chunks(items: Iterable[object]) -> Iterator[str]:
    """A JSON array of ``items`` as :func:`json_text` writes it, an item at a time: an export of 100,000
    records need not hold the whole text (a string in JSON never holds a line break, so each line of an
    item is indented into the array)."""
    first = True
    for item in items:
        lines = json_text(item).rstrip("\n").replace("\n", "\n  ")
        yield ("[\n  " if first else ",\n  ") + lines
        first = False
    yield "[]\n" if first else "\n]\n"


def _md_cell(value: object) -> str:
    return markdown_escaped(" ".join(printable(value).split())) or " "


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
