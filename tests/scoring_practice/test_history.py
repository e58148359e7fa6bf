"""The trainee's history at /practice/history/ and the practice summary for My learning."""

from datetime import timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

import pytest

from scoring_practice.selectors import ATTEMPTS_PER_PAGE, practice_summary
from tests.factories import UserFactory
from tests.scoring_practice.factories import AttemptFactory, DrillAnswerFactory, vignette_publish

pytestmark = pytest.mark.django_db

URL = reverse("scoring_practice:attempt_history")


def test_history_needs_sign_in(client):
    response = client.get(URL)
    assert response.status_code == 302 and response.url.startswith(reverse("account_login"))


def test_history_lists_own_attempts_newest_first_and_paginates(client, practice):
    page = vignette_publish(parent=practice, title="Mr Khan's back")
    user = UserFactory()
    now = timezone.now()
    for n in range(ATTEMPTS_PER_PAGE + 1):
        AttemptFactory(
            user=user,
            page=page,
            submitted_at=now - timedelta(days=n),
            started_at=now - timedelta(days=n, minutes=2),
            items_correct=n % 10,
            outcome_correct=n % 2 == 0,
        )
    AttemptFactory(page=page, reference={"title": "Somebody else's case", "mode": "consultation"})
    client.force_login(user)

    first = client.get(URL).text
    assert f"{ATTEMPTS_PER_PAGE + 1} attempts" in first
    assert "Somebody else&#x27;s case" not in first
    assert first.count('<tr class="nhsuk-table__row">') == ATTEMPTS_PER_PAGE + 1  # and the head
    assert first.index(f"{now:%-d %b %Y}") < first.index(f"{now - timedelta(days=1):%-d %b %Y}")
    assert "2 min 0 s" in first
    assert "0 of 9" in first and page.url in first
    assert "page=2" in first

    second = client.get(URL, {"page": 2}).text
    assert "Mr Khan" in second and "Previous" in second
    assert client.get(URL, {"page": "999"}).status_code == 200


def test_history_queries_do_not_grow(client, practice):
    page = vignette_publish(parent=practice)
    user = UserFactory()
    client.force_login(user)
    counts = {}
    for stored in (1, 30):
        AttemptFactory.create_batch(stored - user.vignette_attempts.count(), user=user, page=page)
        client.get(URL)
        with CaptureQueriesContext(connection) as captured:
            client.get(URL)
        counts[stored] = len(captured)
    assert counts[1] == counts[30]


def test_practice_summary_counts_in_constant_queries(django_assert_num_queries, practice):
    first = vignette_publish(parent=practice)
    second = vignette_publish(parent=practice)
    user = UserFactory()
    AttemptFactory.create_batch(3, user=user, page=first, outcome_correct=True)
    AttemptFactory(user=user, page=second, outcome_correct=False)
    AttemptFactory(page=first)  # somebody else's
    DrillAnswerFactory.create_batch(3, user=user, correct=True, streak=3)
    DrillAnswerFactory(user=user, correct=False, streak=0)

    with django_assert_num_queries(2):
        summary = practice_summary(user=user)

    assert summary.attempts == 4
    assert summary.vignettes_attempted == 2
    assert summary.attempts_correct == 3
    assert summary.accuracy == 75
    assert summary.drill_answered == 4 and summary.drill_correct == 3
    assert summary.drill_accuracy == 75 and summary.drill_best_streak == 3


def test_practice_summary_for_a_new_trainee(db):
    summary = practice_summary(user=UserFactory())
    assert summary.attempts == 0 and summary.accuracy is None and summary.drill_accuracy is None


def test_history_judges_a_red_flag_case_by_its_referral(client, practice):
    user = UserFactory()
    AttemptFactory(
        user=user,
        reference={"title": "Saddle numbness", "mode": "triage", "red_flags": ["cauda_equina"]},
        outcome_correct=False,
    )
    client.force_login(user)
    text = client.get(URL).text
    assert "Right decision?" in text and "Risk group right?" not in text
    assert "(referral)" in text
    assert "or, when serious pathology is suspected, referral at the right urgency" in text
