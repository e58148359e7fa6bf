"""Answering vignettes: each mode, errors, double submission, and the feedback page."""

import re
from datetime import timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.html import escape

import pytest

from scoring_practice import diagnosis, startback
from scoring_practice.feedback import ALL_MISTAKES, NEEDLESS_REFERRAL, RED_FLAG_MISSED
from scoring_practice.forms import MESSAGE_ITEM_REQUIRED, MESSAGE_TICKET_EXPIRED, MESSAGE_TOTAL
from scoring_practice.models import Attempt
from scoring_practice.tickets import ticket_issue
from tests.factories import UserFactory
from tests.scoring_practice.factories import (
    BOUNDARY_ITEMS,
    MEDIUM_ITEMS,
    AttemptFactory,
    questionnaire_block,
    reference_fields,
    vignette_publish,
)

pytestmark = pytest.mark.django_db

# The right scores for the questionnaire case (its questionnaire is BOUNDARY_ITEMS).
RIGHT_SCORES = {"total": "4", "psychosocial": "3", "risk": "medium", "treatment": "medium"}


@pytest.fixture
def trainee(client):
    user = UserFactory()
    client.force_login(user)
    return user


def ticket_from(client, page) -> str:
    text = client.get(page.url).text
    return re.search(r'name="ticket" value="([^"]+)"', text).group(1)


def answer(client, page, **fields):
    data = {"ticket": ticket_from(client, page), **fields}
    return client.post(reverse("scoring_practice:vignette_answer", args=[page.pk]), data)


def items_data(items) -> dict:
    return {f"item_{n}": value for n, value in items.items()}


@pytest.fixture
def questionnaire_case(practice):
    return vignette_publish(
        parent=practice,
        mode="questionnaire",
        story=[questionnaire_block(BOUNDARY_ITEMS)],
        **reference_fields(BOUNDARY_ITEMS),
    )


def test_questionnaire_mode_attempt_is_scored_and_stored(client, trainee, questionnaire_case):
    response = answer(client, questionnaire_case, **RIGHT_SCORES)
    attempt = Attempt.objects.get()
    assert response.status_code == 302
    assert response.url == attempt.get_absolute_url()
    assert attempt.user == trainee and attempt.page == questionnaire_case
    assert attempt.revision_id == questionnaire_case.live_revision_id
    assert attempt.reference["items"]["9"] == "moderately"
    assert attempt.answers["total"] == 4 and attempt.answers["items"] is None
    assert attempt.scores == {
        "item_scores": [1, 0, 0, 0, 1, 1, 1, 0, 0],
        "total": 4,
        "psychosocial": 3,
        "risk": "medium",
    }
    assert attempt.outcome_correct and attempt.risk_correct and attempt.treatment_correct
    assert attempt.total_correct and attempt.psychosocial_correct
    assert attempt.items_correct is None and attempt.triage_correct is None
    assert attempt.started_at <= attempt.submitted_at
    assert attempt.time_taken == attempt.submitted_at - attempt.started_at

    feedback = client.get(response.url)
    assert "Right risk group" in feedback.text
    for mistake in ALL_MISTAKES.values():
        assert escape(mistake.title) not in feedback.text
    matched = startback.MATCHED_TREATMENTS[startback.RiskGroup.MEDIUM]
    assert matched.title in feedback.text and matched.delivered_by in feedback.text
    assert "BackPAC" not in feedback.text
    for sign in (
        startback.SAFETY_NETTING_NOW
        + startback.SAFETY_NETTING_SAME_DAY
        + startback.SAFETY_NETTING_SOON
    ):
        assert escape(sign) in feedback.text
    assert questionnaire_case.url in feedback.text  # retry


def test_consultation_mode_marks_each_item(client, trainee, practice):
    page = vignette_publish(parent=practice, **reference_fields(BOUNDARY_ITEMS))
    own = {**BOUNDARY_ITEMS, 5: "disagree"}  # one item read differently: total 3, subscale 2
    response = answer(
        client, page, **items_data(own), total="3", psychosocial="2", risk="low", treatment="low"
    )
    attempt = Attempt.objects.get()
    assert attempt.items_correct == 8
    assert attempt.answers["items"]["5"] == "disagree"
    assert attempt.scores["total"] == 3
    assert attempt.risk_correct is False and attempt.total_correct is False
    assert not attempt.outcome_correct

    feedback = client.get(response.url).text
    assert "You got 8 of 9 items the same as the reference." in feedback
    assert "Rationale for item 5." in feedback
    assert "True for your item answers" in feedback
    assert "this patient is medium risk" in feedback


CES_FIELDS = {
    "mode": "triage",
    "red_flags": ["cauda_equina"],
    "red_flag_urgency": "immediate",
    "red_flag_destination": "hospital",
    "red_flag_action": "Emergency department now.",
    "reference_treatment": "referral",
}


