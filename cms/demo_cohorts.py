"""Demo cohorts: the demo trainer leads a cohort of the Northfield clinicians and is assigned to
the Riverside cluster, so the trainer's dashboard has people in it. Idempotent."""

import datetime

from django.db import transaction
from django.utils import timezone

from core.models import Cluster, User
from courses.cohorts.models import Cohort, CohortMember, TrainerAssignment
from courses.cohorts.scope import trainees_in_scope
from courses.learning.models import CoursePage

TRAINER_EMAIL = "trainer@example.com"
COHORT_NAME = "Northfield clinicians, autumn"


@transaction.atomic
def demo_cohorts_ensure() -> int:
    """How many trainees the demo trainer is responsible for."""
    trainer = User.objects.filter(email=TRAINER_EMAIL).first()
    course = CoursePage.objects.live().order_by("path").first()
    northfield = Cluster.objects.filter(slug="northfield").first()
    riverside = Cluster.objects.filter(slug="riverside").first()
    if trainer is None or course is None or northfield is None:
        return 0
    today = timezone.localdate()
    cohort, created = Cohort.objects.get_or_create(
        name=COHORT_NAME,
        defaults={
            "course": course,
            "starts_on": today - datetime.timedelta(days=60),
            "ends_on": today + datetime.timedelta(days=120),
            "created_by": trainer,
        },
    )
    if created:
        cohort.trainers.add(trainer)
        members = User.objects.filter(
            organisation__cluster=northfield, email__startswith="clinician."
        )
        CohortMember.objects.bulk_create(
            [CohortMember(cohort=cohort, user=user, via="csv") for user in members],
            ignore_conflicts=True,
        )
    if riverside is not None:
        TrainerAssignment.objects.get_or_create(trainer=trainer, cluster=riverside)
    return trainees_in_scope(trainer).count()
