"""Visits a report mentions: the focused visits, monitoring visits and joint targeted area inspections
(JTAIs) Ofsted made since the last inspection, as an inspection report names them in its prose.

ILACS reports (and some SIF reports) say which ungraded visits came before the inspection: "two
subsequent focused visits in October 2022 and January 2024", "the monitoring visit focusing on care
leavers in February 2024", "In April 2017, the JTAI on the multi-agency response...", "the 2018 joint
targeted area inspection", "Ofsted has conducted seven monitoring visits". :func:`read_mentions` is a
pure reader of such sentences: it returns each visit the text dates (to the month, or only to the year)
and what it says of visits without a date (a count beyond the dated ones, "the last focused visit").
It reads only what the sentence says: the kind, the month or year, and a theme where the words between
the kind and the date name one of the vocabulary's visit themes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Any

from ..dates import PartialDate
from ..vocab import Kind
from ..words import MONTH_NAMES, month_number

_MONTH = "|".join(MONTH_NAMES)
_YEAR = r"(?:19|20)\d\d"
# A kind of visit as the reports word it (singular or plural); "focus visit" is a misprint York's uses.
_KIND_RE = (
    r"(?P<kind>(?:ILACS\s+)?focus(?:ed)?\s+visits?|monitoring\s+visits?"
    r"|joint\s+(?:targeted|thematic)\s+area\s+inspections?(?:\s+\(JTAIs?\))?|JTAIs?)"
)
_KINDS = (("focus", Kind.FOCUSED_VISIT), ("monitoring", Kind.MONITORING_VISIT), ("joint", Kind.JTAI),
          ("jtai", Kind.JTAI))
# "<Month> <year>" or "<year>", and a list of them: "October 2022 and January 2024", "2019 and 2020".
_WHEN = rf"(?:(?:{_MONTH})\s+)?{_YEAR}"
_WHEN_RE = re.compile(rf"(?:(?P<month>{_MONTH})\s+)?(?P<year>{_YEAR})")
_WHEN_LIST = rf"{_WHEN}(?:(?:\s*,\s*|\s+and\s+|\s*,\s*and\s+){_WHEN})*"
# The kind, then at most 90 characters that name no other visit, inspection or date, then "in <when>":
#   "two subsequent focused visits in October 2022 and January 2024", "a focused visit of children in
#   need ... in January 2019", "The most recent monitoring visit in relation to children looked after
#   was in November 2016".
_AFTER_RE = re.compile(
    rf"{_KIND_RE}(?P<between>(?:(?!\b(?:inspections?|visits?|since|review|and\s+at|JTAI|{_MONTH}|{_YEAR})\b)"
    rf"[^.;]){{0,90}}?),?\s+(?:was\s+)?(?:in|of)\s+(?P<when>{_WHEN_LIST})\b",
    re.IGNORECASE,
)
# The date before the kind: "the 2018 joint targeted area inspection", "the September 2022 focused
# visit", "In February 2020, a focused visit found", "In 2020, Ofsted conducted a focused visit", "a 2019
# Ofsted focus visit".
_BEFORE_RE = re.compile(
    rf"(?:\b(?:the|a|an)\s+(?P<when1>{_WHEN})\s+(?:Ofsted\s+)?"
    rf"|\b(?-i:In)\s+(?P<when2>{_WHEN}),\s+(?:Ofsted\s+(?:conducted|carried\s+out|made|completed)\s+)?(?:the|a|an)\s+)"
    rf"{_KIND_RE}",
    re.IGNORECASE,
)
# A count of visits: "seven monitoring visits", "two focused visits" (with an adjective between).
_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
            "ten": 10, "eleven": 11, "twelve": 12}
_COUNT_RE = re.compile(
    rf"\b(?P<n>{'|'.join(_NUMBERS)}|\d{{1,2}})\s+(?:(?:subsequent|further|previous|Ofsted|earlier)\s+)?{_KIND_RE}",
    re.IGNORECASE,
)
# A mention of one visit of Ofsted's without its date: "the last focused visit", "a subsequent focused
# visit", "the JTAI", "the Ofsted monitoring visit" (a bare "monitoring visits" is often a council's or a
# school's own, so a monitoring visit counts only where it is Ofsted's or the last one).
_ADJECTIVE = r"(?:last|previous|recent|most\s+recent|subsequent|successive|earlier|Ofsted['’]?s?|ILACS)\s+"
_ONE_RE = re.compile(rf"\b(?:(?:the|a|an)\s+(?:{_ADJECTIVE})*|(?:{_ADJECTIVE})+){_KIND_RE}", re.IGNORECASE)
_OFSTEDS_RE = re.compile(r"Ofsted|last|previous|recent|subsequent|successive|earlier", re.IGNORECASE)
# A visit theme named between the kind and the date ("the monitoring visit focusing on care leavers").
# The phrases are the reports' wordings of the vocabulary's themes (vocab.VISIT_THEMES).
_THEMES = (
    (re.compile(r"care\s+leavers", re.IGNORECASE), "care_leavers"),
    (re.compile(r"front\s+door", re.IGNORECASE), "front_door"),
    (re.compile(r"children\s+in\s+need", re.IGNORECASE), "children_in_need_or_plan"),
    (re.compile(r"children\s+looked\s+after", re.IGNORECASE), "looked_after_children"),
    (re.compile(r"help\s+and\s+protection", re.IGNORECASE), "help_and_protection"),
)
_SENTENCE_RE = re.compile(r"(?<=[.!?])\s+(?=[A-Z(])")
_QUOTE_MAX = 200


@dataclass(frozen=True)
class Mention:
    """A visit a report names with its date: its kind, month (or year), a theme the sentence gives,
    and the words that say so (``quote``)."""

    kind: Kind
    when: PartialDate
    theme: str | None
    quote: str
    also: tuple[PartialDate, ...] = ()  # other dates the same report gives this visit
    group: int = field(default=0, compare=False)  # mentions of one list ("in 2019 and 2020") are distinct


@dataclass(frozen=True)
class Undated:
    """Visits of a kind a report names without dating them: how many (None where it does not say),
    and the words."""

    kind: Kind
    count: int | None
    quote: str

    @property
    def note(self) -> str:
        """The note the citing inspection's record keeps of them."""
        label = self.kind.label.lower()
        what = (f"{_COUNT_WORDS.get(self.count, self.count)} {label}s" if self.count and self.count > 1
                else f"a {label}" if self.count == 1 else f"{label}s")
        verb = "its date" if self.count == 1 else "their dates"
        return (f"The report mentions {what} before this inspection without {verb} ('{self.quote}'); "
                "the records hold no visit for a mention without a date.")


