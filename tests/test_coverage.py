"""Coverage declared as data (rotherham_cli/data/coverage.yaml) and the parts of a period the shipped set
holds no list of visits for (issue 27). The expected periods are those the issue and the releases state:
the in-year lists run from April 2022 to March 2023 and from April 2024 to March 2025."""

from __future__ import annotations

from datetime import date

import pytest
import yaml
from conftest import SHARED, needs_shared

from rotherham_cli import coverage
from rotherham_cli.vocab import Kind


def test_knowsley_between_its_inspections_has_two_unlisted_stretches():
    # Knowsley's inspections: 22 November - 3 December 2021, then from 18 November 2024.
    gaps = coverage.unlisted("knowsley", date(2021, 12, 4), date(2024, 11, 17))
    assert gaps == [(date(2021, 12, 4), date(2022, 3, 31)), (date(2023, 4, 1), date(2024, 3, 31))]
    assert coverage.no_list_words(gaps) == (
        "they hold no list of visits for December 2021 to March 2022 and April 2023 to March 2024")


def test_the_year_without_a_list():
    gaps = coverage.unlisted("sefton", date(2023, 4, 1), date(2024, 3, 31))
    assert coverage.no_list_words(gaps) == "they hold no list of visits for April 2023 to March 2024"


def test_a_period_inside_a_list_has_no_gap():
    assert coverage.unlisted("rotherham", date(2024, 5, 1), date(2025, 3, 31)) == []
    assert coverage.no_list_words([]) == ""


def test_after_the_last_list_and_before_the_first():
    assert coverage.unlisted("shropshire", date(2019, 1, 1), date(2025, 8, 12)) == [
        (date(2019, 1, 1), date(2022, 3, 31)), (date(2023, 4, 1), date(2024, 3, 31)),
        (date(2025, 4, 1), date(2025, 8, 12))]


def test_no_list_holds_joint_targeted_area_inspections():
    assert coverage.unlisted("sefton", date(2022, 4, 1), date(2023, 3, 31), kinds=[Kind.JTAI]) == [
        (date(2022, 4, 1), date(2023, 3, 31))]
    # Graded inspections are listed by the history tables up to March 2025; after it only reports.
    assert coverage.unlisted("sefton", date(2014, 1, 1), date(2025, 8, 12),
                             kinds=[Kind.ILACS_STANDARD, Kind.ILACS_SHORT]) == [(date(2025, 4, 1), date(2025, 8, 12))]


def test_a_single_month_is_named_once():
    assert coverage.span_words(date(2023, 4, 1), date(2023, 4, 30)) == "April 2023"


def test_every_family_names_a_source_in_shared_and_only_vocabulary_kinds():
    data = yaml.safe_load(coverage.COVERAGE_FILE.read_text(encoding="utf-8"))
    keys = {k.value for k in Kind}
    assert len(data["families"]) == len(coverage.families()) >= 6
    for family in data["families"]:
        assert set(family["kinds"]) <= keys, family["id"]
    if SHARED.exists():
        for family in data["families"]:
            assert (SHARED / family["source"]).exists() or (SHARED / "data" / family["source"]).exists(), family


@needs_shared(SHARED)
def test_every_release_the_build_reads_is_declared():
    import importlib.util

    from conftest import ROOT

    spec = importlib.util.spec_from_file_location("build_england", ROOT / "tools" / "build_england.py")
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    declared = {f.source.rsplit("/", 1)[-1] for f in coverage.families()}
    assert set(build.RELEASES) <= declared


def test_a_broken_coverage_file_is_one_line(tmp_path):
    bad = tmp_path / "coverage.yaml"
    bad.write_text("families:\n  - id: x\n    source: s\n    what: w\n    kinds: [tea]\n", encoding="utf-8")
    with pytest.raises(coverage.CoverageError, match=r"coverage.yaml: family 1: "):
        coverage.families(bad)
