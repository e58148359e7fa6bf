"""The course's content files: what loading builds, that a second run changes nothing, and that
every scoring statement in the course agrees with the scoring rules."""

import random
import re
import shutil

from django.core.management import CommandError, call_command
from django.utils.html import escape

from wagtail.models import Page, Revision

import pytest

from core.content_files import ContentError
from courses.learning.examples import scoring_items
from courses.learning.loader import CONTENT_DIR, DEMO_COURSE, course_load, course_read
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
from courses.quiz.services import options_presented
from scoring_practice import startback

CONTENT = course_read()
MODULES = CONTENT.modules
LESSONS = [lesson for module in MODULES for lesson in module.lessons]
EXAMPLES = CONTENT.examples

SCORING_QUIZ = next(m.quiz.title for m in MODULES if m.slug == "scoring-the-tool")


def _course() -> CoursePage:
    return CoursePage.objects.get(slug=CONTENT.slug)


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
    course_load()

    assert _snapshot() == first


@pytest.mark.django_db
def test_a_second_run_keeps_editors_changes_and_restores_only_what_is_missing():
    call_command("seed_demo")
    lesson = LessonPage.objects.get(slug="worked-examples")
    lesson.title = "Worked examples (edited)"
    lesson.save_revision().publish()
    quiz = Quiz.objects.get(title=SCORING_QUIZ)
    quiz.pass_mark = 90
    quiz.save()
    LessonPage.objects.get(slug="safety-netting").delete()

    course_load()

    assert LessonPage.objects.get(slug="worked-examples").title == "Worked examples (edited)"
    assert Quiz.objects.get(pk=quiz.pk).pass_mark == 90
    assert Quiz.objects.filter(title=SCORING_QUIZ).count() == 1
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
    assert MODULES[4].title in response.content.decode()

    response = client.get(module.url)
    assert response.status_code == 200
    assert "Classic scoring mistakes" in response.content.decode()

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
    for example in (EXAMPLES["low"], EXAMPLES["medium"]):
        assert escape(example.title) in html
        assert f"{example.total} of 9" in html


@pytest.mark.parametrize("example", EXAMPLES.values(), ids=lambda e: e.key)
def test_every_worked_example_states_the_result_the_rules_give(example):
    result = startback.score(example.answers)

    assert (result.total, result.psychosocial, result.risk.value) == (
        example.total,
        example.psychosocial,
        example.risk,
    )
    assert scoring_items(example) == list(result.scoring_items)


def test_questions_on_worked_examples_mark_the_scored_answer_as_right():
    asked = [
        question
        for module in MODULES
        for question in module.quiz.questions
        if question.example is not None and question.options
    ]
    assert len(asked) >= 3
    for question in asked:
        result = startback.score(question.example.answers)
        right = [text for text, correct in question.options if correct]
        assert right in ([result.risk.label], [str(result.total)]), question.text


def test_the_mistakes_lesson_describes_each_mistake_truthfully():
    # Counting 'Moderately' as 1 is the same as an answer that does score: it moves low to medium.
    moderately = EXAMPLES["moderately"]
    miscounted = {**moderately.answers, 9: "very_much"}
    assert startback.score(moderately.answers).risk == startback.RiskGroup.LOW
    assert startback.score(miscounted).risk == startback.RiskGroup.MEDIUM
    assert startback.score(miscounted).total == moderately.total + 1

    # A total of 4 or more that is not high risk.
    high_total = startback.score(EXAMPLES["high-total"].answers)
    assert high_total.total >= 4
    assert high_total.risk == startback.RiskGroup.MEDIUM

    # The wrong subscale items (1, 4, 7, 8, 9) add up to 5 and would wrongly give high risk.
    wrong = EXAMPLES["wrong-items"]
    result = startback.score(wrong.answers)
    points = dict(zip(startback.ITEM_NUMBERS, result.item_scores, strict=True))
    assert sum(points[n] for n in (1, 4, 7, 8, 9)) == 5
    assert startback.score(wrong.answers).risk == startback.RiskGroup.MEDIUM


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda lesson: lesson.slug)
def test_each_lesson_ends_with_its_references(lesson):
    # Reading the files has already validated every block as the lesson page would.
    assert lesson.body[-1][0] == "references"


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


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda lesson: lesson.slug)
def test_lesson_headings_never_skip_a_level(lesson):
    previous = 1
    for name, value in lesson.body:
        level = _heading_level(name, value)
        if level is not None:
            assert level <= previous + 1, f"{name} at h{level} after h{previous}"
            previous = level


