"""The reads other pages rely on: which quizzes a person has passed and their latest results."""

import pytest

from courses.quiz.selectors import quiz_ids_passed, quiz_problems, sittings_recent
from courses.quiz.services import sitting_start
from tests.courses.quiz_factories import (
    QuestionFactory,
    QuizFactory,
    answer_all,
    quiz_with_questions,
)
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def take(user, quiz, *, right: bool):
    return answer_all(sitting_start(user=user, quiz=quiz), right=right)


def test_quiz_ids_passed_in_one_query(django_assert_num_queries):
    user = UserFactory()
    passed, failed_then_passed, failed, untried = (quiz_with_questions(1) for _ in range(4))
    take(user, passed, right=True)
    take(user, failed_then_passed, right=False)
    take(user, failed_then_passed, right=True)
    take(user, failed, right=False)
    take(UserFactory(), untried, right=True)  # someone else's pass does not count
    sitting_start(user=user, quiz=untried)  # nor does an unfinished attempt
    ids = [quiz.pk for quiz in (passed, failed_then_passed, failed, untried)]
    with django_assert_num_queries(1):
        result = quiz_ids_passed(user=user, quiz_ids=ids)
    assert result == {passed.pk, failed_then_passed.pk}


def test_sittings_recent_newest_finished_first_in_one_query(django_assert_num_queries):
    user = UserFactory()
    quizzes = [quiz_with_questions(1, title=f"Quiz {n}") for n in range(7)]
    for number, quiz in enumerate(quizzes):
        take(user, quiz, right=number % 2 == 0)
    sitting_start(user=user, quiz=quiz_with_questions(1, title="Unfinished"))
    with django_assert_num_queries(1):
        recent = sittings_recent(user=user, limit=5)
        rows = [(s.quiz_title, s.percent, s.passed, s.ended_at is not None) for s in recent]
    assert [row[0] for row in rows] == ["Quiz 6", "Quiz 5", "Quiz 4", "Quiz 3", "Quiz 2"]
    assert rows[0][1:] == (100, True, True)
    assert rows[1][1:] == (0, False, True)


def test_quiz_problems_name_what_stops_a_quiz_being_taken():
    quiz = QuizFactory(question_count=3)
    QuestionFactory(quiz=quiz, options=[("A", True), ("B", True)])
    problems = quiz_problems(quiz=quiz)
    assert problems == [
        "The quiz asks 3 questions per attempt but has only 1 in its pool.",
        "Question 1: Mark exactly one option as correct.",
    ]