@dataclass
class Mentions:
    """What a report says of earlier visits: those it dates, and those it names without a date."""

    dated: list[Mention] = field(default_factory=list)
    undated: list[Undated] = field(default_factory=list)


_COUNT_WORDS = {n: w for w, n in _NUMBERS.items()}


def _kind(words: str) -> Kind:
    low = words.lower()
    return next(kind for key, kind in _KINDS if key in low)


def _plural(words: str) -> bool:
    return words.lower().rstrip(" )").endswith("s")


def _whens(text: str) -> list[PartialDate]:
    out = []
    for m in _WHEN_RE.finditer(text):
        month = month_number(m["month"]) if m["month"] else None
        out.append(PartialDate(int(m["year"]), month))
    return out


def _quote(sentence: str, start: int, end: int) -> str:
    """The words of a mention, widened to the sentence where short enough."""
    if len(sentence) > _QUOTE_MAX:  # the words around it, cut at spaces
        start, end = sentence.rfind(" ", 0, max(0, start - 40)) + 1, sentence.find(" ", end + 40)
        sentence = sentence[start: end if end > 0 else None]
    return " ".join(sentence.split()).strip(" ,;.").replace("'", "’")


def _theme(between: str) -> str | None:
    found = {theme for pattern, theme in _THEMES if pattern.search(between)}
    return found.pop() if len(found) == 1 else None


def _sentence_mentions(sentence: str, group: int) -> tuple[list[Mention], list[Undated]]:
    """The dated mentions of one sentence, and plural mentions with one date ("monitoring visits in
    2017": several visits, how many not said), which are undated ones."""
    out: list[Mention] = []
    vague: list[Undated] = []
    for n, m in enumerate(_AFTER_RE.finditer(sentence)):
        kind, whens, quote = _kind(m["kind"]), _whens(m["when"]), _quote(sentence, m.start(), m.end())
        if _plural(m["kind"]) and len(whens) == 1:
            vague.append(Undated(kind, None, quote))
            continue
        whens = whens if _plural(m["kind"]) else whens[:1]
        out += [Mention(kind, w, _theme(m["between"]), quote, group=group * 100 + n) for w in whens]
    for n, m in enumerate(_BEFORE_RE.finditer(sentence), start=50):
        if _plural(m["kind"]):
            vague.append(Undated(_kind(m["kind"]), None, _quote(sentence, m.start(), m.end())))
            continue
        when = _whens(m["when1"] or m["when2"])[0]
        out.append(Mention(_kind(m["kind"]), when, None, _quote(sentence, m.start(), m.end()), group=group * 100 + n))
    return out, vague


