"""Courses in a real browser: enrol, read, check understanding, complete; axe-core finds nothing."""

import pytest

from tests.browser.conftest import BROWSER, sign_in
from tests.courses.factories import (
    LessonPageFactory,
    QuizFactory,
    lesson_with_every_block,
    sitting_finished,
    training_index,
)
from tests.factories import UserFactory

pytestmark = BROWSER

WIDTHS = [1280, 375]


@pytest.fixture
def lesson(live_home):
    """A lesson with every lesson block, followed by a second lesson, in a module with a quiz."""
    lesson = lesson_with_every_block(training_index(live_home))
    module = lesson.get_parent().specific
    module.quiz = QuizFactory(title="Scoring quiz")
    module.save()
    LessonPageFactory(parent=module, title="Matched treatments")
    return lesson


@pytest.mark.parametrize("width", WIDTHS)
def test_visitor_pages_have_no_axe_violations(tab, axe, lesson, width):
    tab.set_viewport_size({"width": width, "height": 900})
    module = lesson.get_parent()
    course = module.get_parent()
    for page in [course.get_parent(), course, module, lesson]:
        tab.goto(page.url)
        assert axe(tab) == [], page.url


def test_check_your_understanding_works_without_javascript(browser, live_server, lesson, axe):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    tab = context.new_page()
    try:
        tab.goto(lesson.url)
        tab.get_by_label("High risk").check()
        tab.get_by_role("button", name="Check my answer").click()

        feedback = tab.locator(".app-check__feedback")
        feedback.wait_for()
        assert "Not quite" in feedback.inner_text()
        assert "The right answer is: Medium risk" in feedback.inner_text()
        assert tab.get_by_label("High risk").is_checked()
    finally:
        context.close()


def test_learner_enrols_completes_a_lesson_and_sees_it_in_my_learning(tab, axe, lesson):
    user = UserFactory(email="learner@example.com")
    module = lesson.get_parent()
    course = module.get_parent()
    sitting_finished(user=user, quiz=module.specific.quiz, passed=False, percent=50)
    sign_in(tab, user.email)

    tab.goto(course.url)
    tab.get_by_role("button", name="Enrol on this course").click()
    tab.get_by_text("You are enrolled on this course.").wait_for()
    assert axe(tab) == []

    tab.goto(lesson.url)
    tab.get_by_role("button", name="Mark as complete").click()
    tab.get_by_text("Lesson marked as complete.").wait_for()
    assert tab.get_by_text("You have completed this lesson.").is_visible()
    assert axe(tab) == []

    tab.goto(module.url)
    assert axe(tab) == []

    for width in WIDTHS:
        tab.set_viewport_size({"width": width, "height": 900})
        tab.goto("/my-learning/")
        assert tab.get_by_text("0 of 1 module completed").is_visible()
        next_lesson = "Continue where you left off: Matched treatments"
        assert tab.get_by_role("link", name=next_lesson).is_visible()
        assert tab.get_by_role("cell", name="Scoring quiz").is_visible()
        assert axe(tab) == [], width


def test_empty_my_learning_has_no_axe_violations(tab, axe, live_home):
    training_index(live_home)
    sign_in(tab, UserFactory(email="new@example.com").email)

    tab.goto("/my-learning/")

    assert tab.get_by_text("You have not enrolled on a course yet.").is_visible()
    assert axe(tab) == []


def test_every_lesson_of_the_course_passes_axe_and_fits_a_phone(tab, axe, live_home):
    """The course as the content files build it: every lesson, at desktop and phone widths, has
    no axe-core violation and never scrolls sideways (a wide table scrolls in its own box)."""
    from django.core.management import call_command

    from courses.learning.models import LessonPage

    call_command("load_content", verbosity=0)
    problems = []
    for lesson in LessonPage.objects.live().order_by("path"):
        for width in WIDTHS:
            tab.set_viewport_size({"width": width, "height": 900})
            tab.goto(lesson.url)
            if violations := axe(tab):
                problems.append(f"{lesson.slug} at {width}: {violations}")
            if tab.evaluate("document.documentElement.scrollWidth") > width:
                problems.append(f"{lesson.slug} at {width}: scrolls sideways")
    assert problems == []