def test_triage_mode_red_flag_rightly_referred(client, trainee, practice):
    page = vignette_publish(parent=practice, **CES_FIELDS)
    response = answer(
        client,
        page,
        stratifiable="no",
        red_flags=["cauda_equina"],
        urgency="immediate",
        destination="hospital",
    )
    attempt = Attempt.objects.get()
    assert attempt.triage_correct and attempt.outcome_correct and attempt.treatment_correct
    assert attempt.answers["stratifiable"] is False
    assert attempt.items_correct is None and attempt.risk_correct is None
    feedback = client.get(response.url).text
    assert "Right: refer immediately: now, not later today" in feedback
    assert "Emergency department now." in feedback
    assert "nhsuk-card--care--emergency" in feedback
    assert escape(startback.red_flag("cauda_equina").actions[0].detail) in feedback


def test_an_urgent_referral_is_shown_as_urgent_not_as_an_emergency(client, trainee, practice):
    page = vignette_publish(
        parent=practice,
        mode="triage",
        red_flags=["fracture"],
        red_flag_urgency="urgent",
        red_flag_destination="urgent_imaging",
        reference_treatment="referral",
    )
    response = answer(
        client,
        page,
        stratifiable="no",
        red_flags=["fracture"],
        urgency="emergency",
        destination="hospital",
    )
    attempt = Attempt.objects.get()
    assert attempt.triage_correct and not attempt.outcome_correct
    feedback = client.get(response.url).text
    assert "Partly right: this patient needs referral" in feedback
    assert escape(startback.Urgency.URGENT.heading) in feedback
    assert "Immediate action required: </span>Immediate" not in feedback


def test_triage_mode_stratifiable_path_asks_everything(client, trainee, practice):
    page = vignette_publish(parent=practice, mode="triage", **reference_fields(BOUNDARY_ITEMS))
    response = answer(client, page, stratifiable="yes")
    assert response.status_code == 200
    assert MESSAGE_ITEM_REQUIRED.format(number=1) in response.text
    assert MESSAGE_TOTAL in response.text
    assert not Attempt.objects.exists()

    answer(
        client,
        page,
        stratifiable="yes",
        **items_data(BOUNDARY_ITEMS),
        total="4",
        psychosocial="3",
        risk="medium",
        treatment="medium",
    )
    attempt = Attempt.objects.get()
    assert attempt.triage_correct and attempt.outcome_correct and attempt.items_correct == 9


def test_errors_keep_what_was_typed(client, trainee, practice):
    page = vignette_publish(parent=practice)
    response = answer(client, page, item_1="agree", item_9="very_much", total="eleven", risk="high")
    assert response.status_code == 200
    text = response.text
    assert "There is a problem" in text
    assert MESSAGE_TOTAL in text
    assert 'value="eleven"' in text
    assert re.search(r'value="very_much"\s+checked', text)
    assert re.search(r'name="risk" type="radio" value="high"\s+checked', text)
    assert not Attempt.objects.exists()


def test_double_submission_records_one_attempt(client, trainee, questionnaire_case):
    data = {"ticket": ticket_from(client, questionnaire_case), **RIGHT_SCORES}
    url = reverse("scoring_practice:vignette_answer", args=[questionnaire_case.pk])
    first = client.post(url, data)
    second = client.post(url, {**data, "risk": "high"})
    assert Attempt.objects.count() == 1
    assert first.url == second.url == Attempt.objects.get().get_absolute_url()
    assert Attempt.objects.get().answers["risk"] == "medium"


def test_a_new_form_is_a_new_attempt(client, trainee, questionnaire_case):
    for _ in range(2):
        answer(client, questionnaire_case, **RIGHT_SCORES)
    assert Attempt.objects.count() == 2


def test_tampered_or_foreign_ticket_is_refused_and_answers_kept(
    client, trainee, questionnaire_case
):
    url = reverse("scoring_practice:vignette_answer", args=[questionnaire_case.pk])
    other_users_ticket = ticket_issue(
        user_id=UserFactory().pk,
        page_id=questionnaire_case.pk,
        revision_id=questionnaire_case.live_revision_id,
    )
    for ticket in ["forged", other_users_ticket]:
        response = client.post(url, {"ticket": ticket, **RIGHT_SCORES})
        assert response.status_code == 200
        assert MESSAGE_TICKET_EXPIRED in response.text
        assert 'value="4"' in response.text
    assert not Attempt.objects.exists()


def test_expired_ticket_is_refused(client, trainee, questionnaire_case, monkeypatch):
    ticket = ticket_from(client, questionnaire_case)
    # Any ticket is older than a negative age limit: the same as opening the form long ago.
    monkeypatch.setattr("scoring_practice.tickets.MAX_AGE", timedelta(seconds=-1))
    response = client.post(
        reverse("scoring_practice:vignette_answer", args=[questionnaire_case.pk]),
        {"ticket": ticket, **RIGHT_SCORES},
    )
    assert MESSAGE_TICKET_EXPIRED in response.text
    assert not Attempt.objects.exists()


def test_attempt_is_judged_against_the_revision_shown(client, trainee, questionnaire_case):
    ticket = ticket_from(client, questionnaire_case)
    shown_revision = questionnaire_case.live_revision_id
    questionnaire_case.title = "Edited while the trainee was answering"
    questionnaire_case.save_revision().publish()

    client.post(
        reverse("scoring_practice:vignette_answer", args=[questionnaire_case.pk]),
        {"ticket": ticket, **RIGHT_SCORES},
    )
    attempt = Attempt.objects.get()
    assert attempt.revision_id == shown_revision
    assert attempt.reference["title"] != "Edited while the trainee was answering"


