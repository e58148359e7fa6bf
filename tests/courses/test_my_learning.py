"""/my-learning/: every enrolled course with progress, where to continue, quizzes and practice."""

import uuid

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest

from courses.learning.selectors import ENROLMENTS_PER_PAGE
from scoring_practice.choices import RiskChoice
from scoring_practice.models import DrillAnswer
from tests.courses.factories import (
    CoursePageFactory,
    LessonPageFactory,
    ModulePageFactory,
    QuizFactory,
    complete,
    course_tree,
    enrol,
    sitting_finished,
    training_index,
)
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

MY_LEARNING = "/my-learning/"


@pytest.fixture
def index(home):
    return training_index(home)


@pytest.fixture
def user(client):
    user = UserFactory()
    client.force_login(user)
    return user


def test_address_and_name():
    assert reverse("courses:my_learning") == MY_LEARNING


def test_visitors_are_sent_to_sign_in(client, home):
    response = client.get(MY_LEARNING)

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))
    assert f"next={MY_LEARNING}" in response.url


def test_empty_state_points_to_the_courses(client, index, user):
    html = client.get(MY_LEARNING).text

    assert "You have not enrolled on a course yet." in html
    assert f'href="{index.url}"' in html
    assert "You have not finished a quiz yet." in html
    assert "You have not practised scoring yet." in html


def test_each_enrolled_course_shows_progress_and_where_to_continue(client, index, user):
    course = CoursePageFactory(parent=index, title="Stratified care")
    first = ModulePageFactory(parent=course)
    second = ModulePageFactory(parent=course)
    done = [LessonPageFactory(parent=first) for _ in range(2)]
    next_lesson = LessonPageFactory(parent=second, title="Scoring the tool")
    LessonPageFactory(parent=second)
    other = CoursePageFactory(parent=index, title="Course not enrolled on")
    enrol(user, course)
    for lesson in done:
        complete(user, lesson)

    html = client.get(MY_LEARNING).text

    assert "Stratified care" in html
    assert "Course not enrolled on" not in html
    assert other.url not in html
    assert "1 of 2 modules completed" in html
    assert '<progress class="app-progress__bar"' in html and 'max="2" value="1"' in html
    assert "In progress" in html
    assert f'href="{next_lesson.url}"' in html
    assert "Continue where you left off: Scoring the tool" in html


def test_continue_picks_up_from_the_last_lesson_opened(client, index, user):
    course = CoursePageFactory(parent=index)
    module = ModulePageFactory(parent=course)
    lessons = [LessonPageFactory(parent=module, title=f"Part {n}") for n in range(1, 5)]
    enrol(user, course)
    complete(user, lessons[2])

    client.get(lessons[2].url)  # the learner skipped ahead and read part 3
    html = client.get(MY_LEARNING).text

    # Part 4 is next after where they were; parts 1 and 2 wait until they come round again.
    assert "Continue where you left off: Part 4" in html

    complete(user, lessons[3])
    html = client.get(MY_LEARNING).text
    assert "Continue where you left off: Part 1" in html


def test_continue_leads_to_a_waiting_quiz_then_back_to_the_last_lesson(client, index, user):
    quiz = QuizFactory()
    course = CoursePageFactory(parent=index)
    module = ModulePageFactory(parent=course, quiz=quiz, title="Red flags")
    lesson = LessonPageFactory(parent=module, title="Safety-netting")
    client.post(reverse("courses:lesson_complete", args=[lesson.pk]))
    client.get(lesson.url)

    waiting = client.get(MY_LEARNING).text
    sitting_finished(user=user, quiz=quiz, passed=True)
    finished = client.get(MY_LEARNING).text

    assert "Continue: take the quiz for Red flags" in waiting
    assert f'href="{module.url}"' in waiting
    assert "Completed" in finished
    assert "Go back to Safety-netting" in finished


def test_recent_quiz_results_are_listed(client, index, user):
    sitting_finished(user=user, quiz=QuizFactory(title="Scoring quiz"), passed=True, percent=90)
    sitting_finished(user=user, quiz=QuizFactory(title="Red flags quiz"), passed=False, percent=50)
    sitting_finished(user=UserFactory(), quiz=QuizFactory(title="Someone else's"), passed=True)

    html = client.get(MY_LEARNING).text

    assert "Scoring quiz" in html and "90%" in html and "Passed" in html
    assert "Red flags quiz" in html and "50%" in html and "Not passed" in html
    assert "Someone else" not in html


