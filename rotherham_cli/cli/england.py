"""Commands that set an authority in context: england, compare, journeys, concerns."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from ..choices import Format
from ..scope import filtered, load, one_authority
from ..vocab import Remit
from .app import (
    AuthorityOpt,
    EnglandOpt,
    EveryAuthorityOpt,
    FormatOpt,
    OneAuthorityOpt,
    RecordsOpt,
    SinceOpt,
    UntilOpt,
    app,
    emit,
    handle_errors,
    screen_width,
)

AsAtOpt = Annotated[Optional[str], typer.Option(
    "--as-at", metavar="DATE", help="Count the latest inspection held by this day, YYYY-MM-DD (default: today).")]
PublishedByOpt = Annotated[Optional[str], typer.Option(
    "--published-by", metavar="DATE",
    help="Count only inspections published by this day: the table as Ofsted could print it then.")]
AuthorityArg = Annotated[Optional[str], typer.Argument(
    metavar="[AUTHORITY]", help="An authority by name, alias or code (default: the home authority, "
    "$JUDGEMENTS_AUTHORITY, else Rotherham).")]


def _date(value: Optional[str], option: str):
    from datetime import date

    from ..errors import UsageError

    if value is None:
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise UsageError(f"{option}: '{value}' is not a day; write it as YYYY-MM-DD, e.g. 2025-03-31") from None


def _today():
    from datetime import date

    return date.today()


@app.command(epilog="\b\nExamples:\n  judgements england\n  judgements england --as-at 2025-03-31 --ofsted\n"
             "  judgements england -a region:London -a neighbours:Rotherham\n"
             "  judgements england --area adoption\n"
             "  judgements england --area help_and_protection --format csv > regions.csv\n"
             "  judgements england --remit send\n"
             "  judgements england --which inadequate\n  judgements england --series --format csv > series.csv")
@handle_errors
def england(
    as_at: Annotated[Optional[str], typer.Option(
        "--as-at", metavar="DATE", help="Count the latest inspection held by this day, YYYY-MM-DD (default: the "
        "latest publication the records hold).")] = None,
    published_by: PublishedByOpt = None,
    ofsted: Annotated[bool, typer.Option(
        "--ofsted", help="Count as Ofsted's \"as at\" tables do: inspections held by the date and published "
        "within three months of it (by 30 June for 31 March).")] = False,
    area: Annotated[Optional[str], typer.Option(
        "--area", metavar="AREA", show_default=False,
        help="The judgement the table of regions counts: overall_effectiveness (the default; 'overall' will do), "
        "leadership, help_and_protection, children_in_care, care_leavers, or one judged only by an earlier "
        "framework (adoption, lscb: SIF; safeguarding, looked_after_children, child_protection: before 2013), "
        "counted by default at that framework's end.")] = None,
    remit: Annotated[Remit, typer.Option(
        "--remit", help="csc: Ofsted's inspections of children's services (grades); send: area SEND inspections "
        "by Ofsted and the CQC (outcomes).")] = Remit.CSC,
    authority: EveryAuthorityOpt = None,
    records: RecordsOpt = None,
    fmt: FormatOpt = Format.table,
    which: Annotated[Optional[str], typer.Option("--which", metavar="GRADE", help="The authorities behind one count "
                     "of --area: a grade, not-graded or not-inspected.")] = None,
    series: Annotated[bool, typer.Option("--series", help="England at every 31 March from the first the records "
                      "cover to --as-at, for --area: Ofsted's time series (CSV for a chart).")] = False,
    with_england: EnglandOpt = False,
) -> None:
    """England and each Ofsted region at a date (or the authorities --authority chooses): how many
    authorities stand at each grade, for overall effectiveness and each judgement, each at its latest
    graded inspection held by then (with --remit send, at each outcome of its latest area SEND inspection)."""
    from ..england import england_view, latest_day
    from ..errors import UsageError
    from ..query import authority_slugs, parse_area

    if ofsted and published_by is not None:
        raise UsageError("--ofsted sets the publication cut-off itself; give it or --published-by, not both")
    day, by = _date(as_at, "--as-at"), _date(published_by, "--published-by")
    if remit is Remit.SEND:
        loaded = load(records, with_england)
        return _send_england(loaded, day or latest_day(loaded), fmt)
    chosen = parse_area(area or "overall_effectiveness")  # a bad word is refused before any load
    loaded = load(records, with_england)  # once, whichever table is asked for
    if which:
        from .insights import england_which

        return england_which(loaded, which, chosen, day or latest_day(loaded), by, fmt)
    if series:
        from .insights import england_series

        return england_series(loaded, chosen, day or latest_day(loaded), fmt)
    view = england_view(loaded, day, by, ofsted=ofsted, within=authority_slugs(authority), area=chosen)

    def table():
        from ..render.england import england_renderable

        return england_renderable(view, chosen, screen_width())

    emit(fmt, table=table, data=view.to_dict, rows=view.rows)


def _send_england(records, as_at, fmt) -> None:
    from ..send import send_view

    view = send_view(records, as_at)

    def table():
        from ..render.send import send_england_renderable

        return send_england_renderable(view, screen_width())

    emit(fmt, table=table, data=view.to_dict, rows=view.rows)


@app.command(epilog="\b\nExamples:\n  judgements compare\n  judgements compare Barnsley\n"
             "  judgements compare -a Doncaster\n"
             "  judgements compare Devon Cornwall\n"
             "  judgements compare Cumbria --as-at 2022-12-31 --format json")
@handle_errors
def compare(
    name: AuthorityArg = None,
    other: Annotated[Optional[str], typer.Argument(metavar="[OTHER]", help="A second authority: the two side "
                                                   "by side.")] = None,
    authority: OneAuthorityOpt = None,
    as_at: AsAtOpt = None,
    records: RecordsOpt = None,
    fmt: FormatOpt = Format.table,
    with_england: EnglandOpt = False,
) -> None:
    """One authority against its ten statistical neighbours, its region and England: its latest grades,
    the days since, and the direction of travel since its previous inspection. With two authorities
    (compare A B): the two side by side, each one's latest grades and direction of travel."""
    from ..comparison import compare_view

    if other is not None:
        from .insights import compare_pair

        return compare_pair(records, name, other, _date(as_at, "--as-at") or _today(), fmt, with_england)
    loaded = load(records, with_england)
    view = compare_view(loaded, one_authority(loaded, name, authority), _date(as_at, "--as-at") or _today())

    def table():
        from ..render.england import compare_renderable

        return compare_renderable(view, screen_width())

    emit(fmt, table=table, data=view.to_dict, rows=view.rows)


