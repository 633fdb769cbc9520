"""Time `judgements` as whole processes on synthetic record sets, beside two floors.

    python benchmarks/run.py                 # 10, 2,000 and 20,000 visits; median of 5 runs (3 at 20,000)
    python benchmarks/run.py --sizes 10 2000 --runs 7

Floors measured in the same run:
  imports  `python -c "import typer, rich, pydantic, yaml"`: the price of the stack itself
  parse    the same record files parsed with yaml.CSafeLoader alone, in one process

Targets (issue 6): `list` on the shipped records within 1.2x the imports floor; `list` on 2,000 visits
within 1.5x the parse floor plus the imports floor; memory growing linearly with the record count.
Prints a Markdown table; writes nothing into the project (record sets go to a temporary folder).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PY = sys.executable

AREAS_ILACS = ["overall_effectiveness", "leadership", "help_and_protection", "children_in_care"]
GRADES = ["outstanding", "good", "requires_improvement", "inadequate"]
THEMES = ["permanence", "management_oversight", "workforce_stability", "child_exploitation", "early_help",
          "assessment_quality", "planning", "care_leavers", "quality_assurance", "partnership"]


def record_text(i: int, authority: int, year: int, graded: bool) -> tuple[str, str]:
    """A realistic record: ~2-3 kB, with findings, recommendations and sources."""
    name = f"Authority {authority:03d}"
    slug = f"authority-{authority:03d}"
    kind = ("ilacs_standard" if i % 3 else "ilacs_short") if graded else "focused_visit"
    rid = f"{slug}-{year}-{i:05d}-{kind.replace('_', '-')}"
    framework = "ilacs" if year < 2023 else "ilacs_2023"
    lines = [
        f"id: {rid}",
        "authority:",
        f"  name: {name}",
        f"  la_number: {100 + authority}",
        f"  ons_code: E06{authority:06d}",
        f"kind: {kind}",
        f"framework: {framework}",
        f"start: {year}-03-{1 + i % 20:02d}",
        f"end: {year}-03-{5 + i % 20:02d}",
        f"published: {year}-05-{1 + i % 27:02d}",
        "inspectors:",
        "  - name: A. Inspector",
        "    role: lead inspector",
    ]
    if graded:
        areas = AREAS_ILACS + (["care_leavers"] if framework == "ilacs_2023" else [])
        lines.append("judgements:")
        lines += [f"  {a}: {GRADES[(i + k) % 4]}" for k, a in enumerate(areas)]
    else:
        lines.append("theme: children_in_care")
    lines += [
        "headline: A synthetic visit for benchmarks",
        "summary: >-",
        "  A synthetic record of realistic size. Leaders know their services well; most children",
        "  receive help at the right time, though the quality of plans varies between teams.",
        "findings:",
    ]
    for k in range(6):
        lines += [
            f"  - kind: {'strength' if k % 2 else 'improvement'}",
            "    text: >-",
            "      Inspectors found that practice in this area was developing, with some strong work and",
            "      some that needed to improve further before children would benefit consistently.",
            "    quote: \"practice in this area was developing\"",
            f"    themes: [{THEMES[(i + k) % len(THEMES)]}, {THEMES[(i + k + 3) % len(THEMES)]}]",
            "    source: report",
        ]
    lines += ["recommendations:"] + [f"  - Improve the quality of plan number {k}." for k in range(4)]
    lines += [
        "sources:",
        "  - id: report",
        "    title: A synthetic inspection report",
        "    publisher: Ofsted",
        f"    date: {year}-05-01",
        f"    url: https://example.org/{rid}",
    ]
    return rid, "\n".join(lines) + "\n"


def make_set(folder: Path, n: int) -> None:
    folder.mkdir(parents=True)
    authorities = max(1, min(153, n // 13))  # about 13 visits an authority, as in real life
    for i in range(n):
        authority = i % authorities
        year = 2018 + (i // authorities) % 8
        graded = (i // authorities) % 2 == 0
        rid, text = record_text(i, authority, year, graded)
        (folder / f"{rid}.yaml").write_text(text)


def run_once(argv: list[str], env: dict) -> tuple[float, int]:
    """Wall time (s) and peak RSS (MiB) of one whole process."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode() if proc.stderr else ""
    if proc.returncode not in (0,):
        raise SystemExit(f"{' '.join(argv)} failed ({proc.returncode}): {err.strip()[:500]}")
    return elapsed, usage.ru_maxrss // 1024


def measure(argv: list[str], runs: int, env: dict) -> tuple[float, int]:
    results = [run_once(argv, env) for _ in range(runs)]
    return statistics.median(r[0] for r in results), max(r[1] for r in results)


PARSE_FLOOR = (
    "import sys, yaml, pathlib\n"
    "for p in sorted(pathlib.Path(sys.argv[1]).glob('*.yaml')):\n"
    "    yaml.load(p.read_bytes(), Loader=yaml.CSafeLoader)\n"
)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[10, 2000, 20000])
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "120"}
    env.pop("JUDGEMENTS_RECORDS", None)
    cli = [PY, "-m", "rotherham_cli"]
    env["PYTHONPATH"] = str(ROOT)

    rows: list[tuple] = []
    imports, imports_mem = measure([PY, "-c", "import typer, rich, pydantic, yaml"], args.runs, env)
    shipped_list, shipped_mem = measure([*cli, "list"], args.runs, env)
    rows.append(("shipped (11)", "floor: imports", imports, imports_mem, ""))
    rows.append(("shipped (11)", "list", shipped_list, shipped_mem,
                 f"{shipped_list / imports:.2f}x imports (target 1.2x)"))
    tmp = Path(tempfile.mkdtemp(prefix="judgements-bench-"))
    try:
        for n in args.sizes:
            folder = tmp / f"set-{n}"
            make_set(folder, n)
            runs = args.runs if n <= 2000 else max(3, args.runs // 2)
            parse, parse_mem = measure([PY, "-c", PARSE_FLOOR, str(folder)], runs, env)
            rows.append((f"{n:,}", "floor: CSafeLoader parse", parse, parse_mem, ""))
            r = ["--records", str(folder)]
            a = ["--authority", "Authority 000"]
            for name, argv in (
                ("list", [*cli, "list", *r]),
                ("timeline", [*cli, "timeline", *r, *a]),
                ("diff", [*cli, "diff", *r, *a]),
                ("export csv", [*cli, "export", *r]),
                ("export json", [*cli, "export", "--format", "json", *r]),
            ):
                t, mem = measure(argv, runs, env)
                ratio = f"{t / (parse + imports):.2f}x (parse + imports)"
                if name == "list" and n == 2000:
                    ratio += " (target 1.5x parse + imports)"
                rows.append((f"{n:,}", name, t, mem, ratio))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    print(f"Python {sys.version.split()[0]} on {os.cpu_count()} cores; median wall time of whole processes\n")
    print("| visits | command | median s | peak MiB | against the floors |")
    print("|---:|---|---:|---:|---|")
    for size, name, t, mem, note in rows:
        print(f"| {size} | {name} | {t:.3f} | {mem} | {note} |")


if __name__ == "__main__":
    main()
