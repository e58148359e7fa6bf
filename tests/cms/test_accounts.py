"""Sign-up, roles, sign-in protections and the profile page."""

import re

from django.core import mail
from django.urls import reverse

import pytest
from allauth.account.models import EmailAddress

from core.choices import Profession, Role
from core.models import User
from core.validators import MESSAGE_GP
from tests.factories import DEFAULT_PASSWORD, OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db

SIGNUP = {
    "email": "new.gp@example.com",
    "full_name": "Dr Aisha Khan",
    "profession": Profession.GP,
    "registration_number": "1234567",
    "organisation_name": "",
    "password1": "a-long-enough-passphrase",
    "password2": "a-long-enough-passphrase",
}


def test_sign_up_creates_a_trainee_with_profile_and_sends_a_verification_email(client, home):
    lakeside = OrganisationFactory(name="Lakeside Surgery")
    response = client.post(
        reverse("account_signup"), {**SIGNUP, "organisation_name": "lakeside  surgery"}
    )

    assert response.status_code == 302
    user = User.objects.get(email="new.gp@example.com")
    assert user.full_name == "Dr Aisha Khan"
    assert user.profession == Profession.GP
    assert user.registration_number == "1234567"
    assert user.organisation == lakeside
    assert list(user.groups.values_list("name", flat=True)) == [Role.TRAINEE.value]
    assert EmailAddress.objects.get(user=user).verified is False
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["new.gp@example.com"]
    assert re.search(r"/accounts/confirm-email/\S+/", mail.outbox[0].body)


def test_unverified_account_cannot_sign_in_until_the_email_is_confirmed(client, home):
    client.post(reverse("account_signup"), SIGNUP)
    confirm_path = re.search(r"(/accounts/confirm-email/\S+/)", mail.outbox[0].body).group(1)

    response = client.post(
        reverse("account_login"), {"login": SIGNUP["email"], "password": SIGNUP["password1"]}
    )
    assert response.status_code == 302
    assert response.url == reverse("account_email_verification_sent")
    assert "_auth_user_id" not in client.session

    client.post(confirm_path)
    response = client.post(
        reverse("account_login"), {"login": SIGNUP["email"], "password": SIGNUP["password1"]}
    )
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(User.objects.get(email=SIGNUP["email"]).pk)


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"registration_number": "12345"}, "registration_number", MESSAGE_GP),
        ({"password1": "short-pw", "password2": "short-pw"}, "password1", "at least 12"),
        ({"full_name": ""}, "full_name", "Enter your full name."),
        ({"profession": ""}, "profession", "Select your profession."),
        ({"email": "not-an-email"}, "email", "valid email"),
    ],
)
def test_sign_up_with_bad_input_explains_and_creates_nothing(client, home, changes, field, message):
    typed = {"organisation_name": "Lakeside Surgery", "organisation_not_listed": "on"}
    response = client.post(reverse("account_signup"), {**SIGNUP, **typed, **changes})

    assert response.status_code == 200
    form = response.context["form"]
    assert any(message in error for error in form.errors[field])
    assert "There is a problem" in response.text
    assert not User.objects.exists()
    # What the person typed is still there for them to correct.
    assert 'value="Lakeside Surgery"' in response.text


def test_error_summary_links_point_at_the_fields_they_name(client, home):
    response = client.post(reverse("account_signup"), {**SIGNUP, "profession": "", "email": ""})

    summary = response.text.split('nhsuk-error-summary__list">', 1)[1].split("</ul>", 1)[0]
    targets = re.findall(r'href="#([^"]+)"', summary)
    assert len(targets) == 2
    for target in targets:
        assert f'id="{target}"' in response.text, target


def test_repeated_bad_passwords_lock_out_sign_in_for_that_account(client, home):
    user = UserFactory(email="locked@example.com")
    for _ in range(5):
        response = client.post(
            reverse("account_login"), {"login": user.email, "password": "wrong-password-123"}
        )
        assert "Too many failed attempts to sign in" not in response.text

    response = client.post(
        reverse("account_login"), {"login": user.email, "password": DEFAULT_PASSWORD}
    )

    assert response.status_code == 200
    assert "Too many failed attempts to sign in. Wait a few minutes and try again." in response.text
    assert "_auth_user_id" not in client.session


def test_profile_page_saves_valid_changes(client, home):
    user = UserFactory(profession=Profession.NURSE)
    client.force_login(user)

    response = client.post(
        reverse("account_profile"),
        {
            "full_name": "Sister Jo Evans",
            "profession": Profession.NURSE,
            "registration_number": "12a3456e",
            "organisation_name": "Hillside PCN",
            "organisation_not_listed": "on",
        },
        follow=True,
    )

    assert "Your profile has been saved." in response.text
    user.refresh_from_db()
    assert (user.full_name, user.registration_number, user.organisation_unlisted) == (
        "Sister Jo Evans",
        "12A3456E",
        "Hillside PCN",
    )


def test_profile_page_refuses_a_bad_number_and_keeps_what_was_typed(client, home):
    user = UserFactory(profession=Profession.GP, full_name="Dr Old Name")
    client.force_login(user)

    response = client.post(
        reverse("account_profile"),
        {
            "full_name": "Dr New Name",
            "profession": Profession.GP,
            "registration_number": "GMC12",
            "organisation_name": "",
        },
    )

    assert response.status_code == 200
    assert MESSAGE_GP in response.text
    assert 'value="Dr New Name"' in response.text
    user.refresh_from_db()
    assert user.full_name == "Dr Old Name"


