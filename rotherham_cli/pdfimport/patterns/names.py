"""Title, authority, inspector: a report's title and authority, its team and lead inspectors, and
whether a document looks like a report at all."""

from __future__ import annotations

import re

from ..text import _FOOTNOTE_MARK_RE, _Document, _join
from .dates import _INSPECTION_DATES_RE

_NAME_CHARS = r"[A-Za-z ,.&'’()-]"
# ILACS since 2020: "Inspection of Rotherham Metropolitan Borough Council local authority children's
# services" (wrapped over lines). A name holds no digits, so a running header with dates is passed over.
_TITLE_WITH_NAME_RE = re.compile(
    rf"\b(?:Re-)?[Ii]nspection\s+of\s+(?!local\s+authority\b)(?P<name>[A-Z]{_NAME_CHARS}{{1,80}}?)"
    r"(?:\s+local\s+authority)?\s+children['’]s\s+services"
)
# SIF and early ILACS: a title that does not name the authority, printed under the authority's name:
# "Inspection of services for children in need of help and protection...", "Re-inspection of services...",
# "Inspection of children's social care services", "Inspection of local authority children's services".
_GENERIC_TITLE_RE = re.compile(
    r"^(?:Re-?[Ii]|I|i)nspection of (?:services for children|children['’]s social care services"
    r"|local authority children['’]s (?:social care )?services|looked after children\b)"
)
# A review of the LSCB published on its own (2015), without an inspection of the authority's services.
_LSCB_ONLY_RE = re.compile(r"^[^.]{0,120}?Review\s+of\s+the\s+effectiveness\s+of\s+the\s+Local\s+Safeguarding",
                           re.IGNORECASE)
# A targeted inspection of looked after children's services (TLAC, 2012-2013): one graded judgement.
_TLAC_TITLE_RE = re.compile(r"^Inspection of looked after children\b", re.IGNORECASE)
_TLAC_GRADE_RE = re.compile(
    r"Overall\s+effectiveness\s+of\s+services\s+for\s+looked\s+after\s+children\s+and\s+young\s+people\s+"
    r"Grade\s+\d\s+\((?P<grade>[A-Za-z ]+)\)", re.IGNORECASE)
_ANY_TITLE_RE = re.compile(r"^(?:Re-?[Ii]|I)nspection\s+of\s+\S")
_NAME_LINE_RE = re.compile(rf"^[A-Z]{_NAME_CHARS}{{1,80}}$")
_DATES_LINE_RE = re.compile(r"^Inspection\s+dates?\s*:", re.IGNORECASE)

# How far into the front page the authority's name is looked for (it is printed first, with the title).
_NAME_SPAN = 600


def _title_and_name(doc: _Document) -> tuple[str | None, str | None]:
    """(title, the authority's name as printed) from the first page."""
    lines = doc.front_lines
    for index, line in enumerate(lines):
        if _GENERIC_TITLE_RE.match(line):
            end = index + 1
            while end < len(lines) and end < index + 6 and not _DATES_LINE_RE.match(lines[end]):
                end += 1
            title = _FOOTNOTE_MARK_RE.sub("", _join(lines[index:end]))
            above = lines[index - 1] if index else ""
            return title, (above if _NAME_LINE_RE.match(above) else None)
    m = _TITLE_WITH_NAME_RE.search(doc.front)
    if m:
        return " ".join(m.group(0).split()), m["name"]
    # Any other title line above the dates ("Inspection of Bradford Children and Families Trust",
    # "Inspection of the Isle of Wight local authority children's services"): the lines down to the dates.
    for index, line in enumerate(lines):
        if _DATES_LINE_RE.match(line):
            break
        if _ANY_TITLE_RE.match(line):
            end = index + 1
            while end < len(lines) and end < index + 4 and not _DATES_LINE_RE.match(lines[end]):
                end += 1
            return _FOOTNOTE_MARK_RE.sub("", _join(lines[index:end])), None
    return None, None


