"""What a report's words say: grades and judgement areas (matched with the vocabulary's wordings), dates,
the title and the authority, the lead inspector, the recommendations."""

from __future__ import annotations

import re
from datetime import date

from .. import vocab
from ..vocab import FRAMEWORKS, KINDS, Area, Framework, Grade, Kind
from ..words import MONTH_NAMES, month_number
from .text import _FOOTNOTE_MARK_RE, _Document, _join, _plain

# --------------------------------------------------------------------------------------------
# Grades and judgement areas, matched with the vocabulary's wordings
# --------------------------------------------------------------------------------------------

_GRADE_MAX_WORDS = max(len(g.label.split()) for g in Grade)


def _grade_at(text: str, pos: int, lead: str = "") -> Grade | None:
    """The grade whose words start at ``pos`` (longest wording first), or None."""
    # A word may carry a footnote mark after its full stop ("improvement.2").
    words = [re.sub(r"[.,;:]\d{0,2}$", "", w).strip(".,;:")
             for w in text[pos:].split(None, _GRADE_MAX_WORDS)[:_GRADE_MAX_WORDS]]
    if lead:
        words = [lead, *words]
    for n in range(len(words), 0, -1):
        try:
            return vocab.parse_grade(" ".join(words[:n]))
        except vocab.VocabularyError:
            continue
    return None


def _words_re(wording: str) -> str:
    """A wording as a pattern: its words in any case, across line breaks."""
    return r"\s+".join(re.escape(word) for word in wording.split())


def _table_grades(front: str, framework: Framework) -> dict[Area, Grade]:
    """Each area of a framework whose official wording is followed directly by a grade."""
    found: dict[Area, Grade] = {}
    for area, wording in FRAMEWORKS[framework].areas.items():
        # The wording, not inside a longer word, then whitespace; the grade must follow at once, so
        # "...children in care" does not read the row "...children in care and care leavers".
        pattern = re.compile(rf"(?<![\w-]){_words_re(wording)}\s+", re.IGNORECASE)
        for match in pattern.finditer(front):
            grade = _grade_at(front, match.end())
            if grade is not None:
                found[area] = grade
                break
    return found


# The frameworks whose reports this module reads: those of SIF and ILACS inspections.
_SIF_FRAMEWORKS = KINDS[Kind.SIF_INSPECTION].frameworks
_ILACS_FRAMEWORKS = KINDS[Kind.ILACS_STANDARD].frameworks
_READ_FRAMEWORKS = (*_SIF_FRAMEWORKS, *_ILACS_FRAMEWORKS)


def _best_framework(tables: dict[Framework, dict[Area, Grade]]) -> Framework | None:
    """The framework whose wordings the judgement table uses: most areas found, fewest of its own missing."""

    def score(fw: Framework) -> tuple[int, int]:
        return len(tables[fw]), -len(set(FRAMEWORKS[fw].areas) - set(tables[fw]))

    best = max(tables, key=score)
    return best if tables[best] else None


# SIF front page, the overall judgement as a sentence:
#   "The overall judgement is that children's services are inadequate"
#   "The overall judgement is Inadequate"
#   "Children's services in Rotherham are good"
#   "Children's services in West Sussex County Council require improvement to be good"
# The verb "require(s)" belongs to the grade's wording, so it is handed to the grade reader.
_SIF_OVERALL_RE = re.compile(
    r"(?:overall\s+judgement\s+is(?:\s+that\s+children['’]s\s+services?\s+(?P<verb1>are|is|requires?))?"
    r"|children['’]s\s+services?\s+in\s+[^.]{1,100}?\s+(?P<verb2>are|is|requires?)"
    r"|children['’]s\s+services?\s+(?P<verb3>are|is|requires?))\s+",
    re.IGNORECASE,
)


def _sif_overall(front: str) -> Grade | None:
    for match in _SIF_OVERALL_RE.finditer(front):
        verb = (match["verb1"] or match["verb2"] or match["verb3"] or "").lower()
        grade = _grade_at(front, match.end(), lead="requires" if verb.startswith("require") else "")
        if grade is not None:
            return grade
    return None


