"""Read an area SEND inspection report (Ofsted and CQC, framework of January 2023) into a draft record.

The reader relies on the structure of the joint reports' template, never on a particular file:

- the first page: "Area SEND inspection of <area> Local Area Partnership", "Inspection dates: 4 December
  2023 to 8 December 2023", and under "Inspection outcome" a paragraph that opens with one of the three
  outcomes' official words (matched with the vocabulary's key words, :data:`vocab.SEND_OUTCOME_KEY_WORDS`);
- "Areas for priority action" (significant concerns only): a table of the responsible body and each area;
- "Areas for improvement": paragraphs (or a numbered list), each with any bullets it introduces;
- "Inspection team": two columns, Ofsted's inspectors and the Care Quality Commission's, which the text
  layer prints row by row ("Sam Hainey, Ofsted Lead Inspector Lesley Perry, CQC Lead Inspector").

The reports print no publication date: the draft says so, and a build takes it from the report's listing.
Anything not found is left out of the draft and named in :attr:`ImportedReport.missing`.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from .. import vocab
from ..authorities import name_in_text
from ..identity import record_id
from ..vocab import Framework, Inspectorate, Kind, SendOutcome
from .model import PUBLISHER, SOURCE_ID, ImportedReport
from .patterns import _BULLET_RE, _inspection_dates
from .reader import Reading, authority_fields
from .text import _Document, _join

KIND = Kind.AREA_SEND
FRAMEWORK = Framework.AREA_SEND_2023
SEND_PUBLISHER = f"{PUBLISHER} and the Care Quality Commission"

_TITLE_RE = re.compile(
    r"Area\s+SEND\s+inspection\s+of\s+(?:the\s+)?(?P<name>[A-Z][^:\d]{1,80}?)\s+Local\s+Area\s+Partnership",
    re.IGNORECASE,
)
# A running header glued to the end of a line by the text layer: "...Ofsted inspectorArea SEND inspection
# report: Bexley Local Area Partnership" (with or without "Area SEND", dates and page number after it).
_GLUED_HEADER_RE = re.compile(r"\s*(?:Area\s+SEND\s+)?Inspection\s+report:.*$", re.IGNORECASE)
_NUMBERED_RE = re.compile(r"^\d{1,2}\.\s+(?P<text>\S.*)$")


def is_area_send(doc: _Document) -> bool:
    """Whether a report's first page is that of an area SEND inspection."""
    return _TITLE_RE.search(doc.front) is not None


# ---- the outcome ----------------------------------------------------------------------------


def read_outcome(doc: _Document) -> Reading[SendOutcome]:
    """The outcome: the one outcome whose key words the paragraph under "Inspection outcome" holds."""
    at = doc.front.find("Inspection outcome")
    if at < 0:
        return Reading(missing=("outcome: no 'Inspection outcome' paragraph on the first page",))
    paragraph = vocab.folded(doc.front[at: at + 700])
    found = [o for o, words in vocab.SEND_OUTCOME_KEY_WORDS.items() if vocab.folded(words) in paragraph]
    if len(found) != 1:
        said = "none" if not found else " and ".join(o.value for o in found)
        return Reading(missing=(f"outcome: the 'Inspection outcome' paragraph gives {said} of the three "
                                "outcomes' words",))
    return Reading(found[0])


# ---- sections -------------------------------------------------------------------------------


def _clean(line: str) -> str:
    return _GLUED_HEADER_RE.sub("", line).strip()


def _section(doc: _Document, heading: re.Pattern[str], ends: re.Pattern[str]) -> list[str] | None:
    """The lines after the first line matching ``heading`` up to one matching ``ends`` (None: no heading)."""
    lines = [_clean(line) for line in doc.lines]
    starts = [i for i, line in enumerate(lines) if heading.match(line)]
    if not starts:
        return None
    out = []
    for line in lines[starts[0] + 1:]:
        if ends.match(line):
            break
        if line:
            out.append(line)
    return out


_IMPROVEMENT_RE = re.compile(r"^Areas\s+for\s+improvement$", re.IGNORECASE)
_DETAILS_RE = re.compile(r"^(?:Local\s+area\s+partnership\s+details|Information\s+about\s+this\s+inspection)",
                         re.IGNORECASE)
_PRIORITY_RE = re.compile(r"^Responsible\s+bod(?:y|ies)\s+Areas?\s+for\s+priority\s+action$", re.IGNORECASE)
_SENTENCE_END_RE = re.compile(r"[.!?][’')\"]?$")


