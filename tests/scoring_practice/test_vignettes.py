"""Vignette pages: what trainees and visitors see, the list at /practice/, and the publish check."""

from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.html import escape

from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

import pytest

from core.choices import Role
from core.roles import roles_sync
from scoring_practice import startback
from scoring_practice.models import Attempt, PracticeIndexPage, VignettePage
from scoring_practice.reference import MESSAGE_RISK_MISMATCH
from scoring_practice.sections import practice_section_ensure
from tests.factories import UserFactory
from tests.scoring_practice.factories import (
    MEDIUM_ITEMS,
    AttemptFactory,
    VignettePageFactory,
    questionnaire_block,
    vignette_publish,
)

pytestmark = pytest.mark.django_db

# Agreeing to items 5, 6 and 7 as well, with item 9 "very much": total 8, subscale 4, high risk.
HIGH_ITEMS = {**MEDIUM_ITEMS, 5: "agree", 6: "agree", 7: "agree", 9: "very_much"}
INCONSISTENT_MESSAGE = MESSAGE_RISK_MISMATCH.format(
    total=8, psychosocial=4, computed="high", stored="medium"
)


@pytest.fixture
def mfa_satisfied(monkeypatch):
    monkeypatch.setattr("cms.middleware.mfa_enrolled", lambda user: True)
    monkeypatch.setattr("cms.middleware.second_factor_used", lambda request: True)


def inconsistent_kwargs() -> dict:
    return {f"reference_item_{n}": value for n, value in HIGH_ITEMS.items()}


def test_page_type_rules(home, practice):
    assert PracticeIndexPage.can_create_at(home) is False  # one practice section only
    assert VignettePage.can_create_at(practice)
    assert not VignettePage.can_create_at(home)
    vignette = VignettePageFactory(parent=practice)
    assert not VignettePage.can_create_at(vignette)


def test_inconsistent_vignette_is_refused_when_published_by_code(practice):
    page = VignettePageFactory(parent=practice, **inconsistent_kwargs())
    revision = page.save_revision()  # the draft is saved

    with pytest.raises(ValidationError) as refused:
        revision.publish()

    assert INCONSISTENT_MESSAGE in str(refused.value)
    page.refresh_from_db()
    assert not page.live
    assert page.latest_revision_id == revision.pk


def test_consistent_vignette_publishes_by_code(practice):
    page = vignette_publish(parent=practice)
    assert page.live
    assert page.live_revision_id == page.latest_revision_id


def test_red_flag_vignette_must_be_referred(practice):
    page = VignettePageFactory(
        parent=practice, mode="triage", red_flags=["cauda_equina"], reference_treatment="medium"
    )
    with pytest.raises(ValidationError, match="must be"):
        page.save_revision().publish()
    page.reference_treatment = "referral"
    with pytest.raises(ValidationError, match="how urgent, and where the patient goes"):
        page.save_revision().publish()
    page.red_flag_urgency = "immediate"
    page.red_flag_destination = "hospital"
    page.save_revision().publish()
    page.refresh_from_db()
    assert page.live


def test_reserved_slug_is_refused(practice):
    page = VignettePageFactory(parent=practice, slug="drill")
    with pytest.raises(ValidationError, match="used by the practice section"):
        page.save_revision()


def admin_post_data(page: VignettePage, **changes) -> dict:
    """The admin edit form's data for a vignette, as the editor's browser would send it."""
    items = {n: getattr(page, f"reference_item_{n}") for n in startback.ITEM_NUMBERS}
    items.update(changes.pop("items", {}))
    data = {
        "title": page.title,
        "slug": page.slug,
        "patient_age": page.patient_age,
        "patient_occupation": page.patient_occupation,
        "presentation": page.presentation,
        "story": streamfield([("narrative", rich_text("<p>The story.</p>"))]),
        "mode": page.mode,
        "difficulty": page.difficulty,
        "profession_focus": page.profession_focus,
        "red_flag_action": "",
        "red_flag_urgency": "",
        "red_flag_destination": "",
        "triage_note": "",
        "reference_risk": page.reference_risk,
        "reference_treatment": page.reference_treatment,
        "reference_treatment_rationale": page.reference_treatment_rationale,
        "comments": {
            "TOTAL_FORMS": 0,
            "INITIAL_FORMS": 0,
            "MIN_NUM_FORMS": 0,
            "MAX_NUM_FORMS": 1000,
        },
    }
    for n, value in items.items():
        data[f"reference_item_{n}"] = value
        data[f"reference_rationale_{n}"] = f"Rationale {n}"
    data.update(changes)
    return nested_form_data(data)


