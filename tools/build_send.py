"""Build the shipped area SEND records, records/<authority>/<id>.yaml of kind area_send, from ../shared/data/send/.

    python tools/build_send.py            rewrite the area SEND records in records/ (prints what changed)
    python tools/build_send.py --check    exit 1 when the area SEND records are not what the build makes

What it does:

1. Reads every report in ../shared/data/send/ listed in index.csv with the same reader as `judgements
   import-report`: outcome, dates on site, inspectors, areas for improvement and for priority action, the
   report as source. The reports do not print their publication date: it comes from index.csv, cited as
   a source of its own with the report's address.
2. Reads Data to Insight's overview (d2i_ofsted_csc_send_overview.xlsx, a secondary source). Where a row
   is a report's (same file-service address), the overview is cited beside the report for the facts it
   gives alike, and each it gives otherwise is kept in the source's ``differs``: the report stands. Every
   other row becomes a record of its own from the overview (authority by its DfE number; the outcome from
   its code where the outcome text agrees; dates on site and publication), citing the overview and, as
   a second source not read here, the report's address the overview gives.

Only records of kind area_send are written or removed; every other record is left as it is (and
tools/build_england.py keeps these). The area SEND records hold no curated field, so the build owns them.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
import zipfile
from datetime import date
from pathlib import Path
from xml.etree import ElementTree

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEND = SHARED / "data" / "send"
OVERVIEW = SEND / "d2i_ofsted_csc_send_overview.xlsx"
RECORDS = ROOT / "records"
KIND = "area_send"

sys.path.insert(0, str(ROOT))

_OVERVIEW_TITLE = "Data to Insight: overview of area SEND inspections (ofsted-send-scrape-tool)"
_INDEX_TITLE = "Index of the area SEND reports (ofsted-send-scrape-tool): publication dates and addresses"


def say(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


# ---- the overview (xlsx: read with the standard library) --------------------------------------------

_NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}


def overview_rows(path: Path = OVERVIEW) -> list[dict[str, str]]:
    """The overview's rows as dicts by its header, each with its spreadsheet row number under '_row'."""
    with zipfile.ZipFile(path) as book:
        strings = [
            "".join(t.text or "" for t in si.iter(f"{{{_NS['m']}}}t"))
            for si in ElementTree.fromstring(book.read("xl/sharedStrings.xml")).findall("m:si", _NS)
        ]
        sheet = ElementTree.fromstring(book.read("xl/worksheets/sheet1.xml"))
    table = []
    for row in sheet.iter(f"{{{_NS['m']}}}row"):
        cells = {}
        for cell in row.findall("m:c", _NS):
            value = cell.find("m:v", _NS)
            text = value.text if value is not None else ""
            if cell.get("t") == "s" and text:
                text = strings[int(text)]
            cells[re.match(r"[A-Z]+", cell.get("r")).group(0)] = (text or "").strip()
        table.append((int(row.get("r")), cells))
    (_, header), body = table[0], table[1:]
    return [{**{header[c]: v for c, v in cells.items() if c in header}, "_row": str(n)} for n, cells in body]


def overview_day(text: str) -> date | None:
    """A day as the overview writes it: 18/11/24 or 27/05/2021; None for none or 01/01/1900 (its blank)."""
    m = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})", text or "")
    if not m:
        return None
    day, month, year = int(m[1]), int(m[2]), int(m[3])
    year += 2000 if year < 100 else 0
    return None if year < 2000 else date(year, month, day)


def overview_outcome(row: dict[str, str]) -> tuple[str | None, str | None]:
    """(outcome key, why none): the outcome code where the overview's outcome text says the same."""
    from rotherham_cli import vocab

    try:
        outcome = vocab.send_outcome_of_code(int(float(row.get("outcome_grade", ""))))
    except ValueError:
        outcome = None
    text = row.get("inspection_outcome_text", "")
    if outcome is None:
        return None, f"the overview gives no outcome code (its outcome text: '{text[:80]}')"
    words = [o for o, w in vocab.SEND_OUTCOME_KEY_WORDS.items() if vocab.folded(w) in vocab.folded(text)]
    if words != [outcome]:
        return None, f"the overview's outcome code ({outcome.value}) and its outcome text do not agree"
    return outcome.value, None


def overview_source(row: dict[str, str], facts: list[str], differs: dict[str, str] | None = None) -> dict:
    source = {"id": "overview", "title": _OVERVIEW_TITLE, "publisher": "Data to Insight",
              "file": f"data/send/{OVERVIEW.name}", "where": f"row {row['_row']}", "facts": facts}
    if differs:
        source["differs"] = differs
    return source


# ---- records ------------------------------------------------------------------------------------