# A numbered heading of a SIF report ("1. Children who need help and protection", "2.1 Adoption
# performance"): the number, then the heading's words.
_NUMBERED_HEADING_RE = re.compile(r"^\d(?:\.\d)?\.?\s+(?P<rest>\S.*)$")


def _whole_grade(parts: list[str]) -> Grade | None:
    """The grade that these lines are, whole and nothing else ("Requires" "improvement"), else None."""
    text = " ".join(" ".join(parts).split()).rstrip(".")
    try:
        return vocab.parse_grade(text) if text else None
    except vocab.VocabularyError:
        return None


def _sif_numbered_headings(lines: list[str]) -> dict[Area, Grade]:
    """SIF judgements listed as numbered headings rather than a table on the first page: each heading
    is an area's official wording ("1. Children who need help and protection"), wrapped over at most two
    lines, and its grade is the rest of that line or the line(s) after it, whole ("Require improvement").
    A heading followed by anything but a grade gives nothing; an area given two grades is left out."""
    areas = {area: re.compile(rf"{_words_re(wording)}\s*:?\s*(?P<tail>.*)$", re.IGNORECASE)
             for area, wording in FRAMEWORKS[Framework.SIF].areas.items()
             if area not in (Area.OVERALL_EFFECTIVENESS, Area.LSCB)}  # these two are sentences
    found: dict[Area, set[Grade]] = {}
    for i, line in enumerate(lines):
        numbered = _NUMBERED_HEADING_RE.match(line)
        if numbered is None:
            continue
        for wrapped in (0, 1):
            heading = " ".join([numbered["rest"], *lines[i + 1:i + 1 + wrapped]])
            for area, pattern in areas.items():
                m = pattern.match(heading)
                if m is None:
                    continue
                after = ([m["tail"]] if m["tail"] else []) + lines[i + 1 + wrapped:i + 4 + wrapped]
                grade = next((g for n in (1, 2, 3) if (g := _whole_grade(after[:n])) is not None), None)
                if grade is not None:
                    found.setdefault(area, set()).add(grade)
    return {area: grades.pop() for area, grades in found.items() if len(grades) == 1}


def _lscb_re() -> re.Pattern[str]:
    # The LSCB's judgement as a sentence at a line start, on the front page or heading its section:
    #   "The effectiveness of the Local Safeguarding Children Board (LSCB) is inadequate"
    #   "The Local Safeguarding Children Board is inadequate" / "... (LSCB) is good"
    #   "The Local Safeguarding Children Board requires improvement"  ("requires" is the grade's)
    #   "The effectiveness of the LSCB is inadequate"
    # The board's name comes from the vocabulary's wording "The effectiveness of the <board>".
    wording = FRAMEWORKS[Framework.SIF].areas[Area.LSCB]
    board = wording.split(" of the ", 1)[1]
    return re.compile(
        rf"^The\s+(?:effectiveness\s+of\s+the\s+)?(?:{_words_re(board)}|LSCB)(?:\s*\(LSCB\))?"
        r"\s+(?P<verb>is|requires)\s+",
        re.IGNORECASE | re.MULTILINE,
    )


_LSCB_RE = _lscb_re()


def _sif_lscb(text: str) -> Grade | None:
    for match in _LSCB_RE.finditer(text):
        grade = _grade_at(text, match.end(), lead="requires" if match["verb"].lower() == "requires" else "")
        if grade is not None:
            return grade
    return None


