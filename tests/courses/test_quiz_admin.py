"""Authoring quizzes in the admin: questions and their options edited inline, checked on save."""

import html

from django.urls import reverse

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

import pytest

from courses.models import Quiz, Sitting
from courses.quiz.choices import AnswerReveal, QuestionType
from courses.quiz.selectors import (
    PROBLEM_NO_QUESTIONS,
    PROBLEM_ONE_CORRECT,
    PROBLEM_TRUE_FALSE_TWO,
    quiz_problems,
)
from courses.quiz.services import sitting_start
from courses.quiz.viewsets import MESSAGE_QUIZ_HAS_ATTEMPTS
from tests.courses.quiz_factories import QuestionFactory, QuizFactory, trainer
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

ADD_URL = reverse("wagtailsnippets_courses_quiz:add")


def quiz_form(*, questions, draft=False, **fields):
    data = {
        "title": "Matched treatments",
        "description": rich_text("<p>Which treatment for which group.</p>"),
        "pass_mark": 80,
        "answers_reveal": AnswerReveal.AFTER_EACH,
        "pass_message": "Well done.",
        "fail_message": "Read the module again.",
        "questions": inline_formset(questions),
        **fields,
    }
    if draft:
        data["draft"] = "on"
    return nested_form_data(data)


def question(kind, text, options, **fields):
    return {
        "kind": kind,
        "text": text,
        "explanation": "Because the guideline says so.",
        "points": 1,
        "options": inline_formset(
            [
                {"text": option, "correct": "on"} if correct else {"text": option}
                for option, correct in options
            ]
        ),
        **fields,
    }


@pytest.fixture
def author(client):
    user = trainer()
    client.force_login(user)
    return user


def test_trainer_adds_a_quiz_with_questions_and_their_options(client, author):
    data = quiz_form(
        questions=[
            question(
                QuestionType.SINGLE,
                "Which group is offered physiotherapy for psychosocial obstacles?",
                [("Low risk", False), ("Medium risk", False), ("High risk", True)],
            ),
            question(
                QuestionType.MULTIPLE,
                "Which items form the psychosocial subscale?",
                [("Fear", True), ("Worry", True), ("Leg pain", False)],
                partial_credit="on",
            ),
            question(
                QuestionType.TRUE_FALSE,
                "Item 9 counts 1 point.",
                [("True", True), ("False", False)],
            ),
            question(QuestionType.FREE_TEXT, "How would you explain a high-risk result?", []),
        ]
    )
    response = client.post(ADD_URL, data)
    assert response.status_code == 302, html.unescape(response.content.decode())[:3000]
    quiz = Quiz.objects.get()
    questions = list(quiz.questions.all())
    assert [q.kind for q in questions] == [
        QuestionType.SINGLE,
        QuestionType.MULTIPLE,
        QuestionType.TRUE_FALSE,
        QuestionType.FREE_TEXT,
    ]
    assert [(o.text, o.correct) for o in questions[1].options.all()] == [
        ("Fear", True),
        ("Worry", True),
        ("Leg pain", False),
    ]
    assert questions[1].partial_credit is True
    assert quiz_problems(quiz=quiz) == []
    assert sitting_start(user=UserFactory(), quiz=quiz).question_total == 4


@pytest.mark.parametrize(
    ("questions", "problem"),
    [
        (
            [question(QuestionType.SINGLE, "Two right?", [("A", True), ("B", True)])],
            PROBLEM_ONE_CORRECT,
        ),
        (
            [
                question(
                    QuestionType.TRUE_FALSE,
                    "Three ways?",
                    [("T", True), ("F", False), ("?", False)],
                )
            ],
            PROBLEM_TRUE_FALSE_TWO,
        ),
        ([], PROBLEM_NO_QUESTIONS),
    ],
)
def test_questions_that_cannot_be_answered_are_not_saved(client, author, questions, problem):
    response = client.post(ADD_URL, quiz_form(questions=questions))
    assert response.status_code == 200
    assert problem in html.unescape(response.content.decode())
    assert not Quiz.objects.exists()


def test_a_draft_may_be_saved_unfinished(client, author):
    response = client.post(ADD_URL, quiz_form(questions=[], draft=True))
    assert response.status_code == 302
    assert Quiz.objects.get().draft is True


def test_editing_a_quiz_in_the_admin_leaves_past_attempts_as_they_were(client, author):
    quiz = QuizFactory(title="Red flags")
    original = QuestionFactory(
        quiz=quiz,
        text="Which is a red flag?",
        options=[("Saddle anaesthesia", True), ("Stiffness", False)],
    )
    sitting = sitting_start(user=UserFactory(), quiz=quiz)
    url = reverse("wagtailsnippets_courses_quiz:edit", args=[quiz.pk])
    right, wrong = original.options.all()
    data = quiz_form(
        title="Red flags (revised)",
        questions=[
            {
                "id": original.pk,
                "kind": QuestionType.SINGLE,
                "text": "Rewritten question",
                "points": 1,
                "options": inline_formset(
                    [
                        {"id": right.pk, "text": "Changed"},
                        {"id": wrong.pk, "text": "Stiffness", "correct": "on"},
                    ],
                    initial=2,
                ),
            }
        ],
    )
    data["questions-INITIAL_FORMS"] = "1"
    response = client.post(url, data)
    assert response.status_code == 302, html.unescape(response.content.decode())[:3000]
    original.refresh_from_db()
    assert original.text == "Rewritten question"
    asked = sitting.answers.get()
    assert asked.text == "Which is a red flag?"
    as_asked = {option["text"]: option["correct"] for option in asked.options}
    assert as_asked["Saddle anaesthesia"] is True
    sitting.refresh_from_db()
    assert sitting.quiz_title == "Red flags"


def test_trainees_cannot_author_quizzes(client):
    client.force_login(UserFactory())
    response = client.get(ADD_URL)
    assert response.status_code in (302, 403)
    assert client.post(ADD_URL, quiz_form(questions=[])).status_code in (302, 403)
    assert not Quiz.objects.exists()


def test_a_quiz_people_have_taken_cannot_be_deleted_but_an_untaken_one_can(client, author):
    taken = QuizFactory(title="Red flags")
    QuestionFactory(quiz=taken)
    sitting_start(user=UserFactory(), quiz=taken)
    untaken = QuizFactory(title="Unused draft")

    response = client.post(
        reverse("wagtailsnippets_courses_quiz:delete", args=[taken.pk]), follow=True
    )
    assert response.status_code == 200
    assert MESSAGE_QUIZ_HAS_ATTEMPTS in html.unescape(response.content.decode())
    assert Quiz.objects.filter(pk=taken.pk).exists()
    assert Sitting.objects.filter(quiz=taken).count() == 1

    client.post(reverse("wagtailsnippets_courses_quiz:delete", args=[untaken.pk]))
    assert not Quiz.objects.filter(pk=untaken.pk).exists()