def report_records(overview: dict[str, dict[str, str]]) -> list[dict]:
    """One record per report listed in index.csv; ``overview`` (by address) is emptied of the rows used."""
    from rotherham_cli.pdfimport import import_report

    with open(SEND / "index.csv", encoding="utf-8", newline="") as fh:
        index = list(csv.DictReader(fh))
    out = []
    for n, row in enumerate(index, 2):
        imported = import_report(SEND / row["file"])
        for gap in imported.missing:
            if not gap.startswith("publication date"):
                say(f"  {row['file']}: not in the report: {gap}")
        data = dict(imported.data)
        data["published"] = row["published"]
        report = dict(data["sources"][0], file=f"data/send/{row['file']}", url=row["report_url"])
        listing = {"id": "index", "title": _INDEX_TITLE, "publisher": "Data to Insight",
                   "file": "data/send/index.csv", "where": f"row {n}", "facts": ["published"]}
        sources = [report, listing]
        d2i = overview.pop(row["report_url"], None)
        if d2i is not None:
            sources.append(compared(d2i, data))
        data["sources"] = sources
        out.append(data)
    return out


def compared(row: dict[str, str], data: dict) -> dict:
    """The overview as a source beside a report: the facts it gives alike, and each it gives otherwise."""
    outcome, _ = overview_outcome(row)
    given = {"outcome": outcome, "start": overview_day(row.get("inspection_start_date", "")),
             "end": overview_day(row.get("inspection_end_date", "")),
             "published": overview_day(row.get("publication_date", ""))}
    facts, differs = [], {}
    for field, value in given.items():
        if value is None:
            continue
        value = value.isoformat() if isinstance(value, date) else value
        if value == str(data.get(field)):
            facts.append(field)
        else:
            differs[field] = value
    return overview_source(row, facts, differs)


def overview_records(rows: list[dict[str, str]]) -> list[dict]:
    """One record per overview row without a report here."""
    from rotherham_cli import authorities
    from rotherham_cli.identity import record_id
    from rotherham_cli.pdfimport.reader import authority_fields
    from rotherham_cli.vocab import Kind

    out = []
    for row in rows:
        start, end, published = (overview_day(row.get(f"{name}_date", ""))
                                 for name in ("inspection_start", "inspection_end", "publication"))
        found = authorities.named(row["la_code"])
        if not found:
            say(f"  overview row {row['_row']}: no authority with DfE number {row['la_code']}; skipped")
            continue
        authority = authorities.pick(found, start or published)
        outcome, why = overview_outcome(row)
        data = {"id": record_id(authority.slug, Kind.AREA_SEND, start, start or published),
                "authority": authority_fields(authority, start or published),
                "kind": KIND, "framework": "area_send_2023"}
        facts = []
        for field, value in (("start", start), ("end", end), ("published", published)):
            if value is not None:
                data[field] = value.isoformat()
                facts.append(field)
        if outcome:
            data["outcome"] = outcome
            facts.append("outcome")
        notes = ["From Data to Insight's overview only (a secondary source): the report itself is not among "
                 "the shared reports, so its inspectors and areas for improvement are not recorded."]
        if why:
            notes.append(f"Outcome: {why}; left out.")
        if start is None:
            notes.append("Dates on site: the overview does not give them.")
        data["notes"] = notes
        report = {"id": "report", "title": f"Area SEND inspection of {authority.name} Local Area Partnership",
                  "publisher": "Ofsted and the Care Quality Commission", "url": row["inspection_link"],
                  "notes": ["Not read for this record: its address is as the overview gives it."]}
        data["sources"] = [overview_source(row, ["kind", "framework", *facts]), report]
        out.append(data)
    return out


def build() -> dict[Path, str]:
    """Every area SEND record's path under records/ and its YAML text."""
    from rotherham_cli.identity import authority_slug
    from rotherham_cli.models import Record
    from rotherham_cli.recordyaml import dump_record

    overview = {row["inspection_link"]: row for row in overview_rows()}
    made = report_records(overview)
    say(f"reports read: {len(made)}")
    rest = overview_records(list(overview.values()))
    say(f"overview rows without a report here: {len(rest)}")
    out: dict[Path, str] = {}
    for data in [*made, *rest]:
        record = Record.model_validate(data)
        path = RECORDS / authority_slug(record) / f"{record.id}.yaml"
        if path in out:
            raise SystemExit(f"two area SEND records would be {path}")
        out[path] = dump_record(record.model_dump(mode="json", exclude_none=True))
    return out


def shipped() -> dict[Path, str]:
    """The area SEND records now in records/."""
    out = {}
    for path in sorted(RECORDS.glob("*/*.yaml")):
        text = path.read_text(encoding="utf-8")
        if re.search(rf"^kind: {KIND}$", text, re.MULTILINE):
            out[path] = text
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="compare with records/ instead of writing it")
    args = parser.parse_args()
    if not SEND.exists():
        say(f"{SEND}: not found; the build reads the sources there")
        return 2
    built, now = build(), shipped()
    changed = sorted(p for p in built.keys() | now.keys() if built.get(p) != now.get(p))
    if args.check:
        for path in changed:
            say(f"differs from the build: {path.relative_to(ROOT)}")
        return 1 if changed else 0
    for path in changed:
        if path in built:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(built[path], encoding="utf-8")
        else:
            path.unlink()
    say(f"{len(built)} area SEND records; {len(changed)} files changed in records/")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
