"""Time the ODS readers available to the official-data importer on Ofsted's two releases.

Usage:  python benchmarks/ods_readers.py [--runs N] [--write benchmarks/ods_readers.md]

For each reader and each file it measures, as the median of N runs (each in a fresh call, no
caching between runs):

- "needed": open the file and read the sheets the importer uses into lists of rows;
- "all": open the file and read every sheet into lists of rows.

Readers: python-calamine (Rust, reads values only), odfpy (pure Python, builds the whole XML
tree) and pandas (only when it is installed; this project does not depend on it). Every reader is
checked to return the same cell values for the needed sheets, so a fast reader that reads wrong
values cannot win.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from datetime import date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OFFICIAL = ROOT.parent / "shared" / "data" / "official"

FILES = {
    "LA_Inspection_Outcomes_as_at_31_March_2025.ods": [
        "Cover",
        "Inspections_as_at_31_March",
        "In-year_inspections",
        "ILACS_inspection_history",
    ],
    "Childrens_social_care_in_England_2023_underlying_data.ods": [
        "Cover",
        "LA_level_at_31_Mar_2023",
        "LA_level_in_year_2022-23",
        "LA_inspections_2009-2023",
    ],
}


# --------------------------------------------------------------------------------------------
# Readers: path, sheet names (None = all) -> {sheet: rows}
# --------------------------------------------------------------------------------------------


def read_calamine(path: Path, sheets: list[str] | None) -> dict[str, list[list]]:
    import python_calamine

    wb = python_calamine.CalamineWorkbook.from_path(str(path))
    names = sheets if sheets is not None else wb.sheet_names
    return {n: wb.get_sheet_by_name(n).to_python() for n in names}


def read_odfpy(path: Path, sheets: list[str] | None) -> dict[str, list[list]]:
    from odf import opendocument, table, teletype, text
    from odf.namespaces import OFFICENS, TABLENS

    doc = opendocument.load(str(path))
    out: dict[str, list[list]] = {}
    for sheet in doc.spreadsheet.getElementsByType(table.Table):
        name = sheet.getAttribute("name")
        if sheets is not None and name not in sheets:
            continue
        rows: list[list] = []
        for row in sheet.getElementsByType(table.TableRow):
            cells: list = []
            for cell in row.childNodes:
                if cell.qname[1] not in ("table-cell", "covered-table-cell"):
                    continue
                repeat = int(cell.attributes.get((TABLENS, "number-columns-repeated"), 1) or 1)
                vtype = cell.attributes.get((OFFICENS, "value-type"))
                if vtype == "date":
                    raw = cell.attributes.get((OFFICENS, "date-value"))
                    value: object = (
                        datetime.fromisoformat(raw)
                        if "T" in raw
                        else datetime.combine(date.fromisoformat(raw), datetime.min.time())
                    )
                elif vtype in ("float", "percentage", "currency"):
                    value = float(cell.attributes.get((OFFICENS, "value")))
                else:
                    value = "\n".join(teletype.extractText(p) for p in cell.getElementsByType(text.P))
                cells.extend([value] * min(repeat, 1024))
            rrepeat = int(row.attributes.get((TABLENS, "number-rows-repeated"), 1) or 1)
            rows.extend([list(cells) for _ in range(min(rrepeat, 1024))])
        out[name] = _trim(rows)
    return out


def read_pandas(path: Path, sheets: list[str] | None) -> dict[str, list[list]]:
    import pandas as pd  # only when installed

    frames = pd.read_excel(path, sheet_name=sheets, header=None, engine="odf")
    return {n: f.fillna("").values.tolist() for n, f in frames.items()}


def _trim(rows: list[list]) -> list[list]:
    """Drop trailing empty rows and columns (odfpy keeps the padding the file declares)."""
    while rows and all(c == "" for c in rows[-1]):
        rows.pop()
    width = max((max((i + 1 for i, c in enumerate(r) if c != ""), default=0) for r in rows), default=0)
    return [(r + [""] * width)[:width] for r in rows]


READERS = {"python-calamine": read_calamine, "odfpy": read_odfpy}
try:  # pandas is measured only when already installed
    import pandas  # noqa: F401

    READERS["pandas (odf engine)"] = read_pandas
except ImportError:
    pass


def _comparable(sheets: dict[str, list[list]]) -> dict[str, list[list]]:
    return {n: [[c for c in r] for r in _trim([list(r) for r in rows])] for n, rows in sheets.items()}


def time_one(fn, path: Path, sheets: list[str] | None, runs: int) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn(path, sheets)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def _pipeline(runs: int) -> str:
    """Median time of the whole import with the chosen reader: read, build records, write YAML."""
    import shutil
    import tempfile

    sys.path.insert(0, str(ROOT))
    from rotherham_cli import official

    lines = [
        "| file | read_release (s) | + to_records (s) | + write_records (s) | records |",
        "|---|---:|---:|---:|---:|",
    ]
    for name in FILES:
        read, build, write = [], [], []
        for _ in range(runs):
            out = Path(tempfile.mkdtemp(prefix="ods-bench-"))
            try:
                t0 = time.perf_counter()
                release = official.read_release(OFFICIAL / name)
                t1 = time.perf_counter()
                records = official.to_records(release)
                t2 = time.perf_counter()
                official.write_records(records.records, out)
                t3 = time.perf_counter()
            finally:
                shutil.rmtree(out)
            read.append(t1 - t0)
            build.append(t2 - t0)
            write.append(t3 - t0)
        med = statistics.median
        lines.append(f"| {name} | {med(read):.2f} | {med(build):.2f} | {med(write):.2f} | {len(records)} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--write", type=Path, help="also write the results as Markdown to this file")
    args = ap.parse_args(argv)
    if not OFFICIAL.is_dir():
        print(f"official data not found at {OFFICIAL}", file=sys.stderr)
        return 1

    # Same values from every reader, on the sheets the importer needs.
    for name, needed in FILES.items():
        ref = _comparable(read_calamine(OFFICIAL / name, needed))
        for label, fn in READERS.items():
            got = _comparable(fn(OFFICIAL / name, needed))
            if got != ref:
                bad = [s for s in needed if got.get(s) != ref.get(s)]
                print(f"{label} reads {name} differently from python-calamine in {bad}", file=sys.stderr)
                return 1

    lines = [
        "| reader | file | size | needed sheets (s) | all sheets (s) |",
        "|---|---|---:|---:|---:|",
    ]
    needed_time: dict[tuple[str, str], float] = {}
    for label, fn in READERS.items():
        for name, needed in FILES.items():
            path = OFFICIAL / name
            t_needed = time_one(fn, path, needed, args.runs)
            t_all = time_one(fn, path, None, args.runs)
            needed_time[label, name] = t_needed
            size = f"{path.stat().st_size / 1e6:.2f} MB"
            lines.append(f"| {label} | {name} | {size} | {t_needed:.3f} | {t_all:.3f} |")
            print(lines[-1], flush=True)
    table = "\n".join(lines)
    print()
    print(table)
    pipeline = _pipeline(args.runs)
    print()
    print(pipeline)
    if args.write:
        import platform

        pandas = "measured" if len(READERS) > 2 else "not installed, not measured"
        note = (
            f"Median of {args.runs} runs, Python {platform.python_version()} on {platform.machine()}, "
            f"{time.strftime('%Y-%m-%d')}. pandas: {pandas}."
        )
        fastest = {n: min(READERS, key=lambda r, n=n: needed_time[r, n]) for n in FILES}
        big = max(FILES, key=lambda n: (OFFICIAL / n).stat().st_size)
        ratios = ", ".join(
            f"{r} {needed_time[r, big] / needed_time[fastest[big], big]:.0f}x slower"
            for r in READERS
            if r != fastest[big]
        )
        decision = (
            f"Fastest on every file: {', '.join(sorted(set(fastest.values())))}. On the "
            f"{(OFFICIAL / big).stat().st_size / 1e6:.1f} MB file it reads the needed sheets in "
            f"{needed_time[fastest[big], big]:.2f} s ({ratios})."
        )
        text = _MD.format(table=table, note=note, decision=decision, pipeline=pipeline)
        args.write.write_text(text, encoding="utf-8")
    return 0


_MD = """# ODS readers for the official-data import

Measured with `python benchmarks/ods_readers.py --runs 5 --write benchmarks/ods_readers.md`.
"needed sheets" is what `rotherham_cli.official.read_release` reads; "all sheets" reads every sheet
of the file. Every reader was first checked to give the same cell values on the needed sheets.

{table}

{note}

The whole import with the chosen reader (`read_release`, then `to_records`, then `write_records`
into an empty folder; cumulative times, median of the same runs):

{pipeline}

## Decision

{decision}

`rotherham_cli/official/` therefore reads with **python-calamine** (Rust; imported inside the
function that opens the file, so commands that do not read ODS never load it). Opening the file
parses the whole workbook, so reading only the needed sheets saves little; the 2023 file is
dominated by its large provider sheets, which the importer never reads. odfpy builds the whole XML
document in Python and is far too slow for the 2 MB file; it stays a test dependency only, to
write tiny ODS files for the importer's tests.
"""


if __name__ == "__main__":
    raise SystemExit(main())
