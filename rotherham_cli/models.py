"""Pydantic models of a visit record. They refuse anything wrong.

Field-level problems (types, unknown keys, words not in the vocabulary) are pydantic's own
validation errors. Rules that span fields (a grade for an area the framework does not grade, end
before start, ...) are checked after the fields and raised together as :class:`RuleViolations`, each
with the path of the field it is about, so that a loader can report every one with its position.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    ValidationInfo,
    WithJsonSchema,
    field_validator,
    model_validator,
)

from . import vocab
from .dates import PartialDate
from .vocab import Area, FindingKind, Framework, Grade, Inspectorate, Kind, Remit, SendOutcome
from .words import a_kind

# --------------------------------------------------------------------------------------------
# Dates that may be only a year, or a year and a month
# --------------------------------------------------------------------------------------------

DateLike = Annotated[
    PartialDate,
    BeforeValidator(PartialDate.parse),
    PlainSerializer(str, return_type=str),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": r"^\d{4}(-\d{2}(-\d{2})?)?$",
            "description": "A date: YYYY-MM-DD, or YYYY-MM or YYYY where the day is not known",
        }
    ),
]


def _vocab(parse):
    """A before-validator that reads a vocabulary word (strings only)."""

    def check(value: Any) -> Any:
        if isinstance(value, str):
            return parse(value)
        return value

    return BeforeValidator(check)


GradeWord = Annotated[
    Grade,
    _vocab(vocab.parse_grade),
    WithJsonSchema(
        {
            "type": "string",
            "description": "A grade: outstanding, good, requires_improvement, inadequate (or the "
            "older adequate, satisfactory), in any of Ofsted's wordings and any case",
        }
    ),
]
SendOutcomeWord = Annotated[
    SendOutcome,
    _vocab(vocab.parse_send_outcome),
    WithJsonSchema(
        {
            "type": "string",
            "enum": [o.value for o in SendOutcome],
            "description": "The outcome of an area SEND inspection (not a grade): positive (arrangements "
            "typically lead to positive experiences and outcomes), inconsistent (lead to inconsistent "
            "experiences and outcomes), significant_concerns (widespread and/or systemic failings)",
        }
    ),
]
AreaKey = Annotated[Area, _vocab(vocab.parse_area)]
ThemeKey = Annotated[str, BeforeValidator(lambda v: vocab.parse_finding_theme(v) if isinstance(v, str) else v)]
VisitTheme = Annotated[str, BeforeValidator(lambda v: vocab.parse_visit_theme(v) if isinstance(v, str) else v)]

Text = Annotated[str, Field(min_length=1, max_length=2000)]


_LINE_BREAK = re.compile("[\r\n\v\f\x85\u2028\u2029]")


def _one_line(value: str) -> str:
    """A one-line field: a line break would print as a spoofed extra row in a table."""
    if _LINE_BREAK.search(value):
        raise ValueError("must be on one line (it holds a line break)")
    return value


ShortText = Annotated[str, Field(min_length=1, max_length=300), AfterValidator(_one_line)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True, defer_build=True)


class Authority(_Strict):
    name: ShortText = Field(description="The authority's name as Ofsted writes it, e.g. Rotherham")
    la_number: int | None = Field(None, ge=100, le=999, description="DfE local authority number, e.g. 372")
    ons_code: str | None = Field(
        None, pattern=r"^E\d{8}$", description="ONS (GSS) code of the area, e.g. E08000018"
    )


class Inspector(_Strict):
    name: ShortText
    role: ShortText | None = Field(None, description="e.g. lead inspector, deputy lead inspector")
    inspectorate: Inspectorate | None = Field(
        None, description="Who the inspector works for, where a joint inspection says: ofsted or cqc"
    )


class Finding(_Strict):
    kind: FindingKind = Field(description="strength or improvement")
    text: Text = Field(description="A short paraphrase in the record writer's own words")
    quote: ShortText | None = Field(None, description="A short exact quote from the source")
    themes: list[ThemeKey] = Field(min_length=1, description="Themes from the controlled list")
    source: ShortText | None = Field(None, description="The id of the record's source this comes from")


# A field of a record that a source can give: a top-level field, or one judgement or authority code.
FACT_PATTERN = (
    r"^(kind|framework|start|end|published|theme|inspectors|recommendations"
    r"|outcome|areas_for_improvement|areas_for_priority_action"
    r"|judgements\.[a-z_]+|authority\.(la_number|ons_code))$"
)


class Source(_Strict):
    id: Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_-]*$", max_length=40)] = Field(
        description="A short key, referenced by findings"
    )
    title: ShortText
    publisher: ShortText
    date: DateLike | None = None
    url: Annotated[str, Field(pattern=r"^https?://\S+$", max_length=500)] | None = None
    file: ShortText | None = Field(None, description="A local copy the facts were read from")
    where: ShortText | None = Field(
        None, description="Where in the source the facts are: a release's sheet and row, a report's pages"
    )
    facts: list[Annotated[str, Field(pattern=FACT_PATTERN)]] = Field(
        default_factory=list, description="The record's fields this source gives, as the record holds them"
    )
    differs: dict[Annotated[str, Field(pattern=FACT_PATTERN)], ShortText] = Field(
        default_factory=dict, description="Fields this source gives otherwise than the record: field -> its value"
    )
    notes: list[Text] = Field(default_factory=list, description="What this source says of itself (gaps, spellings)")

    @model_validator(mode="after")
    def _where(self) -> Source:
        if not self.url and not self.file:
            raise ValueError("a source needs a url or a file")
        return self


@dataclass
class RuleViolations(Exception):
    """Rules spanning several fields that a record breaks: (field path, message) pairs."""

    problems: list[tuple[tuple, str]]

    def __str__(self) -> str:
        return "; ".join(f"{'.'.join(map(str, loc))}: {msg}" for loc, msg in self.problems)


# The keys of the vocabularies whose near misses get a suggestion, by field (a dict, in the enum's order).
_KNOWN_WORDS = {"kind": (dict.fromkeys(k.value for k in Kind), "a kind of visit"),
                "framework": (dict.fromkeys(f.value for f in Framework), "a framework")}


class Record(_Strict):
    """One Ofsted visit to one authority's children's services."""

    id: Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=80)] = Field(
        description="The record's id; also its file name without .yaml"
    )
    authority: Authority
    kind: Kind
    framework: Framework
    start: DateLike | None = Field(None, description="First day on site")
    end: DateLike | None = Field(None, description="Last day on site")
    published: DateLike | None = Field(None, description="Date the report or letter was published")
    inspectors: list[Inspector] = Field(default_factory=list)
    judgements: dict[AreaKey, GradeWord] = Field(
        default_factory=dict, description="Graded judgements: area key -> grade"
    )
    theme: VisitTheme | None = Field(None, description="The theme of an ungraded visit")
    outcome: SendOutcomeWord | None = Field(None, description="The outcome of an area SEND inspection (not a grade)")
    areas_for_improvement: list[Text] = Field(
        default_factory=list, description="An area SEND inspection's areas for improvement, as the report words them"
    )
    areas_for_priority_action: list[Text] = Field(
        default_factory=list,
        description="An area SEND inspection's areas for priority action (with significant concerns only)",
    )
    headline: Annotated[str, Field(min_length=1, max_length=60), AfterValidator(_one_line)] | None = Field(
        None, description="One line for lists (at most 60 characters)"
    )
    summary: Text | None = None
    findings: list[Finding] = Field(default_factory=list)
    recommendations: list[Text] = Field(default_factory=list)
    notes: list[Text] = Field(
        default_factory=list, description="Caveats: what the sources do not say, disagreements"
    )
    sources: list[Source] = Field(min_length=1, description="Where every fact in the record comes from")

    @field_validator("kind", "framework", mode="before")
    @classmethod
    def _known_word(cls, v: Any, info: ValidationInfo) -> Any:
        """A near miss of a kind or framework key gets a suggestion."""
        if isinstance(v, str) and info.field_name in _KNOWN_WORDS:  # always: the validator is on these two fields
            keys, what = _KNOWN_WORDS[info.field_name]
            if v not in keys:
                raise ValueError(f"'{v}' is not {what}" + vocab.suggest(v, list(keys)))
        return v

    @model_validator(mode="after")
    def _rules(self) -> Record:
        problems = rule_problems(self)
        if problems:
            raise RuleViolations(problems)
        return self

    # ---- derived facts --------------------------------------------------------------------

    @property
    def when(self) -> PartialDate | None:
        """The date a visit is placed at in time: its start, else its end, else publication."""
        return self.start or self.end or self.published

    @property
    def year(self) -> int | None:
        return self.when.year if self.when else None

    @property
    def sort_key(self) -> tuple:
        w = self.when
        return (w.earliest if w else date.max, self.id)

    @property
    def graded(self) -> bool:
        return self.kind.graded

    @property
    def overall(self) -> Grade | None:
        return self.judgements.get(Area.OVERALL_EFFECTIVENESS)

    def wording(self, area: Area) -> str:
        return self.framework.wording(area)


def rule_problems(r: Record) -> list[tuple[tuple, str]]:
    """Every cross-field rule the record breaks, as (field path, message)."""
    out: list[tuple[tuple, str]] = []
    info = r.kind.info
    visit = a_kind(info.label)
    if r.framework not in info.frameworks:
        allowed = ", ".join(f.value for f in info.frameworks)
        out.append((("framework",), f"{visit} (kind {r.kind.value}) belongs to {allowed}, not {r.framework.value}"))
    elif info.graded:
        allowed_areas = vocab.may_grade(r.kind, r.framework)
        if not r.judgements:
            out.append((("judgements",), f"{visit} is graded; give its judgements"))
        for area in r.judgements:
            if area not in allowed_areas:
                names = ", ".join(a.value for a in allowed_areas)
                out.append(
                    (("judgements", area.value),
                     f"{area.value} is not graded in {visit} under {r.framework.value} (it grades {names})")
                )
        if r.theme is not None:
            out.append((("theme",), f"{visit} is graded: it has judgements, not a visit theme"))
    elif r.judgements:
        why = "it ends in an outcome, not grades" if info.remit is Remit.SEND else "remove the judgements"
        out.append((("judgements",), f"{visit} (kind {r.kind.value}) is not graded; {why}"))
    out += _send_problems(r, visit)
    if r.start and r.end and r.end.latest < r.start.earliest:
        out.append((("end",), f"end {r.end} is before start {r.start}"))
    last_day = r.end or r.start
    if r.published and last_day and r.published.latest < last_day.earliest:
        out.append((("published",), f"published {r.published} is before the visit ended ({last_day})"))
    ids = [s.id for s in r.sources]
    for i, sid in enumerate(ids):
        if sid in ids[:i]:
            out.append((("sources", i, "id"), f"source id '{sid}' is used twice"))
    for i, f in enumerate(r.findings):
        if f.source is not None and f.source not in ids:
            out.append((("findings", i, "source"), f"'{f.source}' is not the id of one of this record's sources"))
    return out


def _send_problems(r: Record, visit: str) -> list[tuple[tuple, str]]:
    """The rules of an area SEND inspection's fields: an outcome and its areas only on such a record,
    no visit theme on one, and areas for priority action only with significant concerns."""
    out: list[tuple[tuple, str]] = []
    if r.kind.remit is not Remit.SEND:
        for name, what in (("outcome", "an outcome"), ("areas_for_improvement", "areas for improvement"),
                           ("areas_for_priority_action", "areas for priority action")):
            if getattr(r, name):
                out.append(((name,), f"only an area SEND inspection has {what}; {visit} does not"))
        return out
    if r.theme is not None:
        out.append((("theme",), f"{visit} has an outcome, not a visit theme"))
    if r.areas_for_priority_action and r.outcome not in (None, SendOutcome.SIGNIFICANT_CONCERNS):
        out.append((("areas_for_priority_action",), "areas for priority action come only with the outcome "
                                                    f"significant_concerns, not {r.outcome.value}"))
    return out
