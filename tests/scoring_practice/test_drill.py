"""The scoring drill: the generator's weighting, the page, tampering, and progress."""

import random
import re
from collections import Counter

from django.urls import reverse

import pytest

from scoring_practice import startback
from scoring_practice.diagnosis import ITEM9_MODERATELY, MISTAKES
from scoring_practice.drill import (
    ANYWHERE,
    BOUNDARY_ITEM9,
    drill_case_generate,
    near_boundary,
)
from scoring_practice.forms import MESSAGE_DRILL_RISK_REQUIRED
from scoring_practice.models import DrillAnswer
from scoring_practice.practice_views import DRILL_SESSION_KEY, MESSAGE_DRILL_CASE_CLOSED
from tests.factories import UserFactory

URL = reverse("scoring_practice:drill")


def test_generator_is_weighted_towards_the_boundaries():
    rng = random.Random(20240601)
    cases = [drill_case_generate(rng) for _ in range(2000)]
    near = sum(near_boundary(case.score) for case in cases)
    assert near / len(cases) > 0.7
    neighbourhoods = Counter(case.neighbourhood for case in cases)
    assert 0.6 < 1 - neighbourhoods[ANYWHERE] / len(cases) < 0.8
    # Item 9 cases really sit where "moderately" against "very much" decides the group.
    for case in (c for c in cases if c.neighbourhood == BOUNDARY_ITEM9):
        assert case.answers[9] in ("moderately", "very_much")
        flipped = {
            **case.answers,
            9: "very_much" if case.answers[9] == "moderately" else "moderately",
        }
        assert startback.score(flipped).risk != case.score.risk
    # Every group turns up, and every case is a valid questionnaire.
    assert {case.score.risk for case in cases} == set(startback.RiskGroup)
    assert all(not startback.answers_errors(case.answers) for case in cases)


def test_generator_is_reproducible_with_a_seed():
    first = [drill_case_generate(random.Random(7)).answers for _ in range(3)]
    again = [drill_case_generate(random.Random(7)).answers for _ in range(3)]
    assert first == again


def current_case(client) -> dict:
    return client.session[DRILL_SESSION_KEY]["case"]


def right_risk(case) -> str:
    return startback.score({int(n): v for n, v in case["answers"].items()}).risk.value


def wrong_risk(case) -> str:
    return next(r.value for r in startback.RiskGroup if r.value != right_risk(case))


def post(client, case, risk, **extra):
    return client.post(URL, {"case": case["token"], "risk": risk, **extra})


@pytest.mark.django_db
def test_visitor_drills_with_session_progress(client, home):
    page = client.get(URL)
    assert page.status_code == 200
    assert startback.COPYRIGHT in page.text and startback.PREAMBLE in page.text
    case = current_case(client)
    assert client.get(URL).context["answers"] == {int(n): v for n, v in case["answers"].items()}

    response = post(client, case, right_risk(case))
    assert response.status_code == 302
    result = client.get(URL)
    assert "Right:" in result.text and "Next case" in result.text
    assert result.context["stats"].answered == 1 and result.context["stats"].streak == 1

    client.get(URL, {"next": 1})
    second = current_case(client)
    assert second["token"] != case["token"]
    post(client, second, wrong_risk(second))
    stats = client.get(URL).context["stats"]
    assert (stats.answered, stats.correct, stats.streak, stats.best_streak) == (2, 1, 0, 1)
    assert stats.accuracy == 50
    assert not DrillAnswer.objects.exists()


@pytest.mark.django_db
def test_reloading_keeps_the_same_case(client, home):
    client.get(URL)
    case = current_case(client)
    client.get(URL)
    assert current_case(client) == case


@pytest.mark.django_db
def test_posted_case_cannot_be_tampered_with(client, home):
    client.get(URL)
    case = current_case(client)
    # Answers sent with the form are ignored; only the token is read, and a wrong one is refused.
    forged = client.post(
        URL,
        {"case": "00000000-0000-0000-0000-000000000000", "risk": "low", "answers": "{}"},
        follow=True,
    )
    assert MESSAGE_DRILL_CASE_CLOSED in forged.text
    assert current_case(client) == case
    assert client.get(URL).context["stats"].answered == 0

    post(client, case, right_risk(case), item_9="extremely")
    assert client.get(URL).context["stats"].correct == 1
    # The same case cannot be answered (and counted) twice.
    replay = post(client, case, right_risk(case))
    assert replay.status_code == 302
    assert client.get(URL).context["stats"].answered == 1


@pytest.mark.django_db
def test_missing_or_bad_answer_shows_errors_on_the_same_case(client, home):
    client.get(URL)
    case = current_case(client)
    response = client.post(URL, {"case": case["token"], "total": "12"})
    assert response.status_code == 200
    assert MESSAGE_DRILL_RISK_REQUIRED in response.text and 'value="12"' in response.text
    assert current_case(client) == case


@pytest.mark.django_db
def test_feedback_names_item9_mistake(client, home):
    client.get(URL)
    session = client.session
    # total 3, subscale 3 with item 9 "moderately": low risk; counting it makes 4 and 4.
    answers = {
        "1": "disagree",
        "2": "disagree",
        "3": "disagree",
        "4": "disagree",
        "5": "agree",
        "6": "agree",
        "7": "agree",
        "8": "disagree",
        "9": "moderately",
    }
    session[DRILL_SESSION_KEY] = {"case": {"token": "7" * 32, "answers": answers}}
    session.save()
    post(client, {"token": "7" * 32}, "high", total="4", psychosocial="4")
    text = client.get(URL).text
    assert "Not quite: this is low risk" in text
    assert MISTAKES[ITEM9_MODERATELY].title in text
    assert "your total of 4 is one more than the true 3" in text


@pytest.mark.django_db
def test_signed_in_progress_is_stored(client, home):
    user = UserFactory()
    client.force_login(user)
    results = []
    for risk_choice in (right_risk, right_risk, wrong_risk, right_risk):
        client.get(URL, {"next": 1})
        case = current_case(client)
        post(client, case, risk_choice(case))
        results.append(case["token"])
    answers = list(DrillAnswer.objects.filter(user=user).order_by("answered_at", "pk"))
    assert [a.correct for a in answers] == [True, True, False, True]
    assert [a.streak for a in answers] == [1, 2, 0, 1]
    assert [a.token.hex for a in answers] == results

    # Progress survives a new session.
    client.logout()
    client.force_login(user)
    stats = client.get(URL).context["stats"]
    assert (stats.answered, stats.correct, stats.streak, stats.best_streak) == (4, 3, 1, 2)
    assert re.search(r"75%</span> right", client.get(URL).text)
