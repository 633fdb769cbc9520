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
import signal
import subprocess
import sys
import time
from html import escape
from pathlib import Path

import hostile_pdfs
import pytest
from conftest import RECORDS, REPORTS
from test_pdfimport import make_pdf
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
# PDFs that fight back: read in a child process with a memory and a time limit
# ---------------------------------------------------------------------------------------------


def test_nested_form_xobjects_are_refused_in_one_line_within_the_memory_limit(run, tmp_path):
    pdf = hostile_pdfs.nested_forms(tmp_path / "forms.pdf", depth=12, fanout=8)  # 8**12 words on one page
    assert pdf.stat().st_size < 6000
    start = time.monotonic()
    res = run("import-report", pdf, "--records", tmp_path)
    assert (res.exit_code, res.stdout) == (1, "")
    assert res.stderr == f"Error: {pdf}: too large to read (more than 512 MB of page content); not read\n"
    assert time.monotonic() - start < 25  # refused at the memory limit, long before the time limit


def test_a_stream_that_inflates_past_the_limit_is_refused_not_an_abort(tmp_path):
    from rotherham_cli.pdfimport import PdfReader, ReportError, extract_pages

    pdf = hostile_pdfs.inflating_page(tmp_path / "bomb.pdf", megabytes=200)
    assert pdf.stat().st_size < 2**20
    with PdfReader(memory_mb=128) as reader, pytest.raises(ReportError) as refused:
        extract_pages(pdf, reader)
    assert str(refused.value) == f"{pdf}: too large to read (more than 128 MB of page content); not read"


def test_a_pdf_past_the_time_limit_is_killed_and_the_next_file_is_read(tmp_path):
    from rotherham_cli.pdfimport import PdfReader, ReportError, extract_pages

    slow = hostile_pdfs.nested_forms(tmp_path / "slow.pdf", depth=4, fanout=8, pages=300)
    fine = make_pdf(tmp_path / "fine.pdf", ["Inspection of Example local authority\n(fine)"])
    with PdfReader(seconds=1) as reader:
        start = time.monotonic()
        with pytest.raises(ReportError) as refused:
            extract_pages(slow, reader)
        assert time.monotonic() - start < 5
        assert str(refused.value) == f"{slow}: took longer than 1 s to read; not read"
        assert extract_pages(fine, reader) == ["Inspection of Example local authority\r\n(fine)"]


def test_a_batch_reads_on_after_a_pdf_that_passed_the_limit(run, tmp_path):
    """One child reads the batch; the one a hostile PDF took down is replaced for the next file."""
    pdf = hostile_pdfs.nested_forms(tmp_path / "a-forms.pdf", depth=12, fanout=8)
    report = REPORTS / "barnsley-2018-11-19.pdf"
    if not report.exists():
        pytest.skip(f"shared material not present: {report}")
    out, empty = tmp_path / "set", tmp_path / "none"
    empty.mkdir()
    res = run("import-report", pdf, report, "--output", f"{out}/", "--records", empty)
    assert res.exit_code == 1
    lines = res.stderr.splitlines()
    assert lines[0] == f"Failed: {pdf}: too large to read (more than 512 MB of page content); not read"
    assert lines[-1].startswith("Merged 1 record from 1 of 2 reports read (1 failed, above)")
    assert [p.name for p in out.glob("*/*.yaml")] == ["barnsley-2018-ilacs-standard.yaml"]


@pytest.mark.parametrize(("child", "says"), [
    ("import sys; sys.exit(3)", "the PDF reader stopped before it answered (exit status 3; set JUDGEMENTS_DEBUG=1 "
                                "to see why); not read"),
    ("import os, signal; os.kill(os.getpid(), signal.SIGSEGV)",
     "the PDF library crashed reading it (signal 11); the PDF may be damaged; not read"),
    ("import os, signal; os.kill(os.getpid(), signal.SIGABRT)",
     "too large to read (more than 512 MB of page content); not read"),
])
def test_a_child_that_dies_is_one_line_that_says_how(tmp_path, monkeypatch, child, says):
    from rotherham_cli.pdfimport import PdfReader, ReportError, bounded, extract_pages

    monkeypatch.setattr(bounded, "_CHILD", child)
    pdf = make_pdf(tmp_path / "fine.pdf", ["Inspection of Example local authority"])
    with PdfReader() as reader, pytest.raises(ReportError) as refused:
        extract_pages(pdf, reader)
    assert str(refused.value) == f"{pdf}: {says}"

