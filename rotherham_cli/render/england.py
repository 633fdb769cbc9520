"""Rich renderables of the context commands: england, compare, journeys and concerns.

Every number and sentence comes from the core (england.py, comparison.py, journeys.py, concerns.py); this
module only lays them out."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich import box
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from ..comparison import CompareView, compare_sentences
from ..england import EnglandView, Tally, england_sentences, inspected_on, pct, regions_sentence
from ..journeys import JourneysView
from ..vocab import HEADLINE_AREAS, SCALE, Area
from .text import CHANGE_STYLE, GRADE_STYLE, grade_text, plain

if TYPE_CHECKING:
    from ..models import Record



def _table(*columns: str, right: Sequence[int] = (), nowrap: Sequence[int] = ()) -> Table:
    t = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    for i, c in enumerate(columns):
        t.add_column(c, justify="right" if i in right else "left", no_wrap=i in nowrap)
    return t


def _note(text: str) -> Text:
    return Text(text, style="italic")


def _count_cell(n: int, graded: int, style: str = "", share: bool = True) -> Text:
    return Text(f"{n} ({pct(n, graded)})" if graded and share else str(n), style=style)


# Narrower than this, the counts go without their shares (the JSON and CSV always hold both).
WIDE = 100


def tallies_table(label: str, rows: Sequence[tuple[str, Tally]], width: int = WIDE) -> Table:
    """One row per group or area: how many at each grade (share of those graded), not graded, not inspected."""
    wide = width >= WIDE
    heads = {"Requires improvement": "Req. impr."} if wide else {
        "Outstanding": "Outst.", "Requires improvement": "Req. impr.", "Inadequate": "Inad."}
    t = _table(label, *(heads.get(g.short, g.short) for g in SCALE), "No grade", "Not insp.", "All",
               right=range(1, 8), nowrap=range(1, 8))
    t.columns[0].min_width = 13
    for name, tl in rows:
        t.add_row(Text(name), *(_count_cell(tl.counts[g], tl.graded, GRADE_STYLE[g], wide) for g in SCALE),
                  Text(str(tl.not_graded)), Text(str(tl.not_inspected)), Text(str(tl.total)))
    return t


def _day(d) -> str:
    return d.isoformat() if d else "date unknown"


def england_renderable(view: EnglandView, area: Area, width: int = WIDE) -> Group:
    head = Text(view.headline(), style="bold")
    if not view.authorities:
        return Group(head, *(_note(s) for s in england_sentences(view)))
    areas = tallies_table("Judgement", [(a.short, view.of("England", a)) for a in HEADLINE_AREAS], width)
    regions = tallies_table("Ofsted region", [*((r, view.of(r, area)) for r in view.regions),
                                              ("England", view.of("England", area))], width)
    parts: list[RenderableType] = [head, areas, *(_note(s) for s in england_sentences(view)), Text(""),
                                   Text(f"{area.short} by region", style="bold"), regions]
    sentence = regions_sentence(view, area)
    if sentence:
        parts.append(_note(sentence))
    parts.append(Text("Shares are of the authorities with a grade in that judgement. No grade: the latest "
                      "inspection makes no such judgement. Not insp.: no SIF or ILACS inspection by then.",
                      style="dim"))
    return Group(*parts)


def _grades_row(r: Record | None) -> list[Text]:
    if r is None:
        return [Text("no graded inspection", style="dim"), *(Text("") for _ in HEADLINE_AREAS)]
    return [Text(_day(inspected_on(r))), *(grade_text(r.judgements.get(a), compact=True) for a in HEADLINE_AREAS)]


def compare_renderable(view: CompareView, width: int = WIDE) -> Group:
    said = compare_sentences(view)
    peers = _table("Authority", "Inspected", *(a.short for a in HEADLINE_AREAS))
    for p in view.peers:
        name = plain(p.name)
        if p.is_self:
            name.stylize("bold")
        peers.add_row(name, *_grades_row(p.record))
    overall = [t for t in (*view.region_tallies, *view.england_tallies) if t.area is Area.OVERALL_EFFECTIVENESS]
    shares = tallies_table("Overall effectiveness", [(t.scope, t) for t in overall], width)
    parts: list[RenderableType] = [
        Text(f"{view.name} in context, as at {view.as_at.isoformat()}", style="bold"),
        _note(said["latest"]), Text(""),
        Text(f"{view.name} and its {view.peers_title} (latest graded inspection of each)", style="bold"), peers,
    ]
    if said.get("peers"):
        parts.append(_note(said["peers"]))
    parts += [Text(""), Text(f"{view.region} and England", style="bold"), shares, _note(said["shares"]), Text("")]
    moves = view.direction()
    if moves:
        prev, last = view.previous, view.latest
        t = _table("Area", f"Previous ({_day(inspected_on(prev))})", f"Latest ({_day(inspected_on(last))})", "Change")
        for area, a, b, m in moves:
            t.add_row(Text(area.short), grade_text(a, compact=True), grade_text(b, compact=True),
                      Text(m.words, style=CHANGE_STYLE[m]))
        parts += [Text("Direction of travel", style="bold"), t]
    parts.append(_note(said["direction"]))
    return Group(*parts)


def journeys_renderable(view: JourneysView, sentences: Sequence[str]) -> Group:
    parts: list[RenderableType] = [
        Text(f"From {view.source.label} to {view.target.label} (overall effectiveness), as at "
             f"{view.as_at.isoformat()}", style="bold")]
    if view.done:
        t = _table("Authority", "From", "To", "Via", "Took", right=(4,))
        for j in view.done:
            star = "*" if j.measured == "publication dates" else ""
            took = f"{j.days:,} days{star}" if j.days is not None else "?"
            t.add_row(plain(j.name), _visit(j.start, j.from_day, star), _visit(j.end, j.to_day, star),
                      Text(", ".join(_short(r) for r in j.via) or "—"), Text(took))
        parts.append(t)
    parts += [_note(s) for s in sentences]
    if any(j.measured == "publication dates" for j in view.done):
        parts.append(Text("* published on that day: a source gives no inspection date, so the move is measured "
                          "from publication to publication", style="dim"))
    if view.on_the_way:
        t = _table("Authority", f"{view.source.label.capitalize()} since", "Latest inspection", "Days", right=(3,))
        for j in view.on_the_way:
            last = j.via[-1] if j.via else j.start
            t.add_row(plain(j.name), Text(_day(j.from_day)), _visit(last),
                      Text(f"{j.days:,}" if j.days is not None else "?"))
        parts += [Text(""), Text("Still on the way", style="bold"), t]
    if view.not_comparable:
        areas = [a for a in HEADLINE_AREAS if a is not Area.OVERALL_EFFECTIVENESS]
        t = _table("Authority", "Since", "Inspected", *(a.short for a in areas),
                   nowrap=(1, 2))
        for j in view.not_comparable:
            t.add_row(plain(j.name), Text(_day(inspected_on(j.start))), Text(_day(inspected_on(j.end))),
                      *(grade_text(j.end.judgements.get(a), compact=True) for a in areas))
        parts += [Text(""), Text("Not comparable: inspected since under the framework from April 2026", style="bold"),
                  t]
    return Group(*parts)


def _short(r: Record) -> str:
    g = r.overall
    return f"{r.year} {g.on_scale.short.lower() if g else 'no overall'}"


def _visit(r: Record | None, day=None, mark: str = "") -> Text:
    """An inspection as its day (``day``, where given: the day a measure runs from or to) and overall grade."""
    if r is None:
        return Text("")
    return Text(f"{_day(day or inspected_on(r))}{mark} ") + grade_text(r.overall, compact=True)


def concerns_renderable(name: str, concerns, sentences: Sequence[str]) -> Group:
    """The themes raised as areas for improvement, with each finding's text under its theme."""
    from ..report import month_words

    t = _table("Theme", "Visits", "First", "Latest", "At the latest visit with findings", right=(1,))
    for row in concerns.rows:
        t.add_row(Text(row.label), Text(str(len(row.visits))), Text(month_words(row.visits[0].when)),
                  Text(month_words(row.visits[-1].when)),
                  Text("still raised", style="bold red") if row.still_raised else Text("not raised", style="green"))
    parts: list[RenderableType] = [Text(f"What keeps coming back: {name}", style="bold")]
    if concerns.rows:
        parts.append(t)
    parts += [_note(s) for s in sentences]
    for row in concerns.rows:
        parts += [Text(""), Text(row.label, style="bold underline")]
        for visit_id, text in row.texts:
            parts.append(Text("  • ") + Text(visit_id, style="dim") + Text("  ") + plain(text))
    return Group(*parts)
