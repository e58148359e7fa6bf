"""Emergencies taught as emergencies: four urgency tiers with one meaning each, destinations that
are part of a right answer, a safety-net card a patient acts on, and past answers that keep their
meaning after the change."""

import importlib

from django.apps import apps
from django.utils.html import escape

import pytest

from scoring_practice import startback, urgency_tiers
from scoring_practice.feedback import Submission, attempt_feedback
from scoring_practice.models import Attempt, VignettePage
from scoring_practice.reference import Reference, reference_problems
from tests.factories import UserFactory
from tests.scoring_practice.factories import BOUNDARY_ITEMS, AttemptFactory, VignettePageFactory

Urgency = startback.Urgency
Destination = startback.Destination


def triage_reference(flags, urgency, destination) -> Reference:
    """A publishable triage case but for its action (the reference items are complete)."""
    return Reference(
        title="Case",
        mode="triage",
        items=BOUNDARY_ITEMS,
        rationales={n: f"Why {n}" for n in BOUNDARY_ITEMS},
        red_flags=tuple(flags),
        red_flag_urgency=urgency,
        red_flag_destination=destination,
        treatment="referral",
        treatment_rationale="Suspected serious pathology.",
    )


def referral(flags, urgency, destination) -> Submission:
    return Submission(
        stratifiable=False, red_flags=tuple(flags), urgency=urgency, destination=destination
    )


# Every suspected condition, with each urgency and destination the guidance gives it (and only
# those): the table of STARTBACK.md's red-flag section.
GUIDANCE = {
    "cauda_equina": {(Urgency.IMMEDIATE, Destination.HOSPITAL)},
    "cord_compression": {
        (Urgency.IMMEDIATE, Destination.HOSPITAL),
        (Urgency.IMMEDIATE, Destination.ACUTE_ONCOLOGY),
    },
    "spinal_metastases": {
        (Urgency.IMMEDIATE, Destination.ACUTE_ONCOLOGY),
        (Urgency.URGENT, Destination.ACUTE_ONCOLOGY),
    },
    "malignancy": {
        (Urgency.URGENT, Destination.SUSPECTED_CANCER),
        (Urgency.IMMEDIATE, Destination.HOSPITAL),
    },
    "infection": {
        (Urgency.EMERGENCY, Destination.HOSPITAL),
        (Urgency.IMMEDIATE, Destination.HOSPITAL),
    },
    "fracture": {
        (Urgency.IMMEDIATE, Destination.HOSPITAL),
        (Urgency.EMERGENCY, Destination.HOSPITAL),
        (Urgency.URGENT, Destination.URGENT_IMAGING),
    },
    "neurological_deficit": {
        (Urgency.IMMEDIATE, Destination.HOSPITAL),
        (Urgency.URGENT, Destination.SPINAL_SERVICE),
    },
}
REFERRAL_DESTINATIONS = [d for d in Destination if d is not Destination.PRIMARY_CARE]


def test_the_red_flag_data_gives_each_condition_the_guidances_actions():
    assert {flag.key for flag in startback.RED_FLAGS} == set(GUIDANCE)
    for flag in startback.RED_FLAGS:
        assert {(a.urgency, a.destination) for a in flag.actions} == GUIDANCE[flag.key], flag.key


@pytest.mark.parametrize("flag", sorted(GUIDANCE))
@pytest.mark.parametrize("urgency", startback.REFERRAL_URGENCIES)
@pytest.mark.parametrize("destination", REFERRAL_DESTINATIONS)
def test_every_tier_and_destination_is_judged_as_the_guidance_says(flag, urgency, destination):
    """A vignette can be published with exactly the guidance's actions, and an answer is right
    exactly when it gives the reference's urgency and destination."""
    candidate = triage_reference([flag], urgency, destination)
    allowed = (urgency, destination) in GUIDANCE[flag]
    assert (reference_problems(candidate) == []) is allowed

    for right_urgency, right_destination in GUIDANCE[flag]:
        reference = triage_reference([flag], right_urgency, right_destination)
        feedback = attempt_feedback(
            reference=reference, submission=referral([flag], urgency, destination)
        )
        right = (urgency, destination) == (right_urgency, right_destination)
        assert feedback.outcome_correct is right
        assert feedback.verdict.right is right


def test_cord_compression_with_no_known_cancer_is_immediate():
    """About one in five presentations of metastatic cord compression is the first sign of
    cancer: neurological signs are immediate whatever the history, and such a vignette can be
    published."""
    for flag in ("cord_compression", "malignancy"):
        reference = triage_reference([flag], Urgency.IMMEDIATE, Destination.HOSPITAL)
        assert reference_problems(reference) == []
        assert reference.action is not None and "24 hours" in reference.action.detail
    sent_urgently = triage_reference(["malignancy"], Urgency.URGENT, Destination.HOSPITAL)
    assert reference_problems(sent_urgently) != []


