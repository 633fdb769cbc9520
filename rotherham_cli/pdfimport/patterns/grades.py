"""Grades and judgement areas in a report's words, matched with the vocabulary's wordings."""

from __future__ import annotations

import re

from ... import vocab
from ...vocab import FRAMEWORKS, KINDS, Area, Framework, Grade, Kind

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
