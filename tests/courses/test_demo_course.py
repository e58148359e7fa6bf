"""The demo course: what seeding builds, that a second run changes nothing, and that every
scoring statement in the course agrees with the scoring rules."""

from django.core.management import call_command
from django.utils.html import escape

from wagtail.models import Page, Revision

import pytest

from courses import demo_content
from courses.learning.blocks import LessonStreamBlock
from courses.learning.demo import demo_course_ensure
from courses.models import (
    AnswerOption,
    Category,
    CourseIndexPage,
    CoursePage,
    LessonPage,
    ModulePage,
    Question,
    Quiz,
)
from courses.quiz.choices import QuestionType
from scoring_practice import startback


def _course() -> CoursePage:
    return CoursePage.objects.get(slug=demo_content.COURSE.slug)


def _snapshot() -> dict:
    return {
        "pages": list(
            Page.objects.order_by("path").values_list("path", "title", "live", "latest_revision")
        ),
        "revisions": Revision.objects.count(),
        "quizzes": list(Quiz.objects.order_by("pk").values_list("pk", "title", "updated_at")),
        "questions": Question.objects.count(),
        "options": AnswerOption.objects.count(),
        "categories": Category.objects.count(),
    }


@pytest.mark.django_db
def test_seeding_builds_the_course_modules_lessons_and_quizzes():
    call_command("seed_demo")

    course = _course()
    assert course.live
    assert isinstance(course.get_parent().specific, CourseIndexPage)
    assert course.title == "STarT Back stratified care for low back pain"
    assert len(course.learning_outcomes) >= 5
    assert course.cpd_hours > 0

    modules = ModulePage.objects.child_of(course).live().select_related("quiz")
    assert modules.count() >= 5
    for module in modules:
        lessons = LessonPage.objects.child_of(module).live()
        assert 2 <= lessons.count() <= 4, module.title
        quiz = module.quiz
        assert quiz is not None, module.title
        assert not quiz.draft
        assert 70 <= quiz.pass_mark <= 80
        questions = list(quiz.questions.prefetch_related("options").select_related("category"))
        assert len(questions) >= 6, quiz.title
        for question in questions:
            assert question.explanation.strip(), question.text
            assert question.category is not None, question.text
            correct = [option for option in question.options.all() if option.correct]
            if question.kind == QuestionType.FREE_TEXT:
                assert not question.options.exists()
            elif question.kind == QuestionType.MULTIPLE:
                assert correct, question.text
            else:
                assert len(correct) == 1, question.text
            if question.kind == QuestionType.TRUE_FALSE:
                assert [o.text for o in question.options.all()] == ["True", "False"]

    kinds = set(Question.objects.values_list("kind", flat=True))
    assert kinds == {choice.value for choice in QuestionType}


@pytest.mark.django_db
def test_running_twice_creates_nothing_new():
    call_command("seed_demo")
    first = _snapshot()

    call_command("seed_demo")
    demo_course_ensure()

    assert _snapshot() == first


@pytest.mark.django_db
def test_a_second_run_keeps_editors_changes_and_restores_only_what_is_missing():
    call_command("seed_demo")
    lesson = LessonPage.objects.get(slug="worked-examples")
    lesson.title = "Worked examples (edited)"
    lesson.save_revision().publish()
    quiz = Quiz.objects.get(title=demo_content.QUIZ_SCORING.title)
    quiz.pass_mark = 90
    quiz.save()
    LessonPage.objects.get(slug="safety-netting").delete()

    demo_course_ensure()

    assert LessonPage.objects.get(slug="worked-examples").title == "Worked examples (edited)"
    assert Quiz.objects.get(pk=quiz.pk).pass_mark == 90
    assert Quiz.objects.filter(title=demo_content.QUIZ_SCORING.title).count() == 1
    restored = LessonPage.objects.get(slug="safety-netting")
    assert restored.live
    assert restored.get_parent().slug == "red-flags-and-safety-netting"


