"""The bytes `export` writes, in the format and layout its plan names."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..choices import ExportFormat, Layout

if TYPE_CHECKING:
    from ..models import Record
    from ..writing import ExportPlan


def export_bytes(records: Sequence[Record], plan: ExportPlan) -> bytes:
    from ..export import layout_rows, record_data, report_rows
    from . import machine

    if plan.fmt is ExportFormat.json:
        return machine.json_text(record_data(records)).encode("utf-8")
    if plan.fmt is ExportFormat.sqlite:
        from ..database import database_bytes

        return database_bytes(records)
    layout = (plan.layout or Layout.long).value
    if plan.fmt is ExportFormat.csv:
        return machine.csv_bytes(*layout_rows(records, layout), bom=plan.bom)
    return machine.markdown_text(*report_rows(records, layout)).encode("utf-8")
