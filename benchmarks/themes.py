"""Precision and recall of the recommendation theme rules against the labelled sample.

    python benchmarks/themes.py [--split test|tune|all] [--errors] [--output benchmarks/themes.md]

The sample, tests/data/recommendation_labels.csv, holds recommendations drawn with a fixed seed from
the shipped records and labelled by reading them, before the rules were written. The rules
(rotherham_cli/data/themes.yaml) were tuned on the `tune` half; the figures that count are those
on the `test` half. Each (recommendation, theme) pair is one decision: a theme the rules give and
the label holds is a true positive, one the label lacks a false positive, one the label holds and
the rules miss a false negative. A recommendation labelled with no theme counts only through the
themes the rules wrongly give it. `--errors` lists each recommendation the rules get wrong.
"""

from __future__ import annotations

import argparse
import csv
from collections import Counter
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "tests" / "data" / "recommendation_labels.csv"

GOAL_PRECISION, GOAL_RECALL, GOAL_THEME, GOAL_SUPPORT = 0.85, 0.80, 0.6, 10


def ratio(a: int, b: int) -> float | None:
    return a / b if b else None


def fmt(x: float | None) -> str:
    return "-" if x is None else f"{x:.2f}"


def measure(rows: list[dict]) -> tuple[Counter, Counter, Counter, list[tuple]]:
    from rotherham_cli.themes import themes_of

    tp, fp, fn = Counter(), Counter(), Counter()
    wrong = []
    for row in rows:
        want = set(filter(None, row["themes"].split(";")))
        got = set(themes_of(row["text"]).themes)
        for t in got & want:
            tp[t] += 1
        for t in got - want:
            fp[t] += 1
        for t in want - got:
            fn[t] += 1
        if got != want:
            wrong.append((row["visit_id"], row["n"], row["text"], sorted(want), sorted(got)))
    return tp, fp, fn, wrong


def report(rows: list[dict], split: str) -> tuple[str, bool]:
    from rotherham_cli.vocab import FINDING_THEMES

    tp, fp, fn, wrong = measure(rows)
    p = ratio(sum(tp.values()), sum(tp.values()) + sum(fp.values()))
    r = ratio(sum(tp.values()), sum(tp.values()) + sum(fn.values()))
    n_none = sum(1 for row in rows if not row["themes"])
    lines = [
        f"{date.today()}; split `{split}`: {len(rows)} recommendations ({n_none} labelled with no theme), "
        f"{sum(tp.values()) + sum(fn.values())} labelled themes; {len(rows) - len(wrong)} themed exactly as labelled",
        "",
        "| themes | labelled | given | right | precision | recall |",
        "|---|---:|---:|---:|---:|---:|",
        f"| all (micro) | {sum(tp.values()) + sum(fn.values())} | {sum(tp.values()) + sum(fp.values())} "
        f"| {sum(tp.values())} | {fmt(p)} | {fmt(r)} |",
    ]
    below = []
    for t in FINDING_THEMES:
        support = tp[t] + fn[t]
        tp_, given = tp[t], tp[t] + fp[t]
        tp_p, tp_r = ratio(tp_, given), ratio(tp_, support)
        lines.append(f"| {t} | {support} | {given} | {tp_} | {fmt(tp_p)} | {fmt(tp_r)} |")
        if support >= GOAL_SUPPORT and min(tp_p or 0, tp_r or 0) < GOAL_THEME:
            below.append(t)
    met = p is not None and r is not None and p >= GOAL_PRECISION and r >= GOAL_RECALL and not below
    lines += [
        "",
        f"Goal: precision at least {GOAL_PRECISION} and recall at least {GOAL_RECALL} over all themes, no theme "
        f"with {GOAL_SUPPORT} or more labelled examples below {GOAL_THEME}: "
        + ("met." if met else "NOT met" + (f" (below: {', '.join(below)})." if below else ".")),
    ]
    return "\n".join(lines), met


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--split", choices=["test", "tune", "all"], default="test")
    ap.add_argument("--errors", action="store_true")
    ap.add_argument("--output")
    args = ap.parse_args()
    with SAMPLE.open(encoding="utf-8", newline="") as f:
        sample = list(csv.DictReader(f))

    def rows_of(split: str) -> list[dict]:
        return [row for row in sample if split in ("all", row["split"])]

    text, _ = report(rows_of(args.split), args.split)
    print(text)
    if args.errors:
        for visit, n, body, want, got in measure(rows_of(args.split))[3]:
            print(f"\n{visit} #{n}: {body}\n  labelled {want}\n  given    {got}")
    if args.output:  # the figures that count (test), then those of the half the rules were fitted to
        sections = [
            "# Recommendation themes: the rules against the labelled sample",
            "",
            "Written by `python benchmarks/themes.py --output benchmarks/themes.md`; the sample is "
            "`tests/data/recommendation_labels.csv`, the rules `rotherham_cli/data/themes.yaml`.",
            "",
            "## Test half (the figures that count: the rules never saw these while being tuned)",
            "",
            report(rows_of("test"), "test")[0],
            "",
            "## Tune half (the rules were fitted to these: for comparison only)",
            "",
            report(rows_of("tune"), "tune")[0],
        ]
        Path(args.output).write_text("\n".join(sections) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
