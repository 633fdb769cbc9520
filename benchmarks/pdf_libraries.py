"""Compare the PDF text libraries for `import-report` on the 15 real reports in ../shared/data/reports.

Usage:  python benchmarks/pdf_libraries.py [--runs N] [--write benchmarks/pdf_libraries.md]

For each library (pypdfium2, pypdf) and each report it measures:

- time: opening the PDF and extracting the text of every page, as the median of N runs (each a fresh
  call, nothing cached between runs);
- accuracy: the same reader (rotherham_cli.pdfimport.read_report) run on that library's text, every
  field compared with the expected values the tests use (tests/test_pdfimport.py: the official
  judgements of expected-judgements.json, Rotherham's research notes, and the dates, lead inspector
  and number of recommendations read from each report). A fast library that reads wrong text cannot
  win.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
REPORTS = SHARED / "data" / "reports"

sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from pypdf_pages import extract_pages_pypdf  # noqa: E402  (the other library; not in the product)
from test_pdfimport import expected_reports  # noqa: E402  (one home for the expected values)

from rotherham_cli import pdfimport  # noqa: E402
from rotherham_cli.errors import JudgementsError  # noqa: E402

EXTRACTORS = {"pypdfium2": pdfimport.extract_pages, "pypdf": extract_pages_pypdf}
FIELDS = ("judgements", "dates", "lead inspector", "authority, kind, framework", "recommendations")


def time_extraction(path: Path, library: str, runs: int) -> tuple[list[str], float]:
    """The pages' text and the median seconds to extract it."""
    times, pages = [], []
    for _ in range(runs):
        t0 = time.perf_counter()
        pages = EXTRACTORS[library](path)
        times.append(time.perf_counter() - t0)
    return pages, statistics.median(times)


def check(data: dict, missing: list[str], want: dict) -> dict[str, tuple[int, int, list[str]]]:
    """Per group of fields: (right, checked, what was wrong)."""
    out: dict[str, tuple[int, int, list[str]]] = {}

    def group(name: str, pairs: list[tuple[str, object, object]]) -> None:
        wrong = [f"{label}: got {got!r}, expected {exp!r}" for label, got, exp in pairs if got != exp]
        out[name] = (len(pairs) - len(wrong), len(pairs), wrong)

    judgements = data.get("judgements", {})
    areas = sorted(set(want["judgements"]) | set(judgements))
    group("judgements", [(a, judgements.get(a), want["judgements"].get(a)) for a in areas])
    published = want["published"] if want["published_printed"] else None
    group(
        "dates",
        [
            ("start", data.get("start"), want["start"]),
            ("end", data.get("end"), want["end"]),
            ("published", data.get("published"), published),
        ],
    )
    lead = [i["name"] for i in data.get("inspectors", []) if i.get("role") == "lead inspector"]
    group("lead inspector", [("lead inspector", lead[0] if lead else None, want["lead"])])
    group(
        "authority, kind, framework",
        [
            ("authority", data.get("authority", {}).get("name"), want["authority"]),
            ("kind", data.get("kind"), want["kind"]),
            ("framework", data.get("framework"), want["framework"]),
        ],
    )
    group("recommendations", [("count", len(data.get("recommendations", [])), want["recommendations"])])
    return out


