"""What each table looks like, byte for byte, saved in tests/snapshots/.

A change to a renderer shows here as a failing test with the difference. When the change is meant,
refresh the saved outputs and review them before committing:

    UPDATE_SNAPSHOTS=1 python -m pytest tests/test_snapshots.py && git diff tests/snapshots/
"""

from __future__ import annotations

import difflib
import os

import pytest
from conftest import GOOD, RECORDS

SNAPSHOTS = os.path.join(os.path.dirname(__file__), "snapshots")
F = ["--records", str(GOOD), "-a", "Rutland"]

CASES = {
    "list-fixtures-120": (F, "120"),
    "list-fixtures-80": (F, "80"),
    "show-fixture": (["show", "2022", *F], "100"),
    "diff-fixtures": (["diff", "2015", "2017", *F], "100"),
    "timeline-fixtures": (["timeline", *F], "100"),
    "england-2025-03-31": (["england", "--as-at", "2025-03-31", "--records", str(RECORDS)], "100"),
    "compare-rotherham-2025-06-30": (["compare", "Rotherham", "--as-at", "2025-06-30", "--records", str(RECORDS)],
                                     "100"),
    "journeys-2020-03-31": (["journeys", "--as-at", "2020-03-31", "--records", str(RECORDS)], "100"),
    "concerns-rotherham": (["concerns", "Rotherham", "--records", str(RECORDS)], "100"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_renderer_output_is_as_saved(run, case):
    args, width = CASES[case]
    if args[0] not in ("show", "diff", "timeline", "england", "compare", "journeys", "concerns"):
        args = ["list", *args]
    res = run(*args, env={"COLUMNS": width})
    assert res.exit_code == 0, res.stderr
    path = os.path.join(SNAPSHOTS, f"{case}.txt")
    if os.environ.get("UPDATE_SNAPSHOTS"):
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(res.stdout)
        return
    if not os.path.exists(path):
        pytest.fail(f"no saved output {path}: run UPDATE_SNAPSHOTS=1 python -m pytest {__file__}")
    with open(path, encoding="utf-8") as fh:
        saved = fh.read()
    if res.stdout != saved:
        diff = "".join(difflib.unified_diff(saved.splitlines(True), res.stdout.splitlines(True), "saved", "now"))
        pytest.fail(f"{case} differs from {path}:\n{diff}\nIf the change is meant: UPDATE_SNAPSHOTS=1 python -m "
                    f"pytest tests/test_snapshots.py, then review git diff tests/snapshots/")
