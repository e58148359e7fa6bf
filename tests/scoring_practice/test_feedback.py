"""The feedback engine on crafted answers: each named mistake, and none on a right answer."""

import pytest

from scoring_practice import startback
from scoring_practice.choices import REFERRAL
from scoring_practice.feedback import (
    MISTAKE_HIGH_WITHOUT_SUBSCALE,
    MISTAKE_ITEM9_MODERATELY,
    MISTAKE_NEEDLESS_REFERRAL,
    MISTAKE_RED_FLAG_MISSED,
    MISTAKE_WRONG_SUBSCALE_ITEMS,
    Submission,
    arithmetic_mistakes,
    attempt_feedback,
    drill_feedback,
)
from scoring_practice.reference import (
    MESSAGE_RISK_MISMATCH,
    Reference,
    reference_problems,
)
from tests.scoring_practice.factories import BOUNDARY_ITEMS


def reference(items=BOUNDARY_ITEMS, **kwargs) -> Reference:
    result = startback.score(items)
    defaults = {
        "title": "Case",
        "mode": "consultation",
        "items": items,
        "rationales": {n: f"Why {n}" for n in items},
        "risk": result.risk.value,
        "treatment": result.risk.value,
        "treatment_rationale": "Matched.",
    }
    return Reference(**{**defaults, **kwargs})


def codes(feedback) -> list[str]:
    return [seen.code for seen in feedback.mistakes]


def test_a_right_answer_names_no_mistake():
    feedback = attempt_feedback(
        reference=reference(),
        submission=Submission(
            items=BOUNDARY_ITEMS, total=4, psychosocial=3, risk="medium", treatment="medium"
        ),
    )
    assert feedback.mistakes == ()
    assert feedback.outcome_correct
    assert feedback.items_correct == 9
    assert feedback.total_correct and feedback.psychosocial_correct and feedback.risk_correct
    assert feedback.treatment_correct


def test_item9_moderately_counted_is_named():
    feedback = attempt_feedback(
        reference=reference(mode="questionnaire"),
        submission=Submission(total=5, psychosocial=4, risk="high", treatment="high"),
    )
    assert codes(feedback) == [MISTAKE_ITEM9_MODERATELY.code]
    assert "your total of 5 is one more than the true 4" in feedback.mistakes[0].detail
    assert not feedback.outcome_correct


def test_high_without_subscale_is_named():
    feedback = attempt_feedback(
        reference=reference(mode="questionnaire"),
        submission=Submission(total=4, psychosocial=3, risk="high", treatment="high"),
    )
    assert codes(feedback) == [MISTAKE_HIGH_WITHOUT_SUBSCALE.code]


def test_wrong_subscale_items_are_named():
    # Items 1, 4, 7, 8, 9 here score 1 + 0 + 1 + 0 + 0 = 2; the real subscale (5–9) is 3.
    feedback = attempt_feedback(
        reference=reference(mode="questionnaire"),
        submission=Submission(total=4, psychosocial=2, risk="medium", treatment="medium"),
    )
    assert codes(feedback) == [MISTAKE_WRONG_SUBSCALE_ITEMS.code]
    assert "items 1, 4, 7, 8 and 9" in feedback.mistakes[0].detail


def test_red_flag_missed_is_named():
    feedback = attempt_feedback(
        reference=reference(
            mode="triage", red_flags=("cauda_equina",), risk="", treatment=REFERRAL
        ),
        submission=Submission(
            stratifiable=True,
            items=BOUNDARY_ITEMS,
            total=4,
            psychosocial=3,
            risk="medium",
            treatment="medium",
        ),
    )
    assert codes(feedback) == [MISTAKE_RED_FLAG_MISSED.code]
    assert "suspected cauda equina syndrome" in feedback.mistakes[0].detail
    assert feedback.triage_correct is False
    assert not feedback.outcome_correct
    assert feedback.risk_correct is None


def test_stratifiable_case_sent_for_referral_is_named_in_triage_and_by_treatment():
    triage = attempt_feedback(
        reference=reference(mode="triage"),
        submission=Submission(
            stratifiable=False,
            red_flags=("malignancy",),
            red_flag_action="malignancy",
            treatment=REFERRAL,
        ),
    )
    assert codes(triage) == [MISTAKE_NEEDLESS_REFERRAL.code]
    assert not triage.outcome_correct and not triage.treatment_correct

    referred = attempt_feedback(
        reference=reference(mode="questionnaire"),
        submission=Submission(total=4, psychosocial=3, risk="medium", treatment=REFERRAL),
    )
    assert codes(referred) == [MISTAKE_NEEDLESS_REFERRAL.code]
    assert referred.outcome_correct and not referred.treatment_correct


