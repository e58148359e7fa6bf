"""The feedback on crafted answers: named mistakes, the triage judgement, and pages that never
contradict themselves."""

import pytest

from scoring_practice import diagnosis, startback
from scoring_practice.choices import REFERRAL
from scoring_practice.feedback import (
    NEEDLESS_REFERRAL,
    RED_FLAG_MISSED,
    Submission,
    attempt_feedback,
    drill_feedback,
)
from scoring_practice.reference import (
    MESSAGE_RISK_MISMATCH,
    Reference,
    reference_problems,
)
from tests.scoring_practice.factories import BOUNDARY_ITEMS

CES = {
    "mode": "triage",
    "red_flags": ("cauda_equina",),
    "acceptable_red_flags": ("neurological_deficit",),
    "red_flag_urgency": "immediate",
    "red_flag_destination": "hospital",
    "risk": "",
    "treatment": REFERRAL,
}
METASTASES = {
    "mode": "triage",
    "red_flags": ("spinal_metastases",),
    "red_flag_urgency": "urgent",
    "red_flag_destination": "acute_oncology",
    "risk": "",
    "treatment": REFERRAL,
}


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


def referral(**kwargs) -> Submission:
    return Submission(stratifiable=False, treatment=REFERRAL, **kwargs)


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
    assert feedback.verdict.right and feedback.verdict.heading == "Right risk group: Medium risk"


def test_scoring_mistakes_are_named_by_the_diagnosis_engine():
    moderately = attempt_feedback(
        reference=reference(mode="questionnaire"),
        submission=Submission(total=5, psychosocial=4, risk="high", treatment="high"),
    )
    assert codes(moderately) == [diagnosis.ITEM9_MODERATELY]
    assert "your total of 5 is one more than the true 4" in moderately.mistakes[0].detail
    assert not moderately.outcome_correct

    cutoff = attempt_feedback(
        reference=reference(mode="questionnaire"),
        submission=Submission(total=4, psychosocial=3, risk="high", treatment="high"),
    )
    assert codes(cutoff) == [diagnosis.SUBSCALE_CUTOFF_3]


def test_a_right_group_with_wrong_numbers_names_only_the_numbers():
    feedback = attempt_feedback(
        reference=reference(mode="questionnaire"),
        submission=Submission(total=6, psychosocial=3, risk="medium", treatment="medium"),
    )
    assert feedback.risk_correct and feedback.verdict.right
    assert codes(feedback) == [diagnosis.ARITHMETIC]


def test_serious_pathology_missed_is_named():
    feedback = attempt_feedback(
        reference=reference(**CES),
        submission=Submission(
            stratifiable=True,
            items=BOUNDARY_ITEMS,
            total=4,
            psychosocial=3,
            risk="medium",
            treatment="medium",
        ),
    )
    assert codes(feedback) == [RED_FLAG_MISSED]
    assert "suspected cauda equina syndrome" in feedback.mistakes[0].detail
    assert feedback.triage_correct is False
    assert not feedback.outcome_correct and not feedback.verdict.right
    assert feedback.risk_correct is None


def test_a_stratifiable_case_referred_is_named_with_the_reason_it_is_stratified():
    note = "Night pain that eases on turning is mechanical, not a red flag."
    triage = attempt_feedback(
        reference=reference(mode="triage", triage_note=note),
        submission=referral(red_flags=("malignancy",), urgency="urgent", destination="hospital"),
    )
    assert codes(triage) == [NEEDLESS_REFERRAL]
    assert triage.mistakes[0].detail == "Why this patient is stratified is set out below."
    assert not triage.outcome_correct and not triage.treatment_correct
    assert "there are no red flags" not in triage.verdict.body

    referred = attempt_feedback(
        reference=reference(mode="questionnaire"),
        submission=Submission(total=4, psychosocial=3, risk="medium", treatment=REFERRAL),
    )
    assert codes(referred) == [NEEDLESS_REFERRAL]
    assert referred.outcome_correct and not referred.treatment_correct


def test_a_referral_right_in_every_part():
    feedback = attempt_feedback(
        reference=reference(**CES),
        submission=referral(
            red_flags=("cauda_equina",), urgency="immediate", destination="hospital"
        ),
    )
    assert feedback.mistakes == ()
    assert feedback.outcome_correct and feedback.triage_correct and feedback.treatment_correct
    assert feedback.triage.all_correct
    assert feedback.verdict.right
    assert feedback.verdict.heading == "Right: refer immediately: now, not later today"


def test_a_clinically_defensible_extra_condition_is_accepted():
    feedback = attempt_feedback(
        reference=reference(**CES),
        submission=referral(
            red_flags=("cauda_equina", "neurological_deficit"),
            urgency="immediate",
            destination="hospital",
        ),
    )
    assert feedback.triage.flags_correct
    assert [flag.key for flag in feedback.triage.flags_acceptable] == ["neurological_deficit"]
    assert feedback.verdict.right and feedback.outcome_correct


