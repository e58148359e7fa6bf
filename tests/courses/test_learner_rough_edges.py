"""What a learner trips over in lessons and quizzes: buttons that say what they do, failed quizzes
that lead back to the lessons, an empty answer that gets a message, whole percentages, and an
attempt waiting for marking that says so."""

from django.urls import reverse

import pytest

from courses.quiz.choices import QuestionType
from courses.quiz.services import sitting_answer, sitting_start
from tests.courses.factories import (
    CoursePageFactory,
    LessonPageFactory,
    ModulePageFactory,
    training_index,
)
from tests.courses.quiz_factories import (
    QuestionFactory,
    QuizFactory,
    answer_all,
    right_option_ids,
    wrong_option_ids,
)
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def module(home):
    course = CoursePageFactory(parent=training_index(home))
    module = ModulePageFactory(parent=course, title="Scoring the tool", quiz=QuizFactory())
    LessonPageFactory(parent=module, title="The nine items")
    LessonPageFactory(parent=module, title="The psychosocial subscale")
    return module


def test_a_free_text_question_is_submitted_not_checked(client, home):
    quiz = QuizFactory(answers_reveal="after_each")
    QuestionFactory(quiz=quiz, kind=QuestionType.FREE_TEXT)
    user = UserFactory()
    sitting_start(user=user, quiz=quiz)
    client.force_login(user)

    page = client.get(reverse("courses:quiz_take", args=[quiz.pk])).text

    assert "Submit answer" in page
    assert "Check answer" not in page


def test_a_failed_quiz_links_the_modules_lessons(client, module):
    user = UserFactory()
    for _ in range(3):
        QuestionFactory(quiz=module.quiz)
    sitting = answer_all(sitting_start(user=user, quiz=module.quiz), right=False)
    client.force_login(user)

    page = client.get(reverse("courses:sitting_result", args=[sitting.pk])).text

    assert "Go back over the lessons" in page
    for lesson in module.get_children():
        assert f'href="{lesson.url}"' in page


def test_a_passed_quiz_does_not_send_the_learner_back(client, module):
    user = UserFactory()
    QuestionFactory(quiz=module.quiz)
    sitting = answer_all(sitting_start(user=user, quiz=module.quiz))
    client.force_login(user)

    page = client.get(reverse("courses:sitting_result", args=[sitting.pk])).text

    assert "Go back over the lessons" not in page


def test_scores_are_whole_percentages(client, module):
    user = UserFactory()
    for _ in range(7):
        QuestionFactory(quiz=module.quiz)
    sitting = sitting_start(user=user, quiz=module.quiz)
    for answer in sitting.answers.order_by("position"):  # 5 of 7 right: 71.43 %
        chosen = wrong_option_ids(answer) if answer.position <= 2 else right_option_ids(answer)
        sitting_answer(sitting=sitting, answer_id=answer.pk, option_ids=chosen)
    client.force_login(user)

    page = client.get(reverse("courses:sitting_result", args=[sitting.pk])).text

    assert "71%" in page
    assert "71.4" not in page


def test_an_attempt_waiting_for_marking_says_why_the_module_is_not_complete(client, module):
    user = UserFactory()
    QuestionFactory(quiz=module.quiz)
    QuestionFactory(quiz=module.quiz, kind=QuestionType.FREE_TEXT)
    answer_all(sitting_start(user=user, quiz=module.quiz), text="Explain the result first.")
    client.force_login(user)

    page = client.get(module.url).text

    assert "so far" in page
    assert "A trainer will mark what you wrote" in page


def test_checking_an_answer_with_nothing_chosen_says_to_choose_one(client, home):
    from tests.courses.factories import lesson_with_every_block

    lesson = lesson_with_every_block(training_index(home))
    block = next(child for child in lesson.body if child.block_type == "check_understanding")
    param = f"check-{block.id}"

    page = client.get(lesson.url, {f"{param}-sent": "1"}).text

    assert "Choose an answer, then check it." in page
    assert "nhsuk-form-group--error" in page