@pytest.mark.parametrize("module", MODULES, ids=lambda module: module.slug)
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


# --- Worked answers written out in the prose ----------------------------------------------------

ANSWERS_SENTENCE = re.compile(
    r"(?:'Agree' to items? (?P<agree>[0-9, and]+?)(?:; 'Disagree' to the others from 1 to 8)?"
    r"|'Disagree' to items 1 to 8, and); '?(?P<item9>[A-Z][a-z]+(?: [a-z]+)?)'? to item 9\."
)
COUNTERFACTUAL = re.compile(r"\b(would|wrongly|instead|counting|adding)\b", re.IGNORECASE)


def _prose(blocks) -> list[str]:
    texts = []
    for name, value in blocks:
        if name == "paragraph":
            texts.append(re.sub(r"<[^>]+>", " ", value))
    return texts


def _stated_answers(match: re.Match) -> dict[int, str]:
    agree = {int(n) for n in re.findall(r"\d", match["agree"] or "")}
    answers = {n: "agree" if n in agree else "disagree" for n in range(1, 9)}
    answers[9] = match["item9"].lower().replace(" ", "_")
    return answers


def test_every_set_of_answers_written_in_a_lesson_states_the_score_the_tool_gives():
    checked = 0
    for lesson in LESSONS:
        for text in _prose(lesson.body):
            for match in ANSWERS_SENTENCE.finditer(text):
                result = startback.score(_stated_answers(match))
                following = text[match.end() :].split(". ")
                for sentence in following[:3]:
                    if COUNTERFACTUAL.search(sentence):
                        continue
                    for total in re.findall(r"\btotal (?:is|of) (\d)", sentence):
                        assert int(total) == result.total, (lesson.slug, sentence)
                    for subscale in re.findall(r"\bsubscale (?:is|of) (\d)", sentence):
                        assert int(subscale) == result.psychosocial, (lesson.slug, sentence)
                    for risk in re.findall(r"\b(low|medium|high) risk(?: on paper)?", sentence):
                        if f"at {risk} risk" in sentence or f"{risk} risk on paper" in sentence:
                            assert risk == result.risk.value, (lesson.slug, sentence)
                checked += 1
    assert checked >= 4  # the four classic mistakes, at least


# --- Files with mistakes are refused, naming the file and the field ----------------------------


@pytest.fixture
def course_copy(tmp_path):
    source = CONTENT_DIR / DEMO_COURSE
    target = tmp_path / DEMO_COURSE
    shutil.copytree(source, target)
    return target


def _edit(path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))


def test_an_unknown_block_type_is_refused_with_its_file_and_position(course_copy):
    lesson = course_copy / "why-stratify" / "low-back-pain-in-primary-care.yaml"
    _edit(lesson, "- heading: Most people recover", "- headline: Most people recover")

    with pytest.raises(ContentError) as refused:
        course_read(course_copy)

    message = str(refused.value)
    assert "why-stratify/low-back-pain-in-primary-care.yaml: body[1]" in message
    assert "unknown block type “headline”" in message


def test_a_worked_example_that_does_not_score_as_stated_is_refused(course_copy):
    _edit(course_copy / "examples.yaml", "risk: low", "risk: medium")

    with pytest.raises(ContentError) as refused:
        course_read(course_copy)

    assert "examples.yaml: low.states" in str(refused.value)
    assert "states total 2, subscale 0, medium risk, but its answers score" in str(refused.value)


def test_a_single_answer_question_with_two_right_answers_is_refused(course_copy):
    quiz = course_copy / "scoring-the-tool" / "quiz.yaml"
    _edit(quiz, "  - text: '1'\n", "  - text: '1'\n    correct: true\n")

    with pytest.raises(ContentError) as refused:
        course_read(course_copy)

    assert "scoring-the-tool/quiz.yaml: questions[0]" in str(refused.value)
    assert "Mark exactly one option as correct." in str(refused.value)


def test_a_lesson_block_that_fails_its_own_validation_is_refused(course_copy):
    lesson = course_copy / "scoring-the-tool" / "classic-scoring-mistakes.yaml"
    _edit(lesson, "      correct: true\n", "")

    with pytest.raises(ContentError) as refused:
        course_read(course_copy)

    assert "classic-scoring-mistakes.yaml: body[10]" in str(refused.value)
    assert "Mark at least one option as correct." in str(refused.value)


