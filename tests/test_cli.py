"""The real commands on fixture records: what a person sees on stdout and stderr, and exit codes."""

import csv
import io
import json

import pytest
from conftest import GOOD

R = ("--records", str(GOOD))


def lines(text: str) -> list[str]:
    return [line.rstrip() for line in text.splitlines()]


def test_version(run):
    from rotherham_cli import __version__

    res = run("--version")
    assert (res.exit_code, res.stdout) == (0, f"judgements {__version__}\n")


def test_help_lists_commands_with_examples(run):
    res = run("--help")
    assert res.exit_code == 0
    for command in ("list", "show", "validate", "diff", "timeline", "export", "schema"):
        assert f"  {command} " in res.stdout
    assert "judgements diff 2014 2017" in res.stdout


ALL_COMMANDS = ["list", "show", "validate", "diff", "timeline", "export", "schema", "import-report",
                "import-official", "check", "report", "chart", "england", "compare", "journeys", "concerns",
                "search", "themes", "latest"]


def test_help_names_every_command():
    from rotherham_cli.cli import app

    names = [c.name or c.callback.__name__ for c in app.registered_commands]
    assert sorted(names) == sorted(ALL_COMMANDS)


@pytest.mark.parametrize("command", ALL_COMMANDS)
def test_every_command_has_help_with_examples(run, command):
    res = run(command, "--help")
    assert res.exit_code == 0
    assert "Examples:" in res.stdout
    assert f"judgements {command}" in res.stdout


def test_list_narrow_screen_keeps_grades(run):
    res = run("list", *R, "-a", "rutland", env={"COLUMNS": "80"})
    out = lines(res.stdout)
    assert out[0] == "Rutland: 6 visits, oldest first"
    assert out[1].split() == ["When", "Visit", "Grade", "or", "theme"]
    assert out[3] == "2015-03-02   rutland-2015-sif-inspection     Inadequate"
    assert max(len(line) for line in out) <= 80


def test_list_visits_table(run):
    res = run("list", *R, "--kind", "visits")
    assert res.exit_code == 0, res.stderr
    assert lines(res.stdout) == [
        "Rutland: 2 visits, oldest first",
        "    When   Visit                           Grade or theme          Summary",
        "─" * 113,
        "2016-06*   rutland-2016-monitoring-visit   Looked after children   A fixture monitoring visit with no known days.",
        " 2019-03   rutland-2019-03-focused-visit   Achieving permanence    A fixture focused visit.",
        "* date of publication: the sources do not give the dates of the visit",
        "The records hold no list of visits for June 2016 to March 2019, so the visits held there are only those a report",
        "or the authority names.",
    ]
    assert res.stderr == ""


def test_list_wide_screen_shows_kind(run):
    res = run("list", *R, "--kind", "visits", env={"COLUMNS": "160"})
    out = lines(res.stdout)
    assert out[1].split() == ["When", "Visit", "Kind", "Grade", "or", "theme", "Summary"]
    assert out[3].startswith("2016-06*   rutland-2016-monitoring-visit   Monitoring visit   Looked after")


def test_list_all_oldest_first_with_grades_in_words(run):
    res = run("list", *R, "--format", "csv")
    assert res.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(res.stdout)))
    assert [r["id"] for r in rows] == [
        "rutland-2015-sif-inspection", "rutland-2016-monitoring-visit", "rutland-2017-sif-reinspection",
        "rutland-2019-03-focused-visit", "slough-2019-ilacs-standard", "rutland-2022-ilacs-short",
        "rutland-2025-ilacs-short",
    ]
    assert rows[0]["overall"] == "Inadequate"
    assert rows[0]["summary"] == "A fixture inspection that found serious failures."
    assert rows[4]["overall"] == "Requires improvement to be good"
    assert rows[1]["theme"] == "Looked after children"


def test_list_filters_combine(run):
    res = run("list", *R, "--kind", "graded", "--since", "2019", "--authority", "rutland", "--format", "json")
    data = json.loads(res.stdout)
    assert [d["id"] for d in data] == ["rutland-2022-ilacs-short", "rutland-2025-ilacs-short"]
    assert data[1]["judgements"]["care_leavers"] == "good"