@app.command(epilog="\b\nExamples:\n  judgements journeys\n  judgements journeys --from requires-improvement "
             "--to good-or-better\n  judgements journeys -a region:London --format csv > journeys.csv\n"
             "  judgements journeys --area help_and_protection")
@handle_errors
def journeys(
    source: Annotated[str, typer.Option("--from", metavar="GRADE", help="The grade the move starts from: a grade, "
                                        "or GRADE-or-better / GRADE-or-worse.")] = "inadequate",
    target: Annotated[str, typer.Option("--to", metavar="GRADE", help="The grade the move reaches.")]
    = "good-or-better",
    as_at: AsAtOpt = None,
    authority: EveryAuthorityOpt = None,
    records: RecordsOpt = None,
    area: Annotated[Optional[str], typer.Option(
        "--area", metavar="AREA", show_default=False, help="The judgement to follow: overall_effectiveness (the "
        "default), leadership, help_and_protection, children_in_care, care_leavers.")] = None,
    fmt: FormatOpt = Format.table,
    with_england: EnglandOpt = False,
) -> None:
    """Which authorities moved from one grade to another (overall effectiveness, or the judgement --area
    names), between which inspections and how long it took (median, quartiles, range); and those still on
    the way."""
    from ..journeys import journeys as find_journeys
    from ..journeys import journeys_sentences, parse_move

    a, b = parse_move(source, target)
    _, chosen = filtered(records, authority, home=False, with_england=with_england)
    from ..query import parse_area

    view = find_journeys(chosen, a, b, _date(as_at, "--as-at") or _today(), parse_area(area or "overall_effectiveness"))

    def table():
        from ..render.england import journeys_renderable

        return journeys_renderable(view, journeys_sentences(view), screen_width())

    emit(fmt, table=table, data=view.to_dict, rows=view.rows)


@app.command(epilog="\b\nExamples:\n  judgements concerns\n  judgements concerns Barnsley\n"
             "  judgements concerns -a Leeds --format csv > concerns.csv\n"
             "  judgements concerns -a region:London --since 2023\n  judgements concerns -a all --format csv")
@handle_errors
def concerns(
    name: AuthorityArg = None,
    authority: AuthorityOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    records: RecordsOpt = None,
    fmt: FormatOpt = Format.table,
    with_england: EnglandOpt = False,
) -> None:
    """What keeps coming back: every theme raised as an area for improvement across an authority's visits,
    graded or not, how often, first and latest, whether the latest visit still raises it, with each finding.
    With -a naming many authorities (region:NAME, all) or a period (--since, --until): the themes most
    often raised by their visits' recommendations and findings, by region, with the authorities behind each."""
    from ..concerns import concerns_dict, concerns_of, concerns_rows, concerns_sentences
    from .insights import concerns_across_many, wants_many

    if wants_many(authority, since, until):
        return concerns_across_many(records, authority or ([name] if name else []), since, until, fmt,
                                    with_england)
    loaded = load(records, with_england)
    name, found = concerns_of(loaded, one_authority(loaded, name, authority))

    def table():
        from ..render.england import concerns_renderable

        return concerns_renderable(name, found, concerns_sentences(name, found), screen_width())

    emit(fmt, table=table, data=lambda: concerns_dict(name, found), rows=lambda: concerns_rows(found))