def test_a_listed_lesson_must_exist_and_every_lesson_file_must_be_listed(course_copy):
    module = course_copy / "why-stratify"
    (module / "the-trial-evidence.yaml").rename(module / "trial.yaml")

    with pytest.raises(ContentError) as refused:
        course_read(course_copy)

    assert "why-stratify/module.yaml: lessons" in str(refused.value)
    assert "“the-trial-evidence” is listed" in str(refused.value)


@pytest.mark.django_db
def test_load_content_refuses_broken_files_and_writes_nothing(course_copy, monkeypatch):
    _edit(course_copy / "examples.yaml", "risk: low", "risk: high")
    monkeypatch.setattr("courses.learning.loader.CONTENT_DIR", course_copy.parent)
    pages = Page.objects.count()

    with pytest.raises(CommandError, match="examples.yaml: low.states"):
        call_command("load_content", verbosity=0)

    assert Page.objects.count() == pages
    assert not Quiz.objects.exists()


def test_a_question_quoting_a_worked_example_must_quote_its_figures(course_copy):
    quiz = course_copy / "communicating-risk" / "quiz.yaml"
    _edit(quiz, "(total 5, subscale 4)", "(total 6, subscale 4)")

    with pytest.raises(ContentError) as refused:
        course_read(course_copy)

    assert "communicating-risk/quiz.yaml: questions[" in str(refused.value)
    assert "states the total as 6, but worked example “high” has 5" in str(refused.value)


def test_a_field_written_twice_is_refused_rather_than_one_copy_kept(course_copy):
    lesson = course_copy / "why-stratify" / "low-back-pain-in-primary-care.yaml"
    _edit(lesson, "estimated_minutes: 10\n", "estimated_minutes: 10\nestimated_minutes: 20\n")

    with pytest.raises(ContentError, match="“estimated_minutes” is written twice"):
        course_read(course_copy)


def test_a_table_cell_yaml_would_turn_into_true_or_false_must_be_quoted(course_copy):
    lesson = course_copy / "scoring-the-tool" / "the-nine-items.yaml"
    _edit(lesson, "- - '1'", "- - No")

    with pytest.raises(ContentError, match=r"rows\[0\]\.cells\[0\]: expected text"):
        course_read(course_copy)


@pytest.mark.parametrize("module", MODULES, ids=lambda module: module.slug)
def test_always_choosing_the_first_option_shown_scores_about_chance(module):
    """Options are shuffled per attempt, so a position strategy cannot pass a module quiz."""
    questions = module.quiz.questions
    scores = []
    for seed in range(200):
        rng = random.Random(seed)
        right = 0
        for question in questions:
            if question.kind == QuestionType.FREE_TEXT:
                continue  # nothing to choose: a trainer marks it
            options = [{"text": text, "correct": correct} for text, correct in question.options]
            shown = options_presented(
                options, kind=question.kind, keep_order=question.keep_option_order, rng=rng
            )
            # Choosing only the first option: right when it is the one right answer.
            right += shown[0]["correct"] and sum(o["correct"] for o in options) == 1
        scores.append(100 * right / len(questions))
    average = sum(scores) / len(scores)
    passes = sum(score >= module.quiz.pass_mark for score in scores)
    assert average < 50, average
    assert passes <= 10, passes  # at most 5 % of attempts


def test_no_option_depends_on_its_position_unless_the_order_is_kept():
    positional = re.compile(
        r"\b(all|none|both|neither|either) of (the|these) (above|options)\b|\bthe (above|below)\b",
        re.IGNORECASE,
    )
    for module in MODULES:
        for question in module.quiz.questions:
            if any(positional.search(text) for text, _ in question.options):
                assert question.keep_option_order, question.text


def test_a_lessons_clinical_review_is_read_and_checked(course_copy):
    lesson = course_copy / "why-stratify" / "the-trial-evidence.yaml"
    text = lesson.read_text().split("\nreview:", 1)[0].rstrip() + "\n"
    lesson.write_text(
        text + "review:\n  by: Dr A Patel, GP\n  date: 2026-11-02\n  next: 2027-11-02\n"
    )
    read = next(
        les
        for module in course_read(course_copy).modules
        for les in module.lessons
        if les.slug == "the-trial-evidence"
    )
    assert read.review["reviewed_by"] == "Dr A Patel, GP"
    assert str(read.review["next_review_due"]) == "2027-11-02"

    lesson.write_text(text + "review:\n  by: Dr A Patel\n  date: 2026-11-02\n  next: 2026-01-01\n")
    with pytest.raises(ContentError, match="review.next: the next review must be due after"):
        course_read(course_copy)
