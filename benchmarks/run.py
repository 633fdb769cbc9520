"""Time the installed `judgements` as whole processes, each command paired with its floor (issue 26).

    python benchmarks/run.py                                  # the shipped national set
    python benchmarks/run.py --sizes shipped 2000 --pairs 9 --output benchmarks/results.md
    python benchmarks/run.py --scale 100000 --output benchmarks/scale.md

For each record set (the shipped one, or a synthetic one of N visits) and command:

* warm: the command run again with its record cache in place (one warm-up run first), paired in the
  same loop with the imports floor, `python -c "import typer, rich, pydantic, yaml"`. Goals: a command
  of one authority (list, show, diff, timeline) at most 2.0x the floor; a command over all of England
  (list -a all, england, compare, export --format json -a all) at most 2.5x;
* uncached: the same command with JUDGEMENTS_NO_CACHE=1, paired with the parse floor: the four imports
  and the record files the command reads parsed with `yaml.CSafeLoader`, in one process. Goal for the
  commands over all of England: at most 1.5x;
* peak memory: the highest resident size of the command's runs. Goal: at most 100 MiB.

With --scale N, instead: a synthetic set of N visits (issue 31's 100,000), its cache filled once, then
validate, show and list of one authority, a JSON export of all and show of another authority's visit by
its id run once each (seconds, peak memory), and validate again after one record is edited.

The pairs alternate (command, floor, floor, command, ...) so that a slow moment of the machine falls
on both. Each cell gives the median of the pairs and the spread (lowest-highest) of the command, and
the ratio of the medians. The run uses the `judgements` console script beside this Python (install the
project first: `pip install .`) and writes nothing into the project but --output: record sets and the
cache go to a temporary folder.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PY = sys.executable
IMPORTS = [PY, "-c", "import typer, rich, pydantic, yaml"]
PARSE = (
    "import sys, pathlib, typer, rich, pydantic, yaml\n"
    "for p in sorted(pathlib.Path(sys.argv[1]).rglob('*.yaml')):\n"
    "    yaml.load(p.read_bytes(), Loader=yaml.CSafeLoader)\n"
)

GRADES = ["outstanding", "good", "requires_improvement", "inadequate"]
THEMES = ["permanence", "management_oversight", "workforce_stability", "child_exploitation", "early_help",
          "assessment_quality", "planning", "care_leavers", "quality_assurance", "partnership"]


def judgements_command() -> str:
    exe = Path(PY).with_name("judgements")
    if not exe.exists():
        found = shutil.which("judgements")
        if found is None:
            raise SystemExit("the judgements command is not installed beside this Python: run 'pip install .'")
        exe = Path(found)
    return str(exe)


# ---------------------------------------------------------------------------------------------
# Synthetic record sets: valid records of real authorities, about 3 kB each
# ---------------------------------------------------------------------------------------------


def record_text(slug: str, name: str, year: int, graded: bool, i: int, month: int | None = None) -> tuple[str, str]:
    from rotherham_cli.identity import record_id
    from rotherham_cli.vocab import Kind

    kind = Kind.ILACS_STANDARD if graded else Kind.FOCUSED_VISIT
    start = date(year, month or (3 if graded else 9), 1 + i % 20)
    rid = record_id(slug, kind, start, start)
    lines = [
        f"id: {rid}", "authority:", f"  name: {name}", f"kind: {kind.value}", "framework: ilacs_2023",
        f"start: {start.isoformat()}", f"end: {start.replace(day=start.day + 4).isoformat()}",
        f"published: {date(year, min(start.month + 2, 12), 1 + i % 27).isoformat()}", "inspectors:",
        "  - name: A. Inspector", "    role: lead inspector",
    ]
    if graded:
        lines.append("judgements:")
        areas = ["overall_effectiveness", "leadership", "help_and_protection", "children_in_care", "care_leavers"]
        lines += [f"  {a}: {GRADES[(i + k) % 4]}" for k, a in enumerate(areas)]
    else:
        lines.append("theme: children_in_care")
    lines += [
        "headline: A synthetic visit for benchmarks", "summary: >-",
        "  A synthetic record of realistic size. Leaders know their services well; most children",
        "  receive help at the right time, though the quality of plans varies between teams.", "findings:",
    ]
    for k in range(6):
        lines += [
            f"  - kind: {'strength' if k % 2 else 'improvement'}", "    text: >-",
            "      Inspectors found that practice in this area was developing, with some strong work and",
            "      some that needed to improve further before children would benefit consistently.",
            "    quote: \"practice in this area was developing\"",
            f"    themes: [{THEMES[(i + k) % len(THEMES)]}, {THEMES[(i + k + 3) % len(THEMES)]}]",
            "    source: report",
        ]
    lines += ["recommendations:"] + [f"  - Improve the quality of plan number {k}." for k in range(4)]
    lines += ["sources:", "  - id: report", "    title: A synthetic inspection report", "    publisher: Ofsted",
              f"    date: {year}-05-01", f"    url: https://example.org/{rid}"]
    return rid, "\n".join(lines) + "\n"


def make_set(folder: Path, n: int) -> None:
    """``n`` visits of England's current authorities, one sub-folder per authority as the shipped set is laid
    out: up to 20,000 two a year each from 1950 (a graded inspection in March, a focused visit in September);
    more, four a year from 1901 (a graded inspection in February, focused visits in May, August and
    November), so that 100,000 stay within the years a record may give."""
    from rotherham_cli.authorities import current

    authorities = [a for a in current() if a.started is None]
    four = n > 20_000
    for i in range(n):
        a = authorities[i % len(authorities)]
        k = i // len(authorities)
        if four:
            rid, text = record_text(a.slug, a.name, 1901 + k // 4, k % 4 == 0, i, month=(2, 5, 8, 11)[k % 4])
        else:
            rid, text = record_text(a.slug, a.name, 1950 + k // 2, k % 2 == 0, i)
        sub = folder / a.slug
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"{rid}.yaml").write_text(text, encoding="utf-8")


# ---------------------------------------------------------------------------------------------
# Timing
# ---------------------------------------------------------------------------------------------


def run_once(argv: list[str], env: dict) -> tuple[float, float]:
    """Wall time (s) and peak resident memory (MiB) of one whole process."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode() if proc.stderr else ""
    if proc.stderr:
        proc.stderr.close()
    if code != 0:
        raise SystemExit(f"{' '.join(argv)} failed ({code}): {err.strip()[:500]}")
    return elapsed, usage.ru_maxrss / 1024


