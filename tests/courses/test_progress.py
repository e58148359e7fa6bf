"""Completing lessons, and when a module and a course count as complete."""

from django.urls import reverse

import pytest

from courses.learning.selectors import Status, course_progress
from courses.learning.services import (
    MESSAGE_LESSON_ALREADY_COMPLETED,
    MESSAGE_LESSON_COMPLETED,
    MESSAGE_NOT_IN_COURSE,
    MESSAGE_SIGN_IN_TO_COMPLETE,
    ProgressError,
    lesson_complete,
)
from courses.models import Enrolment, LessonCompletion
from tests.courses.factories import (
    CoursePageFactory,
    LessonPageFactory,
    ModulePageFactory,
    QuizFactory,
    complete,
    enrol,
    sitting_finished,
    training_index,
)
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def index(home):
    return training_index(home)


@pytest.fixture
def user():
    return UserFactory()


def complete_url(lesson) -> str:
    return reverse("courses:lesson_complete", args=[lesson.pk])


def module_with_lessons(course, *, lessons=2, quiz=None):
    module = ModulePageFactory(parent=course, quiz=quiz)
    return module, [LessonPageFactory(parent=module) for _ in range(lessons)]


def statuses(course, user) -> list[Status]:
    return [module.status for module in course_progress(course=course, user=user).modules]


def test_marking_a_lesson_complete_twice_records_it_once_and_enrols(client, index, user):
    course = CoursePageFactory(parent=index)
    _, (lesson, _) = module_with_lessons(course)
    client.force_login(user)

    first = client.post(complete_url(lesson), follow=True)
    second = client.post(complete_url(lesson), follow=True)

    assert LessonCompletion.objects.filter(user=user, lesson=lesson).count() == 1
    assert Enrolment.objects.filter(user=user, course=course).count() == 1
    assert first.redirect_chain[-1][0] == lesson.url
    assert MESSAGE_LESSON_COMPLETED in first.text
    assert MESSAGE_LESSON_ALREADY_COMPLETED in second.text


def test_lesson_complete_service_is_idempotent(index, user):
    course = CoursePageFactory(parent=index)
    _, (lesson, _) = module_with_lessons(course)

    completion, created = lesson_complete(user=user, lesson=lesson)
    again, created_again = lesson_complete(user=user, lesson=lesson)

    assert created and not created_again
    assert again.pk == completion.pk


def test_a_lesson_outside_a_published_course_cannot_be_completed(index, user):
    draft_course = CoursePageFactory(parent=index, live=False)
    _, (lesson, _) = module_with_lessons(draft_course)

    with pytest.raises(ProgressError, match=MESSAGE_NOT_IN_COURSE):
        lesson_complete(user=user, lesson=lesson)

    assert not LessonCompletion.objects.exists()
    assert not Enrolment.objects.exists()


def test_lesson_page_shows_the_button_then_the_completed_state(client, index, user):
    course = CoursePageFactory(parent=index)
    _, (lesson, _) = module_with_lessons(course)
    client.force_login(user)

    before = client.get(lesson.url).text
    client.post(complete_url(lesson))
    after = client.get(lesson.url).text

    assert "Mark as complete" in before
    assert "Mark as complete" not in after
    assert "You have completed this lesson." in after


def test_visitors_read_lessons_with_a_sign_in_prompt_instead_of_the_button(client, index):
    course = CoursePageFactory(parent=index)
    _, (lesson, _) = module_with_lessons(course)

    response = client.get(lesson.url)

    assert response.status_code == 200
    assert "Most people with low back pain improve" in response.text
    assert "Mark as complete" not in response.text
    assert "to mark this lesson complete" in response.text
    assert f'href="/accounts/login/?next={lesson.url}"' in response.text


def test_visitor_who_marks_a_lesson_complete_is_sent_to_sign_in(client, index):
    course = CoursePageFactory(parent=index)
    _, (lesson, _) = module_with_lessons(course)

    response = client.post(complete_url(lesson))

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))
    assert f"next={lesson.url}" in response.url
    assert not LessonCompletion.objects.exists()
    assert MESSAGE_SIGN_IN_TO_COMPLETE in client.get(response.url).text


def test_get_and_bad_ids_on_the_complete_address_change_nothing(client, index, user):
    course = CoursePageFactory(parent=index)
    module, (lesson, _) = module_with_lessons(course)
    client.force_login(user)

    assert client.get(complete_url(lesson)).url == lesson.url
    assert client.post(reverse("courses:lesson_complete", args=[999999])).status_code == 404
    assert client.post(reverse("courses:lesson_complete", args=[module.pk])).status_code == 404
    assert client.post("/my-learning/lessons/%2e%2e/complete/").status_code == 404
    assert not LessonCompletion.objects.exists()