def test_list_markdown(run):
    res = run("list", *R, "--until", "2016", "--format", "markdown")
    assert lines(res.stdout) == [
        "| when | id | authority | kind | overall | theme | summary | days_to_publish | days_to_publish_not_known |",
        "|---|---|---|---|---|---|---|---|---|",
        "| 2015-03-02 | rutland-2015-sif-inspection | Rutland | SIF inspection | Inadequate |   | "
        "A fixture inspection that found serious failures. | 36 |   |",
        "| 2016-06 | rutland-2016-monitoring-visit | Rutland | Monitoring visit |   | Looked after children | "
        "A fixture monitoring visit with no known days. |   | publication date known only to the month |",
    ]


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (("--kind", "bogus"), 2, "Error: --kind: 'bogus' is not a kind of visit; the kinds are graded, visits, slac, "
         "slac_reinspection, cpi, cpri, tlac, sif_inspection, sif_reinspection, ilacs_standard, ilacs_short, "
         "focused_visit, monitoring_visit, jtai, area_send\n"),
        (("--since", "2020", "--until", "2019"), 2, "Error: --since 2020 is after --until 2019\n"),
        (("--authority", "Nowhere"), 2, "Error: no authority 'Nowhere'\n"),
        (("--authority", "Hul"), 2, "Error: no authority 'Hul'; did you mean Kingston upon Hull?\n"),
        (("--authority", "Rotherham"), 1, "Error: no records for Rotherham; the records hold Rutland, Slough\n"),
    ],
)
def test_list_bad_options(run, args, code, message):
    res = run("list", *R, *args)
    assert (res.exit_code, res.stdout, res.stderr) == (code, "", message)


def test_list_missing_folder(run, tmp_path):
    res = run("list", "--records", tmp_path / "nope")
    assert res.exit_code == 1
    assert res.stderr == f"Error: {tmp_path / 'nope'}: records folder does not exist\n"


def test_records_from_environment(run):
    res = run("list", "--format", "csv", env={"JUDGEMENTS_RECORDS": str(GOOD)})
    assert "rutland-2015-sif-inspection" in res.stdout


def test_show_in_full(run):
    res = run("show", "rutland-2015-sif-inspection", *R)
    assert res.exit_code == 0
    out = lines(res.stdout)
    assert out[0] == "rutland-2015-sif-inspection"
    assert "Framework   Single inspection framework (SIF, 2013-2018)" in out
    assert "On site     2015-03-02 to 2015-03-26" in out
    # every grade with its official wording, in the report's order
    i = out.index("Judgements")
    assert [line.split("  ")[0] for line in out[i + 3 : i + 10]] == [
        "Overall effectiveness", "Children who need help and protection",
        "Children looked after and achieving permanence", "Adoption performance",
        "Experiences and progress of care leavers", "Leadership, management and governance",
        "The effectiveness of the Local Safeguarding Children Board",
    ]
    assert out[i + 5].endswith("Requires improvement to be good")  # children looked after
    assert out[i + 6].endswith("Good")  # adoption
    assert "  • Management oversight was weak.  [management oversight and supervision]" in out
    assert "  1. Strengthen management oversight." in out
    assert "  [fixture] A made-up report for tests, The judgements test suite, https://example.org/rutland" in out


def test_show_by_year_and_keywords(run):
    assert lines(run("show", "2022", *R, "-a", "Rutland").stdout)[0] == "rutland-2022-ilacs-short"
    assert lines(run("show", "latest", *R, "-a", "Rutland").stdout)[0] == "rutland-2025-ilacs-short"
    assert lines(run("show", "previous", *R, "-a", "Rutland").stdout)[0] == "rutland-2022-ilacs-short"
    assert lines(run("show", "first", *R, "-a", "Rutland").stdout)[0] == "rutland-2015-sif-inspection"
    ungraded = lines(run("show", "2016", *R, "-a", "Rutland").stdout)
    assert ungraded[0] == "rutland-2016-monitoring-visit"
    assert "On site    not given by the sources" in ungraded


def test_show_unknown_lists_nearest(run):
    res = run("show", "rutland-2015-sif", *R)
    assert res.exit_code == 1
    assert res.stdout == ""
    assert res.stderr.startswith("Error: no visit 'rutland-2015-sif'; did you mean rutland-2015-sif-inspection")