def test_profile_page_needs_sign_in(client, home):
    response = client.get(reverse("account_profile"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


def test_text_people_enter_is_escaped_when_shown(client, home):
    user = UserFactory(full_name='<script>alert("x")</script>Mallory')
    client.force_login(user)

    response = client.get(reverse("account_profile"))

    assert '<script>alert("x")</script>' not in response.text
    assert "&lt;script&gt;" in response.text


def test_changing_email_takes_effect_once_the_new_address_is_confirmed(client, home):
    user = UserFactory(email="old@example.com")
    client.force_login(user)

    response = client.post(
        reverse("account_email"), {"action_add": "", "email": "new@example.com"}, follow=True
    )

    assert response.status_code == 200
    user.refresh_from_db()
    assert user.email == "old@example.com"
    assert mail.outbox[-1].to == ["new@example.com"]
    confirm_path = re.search(r"(/accounts/confirm-email/\S+/)", mail.outbox[-1].body).group(1)

    client.post(confirm_path)

    user.refresh_from_db()
    assert user.email == "new@example.com"
    assert list(EmailAddress.objects.filter(user=user).values_list("email", flat=True)) == [
        "new@example.com"
    ]


def test_password_reset_sends_a_link_that_sets_a_new_password(client, home):
    user = UserFactory(email="forgetful@example.com")

    client.post(reverse("account_reset_password"), {"email": user.email})

    assert mail.outbox[-1].to == [user.email]
    reset_path = re.search(r"(/accounts/password/reset/key/\S+/)", mail.outbox[-1].body).group(1)
    form_page = client.get(reset_path, follow=True)
    set_path = form_page.redirect_chain[-1][0] if form_page.redirect_chain else reset_path
    response = client.post(
        set_path, {"password1": "a-brand-new-passphrase", "password2": "a-brand-new-passphrase"}
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password("a-brand-new-passphrase")


def _failed_sign_in(client, email, **headers):
    return client.post(
        reverse("account_login"), {"login": email, "password": "wrong-password-123"}, **headers
    )


def test_with_no_trusted_proxy_a_forged_forwarded_address_does_not_dodge_the_address_limit(
    client, home, settings
):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "login_failed": "3/m/ip"}
    assert settings.ALLAUTH_TRUSTED_PROXY_COUNT == 0  # the default: no proxy is trusted
    for n in range(3):
        _failed_sign_in(client, f"nobody{n}@example.com", HTTP_X_FORWARDED_FOR=f"198.51.100.{n}")

    response = _failed_sign_in(client, "nobody9@example.com", HTTP_X_FORWARDED_FOR="198.51.100.99")

    assert "Too many failed attempts to sign in" in response.text


def test_behind_one_trusted_proxy_each_visitor_is_counted_by_the_address_it_reports(
    client, home, settings
):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "login_failed": "3/m/ip"}
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    for n in range(3):
        _failed_sign_in(client, f"nobody{n}@example.com", HTTP_X_FORWARDED_FOR="198.51.100.1")

    blocked = _failed_sign_in(client, "x@example.com", HTTP_X_FORWARDED_FOR="198.51.100.1")
    other = _failed_sign_in(client, "y@example.com", HTTP_X_FORWARDED_FOR="198.51.100.2")

    assert "Too many failed attempts to sign in" in blocked.text
    assert "Too many failed attempts to sign in" not in other.text


def test_a_practice_behind_one_network_address_is_not_locked_out_by_its_colleagues(client, home):
    # Twenty-five clinicians at one practice each mistype their password once.
    for n in range(25):
        _failed_sign_in(client, UserFactory(email=f"colleague{n}@example.com").email)
    user = UserFactory(email="still-gets-in@example.com")

    response = client.post(
        reverse("account_login"), {"login": user.email, "password": DEFAULT_PASSWORD}
    )

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)


def test_one_network_address_may_try_60_sign_ins_a_minute_as_the_readme_says(client, home):
    """The documented limit is the one that applies: allauth's own sign-in limit (30 a minute by
    default) does not stop the 31st attempt from a practice's shared address."""
    for n in range(60):
        response = client.post(
            reverse("account_login"),
            {"login": f"someone{n}@example.com", "password": "not-the-password"},
        )
        assert response.status_code == 200, f"attempt {n + 1} was refused"
        assert "Too many" not in response.text, f"attempt {n + 1} was refused"

    refused = client.post(
        reverse("account_login"), {"login": "one-more@example.com", "password": "x" * 12}
    )
    assert refused.status_code == 429


def test_a_name_that_would_carry_a_message_into_the_confirmation_email_is_refused(client, home):
    data = {**SIGNUP, "full_name": "Your account is locked: visit evil.example.com"}

    response = client.post(reverse("account_signup"), data)

    assert response.status_code == 200
    assert "Enter your name using letters, spaces, hyphens and apostrophes only" in response.text
    assert not User.objects.filter(email=SIGNUP["email"]).exists()
    assert len(mail.outbox) == 0
