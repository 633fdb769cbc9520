"""Rich renderables of the context commands: england, compare, journeys and concerns.

Every number and sentence comes from the core (england.py, comparison.py, journeys.py, concerns.py); this
module only lays them out."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from rich import box
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from ..comparison import CompareView, compare_sentences
from ..england import EnglandView, Tally, england_sentences, inspected_on, pct, regions_sentence
from ..journeys import JourneysView
from ..vocab import HEADLINE_AREAS, SCALE, Area
from .fit import fitted_table, stacked
from .text import CHANGE_STYLE, GRADE_STYLE, grade_cell, grade_legend, grade_word, plain

if TYPE_CHECKING:
    from ..models import Record



def _table(*columns: str, right: Sequence[int] = (), nowrap: Sequence[int] = ()) -> Table:
    t = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    for i, c in enumerate(columns):
        t.add_column(c, justify="right" if i in right else "left", no_wrap=i in nowrap)
    return t


Build = Callable[[int], tuple[Sequence[str], list[list[Text] | None]]]


def _fitted(build: Build, width: int, right: Sequence[int] = (), levels: Sequence[int] = (0, 1, 2),
            first: Sequence[int] = (0,), whole: Sequence[int] = ()) -> tuple[RenderableType, ...]:
    """The table ``build`` makes at the first level of grade words (0 full, 1 and 2 shorter) that fits
    ``width`` without cutting a word, with the legend of the short forms beneath it."""
    for level in levels:
        heads, rows = build(level)
        justify = ["right" if i in right else "left" for i in range(len(heads))]
        table = fitted_table(heads, rows, width, justify, first=first, whole=whole)
        if table is not None:
            legend = grade_legend(level)
            return (table, *([Text(f"Grades: {legend}", style="dim")] if legend else []))
    heads, rows = build(levels[-1])  # a screen too narrow for any table: one row after another
    legend = grade_legend(levels[-1])
    return (stacked(heads, rows), *([Text(f"Grades: {legend}", style="dim")] if legend else []))


def _note(text: str) -> Text:
    return Text(text, style="italic")


def _count_cell(n: int, graded: int, style: str = "", share: bool = True) -> Text:
    return Text(f"{n} ({pct(n, graded)})" if graded and share else str(n), style=style)


# Narrower than this, the counts go without their shares (the JSON and CSV always hold both).
WIDE = 100


def tallies_table(label: str, rows: Sequence[tuple[str, Tally]], width: int = WIDE) -> tuple[RenderableType, ...]:
    """One row per group or area: how many at each grade (share of those graded), not graded, not inspected."""
    wide = width >= WIDE

    def build(level: int):
        heads = ({"Requires improvement": "Req. impr."}.get(g.short, g.short) if wide else grade_word(g, level)
                 for g in SCALE)
        body: list[list[Text] | None] = [
            [Text(name), *(_count_cell(tl.counts[g], tl.graded, GRADE_STYLE[g], wide) for g in SCALE),
             Text(str(tl.not_graded)), Text(str(tl.not_inspected)), Text(str(tl.total))] for name, tl in rows]
        return [label, *heads, "No grade", "Not insp.", "All"], body

    return _fitted(build, width, right=range(1, 8), levels=(0,) if wide else (1, 2), first=(), whole=range(1, 8))


def _day(d) -> str:
    return d.isoformat() if d else "date unknown"


def england_renderable(view: EnglandView, area: Area, width: int = WIDE) -> Group:
    head = Text(view.headline(), style="bold")
    if not view.authorities:
        return Group(head, *(_note(s) for s in england_sentences(view)))
    areas = tallies_table("Judgement", [(a.short, view.of(view.scope, a)) for a in HEADLINE_AREAS], width)
    regions = tallies_table("Ofsted region", [*((r, view.of(r, area)) for r in view.regions),
                                              (view.scope, view.of(view.scope, area))], width)
    parts: list[RenderableType] = [head, *areas, *(_note(s) for s in england_sentences(view)), Text("")]
    title = f"{area.short} by region"
    if view.area is area:  # judged only by an earlier framework: the headline judgements are not its story
        title = (f"{area.short} by region as at {view.as_at.isoformat()}, each authority at its latest inspection "
                 f"that judged it ({judged_by(area)})")
        parts = []
    parts += [Text(title, style="bold"), *regions]
    sentence = regions_sentence(view, area)
    if sentence:
        parts.append(_note(sentence))
    parts.append(Text("Shares are of the authorities with a grade in that judgement. No grade: the latest "
                      "inspection makes no such judgement. Not insp.: no "
                      + ("such inspection" if view.area is area else "SIF or ILACS inspection") + " by then.",
                      style="dim"))
    return Group(*parts)


def judged_by(area: Area) -> str:
    """The frameworks that judged an area, in words: 'Single inspection framework (SIF, 2013-2018)'."""
    from ..england import judging

    return "; ".join(fw.label for fw in judging(area))


def _grades_row(r: Record | None, level: int) -> list[Text]:
    if r is None:
        return [Text("no graded inspection", style="dim"), *(Text("") for _ in HEADLINE_AREAS)]
    return [Text(_day(inspected_on(r))), *(grade_cell(r.judgements.get(a), level) for a in HEADLINE_AREAS)]


# The judgements' names in a table of short grades, and what each stands for.
_AREA_CODES = {Area.OVERALL_EFFECTIVENESS: "OE", Area.LEADERSHIP: "Lead.", Area.HELP_AND_PROTECTION: "HP",
               Area.CHILDREN_IN_CARE: "CiC", Area.CARE_LEAVERS: "CL"}


def _peers_table(view: CompareView, width: int) -> tuple[RenderableType, ...]:
    def build(level: int):
        heads = [a.short if level == 0 else _AREA_CODES[a] for a in HEADLINE_AREAS]
        rows: list[list[Text] | None] = []
        for p in view.peers:
            name = plain(p.name)
            if p.is_self:
                name.stylize("bold")
            rows.append([name, *_grades_row(p.record, level)])
        return ["Authority", "Inspected", *heads], rows

    parts = _fitted(build, width)
    if len(parts) > 1:  # short forms: the judgements' codes too
        codes = "; ".join(f"{code} {a.short.lower()}" for a, code in _AREA_CODES.items())
        parts = (*parts, Text(f"Judgements: {codes}", style="dim"))
    bands = [f"{p.name} {band.lower()}" for p in view.peers if (band := view.closeness.get(p.slug))]
    if bands:
        parts = (*parts, Text("How close each neighbour is (the DfE statistical neighbour model): "
                              + "; ".join(bands), style="dim"))
    return parts


def compare_renderable(view: CompareView, width: int = WIDE) -> Group:
    said = compare_sentences(view)
    overall = [t for t in (*view.region_tallies, *view.england_tallies) if t.area is Area.OVERALL_EFFECTIVENESS]
    shares = tallies_table("Overall effectiveness", [(t.scope, t) for t in overall], width)
    parts: list[RenderableType] = [
        Text(f"{view.name} in context, as at {view.as_at.isoformat()}", style="bold"),
        _note(said["latest"]), Text(""),
        Text(f"{view.name} and its {view.peers_title} (latest graded inspection of each)", style="bold"),
        *_peers_table(view, width),
    ]
    if said.get("peers"):
        parts.append(_note(said["peers"]))
    parts += [Text(""), Text(f"{view.region} and England", style="bold"), *shares, _note(said["shares"]), Text("")]
    moves = view.direction()
    prev, last = view.previous, view.latest
    if moves and prev is not None and last is not None:  # always both where anything moved

        def build(level: int):
            rows: list[list[Text] | None] = [
                [Text(area.short), grade_cell(a, level), grade_cell(b, level), Text(m.words, style=CHANGE_STYLE[m])]
                for area, a, b, m in moves]
            return ["Area", f"Previous ({_day(inspected_on(prev))})", f"Latest ({_day(inspected_on(last))})",
                    "Change"], rows

        parts += [Text("Direction of travel", style="bold"), *_fitted(build, width)]
    parts.append(_note(said["direction"]))
    return Group(*parts, *_send_part(view))


def _send_part(view: CompareView) -> list[RenderableType]:
    """Area SEND beside the grades: each peer's latest outcome, and the region's and England's counts."""
    if not view.send_tallies:
        return []
    parts: list[RenderableType] = [Text(""), Text("Area SEND inspections (Ofsted and the CQC): outcomes, not grades",
                                                  style="bold")]
    for p in view.peers:
        r = view.send.get(p.slug)
        what = (f"{r.outcome.short if r.outcome else 'outcome not given'} ({_day(inspected_on(r))})" if r
                else "none in the records")
        parts.append(Text(f"{p.name}: ", style="bold" if p.is_self else "") + Text(what))
    for t in view.send_tallies:
        counts = ", ".join(f"{n} {o.value.replace('_', ' ')}" for o, n in t.counts.items())
        missing = f" ({t.no_outcome} without an outcome)" if t.no_outcome else ""
        parts.append(_note(f"{t.scope}: {counts} of the {t.total - t.none_held} of {t.total} authorities whose "
                           f"inspection the records hold{missing}."))
    parts.append(_note("The records hold the area SEND inspections the shared sources give (January 2023 to July "
                       "2025), not every one made: these counts are of those alone."))
    return parts