def _previous_sif_overall(text: str) -> Grade | None:
    """The previous inspection's overall effectiveness where the report lists a previous SIF judgement.

    SIF reports summarise the last inspection: "The judgements for the local authority were:
    − Overall effectiveness: inadequate − Children who need help and protection: inadequate ...".
    """
    sif = FRAMEWORKS[Framework.SIF].areas
    # "judgements for the local authority were:", an optional bullet, "<overall wording>:", then the grade.
    pattern = re.compile(
        rf"judgements\s+for\s+the\s+local\s+authority\s+were:\s*\W?\s*"
        rf"{_words_re(sif[Area.OVERALL_EFFECTIVENESS])}:\s*",
        re.IGNORECASE,
    )
    # The list is a SIF one when the next item is SIF's help-and-protection wording with a colon.
    next_item = re.compile(rf"{_words_re(sif[Area.HELP_AND_PROTECTION])}:", re.IGNORECASE)
    for match in pattern.finditer(text):
        grade = _grade_at(text, match.end())
        if grade is not None and next_item.search(text, match.end(), match.end() + 200):
            return grade
    return None


# --------------------------------------------------------------------------------------------
# Dates
# --------------------------------------------------------------------------------------------

# English month names as the reports print them (not calendar.month_name, which follows the locale).
_MONTH = "|".join(MONTH_NAMES)
_DASH = r"(?:to|[-‐‑–—−])"  # "to", hyphen, hyphens, en dash, em dash, minus
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"

# "Inspection date(s): 16 September – 8 October 2014", "18 March 2014 – 09 April 2014", "2 to 6 December
# 2024", "11 – 22 July 2022", "28 November to 2 December 2022"; the first month and year may be left
# out when the last day's are the same. A single day ("Inspection date: 4 March 2015") is read too.
# Some SIF reports write days as numbers: "Inspection date: 12/09/2016 to 06/10/2016".
_NUMERIC = r"(?P<{0}d>\d{{1,2}})/(?P<{0}m>\d{{1,2}})/(?P<{0}y>\d{{4}})"
_NUMERIC_DATES_RE = re.compile(
    rf"Inspection\s+dates?\s*:\s*{_NUMERIC.format('a')}(?:\s*{_DASH}\s*{_NUMERIC.format('b')})?", re.IGNORECASE
)
# The label of the publication date, as reports print it: "Report published: ...", "Published: ...",
# "Report published on ...", "Publication date: ...", "Date of publication: ..." (a bare "published"
# without a colon is prose, not a label).
_PUBLISHED_LABEL = (r"(?:Report\s+published(?:\s+on)?\s*:?|Published\s*:|Publication\s+date\s*:?"
                    r"|Date\s+(?:of\s+publication|published)\s*:?)\s*")
_NUMERIC_PUBLISHED_RE = re.compile(rf"{_PUBLISHED_LABEL}{_NUMERIC.format('a')}", re.IGNORECASE)
_INSPECTION_DATES_RE = re.compile(
    rf"Inspection\s+dates?\s*:\s*"
    rf"(?P<d1>{_DAY})(?:\s+(?P<m1>{_MONTH}))?(?:\s+(?P<y1>\d{{4}}))?"
    rf"(?:\s*{_DASH}\s*(?P<d2>{_DAY})\s+(?P<m2>{_MONTH})\s+(?P<y2>\d{{4}}))?",
    re.IGNORECASE,
)
# "Report published: 19 November 2014", "Report published: Wednesday 19th November, 2014", "Published:
# 19 Nov 2014" (a month's first three letters, or "Sept", with or without a full stop).
_WEEKDAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+"
_MONTH_OR_SHORT = rf"{_MONTH}|Sept|(?:{'|'.join(name[:3] for name in MONTH_NAMES)})(?![a-z])"
_PUBLISHED_RE = re.compile(
    rf"{_PUBLISHED_LABEL}(?:{_WEEKDAY})?(?P<d>{_DAY})\s+(?P<m>{_MONTH_OR_SHORT})\.?,?\s+(?P<y>\d{{4}})",
    re.IGNORECASE,
)


_SHORT_MONTHS = {name[:3].lower(): n for n, name in enumerate(MONTH_NAMES, start=1)} | {"sept": 9}


def _day(day: str, month: str, year: str | int) -> date:
    number = month_number(month) or _SHORT_MONTHS.get(month.lower(), 0)
    return date(int(year), number, int(re.sub(r"\D", "", day)))


