"""Every page carries a strict content security policy, a permissions policy, and, for a
signed-in user, headers that keep it out of shared and on-disk caches."""

import re

from django.urls import reverse

import pytest

from core.frontend import SITE_STYLESHEET, site_stylesheet_text
from tests.courses.quiz_factories import trainer
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def policy(response) -> dict[str, list[str]]:
    """The Content-Security-Policy header as {directive: [sources]}."""
    header = response.headers["Content-Security-Policy"]
    directives = {}
    for part in header.split(";"):
        name, *sources = part.split()
        directives[name] = sources
    return directives


def test_pages_allow_only_the_site_itself(client, home):
    response = client.get("/")

    directives = policy(response)
    only_self = ["default-src", "script-src", "style-src", "img-src", "font-src", "connect-src"]
    for directive in only_self:
        assert directives[directive] == ["'self'"], directive
    assert directives["object-src"] == ["'none'"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert directives["form-action"] == ["'self'"]
    header = response.headers["Content-Security-Policy"]
    assert "unsafe" not in header
    assert not re.search(r"https?:|\*", header), "no other host may be named"


def test_pages_carry_no_inline_script_or_style(client, home):
    html = client.get("/accounts/login/").text

    scripts = re.findall(r"<script\b([^>]*)>", html)
    assert scripts, "the page loads its scripts"
    assert all("src=" in attributes for attributes in scripts), scripts
    assert "<style" not in html
    assert " style=" not in html


def test_browser_features_the_site_does_not_use_are_switched_off(client, home):
    header = client.get("/").headers["Permissions-Policy"]

    for feature in ["camera", "microphone", "geolocation", "payment", "usb"]:
        assert f"{feature}=()" in header


def test_the_admin_gets_its_extra_sources_on_its_own_paths_only(client, home):
    admin = policy(client.get("/admin/login/"))
    site = policy(client.get("/accounts/login/"))

    assert "'unsafe-inline'" in admin["script-src"]
    assert admin["frame-ancestors"] == ["'self'"], "the preview panel frames the admin's own pages"
    assert "'unsafe-inline'" not in site["script-src"]


def test_public_pages_may_be_cached(client, home):
    response = client.get("/")

    assert "no-store" not in response.headers.get("Cache-Control", "")


@pytest.mark.parametrize(
    "url_name",
    [
        "courses:my_learning",
        "courses:quiz_progress",
        "scoring_practice:attempt_history",
        "scoring_practice:drill",
        "account_profile",
        "account_email",
    ],
)
def test_a_signed_in_users_pages_are_never_stored(client, home, url_name):
    client.force_login(UserFactory())

    response = client.get(reverse(url_name))

    assert response.status_code == 200
    cache_control = response.headers["Cache-Control"]
    assert "private" in cache_control
    assert "no-store" in cache_control


def test_trainer_pages_are_never_stored(client, home):
    client.force_login(trainer())

    response = client.get(reverse("courses:trainer_home"))

    assert response.status_code == 200
    cache_control = {part.strip() for part in response.headers["Cache-Control"].split(",")}
    assert {"private", "no-store"} <= cache_control


def test_the_site_stylesheet_is_the_design_systems_without_its_remote_font():
    served = SITE_STYLESHEET.read_text(encoding="utf-8")

    assert served == site_stylesheet_text(), (
        "core/static/core/nhsuk-frontend.min.css is out of date with the installed package: "
        "run `python manage.py nhsuk_stylesheet`"
    )
    assert "@font-face" not in served
    assert "assets.nhs.uk" not in served
    assert served.startswith('@charset "UTF-8";')
    assert ".nhsuk-header" in served