def journeys_renderable(view: JourneysView, sentences: Sequence[str], width: int = WIDE) -> Group:
    parts: list[RenderableType] = [
        Text(f"From {view.source.label} to {view.target.label} ({view.area.short.lower()}), as at "
             f"{view.as_at.isoformat()}", style="bold")]
    if view.done:
        def done(level: int):
            rows: list[list[Text] | None] = []
            for j in view.done:
                star = "*" if j.measured == "publication dates" else ""
                took = f"{j.days:,} days{star}" if j.days is not None else "?"
                rows.append([plain(j.name), _visit(j.start, level, j.from_day, star, view.area),
                             _visit(j.end, level, j.to_day, star, view.area),
                             Text(", ".join(_short(r, level, view.area) for r in j.via) or "—"), Text(took)])
            return ["Authority", "From", "To", "Via", "Took"], rows

        parts += _fitted(done, width, right=(4,))
    parts += [_note(s) for s in sentences]
    if any(j.measured == "publication dates" for j in view.done):
        parts.append(Text("* published on that day: a source gives no inspection date, so the move is measured "
                          "from publication to publication", style="dim"))
    if view.on_the_way:
        def on_the_way(level: int):
            rows: list[list[Text] | None] = []
            for j in view.on_the_way:
                last = j.via[-1] if j.via else j.start
                rows.append([plain(j.name), Text(_day(j.from_day)), _visit(last, level, area=view.area),
                             Text(f"{j.days:,}" if j.days is not None else "?")])
            return ["Authority", f"{view.source.label.capitalize()} since", "Latest inspection", "Days"], rows

        parts += [Text(""), Text("Still on the way", style="bold"), *_fitted(on_the_way, width, right=(3,))]
    if view.not_comparable:
        areas = [a for a in HEADLINE_AREAS if a is not view.area]

        def not_comparable(level: int):
            rows: list[list[Text] | None] = [
                [plain(j.name), Text(_day(inspected_on(j.start))), Text(_day(inspected_on(j.end))),
                 *(grade_cell(j.end.judgements.get(a), level) for a in areas)]
                for j in view.not_comparable if j.end is not None]  # always: each ended by an inspection
            return ["Authority", "Since", "Inspected", *(a.short for a in areas)], rows

        since = ("under the framework from April 2026" if view.area is Area.OVERALL_EFFECTIVENESS
                 else f"by an inspection with no grade for {view.area.short.lower()}")
        parts += [Text(""), Text(f"Not comparable: inspected since {since}", style="bold"),
                  *_fitted(not_comparable, width)]
    return Group(*parts)


