"""Everyone who can enter the admin must use an authenticator app; sessions end when they should."""

import time

from django.contrib.auth.models import Group, Permission
from django.urls import reverse

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, hotp_value

from cms import middleware
from core.choices import Role
from core.services import user_assign_role
from tests.factories import DEFAULT_PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


def current_code(secret: str = SECRET) -> str:
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))


def sign_in(client, user) -> None:
    response = client.post(
        reverse("account_login"), {"login": user.email, "password": DEFAULT_PASSWORD}
    )
    assert response.status_code == 302, response.text


@pytest.mark.parametrize("role", [Role.CHAMPION, Role.TRAINER, Role.ADMINISTRATOR])
def test_privileged_role_without_authenticator_is_sent_to_set_one_up(client, home, role):
    user = UserFactory(roles=[Role.TRAINEE, role])
    sign_in(client, user)

    for path in ["/", reverse("account_profile"), reverse("wagtailadmin_home")]:
        response = client.get(path)
        assert response.status_code == 302, path
        assert response.url == reverse("mfa_activate_totp")

    # Setting up an authenticator asks for the password again first, as allauth does for any
    # security change; that step is reachable too.
    setup = client.get(reverse("mfa_activate_totp"), follow=True)
    assert setup.status_code == 200
    assert setup.redirect_chain[-1][0].startswith(reverse("account_reauthenticate"))


def test_trainer_can_continue_once_the_authenticator_is_activated(client, home):
    user = UserFactory(roles=[Role.TRAINEE, Role.TRAINER])
    sign_in(client, user)
    client.post(reverse("account_reauthenticate"), {"password": DEFAULT_PASSWORD})
    page = client.get(reverse("mfa_activate_totp"))
    assert "Set up an authenticator app" in page.text
    secret = page.context["form"].secret

    response = client.post(reverse("mfa_activate_totp"), {"code": current_code(secret)})

    assert response.status_code == 302
    assert Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
    assert client.get("/").status_code == 200
    assert client.get(reverse("wagtailadmin_home")).status_code == 200


def test_trainer_with_authenticator_is_asked_for_a_code_at_sign_in(client, home):
    user = UserFactory(roles=[Role.TRAINEE, Role.TRAINER])
    TOTP.activate(user, SECRET)

    response = client.post(
        reverse("account_login"), {"login": user.email, "password": DEFAULT_PASSWORD}
    )
    assert response.url == reverse("mfa_authenticate")
    assert "_auth_user_id" not in client.session

    bad = client.post(reverse("mfa_authenticate"), {"code": "000000"})
    assert bad.status_code == 200
    assert "_auth_user_id" not in client.session

    good = client.post(reverse("mfa_authenticate"), {"code": current_code()})
    assert good.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)


def test_admin_access_granted_to_one_account_needs_an_authenticator_too(client, home):
    user = UserFactory()
    sign_in(client, user)
    assert client.get("/").status_code == 200

    user.user_permissions.add(Permission.objects.get(codename="access_admin"))

    response = client.get("/")
    assert response.status_code == 302
    assert response.url == reverse("mfa_activate_totp")


def test_a_superuser_needs_an_authenticator(client, home):
    user = UserFactory(is_superuser=True)
    sign_in(client, user)

    response = client.get(reverse("wagtailadmin_home"))

    assert response.url == reverse("mfa_activate_totp")


def test_trainee_is_not_asked_for_an_authenticator(client, home):
    user = UserFactory()
    sign_in(client, user)
    assert client.get("/").status_code == 200


def test_wagtail_admin_sign_in_goes_through_the_site_sign_in(client, home):
    response = client.get("/admin/pages/", follow=True)
    assert response.redirect_chain[-1][0] == reverse("account_login") + "?next=%2Fadmin%2Fpages%2F"
    assert "Sign in" in response.text

    user = UserFactory(roles=[Role.TRAINEE, Role.CHAMPION])
    login = client.post(
        response.redirect_chain[-1][0], {"login": user.email, "password": DEFAULT_PASSWORD}
    )
    assert login.url == "/admin/pages/"


def test_signed_in_trainee_is_told_the_admin_is_not_for_them(client, home):
    client.force_login(UserFactory())

    response = client.get("/admin/", follow=True)

    assert response.status_code == 403
    assert "You cannot see this page" in response.text


class FakeClock:
    def __init__(self) -> None:
        self.now = time.time()

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock(monkeypatch):
    fake = FakeClock()
    monkeypatch.setattr(middleware.time, "time", fake)
    return fake


def test_session_ends_after_30_minutes_idle(client, home, clock):
    client.force_login(UserFactory())
    assert client.get(reverse("account_profile")).status_code == 200

    clock.now += 29 * 60
    assert client.get(reverse("account_profile")).status_code == 200

    clock.now += 31 * 60
    response = client.get(reverse("account_profile"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))
    assert "_auth_user_id" not in client.session
    page = client.get(response.url)
    assert middleware.MESSAGE_SESSION_IDLE in page.text


def test_session_ends_12_hours_after_sign_in_even_when_active(client, home, clock):
    client.force_login(UserFactory())
    client.get("/")
    for _ in range(12 * 60 // 20 + 1):
        clock.now += 20 * 60
        response = client.get("/")
        if response.status_code == 302:
            break
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session
    page = client.get(response.url)
    assert middleware.MESSAGE_SESSION_EXPIRED in page.text


def test_trainee_promoted_to_trainer_while_signed_in_is_stopped_at_once(client, home):
    user = UserFactory()
    client.force_login(user)
    assert client.get("/").status_code == 200

    user_assign_role(user=user, role=Role.TRAINER)

    response = client.get("/")
    assert response.status_code == 302
    assert response.url == reverse("mfa_activate_totp")


def test_trainer_who_removes_their_authenticator_is_stopped_at_once(client, home):
    user = UserFactory(roles=[Role.TRAINEE, Role.TRAINER])
    TOTP.activate(user, SECRET)
    client.force_login(user)
    assert client.get(reverse("wagtailadmin_home")).status_code == 200

    Authenticator.objects.filter(user=user).delete()

    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 302
    assert response.url == reverse("mfa_activate_totp")


def test_admin_access_given_to_a_whole_group_needs_an_authenticator_at_once(client, home):
    user = UserFactory()
    sign_in(client, user)
    assert client.get("/").status_code == 200  # the "no second factor needed" answer is cached

    Group.objects.get(name=Role.TRAINEE.value).permissions.add(
        Permission.objects.get(codename="access_admin")
    )

    assert client.get("/").url == reverse("mfa_activate_totp")