def _paragraphs(lines: list[str]) -> list[str]:
    """Items of a section. The text layer keeps no paragraph spacing, so an item is told by its lines: a new
    item starts at a numbered line, or at a line opening with a capital letter after a line that ends a
    sentence, except where that line runs to the section's full width and the next opens by referring back
    ("This means ...", "They should also ..."): a sentence that ended at a line's end, in the same item.
    A bullet belongs to the item that introduces it."""
    widths = [len(line) for line in lines if not _BULLET_RE.match(line)]
    full = _FULL_SHARE * max(widths, default=0)
    items: list[list[str]] = []
    for line in lines:
        numbered, bullet = _NUMBERED_RE.match(line), _BULLET_RE.match(line)
        if bullet:
            if not items:
                items.append([])
            items[-1].append("• " + bullet["text"])
        elif numbered:
            items.append([numbered["text"]])
        elif not items or _opens_item(items[-1][-1], line, full):
            items.append([line])
        else:
            items[-1].append(line)
    return [_join(item) for item in items if item]


# A line this share of the section's longest line or longer runs to the full width.
_FULL_SHARE = 0.8
# Words that open a sentence going on from the one before, never an area of its own.
_GOES_ON_WORDS = {"This", "These", "They", "Their", "It", "Its", "That", "Those", "Such", "In", "Also"}


def _opens_item(before: str, line: str, full: float) -> bool:
    if not (_SENTENCE_END_RE.search(before) and line[:1].isupper()):
        return False
    return not (len(before) >= full and line.split()[0] in _GOES_ON_WORDS)


def read_improvements(doc: _Document) -> Reading[list[str]]:
    lines = _section(doc, _IMPROVEMENT_RE, _DETAILS_RE)
    if lines is None:
        return Reading(missing=("areas for improvement: no 'Areas for improvement' section found",))
    while lines and _IMPROVEMENT_RE.match(lines[0]):  # the table's header repeats the heading
        lines = lines[1:]
    items = _paragraphs(lines)
    if not items:
        return Reading(missing=("areas for improvement: the section is empty",))
    return Reading(items)


# A line of the "responsible body" column: short, and either every word capitalised or a joining word
# ("Bexley Council and South", "Merseyside Integrated Care", "Board (ICB)"), or following a body's line or
# a sentence's end ("Board, school and college" / "leaders.").
_BODY_WORD_RE = re.compile(r"^(?:[A-Z(][\w’'(),&-]*|and|of|the|for)$")
_BODY_MAX = 32
_BODY_NAMES_RE = re.compile(r"\b(?:Council|ICB|Board|Trust|NHS)\b")


def _body_line(line: str, before: str | None, before_body: bool) -> bool:
    words = line.split()
    if len(line) > _BODY_MAX or not words or _BULLET_RE.match(line):
        return False
    if not _SENTENCE_END_RE.search(line) and all(_BODY_WORD_RE.match(w) for w in words):
        return True
    return before is None or before_body or bool(_SENTENCE_END_RE.search(before))


def read_priority_actions(doc: _Document, outcome: SendOutcome | None) -> Reading[list[str]]:
    """The areas for priority action, without the responsible body printed beside each; a row starts where
    the area's text opens with a capital letter after the body's lines (a body's lines after a page break
    continue the row before: its text goes on in lower case)."""
    lines = _section(doc, _PRIORITY_RE, _IMPROVEMENT_RE)
    if lines is None:
        if outcome is SendOutcome.SIGNIFICANT_CONCERNS:
            return Reading(missing=("areas for priority action: no table of areas for priority action found",))
        return Reading([])
    rows: list[list[str]] = []
    bodies: list[str] = []
    after_body = False
    before: str | None = None
    for line in lines:
        if _body_line(line, before, after_body):
            bodies.append(line)
            after_body, before = True, line
            continue
        named = _opens_with_body(line, bodies) if before and _SENTENCE_END_RE.search(before) else None
        if named:  # a one-line body printed on the line of its row's first words
            bodies.append(named)
            line, after_body = line[len(named):].strip(), True
        if not rows or (after_body and line[:1].isupper()):
            rows.append([])
        rows[-1].append(line)
        after_body, before = False, line
    if not rows or not _BODY_NAMES_RE.search(" ".join(bodies)):
        return Reading(missing=("areas for priority action: the table's rows could not be told apart",))
    return Reading(_paragraphs_joined(rows))


def _opens_with_body(line: str, bodies: list[str]) -> str | None:
    """The words of an earlier row's responsible body that a line opens with, before more text."""
    for body in bodies:
        name = body.rstrip(" ,")
        if len(name.split()) >= 2 and line.startswith(name + " "):
            return name
    return None


def _paragraphs_joined(rows: list[list[str]]) -> list[str]:
    return [" ".join(_paragraphs(row)) for row in rows]


# ---- the inspection team --------------------------------------------------------------------

_TEAM_RE = re.compile(r"^Inspection\s+team$", re.IGNORECASE)
_TEAM_ENDS_RE = re.compile(r"^(?:If\s+you\s+are\s+not\s+happy|The\s+Office\s+for\s+Standards)", re.IGNORECASE)
# The words of an inspector's role as the team table prints them ("HMI, Ofsted Lead inspector", "CQC
# inspector", "Ofsted HMI, Social Care", "Ofsted HMI (social care)").
_ROLE_WORDS = {"ofsted", "cqc", "hmi", "lead", "inspector", "social", "care", "(social", "care)"}


