"""Enrolling on a course: signed-in users only, once however often the button is pressed."""

from django.urls import reverse

import pytest

from courses.learning.services import (
    MESSAGE_ALREADY_ENROLLED,
    MESSAGE_ENROLLED,
    MESSAGE_SIGN_IN_TO_ENROL,
    enrolment_create,
)
from courses.models import Enrolment
from tests.courses.factories import CoursePageFactory, course_tree, training_index
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def course(home):
    return course_tree(index=training_index(home))


def enrol_url(course) -> str:
    return reverse("courses:course_enrol", args=[course.pk])


def test_enrolling_twice_leaves_one_enrolment(client, course):
    user = UserFactory()
    client.force_login(user)

    first = client.post(enrol_url(course), follow=True)
    second = client.post(enrol_url(course), follow=True)

    assert Enrolment.objects.filter(user=user, course=course).count() == 1
    assert first.redirect_chain[-1][0] == course.url
    assert MESSAGE_ENROLLED in first.text
    assert MESSAGE_ALREADY_ENROLLED in second.text


def test_enrolment_create_is_idempotent(course):
    user = UserFactory()

    enrolment, created = enrolment_create(user=user, course=course)
    again, created_again = enrolment_create(user=user, course=course)

    assert created and not created_again
    assert again.pk == enrolment.pk


def test_course_page_offers_enrolment_then_shows_progress(client, course):
    client.force_login(UserFactory())

    before = client.get(course.url).text
    client.post(enrol_url(course))
    after = client.get(course.url).text

    assert "Enrol on this course" in before
    assert "nhsuk-task-list__status" not in before
    assert "Enrol on this course" not in after
    assert "Your progress" in after
    assert "0 of 2 modules completed" in after
    assert after.count(">Not started</strong>") == 3  # the course and its two modules


def test_visitor_who_enrols_is_sent_to_sign_in_and_nothing_changes(client, course):
    response = client.post(enrol_url(course))

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))
    assert f"next={course.url}" in response.url
    assert not Enrolment.objects.exists()
    assert MESSAGE_SIGN_IN_TO_ENROL in client.get(response.url).text


def test_get_to_the_enrol_address_changes_nothing(client, course):
    client.force_login(UserFactory())

    response = client.get(enrol_url(course))

    assert response.status_code == 302
    assert response.url == course.url
    assert not Enrolment.objects.exists()


def test_enrolling_on_a_missing_or_draft_course_is_not_found(client, home):
    draft = CoursePageFactory(parent=training_index(home), live=False)
    client.force_login(UserFactory())

    assert client.post(reverse("courses:course_enrol", args=[draft.pk])).status_code == 404
    assert client.post(reverse("courses:course_enrol", args=[999999])).status_code == 404
    assert client.post("/my-learning/courses/not-a-number/enrol/").status_code == 404
    # A page that is not a course cannot be enrolled on either.
    assert client.post(reverse("courses:course_enrol", args=[home.pk])).status_code == 404
    assert not Enrolment.objects.exists()