def _children(pid: int) -> list[int]:
    found = []
    for stat_file in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat_file.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat_file.parent.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc to find the child process")
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_a_signal_to_the_command_kills_the_pdf_reader_at_once(tmp_path, signum):
    slow = hostile_pdfs.nested_forms(tmp_path / "slow.pdf", depth=6, fanout=6)  # one page: 250 MB, 12 s here
    proc = subprocess.Popen([sys.executable, "-c", ENTRY, "import-report", str(slow), "--records", str(tmp_path)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env={**os.environ, "NO_COLOR": "1"})
    try:
        deadline = time.monotonic() + 20
        children: list[int] = []
        while not children and time.monotonic() < deadline:
            time.sleep(0.1)
            children = _children(proc.pid)
        assert children, "the PDF reader's child process never started"
        time.sleep(1.0)  # well into the file
        start = time.monotonic()
        proc.send_signal(signum)
        _, err = proc.communicate(timeout=10)
        assert time.monotonic() - start < 3
        assert (proc.returncode, err.decode()) == (130, "Interrupted.\n")
        deadline = time.monotonic() + 5
        while any(map(_alive, children)) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not any(map(_alive, children))
    finally:
        proc.kill()
        proc.wait()

# ---------------------------------------------------------------------------------------------
# Text from records and files: one rule (render.machine.printable) at every output
# ---------------------------------------------------------------------------------------------

TITLE = "Report \x1b]0;pwned\x07\x1b[2J \u202eevil\u202c [click](https://evil.example/x) [js](javascript:alert(1))"
PUBLISHER = "Pub \x1b[31mred\u2066 ![i](https://evil.example/p.png) *loud*"
FILE = "rep\x1b[2Jort\u202e.pdf"
SUMMARY = "# Not a heading \x9b31m `code` \u2028 ~~struck~~"
SECOND = '''  - id: second
    title: "1. Not a list: # nor a heading, `code` ~~struck~~"
    publisher: "- not a list either"
    file: second.pdf'''

UNSAFE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c\u2028\u2029]")


def hostile_folder(tmp_path: Path) -> Path:
    """The Rutland fixture with its source's title, publisher and file and its summary made hostile
    (written as YAML escapes, as an attacker would: the reader refuses raw control characters)."""
    import json

    from conftest import GOOD

    folder = tmp_path / "hostile"
    (folder / "rutland").mkdir(parents=True)
    text = (GOOD / "rutland-2022-ilacs-short.yaml").read_text(encoding="utf-8")
    for old, new in (("title: A made-up report for tests", f"title: {json.dumps(TITLE)}"),
                     ("publisher: The judgements test suite", f"publisher: {json.dumps(PUBLISHER)}\n    file: "
                                                              f"{json.dumps(FILE)}"),
                     ("summary: A fixture short inspection.", f"summary: {json.dumps(SUMMARY)}"),
                     ("    url: https://example.org/rutland", "    url: https://example.org/rutland\n" + SECOND)):
        assert old in text
        text = text.replace(old, new)
    (folder / "rutland" / "rutland-2022-ilacs-short.yaml").write_text(text, encoding="utf-8")
    return folder


def cleaned(text: str) -> str:
    return UNSAFE.sub("", text)


def test_markdown_report_makes_no_link_image_or_emphasis_of_record_text(run, tmp_path):
    from markdown_it import MarkdownIt

    folder = hostile_folder(tmp_path)
    out = tmp_path / "r.md"
    res = run("report", "Rutland", "--records", folder, "-f", "markdown", "-o", out)
    assert res.exit_code == 0, res.stderr
    md = out.read_text(encoding="utf-8")
    assert not UNSAFE.search(md)
    html = MarkdownIt("commonmark").enable("table").enable("strikethrough").render(md)
    links = re.findall(r'<a href="([^"]*)"', html)
    images = re.findall(r'<img src="([^"]*)"', html)
    assert links == ["https://example.org/rutland"]  # the source's own address, nothing a title added
    assert images == ["r-journey.svg"]
    assert not re.search(r"<(em|strong|code|s|del|h[1-6]|ol|ul|li)>", html.split("<h2>Sources</h2>")[1].split(
        "</ol>", 1)[1])  # the list of sources is the one list; nothing of a title's or publisher's is a tag
    assert html.count("<li>") == 2 and not re.search(r"<(em|strong|code|s|del)>", html)
    # every word shown as typed, but for the characters the one rule removes
    page_text = re.sub(r"<[^>]+>", "", html).replace("&amp;", "&").replace("&quot;", '"')
    for typed in (TITLE, PUBLISHER, "rep[2Jort.pdf", "1. Not a list: # nor a heading, `code` ~~struck~~",
                  "- not a list either"):
        assert " ".join(cleaned(typed).split()) in " ".join(page_text.split()), typed


def test_markdown_tables_make_no_code_or_strikethrough_of_record_text(run, tmp_path):
    from markdown_it import MarkdownIt

    folder = hostile_folder(tmp_path)
    res = run("list", "-f", "markdown", "-a", "Rutland", "--records", folder)
    assert res.exit_code == 0, res.stderr
    html = MarkdownIt("commonmark").enable("table").enable("strikethrough").render(res.stdout)
    assert "<table>" in html
    assert not re.search(r"<(a|img|em|strong|code|s|del|h[1-6])\b", html), html
    assert "`code`" in html and "~~struck~~" in html