def paired(cmd: list[str], floor: list[str], pairs: int, env: dict, fresh_cache=None, before=None) -> dict:
    """Run the command and its floor in alternating order; ``fresh_cache`` gives an empty cache folder
    before each run of the command (a cold run); ``before`` is called before each run of the command."""
    cmd_t, floor_t, mem = [], [], 0.0
    for i in range(pairs):
        order = (True, False) if i % 2 == 0 else (False, True)
        for is_cmd in order:
            if is_cmd:
                if before:
                    before()
                run_env = {**env, "XDG_CACHE_HOME": fresh_cache()} if fresh_cache else env
                t, m = run_once(cmd, run_env)
                cmd_t.append(t)
                mem = max(mem, m)
            else:
                floor_t.append(run_once(floor, env)[0])
    return {"median": statistics.median(cmd_t), "low": min(cmd_t), "high": max(cmd_t),
            "floor": statistics.median(floor_t), "floor_low": min(floor_t), "floor_high": max(floor_t),
            "mem": mem}


COMMANDS = [  # (name, arguments, over all of England?)
    ("list", ["list"], False),
    ("show latest", ["show", "latest"], False),
    ("diff", ["diff"], False),
    ("timeline", ["timeline"], False),
    ("list -a all", ["list", "-a", "all"], True),
    ("england", ["england"], True),
    ("compare", ["compare"], True),
    ("export json -a all", ["export", "--format", "json", "-a", "all"], True),
]
WARM_GOAL = {False: 2.0, True: 2.5}
UNCACHED_GOAL = 1.5
MEMORY_GOAL = 100


def _cell(r: dict) -> str:
    return f"{r['median']:.3f} ({r['low']:.3f}-{r['high']:.3f})"


def _met(ratio: float, goal: float) -> str:
    return f"{ratio:.2f}x ({'met' if ratio <= goal else 'NOT met'}: goal {goal}x)"


SCALE_COMMANDS = [  # (what, arguments) of issue 31's scale: run once each on a warm cache
    ("validate (every record)", ["validate"]),
    ("show latest -a rotherham", ["show", "latest", "-a", "rotherham"]),
    ("list -a rotherham", ["list", "-a", "rotherham"]),
    ("export --format json -a all", ["export", "--format", "json", "-a", "all"]),
]


