"""Option choices shared by the CLI and the core. Standard library only, so cheap to import."""

from __future__ import annotations

import enum


class Format(str, enum.Enum):
    table = "table"
    csv = "csv"
    json = "json"
    markdown = "markdown"


class Layout(str, enum.Enum):
    long = "long"
    wide = "wide"
    ofsted = "ofsted"


class ReportFormat(str, enum.Enum):
    html = "html"
    markdown = "markdown"


class ExportFormat(str, enum.Enum):
    csv = "csv"
    json = "json"
    markdown = "markdown"
    sqlite = "sqlite"


class ShowFormat(str, enum.Enum):
    """`show` prints one visit: a table for people, JSON for machines."""

    table = "table"
    json = "json"


class DiffFormat(str, enum.Enum):
    table = "table"
    json = "json"
    markdown = "markdown"


class SchemaOf(str, enum.Enum):
    """What `schema` describes: a record (the YAML files), or the JSON a command writes."""

    record = "record"
    diff = "diff"
    timeline = "timeline"
    check = "check"