def test_the_action_is_judged_on_urgency_and_destination_and_the_banner_says_what_is_off():
    wrong_place = attempt_feedback(
        reference=reference(**METASTASES),
        submission=referral(
            red_flags=("spinal_metastases", "fracture"),
            urgency="urgent",
            destination="suspected_cancer",
        ),
    )
    triage = wrong_place.triage
    assert triage.urgency_correct and not triage.destination_correct
    assert [flag.key for flag in triage.flags_unexpected] == ["fracture"]
    # The right urgency to the wrong place is not right: not in the banner, not in history.
    assert not wrong_place.outcome_correct and not wrong_place.treatment_correct
    assert not wrong_place.verdict.right
    assert wrong_place.verdict.heading == (
        "Partly right: the urgency is right, the destination is not"
    )
    assert "The acute oncology service" in wrong_place.verdict.body

    other_condition = attempt_feedback(
        reference=reference(**METASTASES),
        submission=referral(
            red_flags=("malignancy",), urgency="urgent", destination="acute_oncology"
        ),
    )
    # The right action, with a different condition named: right, and the banner says what is off.
    assert other_condition.outcome_correct and other_condition.verdict.right
    assert "which condition is suspected" in other_condition.verdict.body

    too_urgent = attempt_feedback(
        reference=reference(**METASTASES),
        submission=referral(
            red_flags=("spinal_metastases",), urgency="immediate", destination="acute_oncology"
        ),
    )
    assert not too_urgent.outcome_correct and not too_urgent.verdict.right
    assert too_urgent.verdict.heading == "Partly right: this patient needs referral"
    assert "It is urgent: within days to about 2 weeks" in too_urgent.verdict.body


def test_a_missed_main_condition_is_reported():
    feedback = attempt_feedback(
        reference=reference(**CES),
        submission=referral(
            red_flags=("neurological_deficit",), urgency="immediate", destination="hospital"
        ),
    )
    assert [flag.key for flag in feedback.triage.flags_missed] == ["cauda_equina"]
    assert not feedback.triage.flags_correct


def test_arithmetic_is_judged_on_the_trainees_own_items_and_the_group_on_the_reference():
    # They read item 5 as "disagree": their own items total 3, subscale 2 -> low. Their
    # arithmetic is right for their own answers, though the group is not the reference's.
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
    assert feedback.reading == (
        "From your answers the group would be low risk; with the reference answers it is medium "
        "risk, because of item 5."
    )


def test_a_right_group_reached_from_misread_items_never_contradicts_itself():
    # Reference: total 5, subscale 4 -> high. The trainee misreads items 5 and 8 (subscale 2,
    # total 3: low by their own answers) but names high, the reference's group.
    items = {**BOUNDARY_ITEMS, 8: "agree", 2: "agree"}
    own = {**items, 5: "disagree", 8: "disagree"}
    feedback = attempt_feedback(
        reference=reference(items=items),
        submission=Submission(items=own, total=4, psychosocial=2, risk="high", treatment="high"),
    )
    assert feedback.risk_correct and feedback.verdict.heading == "Right risk group: High risk"
    group_codes = {
        diagnosis.HIGH_FROM_TOTAL,
        diagnosis.SUBSCALE_CUTOFF_3,
        diagnosis.HIGH_CALLED_MEDIUM,
        diagnosis.TOTAL_3_CALLED_MEDIUM,
    }
    assert not set(codes(feedback)) & group_codes
    assert "medium risk, not high" not in " ".join(m.detail for m in feedback.mistakes)
    assert feedback.reading.startswith("From your answers the group would be")
    assert "because of items 5 and 8" in feedback.reading


def test_an_acceptable_alternative_reading_counts_and_so_does_the_group_it_leads_to():
    # Item 7 may fairly be read either way; read as "disagree" the group is low (total 3).
    ref = reference(alternatives={7: "disagree"})
    own = {**BOUNDARY_ITEMS, 7: "disagree"}
    feedback = attempt_feedback(
        reference=ref,
        submission=Submission(items=own, total=3, psychosocial=2, risk="low", treatment="low"),
    )
    assert feedback.items_correct == 9
    assert feedback.risk_correct and feedback.outcome_correct and feedback.treatment_correct
    assert "fair readings of the story" in feedback.reading
    assert feedback.items[6].reference_label == "Agree or Disagree"


def test_drill_risk_only_answers_name_item9_when_it_explains_the_group():
    # total 3, subscale 3 with item 9 moderately: low. Counting item 9 gives 4/4: high.
    answers = {**BOUNDARY_ITEMS, 1: "disagree"}
    verdict = drill_feedback(answers=answers, risk="high")
    assert not verdict.correct
    assert [seen.code for seen in verdict.mistakes] == [diagnosis.ITEM9_MODERATELY]
    assert drill_feedback(answers=answers, risk="low").correct


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
        ({**CES, "red_flag_urgency": ""}, "how urgent, and where the patient goes"),
        (
            {**CES, "red_flag_urgency": "urgent"},
            "is not an action the red-flag guidance gives for suspected cauda equina syndrome",
        ),
        ({"red_flag_urgency": "urgent", "red_flag_destination": "hospital"}, "no red flag is"),
        ({**CES, "acceptable_red_flags": ("cauda_equina",)}, "both a main red flag and"),
        ({"acceptable_red_flags": ("fracture",)}, "only make sense in a case that has a main"),
        ({"alternatives": {9: "moderately"}}, "is the reference answer itself"),
        ({"alternatives": {9: "sometimes"}}, "is not one of its answers"),
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
    assert reference_problems(reference(**CES)) == []
    assert reference_problems(reference(**METASTASES)) == []
    assert reference_problems(reference(**{**METASTASES, "red_flag_urgency": "immediate"})) == []
