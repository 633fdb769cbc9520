"""Hostile input and unlucky circumstances, third round (issue 31): output cut short, a chart with no
file to sit beside, PDFs that fight back, text from outside at every output.

The cases that depend on the process itself (a file size limit, signals, a child's memory) run the
entry point in a subprocess; the others run the command in-process.
"""

from __future__ import annotations

import base64
import csv
import io
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import RECORDS
from test_report import check_chart

ROOT_USER = hasattr(os, "geteuid") and os.geteuid() == 0
ENTRY = "import sys; from rotherham_cli.cli import main; sys.argv[0] = 'judgements'; main()"


def entry(*args: str, env: dict | None = None, **kw) -> subprocess.CompletedProcess:
    """The console script's entry point, as a process of its own."""
    full_env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "120", **(env or {})}
    kw.setdefault("stdout", subprocess.PIPE)
    return subprocess.run([sys.executable, "-c", ENTRY, *args], env=full_env, stderr=subprocess.PIPE, **kw)


def csv_lines_of_all_records() -> int:
    """Rows of `export -a all` (long layout: one per judgement, one per ungraded visit), from the YAML."""
    import yaml

    rows = 0
    for path in RECORDS.glob("*/*.yaml"):
        rec = yaml.safe_load(path.read_text(encoding="utf-8"))
        rows += len(rec.get("judgements") or {}) or 1
    return rows


# ---------------------------------------------------------------------------------------------
# Output that stops short
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("args", [["export", "-a", "all"], ["list", "-a", "all"], ["export", "-a", "all", "-f", "json"]])
def test_stdout_under_a_file_size_limit_is_one_line_and_exit_1(tmp_path, args):
    out = tmp_path / "out"
    script = f'ulimit -f 40; exec "$@" > {out}'  # 40 kB (bash counts in 1024-byte blocks), far less than any of these
    res = subprocess.run(["bash", "-c", script, "bash", sys.executable, "-c", ENTRY, *args], stderr=subprocess.PIPE,
                         env={**os.environ, "NO_COLOR": "1", "COLUMNS": "120"})
    err = res.stderr.decode()
    assert (res.returncode, err) == (1, "Error: cannot write the output: File too large\n")
    assert out.stat().st_size == 40 * 1024


def test_export_to_stdout_is_whole_when_it_fits(tmp_path):
    """The same command with room to write gives every row (the check of a short write loses nothing)."""
    res = entry("export", "-a", "all")
    assert res.returncode == 0, res.stderr
    rows = list(csv.reader(io.StringIO(res.stdout.decode("utf-8"))))
    assert len(rows) - 1 == csv_lines_of_all_records()


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full on this system")
def test_export_to_a_full_disk_is_one_line():
    with open("/dev/full", "wb") as full:
        res = entry("export", "-a", "all", "-f", "json", stdout=full)
    assert (res.returncode, res.stderr.decode()) == (1, "Error: cannot write the output: No space left on device\n")


# ---------------------------------------------------------------------------------------------
# The Markdown report's chart with no file to sit beside
# ---------------------------------------------------------------------------------------------


def test_markdown_report_to_stdout_puts_the_chart_inline_and_writes_no_file(run, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    res = run("report", "--format", "markdown", "-o", "-")
    assert res.exit_code == 0, res.stderr
    assert list(tmp_path.iterdir()) == []  # no ./--journey.svg
    assert res.stderr == ""
    found = re.search(r"\]\(data:image/svg\+xml;base64,([A-Za-z0-9+/=]+)\)", res.stdout)
    assert found, res.stdout[:2000]
    svg = base64.b64decode(found.group(1)).decode("utf-8")
    assert check_chart(svg, RECORDS / "rotherham") == 25
    assert "| Overall effectiveness | · | · | Inadequate | Good | Good | Outstanding |" in res.stdout


@pytest.mark.skipif(not os.path.exists("/dev/null"), reason="no /dev/null on this system")
def test_markdown_report_to_a_device_writes_nothing_beside_it(run):
    stray = Path("/dev/null-journey.svg")
    try:
        res = run("report", "--format", "markdown", "-o", "/dev/null")
        assert res.exit_code == 0, res.stderr
        assert not stray.exists()
        assert res.stderr == "Wrote the report on Rotherham (11 visits) to /dev/null\n"
    finally:
        if stray.exists() and ROOT_USER:
            stray.unlink()


# ---------------------------------------------------------------------------------------------
# Versions: the project claims only the Pythons it can run on
# ---------------------------------------------------------------------------------------------


def test_requires_python_is_no_older_than_what_the_code_needs():
    import tomllib

    from conftest import ROOT

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    oldest = re.fullmatch(r">=\s*3\.(\d+)", project["project"]["requires-python"])
    assert oldest, project["project"]["requires-python"]
    # sqlite3's Connection.serialize, which `export --format sqlite` uses, came in Python 3.11.
    assert ".serialize(" in (ROOT / "rotherham_cli" / "database.py").read_text(encoding="utf-8")
    assert int(oldest.group(1)) >= 11
    # ruff checks the code against the oldest Python claimed, no older and no newer
    assert project["tool"]["ruff"]["target-version"] == f"py3{oldest.group(1)}"
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"With Python 3.{oldest.group(1)} or later" in readme
