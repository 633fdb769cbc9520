"""Where a command's fixed time goes: the imports floor of issue 26, then the parts of Rich, pydantic and
Typer every command uses, against a few whole commands (median of 11 processes each).

    python benchmarks/fixed.py      # the installed `judgements` beside this Python (pip install . first)
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time

from run import IMPORTS, PY, judgements_command

USED = ("import typer, rich, pydantic, yaml, typer.main; from rich.console import Console; "
        "from rich.table import Table; from pydantic import BaseModel, TypeAdapter; import pydantic.plugin._loader")


def median_time(argv: list[str], env: dict, n: int = 11) -> float:
    subprocess.run(argv, stdout=subprocess.DEVNULL, env=env, check=True)  # warm-up (and the record cache)
    times = []
    for _ in range(n):
        start = time.perf_counter()
        subprocess.run(argv, stdout=subprocess.DEVNULL, env=env, check=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    exe = judgements_command()
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "120"}
    cases = [
        ("floor: `import typer, rich, pydantic, yaml`", IMPORTS),
        ("+ what every command uses of them (`rich.console`, `rich.table`, pydantic's `BaseModel` and "
         "`TypeAdapter`, its plugin loader)", [PY, "-c", USED]),
        ("`judgements --version`", [exe, "--version"]),
        ("`judgements show latest`", [exe, "show", "latest"]),
        ("`judgements england`", [exe, "england"]),
    ]
    print("| what is run | seconds |\n|---|---:|")
    for name, argv in cases:
        print(f"| {name} | {median_time(argv, env):.3f} |", flush=True)


if __name__ == "__main__":
    sys.exit(main())