def test_visitor_cannot_submit(client, questionnaire_case):
    response = client.post(
        reverse("scoring_practice:vignette_answer", args=[questionnaire_case.pk]), {"total": "4"}
    )
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))
    assert not Attempt.objects.exists()


def test_answering_a_draft_or_missing_vignette_is_not_found(client, trainee, practice):
    assert (
        client.post(reverse("scoring_practice:vignette_answer", args=[999999])).status_code == 404
    )


def test_feedback_page_is_owner_only(client, trainee, questionnaire_case):
    mine = answer(client, questionnaire_case, **RIGHT_SCORES).url
    assert client.get(mine).status_code == 200

    client.force_login(UserFactory())
    assert client.get(mine).status_code == 404
    client.logout()
    assert client.get(mine).status_code == 302


# One crafted attempt per named mistake; the feedback page must say it in the user's words.


def feedback_text(client, response) -> str:
    assert response.status_code == 302, response.context["form"].errors
    return client.get(response.url).text


def assert_names_only(text, code):
    mistake = ALL_MISTAKES[code]
    assert escape(mistake.title) in text
    assert escape(mistake.explanation) in text
    for other in ALL_MISTAKES.values():
        if other is not mistake:
            assert escape(other.title) not in text


def scored_feedback_text(client, case, *, total, psychosocial, risk) -> str:
    """The feedback on these scores for `case`, with the treatment matched to `risk`."""
    response = answer(
        client, case, total=total, psychosocial=psychosocial, risk=risk, treatment=risk
    )
    return feedback_text(client, response)


def test_feedback_names_item9_moderately_counted(client, trainee, questionnaire_case):
    text = scored_feedback_text(
        client, questionnaire_case, total="5", psychosocial="4", risk="high"
    )
    assert_names_only(text, diagnosis.ITEM9_MODERATELY)
    assert "your total of 5 is one more than the true 4" in text


def test_feedback_names_a_subscale_of_3_called_high(client, trainee, questionnaire_case):
    text = scored_feedback_text(
        client, questionnaire_case, total="4", psychosocial="3", risk="high"
    )
    assert_names_only(text, diagnosis.SUBSCALE_CUTOFF_3)


def test_feedback_names_wrong_subscale_items(client, trainee, practice):
    # Items 1, 4, 7, 8 and 9 agreed or scoring: those five sum to 5; items 5 to 9 sum to 3.
    items = {**BOUNDARY_ITEMS, 4: "agree", 8: "agree", 9: "very_much", 5: "disagree", 6: "disagree"}
    case = vignette_publish(
        parent=practice,
        mode="questionnaire",
        story=[questionnaire_block(items)],
        **reference_fields(items),
        reference_risk="medium",
        reference_treatment="medium",
    )
    text = scored_feedback_text(client, case, total="5", psychosocial="5", risk="high")
    assert_names_only(text, diagnosis.SUBSCALE_WRONG_ITEMS)
    assert "items 1, 4, 7, 8 and 9" in text


def test_feedback_names_a_missed_red_flag(client, trainee, practice):
    page = vignette_publish(
        parent=practice,
        mode="triage",
        red_flags=["malignancy"],
        red_flag_urgency="urgent",
        red_flag_destination="suspected_cancer",
        reference_treatment="referral",
    )
    text = feedback_text(
        client,
        answer(
            client,
            page,
            stratifiable="yes",
            **items_data(MEDIUM_ITEMS),
            total="4",
            psychosocial="0",
            risk="medium",
            treatment="medium",
        ),
    )
    assert_names_only(text, RED_FLAG_MISSED)
    assert "suspected malignancy" in text


def test_feedback_names_a_needless_referral(client, trainee, practice):
    page = vignette_publish(parent=practice, mode="triage")
    text = feedback_text(
        client,
        answer(
            client,
            page,
            stratifiable="no",
            red_flags=["fracture"],
            urgency="urgent",
            destination="urgent_imaging",
        ),
    )
    assert_names_only(text, NEEDLESS_REFERRAL)


def test_feedback_page_queries_do_not_grow_with_attempts(client, trainee, questionnaire_case):
    mine = answer(client, questionnaire_case, **RIGHT_SCORES).url
    counts = {}
    for stored in (1, 30):
        AttemptFactory.create_batch(
            stored - Attempt.objects.filter(user=trainee).count(),
            user=trainee,
            page=questionnaire_case,
        )
        AttemptFactory.create_batch(stored, page=questionnaire_case)
        client.get(mine)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(mine).status_code == 200
        counts[stored] = len(captured)
    assert counts[1] == counts[30]


def test_feedback_survives_the_vignette_being_deleted(client, trainee, questionnaire_case):
    url = answer(client, questionnaire_case, **RIGHT_SCORES).url
    questionnaire_case.delete()
    text = client.get(url).text
    assert "Right risk group" in text and "Try this case again" not in text
