"""No way in without the second factor: every view that can sign someone in goes through the
site's sign-in (rate limit, account lock, authenticator code), and a session opened any other way
is of no use to a person whose role needs the code."""

import time

from django.contrib.auth import views as auth_views
from django.urls import URLPattern, URLResolver, get_resolver, resolve, reverse

import pytest
from allauth.account import views as allauth_views
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, hotp_value

from core.choices import Role
from tests.conftest import login_without_second_factor
from tests.factories import DEFAULT_PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


def staff(role=Role.TRAINER):
    user = UserFactory(roles=[Role.TRAINEE, role])
    TOTP.activate(user, SECRET)
    return user


def parameterless_paths(patterns=None, prefix=""):
    """Every address in the URLconf that takes no parameter, with the view registered there
    (a view shadowed by an earlier pattern at the same address is listed too)."""
    if patterns is None:
        patterns = get_resolver().url_patterns
    for entry in patterns:
        route = str(entry.pattern).lstrip("^").rstrip("$").replace("\\Z", "")
        if "<" in route or "(" in route or "[" in route or "\\" in route:
            continue
        if isinstance(entry, URLResolver):
            yield from parameterless_paths(entry.url_patterns, prefix + route)
        elif isinstance(entry, URLPattern):
            yield "/" + prefix + route, entry.callback


def _view_class(callback):
    return getattr(callback, "view_class", None)


def signs_in_with_a_password(callback) -> bool:
    view_class = _view_class(callback)
    return bool(view_class) and (
        issubclass(view_class, auth_views.LoginView)
        or issubclass(view_class, allauth_views.LoginView)
        or (
            issubclass(view_class, auth_views.PasswordResetConfirmView)
            and view_class.post_reset_login
        )
    )


def test_the_urlconf_is_walked():
    paths = dict(parameterless_paths())
    # The walk reaches the site's, allauth's and Wagtail's own addresses.
    assert {"/accounts/login/", "/admin/login/", "/_util/login/", "/trainer/"} <= set(paths)


def test_every_login_view_in_the_urlconf_is_the_sites_sign_in_or_sends_there():
    """Wagtail mounts Django's password-only LoginView at /_util/login/ and its own at
    /admin/login/; whichever view a package mounts, the address answers with the site's."""
    login_views = [
        path for path, callback in parameterless_paths() if signs_in_with_a_password(callback)
    ]
    assert "/_util/login/" in login_views and "/admin/login/" in login_views

    for path in login_views:
        answering = resolve(path).func
        view_class = _view_class(answering)
        if view_class is not None and issubclass(view_class, allauth_views.LoginView):
            continue  # the site's own sign-in, with its stages
        assert not signs_in_with_a_password(answering), f"{path} signs in with a password alone"


def test_no_address_signs_a_trainer_in_with_a_password_alone(client, home):
    """A trainer's address and password posted to every address the site has: none of them
    opens a session that reaches the trainer's pages or the admin without the code."""
    trainer = staff()
    credentials = {
        "login": trainer.email,
        "username": trainer.email,
        "email": trainer.email,
        "password": DEFAULT_PASSWORD,
    }
    for path, _callback in parameterless_paths():
        if path.startswith(("/static/", "/media/")):
            continue
        client.post(path, credentials)
        for protected in ("/trainer/", "/admin/"):
            response = client.get(protected)
            assert response.status_code == 302, f"a POST to {path} opened {protected}"
        assert "_auth_user_id" not in client.session, f"a POST to {path} signed the trainer in"


@pytest.mark.parametrize("path", ["/_util/login/", "/admin/login/"])
def test_wagtails_login_addresses_send_a_password_to_the_site_sign_in(client, home, path):
    trainer = staff()

    response = client.post(
        f"{path}?next=/trainer/", {"username": trainer.email, "password": DEFAULT_PASSWORD}
    )

    assert response.status_code == 302
    assert response.url == reverse("account_login") + "?next=%2Ftrainer%2F"
    assert "_auth_user_id" not in client.session


def test_wagtails_login_address_does_not_send_people_off_the_site(client, home):
    response = client.get("/_util/login/?next=https://attacker.example/")
    assert response.url == reverse("account_login") + "?next=%2F"


def test_a_session_opened_by_a_password_alone_is_signed_out(client, home):
    """The second check: whatever opened the session, a trainer who has an authenticator and
    did not use it is signed out at the next request and asked to sign in with the code."""
    trainer = staff()
    login_without_second_factor(client, trainer)

    response = client.get("/trainer/")

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))
    assert "_auth_user_id" not in client.session
    page = client.get(response.url)
    assert "Sign in again with your e-mail address, password and the code" in page.text


def test_the_same_session_with_the_code_goes_on(client, home):
    trainer = staff()
    client.post(reverse("account_login"), {"login": trainer.email, "password": DEFAULT_PASSWORD})
    code = format_hotp_value(hotp_value(SECRET, int(time.time()) // 30))
    client.post(reverse("mfa_authenticate"), {"code": code})

    assert client.get("/trainer/").status_code == 200
    assert client.get("/admin/").status_code == 200


def test_a_trainee_needs_no_code(client, home):
    login_without_second_factor(client, UserFactory())
    assert client.get(reverse("account_profile")).status_code == 200