def scale(n: int, exe: str, env: dict, tmp: Path) -> str:
    """Issue 31's scale: a synthetic set of ``n`` visits, its cache filled once, then each command once (whole
    processes: seconds and peak memory), and validate again after one record is edited."""
    folder = tmp / f"set-{n}"
    make_set(folder, n)
    run_env = {**env, "JUDGEMENTS_RECORDS": str(folder)}
    fill = run_once([exe, "validate"], run_env)
    rows = [f"| validate, the cache empty | {fill[0]:.1f} | {fill[1]:.0f} |"]
    other = sorted((folder / "leeds").glob("*.yaml"))[0].stem  # a visit of another authority, by its id
    for what, argv in [*SCALE_COMMANDS, (f"show {other} (by id, from the home authority)", ["show", other])]:
        t, mem = run_once([exe, *argv], run_env)
        rows.append(f"| {what} | {t:.2f} | {mem:.0f} |")
        print(rows[-1], file=sys.stderr, flush=True)
    edited = sorted((folder / "barnsley").glob("*.yaml"))[0]
    edited.write_text(edited.read_text(encoding="utf-8") + "# an edit\n", encoding="utf-8")
    t, mem = run_once([exe, "validate"], run_env)
    rows.append(f"| validate after one record is edited | {t:.2f} | {mem:.0f} |")
    return "\n".join([
        f"Python {platform.python_version()} on {os.cpu_count()} cores, {platform.system()}; {date.today()}; "
        f"`benchmarks/run.py --scale {n}`",
        "",
        f"{n:,} synthetic visits of England's current authorities, one folder each; each command run once as a "
        "whole process on a warm cache (issue 31).",
        "",
        "| command | seconds | peak MiB |",
        "|---|---:|---:|",
        *rows,
    ]) + "\n"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", nargs="+", default=["shipped"], help="'shipped' or a number of synthetic visits")
    ap.add_argument("--pairs", type=int, default=7)
    ap.add_argument("--scale", type=int, metavar="N", help="instead: issue 31's scale, N synthetic visits")
    ap.add_argument("--output", help="also write the Markdown to this file")
    args = ap.parse_args()
    exe = judgements_command()
    tmp = Path(tempfile.mkdtemp(prefix="judgements-bench-"))
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "120", "XDG_CACHE_HOME": str(tmp / "cache")}
    for var in ("JUDGEMENTS_RECORDS", "JUDGEMENTS_NO_CACHE", "JUDGEMENTS_AUTHORITY"):
        env.pop(var, None)
    if args.scale:
        try:
            text = scale(args.scale, exe, env, tmp)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
        print(text)
        if args.output:
            Path(args.output).write_text(text, encoding="utf-8")
        return
    rows: list[str] = []
    try:
        for size in args.sizes:
            if size == "shipped":
                from rotherham_cli.files import shipped_records

                folder = shipped_records()
            else:
                folder = tmp / f"set-{size}"
                make_set(folder, int(size))
            label = f"{'shipped' if size == 'shipped' else 'synthetic'} ({sum(1 for _ in folder.rglob('*.yaml')):,})"
            run_env = {**env, "JUDGEMENTS_RECORDS": str(folder)}
            home = folder / "rotherham"
            for name, argv, whole in COMMANDS:
                cmd = [exe, *argv]
                run_once(cmd, run_env)  # warm-up: fills the cache
                warm = paired(cmd, IMPORTS, args.pairs, run_env)
                parse = [PY, "-c", PARSE, str(folder if whole or not home.is_dir() else home)]
                cold = paired(cmd, parse, args.pairs, {**run_env, "JUDGEMENTS_NO_CACHE": "1"})
                ratio, cold_ratio = warm["median"] / warm["floor"], cold["median"] / cold["floor"]
                mem = max(warm["mem"], cold["mem"])
                rows.append(
                    f"| {label} | {name} | {_cell(warm)} | {warm['floor']:.3f} | {_met(ratio, WARM_GOAL[whole])} "
                    f"| {_cell(cold)} | {cold['floor']:.3f} | "
                    + (_met(cold_ratio, UNCACHED_GOAL) if whole else f"{cold_ratio:.2f}x (no goal)")
                    + f" | {mem:.0f} ({'met' if mem <= MEMORY_GOAL else 'NOT met'}) |")
                print(rows[-1], file=sys.stderr, flush=True)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    text = "\n".join([
        f"Python {platform.python_version()} on {os.cpu_count()} cores, {platform.system()}; {date.today()}; "
        f"`benchmarks/run.py --sizes {' '.join(args.sizes)} --pairs {args.pairs}`",
        "",
        "Seconds, whole processes: median (lowest-highest) of alternating pairs with the floor; goals of issue 26.",
        "",
        "| records | command | warm | imports floor | warm / floor | uncached | parse floor | uncached / floor "
        "| peak MiB (goal 100) |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|",
        *rows,
    ]) + "\n"
    print(text)
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