def run(runs: int) -> tuple[str, list[str], str]:
    expected = expected_reports(SHARED)
    rows, per_report, problems = [], [], []
    scores: dict[str, tuple[int, float]] = {}
    times: dict[str, dict[str, float]] = {}
    for library in EXTRACTORS:
        totals = {name: [0, 0] for name in FIELDS}
        all_right = 0
        times[library] = {}
        for want in expected:
            path = REPORTS / want["file"]
            try:
                pages, seconds = time_extraction(path, library, runs)
                got = pdfimport.read_report(pages, path.name)
            except JudgementsError as exc:
                problems.append(f"{library}: {exc}")
                continue
            times[library][want["file"]] = seconds
            result = check(got.data, got.missing, want)
            for name, (right, checked, wrong) in result.items():
                totals[name][0] += right
                totals[name][1] += checked
                problems.extend(f"{library}: {want['file']}: {w}" for w in wrong)
            all_right += all(right == checked for right, checked, _ in result.values())
        ts = list(times[library].values())
        scores[library] = (all_right, statistics.median(ts))
        rows.append(
            [library]
            + [f"{r}/{c}" for r, c in totals.values()]
            + [f"{all_right}/{len(expected)}", f"{statistics.median(ts) * 1000:.0f}", f"{sum(ts):.2f}"]
        )
    for want in expected:
        per_report.append(
            [want["file"]]
            + [f"{times[lib].get(want['file'], float('nan')) * 1000:.0f}" for lib in EXTRACTORS]
        )
    head = ["library", *FIELDS, "reports all right", "median ms / report", "total s (15 reports)"]
    table = markdown(head, rows)
    detail = markdown(["report", *(f"{lib} ms" for lib in EXTRACTORS)], per_report)
    return table + "\n\nTime per report (median of the runs):\n\n" + detail, problems, verdict(scores)


def verdict(scores: dict[str, tuple[int, float]]) -> str:
    """The library to use: most reports read right, then the fastest."""
    ranked = sorted(scores, key=lambda lib: (-scores[lib][0], scores[lib][1]))
    best, other = ranked[0], ranked[1]
    (right, ms), (other_right, other_ms) = scores[best], scores[other]
    why = "reads as many reports right" if right == other_right else "reads more reports right"
    return (
        f"Chosen: **{best}**. It {why} ({right} against {other_right} of {other}) and takes a median "
        f"{ms * 1000:.0f} ms a report against {other_ms * 1000:.0f} ms ({other_ms / ms:.0f} times faster)."
    )


def versions() -> str:
    from importlib.metadata import version

    return ", ".join(f"{lib} {version(lib)}" for lib in EXTRACTORS)


def markdown(head: list[str], rows: list[list[str]]) -> str:
    widths = [max(len(str(x)) for x in col) for col in zip(head, *rows, strict=True)]

    def line(cells: list[str]) -> str:
        return "| " + " | ".join(str(c).ljust(w) for c, w in zip(cells, widths, strict=True)) + " |"

    return "\n".join([line(head), "|" + "|".join("-" * (w + 2) for w in widths) + "|", *map(line, rows)])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs per report and library (median taken)")
    parser.add_argument("--write", type=Path, help="also write the results as Markdown to this file")
    args = parser.parse_args()
    if not REPORTS.exists():
        sys.exit(f"the reports are not here: {REPORTS}")
    table, problems, chosen = run(args.runs)
    print(table)
    print("\n" + chosen)
    print("\nWrong fields:" if problems else "\nNo wrong field.")
    for p in problems:
        print("  " + p)
    if args.write:
        args.write.write_text(markdown_report(args.runs, table, chosen, problems), encoding="utf-8")


# What differs between the libraries' text, seen on these reports; the reader copes with both.
TEXT_NOTES = """\
What differs in the text the two libraries return (the reader copes with both):

- pypdfium2 gives a hyphen it takes for a line-break hyphen as U+FFFE ("decision\\ufffemaking"), even
  in the middle of a line; pypdf gives "-". The reader turns U+FFFE into "-".
- pypdfium2 puts a table cell that wraps, and its grade, on lines of their own ("Children looked after
  and achieving", "permanence", "Inadequate"); pypdf often keeps the grade on the row's last line.
  The reader matches wordings and grades across line breaks.
- pypdf pads lines with spaces and adds blank lines; pypdfium2 does not."""


def markdown_report(runs: int, table: str, chosen: str, problems: list[str]) -> str:
    wrong = "Wrong fields:\n\n" + "\n".join(f"- {p}" for p in problems) if problems else "No wrong field."
    return (
        "# PDF text libraries for `import-report`\n\n"
        f"`python benchmarks/pdf_libraries.py --runs {runs}` on the 15 reports of "
        f"`../shared/data/reports` (Python {sys.version.split()[0]}; {versions()}). Each column of "
        "fields counts the values read right over the values checked, with the same reader on each "
        f"library's text.\n\n{table}\n\n{chosen}\n\n{wrong}\n\n{TEXT_NOTES}\n"
    )


if __name__ == "__main__":
    main()
