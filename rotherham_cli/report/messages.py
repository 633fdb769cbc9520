"""The sentences around the tables, and which authority a report is about."""

from __future__ import annotations

from collections.abc import Sequence

from ..models import Record
from ..words import count as _count
from ..words import month_words, when_words
from .model import Report
from .phrases import _visit_head, theme_words, visit_words


def change_message(report: Report) -> str:
    """The sentence above the latest-against-previous table, or in its place."""
    if report.latest is None:
        return f"The records hold no graded inspection of {report.name}, so there is nothing to compare."
    if report.change is None:
        return (f"The records hold one graded inspection of {report.name} ({_visit_head(report.latest)}), "
                "so there is no previous one to compare it with.")
    d = report.change
    between = " Between them the records hold no visit without grades."
    if d.between:
        between = (f" Between them the records hold {_count(len(d.between), 'visit')} without grades: "
                   + "; ".join(f"{r.kind.label.lower()} in {month_words(r.when)} ({theme_words(r)})"
                               for r in d.between) + ".")
    if d.unlisted:
        between += f" {d.unlisted}"
    return (f"The latest graded inspection ({visit_words(d.after)}, {when_words(d.after.when)}) against the "
            f"previous one ({visit_words(d.before)}, {when_words(d.before.when)}).{between}")


def _where(report: Report) -> str:
    return ", linked under Sources," if any(s.url for s in report.sources) else ""


def as_at_sentence(report: Report) -> str:
    """The one day every figure of the report is as at, and what that means."""
    if report.as_at is None:
        return "The records hold no dated visit."
    day = when_words(report.as_at)
    why = "" if report.as_at_given else ", the latest day in the records"
    left = (f" {_count(report.left_out, 'later visit')} of {report.name} in the records "
            f"{'is' if report.left_out == 1 else 'are'} left out." if report.left_out else "")
    return (f"Ofsted's judgements as at {day}{why}: every figure here counts the inspections and visits "
            f"published by that day, for {report.name} and for every other authority.{left}")


def recommendations_message(report: Report) -> str:
    """The sentence above the latest inspection's recommendations, or in their place."""
    r = report.latest
    if r is None:
        return f"The records hold no graded inspection of {report.name}, so no recommendations to list."
    if r.recommendations:
        return (f"What the latest graded inspection ({_visit_head(r)}) said needs to improve: all "
                f"{_count(len(r.recommendations), 'point')} the records hold from its report.")
    return (f"The records hold none of the recommendations of the latest graded inspection ({_visit_head(r)}). "
            f"Ofsted's report{_where(report)} says what needs to improve.")


def send_message(report: Report) -> str:
    """The sentence of the section on the area's last area SEND inspection (Ofsted and the CQC), or in its
    place. An outcome, never a grade."""
    r = report.send
    if r is None:
        return (f"The records hold no area SEND inspection of {report.name}. The shipped records hold those that "
                "the reports and Data to Insight's overview in their sources give (framework of January 2023, "
                "inspections from January 2023 to July 2025), not every one Ofsted and the CQC have made.")
    held = when_words(r.start) if r.start else f"published {when_words(r.published)}"
    if r.outcome is None:
        return (f"Ofsted and the Care Quality Commission inspected the local area's arrangements for children and "
                f"young people with special educational needs and disabilities ({held}); the records do not give "
                "the outcome.")
    return (f"Ofsted and the Care Quality Commission inspected the local area's arrangements for children and young "
            f"people with special educational needs and disabilities ({held}). The outcome (not a grade): "
            f"{r.outcome.label[0].lower()}{r.outcome.label[1:]}. What follows, as the reports say: "
            f"{r.outcome.info.consequence}.")


def send_points(report: Report) -> list[tuple[str, list[str]]]:
    """The last area SEND inspection's areas for priority action and for improvement, each with its heading
    (none where the records hold none)."""
    r = report.send
    if r is None:
        return []
    parts = [("Areas for priority action", [str(t) for t in r.areas_for_priority_action]),
             ("Areas for improvement", [str(t) for t in r.areas_for_improvement])]
    return [(title, items) for title, items in parts if items]


def recommendations_list(report: Report) -> list[str]:
    """The latest graded inspection's recommendations in full, as the records hold them."""
    return [str(t) for t in report.latest.recommendations] if report.latest else []


def concerns_message(report: Report) -> str:
    """The sentence that opens the concerns section, or stands in its place."""
    c = report.concerns
    if report.official_only:
        return (f"The records of {report.name} hold Ofsted's grades and dates (from its official statistics and "
                "reports) but neither the inspectors' findings nor their recommendations, so the concerns they "
                f"raised cannot be listed here. Ofsted's reports themselves{_where(report)} say what needs to improve.")
    if c.basis == "recommendations":
        if not c.recurring:
            return (f"The records hold the recommendations of {_count(c.visits_with_findings, 'visit')} of "
                    f"{report.name} (not the inspectors' findings): no theme of them came up at more than one.")
        return (f"The records hold the recommendations of {_count(c.visits_with_findings, 'visit')} of "
                f"{report.name} but not the inspectors' findings, so these themes are the recommendations', "
                "given by the tool's rules (docs/themes.md): "
                f"{_count(len(c.recurring), 'theme')} came up at more than one visit.")
    if not c.rows:
        return (f"None of the {_count(c.visits_with_findings, 'visit')} whose findings the records hold raised "
                "an area for improvement.")
    if not c.recurring:
        return "No theme was raised as an area for improvement at more than one visit."
    return (f"{_count(len(c.recurring), 'theme')} came up as an area for improvement at more than one of "
            f"{report.name}'s visits.")


def report_authority(records: Sequence[Record], text: str | None) -> str:
    """The register's slug of the authority a report is about: the one named (current or former), else
    the home authority. An unknown name is a usage error; a known one the records do not hold, a data
    error naming it."""
    from .. import authorities
    from ..query import check_authority, home_authority

    slug = authorities.resolve(text).slug if text else home_authority()
    check_authority(records, frozenset({slug}))
    return slug
