"""Nonsense sent to every quiz and course address, by anyone, never ends in a server error.

Each address is tried with every method, as a visitor, a trainee and a trainer, with huge and
non-numeric ids, garbage form fields and options from other questions; nothing may change.
"""

from django.urls import reverse

import pytest

from courses.models import Sitting, SittingAnswer
from courses.quiz.choices import QuestionType, SittingStatus
from tests.courses.factories import course_tree, training_index
from tests.courses.quiz_factories import QuestionFactory, quiz_with_questions, trainer
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

HUGE = "99999999999999999999"
SQLITE_EDGE = str(2**63)
GARBAGE = [
    {},
    {"question": HUGE, "options": HUGE, "text": "x", "answer": HUGE, "page": HUGE},
    {"question": "-1", "options": ["x", "-5", SQLITE_EDGE], "text": ""},
    {"question": "abc", "options": ["1", "2"], "text": "<script>alert(1)</script>"},
    {"question": "1.5", "options": "\x00", "text": "\x00", "answer": "\x00"},
    {"quiz": HUGE, "user": "x" * 5000, "status": "nonsense", "page": "-1"},
    {"quiz": "abc", "status": "in_progress", "page": "x" * 5000},
    {"answer": "1", "answer-1-mark": HUGE, "answer-1-comment": "x" * 10000},
]


def _addresses(quiz, sitting, course):
    module = course.get_children().first()
    lesson = module.get_children().first()
    pages = [course.get_parent().url, course.url, module.url, lesson.url]
    named = [
        ("courses:quiz_detail", [quiz.pk]),
        ("courses:quiz_take", [quiz.pk]),
        ("courses:sitting_result", [sitting.pk]),
        ("courses:sitting_feedback", [sitting.pk, 1]),
        ("courses:quiz_progress", []),
        ("courses:trainer_home", []),
        ("courses:marking_list", []),
        ("courses:marking_detail", [sitting.pk]),
        ("courses:my_learning", []),
        ("courses:course_enrol", [course.pk]),
        ("courses:lesson_complete", [lesson.pk]),
    ]
    raw = [
        f"/quizzes/{HUGE}/",
        f"/quizzes/{HUGE}/take/",
        f"/quizzes/{SQLITE_EDGE}/take/",
        f"/quizzes/sittings/{HUGE}/",
        f"/quizzes/sittings/{sitting.pk}/feedback/{HUGE}/",
        f"/quizzes/sittings/{sitting.pk}/feedback/0/",
        f"/quizzes/sittings/{HUGE}/feedback/1/",
        f"/trainer/marking/{HUGE}/",
        f"/trainer/marking/{SQLITE_EDGE}/",
        "/quizzes/abc/",
        "/quizzes/sittings/abc/",
        "/trainer/marking/abc/",
        f"/my-learning/courses/{SQLITE_EDGE}/enrol/",
        f"/my-learning/lessons/{SQLITE_EDGE}/complete/",
    ]
    return pages + [reverse(name, args=args) for name, args in named] + raw


@pytest.fixture
def setting(home):
    """A course with a module quiz, and a trainee's finished attempt with a free-text answer."""
    course = course_tree(index=training_index(home), modules=1, lessons=1, quiz=True)
    quiz = quiz_with_questions(2)
    QuestionFactory(quiz=quiz, kind=QuestionType.FREE_TEXT)
    owner = UserFactory()
    sitting = Sitting.objects.create(
        user=owner,
        quiz=quiz,
        quiz_title=quiz.title,
        pass_mark=quiz.pass_mark,
        answers_reveal=quiz.answers_reveal,
        question_total=1,
        status=SittingStatus.AWAITING_MARKING,
        ended_at="2026-01-01T10:00:00Z",
        max_score=1,
    )
    SittingAnswer.objects.create(
        sitting=sitting,
        position=1,
        kind=QuestionType.FREE_TEXT,
        text="Explain the risk groups.",
        max_score=1,
        text_answer="Low, medium and high.",
        answered_at="2026-01-01T10:00:00Z",
    )
    return quiz, sitting, course


def _state(sitting_ids):
    """The attempts that existed before the nonsense arrived, and their answers.

    (A plain POST to the start, enrol or complete address is a real request, so new attempts,
    enrolments and completions are allowed; nothing already recorded may change.)
    """
    sittings = Sitting.objects.filter(pk__in=sitting_ids).order_by("pk")
    answers = SittingAnswer.objects.filter(sitting__in=sitting_ids).order_by("pk")
    return (
        list(sittings.values_list("status", "position", "score", "passed", "ended_at")),
        list(answers.values_list("chosen", "text_answer", "score", "marker_comment")),
    )


@pytest.mark.parametrize("who", ["visitor", "trainee", "trainer"])
def test_no_address_answers_nonsense_with_a_server_error(client, setting, who):
    quiz, sitting, course = setting
    if who == "trainee":
        user = UserFactory()
        client.force_login(user)
        # An attempt in progress, so the question form is live while garbage arrives.
        client.post(reverse("courses:quiz_detail", args=[quiz.pk]))
    elif who == "trainer":
        client.force_login(trainer())
    sitting_ids = list(Sitting.objects.values_list("pk", flat=True))
    before = _state(sitting_ids)
    failures = []
    for path in _addresses(quiz, sitting, course):
        for data in GARBAGE:
            for method in ("get", "post"):
                response = getattr(client, method)(path, data)
                if response.status_code >= 500:
                    failures.append(f"{method.upper()} {path} {data} -> {response.status_code}")
        for method in ("put", "delete", "patch"):
            response = getattr(client, method)(path)
            if response.status_code >= 500:
                failures.append(f"{method.upper()} {path} -> {response.status_code}")
    assert failures == []
    assert _state(sitting_ids) == before
