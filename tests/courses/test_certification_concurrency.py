"""Exactly one certificate, however many requests meet the rule at the same moment (PostgreSQL:
each thread has its own connection, so the inserts really race)."""

import threading

from django.db import connection

import pytest

from courses.certification.models import Certificate, CertificationRule
from courses.certification.services import certificate_award
from tests.concurrency import BURST, postgresql_only
from tests.courses.factories import course_tree, training_index
from tests.courses.test_certification import finish_course
from tests.factories import UserFactory

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
