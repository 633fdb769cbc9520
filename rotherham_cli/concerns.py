"""Concerns that keep coming back, in words and rows (the concerns themselves are found by
report.concerns_for)."""

from __future__ import annotations


def concerns_of(records, slug: str):
    """The name of the authority ``slug`` and the concerns its visits among ``records`` raise."""
    from . import authorities
    from .identity import authority_slug
    from .report import concerns_for

    return authorities.get(slug).name, concerns_for([r for r in records if authority_slug(r) == slug])


def concerns_sentences(name: str, concerns) -> list[str]:
    """One line per recurring theme ('management oversight: raised in 2014, 2016 and 2017; not raised
    since'), or what the records cannot say."""
    from .words import and_list, count, month_words

    what = concerns.basis  # findings (tagged by hand), or recommendations (themed by the rules)
    if concerns.visits_with_findings == 0:
        return [f"The records of {name} hold neither inspectors' findings nor recommendations for any of its "
                f"{count(concerns.visits, 'visit')} (they hold Ofsted's grades and dates), so the concerns "
                "raised cannot be listed; Ofsted's reports, named in each record's sources, say what needs to "
                "improve."]
    if not concerns.rows:
        return [f"None of the {count(concerns.visits_with_findings, 'visit')} whose {what} the records hold "
                "raised an area for improvement."]
    out = [f"Of {name}'s {count(concerns.visits, 'visit')}, the records hold the {what} of "
           f"{concerns.visits_with_findings}; the latest of them is {concerns.latest_with_findings.id}."
           + (" The themes are the recommendations', given by the rules of docs/themes.md." if what ==
              "recommendations" else "")]
    for row in concerns.recurring:
        years = [str(v.year) for v in row.visits]
        if len(set(years)) < len(years):  # two visits in one year: say the months
            years = [month_words(v.when) for v in row.visits]
        tail = "still raised at the latest visit" if row.still_raised else "not raised since"
        out.append(f"{row.label.lower()}: raised in {and_list(years)}; {tail}.")
    return out


def concerns_rows(concerns) -> tuple[list[str], list[list]]:
    """One row per finding: its theme, visit, date and short text (for CSV and Markdown)."""
    header = ["theme", "visits_raising", "still_raised", "visit", "when", "finding"]
    when = {v.id: v.when for row in concerns.rows for v in row.visits}
    rows = []
    for row in concerns.rows:
        for visit_id, text in row.texts:
            rows.append([row.label, len(row.visits), "yes" if row.still_raised else "no", visit_id,
                         str(when.get(visit_id) or ""), text])
    return header, rows


def concerns_dict(name: str, concerns) -> dict:
    return {
        "authority": name, "visits": concerns.visits, "visits_with_findings": concerns.visits_with_findings,
        "themes": [{"theme": row.theme, "label": row.label, "visits": [v.id for v in row.visits],
                    "first": str(row.visits[0].when), "latest": str(row.visits[-1].when),
                    "still_raised": row.still_raised,
                    "findings": [{"visit": i, "text": t} for i, t in row.texts]} for row in concerns.rows],
    }
