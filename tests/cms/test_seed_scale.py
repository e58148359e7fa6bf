"""seed_scale makes a data set the trainer's pages can be measured on: spread over clusters, with
trainers, cohorts, progress, attempts and certificates, the same on a second run."""

from django.core.management import call_command

import pytest

from core.models import User
from courses.certification.models import Certificate
from courses.cohorts.dashboard import Filters, scoped_trainees, summary
from courses.cohorts.models import CohortMember, TrainerAssignment
from courses.quiz.models import Sitting, SittingAnswer
from scoring_practice.models import Attempt, DrillAnswer

pytestmark = pytest.mark.django_db


def test_seed_scale_spreads_trainees_and_attempts_and_is_repeatable(home):
    call_command("seed_scale", trainees=60, attempts=200, clusters=3, verbosity=0)

    trainees = User.objects.filter(email__startswith="scale.trainee")
    assert trainees.count() == 60
    assert trainees.values("organisation__cluster").distinct().count() == 3
    assert TrainerAssignment.objects.filter(cluster__slug__startswith="scale-").count() == 3
    assert CohortMember.objects.exists() and Certificate.objects.exists()
    assert Attempt.objects.count() == 120 and DrillAnswer.objects.count() == 40
    # Bulk inserts skip save(): the readings the trainers' figures count are filled in anyway.
    assert not Attempt.objects.filter(item_marks="").exists()
    assert Attempt.objects.filter(item_marks__contains="o").exists()
    assert Sitting.objects.count() == 40 and SittingAnswer.objects.exists()

    trainer = User.objects.get(email="scale.trainer0@example.com")
    totals = summary(scoped_trainees(trainer, Filters()), Filters())
    assert 0 < totals.trainees < 60 and totals.completed <= totals.enrolled

    call_command("seed_scale", trainees=60, attempts=0, clusters=3, verbosity=0)
    assert trainees.count() == 60
