"""The `search` command: the visits whose words hold the words asked for."""

from __future__ import annotations

from typing import Annotated

import typer

from ..choices import Format
from .app import (
    AuthorityOpt,
    FormatOpt,
    KindOpt,
    RecordsOpt,
    SinceOpt,
    UntilOpt,
    app,
    emit,
    err,
    filtered,
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
        from ..listing import plain_output
        from ..render.search import search_renderable

        return search_renderable(hits, summary(hits), label, marks=plain_output() or _no_colour())

    emit(fmt, table=table, data=lambda: search_data(hits, hit_themes(chosen, hits)),
         rows=lambda: search_rows(hits, hit_themes(chosen, hits)))


def _no_colour() -> bool:
    import os

    return bool(os.environ.get("NO_COLOR"))
