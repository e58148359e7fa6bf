"""Practice pages a first-time user needs: cases filtered by profession, a drill history of its
own, and the blank questionnaire and a breadcrumb where people look for them."""

from django.urls import reverse

import pytest

from tests.factories import UserFactory
from tests.scoring_practice.factories import DrillAnswerFactory, vignette_publish

pytestmark = pytest.mark.django_db


def test_cases_can_be_filtered_by_profession(client, practice):
    vignette_publish(parent=practice, title="A GP's Monday clinic", profession_focus="gp")
    vignette_publish(
        parent=practice, title="First physio contact", profession_focus="physiotherapist"
    )
    vignette_publish(parent=practice, title="Anyone's case", profession_focus="any")

    page = client.get(practice.url, {"profession": "physiotherapist"}).text

    assert "First physio contact" in page
    assert "Anyone&#x27;s case" in page or "Anyone's case" in page
    assert "Monday clinic" not in page
    assert "2 cases" in page


def test_the_drill_history_lists_a_trainees_own_answers(client, home):
    user = UserFactory()
    DrillAnswerFactory(
        user=user, given_risk="low", correct=False, streak=0, mistakes=["high_from_total"]
    )
    DrillAnswerFactory(user=user)
    DrillAnswerFactory(user=UserFactory())  # somebody else's
    client.force_login(user)

    page = client.get(reverse("scoring_practice:drill_history")).text

    assert "2 questionnaires classified, 1 right" in page
    assert page.count("nhsuk-table__row") == 3  # the header row and two answers
    assert "Not right" in page


def test_the_drill_links_to_its_history_for_a_signed_in_trainee(client, home):
    client.force_login(UserFactory())

    assert (
        reverse("scoring_practice:drill_history")
        in client.get(reverse("scoring_practice:drill")).text
    )


def test_the_blank_questionnaire_is_linked_from_the_calculator_and_practice(client, practice):
    blank = reverse("scoring_practice:tool_questionnaire")

    assert f'href="{blank}"' in client.get(reverse("scoring_practice:tool")).text
    assert f'href="{blank}"' in client.get(practice.url).text


def test_the_calculator_has_a_breadcrumb_home(client, home):
    page = client.get(reverse("scoring_practice:tool")).text

    assert 'aria-label="Breadcrumb"' in page
    assert '<a class="nhsuk-breadcrumb__link" href="/">Home</a>' in page
