"""Twenty identical answers at once (a double-clicked button, a resent form) on PostgreSQL:
one row, the first result shown to every request, and never a 500."""

from django.test import Client
from django.urls import reverse

import pytest

from scoring_practice.models import Attempt, DrillAnswer
from tests.concurrency import BURST, burst, clients_signed_in, postgresql_only
from tests.factories import UserFactory
from tests.scoring_practice.factories import (
    BOUNDARY_ITEMS,
    PracticeIndexPageFactory,
    questionnaire_block,
    reference_fields,
    vignette_publish,
)
from tests.scoring_practice.test_attempts import RIGHT_SCORES, ticket_from

pytestmark = [postgresql_only, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_a_vignette_answer_sent_twenty_times_at_once_is_one_attempt(home):
    practice = PracticeIndexPageFactory(parent=home)
    case = vignette_publish(
        parent=practice,
        mode="questionnaire",
        story=[questionnaire_block(BOUNDARY_ITEMS)],
        **reference_fields(BOUNDARY_ITEMS),
    )
    user = UserFactory()
    clients = clients_signed_in(user)
    data = {"ticket": ticket_from(clients[0], case), **RIGHT_SCORES}

    statuses = burst(clients, reverse("scoring_practice:vignette_answer", args=[case.pk]), data)

    assert len(statuses) == BURST and set(statuses) == {302}
    assert Attempt.objects.filter(user=user).count() == 1


def test_a_drill_answer_sent_twenty_times_at_once_is_recorded_once(db):
    user = UserFactory()
    browser = Client(raise_request_exception=False)
    browser.force_login(user)
    page = browser.get(reverse("scoring_practice:drill")).text
    token = page.split('name="case" value="', 1)[1].split('"', 1)[0]
    clients = clients_signed_in(user, share_session_of=browser)

    statuses = burst(clients, reverse("scoring_practice:drill"), {"case": token, "risk": "low"})

    assert len(statuses) == BURST and set(statuses) == {302}
    assert DrillAnswer.objects.filter(user=user).count() == 1
