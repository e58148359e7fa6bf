"""Twenty identical requests at once on PostgreSQL: enrolling, completing a lesson, starting a
quiz and answering a question each happen once, and no request ends in a 500."""

from django.urls import reverse

import pytest

from courses.models import Enrolment, LessonCompletion, LessonPage, Sitting, SittingAnswer
from courses.quiz.services import sitting_start
from tests.concurrency import BURST, burst, clients_signed_in, postgresql_only
from tests.courses.factories import course_tree, training_index
from tests.courses.quiz_factories import quiz_with_questions, right_option_ids
from tests.factories import UserFactory

pytestmark = [postgresql_only, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def course(home):
    return course_tree(index=training_index(home), modules=1, lessons=1)


def test_enrolling_twenty_times_at_once_enrols_once(course):
    user = UserFactory()

    statuses = burst(clients_signed_in(user), reverse("courses:course_enrol", args=[course.pk]), {})

    assert len(statuses) == BURST and set(statuses) == {302}
    assert Enrolment.objects.filter(user=user).count() == 1


def test_completing_a_lesson_twenty_times_at_once_records_it_once(course):
    user = UserFactory()
    lesson = LessonPage.objects.get()

    statuses = burst(
        clients_signed_in(user), reverse("courses:lesson_complete", args=[lesson.pk]), {}
    )

    assert len(statuses) == BURST and set(statuses) == {302}
    assert LessonCompletion.objects.filter(user=user).count() == 1
    assert Enrolment.objects.filter(user=user).count() == 1


def test_starting_a_quiz_twenty_times_at_once_opens_one_attempt(db):
    quiz = quiz_with_questions(2, draft=False)
    user = UserFactory()

    statuses = burst(clients_signed_in(user), reverse("courses:quiz_detail", args=[quiz.pk]), {})

    assert len(statuses) == BURST and set(statuses) == {302}
    assert Sitting.objects.filter(user=user).count() == 1


def test_answering_a_question_twenty_times_at_once_records_one_answer(db):
    quiz = quiz_with_questions(2, draft=False)
    user = UserFactory()
    sitting = sitting_start(user=user, quiz=quiz)
    first = sitting.answers.get(position=1)
    data = {"question": first.pk, "options": right_option_ids(first)}

    statuses = burst(clients_signed_in(user), reverse("courses:quiz_take", args=[quiz.pk]), data)

    assert len(statuses) == BURST and set(statuses) <= {200, 302}
    answered = SittingAnswer.objects.filter(sitting=sitting, answered_at__isnull=False)
    assert answered.count() == 1
    sitting.refresh_from_db()
    assert sitting.position == 2