def _inspection_dates(front: str) -> tuple[date | None, date | None, str | None]:
    """(start, end, problem): the days on site as the first page prints them."""
    n = _NUMERIC_DATES_RE.search(front)
    if n is not None:
        try:
            start = date(int(n["ay"]), int(n["am"]), int(n["ad"]))
            end = date(int(n["by"]), int(n["bm"]), int(n["bd"])) if n["bd"] else start
        except ValueError:
            return None, None, f"'{n.group(0)}' is not a real date range"
        return (start, end, None) if start <= end else (None, None, f"'{n.group(0)}' ends before it starts")
    m = _INSPECTION_DATES_RE.search(front)
    if m is None:
        return None, None, "no 'Inspection dates:' line on the first page"
    try:
        if m["d2"] is None:  # a single day
            if not (m["m1"] and m["y1"]):
                return None, None, f"cannot read the dates in '{m.group(0)}'"
            one = _day(m["d1"], m["m1"], m["y1"])
            return one, one, None
        end = _day(m["d2"], m["m2"], m["y2"])
        start = _day(m["d1"], m["m1"] or m["m2"], m["y1"] or m["y2"])
        if m["y1"] is None and start > end:  # "28 December to 3 January 2020"
            start = start.replace(year=start.year - 1)
    except ValueError:
        return None, None, f"'{m.group(0)}' is not a real date range"
    if end < start:
        return None, None, f"'{m.group(0)}' ends before it starts"
    return start, end, None


# A visit on site in blocks: "Inspection dates: 30 September to 11 October 2024 and 13 to 16 January 2025"
# (Devon), "5 to 9 December 2022 and 14 to 15 February 2023" (South Tyneside): the blocks after the first.
_LATER_BLOCK_RE = re.compile(
    rf"\s*(?:,|and)\s+(?P<d1>{_DAY})(?:\s+(?P<m1>{_MONTH}))?(?:\s+(?P<y1>\d{{4}}))?"
    rf"\s*{_DASH}\s*(?P<d2>{_DAY})\s+(?P<m2>{_MONTH})\s+(?P<y2>\d{{4}})",
    re.IGNORECASE,
)


def _later_blocks(front: str, end: date) -> list[tuple[date, date]]:
    """The blocks on site after the first, where the dates line gives more than one, each after the last."""
    m = _INSPECTION_DATES_RE.search(front)
    if m is None or m["d2"] is None:
        return []
    out: list[tuple[date, date]] = []
    pos = m.end()
    while (b := _LATER_BLOCK_RE.match(front, pos)) is not None:
        try:
            last = _day(b["d2"], b["m2"], b["y2"])
            first = _day(b["d1"], b["m1"] or b["m2"], b["y1"] or b["y2"])
        except ValueError:
            break
        if not end < first <= last:
            break
        out.append((first, last))
        end, pos = last, b.end()
    return out


def _published(front: str) -> date | None:
    n = _NUMERIC_PUBLISHED_RE.search(front)
    if n is not None:
        try:
            return date(int(n["ay"]), int(n["am"]), int(n["ad"]))
        except ValueError:
            return None
    m = _PUBLISHED_RE.search(front)
    if m is None:
        return None
    try:
        return _day(m["d"], m["m"], m["y"])
    except ValueError:
        return None


# --------------------------------------------------------------------------------------------
# Title, authority, inspector
# --------------------------------------------------------------------------------------------

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


# --------------------------------------------------------------------------------------------
# Recommendations
# --------------------------------------------------------------------------------------------