def test_red_flag_case_rightly_referred():
    feedback = attempt_feedback(
        reference=reference(
            mode="triage", red_flags=("cauda_equina",), risk="", treatment=REFERRAL
        ),
        submission=Submission(
            stratifiable=False,
            red_flags=("cauda_equina",),
            red_flag_action="cauda_equina",
            treatment=REFERRAL,
        ),
    )
    assert feedback.mistakes == ()
    assert feedback.outcome_correct and feedback.triage_correct
    assert feedback.red_flags_named_correctly and feedback.red_flag_action_correct
    assert feedback.treatment_correct


def test_arithmetic_is_judged_on_the_trainees_own_items():
    # They read item 5 as "disagree": their own items total 3, subscale 2 -> low. Their
    # arithmetic is right for their own answers, though the risk group is wrong.
    own = {**BOUNDARY_ITEMS, 5: "disagree"}
    feedback = attempt_feedback(
        reference=reference(),
        submission=Submission(items=own, total=3, psychosocial=2, risk="low", treatment="low"),
    )
    assert feedback.items_correct == 8
    assert feedback.total_arithmetic_correct and feedback.psychosocial_arithmetic_correct
    assert feedback.total_correct is False and feedback.risk_correct is False
    assert feedback.mistakes == ()
    assert feedback.treatment_matches_own_risk


def test_an_off_by_one_total_without_moderately_is_not_blamed_on_item9():
    answers = {**BOUNDARY_ITEMS, 9: "slightly"}
    assert arithmetic_mistakes(answers=answers, total=5, psychosocial=3, risk="medium") == []


def test_drill_risk_only_answers_name_item9_when_it_explains_the_group():
    # total 3, subscale 3 with item 9 moderately: low. Counting item 9 gives 4/4: high.
    answers = {**BOUNDARY_ITEMS, 1: "disagree"}
    verdict = drill_feedback(answers=answers, risk="high")
    assert not verdict.correct
    assert [seen.code for seen in verdict.mistakes] == [MISTAKE_ITEM9_MODERATELY.code]
    assert drill_feedback(answers=answers, risk="low").correct


def test_drill_risk_only_answers_are_judged_with_a_full_subscale():
    # Subscale 5 with a total of 6: item 9 already scores, so there is no point to miscount.
    answers = {**BOUNDARY_ITEMS, 8: "agree", 9: "very_much"}
    assert drill_feedback(answers=answers, risk="high").correct
    verdict = drill_feedback(answers=answers, risk="medium")
    assert not verdict.correct and verdict.mistakes == ()


def test_drill_numbers_given_must_be_right_too():
    assert not drill_feedback(answers=BOUNDARY_ITEMS, risk="medium", total=5).correct
    assert drill_feedback(answers=BOUNDARY_ITEMS, risk="medium", total=4, psychosocial=3).correct


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        (
            {"risk": "medium", "items": {**BOUNDARY_ITEMS, 8: "agree"}},
            MESSAGE_RISK_MISMATCH.format(total=5, psychosocial=4, computed="high", stored="medium"),
        ),
        ({"treatment": "high"}, "but medium risk is matched to"),
        ({"treatment": REFERRAL}, "no red flag is set"),
        (
            {"mode": "triage", "red_flags": ("fracture",), "treatment": "medium"},
            "so the reference treatment must be",
        ),
        ({"red_flags": ("fracture",), "treatment": REFERRAL}, "red-flag triage vignette"),
        ({"rationales": {}}, "Give the rationale for items 1, 2, 3, 4, 5, 6, 7, 8 and 9."),
        ({"mode": "questionnaire"}, "exactly one completed questionnaire"),
        (
            {"mode": "questionnaire", "questionnaires": ({**BOUNDARY_ITEMS, 9: "very_much"},)},
            "differs from the reference answers on item 9",
        ),
        ({"questionnaires": (BOUNDARY_ITEMS,)}, "would give the answers away"),
    ],
)
def test_reference_problems_name_the_difference(changes, expected):
    problems = reference_problems(reference(**changes))
    assert any(expected in problem for problem in problems), problems


def test_the_brief_example_message_reads_as_written():
    items = {**BOUNDARY_ITEMS, 1: "agree", 8: "agree"}  # total 5, subscale 4
    problems = reference_problems(reference(items=items, risk="medium", treatment="medium"))
    assert (
        "The reference answers score total 5, subscale 4: high risk, but the reference risk "
        "group is medium." in problems
    )


def test_a_consistent_reference_has_no_problems():
    assert reference_problems(reference()) == []
    assert (
        reference_problems(reference(mode="questionnaire", questionnaires=(BOUNDARY_ITEMS,))) == []
    )
    assert (
        reference_problems(
            reference(mode="triage", red_flags=("infection",), risk="", treatment=REFERRAL)
        )
        == []
    )
