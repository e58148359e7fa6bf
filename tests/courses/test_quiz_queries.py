"""The quiz pages make the same number of queries however many questions or attempts there are."""

from decimal import Decimal

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest
import wagtail_factories

from courses.quiz.choices import QuestionType
from courses.quiz.services import answer_mark, sitting_start
from tests.courses.quiz_factories import (
    CategoryFactory,
    QuestionFactory,
    QuizFactory,
    answer_all,
    responsible_for,
    trainer,
)
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def queries_for(client, url: str) -> int:
    client.get(url)  # renditions and caches are made on the first view
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def quiz_of(size: int, *, with_images: bool = True, free_text: int = 0):
    quiz = QuizFactory(pass_mark=50)
    for number in range(size):
        QuestionFactory(
            quiz=quiz,
            category=CategoryFactory(name=f"Topic {number % 4}"),
            image=wagtail_factories.ImageFactory() if with_images else None,
        )
    for _ in range(free_text):
        QuestionFactory(quiz=quiz, kind=QuestionType.FREE_TEXT)
    return quiz


def test_take_page(client, home):
    counts = []
    for size in (3, 30):
        user = UserFactory()
        client.force_login(user)
        quiz = quiz_of(size)
        sitting = sitting_start(user=user, quiz=quiz)
        answer_all(sitting, stop_before=size - 1)
        url = reverse("courses:quiz_take", args=[quiz.pk])
        counts.append(queries_for(client, url))
        assert "<img" in client.get(url).content.decode()
    assert counts[0] == counts[1]


def test_quiz_detail_page_with_many_past_attempts(client, home):
    counts = []
    for attempts in (1, 15):
        user = UserFactory()
        client.force_login(user)
        quiz = quiz_of(2, with_images=False)
        for _ in range(attempts):
            answer_all(sitting_start(user=user, quiz=quiz))
        counts.append(queries_for(client, reverse("courses:quiz_detail", args=[quiz.pk])))
    assert counts[0] == counts[1]


def test_result_and_marking_pages(client, home):
    marker = trainer()
    result_counts, marking_counts = [], []
    for size in (2, 20):
        user = UserFactory()
        responsible_for(marker, user)
        quiz = quiz_of(size, free_text=size // 2)
        sitting = sitting_start(user=user, quiz=quiz)
        answer_all(sitting)
        for free in sitting.answers.filter(kind=QuestionType.FREE_TEXT)[:1]:
            answer_mark(answer=free, marker=marker, score=Decimal(1), comment="Good")
        client.force_login(user)
        result_counts.append(
            queries_for(client, reverse("courses:sitting_result", args=[sitting.pk]))
        )
        client.force_login(marker)
        marking_counts.append(
            queries_for(client, reverse("courses:marking_detail", args=[sitting.pk]))
        )
    assert result_counts[0] == result_counts[1]
    assert marking_counts[0] == marking_counts[1]


def test_marking_list_and_progress(client, home):
    marker = trainer()
    organisation = responsible_for(marker)
    list_counts, progress_counts = [], []
    for attempts in (2, 30):
        quiz = quiz_of(2, with_images=False, free_text=1)
        user = UserFactory(organisation=organisation)
        for _ in range(attempts):
            answer_all(sitting_start(user=UserFactory(organisation=organisation), quiz=quiz))
            answer_all(sitting_start(user=user, quiz=quiz))
        client.force_login(marker)
        url = reverse("courses:marking_list")
        list_counts.append(queries_for(client, url))
        list_counts.append(queries_for(client, f"{url}?quiz={quiz.pk}&user=clinician&page=2"))
        client.force_login(user)
        progress_counts.append(queries_for(client, reverse("courses:quiz_progress")))
    assert list_counts[0] == list_counts[2]
    assert list_counts[1] == list_counts[3]
    assert progress_counts[0] == progress_counts[1]