def _one_per_visit(found: list[Mention]) -> list[Mention]:
    """One mention per visit: the first with the most exact date. A date known only to the year is
    the same visit as one of that kind in a month of that year; two dates of one kind in different
    sentences a month or a year apart (Wokingham 2019 gives its focused visit as October and November
    2018, York 2022 its JTAI as 2018 and 2019) are one visit the report dates two ways, kept at its
    first date with the other in ``also``."""
    out: list[Mention] = []
    for m in sorted(found, key=lambda m: m.when.month is None):  # month-dated first, in text order
        same = [o for o in out if o.kind is m.kind and o.group != m.group and _near(o.when, m.when)]
        if any(o.kind is m.kind and o.when == m.when for o in out):
            same = [o for o in out if o.kind is m.kind and o.when == m.when]
        if not same:
            out.append(m)
            continue
        held = same[0]
        if m.when == held.when or (m.when.month is None and m.when.year == held.when.year):
            if held.theme is None and m.theme is not None:
                out[out.index(held)] = replace(held, theme=m.theme)
            continue
        if m.when not in held.also:
            out[out.index(held)] = replace(held, also=(*held.also, m.when))
    return out


def _near(a: PartialDate, b: PartialDate) -> bool:
    """Two dates of one kind of visit in one report that are one visit: the same year where one is a
    year, else within a month of each other (or adjacent years, both known only to the year)."""
    if a.month is None and b.month is None:
        return abs(a.year - b.year) <= 1
    if a.month is None or b.month is None:
        return a.year == b.year
    return abs((a.year * 12 + a.month) - (b.year * 12 + b.month)) <= 1


def read_mentions(text: str) -> Mentions:
    """The earlier visits a report's text mentions (see the module's docstring)."""
    found: list[Mention] = []
    vague: list[Undated] = []
    counts: dict[Kind, Undated] = {}
    singles: dict[Kind, Undated] = {}
    for index, sentence in enumerate(_SENTENCE_RE.split(" ".join(text.split()))):
        if not re.search(_KIND_RE, sentence, re.IGNORECASE):
            continue
        dated, plural = _sentence_mentions(sentence, index)
        found += dated
        vague += plural
        for m in _COUNT_RE.finditer(sentence):
            n, kind = _NUMBERS.get(m["n"].lower()) or int(m["n"]), _kind(m["kind"])
            if kind not in counts or n > (counts[kind].count or 0):
                counts[kind] = Undated(kind, n, _quote(sentence, m.start(), m.end()))
        for m in _ONE_RE.finditer(sentence):
            kind = _kind(m["kind"])
            if kind is Kind.MONITORING_VISIT and not _OFSTEDS_RE.search(m.group(0)) and "Ofsted" not in sentence:
                continue
            singles.setdefault(kind, Undated(kind, None if _plural(m["kind"]) else 1,
                                             _quote(sentence, m.start(), m.end())))
    dated = _one_per_visit(found)
    undated: list[Undated] = []
    for kind in (Kind.FOCUSED_VISIT, Kind.MONITORING_VISIT, Kind.JTAI):
        known = sum(1 for m in dated if m.kind is kind)
        said = next((u for u in vague if u.kind is kind), None)  # "monitoring visits in 2017": how many?
        if kind in counts:
            told = counts[kind].count or 0  # always a number here: "three focused visits"
            if told > known:
                undated.append(replace(counts[kind], count=told - known))
        elif said is not None or not known:
            said = said or singles.get(kind)
            if said is not None:
                undated.append(said)
    return Mentions(dated, undated)


# --------------------------------------------------------------------------------------------
# Records of the visits a report mentions
# --------------------------------------------------------------------------------------------

MENTION_SOURCE_ID = "mention"


def mention_records(mentions: Mentions, authority: str, source: dict[str, Any]) -> list[dict[str, Any]]:
    """Each dated mention as a record's data: its kind, its month (or year) as its start, the theme the
    sentence gives, no grade; the citing report (``source``: its title, publisher, date, file, url) as
    its one source, with a note that the visit is known from a mention. ``authority`` is the citing
    report's authority as the register names it. The framework is the one in force at the mention's
    date (every kind of ungraded visit belongs to the frameworks of its time)."""
    from ..authorities import find
    from ..identity import record_id
    from ..vocab import framework_for

    out = []
    for m in mentions.dated:
        day = m.when.earliest
        known = find(authority, on=day)
        if known is None:
            continue
        framework = framework_for(day)
        if framework not in m.kind.info.frameworks:
            continue
        note = (f"Known from a mention in this report, not from a report or letter of the visit itself: "
                f"'{m.quote}'. The report gives its {'month' if m.when.month else 'year'}, "
                f"not its days on site; the framework is the one in force then.")
        if m.also:
            note += f" The report also dates it {', '.join(map(str, m.also))}."
        facts = ["kind", "framework", "start", *(["theme"] if m.theme else [])]
        data: dict[str, Any] = {
            "id": record_id(known.slug, m.kind, m.when, m.when),
            "authority": {"name": known.name, "la_number": known.la_number, "ons_code": known.gss_on(day)},
            "kind": m.kind.value,
            "framework": framework.value,
            "start": str(m.when),
        }
        if m.theme:
            data["theme"] = m.theme
        data["sources"] = [{**source, "id": MENTION_SOURCE_ID, "facts": facts, "notes": [note]}]
        out.append(data)
    return out