def test_suspected_cauda_equina_is_never_the_same_day():
    assert startback.red_flag("cauda_equina").urgencies == {Urgency.IMMEDIATE}
    same_day = triage_reference(["cauda_equina"], Urgency.EMERGENCY, Destination.HOSPITAL)
    assert reference_problems(same_day) != []
    assert "same day" not in Urgency.IMMEDIATE.label
    assert "later today" in Urgency.IMMEDIATE.label


def test_the_destination_is_part_of_a_right_answer():
    """Suspected cauda equina sent to acute oncology, and known cancer sent on a suspected cancer
    referral, are not right, however urgent."""
    ces = triage_reference(["cauda_equina"], Urgency.IMMEDIATE, Destination.HOSPITAL)
    to_oncology = attempt_feedback(
        reference=ces,
        submission=referral(["cauda_equina"], Urgency.IMMEDIATE, Destination.ACUTE_ONCOLOGY),
    )
    known_cancer = triage_reference(
        ["spinal_metastases"], Urgency.URGENT, Destination.ACUTE_ONCOLOGY
    )
    to_suspected = attempt_feedback(
        reference=known_cancer,
        submission=referral(["spinal_metastases"], Urgency.URGENT, Destination.SUSPECTED_CANCER),
    )
    for feedback in (to_oncology, to_suspected):
        assert not feedback.verdict.right
        assert not feedback.outcome_correct and not feedback.treatment_correct
        assert (
            feedback.verdict.heading == "Partly right: the urgency is right, the destination is not"
        )


@pytest.mark.parametrize("given", [Urgency.EMERGENCY, Urgency.URGENT])
def test_sending_an_immediate_case_later_is_called_unsafe(given):
    ces = triage_reference(["cauda_equina"], Urgency.IMMEDIATE, Destination.HOSPITAL)
    feedback = attempt_feedback(
        reference=ces, submission=referral(["cauda_equina"], given, Destination.HOSPITAL)
    )
    assert not feedback.verdict.right and not feedback.outcome_correct
    assert feedback.verdict.heading == "Not safe: this is more urgent than you chose"
    assert "never later today or tomorrow" in feedback.verdict.body

    # Sending an urgent case sooner than needed is not right either, but it is not unsafe.
    urgent = triage_reference(["fracture"], Urgency.URGENT, Destination.URGENT_IMAGING)
    sooner = attempt_feedback(
        reference=urgent, submission=referral(["fracture"], given, Destination.URGENT_IMAGING)
    )
    assert sooner.verdict.heading == "Partly right: this patient needs referral" or (
        given == Urgency.URGENT and sooner.verdict.right
    )


def test_worsening_weakness_is_on_the_go_now_list():
    now = " ".join(startback.SAFETY_NETTING_NOW).lower()
    later = " ".join(startback.SAFETY_NETTING_SAME_DAY + startback.SAFETY_NETTING_SOON).lower()
    assert "quickly worsening weakness in a leg" in now and "new difficulty walking" in now
    assert "weakness" not in later
    # Signs of sepsis go to 999 too; a fever alone is for the same day.
    assert "confused, very breathless" in now
    assert "fever" in " ".join(startback.SAFETY_NETTING_SAME_DAY).lower()
    assert startback.SAFETY_NETTING_HEADINGS["now"] == "Go to A&E now, or call 999, if you have"


def assert_safety_net_in_order(page: str) -> None:
    """Each list under its own heading: A&E now, then the same day, then soon."""
    headings = startback.SAFETY_NETTING_HEADINGS
    positions = {key: page.index(escape(heading)) for key, heading in headings.items()}
    assert positions["now"] < positions["same_day"] < positions["soon"]
    for key, signs in (
        ("now", startback.SAFETY_NETTING_NOW),
        ("same_day", startback.SAFETY_NETTING_SAME_DAY),
        ("soon", startback.SAFETY_NETTING_SOON),
    ):
        following = [p for p in positions.values() if p > positions[key]]
        end = min(following) if following else len(page)
        for sign in signs:
            assert positions[key] < page.index(escape(sign)) < end, sign


@pytest.mark.django_db
def test_the_calculator_result_carries_the_safety_net_card(client, home):
    answers = {f"item_{n}": "disagree" for n in range(1, 9)} | {"item_9": "slightly"}
    assert_safety_net_in_order(client.post("/tool/", answers).text)


@pytest.mark.django_db
def test_every_vignette_feedback_carries_the_safety_net_card(client, practice):
    from tests.scoring_practice.factories import vignette_publish
    from tests.scoring_practice.test_attempts import answer

    client.force_login(UserFactory())
    page = vignette_publish(
        parent=practice,
        mode="triage",
        red_flags=["cauda_equina"],
        red_flag_urgency="immediate",
        red_flag_destination="hospital",
        reference_treatment="referral",
    )
    response = answer(
        client,
        page,
        stratifiable="no",
        red_flags=["cauda_equina"],
        urgency="immediate",
        destination="hospital",
    )
    assert_safety_net_in_order(client.get(response.url).text)


