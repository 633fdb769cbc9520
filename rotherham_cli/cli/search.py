"""Commands over the words of the records: search (the visits that say something) and themes (what a
visit's recommendations are about, and why)."""

from __future__ import annotations

from typing import Annotated

import typer

from ..choices import Format
from ..scope import filtered, load_visits
from .app import (
    AuthorityOpt,
    EnglandOpt,
    FormatOpt,
    KindOpt,
    RecordsOpt,
    SinceOpt,
    UntilOpt,
    app,
    colourless,
    emit,
    err,
    handle_errors,
)

TextArg = Annotated[list[str], typer.Argument(
    metavar="TEXT...", help="The words to find; \"quote\" a phrase whose words must stand together.")]


@app.command(epilog=(
    "\b\nExamples:\n"
    "  judgements search unregistered\n"
    "  judgements search \"management oversight\" --since 2023\n"
    "  judgements search exploit* missing -a region:London\n"
    "  judgements search '\"return home interviews\"' --kind graded --format csv > rhi.csv"
))
@handle_errors
def search(
    text: TextArg,
    records: RecordsOpt = None,
    authority: AuthorityOpt = None,
    kind: KindOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    fmt: FormatOpt = Format.table,
) -> None:
    """Find the visits whose recommendations, findings, headline or summary hold every word asked for
    (any authority unless -a says which): the authority, the visit and each matching text, the words
    marked (bold on a terminal, «between these» without colour). Words are whole words in any case and
    order; a word ending in * matches any ending (exploit* finds exploitation); "quote" a phrase.
    CSV and JSON give the themes of each matching recommendation too."""
    from ..search import hit_themes, parse_query, search_data, search_rows, summary
    from ..search import search as find
    from ..words import and_list

    query = parse_query(" ".join(text))
    _, chosen = filtered(records, authority, kind, since, until, home=False)
    hits = find(chosen, query)
    label = and_list([f"'{w}'" for w in query.words])

    def table():
        if not hits:
            err(f"No text holds {label}.")
            return None
        from ..render.search import search_renderable

        return search_renderable(hits, summary(hits), label, marks=colourless())

    emit(fmt, table=table, data=lambda: search_data(hits, hit_themes(chosen, hits)),
         rows=lambda: search_rows(hits, hit_themes(chosen, hits)))


@app.command(epilog=(
    "\b\nExamples:\n"
    "  judgements themes latest -a Devon\n"
    "  judgements themes devon-2024-ilacs-standard --why\n"
    "  judgements themes 2014 --format json"
))
@handle_errors
def themes(
    visit: Annotated[str, typer.Argument(metavar="VISIT", help="An id, a year, 'latest', 'previous' or 'first'.")],
    records: RecordsOpt = None,
    authority: AuthorityOpt = None,
    why: Annotated[bool, typer.Option("--why", help="Show the words of each recommendation that gave each "
                                      "theme (CSV, JSON and Markdown always give them).")] = False,
    fmt: FormatOpt = Format.table,
    with_england: EnglandOpt = False,
) -> None:
    """What one visit's recommendations are about: the themes of the finding-theme vocabulary each is
    given by the rules of data/themes.yaml (one to three, or none), and with --why the words that gave
    them; findings keep the themes tagged by hand. See docs/themes.md for the rules and how well they do."""
    from ..themes import visit_themes_data, visit_themes_rows

    (record,), _ = load_visits(records, authority, [visit], with_england)

    def table():
        from ..render.themes import themes_renderable

        return themes_renderable(record, why)

    emit(fmt, table=table, data=lambda: visit_themes_data(record), rows=lambda: visit_themes_rows(record))
