"""Time `import-report` over the whole shared corpus of report PDFs.

    python benchmarks/corpus.py [--output benchmarks/corpus.md]

Two measures: each report read in one process (the importer alone, per report: median, slowest, and
reports per second), and the installed command's batch import of the whole folder into an empty
record set (one whole process, as a user runs it, with the shipped record set completing the drafts).
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REPORTS = ROOT.parent / "shared" / "data" / "reports"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--output")
    args = ap.parse_args()
    from rotherham_cli.pdfimport import ReportError, import_report

    files = sorted(REPORTS.glob("*.pdf"))
    if not files:
        raise SystemExit(f"no reports in {REPORTS}")
    times, failed = [], []
    for f in files:
        start = time.perf_counter()
        try:
            import_report(f)
        except ReportError as exc:
            failed.append(str(exc))
        times.append((time.perf_counter() - start, f.name))
    total = sum(t for t, _ in times)
    slowest = max(times)
    exe = Path(sys.executable).with_name("judgements")
    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        proc = subprocess.run([str(exe), "import-report", str(REPORTS), "--output", f"{tmp}/set/"],
                              capture_output=True, text=True)
        batch = time.perf_counter() - start
    summary = proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else ""
    text = "\n".join([
        f"Python {platform.python_version()} on {os.cpu_count()} cores; {date.today()}; {len(files)} reports",
        "",
        "| measure | figure |",
        "|---|---|",
        f"| reports read (importer alone) | {len(files) - len(failed)} of {len(files)} ({len(failed)} refused) |",
        f"| per report, median | {statistics.median(t for t, _ in times) * 1000:.0f} ms |",
        f"| slowest report | {slowest[0] * 1000:.0f} ms ({slowest[1]}) |",
        f"| whole corpus, importer alone | {total:.1f} s, {len(files) / total:.1f} reports a second |",
        f"| `judgements import-report {REPORTS.name}/ --output DIR/` (one process) | {batch:.1f} s |",
        "",
        f"Batch summary: {summary}",
        "",
    ])
    print(text)
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