@pytest.fixture
def trainer_client(client, practice, mfa_satisfied):
    roles_sync()  # the role matrix's page permissions land on the practice section
    client.force_login(UserFactory(roles=[Role.TRAINER]))
    return client


def test_admin_publish_of_inconsistent_vignette_is_refused_but_draft_saves(
    trainer_client, practice
):
    page = VignettePageFactory(parent=practice)
    page.save_revision()
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    data = admin_post_data(page, items=dict(HIGH_ITEMS))

    refused = trainer_client.post(url, {**data, "action-publish": "action-publish"})
    assert refused.status_code == 200
    assert INCONSISTENT_MESSAGE in refused.text
    page.refresh_from_db()
    assert not page.live

    saved = trainer_client.post(url, data)
    assert saved.status_code == 302
    page = VignettePage.objects.get(pk=page.pk)
    assert not page.live
    assert page.get_latest_revision_as_object().reference_item_5 == "agree"


def test_admin_publish_of_consistent_vignette_succeeds(trainer_client, practice):
    page = VignettePageFactory(parent=practice)
    page.save_revision()
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    response = trainer_client.post(
        url, {**admin_post_data(page, title="Renamed case"), "action-publish": "action-publish"}
    )
    assert response.status_code == 302, response.context["form"].errors
    page.refresh_from_db()
    assert page.live and page.title == "Renamed case"


def test_champion_may_draft_but_not_publish(client, practice, mfa_satisfied):
    roles_sync()
    client.force_login(UserFactory(roles=[Role.CHAMPION]))
    page = VignettePageFactory(parent=practice)
    page.save_revision()
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])

    client.post(url, {**admin_post_data(page), "action-publish": "action-publish"})
    page.refresh_from_db()
    assert not page.live
    assert client.post(url, admin_post_data(page, title="Champion's draft")).status_code == 302
    page.refresh_from_db()
    assert page.get_latest_revision_as_object().title == "Champion's draft"
    assert not page.live


def test_section_ensure_is_idempotent(home):
    first = practice_section_ensure()
    second = practice_section_ensure()
    assert first.pk == second.pk
    assert first.live and first.url == "/practice/"


def test_visitor_sees_story_and_a_sign_in_prompt(client, practice):
    page = vignette_publish(parent=practice)
    response = client.get(page.url)
    assert response.status_code == 200
    assert "Mr Khan hurt his back lifting boxes at work." in response.text
    assert "It goes down my leg." in response.text
    assert "Sign in to answer" in response.text
    assert f"{reverse('account_login')}?next={page.url}" in response.text
    assert 'name="ticket"' not in response.text


def test_questionnaire_block_shows_ticks_with_keele_wording(client, practice):
    page = vignette_publish(
        parent=practice,
        mode="questionnaire",
        story=[
            ("narrative", "<p>Completed in the waiting room.</p>"),
            questionnaire_block(MEDIUM_ITEMS),
        ],
    )
    response = client.get(page.url)
    for question in startback.ITEMS:
        assert escape(question.text) in response.text
    assert startback.PREAMBLE in response.text
    assert startback.COPYRIGHT in response.text
    assert response.text.count("Ticked: Agree") == 4
    assert "Ticked: Moderately" in response.text


def test_signed_in_trainee_gets_the_form_for_the_mode(client, practice):
    client.force_login(UserFactory())
    consultation = vignette_publish(parent=practice)
    text = client.get(consultation.url).text
    assert 'name="item_9"' in text and 'name="total"' in text and 'name="stratifiable"' not in text

    questionnaire = vignette_publish(
        parent=practice, mode="questionnaire", story=[questionnaire_block(MEDIUM_ITEMS)]
    )
    text = client.get(questionnaire.url).text
    assert 'name="item_1"' not in text and 'name="risk"' in text

    triage = vignette_publish(parent=practice, mode="triage")
    text = client.get(triage.url).text
    assert 'name="stratifiable"' in text and 'name="red_flags"' in text and 'name="item_1"' in text


