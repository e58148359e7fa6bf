"""Cohort writes sent twenty times at once on PostgreSQL: one membership, one invitation, one
reminder set, and never a 500."""

import datetime

from django.core import mail
from django.urls import reverse
from django.utils import timezone

import pytest

from core.choices import Role
from courses.cohorts.models import CohortInvitation, CohortMember, ReminderBatch
from courses.cohorts.services import cohort_create, join_link_create, members_add
from tests.concurrency import BURST, burst, clients_signed_in, postgresql_only
from tests.courses.factories import course_tree, training_index
from tests.factories import UserFactory

pytestmark = [postgresql_only, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture(autouse=True)
def mfa_satisfied(monkeypatch):
    monkeypatch.setattr("cms.middleware.mfa_enrolled", lambda user: True)
    monkeypatch.setattr("cms.middleware.second_factor_used", lambda request: True)


@pytest.fixture
def cohort(home):
    course = course_tree(index=training_index(home), modules=1, lessons=1)
    trainer = UserFactory(roles=[Role.TRAINER])
    today = timezone.localdate()
    return cohort_create(
        by=trainer,
        name="Burst cohort",
        course=course,
        starts_on=today,
        ends_on=today + datetime.timedelta(days=30),
    )


def test_a_join_link_followed_twenty_times_at_once_joins_once(cohort):
    link = join_link_create(cohort=cohort, by=cohort.created_by, days=7)
    trainee = UserFactory()

    statuses = burst(
        clients_signed_in(trainee), reverse("courses:cohort_join", args=[link.token]), {}
    )

    assert len(statuses) == BURST and set(statuses) <= {302}
    assert CohortMember.objects.filter(cohort=cohort, user=trainee).count() == 1


def test_adding_the_same_addresses_twenty_times_at_once_invites_once(cohort):
    known = UserFactory(email="known@example.com")
    url = reverse("courses:cohort_add", args=[cohort.pk])

    statuses = burst(
        clients_signed_in(cohort.created_by), url, {"emails": "known@example.com, new@example.com"}
    )

    assert len(statuses) == BURST and set(statuses) <= {302}
    assert not CohortMember.objects.filter(cohort=cohort, user=known).exists()
    for email in ("known@example.com", "new@example.com"):
        assert CohortInvitation.objects.filter(cohort=cohort, email=email).count() == 1
        assert len([m for m in mail.outbox if email in m.to]) == 1


def test_an_invitation_accepted_twenty_times_at_once_joins_once(cohort):
    known = UserFactory(email="known@example.com")
    members_add(cohort=cohort, emails=["known@example.com"])
    invitation = CohortInvitation.objects.get()

    statuses = burst(
        clients_signed_in(known),
        reverse("courses:cohort_invitations"),
        {"invitation": invitation.pk, "answer": "accept"},
    )

    assert len(statuses) == BURST and set(statuses) <= {302}
    assert CohortMember.objects.filter(cohort=cohort, user=known).count() == 1
    assert CohortInvitation.objects.get().accepted_at is not None


def test_reminders_sent_twenty_times_at_once_make_one_set(cohort):
    trainee = UserFactory()
    CohortMember.objects.create(cohort=cohort, user=trainee, via="email")

    statuses = burst(
        clients_signed_in(cohort.created_by),
        reverse("courses:trainer_reminders"),
        {"cohort": cohort.pk},
    )

    assert len(statuses) == BURST and set(statuses) <= {302}
    assert ReminderBatch.objects.count() == 1
    assert len([m for m in mail.outbox if trainee.email in m.to]) == 1
