"""Time `judgements import-official` of each release, and the record writer against its floor.

    python benchmarks/writing.py --output benchmarks/writing.md

What it measures:

* each release of ``../shared/data/official/`` imported whole (``--authority all``) into an empty
  folder, as a whole process of the installed `judgements`: median and spread of several runs, and peak
  memory;
* the writer alone, in one process: every record that import wrote, dumped by the project's writer
  (``recordyaml.dump_record``), paired in the same loop (A B B A ...) with the floor the issue names,
  ``yaml.dump(data, Dumper=yaml.CSafeDumper)`` of the same plain data, and PyYAML's pure-Python
  ``yaml.SafeDumper`` (what the writer used before) for comparison.

The batch `import-report` of the whole report corpus is timed by ``benchmarks/corpus.py``.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run import judgements_command, run_once  # the same runner as the command benchmarks

ROOT = Path(__file__).resolve().parents[1]
OFFICIAL = ROOT.parent / "shared" / "data" / "official"
RELEASES = [
    "LA_Inspection_Outcomes_as_at_31_March_2025.ods",
    "Childrens_social_care_in_England_2023_underlying_data.ods",
]


def _spread(times: list[float]) -> str:
    return f"{statistics.median(times):.3f} ({min(times):.3f}-{max(times):.3f})"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--output", help="also write the Markdown to this file")
    args = ap.parse_args()
    import yaml

    from rotherham_cli import recordyaml
    from rotherham_cli.loader import load_valid

    exe = judgements_command()
    lines = [f"Python {platform.python_version()} on {os.cpu_count()} cores; {date.today()}; "
             f"`python benchmarks/writing.py`", "",
             "| release | records written | `import-official --authority all`, s | peak MiB | writer | "
             "`CSafeDumper` floor | writer / floor | pure-Python `SafeDumper` |",
             "|---|---:|---:|---:|---:|---:|---:|---:|"]
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "XDG_CACHE_HOME": str(Path(tmp) / "cache"), "NO_COLOR": "1"}
        for name in RELEASES:
            times, mem, out = [], 0.0, None
            for i in range(args.runs):
                out = Path(tmp) / f"{name}-{i}"
                t, m = run_once([exe, "import-official", str(OFFICIAL / name), "--output", str(out),
                                 "--authority", "all"], env)
                times.append(t)
                mem = max(mem, m)
            data = [r.model_dump(mode="json") for r in load_valid(out)]
            clean = [recordyaml._clean(d) for d in data]

            def writer(data=data):
                return [recordyaml.dump_record(d) for d in data]

            def floor(clean=clean):
                return [yaml.dump(c, Dumper=yaml.CSafeDumper, sort_keys=False, allow_unicode=True) for c in clean]

            def pure(clean=clean):
                return [yaml.dump(c, Dumper=yaml.SafeDumper, sort_keys=False, allow_unicode=True) for c in clean]

            timed: dict = {writer: [], floor: [], pure: []}
            for i in range(args.runs):
                for fn in ((writer, floor, pure) if i % 2 == 0 else (pure, floor, writer)):
                    start = time.perf_counter()
                    fn()
                    timed[fn].append(time.perf_counter() - start)
            w, f = statistics.median(timed[writer]), statistics.median(timed[floor])
            lines.append(f"| {name} | {len(data)} | {_spread(times)} | {mem:.0f} | {_spread(timed[writer])} | "
                         f"{_spread(timed[floor])} | {w / f:.2f}x | {_spread(timed[pure])} |")
    lines += ["", "Writer columns: seconds to write every record of the release to YAML text in one process."]
    text = "\n".join(lines) + "\n"
    print(text)
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
