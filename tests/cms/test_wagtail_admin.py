"""The Wagtail admin: who may enter it and the user form with the profile fields."""

from django.urls import reverse

import pytest

from cms.models import SiteSettings
from core.choices import Profession, Role
from core.models import User
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def mfa_satisfied(monkeypatch):
    """These tests are about admin access, not the second factor (tested elsewhere)."""
    monkeypatch.setattr("cms.middleware.mfa_enrolled", lambda user: True)
    monkeypatch.setattr("cms.middleware.second_factor_used", lambda request: True)


@pytest.mark.parametrize(
    ("roles", "allowed"),
    [
        ([Role.TRAINEE], False),
        ([Role.TRAINEE, Role.CHAMPION], True),
        ([Role.TRAINEE, Role.TRAINER], True),
        ([Role.TRAINEE, Role.ADMINISTRATOR], True),
    ],
)
def test_admin_access_by_role(client, home, mfa_satisfied, roles, allowed):
    client.force_login(UserFactory(roles=roles))
    response = client.get(reverse("wagtailadmin_home"))
    assert (response.status_code == 200) is allowed


def test_administrator_adds_a_user_with_profile_fields(client, home, mfa_satisfied):
    # A member of the Administrator group, not a superuser: the group's permissions suffice.
    client.force_login(UserFactory(roles=[Role.ADMINISTRATOR]))
    form = client.get(reverse("wagtailusers_users:add"))
    assert form.status_code == 200
    assert 'name="full_name"' in form.text
    assert 'name="first_name"' not in form.text

    response = client.post(
        reverse("wagtailusers_users:add"),
        {
            "email": "physio@example.com",
            "full_name": "Jamie Lee",
            "profession": Profession.PHYSIOTHERAPIST,
            "registration_number": "ph123456",
            "organisation": "",
            "organisation_unlisted": "Valley MSK",
            "password1": "a-long-enough-passphrase",
            "password2": "a-long-enough-passphrase",
        },
    )

    assert response.status_code == 302, response.context["form"].errors
    user = User.objects.get(email="physio@example.com")
    assert user.full_name == "Jamie Lee"
    assert user.registration_number == "PH123456"


def test_administrator_gets_a_clear_message_for_a_bad_registration_number(
    client, home, mfa_satisfied
):
    client.force_login(UserFactory(roles=[Role.ADMINISTRATOR]))
    response = client.post(
        reverse("wagtailusers_users:add"),
        {
            "email": "gp@example.com",
            "full_name": "Dr Lee",
            "profession": Profession.GP,
            "registration_number": "12",
            "password1": "a-long-enough-passphrase",
            "password2": "a-long-enough-passphrase",
        },
    )
    assert response.status_code == 200
    assert response.text.count("Enter a GMC number") == 1
    assert not User.objects.filter(email="gp@example.com").exists()


def test_site_settings_are_editable_by_an_administrator(client, home, mfa_satisfied):
    client.force_login(UserFactory(roles=[Role.ADMINISTRATOR]))
    site_id = home.get_site().pk
    url = reverse("wagtailsettings:edit", args=["cms", "sitesettings", site_id])
    assert client.get(url).status_code == 200

    response = client.post(
        url,
        {
            "service_name": "Back pain training",
            "logo_text": "Back pain",
            "footer_links-count": "0",
        },
    )

    assert response.status_code == 302
    assert SiteSettings.for_site(home.get_site()).service_name == "Back pain training"
    assert "Back pain training" in client.get("/").text
