"""In a real browser: a clinician applies to be a champion, a trainer approves, the champion
submits a resource in the editing area and a trainer approves it, so it appears in the library.
The directory, profile, application, cluster, library and resource pages pass axe-core at 1280
and 375 px."""

import datetime

from django.utils import timezone

import pytest

from cms.content import resources_section_ensure
from cms.models import ChampionProfile, ResourcePage
from core.choices import Role
from core.roles import roles_sync
from tests.browser.conftest import BROWSER, sign_in
from tests.factories import ClusterFactory, OrganisationFactory, UserFactory

pytestmark = BROWSER


@pytest.fixture(autouse=True)
def mfa_satisfied(monkeypatch):
    # Champions and trainers use a second factor; that is tested elsewhere.
    monkeypatch.setattr("cms.middleware.mfa_enrolled", lambda user: True)
    monkeypatch.setattr("cms.middleware.second_factor_used", lambda request: True)


def test_a_champion_applies_is_approved_and_publishes_a_resource(tab, axe, live_home):
    library = resources_section_ensure(home=live_home)
    roles_sync()
    cluster = ClusterFactory(name="Northfield", slug="northfield")
    kingsway = OrganisationFactory(name="Kingsway Surgery", cluster=cluster)
    applicant = UserFactory(
        email="sunita@example.com", full_name="Sunita Rao", organisation=kingsway
    )
    trainer = UserFactory(email="trainer@example.com", roles=[Role.TRAINER])

    sign_in(tab, applicant.email)
    tab.goto("/champions/")
    tab.get_by_role("link", name="Apply to be a champion").click()
    tab.get_by_role("heading", name="Apply to be a champion").wait_for()
    assert axe(tab) == []
    tab.get_by_label("Clinical champion").check()
    tab.get_by_label("Nurse").check()
    tab.get_by_label("About you (optional)").fill("I help colleagues with safety-netting.")
    tab.get_by_label("Why would you like to be a champion?").fill("To support my practice.")
    tab.get_by_role("button", name="Send my application").click()
    tab.get_by_text("Awaiting a decision").wait_for()
    profile = ChampionProfile.objects.get(user=applicant)
    assert list(profile.organisations.all()) == [kingsway]

    tab.context.clear_cookies()
    sign_in(tab, trainer.email)
    tab.goto("/champions/applications/")
    tab.get_by_role("link", name="Sunita Rao").click()
    assert axe(tab) == []
    tab.get_by_role("button", name="Approve").click()
    tab.get_by_text("Sunita Rao is now a champion").wait_for()

    tab.context.clear_cookies()
    sign_in(tab, applicant.email)
    tab.goto("/champions/me/")
    tab.get_by_role("heading", name="Your champion profile").wait_for()
    assert axe(tab) == []

    # In the editing area: a new resource in the library, submitted for approval.
    tab.goto(f"/admin/pages/add/cms/resourcepage/{library.pk}/")
    tab.locator("#id_title").fill("Safety-netting desk card")
    tab.locator("#id_title").blur()
    tab.locator("#id_resource_type").select_option(label="Clinician guide")
    tab.locator("#id_audience").select_option(label="Clinicians")
    tab.locator("#id_summary").fill("What to tell every patient with back pain.")
    tab.locator("#id_external_url").fill("https://example.org/desk-card")
    review = (timezone.localdate() + datetime.timedelta(days=365)).isoformat()
    tab.locator("#id_review_date").fill(review)
    tab.locator("[data-w-dropdown-target='toggle']").last.click()
    tab.locator("button[name='action-submit']").click()
    tab.get_by_text("submitted for moderation", exact=False).first.wait_for()
    page = ResourcePage.objects.get(title="Safety-netting desk card")
    assert not page.live and page.champion == profile
    tab.goto("/champions/me/")
    assert tab.get_by_text("Awaiting approval").is_visible()

    # The trainer approves it from the page's editor.
    tab.context.clear_cookies()
    sign_in(tab, trainer.email)
    tab.goto(f"/admin/pages/{page.pk}/edit/")
    tab.locator("[data-w-dropdown-target='toggle']").last.click()
    tab.get_by_role("button", name="Approve").first.click()
    approve = tab.get_by_role("button", name="Approve")
    if approve.count():
        approve.last.click()  # the confirmation dialog, where Wagtail asks for a comment
    tab.get_by_text("has been updated", exact=False).first.wait_for()
    page.refresh_from_db()
    assert page.live

    tab.context.clear_cookies()
    for width in (1280, 375):
        tab.set_viewport_size({"width": width, "height": 900})
        for path in (
            "/champions/",
            f"/champions/{profile.pk}/",
            "/champions/clusters/northfield/",
            "/resources/",
            page.url,
        ):
            tab.goto(path)
            assert axe(tab) == [], (path, width)
            assert tab.evaluate("document.documentElement.scrollWidth") <= width, (path, width)
    tab.goto("/resources/")
    assert tab.get_by_role("link", name="Safety-netting desk card").is_visible()
