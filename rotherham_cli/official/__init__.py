"""Import Ofsted's official statistics (ODS releases) as records, and check records against them.

Two releases are understood, recognised by their sheets:

- *Local authority inspection outcomes as at 31 March 2025* (sheets ``Inspections_as_at_31_March``,
  ``In-year_inspections``, ``ILACS_inspection_history``): every ILACS short and standard inspection
  since 2018 with inspection and publication dates and ONS area codes, and the year's focused and
  monitoring visits with their themes.
- *Children's social care data in England 2023* (underlying data; sheets ``LA_inspections_2009-2023``,
  ``LA_level_in_year_2022-23``, ``LA_level_at_31_Mar_2023``): one wide row per authority with its
  SLAC, CPI, TLAC, SIF and ILACS inspections (publication dates and grades only), a second table of
  authorities that existed before a restructure, and the year's visits with inspection dates.

Each release has its :class:`Edition` and one :class:`Layout` (:data:`LAYOUTS`): the sheets that
identify it, its tables and the header wordings its columns are found by; an unknown or missing column
stops the import with :class:`OfficialDataError`.
The same inspection stated by several sheets becomes one :class:`OfficialInspection`, with every
sheet and row it was read from.

The package never prints. The ODS reader (python-calamine, chosen by ``benchmarks/ods_readers.py``)
is imported only when a file is read. Its modules, in the order a release flows through them:

- ``layouts``: each release's edition and layout: the header wordings and the sheets they are read from;
- ``ods``: the workbook, its tables found by their header rows, and typed cells;
- ``readers``: a release read into :class:`OfficialInspection` s, one per inspection, from every sheet;
  ``edition_readers`` holds one reader per edition, ``gathering`` what a reader gathers;
- ``model``: what a release states (:class:`Release`, :class:`OfficialInspection`) and the errors;
- ``records``: inspections as records, and writing them;
- ``check``: records against a release.
"""

from .check import CHECK_HEADER, Disagreement, DisagreementKind, DisagreementRow, check, check_json, check_rows, noted
from .layouts import ILACS_HISTORY_COLUMNS, LAYOUTS, Edition, Layout
from .model import OfficialDataError, OfficialInspection, OfficialWriteError, Release
from .readers import read_release, record_id
from .records import ReleaseRecords, record_yaml, select, to_records, write_records

__all__ = [
    "CHECK_HEADER",
    "ILACS_HISTORY_COLUMNS",
    "LAYOUTS",
    "Disagreement",
    "DisagreementKind",
    "DisagreementRow",
    "Edition",
    "Layout",
    "OfficialDataError",
    "OfficialInspection",
    "OfficialWriteError",
    "Release",
    "ReleaseRecords",
    "check",
    "check_json",
    "check_rows",
    "noted",
    "read_release",
    "record_id",
    "record_yaml",
    "select",
    "to_records",
    "write_records",
]
