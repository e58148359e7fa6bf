"""What an attempt stores about its reading of the tool, for the trainers' figures."""

import importlib

from django.apps import apps

import pytest

from scoring_practice import readings
from scoring_practice.models import Attempt
from tests.factories import UserFactory
from tests.scoring_practice.factories import AttemptFactory

REFERENCE = {
    "mode": "consultation",
    "risk": "medium",
    "items": {"1": "agree", "2": "disagree", "3": "disagree", "9": "moderately"},
    "alternatives": {"3": "agree"},
    "red_flags": [],
}


def test_each_item_is_marked_right_over_under_or_not_read():
    answers = {"items": {"1": "disagree", "2": "agree", "3": "agree", "9": "slightly"}}
    marks = readings.item_marks(REFERENCE, answers)
    assert len(marks) == 9
    assert marks[0] == readings.UNDER  # agreed in the reference, not scored by the trainee
    assert marks[1] == readings.OVER  # scored where the reference does not
    assert marks[2] == readings.RIGHT  # the accepted alternative reading
    assert marks[3:8] == "....." and marks[3] == readings.NOT_READ  # not in the reference
    # "Slightly" for "moderately" scores 0 either way: the item is scored right.
    assert marks[8] == readings.RIGHT


def test_an_attempt_on_the_questionnaire_shown_reads_no_items():
    assert readings.item_marks(REFERENCE, {"items": None, "risk": "medium"}) == "." * 9


def test_the_groups_put_referral_beside_the_three_risk_groups():
    assert readings.reference_group(REFERENCE) == "medium"
    assert readings.reference_group(dict(REFERENCE, red_flags=["cauda_equina"])) == "refer"
    assert readings.given_group({"risk": "high", "stratifiable": True}) == "high"
    assert readings.given_group({"risk": "", "stratifiable": False}) == "refer"


@pytest.mark.django_db
def test_saving_an_attempt_stores_its_readings():
    attempt = AttemptFactory(
        user=UserFactory(),
        reference=REFERENCE,
        answers={"items": {"1": "agree", "2": "agree"}, "risk": "high", "stratifiable": None},
    )
    attempt.refresh_from_db()
    assert attempt.item_marks == "ro......."
    assert (attempt.reference_group, attempt.given_group) == ("medium", "high")


@pytest.mark.django_db
def test_the_migration_fills_in_the_readings_of_attempts_stored_before_them():
    fill_readings = importlib.import_module(
        "scoring_practice.migrations.0006_attempt_readings_fill"
    ).fill_readings
    user = UserFactory()
    for risk in ("medium", "high", "high"):
        AttemptFactory(
            user=user,
            reference=REFERENCE,
            answers={"items": {"1": "agree", "2": "agree"}, "risk": risk},
        )
    Attempt.objects.update(item_marks="", reference_group="", given_group="")

    fill_readings(apps, None)

    assert sorted(Attempt.objects.values_list("item_marks", "reference_group", "given_group")) == [
        ("ro.......", "medium", "high"),
        ("ro.......", "medium", "high"),
        ("ro.......", "medium", "medium"),
    ]