@pytest.mark.django_db
def test_the_course_a_module_and_lessons_render(client):
    call_command("seed_demo")
    course = _course()
    module = ModulePage.objects.child_of(course).get(slug="scoring-the-tool")

    response = client.get(course.url)
    assert response.status_code == 200
    assert demo_content.MODULE_RED_FLAGS.title in response.content.decode()

    response = client.get(module.url)
    assert response.status_code == 200
    assert demo_content.LESSON_MISTAKES.title in response.content.decode()

    items = LessonPage.objects.child_of(module).get(slug="the-nine-items")
    html = client.get(items.url).content.decode()
    # The tool is shown exactly as Keele publishes it, with its copyright line.
    for item in startback.ITEMS:
        assert escape(item.text) in html, item.number
    assert escape(startback.PREAMBLE) in html
    assert startback.COPYRIGHT in html
    assert "Lancet 2011;378:1560–71" in html

    examples = LessonPage.objects.child_of(module).get(slug="worked-examples")
    response = client.get(examples.url)
    assert response.status_code == 200
    html = response.content.decode()
    for example in (demo_content.EXAMPLE_LOW, demo_content.EXAMPLE_MEDIUM):
        assert escape(example.title) in html
        assert f"{example.total} of 9" in html


@pytest.mark.parametrize("example", demo_content.WORKED_EXAMPLES, ids=lambda e: e.key)
def test_every_worked_example_states_the_result_the_rules_give(example):
    result = startback.score(example.answers)

    assert (result.total, result.psychosocial, result.risk.value) == (
        example.total,
        example.psychosocial,
        example.risk,
    )
    assert demo_content.scoring_items(example) == list(result.scoring_items)


def test_questions_on_worked_examples_mark_the_scored_answer_as_right():
    asked = [
        question
        for module in demo_content.MODULES
        for question in module.quiz.questions
        if question.example is not None and question.options
    ]
    assert len(asked) >= 3
    for question in asked:
        result = startback.score(question.example.answers)
        right = [option.text for option in question.options if option.correct]
        assert right in ([result.risk.label], [str(result.total)]), question.text


def test_the_mistakes_lesson_describes_each_mistake_truthfully():
    # Counting 'Moderately' as 1 is the same as an answer that does score: it moves low to medium.
    moderately = demo_content.EXAMPLE_MODERATELY
    miscounted = {**moderately.answers, 9: demo_content.VERY_MUCH}
    assert startback.score(moderately.answers).risk == startback.RiskGroup.LOW
    assert startback.score(miscounted).risk == startback.RiskGroup.MEDIUM
    assert startback.score(miscounted).total == moderately.total + 1

    # A total of 4 or more that is not high risk.
    high_total = startback.score(demo_content.EXAMPLE_HIGH_TOTAL.answers)
    assert high_total.total >= 4
    assert high_total.risk == startback.RiskGroup.MEDIUM

    # The wrong subscale items (1, 4, 7, 8, 9) add up to 5 and would wrongly give high risk.
    wrong = demo_content.EXAMPLE_WRONG_ITEMS
    result = startback.score(wrong.answers)
    points = dict(zip(startback.ITEM_NUMBERS, result.item_scores, strict=True))
    assert sum(points[n] for n in (1, 4, 7, 8, 9)) == 5
    assert startback.score(wrong.answers).risk == startback.RiskGroup.MEDIUM


@pytest.mark.parametrize(
    "lesson",
    [lesson for module in demo_content.MODULES for lesson in module.lessons],
    ids=lambda lesson: lesson.slug,
)
def test_each_lesson_is_valid_lesson_content_ending_with_its_references(lesson):
    block = LessonStreamBlock()
    block.clean(block.normalize(lesson.body))

    assert lesson.body[-1][0] == "references"
    assert len(lesson.summary) <= 300


# The heading level each block opens with; the lesson's title is the page's only h1.
LEVEL_2_BLOCKS = {"key_points", "check_understanding", "references", "video"}
LEVELLED_BLOCKS = {"warning_callout", "care_card", "do_list", "dont_list"}


def _heading_level(name: str, value) -> int | None:
    if name == "heading":
        return int(value["level"][1])
    if name in LEVEL_2_BLOCKS:
        return 2
    if name in LEVELLED_BLOCKS:
        return value["heading_level"]
    return None


@pytest.mark.parametrize(
    "lesson",
    [lesson for module in demo_content.MODULES for lesson in module.lessons],
    ids=lambda lesson: lesson.slug,
)
def test_lesson_headings_never_skip_a_level(lesson):
    previous = 1
    for name, value in lesson.body:
        level = _heading_level(name, value)
        if level is not None:
            assert level <= previous + 1, f"{name} at h{level} after h{previous}"
            previous = level


@pytest.mark.parametrize("module", demo_content.MODULES, ids=lambda module: module.slug)
def test_each_module_checks_understanding_and_every_check_has_a_right_answer(module):
    checks = [
        value
        for lesson in module.lessons
        for name, value in lesson.body
        if name == "check_understanding"
    ]
    assert checks
    for value in checks:
        assert any(option["correct"] for option in value["options"]), value["question"]
