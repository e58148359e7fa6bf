"""Course, module and lesson pages: page-type rules, what visitors read, and the lesson blocks."""

from django.core.management import call_command

from wagtail.blocks import StructBlockValidationError
from wagtail.models import Page

import pytest

from cms.models import ContentPage, HomePage
from courses.learning.blocks import MESSAGE_CHECK_NO_CORRECT, CheckUnderstandingBlock
from courses.learning.sections import training_section_ensure
from courses.models import CourseIndexPage, CoursePage, LessonPage, ModulePage
from tests.courses.factories import (
    VIDEO_URL,
    CoursePageFactory,
    LessonPageFactory,
    ModulePageFactory,
    course_tree,
    lesson_with_every_block,
    training_index,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def index(home):
    return training_index(home)


def test_page_type_rules(home, index):
    course = CoursePageFactory(parent=index)
    module = ModulePageFactory(parent=course)
    lesson = LessonPageFactory(parent=module)
    root = Page.get_first_root_node()

    assert not CourseIndexPage.can_create_at(root)
    # One training section: a second cannot be added, even under the home page.
    assert not CourseIndexPage.can_create_at(home)
    assert CoursePage.can_create_at(index)
    assert not CoursePage.can_create_at(home)
    assert ModulePage.can_create_at(course)
    assert not ModulePage.can_create_at(index)
    assert LessonPage.can_create_at(module)
    assert not LessonPage.can_create_at(course)
    assert not LessonPage.can_create_at(lesson)
    assert not ContentPage.can_create_at(course)
    assert CourseIndexPage in HomePage.allowed_subpage_models()


def test_training_section_can_be_added_under_the_home_page(home):
    assert CourseIndexPage.can_create_at(home)


def test_course_index_lists_live_courses_only(client, index):
    CoursePageFactory(parent=index, title="Stratified care in practice")
    CoursePageFactory(parent=index, title="Unfinished course", live=False)

    response = client.get(index.url)

    assert response.status_code == 200
    assert "Stratified care in practice" in response.text
    assert "Unfinished course" not in response.text


def test_course_page_shows_the_course_facts_and_modules_to_visitors(client, index):
    course = course_tree(
        index=index,
        modules=2,
        title="STarT Back stratified care",
        prerequisites="<p>Know how to take a back pain history.</p>",
    )
    first_module = course.get_children().first()

    response = client.get(course.url)

    assert response.status_code == 200
    html = response.text
    for fragment in [
        "<h1>STarT Back stratified care</h1>",
        "Use the STarT Back tool and match treatment to risk.",
        "match each risk group to its treatment",
        "GPs and physiotherapists",
        "About 2 hours 30 minutes",
        "2.5",
        "Know how to take a back pain history.",
        "nhsuk-task-list",
        first_module.title,
        "2 lessons",
        "Sign in</a> or",
    ]:
        assert fragment in html, fragment
    # Visitors see the modules without statuses, and no enrol button.
    assert "nhsuk-task-list__status" not in html
    assert "Enrol on this course" not in html


def test_course_page_sanitises_rich_text(client, index):
    course = CoursePageFactory(
        parent=index, prerequisites='<p>Read this<script>alert("x")</script></p>'
    )

    html = client.get(course.url).text

    assert "Read this" in html
    assert '<script>alert("x")' not in html


def test_draft_modules_and_lessons_are_left_out(client, index):
    course = CoursePageFactory(parent=index)
    live_module = ModulePageFactory(parent=course, title="Published module")
    ModulePageFactory(parent=course, title="Draft module", live=False)
    LessonPageFactory(parent=live_module, title="Published lesson")
    LessonPageFactory(parent=live_module, title="Draft lesson", live=False)

    course_html = client.get(course.url).text
    module_html = client.get(live_module.url).text

    assert "Published module" in course_html
    assert "Draft module" not in course_html
    assert "Published lesson" in module_html
    assert "Draft lesson" not in module_html


def test_lessons_link_to_previous_and_next_across_modules(client, index):
    course = CoursePageFactory(parent=index)
    first, second = ModulePageFactory(parent=course), ModulePageFactory(parent=course)
    one = LessonPageFactory(parent=first, title="Why stratify")
    two = LessonPageFactory(parent=first, title="The evidence")
    three = LessonPageFactory(parent=second, title="Scoring the tool")

    html_one = client.get(one.url).text
    html_two = client.get(two.url).text
    html_three = client.get(three.url).text

    assert "nhsuk-pagination" in html_two
    assert f'href="{one.url}" rel="prev"' in html_two
    assert f'href="{three.url}" rel="next"' in html_two
    assert 'rel="prev"' not in html_one
    assert 'rel="next"' not in html_three
    assert "Lesson 2 of 2" in html_two
    assert "Lesson 1 of 1" in html_three


def test_lesson_renders_every_lesson_block(client, index):
    lesson = lesson_with_every_block(index)

    response = client.get(lesson.url)

    assert response.status_code == 200
    html = response.text
    for fragment in [
        "<h2>Scoring</h2>",
        "Nine items, each scored 0 or 1.",
        "nhsuk-card--feature",
        "Screen for red flags first.",
        "Scoring in a consultation",
        f'href="{VIDEO_URL}"',
        "Read the transcript",
        "The clinician reads each item aloud.",
        "STarT Back questionnaire",
        "Print it for your patients.",
        "PDF",
        "Hill JC et al. Lancet 2011;378:1560-71.",
        'href="https://doi.org/10.1016/S0140-6736(11)60937-9"',
        "Foster NE et al.",
        "Check your understanding",
        "Which risk group?",
        "Check my answer",
    ]:
        assert fragment in html, fragment
    # The video is linked, not embedded: nothing on the page loads from its provider.
    assert "<iframe" not in html
    # No answer yet: no feedback and no explanation.
    assert "The subscale decides high risk" not in html


def check_param(lesson: LessonPage) -> str:
    block = next(block for block in lesson.body if block.block_type == "check_understanding")
    return f"check-{block.id}"


def test_check_your_understanding_marks_a_right_answer(client, index):
    lesson = lesson_with_every_block(index)

    html = client.get(lesson.url, {check_param(lesson): "1"}).text

    assert "Correct" in html
    assert "Total 4 or more, subscale 3." in html
    assert "The subscale decides high risk" in html
    assert "checked" in html


def test_check_your_understanding_explains_a_wrong_answer(client, index):
    lesson = lesson_with_every_block(index)

    html = client.get(lesson.url, {check_param(lesson): "2"}).text

    assert "Not quite" in html
    assert "High needs subscale 4 or 5." in html
    assert "The right answer is: <strong>Medium risk</strong>" in html
    assert "The subscale decides high risk" in html


@pytest.mark.parametrize("answer", ["9", "-1", "x", "", "1" * 400])
def test_check_your_understanding_ignores_nonsense(client, index, answer):
    lesson = lesson_with_every_block(index)

    response = client.get(lesson.url, {check_param(lesson): answer})

    assert response.status_code == 200
    assert "Not quite" not in response.text
    assert "The subscale decides high risk" not in response.text


def test_check_your_understanding_with_several_right_answers_needs_them_all(client, index):
    course = CoursePageFactory(parent=index)
    lesson = LessonPageFactory(
        parent=ModulePageFactory(parent=course),
        body=[
            (
                "check_understanding",
                {
                    "question": "Which items make up the psychosocial subscale?",
                    "options": [
                        {"text": "Fear", "correct": True, "feedback": ""},
                        {"text": "Worry", "correct": True, "feedback": ""},
                        {"text": "Leg pain", "correct": False, "feedback": "Item 2."},
                    ],
                    "explanation": "<p>Items 5 to 9.</p>",
                },
            )
        ],
    )
    param = check_param(lesson)

    partly = client.get(lesson.url, {param: ["0"]}).text
    fully = client.get(lesson.url, {param: ["0", "1"]}).text

    assert "Choose all that apply." in partly
    assert 'type="checkbox"' in partly
    assert "Not quite" in partly
    assert "The right answers are: <strong>Fear; Worry</strong>" in partly
    assert "Correct" in fully


def test_check_your_understanding_needs_a_correct_option():
    block = CheckUnderstandingBlock()
    value = block.to_python(
        {
            "question": "Which?",
            "options": [
                {"text": "A", "correct": False, "feedback": ""},
                {"text": "B", "correct": False, "feedback": ""},
            ],
            "explanation": "<p>Because.</p>",
        }
    )

    with pytest.raises(StructBlockValidationError) as raised:
        block.clean(value)

    assert MESSAGE_CHECK_NO_CORRECT in str(raised.value.non_block_errors)


def test_training_section_is_seeded_once_and_keeps_editors_changes(home):
    first = training_section_ensure(home=home)
    first.title = "Courses"
    first.save_revision().publish()

    again = training_section_ensure(home=home)

    assert again.pk == first.pk
    assert CourseIndexPage.objects.count() == 1
    assert again.title == "Courses"  # editors' changes are left alone
    assert first.url == "/training/"


def test_seed_site_creates_the_training_section(db):
    call_command("seed_site", verbosity=0)
    call_command("seed_site", verbosity=0)

    index = CourseIndexPage.objects.get()
    assert index.live
    assert index.url == "/training/"


def test_course_index_is_paginated(client, index):
    from courses.learning.selectors import COURSES_PER_PAGE

    for n in range(COURSES_PER_PAGE + 1):
        CoursePageFactory(parent=index, title=f"Course number {n:02d}")

    first = client.get(index.url).text
    second = client.get(index.url, {"page": 2}).text
    nonsense = client.get(index.url, {"page": "<script>"})

    assert f"Course number {COURSES_PER_PAGE - 1:02d}" in first
    assert f"Course number {COURSES_PER_PAGE:02d}" not in first
    assert "Page 2 of 2" in first
    assert f"Course number {COURSES_PER_PAGE:02d}" in second
    assert nonsense.status_code == 200
