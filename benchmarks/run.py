"""Time the installed `judgements` as whole processes, each command paired with its floor.

    python benchmarks/run.py                        # shipped set (as shipped, and edited), 2,000 and 20,000 visits
    python benchmarks/run.py --sizes shipped edited 2000 --pairs 9 --output benchmarks/results.md

What it measures, for each record set:

* warm: the command run again with its record cache in place (one warm-up run first), paired in the
  same loop with the imports floor, `python -c "import typer, rich, pydantic, yaml"`;
* cold: the command with an empty cache folder, paired with the parse floor: the same four imports and
  the record files the command reads (the home authority's folder, or the whole set) parsed with
  `yaml.CSafeLoader`, in one process. Over the shipped set this is the first run after install (the
  rows shipped with the package serve every file); over "edited", a copy of the shipped set with a
  comment added to every file (so the shipped rows serve none), it is the first run after every record
  changed, as it is over the synthetic sets;
* one changed: over a copy of the shipped set, the command run with its cache warm but one record of
  the home authority changed since (a new comment added before each run), paired with the parse floor.

The pairs alternate (command, floor, floor, command, ...) so that a slow moment of the machine falls
on both. Each cell gives the median of the pairs and the spread (lowest-highest) of the command, and
the ratio of the medians; peak memory is the highest resident size of the command's runs. The run
uses the `judgements` console script beside this Python (install the project first: `pip install .`)
and writes nothing into the project but --output: record sets go to a temporary folder.

The goals (issue 13) are printed with each figure and whether it is met.
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


def record_text(slug: str, name: str, year: int, graded: bool, i: int) -> tuple[str, str]:
    from rotherham_cli.identity import record_id
    from rotherham_cli.vocab import Kind

    kind = Kind.ILACS_STANDARD if graded else Kind.FOCUSED_VISIT
    start = date(year, 3 if graded else 9, 1 + i % 20)
    rid = record_id(slug, kind, start, start)
    lines = [
        f"id: {rid}", "authority:", f"  name: {name}", f"kind: {kind.value}", "framework: ilacs_2023",
        f"start: {start.isoformat()}", f"end: {start.replace(day=start.day + 4).isoformat()}",
        f"published: {date(year, start.month + 2, 1 + i % 27).isoformat()}", "inspectors:", "  - name: A. Inspector",
        "    role: lead inspector",
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
    """``n`` visits of England's current authorities, two a year each from 1950 (a graded inspection in
    March, a focused visit in September), one sub-folder per authority as the shipped set is laid out."""
    from rotherham_cli.authorities import current

    authorities = [a for a in current() if a.started is None]
    for i in range(n):
        a = authorities[i % len(authorities)]
        k = i // len(authorities)
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


COMMANDS = [  # (name, arguments, over the whole set?)
    ("list", ["list"], False),
    ("show latest", ["show", "latest"], False),
    ("diff", ["diff"], False),
    ("timeline", ["timeline"], False),
    ("list -a all", ["list", "-a", "all"], True),
    ("england", ["england"], True),
    ("export csv -a all", ["export", "-a", "all"], True),
]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", nargs="+", default=["shipped", "edited", "2000", "20000"])
    ap.add_argument("--pairs", type=int, default=7)
    ap.add_argument("--output", help="also write the Markdown to this file")
    args = ap.parse_args()
    exe = judgements_command()
    tmp = Path(tempfile.mkdtemp(prefix="judgements-bench-"))
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "120", "XDG_CACHE_HOME": str(tmp / "cache")}
    for var in ("JUDGEMENTS_RECORDS", "JUDGEMENTS_NO_CACHE", "JUDGEMENTS_AUTHORITY"):
        env.pop(var, None)
    counter = iter(range(10**9))

    def fresh_cache() -> str:
        d = tmp / f"cold-{next(counter)}"
        d.mkdir()
        return str(d)

    rows: list[str] = []
    changed_rows: list[str] = []
    goals: list[str] = []
    try:
        for size in args.sizes:
            if size == "shipped":
                from rotherham_cli.files import shipped_records

                folder = shipped_records()
                label = f"shipped ({sum(1 for _ in folder.rglob('*.yaml')):,})"
                records: list[str] = []
            elif size == "edited":
                from rotherham_cli.files import shipped_records

                folder = tmp / "edited"
                for f in shipped_records().rglob("*.yaml"):
                    dest = folder / f.relative_to(shipped_records())
                    dest.parent.mkdir(parents=True, exist_ok=True)
                    dest.write_bytes(f.read_bytes() + b"# edited\n")
                label = f"shipped, every file edited ({sum(1 for _ in folder.rglob('*.yaml')):,})"
                records = ["--records", str(folder)]
            else:
                folder = tmp / f"set-{size}"
                make_set(folder, int(size))
                label = f"{int(size):,}"
                records = ["--records", str(folder)]
            home = folder / "rotherham"  # what the commands about the home authority read
            big = size == "20000"
            pairs = max(3, args.pairs // 2) if big else args.pairs
            for name, argv, whole in COMMANDS:
                if (big or size == "edited") and name in ("show latest", "diff", "timeline"):
                    continue
                cmd = [exe, *argv, *records]
                parse = [PY, "-c", PARSE, str(folder if whole else home)]  # the same files the command reads
                if size == "edited":  # its warm runs are the shipped set's: only the first run is measured
                    cold = paired(cmd, parse, pairs, env, fresh_cache)
                    line = (f"| {label} | {name} |  |  |  | {cold['median']:.3f} ({cold['low']:.3f}-"
                            f"{cold['high']:.3f}) | {cold['floor']:.3f} | {cold['median'] / cold['floor']:.2f}x | "
                            f"{cold['mem']:.0f} |")
                    rows.append(line)
                    print(line, flush=True)
                    goals.append(_goal(f"`{name}`, first run after every record changed",
                                       cold["median"] / cold["floor"], 1.2, "the parse floor"))
                    continue
                run_once(cmd, env)  # warm-up: fills the cache
                warm = paired(cmd, IMPORTS, pairs, env)
                cold = paired(cmd, parse, max(3, pairs // 2), env, fresh_cache) if (whole or name == "list") \
                    else None
                if size == "shipped" and cold:
                    # In a copy of the shipped set (which the shipped rows serve as they do the set itself),
                    # so that the files changed are never the installed ones.
                    copy = tmp / "shipped-copy"
                    if not copy.exists():
                        shutil.copytree(folder, copy)
                    run_once([*cmd, "--records", str(copy)], env)  # warm-up
                    changed = paired([*cmd, "--records", str(copy)], parse, pairs, env,
                                     before=_change_one(copy / "rotherham"))
                    c = changed["median"] / changed["floor"]
                    changed_rows.append(
                        f"| {name} | {changed['median']:.3f} ({changed['low']:.3f}-{changed['high']:.3f}) | "
                        f"{changed['floor']:.3f} | {c:.2f}x | {changed['mem']:.0f} |")
                    print(changed_rows[-1], flush=True)
                    changed_goal = _goal(f"`{name}`, after one record changed", c, 1.2, "the parse floor")
                w = warm["median"] / warm["floor"]
                line = (f"| {label} | {name} | {warm['median']:.3f} ({warm['low']:.3f}-{warm['high']:.3f}) | "
                        f"{warm['floor']:.3f} | {w:.2f}x | ")
                if cold:
                    c = cold["median"] / cold["floor"]
                    line += (f"{cold['median']:.3f} ({cold['low']:.3f}-{cold['high']:.3f}) | {cold['floor']:.3f} | "
                             f"{c:.2f}x | {max(warm['mem'], cold['mem']):.0f} |")
                else:
                    line += f" |  |  | {warm['mem']:.0f} |"
                rows.append(line)
                print(line, flush=True)
                if size == "shipped":
                    if name == "list":
                        goals.append(_goal("`list`, home authority, warm", w, 1.2, "the imports floor"))
                    if whole:
                        goals.append(_goal(f"`{name}` over the national set, warm", w, 1.5, "the imports floor"))
                    if cold:
                        goals.append(_goal(f"`{name}`, first run after install", cold["median"] / cold["floor"], 1.2,
                                           "the parse floor"))
                        goals.append(changed_goal)
                    mem = max(warm["mem"], cold["mem"] if cold else 0)
                    goals.append(f"| `{name}` peak memory, national set | {mem:.0f} MiB | at most 100 MiB | "
                                 f"{'met' if mem <= 100 else '**not met**'} |")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    text = "\n".join([
        f"Python {platform.python_version()} on {os.cpu_count()} cores, {platform.system()}; {date.today()}; "
        f"`{' '.join(Path(a).name if a == exe else a for a in sys.argv)}`",
        "",
        "Seconds, whole processes: median (lowest-highest) of alternating pairs with the floor.",
        "",
        "| records | command | warm | imports floor | warm / floor | cold | parse floor | cold / floor | peak MiB |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|",
        *rows,
        "",
        *(["After one record changed (shipped set, cache warm, one of the home authority's records changed "
           "before each run):", "",
           "| command | seconds | parse floor | / floor | peak MiB |", "|---|---:|---:|---:|---:|", *changed_rows, ""]
          if changed_rows else []),
        "| goal | figure | target | |",
        "|---|---|---|---|",
        *goals,
        "",
    ])
    print()
    print(text)
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")


def _change_one(home: Path):
    """Before each run: one of the home authority's record files changed (a different comment added each
    time, so never as shipped), so that the next command finds it changed and reads it again."""
    path = sorted(home.glob("*.yaml"))[0]
    original = path.read_bytes()
    count = iter(range(10**9))

    def change() -> None:
        path.write_bytes(original + f"# changed {next(count)}\n".encode())

    return change


def _goal(what: str, ratio: float, target: float, floor: str) -> str:
    return f"| {what} | {ratio:.2f}x {floor} | at most {target}x | {'met' if ratio <= target else '**not met**'} |"


if __name__ == "__main__":
    main()
