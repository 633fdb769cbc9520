"""Build the shipped national record set, records/, from the sources in ../shared/.

    python tools/build_england.py            rebuild records/ (prints what changed)
    python tools/build_england.py --check    exit 1 when records/ is not what the build makes

What it does, in order (each step merges by the identity rule of rotherham_cli/identity.py, so
the order does not change the result):

1. Keeps the records a person curated (Rotherham's, and any record with findings, a summary or a
   headline: recordset.is_curated) as they are in records/, and the area SEND records
   (tools/build_send.py builds those).
2. Merges every inspection and visit of Ofsted's two official releases
   (../shared/data/official/*.ods) through the same reader as `judgements import-official`.
3. Reads every report in ../shared/data/reports/ with the same reader as `judgements import-report`
   and merges it in, with its web address from index.csv beside the reports, and its publication
   date as the report prints it ("Report published: ..."), else (ILACS reports do not print it) as
   index.csv gives it from Ofsted's report page.
4. Merges the focused visits, monitoring visits and JTAIs those reports mention with a month or a year
   ("two focused visits, in October 2022 and January 2024": pdfimport.mentions), each cited to the
   report that mentions it; a visit the records already hold is completed, not duplicated.

When Ofsted publishes a new release or report: put it in ../shared/data/ (a report with its row in
index.csv), add a new release's file name to RELEASES below, run this script, read the change with `git diff --stat
records/`, run the tests, and commit.
"""

from __future__ import annotations

import argparse
import csv
import filecmp
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
OFFICIAL = SHARED / "data" / "official"
REPORTS = SHARED / "data" / "reports"
RECORDS = ROOT / "records"
RELEASES = (
    "Childrens_social_care_in_England_2023_underlying_data.ods",
    "LA_Inspection_Outcomes_as_at_31_March_2025.ods",
)

sys.path.insert(0, str(ROOT))


def say(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def curated(into: Path) -> int:
    """Copy the records a person curated into ``into``, at the same places."""
    from rotherham_cli.loader import load_tree
    from rotherham_cli.recordset import is_curated
    from rotherham_cli.vocab import Remit

    n = 0
    for path, record in load_tree(RECORDS) if RECORDS.exists() else []:
        # Area SEND records are built by tools/build_send.py from their own sources; kept as they are.
        if is_curated(record.model_dump(mode="json", exclude_none=True)) or record.kind.remit is Remit.SEND:
            dest = into / path.relative_to(RECORDS)
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, dest)
            n += 1
    return n


def official_records(name: str):
    from rotherham_cli import official

    release = official.read_release(OFFICIAL / name)
    made = official.to_records(release)
    for problem in made.problems:
        say(f"  {name}: {problem}")
    return made.records


def report_records() -> tuple[list, list]:
    """The records of the reports, and those of the earlier visits the reports mention."""
    from rotherham_cli.errors import JudgementsError
    from rotherham_cli.models import Record
    from rotherham_cli.pdfimport import import_report
    from rotherham_cli.pdfimport.mentions import mention_records

    with open(REPORTS / "index.csv", encoding="utf-8", newline="") as fh:
        index = list(csv.DictReader(fh))
    out, mentioned = [], []
    for i, row in enumerate(index, 1):
        if i % 50 == 0:
            say(f"  read {i} of {len(index)} reports")
        try:
            imported = import_report(REPORTS / row["file"])
        except JudgementsError as exc:
            say(f"  {row['file']}: {exc}")
            continue
        data = dict(imported.data)
        source = dict(data["sources"][0])
        printed = data.get("published")  # "Report published: 1 September 2014" (SIF reports print it)
        if printed is None:  # ILACS reports do not: the date Ofsted's report page lists (index.csv)
            data["published"] = row["published"]
        elif printed != row["published"]:
            source["notes"] = [*source.get("notes", []), f"Ofsted's report page lists it as published on "
                               f"{row['published']}; the report prints {printed}."]
        # A report whose title line was not read is named by how Ofsted's report pages list it.
        source.setdefault("title", f"Ofsted inspection report on {row['authority'].title()} children's services")
        source["file"] = f"data/reports/{row['file']}"
        source["url"] = row["report_url"]
        source["date"] = data["published"]
        data["sources"] = [source]
        try:
            out.append(Record.model_validate(data))
        except Exception as exc:  # a draft the model refuses is reported, not merged
            say(f"  {row['file']}: not merged: {str(exc).splitlines()[0]}")
        if "authority" in data:
            cited = {k: source[k] for k in ("title", "publisher", "date", "url", "file")}
            for visit in mention_records(imported.mentions, data["authority"]["name"], cited):
                mentioned.append(Record.model_validate(visit))
    return out, mentioned


def build(into: Path) -> None:
    from rotherham_cli.recordset import merge_into

    say(f"curated records kept: {curated(into)}")
    steps = [(name, lambda name=name: official_records(name)) for name in RELEASES]
    reports, mentioned = report_records()
    steps.append(("reports", lambda: reports))
    steps.append(("visits the reports mention", lambda: mentioned))
    for name, read in steps:
        say(f"merging {name}")
        result = merge_into(into, read())
        say(f"  {len(result.new)} new, {len(result.updated)} completed, {result.unchanged} unchanged, "
            f"{len(result.disagreements)} disagreements, {len(result.problems)} problems")
        for problem in result.problems:
            say(f"  problem: {problem}")


def differences(a: Path, b: Path) -> list[str]:
    def walk(cmp: filecmp.dircmp, prefix: str) -> list[str]:
        out = [prefix + n for n in cmp.diff_files + cmp.left_only + cmp.right_only]
        for name, sub in cmp.subdirs.items():
            out += walk(sub, f"{prefix}{name}/")
        return out

    return sorted(walk(filecmp.dircmp(a, b), ""))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="compare with records/ instead of writing it")
    parser.add_argument("--output", type=Path, help="build into this new folder instead of records/")
    args = parser.parse_args()
    if not SHARED.exists():
        say(f"{SHARED}: not found; the build reads the sources there")
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        built = Path(tmp) / "records"
        built.mkdir()
        build(built)
        if args.output:
            shutil.copytree(built, args.output)
            return 0
        changed = differences(RECORDS, built) if RECORDS.exists() else ["records/"]
        if args.check:
            for name in changed:
                say(f"differs from the build: records/{name}")
            return 1 if changed else 0
        if changed:
            shutil.rmtree(RECORDS, ignore_errors=True)
            shutil.copytree(built, RECORDS)
        say(f"{len(changed)} files changed in records/")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