# "Lead inspector: Neil Penswick, Her Majesty's Inspector", "Lead inspector: Marie McGuinness Senior HMI",
# "Lead inspector: Helen Cawston HMI.", "Lead inspector on site: ...", and two leads: "Lead inspectors:
# Rebecca Quested, His Majesty's Inspector, and Matthew Reed," / "His Majesty's Inspector" (at a line
# start, so "Deputy lead inspector:" is not read; a line ending with a comma runs on to the next).
_LEAD_RE = re.compile(
    r"^(?:Lead\s+inspectors?(?:\s+on\s+site)?\s*:|Reporting\s+inspector\s*:?)\s*(?P<name>.+(?:,\n.+)?)$",
    re.IGNORECASE | re.MULTILINE,
)
# An inspector's title: "(Senior) HMI", "Her/His Majesty's Inspector", "Additional/Contracted/Seconded/
# Ofsted Inspector".
_TITLE = (r"(?:(?:Senior\s+)?HMI\b|(?:Her|His)\s+Majesty['’]s\s+Inspector"
          r"|(?:Additional|Contracted|Seconded|Ofsted)\s+Inspector)")
# A piece of a list of leads that is a title alone ("His Majesty's Inspector", "Senior HMI").
_TITLE_ALONE_RE = re.compile(rf"^{_TITLE}\W*$", re.IGNORECASE)
# What follows the name: a comma and a title, or a title.
_INSPECTOR_TITLE_RE = re.compile(rf"\s*(?:,.*|\s{_TITLE}.*)$", re.IGNORECASE)


# The rest of a SIF report's team, under "The inspection team" after the lead: "Deputy lead inspector:
# Tracey Metcalfe", "Team inspectors: Brendan Parkinson, ... Paula Thomson-" / "Jones, ...", "Quality
# assurance manager: Carolyn Adcock". Roles as the report words them, singular.
_TEAM_ROLE_RE = re.compile(
    r"^(?P<role>Deputy\s+lead\s+inspector|Team\s+inspectors?|Shadow\s+inspectors?|Quality\s+assurance\s+manager)"
    r"\s*:\s*(?P<names>.+?)(?=^[A-Z][A-Za-z ]{2,40}:|\Z)",
    re.MULTILINE | re.DOTALL,
)


def _team(text: str) -> list[tuple[str, str]]:
    """The SIF inspection team after its lead, as (name, role), in the report's order."""
    start = text.find("The inspection team\n")
    if start < 0:
        return []
    section = text[start: start + 1500]
    out: list[tuple[str, str]] = []
    for m in _TEAM_ROLE_RE.finditer(section):
        role = " ".join(m["role"].split()).lower()
        role = role[:-1] if role.endswith("inspectors") else role
        lines = m["names"].split("\n")
        taken = [lines[0]]
        for line in lines[1:]:  # a list runs on only where its line ends with a comma or a hyphen
            if not taken[-1].rstrip().endswith((",", "-")):
                break
            taken.append(line)
        names = re.sub(r"-\n(?=[A-Z])", "-", "\n".join(taken)).replace("\n", " ")
        for name in re.split(r",|\s+and\s+|\)\s+(?=[A-Z])", names):
            name = _clean_name(name)
            if name and len(name.split()) >= 2:  # a lone word is a fragment of a wrapped line or a title
                out.append((name, role))
    return out


def _clean_name(text: str) -> str | None:
    """An inspector's name without the title or role printed after it ("(HMI)", ", Her Majesty's
    Inspector", "Senior HMI"), or None where no name is left."""
    name = re.sub(r"\s*\([^)]*\)?", "", " ".join(text.split()))
    name = _INSPECTOR_TITLE_RE.sub("", name).strip(" .")
    return name if re.search(r"[A-Za-z]{2}", name) and len(name) <= 60 else None


def _lead_inspectors(text: str) -> list[str]:
    """The lead inspector, or both where a report names two, without their titles."""
    m = _LEAD_RE.search(text)
    if not m:
        return []
    pieces = re.split(r",\s*(?:and\s+)?|\s+and\s+", " ".join(m["name"].split()))
    names = (_clean_name(p) for p in pieces if p.strip() and not _TITLE_ALONE_RE.match(p.strip()))
    return [n for n in names if n]


def _looks_like_report(doc: _Document) -> bool:
    """A first page with an inspection title or an 'Inspection dates' line, about children's services."""
    has_title = any(_GENERIC_TITLE_RE.match(line) for line in doc.front_lines) or bool(
        _TITLE_WITH_NAME_RE.search(doc.front)
    )
    has_dates = bool(_INSPECTION_DATES_RE.search(doc.front))
    return (has_title or has_dates) and "children" in doc.front.lower()