def test_html_report_and_chart_strip_escape_codes_and_bidi_overrides(run, tmp_path):
    folder = hostile_folder(tmp_path)
    out = tmp_path / "r.html"
    res = run("report", "Rutland", "--records", folder, "-o", out)
    assert res.exit_code == 0, res.stderr
    page = out.read_text(encoding="utf-8")
    assert not UNSAFE.search(page)
    for typed in (TITLE, PUBLISHER, FILE):
        assert escape(cleaned(typed), quote=True) in page, typed
    chart = run("chart", "Rutland", "--records", folder)
    assert not UNSAFE.search(chart.stdout)


def test_sqlite_export_strips_what_every_other_output_strips(run, tmp_path):
    import sqlite3

    folder = hostile_folder(tmp_path)
    out = tmp_path / "r.db"
    assert run("export", "-a", "Rutland", "--records", folder, "-f", "sqlite", "-o", out).exit_code == 0
    db = sqlite3.connect(out)
    try:
        row = db.execute("SELECT title, publisher, file FROM sources").fetchone()
        summary = db.execute("SELECT summary FROM visits").fetchone()[0]
        texts = [v for t, in db.execute("SELECT name FROM sqlite_master WHERE type='table'")
                 for r in db.execute(f"SELECT * FROM {t}") for v in r if isinstance(v, str)]
    finally:
        db.close()
    assert row == (cleaned(TITLE), cleaned(PUBLISHER), cleaned(FILE))
    assert summary == cleaned(SUMMARY)
    assert texts and not [v for v in texts if UNSAFE.search(v)]


def test_show_on_the_terminal_strips_escape_codes_and_bidi_overrides(run, tmp_path):
    folder = hostile_folder(tmp_path)
    res = run("show", "latest", "-a", "Rutland", "--records", folder)
    assert res.exit_code == 0, res.stderr
    assert not UNSAFE.search(res.stdout)
    flat = " ".join(res.stdout.split())
    assert "Report ]0;pwned[2J evil" in flat and "Pub [31mred ![i](https://evil.example/p.png)" in flat


def test_a_line_break_in_a_file_name_cannot_forge_problem_lines(run, tmp_path):
    folder = tmp_path / "records"
    (folder / "rutland").mkdir(parents=True)
    name = "a\nb.yaml:1:1: id: looks fine.yaml"
    (folder / "rutland" / name).write_text("id: [broken\n", encoding="utf-8")
    res = run("validate", "--records", folder)
    assert res.exit_code == 1
    lines = res.stderr.splitlines()
    assert len(lines) == 2, lines
    assert lines[0].startswith(f"{folder}/rutland/a\\nb.yaml:1:1: id: looks fine.yaml:")
    assert lines[1] == "1 problem in 1 file"


def test_a_line_break_in_an_environment_value_is_one_line(run):
    res = run("list", env={"JUDGEMENTS_AUTHORITY": "Nowhere\nError: forged"})
    assert (res.exit_code, res.stderr) == (2, "Error: $JUDGEMENTS_AUTHORITY: no authority 'Nowhere\\nError: forged'\n")


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
def test_import_reports_progress_line_prints_file_names_cleaned(tmp_path):
    """The progress line is shown on a terminal only: stderr is a pseudo-terminal here."""
    folder = tmp_path / "reports"
    folder.mkdir()
    for name in ("a\x1b]0;retitled\x07.pdf", "b\x1b[2J\u202e.pdf"):
        (folder / name).write_bytes(b"not a PDF at all")
    master, slave = os.openpty()
    try:
        proc = subprocess.run([sys.executable, "-c", ENTRY, "import-report", str(folder), "--output",
                               str(tmp_path / "out") + "/", "--records", str(folder)],
                              stdout=subprocess.PIPE, stderr=slave, timeout=60,
                              env={**os.environ, "NO_COLOR": "1", "COLUMNS": "120"})
        os.close(slave)
        slave = None
        err = b""
        while True:
            try:
                chunk = os.read(master, 65536)
            except OSError:
                break
            if not chunk:
                break
            err += chunk
    finally:
        if slave is not None:
            os.close(slave)
        os.close(master)
    text = err.decode("utf-8")
    assert proc.returncode == 1
    assert "Reading 1 of 2: a]0;retitled.pdf" in text and "Reading 2 of 2: b[2J.pdf" in text
    assert not UNSAFE.search(text.replace("\r", "").replace("\n", ""))

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
    # and so does mypy (.ci/run)
    assert project["tool"]["mypy"]["python_version"] == f"3.{oldest.group(1)}"
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"With Python 3.{oldest.group(1)} or later" in readme