def _role_word(token: str) -> bool:
    return token.strip(",").casefold() in _ROLE_WORDS


def read_team(doc: _Document) -> Reading[list[dict[str, str]]]:
    """Each inspector of the team: name, role, inspectorate. The two columns come row by row, so the text
    is read as a run of entries, each a name (up to its comma, or up to 'HMI') and the role's words."""
    lines = _section(doc, _TEAM_RE, _TEAM_ENDS_RE)
    if not lines:
        return Reading(missing=("inspectors: no 'Inspection team' section found",))
    if re.match(r"^Ofsted\s+Care\s+Quality\s+Commission$", lines[0], re.IGNORECASE):
        lines = lines[1:]
    entries: list[tuple[list[str], list[str]]] = []
    for token in " ".join(lines).split():
        in_role = bool(entries) and bool(entries[-1][1])
        name_done = bool(entries) and (entries[-1][0][-1:] and entries[-1][0][-1].endswith(","))
        if _role_word(token) and entries and (in_role or name_done or token.strip(",") == "HMI"):
            entries[-1][1].append(token)
        elif not entries or in_role:
            entries.append(([token], []))
        else:
            entries[-1][0].append(token)
    team, unread = [], []
    for name_words, role_words in entries:
        name = " ".join(name_words).strip(" ,")
        role = " ".join(role_words).strip(" ,")
        words = {w.strip(",()").casefold() for w in role_words}
        body = Inspectorate.CQC if "cqc" in words else Inspectorate.OFSTED if words & {"ofsted", "hmi"} else None
        if body is None or len(name.split()) < 2:
            unread.append(" ".join([name, role]).strip())
            continue
        team.append({"name": name, "role": "lead inspector" if "lead" in words else "inspector",
                     "inspectorate": body.value})
    team.sort(key=lambda i: (list(Inspectorate).index(Inspectorate(i["inspectorate"])), i["role"] != "lead inspector"))
    if unread:
        return Reading(missing=(f"inspectors: the team table could not be read ('{unread[0]}')",))
    missing = [f"inspectors: no {body.label} inspector found in the team table" for body in Inspectorate
               if not any(i["inspectorate"] == body.value for i in team)]
    return Reading(team, missing=tuple(missing))


# ---- the draft ------------------------------------------------------------------------------


def read_send_draft(doc: _Document, file_name: str) -> ImportedReport:
    """An area SEND report's fields put together into a draft record, with what is missing."""
    title_match = _TITLE_RE.search(doc.front)
    title = " ".join(title_match.group(0).split()) if title_match else None
    start, end, date_problem = _inspection_dates(doc.front)
    authority = name_in_text(title_match["name"], on=start) if title_match else None
    outcome = read_outcome(doc)
    priority = read_priority_actions(doc, outcome.value)
    improvements = read_improvements(doc)
    team = read_team(doc)

    data: dict[str, Any] = {}
    missing: list[str] = []
    if authority and start:
        data["id"] = record_id(authority.slug, KIND, start, start)
    else:
        missing.append("id: needs the authority and the inspection start date")
    if authority:
        data["authority"] = authority_fields(authority, start)
    else:
        missing.append("authority: the title 'Area SEND inspection of ... Local Area Partnership' names none "
                       "the register knows")
    data["kind"], data["framework"] = KIND.value, FRAMEWORK.value
    if start and end:
        data["start"], data["end"] = start.isoformat(), end.isoformat()
    else:
        missing.append(f"inspection dates: {date_problem}")
    missing.append("publication date: not printed in the report")
    if team.value:
        data["inspectors"] = team.value
    if outcome.value:
        data["outcome"] = outcome.value.value
    if improvements.value:
        data["areas_for_improvement"] = improvements.value
    if priority.value:
        data["areas_for_priority_action"] = priority.value
    missing += [*outcome.missing, *priority.missing, *improvements.missing, *team.missing]
    data["sources"] = [send_source(title, None, file_name, data)]
    return ImportedReport(data, missing)


def send_source(title: str | None, published: date | None, file_name: str, data: dict[str, Any]) -> dict[str, Any]:
    """The report as the draft's source, listing the facts it states (those the draft holds)."""
    source: dict[str, Any] = {"id": SOURCE_ID, "title": title or "Area SEND inspection report",
                              "publisher": SEND_PUBLISHER}
    if published:
        source["date"] = published.isoformat()
    source["file"] = file_name
    facts = ["kind", "framework", "start", "end", "published", "outcome", "inspectors",
             "areas_for_improvement", "areas_for_priority_action"]
    source["facts"] = [f for f in facts if f in data]
    return source