def test_year_picks_its_graded_inspection(run):
    # 2019 holds Rutland's focused visit and Slough's one graded inspection
    assert lines(run("show", "2019", *R).stdout)[0] == "slough-2019-ilacs-standard"
    # within Rutland, 2019's only visit is ungraded: it is the one meant
    assert lines(run("show", "2019", *R, "-a", "Rutland").stdout)[0] == "rutland-2019-03-focused-visit"


def test_ambiguous_year_lists_candidates(run, tmp_path):

    # before 2013, a safeguarding (SLAC) and a child protection inspection (CPI) could fall in one year
    for kind, area in (("slac", "safeguarding"), ("cpi", "child_protection")):
        (tmp_path / f"rutland-2012-{kind}.yaml").write_text(
            f"id: rutland-2012-{kind}\nauthority: {{name: Rutland}}\nkind: {kind}\nframework: pre_2013\n"
            f"published: 2012-06-01\njudgements: {{{area}: good}}\n"
            "sources: [{id: fixture, title: A made-up report, publisher: Tests, url: 'https://example.org/r'}]\n")
    res = run("show", "2012", "--records", tmp_path)
    assert (res.exit_code, res.stdout) == (1, "")
    assert res.stderr == "Error: 2012 has 2 graded inspections: rutland-2012-cpi, rutland-2012-slac; name one by id\n"


def test_unknown_year(run):
    res = run("diff", "2013", "2022", *R, "-a", "rutland")
    assert (res.exit_code, res.stderr) == (
        1, "Error: no visit in 2013; graded inspections took place in 2015, 2017, 2022, 2025\n")


def test_keyword_needs_authority_when_several(run):
    res = run("show", "latest", *R)
    assert (res.exit_code, res.stderr) == (
        1, "Error: 'latest' is ambiguous across 2 authorities; add --authority NAME\n")


def test_show_json(run):
    data = json.loads(run("show", "rutland-2016-monitoring-visit", *R, "--format", "json").stdout)
    assert data["theme"] == "looked_after_children"
    assert data["published"] == "2016-06"
    assert data["judgements"] == {}


def test_record_text_is_printed_literally(run):
    res = run("show", "rutland-2022-ilacs-short", *R)
    assert '=HYPERLINK("http://evil.example") and [bold]markup[/bold] shown as typed' in res.stdout


def test_no_colour_codes_when_no_color(run):
    res = run("list", *R, env={"NO_COLOR": "1", "FORCE_COLOR": "1"})
    assert res.exit_code == 0 and "rutland-2015-sif-inspection" in res.stdout  # it printed the list
    assert "\x1b[" not in res.stdout


def test_colour_when_forced(run):
    res = run("list", *R, env={"NO_COLOR": "", "FORCE_COLOR": "1", "TERM": "xterm-256color"})
    assert "\x1b[" in res.stdout
    assert "Inadequate" in res.stdout  # grades are words, colour is decoration only


def test_schema(run):
    data = json.loads(run("schema").stdout)
    assert data["title"] == "judgements visit record"
    assert set(data["required"]) >= {"id", "authority", "kind", "framework", "sources"}
    start = data["properties"]["start"]["anyOf"][0]
    assert start["pattern"] == r"^\d{4}(-\d{2}(-\d{2})?)?$"


def test_interrupt_exits_130_without_traceback(run, monkeypatch):
    import rotherham_cli.loader as loader

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(loader, "load_valid", interrupted)
    res = run("show", "latest", *R)
    assert (res.exit_code, res.stdout, res.stderr) == (130, "", "Interrupted.\n")


def test_unexpected_failure_is_one_line_with_the_debug_hint(run, monkeypatch):
    import rotherham_cli.loader as loader

    def broken(*args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(loader, "load_valid", broken)
    res = run("show", "latest", *R)
    assert (res.exit_code, res.stdout) == (1, "")
    assert res.stderr == (
        "Error: unexpected RuntimeError: disk on fire (set JUDGEMENTS_DEBUG=1 for the full traceback)\n")
    with pytest.raises(RuntimeError):
        run("show", "latest", *R, env={"JUDGEMENTS_DEBUG": "1"})