def test_module_completes_when_its_required_lessons_are_complete(index, user):
    course = CoursePageFactory(parent=index)
    _, (one, two) = module_with_lessons(course)
    enrol(user, course)

    assert statuses(course, user) == [Status.NOT_STARTED]
    complete(user, one)
    assert statuses(course, user) == [Status.IN_PROGRESS]
    complete(user, two)
    assert statuses(course, user) == [Status.COMPLETED]


def test_module_with_a_quiz_completes_only_once_the_quiz_is_passed(index, user):
    quiz = QuizFactory()
    course = CoursePageFactory(parent=index)
    _, lessons = module_with_lessons(course, quiz=quiz)
    enrol(user, course)
    for lesson in lessons:
        complete(user, lesson)

    assert statuses(course, user) == [Status.IN_PROGRESS]
    sitting_finished(user=user, quiz=quiz, passed=False)
    assert statuses(course, user) == [Status.IN_PROGRESS]
    sitting_finished(user=user, quiz=quiz, passed=True)
    assert statuses(course, user) == [Status.COMPLETED]


def test_someone_elses_pass_does_not_count(index, user):
    quiz = QuizFactory()
    course = CoursePageFactory(parent=index)
    _, lessons = module_with_lessons(course, lessons=1, quiz=quiz)
    enrol(user, course)
    complete(user, lessons[0])
    sitting_finished(user=UserFactory(), quiz=quiz, passed=True)

    assert statuses(course, user) == [Status.IN_PROGRESS]


def test_a_draft_quiz_does_not_hold_a_module_open(index, user):
    course = CoursePageFactory(parent=index)
    _, lessons = module_with_lessons(course, lessons=1, quiz=QuizFactory(draft=True))
    enrol(user, course)
    complete(user, lessons[0])

    assert statuses(course, user) == [Status.COMPLETED]


def test_adding_a_required_lesson_reopens_a_completed_module(index, user):
    course = CoursePageFactory(parent=index)
    module, lessons = module_with_lessons(course)
    enrol(user, course)
    for lesson in lessons:
        complete(user, lesson)
    assert statuses(course, user) == [Status.COMPLETED]

    LessonPageFactory(parent=module, required=False)
    assert statuses(course, user) == [Status.COMPLETED]

    LessonPageFactory(parent=module, required=True)
    assert statuses(course, user) == [Status.IN_PROGRESS]


def test_an_unpublished_lesson_no_longer_counts(index, user):
    course = CoursePageFactory(parent=index)
    module, (one, two) = module_with_lessons(course)
    enrol(user, course)
    complete(user, one)

    two.unpublish()

    assert statuses(course, user) == [Status.COMPLETED]


def test_course_completes_when_every_module_is_complete(client, index, user):
    quiz = QuizFactory()
    course = CoursePageFactory(parent=index)
    _, first_lessons = module_with_lessons(course)
    _, second_lessons = module_with_lessons(course, quiz=quiz)
    client.force_login(user)
    for lesson in first_lessons + second_lessons:
        client.post(complete_url(lesson))

    progress = course_progress(course=course, user=user)
    assert progress.status is Status.IN_PROGRESS
    assert progress.modules_completed == 1
    assert progress.next_step.is_quiz

    sitting_finished(user=user, quiz=quiz, passed=True)
    progress = course_progress(course=course, user=user)
    assert progress.status is Status.COMPLETED
    assert progress.modules_completed == 2
    html = client.get(course.url).text
    assert "2 of 2 modules completed" in html
    assert html.count(">Completed</strong>") == 3


def test_module_page_shows_lessons_quiz_link_and_latest_result(client, index, user):
    quiz = QuizFactory(title="Scoring quiz")
    course = CoursePageFactory(parent=index)
    module, (one, two) = module_with_lessons(course, quiz=quiz)
    enrol(user, course)
    complete(user, one)
    sitting_finished(user=user, quiz=quiz, passed=False, percent=50)
    client.force_login(user)

    html = client.get(module.url).text

    assert one.title in html and two.title in html
    assert html.count(">Completed</strong>") == 1
    assert "Scoring quiz" in html
    assert f'href="{reverse("courses:quiz_detail", args=[quiz.pk])}"' in html
    assert "Your latest result: 50%" in html
    assert "Not passed" in html
    assert "Try the quiz again" in html


def test_module_page_for_visitors_has_no_statuses(client, index):
    course = CoursePageFactory(parent=index)
    module, _ = module_with_lessons(course, quiz=QuizFactory())

    html = client.get(module.url).text

    assert "nhsuk-task-list__status" not in html
    assert "Your latest result" not in html
    assert "Go to the quiz" in html
    assert "Sign in</a> or" in html
