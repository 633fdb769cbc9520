from datetime import date

import pytest

from rotherham_cli import vocab
from rotherham_cli.vocab import Area, Framework, Grade, Kind


@pytest.mark.parametrize(
    ("word", "grade"),
    [
        ("Outstanding", Grade.OUTSTANDING),
        ("good", Grade.GOOD),
        ("Requires improvement", Grade.REQUIRES_IMPROVEMENT),
        ("requires improvement to be good", Grade.REQUIRES_IMPROVEMENT),
        ("REQUIRES_IMPROVEMENT", Grade.REQUIRES_IMPROVEMENT),
        ("  Inadequate ", Grade.INADEQUATE),
        ("Adequate", Grade.ADEQUATE),
        ("satisfactory", Grade.SATISFACTORY),
    ],
)
def test_grade_wordings(word, grade):
    assert vocab.parse_grade(word) is grade


def test_near_miss_grade_suggests():
    with pytest.raises(vocab.VocabularyError) as exc:
        vocab.parse_grade("outstandin")
    assert str(exc.value) == "'outstandin' is not a grade; did you mean 'outstanding'?"


def test_scale_order_and_ranks():
    assert [g.rank for g in vocab.SCALE] == [1, 2, 3, 4]
    assert Grade.REQUIRES_IMPROVEMENT.label == "Requires improvement to be good"


def test_older_words_sit_where_official_statistics_place_them():
    # The 2009-2023 official table shows 2010-2012 "adequate" as "Requires improvement to be good".
    assert Grade.ADEQUATE.on_scale is Grade.REQUIRES_IMPROVEMENT
    assert Grade.ADEQUATE.rank == 3
    assert Grade.ADEQUATE.label == "Adequate"


def test_each_framework_grades_its_own_areas():
    assert vocab.graded_areas(Kind.SIF_INSPECTION, Framework.SIF) == (
        Area.OVERALL_EFFECTIVENESS, Area.HELP_AND_PROTECTION, Area.CHILDREN_IN_CARE, Area.ADOPTION,
        Area.CARE_LEAVERS, Area.LEADERSHIP, Area.LSCB,
    )
    assert Area.LSCB not in vocab.graded_areas(Kind.SIF_REINSPECTION, Framework.SIF)
    assert Area.CARE_LEAVERS not in vocab.graded_areas(Kind.ILACS_SHORT, Framework.ILACS)
    assert Area.CARE_LEAVERS in vocab.graded_areas(Kind.ILACS_SHORT, Framework.ILACS_2023)
    assert Area.OVERALL_EFFECTIVENESS not in vocab.graded_areas(Kind.ILACS_STANDARD, Framework.ILACS_2026)
    assert vocab.graded_areas(Kind.FOCUSED_VISIT, Framework.ILACS) == ()
    assert vocab.graded_areas(Kind.CPI, Framework.PRE_2013) == (Area.CHILD_PROTECTION,)


def test_official_wording_per_framework():
    assert Framework.ILACS.wording(Area.CHILDREN_IN_CARE) == (
        "The experiences and progress of children in care and care leavers"
    )
    assert Framework.ILACS_2023.wording(Area.CHILDREN_IN_CARE) == "The experiences and progress of children in care"
    assert Framework.SIF.wording(Area.CHILDREN_IN_CARE) == "Children looked after and achieving permanence"


def test_scope_note_across_sif_and_ilacs():
    note = vocab.scope_note(Area.CHILDREN_IN_CARE, Framework.SIF, Framework.ILACS)
    assert "Children looked after and achieving permanence" in note
    assert "children in care and care leavers together" in note
    assert vocab.scope_note(Area.OVERALL_EFFECTIVENESS, Framework.SIF, Framework.ILACS) is None
    assert vocab.scope_note(Area.LEADERSHIP, Framework.ILACS, Framework.ILACS) is None


def test_kind_filters():
    assert Kind.FOCUSED_VISIT in vocab.parse_kind_filter("visits")
    assert Kind.FOCUSED_VISIT not in vocab.parse_kind_filter("graded")
    with pytest.raises(vocab.VocabularyError, match="did you mean 'focused_visit'"):
        vocab.parse_kind_filter("focussed_visit")


def test_framework_for_dates():


    assert vocab.framework_for(date(2014, 9, 16)) is Framework.SIF
    assert vocab.framework_for(date(2022, 6, 27)) is Framework.ILACS
    assert vocab.framework_for(date(2025, 11, 3)) is Framework.ILACS_2023
    assert vocab.framework_for(date(2026, 5, 1)) is Framework.ILACS_2026
    assert vocab.framework_for(date(2010, 7, 1)) is Framework.PRE_2013


def test_official_kind_names():
    assert vocab.kind_of_official("ILACS Short Inspection") is Kind.ILACS_SHORT
    assert vocab.kind_of_official("LA Monitoring visit") is Kind.MONITORING_VISIT
    assert vocab.kind_of_official("Something else") is None


def test_send_outcomes_are_a_scale_of_their_own():
    assert [o.value for o in vocab.SendOutcome] == ["positive", "inconsistent", "significant_concerns"]
    assert vocab.parse_send_outcome("Inconsistent experiences and outcomes") is vocab.SendOutcome.INCONSISTENT
    assert vocab.parse_send_outcome("widespread and/or systemic failings leading to significant concerns") is (
        vocab.SendOutcome.SIGNIFICANT_CONCERNS)
    for word in ("good", "inadequate", "requires improvement"):  # grades are not outcomes
        with pytest.raises(vocab.VocabularyError):
            vocab.parse_send_outcome(word)
    for word in ("positive", "inconsistent", "significant_concerns"):  # nor outcomes grades
        with pytest.raises(vocab.VocabularyError):
            vocab.parse_grade(word)


def test_area_send_is_neither_graded_nor_a_visit():
    assert not Kind.AREA_SEND.graded
    assert Kind.AREA_SEND not in vocab.parse_kind_filter("visits")
    assert Kind.AREA_SEND not in vocab.parse_kind_filter("graded")
    assert vocab.parse_kind_filter("send") == (Kind.AREA_SEND,)
    assert vocab.graded_areas(Kind.AREA_SEND, Framework.AREA_SEND_2023) == ()
    # the SEND framework never stands for children's services' framework of a day
    assert vocab.framework_for(date(2024, 6, 1)) is Framework.ILACS_2023
    assert vocab.framework_for(date(2024, 6, 1), vocab.Remit.SEND) is Framework.AREA_SEND_2023