def _short(r: Record, level: int = 0, area: Area = Area.OVERALL_EFFECTIVENESS) -> str:
    g = r.judgements.get(area)
    if g is None:
        return f"{r.year} no grade"
    return f"{r.year} {g.on_scale.short.lower() if level == 0 else grade_word(g.on_scale, level)}"


def _visit(r: Record | None, level: int = 0, day=None, mark: str = "",
           area: Area = Area.OVERALL_EFFECTIVENESS) -> Text:
    """An inspection as its day (``day``, where given: the day a measure runs from or to) and its grade in
    ``area``."""
    if r is None:
        return Text("")
    return Text(f"{_day(day or inspected_on(r))}{mark} ") + grade_cell(r.judgements.get(area), level)


def concerns_renderable(name: str, concerns, sentences: Sequence[str], width: int = WIDE) -> Group:
    """The themes raised as areas for improvement, with each finding's text under its theme."""
    from ..report import month_words

    def build(level: int):
        rows: list[list[Text] | None] = [
            [Text(row.label), Text(str(len(row.visits))), Text(month_words(row.visits[0].when)),
             Text(month_words(row.visits[-1].when)),
             Text("still raised", style="bold red") if row.still_raised else Text("not raised", style="green")]
            for row in concerns.rows]
        return ["Theme", "Visits", "First", "Latest", f"At the latest visit with {concerns.basis}"], rows

    parts: list[RenderableType] = [Text(f"What keeps coming back: {name}", style="bold")]
    if concerns.rows:
        parts += _fitted(build, width, right=(1,), levels=(0,), first=())
    parts += [_note(s) for s in sentences]
    if concerns.basis == "recommendations":  # whole recommendations under each theme would fill pages:
        return Group(*parts, _note("The recommendations themselves: `judgements themes VISIT` or --format csv."))
    for row in concerns.rows:
        parts += [Text(""), Text(row.label, style="bold underline")]
        for visit_id, text in row.texts:
            parts.append(Text("  • ") + Text(visit_id, style="dim") + Text("  ") + plain(text))
    return Group(*parts)
