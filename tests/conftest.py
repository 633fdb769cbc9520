"""Shared helpers: run the real command, locate fixtures and the shared material."""

from __future__ import annotations

import csv
import os
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from rotherham_cli.cli import app

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
GOOD = FIXTURES / "records"
BROKEN = FIXTURES / "broken"
RECORDS = ROOT / "records"
SHARED = ROOT.parent / "shared"
OFFICIAL = SHARED / "data" / "official"
REPORTS = SHARED / "data" / "reports"


@pytest.fixture(autouse=True, scope="session")
def _private_cache(tmp_path_factory):
    """The record cache of the test run lives in a folder of its own, never the user's."""
    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("cache"))
    os.environ.pop("JUDGEMENTS_NO_CACHE", None)


def needs_shared(path: Path):
    """Skip (with the reason) when a piece of ../shared is absent."""
    return pytest.mark.skipif(not path.exists(), reason=f"shared material not present: {path}")


def read_yaml(path: Path):
    """A YAML file as PyYAML reads it (with its C loader where it has one: the same values as
    ``yaml.safe_load``, ten times faster), never through the project's own reader."""
    return yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def shipped_yaml() -> list[dict]:
    """Every shipped record (records/**/*.yaml) as PyYAML reads it, in path order; a new copy each call."""
    return [read_yaml(p) for p in sorted(RECORDS.rglob("*.yaml"))]


def report_index() -> list[dict]:
    """The rows of index.csv beside the reports (file, authority, published, ...), read with csv."""
    with open(REPORTS / "index.csv", encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@pytest.fixture(scope="session")
def corpus() -> dict:
    """Every report in ../shared read once per test session by the real importer: file name (as index.csv
    lists it) -> its ImportedReport, or the ReportError it was refused with (skips when ../shared is
    absent). Shared by every test that goes over the whole corpus, so the 343 PDFs are read once, not once
    a test. Read-only: a test never changes what it gets."""
    if not (REPORTS / "index.csv").exists():
        pytest.skip(f"shared material not present: {REPORTS / 'index.csv'}")
    from rotherham_cli.pdfimport import ReportError, import_report

    read: dict = {}
    for row in report_index():
        try:
            read[row["file"]] = import_report(REPORTS / row["file"])
        except ReportError as exc:
            read[row["file"]] = exc
    return read


@dataclass
class Result:
    exit_code: int
    stdout: str
    stderr: str


@pytest.fixture
def run(monkeypatch):
    """Run `judgements ARGS` in-process at 120 columns, without colour; stdout and stderr apart."""
    monkeypatch.delenv("JUDGEMENTS_RECORDS", raising=False)
    runner = CliRunner()

    def _run(*args: str, env: dict | None = None) -> Result:
        full_env = {"COLUMNS": "120", "NO_COLOR": "1", "TERM": "dumb", **(env or {})}
        res = runner.invoke(app, [str(a) for a in args], env=full_env, catch_exceptions=False)
        return Result(res.exit_code, res.stdout, res.stderr)

    return _run


@pytest.fixture
def clean_env(monkeypatch):
    monkeypatch.delenv("JUDGEMENTS_RECORDS", raising=False)
    return os.environ


@pytest.fixture(scope="session")
def national(tmp_path_factory):
    """A national record set made by the real `import-official` from both official releases (skips
    when ../shared is absent). Read-only: tests copy it before changing anything."""
    releases = [OFFICIAL / "Childrens_social_care_in_England_2023_underlying_data.ods",
                OFFICIAL / "LA_Inspection_Outcomes_as_at_31_March_2025.ods"]
    missing = [p for p in releases if not p.exists()]
    if missing:
        pytest.skip(f"shared material not present: {missing[0]}")
    out = tmp_path_factory.mktemp("national")
    env = {"COLUMNS": "120", "NO_COLOR": "1", "TERM": "dumb", "JUDGEMENTS_RECORDS": ""}
    for release in releases:
        res = CliRunner().invoke(app, ["import-official", str(release), "--output", str(out), "-a", "all"], env=env)
        assert res.exit_code == 0, res.stderr
    return out


def official_sheet(path: Path, name: str, header_row: int) -> list[dict]:
    """The rows of one sheet of an official release as dicts by header (read with python_calamine, never
    with the project's own reader), from the row after ``header_row`` (0-based); blank rows left out."""
    from python_calamine import CalamineWorkbook

    rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_name(name).to_python()
    header = [str(h).strip() for h in rows[header_row]]
    return [dict(zip(header, row, strict=True)) for row in rows[header_row + 1:] if any(str(c).strip() for c in row)]


def sheet_day(cell):
    """A release's date cell as a date, or None (an empty cell, or a header row of a second table)."""
    from datetime import date, datetime

    if isinstance(cell, datetime):
        return cell.date()
    try:
        return date.fromisoformat(str(cell).strip()[:10])
    except ValueError:
        return None


def conforms(value, schema, defs):
    """Whether a JSON value has exactly the shape a JSON Schema (as pydantic writes one) declares:
    every object's keys in the declared order, each required key present, enums respected."""
    if "$ref" in schema:
        return conforms(value, defs[schema["$ref"].rsplit("/", 1)[1]], defs)
    if "anyOf" in schema:
        return any(conforms(value, s, defs) for s in schema["anyOf"])
    kind = schema.get("type")
    if "enum" in schema:
        return value in schema["enum"]
    if kind == "object" and "properties" in schema:
        return (isinstance(value, dict) and list(value) == list(schema["properties"])
                and all(conforms(value[k], s, defs) for k, s in schema["properties"].items()))
    if kind == "object":
        extra = schema.get("additionalProperties", {})
        return isinstance(value, dict) and all(conforms(v, extra, defs) for v in value.values())
    if kind == "array":
        return isinstance(value, list) and all(conforms(v, schema.get("items", {}), defs) for v in value)
    types = {"string": str, "integer": int, "null": type(None), "boolean": bool}
    return kind is None or isinstance(value, types[kind])