def test_quiz_results_lead_to_the_result_and_to_progress_by_topic(client, index, user):
    sitting = sitting_finished(user=user, quiz=QuizFactory(title="Scoring quiz"), passed=True)

    html = client.get(MY_LEARNING).text

    assert reverse("courses:sitting_result", args=[sitting.pk]) in html
    assert f'href="{reverse("courses:quiz_progress")}"' in html
    assert client.get(reverse("courses:sitting_result", args=[sitting.pk])).status_code == 200


def test_practice_statistics_are_shown(client, home, user):
    for correct, streak in [(True, 1), (True, 2), (False, 0)]:
        DrillAnswer.objects.create(
            user=user,
            token=uuid.uuid4(),
            answers={},
            total=5,
            psychosocial=2,
            risk=RiskChoice.MEDIUM,
            given_risk=RiskChoice.MEDIUM if correct else RiskChoice.HIGH,
            correct=correct,
            streak=streak,
        )

    html = client.get(MY_LEARNING).text

    assert "Scoring drill" in html
    assert "2 of 3 right (67%); best streak 2" in html


def test_enrolments_are_paginated(client, index, user):
    for n in range(ENROLMENTS_PER_PAGE + 1):
        enrol(user, course_tree(index=index, modules=1, lessons=1, title=f"Course number {n}"))

    first = client.get(MY_LEARNING).text
    second = client.get(MY_LEARNING, {"page": 2}).text
    nonsense = client.get(MY_LEARNING, {"page": "x" * 50})

    assert first.count("modules completed") + first.count("module completed") == (
        ENROLMENTS_PER_PAGE
    )
    assert "Page 2 of 2" in first
    assert second.count("module completed") == 1
    assert nonsense.status_code == 200


def test_unpublished_courses_drop_out_of_my_learning(client, index, user):
    course = course_tree(index=index, title="Withdrawn course")
    enrol(user, course)
    course.unpublish()

    html = client.get(MY_LEARNING).text

    assert "Withdrawn course" not in html
    assert "You have not enrolled on a course yet." in html


def grow(user, index, *, courses: int, modules: int, lessons: int, sittings: int) -> None:
    """Enrolments, modules with quizzes, lessons, completions and quiz attempts for the user."""
    for _ in range(courses):
        course = course_tree(index=index, modules=modules, lessons=lessons, quiz=True)
        enrol(user, course)
        for module in course.get_children().specific():
            for lesson in module.get_children().specific()[:1]:
                complete(user, lesson)
            for _ in range(sittings):
                sitting_finished(user=user, quiz=module.quiz, passed=False)


def query_count(client, path: str) -> int:
    client.get(path)  # warm caches that are filled once per process (site root paths)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200
    return len(queries)


def test_my_learning_query_count_is_constant(client, index, user):
    grow(user, index, courses=1, modules=1, lessons=1, sittings=1)
    small = query_count(client, MY_LEARNING)

    grow(user, index, courses=4, modules=4, lessons=5, sittings=3)
    large = query_count(client, MY_LEARNING)

    assert large == small


@pytest.mark.parametrize("signed_in", [False, True])
def test_course_page_query_count_is_constant(client, index, signed_in):
    user = UserFactory()
    if signed_in:
        client.force_login(user)
    course = course_tree(index=index, modules=1, lessons=1, quiz=True)
    enrol(user, course)
    small = query_count(client, course.url)

    for _ in range(5):
        module = ModulePageFactory(parent=course, quiz=QuizFactory())
        for _ in range(6):
            complete(user, LessonPageFactory(parent=module))
        sitting_finished(user=user, quiz=module.quiz, passed=True)
    large = query_count(client, course.url)

    assert large == small


def test_lesson_and_module_page_query_counts_are_constant(client, index, user):
    course = course_tree(index=index, modules=1, lessons=2, quiz=True)
    module = course.get_children().specific().first()
    lesson = module.get_children().first()
    enrol(user, course)
    small = (query_count(client, lesson.url), query_count(client, module.url))

    for _ in range(4):
        extra = ModulePageFactory(parent=course, quiz=QuizFactory())
        for _ in range(5):
            complete(user, LessonPageFactory(parent=extra))
    for _ in range(5):
        complete(user, LessonPageFactory(parent=module))
        sitting_finished(user=user, quiz=module.quiz, passed=False)
    large = (query_count(client, lesson.url), query_count(client, module.url))

    assert large == small