def test_old_urgencies_map_as_the_module_says():
    assert urgency_tiers.reference_urgency("emergency", ["cauda_equina"]) == "immediate"
    assert urgency_tiers.reference_urgency("emergency", ["infection"]) == "emergency"
    assert urgency_tiers.reference_urgency("urgent", ["fracture"]) == "urgent"
    assert urgency_tiers.answer_urgency("emergency", "immediate") == "immediate"
    assert urgency_tiers.answer_urgency("emergency", "urgent") == "emergency"
    assert urgency_tiers.answer_urgency("urgent", "immediate") == "urgent"


@pytest.mark.django_db
def test_the_migration_moves_vignettes_and_past_attempts_to_four_tiers(practice):
    migrate = importlib.import_module(
        "scoring_practice.migrations.0007_four_urgency_tiers"
    ).vignettes_and_attempts_to_four_tiers
    ces = VignettePageFactory(parent=practice, mode="triage", reference_treatment="referral")
    infection = VignettePageFactory(parent=practice, mode="triage", reference_treatment="referral")
    VignettePage.objects.filter(pk=ces.pk).update(
        red_flags=["cauda_equina"], red_flag_urgency="emergency", red_flag_destination="hospital"
    )
    VignettePage.objects.filter(pk=infection.pk).update(
        red_flags=["infection"], red_flag_urgency="emergency", red_flag_destination="hospital"
    )
    old_ces = {
        "mode": "triage",
        "items": {},
        "red_flags": ["cauda_equina"],
        "red_flag_urgency": "emergency",
        "red_flag_destination": "hospital",
    }
    user = UserFactory()

    def stored(answers, outcome_correct):
        attempt = AttemptFactory(user=user, page=ces, reference=old_ces, answers=answers)
        Attempt.objects.filter(pk=attempt.pk).update(
            reference=old_ces, answers=answers, outcome_correct=outcome_correct
        )
        return attempt.pk

    right = stored(
        {
            "stratifiable": False,
            "red_flags": ["cauda_equina"],
            "urgency": "emergency",
            "destination": "hospital",
        },
        True,
    )
    wrong_place = stored(
        {
            "stratifiable": False,
            "red_flags": ["cauda_equina"],
            "urgency": "emergency",
            "destination": "acute_oncology",
        },
        True,  # counted right before: the right urgency to the wrong place
    )
    too_late = stored(
        {
            "stratifiable": False,
            "red_flags": ["cauda_equina"],
            "urgency": "urgent",
            "destination": "hospital",
        },
        False,
    )

    migrate(apps, None)

    assert VignettePage.objects.get(pk=ces.pk).red_flag_urgency == "immediate"
    assert VignettePage.objects.get(pk=infection.pk).red_flag_urgency == "emergency"
    by_pk = {a.pk: a for a in Attempt.objects.all()}
    assert by_pk[right].reference["red_flag_urgency"] == "immediate"
    assert by_pk[right].answers["urgency"] == "immediate" and by_pk[right].outcome_correct
    assert not by_pk[wrong_place].outcome_correct
    assert by_pk[too_late].answers["urgency"] == "urgent" and not by_pk[too_late].outcome_correct
    # The migrated rows read as the feedback engine reads them today.
    for attempt in by_pk.values():
        feedback = attempt_feedback(
            reference=Reference.from_json(attempt.reference),
            submission=Submission.from_json(attempt.answers),
        )
        assert feedback.outcome_correct == attempt.outcome_correct


@pytest.mark.django_db
def test_the_trainers_figures_count_a_referral_to_the_wrong_place_as_not_right(client, practice):
    """The dashboards read what the feedback decided: the right urgency to the wrong place is
    not right there either."""
    from core.models import User
    from courses.cohorts.practice_stats import practice_stats
    from tests.scoring_practice.factories import vignette_publish
    from tests.scoring_practice.test_attempts import answer

    trainee = UserFactory()
    client.force_login(trainee)
    page = vignette_publish(
        parent=practice,
        mode="triage",
        red_flags=["cauda_equina"],
        red_flag_urgency="immediate",
        red_flag_destination="hospital",
        reference_treatment="referral",
    )
    for destination in ("hospital", "acute_oncology"):
        answer(
            client,
            page,
            stratifiable="no",
            red_flags=["cauda_equina"],
            urgency="immediate",
            destination=destination,
        )

    stats = practice_stats(User.objects.filter(pk=trainee.pk))

    ((_, attempts, right),) = stats.months
    assert (attempts, right) == (2, 1)


@pytest.mark.django_db
def test_the_safety_netting_lesson_carries_the_same_lists(client, home):
    from django.core.management import call_command

    from courses.learning.models import LessonPage

    call_command("load_content", verbosity=0)
    lesson = LessonPage.objects.get(slug="safety-netting")

    page = client.get(lesson.url).text

    for key, signs in (
        ("now", startback.SAFETY_NETTING_NOW),
        ("same_day", startback.SAFETY_NETTING_SAME_DAY),
        ("soon", startback.SAFETY_NETTING_SOON),
    ):
        heading = startback.SAFETY_NETTING_HEADINGS[key]
        assert escape(f"{heading[0].lower()}{heading[1:]}") in page, key
        for sign in signs:
            assert escape(sign) in page, sign
