"""Clinical review dates: on the page, checked when saved, and listed for trainers when due."""

import datetime

from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

import pytest

from courses.learning.selectors import content_review_due
from courses.models import LessonPage
from tests.courses.factories import course_tree, training_index
from tests.courses.quiz_factories import trainer
from tests.factories import UserFactory
from tests.scoring_practice.factories import PracticeIndexPageFactory, vignette_publish

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
URL = reverse("courses:content_reviews")


def reviewed(page, *, on: datetime.date, next_due: datetime.date, by="Dr A Patel, GP"):
    page.reviewed_by, page.reviewed_on, page.next_review_due = by, on, next_due
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def lesson(home):
    course_tree(index=training_index(home), modules=1, lessons=1)
    return LessonPage.objects.get()


def test_a_reviewed_lesson_says_when_and_by_whom_and_when_the_next_review_is_due(client, lesson):
    reviewed(lesson, on=datetime.date(2026, 11, 2), next_due=datetime.date(2027, 11, 2))

    html = client.get(lesson.url).text

    assert "Clinically reviewed by Dr A Patel, GP." in html
    assert "Page last reviewed: 2 November 2026" in html
    assert "Next review due: 2 November 2027" in html


def test_a_page_never_reviewed_shows_no_review_line(client, lesson):
    assert "Page last reviewed" not in client.get(lesson.url).text


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"reviewed_by": "Dr A Patel"}, "Give who reviewed the content and when"),
        (
            {
                "reviewed_by": "Dr A Patel",
                "reviewed_on": TODAY + datetime.timedelta(days=1),
                "next_review_due": TODAY + datetime.timedelta(days=400),
            },
            "cannot be in the future",
        ),
        (
            {"reviewed_by": "Dr A Patel", "reviewed_on": TODAY, "next_review_due": TODAY},
            "must be due after the last one",
        ),
    ],
)
def test_review_dates_that_do_not_make_sense_are_refused(lesson, fields, message):
    for name, value in fields.items():
        setattr(lesson, name, value)
    with pytest.raises(ValidationError, match=message):
        lesson.full_clean()


def test_trainers_see_what_is_overdue_due_soon_or_never_reviewed_most_overdue_first(
    client, home, lesson
):
    practice = PracticeIndexPageFactory(parent=home)
    overdue = reviewed(
        vignette_publish(parent=practice, title="Overdue case"),
        on=TODAY - datetime.timedelta(days=800),
        next_due=TODAY - datetime.timedelta(days=5),
    )
    soon = reviewed(
        lesson,
        on=TODAY - datetime.timedelta(days=300),
        next_due=TODAY + datetime.timedelta(days=30),
    )
    reviewed(
        vignette_publish(parent=practice, title="Recently reviewed case"),
        on=TODAY,
        next_due=TODAY + datetime.timedelta(days=365),
    )
    never = vignette_publish(parent=practice, title="Never reviewed case")
    client.force_login(trainer())

    html = client.get(URL).text

    assert "3 pages due." in html
    assert html.index(never.title) < html.index(overdue.title) < html.index(soon.title)
    assert "Recently reviewed case" not in html
    assert "Overdue" in html and "Due soon" in html and "Never reviewed" in html
    assert reverse("wagtailadmin_pages:edit", args=[overdue.pk]) in html


def test_the_review_list_is_for_trainers_only(client, home):
    assert client.get(URL).status_code == 302  # to sign in
    client.force_login(UserFactory())
    assert client.get(URL).status_code == 403


def test_the_review_list_reads_a_fixed_number_of_queries(client, home):
    practice = PracticeIndexPageFactory(parent=home)
    client.force_login(trainer())
    client.get(URL)  # the first request of a session also checks the second factor
    counts = []
    for extra in (1, 10):
        for n in range(extra):
            vignette_publish(parent=practice, title=f"Case {len(counts)}-{n}")
        with CaptureQueriesContext(connection) as queries:
            assert client.get(URL).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]
    assert len(content_review_due().object_list) == 11
