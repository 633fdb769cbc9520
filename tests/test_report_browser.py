"""The report in a real browser: headless Chromium opens it without console messages, prints it on A4
within the pages stated in docs/commands/report.md, and the printed text holds the records' grades and dates.

Where no Chromium can be found the tests skip with the reason, except when $JUDGEMENTS_REQUIRE_BROWSER
is set (`.ci/run` sets it): then a missing browser fails them, so CI never passes by skipping.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import RECORDS
from test_report import LABEL, MONTHS, raw_records, visit_date

REQUIRE_ENV = "JUDGEMENTS_REQUIRE_BROWSER"
CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
# The most A4 pages each report may print on (stated in docs/commands/report.md).
MAX_PAGES = {"rotherham": 9, "barnsley": 6, "cumbria": 6}


def find_browser() -> str | None:
    for name in CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    return None


def browser_decision() -> tuple[str, str]:
    """('use', path), or ('skip' | 'fail', why) where no browser can be found."""
    found = find_browser()
    if found is not None:
        return "use", found
    if os.environ.get(REQUIRE_ENV):
        return "fail", f"${REQUIRE_ENV} is set but no Chromium was found (tried {', '.join(CANDIDATES)})"
    return "skip", "no headless browser here: install Debian's 'chromium' package (see docs/commands/report.md)"


@pytest.fixture(scope="module")
def browser():
    what, detail = browser_decision()
    if what == "fail":
        pytest.fail(detail)
    if what == "skip":
        pytest.skip(detail)
    return detail


def test_without_a_browser_ci_fails_rather_than_skips(monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.delenv(REQUIRE_ENV, raising=False)
    assert browser_decision()[0] == "skip"
    monkeypatch.setenv(REQUIRE_ENV, "1")
    assert browser_decision()[0] == "fail"


def chromium(browser: str, tmp: Path, *args: str) -> subprocess.CompletedProcess:
    profile = tmp / "profile"
    profile.mkdir(exist_ok=True)
    cmd = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
           "--disable-background-networking", "--disable-component-update", "--disable-sync",
           f"--user-data-dir={profile}", *args]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120, check=False)


def console_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if ":CONSOLE" in line]


def pdf_pages(path: Path) -> list[str]:
    """The text of each page, after checking that every page is A4 (595 x 842 points)."""
    import pypdfium2

    pdf = pypdfium2.PdfDocument(str(path))
    try:
        for i in range(len(pdf)):
            width, height = pdf[i].get_size()
            assert (round(width), round(height)) == (595, 842), (i, width, height)
        return [pdf[i].get_textpage().get_text_range() for i in range(len(pdf))]
    finally:
        pdf.close()


def check_in_browser(run, browser, tmp_path, name: str, folder: Path, *args) -> str:
    """Open and print one authority's report; return the PDF's text."""
    html = tmp_path / f"{name}.html"
    res = run("report", *args, "--output", html)
    assert res.exit_code == 0, res.stderr
    url = html.resolve().as_uri()
    shown = chromium(browser, tmp_path, "--enable-logging=stderr", "--v=0", "--dump-dom", url)
    assert shown.returncode == 0, shown.stderr[-2000:]
    assert console_lines(shown.stderr) == []
    assert "<h1>" in shown.stdout and "</svg>" in shown.stdout
    pdf = tmp_path / f"{name}.pdf"
    printed = chromium(browser, tmp_path, "--no-pdf-header-footer", f"--print-to-pdf={pdf}", url)
    assert pdf.exists(), printed.stderr[-2000:]
    pages = pdf_pages(pdf)
    assert 1 <= len(pages) <= MAX_PAGES[name]
    text = " ".join(" ".join(pages).split())
    for rec in raw_records(folder):
        if rec["kind"] == "area_send":  # the report is on children's services: no area SEND inspection
            continue
        day = visit_date(rec)
        assert f"{MONTHS[day.month - 1]} {day.year}" in text or (str(day.year) in text and day.month == 1), rec["id"]
        for grade in (rec.get("judgements") or {}).values():
            assert LABEL[grade.lower()] in text
    return text


def test_rotherham_report_in_chromium(run, browser, tmp_path):
    text = check_in_browser(run, browser, tmp_path, "rotherham", RECORDS / "rotherham")
    assert "Ofsted last inspected Rotherham's children's services in November 2025" in text


def test_official_only_report_in_chromium(run, browser, tmp_path, national):
    text = check_in_browser(run, browser, tmp_path, "barnsley", national / "barnsley", "Barnsley",
                            "--records", national)
    assert "neither the inspectors' findings nor their recommendations" in text


def test_former_authority_report_in_chromium(run, browser, tmp_path, national):
    text = check_in_browser(run, browser, tmp_path, "cumbria", national / "cumbria", "Cumbria",
                            "--records", national)
    assert "Cumbria no longer exists as a local authority" in text
