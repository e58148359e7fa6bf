"""Twenty identical requests at once on PostgreSQL (each thread has its own connection, so the
writes really race): one certificate, one sitting, one reflection, one revocation, never a 500."""

import threading

from django.db import connection
from django.test import Client
from django.urls import reverse

import pytest

from core.models import AuditEvent
from courses.certification.models import (
    Assessment,
    Certificate,
    CertificationRule,
    CpdReflection,
)
from courses.certification.services import certificate_award
from tests.concurrency import BURST, burst, clients_signed_in, postgresql_only
from tests.courses.factories import course_tree, training_index
from tests.courses.quiz_factories import responsible_for
from tests.courses.quiz_factories import trainer as make_trainer
from tests.courses.test_certification import assessed_set_with, certificate_for, finish_course
from tests.factories import UserFactory
from tests.scoring_practice.test_attempts import RIGHT_SCORES

pytestmark = [postgresql_only, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_twenty_awards_at_once_issue_one_certificate(home):
    course = course_tree(index=training_index(home), modules=2, lessons=1, quiz=True)
    CertificationRule.objects.create(course=course)
    holder = UserFactory(full_name="Amira Okafor")
    finish_course(holder, course)
    Certificate.objects.all().delete()  # whatever the receivers issued; race from nothing

    barrier = threading.Barrier(BURST)
    issued, errors = [], []

    def award():
        try:
            barrier.wait()
            certificate = certificate_award(user=holder, course=course)
            if certificate is not None:
                issued.append(certificate.code)
        except Exception as error:  # noqa: BLE001  (any error is the failure under test)
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=award) for _ in range(BURST)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert len(issued) == 1
    assert Certificate.objects.filter(holder=holder, course=course).count() == 1


def test_twenty_starts_of_an_assessment_at_once_open_one_sitting(home):
    course = course_tree(index=training_index(home), modules=1, lessons=1)
    assessed = assessed_set_with(home, cases=3)
    holder = UserFactory(full_name="Amira Okafor")

    statuses = burst(
        clients_signed_in(holder),
        reverse("courses:assessment_start", args=[course.pk, assessed.pk]),
        {},
    )

    assert set(statuses) == {302}
    (sitting,) = Assessment.objects.filter(user=holder)
    assert sitting.answers.count() == 3


def test_twenty_submissions_of_a_passing_set_at_once_mark_it_once_and_issue_one_certificate(
    home,
):
    course = course_tree(index=training_index(home), modules=1, lessons=1)
    assessed = assessed_set_with(home, cases=2)
    CertificationRule.objects.create(course=course, assessed_set=assessed)
    holder = UserFactory(full_name="Amira Okafor")
    finish_course(holder, course)
    browser = Client()
    browser.force_login(holder)
    overview = browser.post(reverse("courses:assessment_start", args=[course.pk, assessed.pk])).url
    sitting = Assessment.objects.get(user=holder)
    for position in (1, 2):
        browser.post(reverse("courses:assessment_case", args=[sitting.pk, position]), RIGHT_SCORES)

    statuses = burst(clients_signed_in(holder), overview + "submit/", {})

    assert set(statuses) == {302}
    sitting.refresh_from_db()
    assert sitting.passed is True
    assert Certificate.objects.filter(holder=holder, course=course).count() == 1
    assert AuditEvent.objects.filter(kind="certificate_issued", subject=holder).count() == 1


def test_twenty_saves_of_a_reflection_at_once_keep_one(home):
    course = course_tree(index=training_index(home), modules=1, lessons=1)
    holder = UserFactory(full_name="Amira Okafor")
    certificate = certificate_for(holder, course)
    data = {"learned": "Item 9 is bothersomeness.", "apply": "Screen first.", "effect": "Fewer"}

    statuses = burst(
        clients_signed_in(holder),
        reverse("courses:cpd_reflection", args=[f"certificate:{certificate.pk}"]),
        data,
    )

    assert set(statuses) == {302}
    (reflection,) = CpdReflection.objects.filter(user=holder)
    assert reflection.learned == "Item 9 is bothersomeness."


def test_twenty_revocations_at_once_revoke_once_and_never_fail(home):
    course = course_tree(index=training_index(home), modules=1, lessons=1)
    holder = UserFactory(full_name="Amira Okafor")
    certificate = certificate_for(holder, course)
    revoker = make_trainer()
    responsible_for(revoker, holder)

    statuses = burst(
        clients_signed_in(revoker),
        reverse("courses:certificate_revoke", args=[certificate.code]),
        {"reason": "Issued in error."},
    )

    # One revokes and is sent to the verification page; the rest are told it already was.
    assert sorted(set(statuses)) == [200, 302] and statuses.count(302) == 1
    assert AuditEvent.objects.filter(kind="certificate_revoked").count() == 1