# The heading of the local authority's recommendations: SIF "What does the local authority need to
# improve?" (later SIF reports: "Recommendations"), ILACS "What needs to improve?" (or with a colon, or a
# footnote mark: "What needs to improve?1"). A whole line, so an entry of the contents page
# ("Recommendations 8") is not taken for it; where a contents entry still looks like the heading, the
# first heading followed by a list is the one read.
_RECOMMENDATIONS_RE = re.compile(
    r"^(?:What does the local authority need to improve|What needs to improve|Recommendations)\s*(?:[?:]\d?)?$",
    re.IGNORECASE,
)
_NUMBERED_RE = re.compile(r"^(?P<n>\d{1,3})\.\s+(?P<text>\S.*)$")  # "12. Ensure that ..." (not a year)
_BULLET_RE = re.compile(r"^[•▪■◼●\uf06e\uf0a7\uf0b7]\s*(?P<text>\S.*)$")  # "◼ The quality of ..."
# The end of an item's sentence, or of the reference printed after it: "(National Framework, Outcome 2)",
# "(Enabler 2: Leaders drive conditions for effective practice)".
_SENTENCE_END_RE = re.compile(r"(?:[.!?][’')\"]?|\))$")
# Sections that follow the recommendations in the templates, for reports without a contents page.
_SECTIONS_AFTER = {
    _plain(s)
    for s in (
        "The local authority’s strengths",
        # SIF reports of 2014 number their strengths on from the list of what to improve
        # (Barnsley, Buckinghamshire, Newham): a list of strengths ends the recommendations.
        "The local authority has the following strengths:",
        "The local authority has the following strengths",
        "Information about this inspection",
        "Information about this local authority area",
        "Summary for children and young people",
    )
}


def _recommendations(doc: _Document) -> list[str] | None:
    """The recommendations to the local authority as plain strings; None when there is no such section."""
    starts = [i for i, line in enumerate(doc.lines) if _RECOMMENDATIONS_RE.match(line)]
    if not starts:
        return None
    lists = (_list_after(doc, start) for start in starts)
    return next((items for items in lists if items), [])


def _list_after(doc: _Document, start: int) -> list[str]:
    """The numbered or bulleted list that follows the heading at line `start`."""
    stops = doc.headings | _SECTIONS_AFTER
    items: list[list[str]] = []
    style = None  # "numbered" or "bullets", set by the first item
    number = 0
    for line in doc.lines[start + 1 :]:
        if _plain(line) in stops or _opens_judgement_section(line):
            break
        numbered, bullet = _NUMBERED_RE.match(line), _BULLET_RE.match(line)
        if numbered and style != "bullets" and (style is None or int(numbered["n"]) == number + 1):
            style, number = "numbered", int(numbered["n"])
            items.append([numbered["text"]])
        elif bullet and style != "numbered":
            style = "bullets"
            items.append([bullet["text"]])
        elif numbered or bullet:
            break  # a list of the other kind, or numbering that does not follow on: the section is over
        elif items:
            items[-1].append(line)
    return [_join(_without_trailing_headings(item)) for item in items]


def _opens_judgement_section(line: str) -> bool:
    """Whether a line opens the section of an ILACS judgement area ("The experiences and progress of
    children who need help and / protection: outstanding"), which follows the list of what needs to
    improve: the line is the start of an area's official wording (four words at least), however the
    heading wraps, or the whole wording and its grade."""
    words = _plain(line).casefold().split()
    if len(words) < 4:
        return False
    text = " ".join(words)
    return any(w.startswith(text) or text.startswith(w + ":") for w in _ILACS_AREA_WORDINGS)


# The ILACS judgement headings ("The impact of leaders on ...", "The experiences and progress of ...").
_ILACS_AREA_WORDINGS = tuple(sorted({
    w.casefold() for fw in (Framework.ILACS, Framework.ILACS_2023, Framework.ILACS_2026)
    for w in FRAMEWORKS[fw].areas.values() if len(w.split()) >= 4
}))


def _without_trailing_headings(lines: list[str]) -> list[str]:
    """An item's lines without the subheadings printed after it ("Areas for improvement", ...).

    Subheadings are the last lines of the item's text when none of them ends a sentence but the line
    before them does.
    """
    end = len(lines)
    while end > 1 and not _SENTENCE_END_RE.search(lines[end - 1]):
        end -= 1
    if end < len(lines) and _SENTENCE_END_RE.search(lines[end - 1]):
        return lines[:end]
    return lines