def test_story_text_is_sanitised(client, practice):
    page = vignette_publish(
        parent=practice,
        story=[
            (
                "narrative",
                '<p>Fine <script>alert(1)</script><a href="javascript:alert(2)">x</a></p>',
            ),
            ("patient_quote", {"quote": "<b>I</b> said", "attribution": "<i>me</i>"}),
        ],
    )
    text = client.get(page.url).text
    assert "<script>alert(1)" not in text and "javascript:alert" not in text
    assert "&lt;b&gt;I&lt;/b&gt; said" in text


def test_practice_index_lists_filters_and_paginates(client, practice):
    for n in range(12):
        vignette_publish(parent=practice, title=f"Consultation {n}")
    vignette_publish(
        parent=practice,
        title="Waiting-room questionnaire",
        mode="questionnaire",
        difficulty="advanced",
        story=[questionnaire_block(MEDIUM_ITEMS)],
    )
    VignettePageFactory(parent=practice, title="Unpublished draft")

    first = client.get(practice.url)
    assert first.status_code == 200
    assert "13 cases" in first.text and "page 1 of 2" in first.text
    assert "Unpublished draft" not in first.text
    assert reverse("scoring_practice:drill") in first.text
    assert reverse("scoring_practice:attempt_history") not in first.text

    filtered = client.get(practice.url, {"mode": "questionnaire"})
    assert "Waiting-room questionnaire" in filtered.text and "Consultation 1" not in filtered.text
    assert "Waiting-room questionnaire" in client.get(practice.url, {"difficulty": "advanced"}).text

    second = client.get(practice.url, {"page": 2})
    assert "page 2 of 2" in second.text
    assert client.get(practice.url, {"page": "nonsense"}).status_code == 200
    bad = client.get(practice.url, {"mode": "bogus"})
    assert bad.status_code == 200 and "Select a valid choice" in bad.text


def test_practice_index_links_history_for_signed_in_users(client, practice):
    client.force_login(UserFactory())
    assert reverse("scoring_practice:attempt_history") in client.get(practice.url).text


def test_vignette_page_queries_do_not_grow_with_attempts(client, practice):
    page = vignette_publish(parent=practice)
    user = UserFactory()
    client.force_login(user)
    counts = {}
    for stored in (1, 30):
        AttemptFactory.create_batch(
            stored - Attempt.objects.filter(user=user).count(), user=user, page=page
        )
        AttemptFactory.create_batch(stored, page=page)  # other trainees' attempts
        client.get(page.url)  # warm the site caches
        with CaptureQueriesContext(connection) as captured:
            response = client.get(page.url)
        assert response.status_code == 200
        counts[stored] = len(captured)
    assert response.text.count("of 9 items right") == 3
    assert counts[1] == counts[30]


def test_workflow_approval_cannot_publish_an_inconsistent_vignette(practice):
    page = VignettePageFactory(parent=practice, **inconsistent_kwargs())
    page.save_revision()
    workflow = page.get_workflow()
    assert workflow is not None
    approver = UserFactory(roles=[Role.ADMINISTRATOR])
    approver.is_superuser = True
    approver.save()
    state = workflow.start(page, approver)
    task_state = state.current_task_state

    with pytest.raises(ValidationError, match="but the reference risk group is medium"):
        task_state.task.specific.on_action(task_state, approver, "approve")
    page.refresh_from_db()
    assert not page.live


def test_admin_submit_for_moderation_of_inconsistent_vignette_is_refused(trainer_client, practice):
    page = VignettePageFactory(parent=practice)
    page.save_revision()
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    data = admin_post_data(page, items=dict(HIGH_ITEMS))
    response = trainer_client.post(url, {**data, "action-submit": "action-submit"})
    assert response.status_code == 200
    assert INCONSISTENT_MESSAGE in response.text
    assert page.workflow_states.count() == 0


def test_profession_focus_tag_names_the_profession_properly(client, practice):
    page = vignette_publish(parent=practice, profession_focus="gp")
    for url in (practice.url, page.url):
        text = client.get(url).text
        assert '<strong class="nhsuk-tag nhsuk-tag--white">GPs</strong>' in text, url
        assert "gps<" not in text and "For gps" not in text, url
