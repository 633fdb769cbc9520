"""The tables, as cells (text, or a Grade for the renderer to show as its word and colour)."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..england import pct
from ..vocab import SCALE, Change
from ..words import and_list as _and
from ..words import count as _count
from ..words import month_words, when_words
from .model import Report
from .phrases import _visit_head, theme_words


@dataclass(frozen=True)
class Table:
    header: list[str]
    rows: list[list]  # each cell: str, Grade or None (empty)
    caption: str = ""
    notes: list[str] = field(default_factory=list)


def journey_table(report: Report) -> Table:
    """The chart as a table: one row per area, one column per graded inspection."""
    t = report.timeline
    rows = []
    for area in t.areas:
        rows.append([area.short, *(c.grade if (c := t.cell(area, i)) else None for i in range(len(t.columns)))])
    notes = []
    legacy = sorted({c.grade for c in t.cells.values() if c.grade.is_legacy}, key=lambda g: g.value)
    for g in legacy:
        notes.append(f"{g.label}: an older word, placed on today's scale as {g.on_scale.in_words}, "
                     "as Ofsted's official statistics place it.")
    return Table(["Area", *(_visit_head(r) for r in t.columns)], rows,
                 f"Grades by area at each graded inspection of {report.name}; an empty cell: not judged.", notes)


def visits_table(report: Report) -> Table:
    rows = [[when_words(r.when), r.kind.label, theme_words(r), r.headline or ""] for r in report.visits]
    return Table(["When", "Visit", "Theme", "In one line"], rows,
                 "Focused and monitoring visits: Ofsted gives no grades at these.")


def change_table(report: Report) -> Table | None:
    d = report.change
    if d is None:
        return None
    rows = []
    notes: list[str] = []
    for a in d.areas:
        words = f"{a.change.arrow} {a.change.described(a.steps)}".strip()
        if a.note:
            if a.note not in notes:
                notes.append(a.note)
            words += f" (note {notes.index(a.note) + 1})"
        rows.append([a.area.short, a.before, a.after, words])
    header = ["Area", _visit_head(d.before), _visit_head(d.after), "Change"]
    counts = [f"{_count(d.count(c), 'area')} {c.words}" for c in Change if d.count(c)]
    return Table(header, rows, _and(counts) + ".", [f"Note {i + 1}: {n}." for i, n in enumerate(notes)])


def concerns_table(report: Report) -> Table | None:
    c = report.concerns
    if not c.rows:
        return None
    latest = c.latest_with_findings
    rows = []
    for row in c.recurring:
        status = "still raised" if row.still_raised else f"not raised since {row.when[-1]}"
        rows.append([row.label, str(len(row.visits)), ", ".join(row.when), status])
    what = "findings" if c.basis == "findings" else "recommendations"
    caption = (f"Themes inspectors raised as areas for improvement at more than one visit, of the "
               f"{_count(c.visits_with_findings, 'visit')} whose {what} the records hold"
               + (f"; 'still raised' means raised at the latest of them ({_visit_head(latest)})." if latest else "."))
    once = [f"{r.label} ({r.when[0]})" for r in c.rows if len(r.visits) == 1]
    notes = [f"Raised at one visit only: {_and(once)}."] if once else []
    return Table(["Theme", "Visits", "Raised", "Latest"], rows, caption, notes)


def _share(n: int, graded: int) -> str:
    """A count and its share of the authorities with an overall grade, as `england` and `compare` write it."""
    return f"{n} ({pct(n, graded)})" if graded else str(n)


def peers_table(report: Report) -> Table | None:
    cmp = report.comparison
    if not cmp.neighbours or cmp.england is None:
        return None
    rows = []
    for p in cmp.neighbours:
        r = p.record
        name = f"{p.name} (this report)" if p.is_self else p.name
        if r is None:
            rows.append([name, "no graded inspection in the records", None])
        else:
            rows.append([name, _visit_head(r), r.overall if r.overall else "no overall grade"])
    me = cmp.neighbours[0]
    others = [p for p in cmp.neighbours[1:]]
    if me.overall is not None and others:
        g = me.overall.on_scale
        same = sum(1 for p in others if p.overall is not None and p.overall.on_scale is g)
        better = sum(1 for p in others if p.overall is not None and p.overall.rank < g.rank)
        caption = (f"{same} of {report.name}'s {len(others)} {cmp.neighbours_title} are graded "
                   f"{g.in_words} overall at their latest inspection, and {better} better.")
    else:
        caption = f"The latest graded inspection of {report.name} and its {cmp.neighbours_title}."
    return Table(["Authority", "Latest graded inspection", "Overall effectiveness"], rows, caption)


def shares_table(report: Report) -> Table | None:
    cmp = report.comparison
    if cmp.england is None:
        return None
    cols = [s for s in (cmp.region, cmp.england) if s is not None]
    rows: list[list] = [[g, *(_share(s.counts[g], s.graded) for s in cols)] for g in SCALE]
    if any(s.no_overall for s in cols):
        rows.append(["Graded without an overall grade (framework from April 2026)", *(str(s.no_overall) for s in cols)])
    if any(s.not_held for s in cols):
        rows.append(["No graded inspection in the records", *(str(s.not_held) for s in cols)])
    rows.append(["Authorities", *(str(s.total) for s in cols)])
    me = report.latest.overall.on_scale if report.latest and report.latest.overall else None
    if cmp.covered < cmp.current:
        caption = (f"The records hold graded inspections of only {cmp.covered} of England's {cmp.current} "
                   "authorities, so these counts are partial; the last rows say how many are not held.")
    elif me is not None and report.former is None:
        caption = (f"{report.name} is one of {cmp.england.counts[me]} of England's {cmp.england.total} authorities "
                   f"graded {me.in_words} overall at their latest inspection"
                   + (f", and of {cmp.region.counts[me]} of {cmp.region.total} in {cmp.region.label}."
                      if cmp.region else "."))
    elif me is not None:
        caption = (f"{report.name} no longer exists and is not counted. Of today's {cmp.england.total} authorities, "
                   f"{cmp.england.counts[me]} are graded {me.in_words} overall at their latest inspection, "
                   f"as {report.name} was at its last.")
    else:
        caption = "Overall effectiveness at each authority's latest graded inspection."
    shares = "; ".join(f"in {s.label}, of the {s.graded} with one" for s in cols)
    return Table(["Overall effectiveness", *(s.label for s in cols)], rows, caption,
                 [f"Percentages are shares of the authorities with an overall grade ({shares}).",
                  "Current authorities only; each counted at its latest graded inspection (SIF or ILACS) published "
                  f"by {when_words(report.as_at)}; the latest the records hold for authorities other than "
                  f"{report.name} was held in {month_words(cmp.others_to)}."])
