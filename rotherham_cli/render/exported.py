"""The bytes `export` writes, in the format and layout its plan names."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from ..choices import ExportFormat, Layout

if TYPE_CHECKING:
    from ..models import Record
    from ..writing import ExportPlan


def export_chunks(records: Sequence[Record], plan: ExportPlan) -> Iterator[bytes]:
    """The bytes of the export in pieces: JSON a record at a time, so that a large export is never held
    whole; the other formats in one piece."""
    from ..export import record_item
    from . import machine

    if plan.fmt is ExportFormat.json:
        for chunk in machine.json_array_chunks(record_item(r) for r in records):
            yield chunk.encode("utf-8")
    else:
        yield _whole(records, plan)


def _whole(records: Sequence[Record], plan: ExportPlan) -> bytes:
    from ..export import layout_rows, report_rows
    from . import machine

    if plan.fmt is ExportFormat.sqlite:
        from ..database import database_bytes

        return database_bytes(records)
    layout = (plan.layout or Layout.long).value
    if plan.fmt is ExportFormat.csv:
        return machine.csv_bytes(*layout_rows(records, layout), bom=plan.bom)
    return machine.markdown_text(*report_rows(records, layout)).encode("utf-8")
