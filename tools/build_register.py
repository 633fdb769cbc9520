"""Build the register of authorities, rotherham_cli/data/authorities.json, from ../shared/data/.

    python tools/build_register.py            write the register
    python tools/build_register.py --check    exit 1 when the committed register differs from the build

Sources (each fact comes from one of them; where they disagree, Ofsted's releases win and both
spellings become aliases):

- Ofsted, *Local authority inspection outcomes as at 31 March 2025* (../shared/data/official): the
  canonical name of every authority (as this, the latest release, writes it), its GSS code as the
  release gives it, its Ofsted region, and whether it still exists (sheet ILACS_inspection_history,
  column "Local authority status"); every other spelling in its three sheets.
- Ofsted, *Children's social care data in England 2023*: every spelling in its LA sheets, and the
  authorities before 2019 in Table 11 of LA_inspections_2009-2023 (Bournemouth, Dorset, Poole,
  Northamptonshire) with their Ofsted region.
- DfE statistical neighbour model 2025 (../shared/data/authorities/statistical_neighbours_2025_dfe.csv):
  DfE LA numbers and the ten statistical neighbours of each current authority with their closeness.
- DfE statistical neighbour groupings 2021: the LA numbers of authorities before reorganisation
  (rows marked "(Pre LG)": Dorset 835, Poole 836, Bournemouth 837; Northamptonshire 928; Cumbria 909).
- Data to Insight's provider lookup (provider_lookup_d2i.csv): Ofsted URNs, the GSS codes in use
  after 2025 (Barnsley E08000038 and Sheffield E08000039, which the 2025 release, as at 31 March 2025,
  still gives as E08000016 and E08000019), ONS names and other names ("also known as").

The reorganisations, with the day the new authorities began (1 April of the year the official
releases first list them) and their predecessors, are written out in REORGANISATIONS below.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from collections import defaultdict
from datetime import date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
OFFICIAL = SHARED / "official"
LISTS = SHARED / "authorities"
OUT = ROOT / "rotherham_cli" / "data" / "authorities.json"
R2025 = OFFICIAL / "LA_Inspection_Outcomes_as_at_31_March_2025.ods"
R2023 = OFFICIAL / "Childrens_social_care_in_England_2023_underlying_data.ods"

# Reorganisations: (day the successors began, predecessors by LA number, successors by LA number).
# Where predecessors went into different successors, each is a reorganisation of its own: Bournemouth
# and Poole went only into Bournemouth, Christchurch and Poole; Dorset County Council into Dorset
# Council and (Christchurch) into Bournemouth, Christchurch and Poole.
REORGANISATIONS = [
    ("2019-04-01", [835], [838, 839]),  # Dorset County Council -> Dorset, BCP
    ("2019-04-01", [836, 837], [839]),  # Poole, Bournemouth -> BCP
    ("2021-04-01", [928], [940, 941]),  # Northamptonshire -> North and West Northamptonshire
    ("2023-04-01", [909], [942, 943]),  # Cumbria -> Cumberland, Westmorland and Furness
]
# GSS codes that changed without a reorganisation: (LA number, old code, new code, first day of the new).
# The release as at 31 March 2025 still gives the old codes; the provider lookup gives the new.
CODE_CHANGES = [(370, "E08000016", "E08000038", "2025-04-01"), (373, "E08000019", "E08000039", "2025-04-01")]
# The former authorities' names as the 2023 release's Table 11 writes them, by LA number.
FORMER_2023 = {835: "Dorset", 836: "Poole", 837: "Bournemouth", 928: "Northamptonshire"}


def key(text: str) -> str:
    """A loose key for matching names across the source lists (the register's own is in authorities.py)."""
    t = text.replace("’", "'").replace("&", " and ").replace("-", " ")
    t = re.sub(r"\(pre lg\)", "", t, flags=re.I)
    t = re.sub(r"[.,']", " ", t)
    t = " ".join(t.casefold().split())
    t = re.sub(r"^city of (?!london)", "", t)
    t = re.sub(r" city of$| county of$", "", t)
    return " ".join(t.split())


def sheet(path: Path, name: str) -> list[list]:
    from python_calamine import CalamineWorkbook

    return CalamineWorkbook.from_path(str(path)).get_sheet_by_name(name).to_python()


def table(rows: list[list], first: str = "Local authority name") -> list[dict]:
    """Every row of every table in a sheet whose header row has a column named ``first``."""
    out, header = [], None
    for row in rows:
        cells = [str(c).strip() if c is not None else "" for c in row]
        if first in cells:
            header = cells
            continue
        if header and any(cells):
            out.append(dict(zip(header, row, strict=False)))
    return out


def _also_known_as(text: str) -> list[str]:
    """The lookup's "also known as" list: "[Kingston Upon Hull, Hull]". One entry holds a comma of its
    own ("[BCP, Bournemouth, Christchurch & Poole]": BCP, and the full name), so a part that is not a
    name by itself joins the one before it."""
    parts = [p.strip() for p in (text or "").strip().strip("[]").split(",") if p.strip()]
    out: list[str] = []
    for part in parts:
        if out and "&" in part:
            out[-1] = f"{out[-1]}, {part}"
        else:
            out.append(part)
    return out


def csv_rows(name: str) -> list[dict]:
    with open(LISTS / name, encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def build() -> list[dict]:
    entries: dict[int, dict] = {}
    by_key: dict[str, int] = {}

    def entry(number: int) -> dict:
        return entries.setdefault(number, {"la_number": number, "aliases": set(), "codes": []})

    def alias(number: int, name: str) -> None:
        name = " ".join(str(name).split())
        if name:
            entry(number)["aliases"].add(name)
            by_key.setdefault(key(name), number)

    # DfE numbers and names: the 2025 model (current) and the 2021 groupings (before reorganisation).
    sn2025 = csv_rows("statistical_neighbours_2025_dfe.csv")
    for row in sn2025:
        alias(int(row["old_la_code"]), row["la_name"])
    with open(LISTS / "statistical_neighbours_2021_dfe.csv", encoding="utf-8-sig", newline="") as fh:
        for row in list(csv.reader(fh))[1:]:
            if row and row[0].strip().isdigit():
                number = int(row[0])
                if "(Pre LG)" in row[1] or number not in entries:
                    alias(number, re.sub(r"\s*\(Pre LG\)", "", row[1]))
    for row in csv_rows("provider_lookup_d2i.csv"):
        number = int(row["la_code"])
        e = entry(number)
        e["urn"] = int(row["urn"]) if row["urn"].strip().isdigit() else None
        e["lookup_code"] = row["la_code_new"].strip()
        for name in (row["local_authority_ons_name"], row["ofsted_ilacs_scrape_la_name"],
                     row["ltla23nm"], row["utla23nm"]):
            if name and not name.strip().isdigit():
                alias(number, name)
        for name in _also_known_as(row["also_known_as"]):
            alias(number, name)

    # The 2025 release: canonical names, codes, regions, status.
    for sheet_name in ("Inspections_as_at_31_March", "ILACS_inspection_history", "In-year_inspections"):
        for row in table(sheet(R2025, sheet_name)):
            name = str(row["Local authority name"]).strip()
            number = by_key.get(key(name))
            if number is None:
                raise SystemExit(f"{R2025.name}: sheet {sheet_name}: '{name}' matches no DfE authority")
            e = entry(number)
            alias(number, name)
            code = str(row.get("Local authority area code") or "").strip()
            if code:
                e.setdefault("release_code", code)
            region = row.get("Ofsted region") or row.get("Region")
            if region:
                e.setdefault("region", str(region).strip())
            if sheet_name == "Inspections_as_at_31_March":
                e["name"] = name
            status = row.get("Local authority status")
            if status:
                e["status_2025"] = str(status).strip()
                e.setdefault("name_2025", name)

    # The 2023 release: every spelling; the authorities before 2019 in its second table (Table 11).
    headers = 0
    for row in sheet(R2023, "LA_inspections_2009-2023"):
        cells = [str(c).strip() for c in row]
        if len(cells) < 3 or not cells[1]:
            continue
        if cells[1] == "Local authority name":
            headers += 1
            continue
        if not headers:
            continue
        name, region = cells[1], cells[2]
        if headers >= 2:
            number = next(n for n, former in FORMER_2023.items() if former == name)
        else:
            number = by_key.get(key(name))
        if number is None:
            raise SystemExit(f"{R2023.name}: LA_inspections_2009-2023: '{name}' matches no DfE authority")
        alias(number, name)
        entries[number].setdefault("region_2023", region)
    for sheet_name in ("LA_level_at_31_Mar_2023", "LA_level_in_year_2022-23", "Latest_OE_31_Mar_Time_Series",
                       "In_Year_Time_series"):
        try:
            rows = table(sheet(R2023, sheet_name))
        except Exception:  # a sheet without that column heading
            continue
        for row in rows:
            name = str(row.get("Local authority name") or "").strip()
            number = by_key.get(key(name)) if name else None
            if number is not None:
                alias(number, name)
            if number is not None and row.get("Ofsted region"):
                entries[number].setdefault("region_2023", str(row["Ofsted region"]).strip())

    return finish(entries, sn2025)


def finish(entries: dict[int, dict], sn2025: list[dict]) -> list[dict]:
    successor_of: dict[int, list[int]] = defaultdict(list)
    predecessor_of: dict[int, list[int]] = defaultdict(list)
    began: dict[int, str] = {}
    ended: dict[int, str] = {}
    for day, before, after in REORGANISATIONS:
        last = date.fromisoformat(day).toordinal() - 1
        for old in before:
            ended[old] = date.fromordinal(last).isoformat()
            successor_of[old] = list(after)
        for new in after:
            began[new] = day
            predecessor_of[new] = sorted({*predecessor_of[new], *before})
    neighbours = {int(r["old_la_code"]): [(int(r[f"SN_{i}"]), i, r[f"SN_{i}P"].strip()) for i in range(1, 11)]
                  for r in sn2025}
    current = {int(r["old_la_code"]) for r in sn2025}
    keep = current | set(ended)
    out = []
    for number in sorted(keep):
        e = entries[number]
        name = e.get("name") or e.get("name_2025") or FORMER_2023.get(number) or sorted(e["aliases"])[0]
        if number == 835:  # the releases call it Dorset, like today's council: it is named by its title, so
            # that no table names two authorities alike ("Dorset" stays an alias, read by the date)
            e["aliases"].add(name)
            name = "Dorset County Council"
        codes = []
        release_code = e.get("release_code")
        lookup_code = e.get("lookup_code")
        change = next((c for c in CODE_CHANGES if c[0] == number), None)
        if change:
            _, old, new, day = change
            codes = [{"code": old, "start": None, "end": _day_before(day)}, {"code": new, "start": day, "end": None}]
        else:
            for code in dict.fromkeys(c for c in (release_code, lookup_code) if c):
                codes.append({"code": code, "start": began.get(number), "end": ended.get(number)})
        region = e.get("region") or _ofsted_region(e.get("region_2023"))
        out.append({
            "slug": slug(name),
            "name": name,
            "la_number": number,
            "codes": codes,
            "urn": e.get("urn"),
            "region": region,
            "current": number in current,
            "started": began.get(number),
            "ended": ended.get(number),
            "successors": successor_of.get(number, []),
            "predecessors": predecessor_of.get(number, []),
            "neighbours": [{"la_number": n, "rank": i, "closeness": c} for n, i, c in neighbours.get(number, [])],
            "aliases": sorted(a for a in e["aliases"] if a != name),
        })
    by_number = {a["la_number"]: a["slug"] for a in out}
    for a in out:
        a["successors"] = [by_number[n] for n in a["successors"]]
        a["predecessors"] = [by_number[n] for n in a["predecessors"]]
        a["neighbours"] = [{"slug": by_number[n.pop("la_number")], **n} for n in a["neighbours"]]
    return out


def _day_before(day: str) -> str:
    return date.fromordinal(date.fromisoformat(day).toordinal() - 1).isoformat()


def _ofsted_region(region_2023: str | None) -> str | None:
    if region_2023 is None:
        return None
    return region_2023.replace("Yorkshire and The Humber", "Yorkshire and the Humber")


def slug(name: str) -> str:
    t = name.replace("’", "'").replace("&", " and ")
    return re.sub(r"[^a-z0-9]+", "-", t.casefold().replace("'", "")).strip("-")


# Where each fact of the register comes from (the module's docstring says it at length). Records take
# their authorities' LA numbers and GSS codes from here: no report gives them, and of the releases only
# the 2025 one gives GSS codes (its "Local authority area code"), never LA numbers.
FACTS_FROM = {
    "name": f"Ofsted, {R2025.name} (the canonical name); every other spelling of both releases and the lists",
    "la_number": "DfE statistical neighbour model 2025 (statistical_neighbours_2025_dfe.csv); authorities before "
                 "reorganisation: DfE groupings 2021 (statistical_neighbours_2021_dfe.csv)",
    "codes": f"Ofsted, {R2025.name} (column 'Local authority area code'); codes in use after 2025 and of "
             "authorities before reorganisation: Data to Insight's provider lookup (provider_lookup_d2i.csv)",
    "region": f"Ofsted, {R2025.name}; authorities before 2019: {R2023.name}",
    "neighbours": "DfE statistical neighbour model 2025 (statistical_neighbours_2025_dfe.csv)",
    "urn": "Data to Insight's provider lookup (provider_lookup_d2i.csv)",
}


def render(register: list[dict]) -> str:
    return json.dumps({"built_from": [R2025.name, R2023.name, *sorted(p.name for p in LISTS.glob("*.csv"))],
                       "facts_from": FACTS_FROM, "authorities": register},
                      indent=1, ensure_ascii=False, default=_json) + "\n"


def _json(value):
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    raise TypeError(type(value))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="compare with the committed register")
    args = parser.parse_args()
    if not SHARED.exists():
        print(f"{SHARED}: not found; the register is built from the lists there", file=sys.stderr)
        return 2
    text = render(build())
    if args.check:
        same = OUT.exists() and OUT.read_text(encoding="utf-8") == text
        if not same:
            print(f"{OUT}: differs from what tools/build_register.py builds", file=sys.stderr)
        return 0 if same else 1
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT} ({text.count(chr(10))} lines)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
