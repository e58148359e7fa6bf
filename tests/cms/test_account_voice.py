"""The account pages, messages and e-mails speak in the site's voice, name the service, and
take people where they work."""

import gettext
import re
from pathlib import Path

from django.core import mail
from django.urls import reverse

import polib
import pytest
from allauth.mfa.totp.internal.auth import TOTP

from cms.models import SiteSettings
from core.choices import Role
from tests.cms.test_accounts import SIGNUP
from tests.factories import DEFAULT_PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

LIBRARY_WORDS = [
    "Confirm Email Address",
    "Verify Your Email Address",
    "Password Reset",
    "Reset My Password",
    "Two-Factor Authentication",
    "Sign In",
    "Sign Out",
    "Email Addresses",
    "Activate Authenticator App",
    "Change Password",
]


def visible_text(html: str) -> str:
    """The page's words, without tags, attributes or scripts."""
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def assert_site_voice(html: str, where: str) -> None:
    text = re.sub(r"https?://\S+|/accounts/\S+", " ", visible_text(html))
    for words in LIBRARY_WORDS:
        assert words not in text, f"{where}: {words!r}"
    assert not re.search(r"\bemail\b", text, flags=re.I), f"{where}: says email, not e-mail"


def test_visitors_account_pages_speak_in_the_sites_voice(client, home):
    for name in ["account_login", "account_signup", "account_reset_password"]:
        assert_site_voice(client.get(reverse(name)).text, name)


def test_signed_in_account_pages_speak_in_the_sites_voice(client, home):
    user = UserFactory()
    client.force_login(user)
    client.post(reverse("account_reauthenticate"), {"password": DEFAULT_PASSWORD})

    for name in [
        "account_email",
        "account_change_password",
        "account_logout",
        "mfa_index",
        "mfa_activate_totp",
        "account_reauthenticate",
    ]:
        response = client.get(reverse(name))
        assert response.status_code == 200, name
        assert_site_voice(response.text, name)


def test_signing_up_shows_check_your_e_mail_and_sends_it_in_the_services_name(client, home):
    SiteSettings.for_site(home.get_site())
    settings_row = SiteSettings.objects.get()
    settings_row.support_email = "help@training.example.org"
    settings_row.save()

    response = client.post(reverse("account_signup"), SIGNUP, follow=True)

    assert_site_voice(response.text, "after sign-up")
    assert "Check your e-mail" in response.text
    (message,) = mail.outbox
    assert message.subject == "STarT Back training: Confirm your e-mail address"
    assert message.body.startswith("Hello,")
    assert "STarT Back training" in message.body and "http://testserver/" in message.body
    assert "help@training.example.org" in message.body
    assert "127.0.0.1" not in message.body and "Hello from" not in message.body
    assert_site_voice(message.body, "confirmation e-mail")
    ((html, kind),) = message.alternatives
    assert kind == "text/html"
    assert "STarT Back training" in html
    assert re.search(r'<a href="http://testserver/accounts/confirm-email/[^"]+/"', html)


def test_a_confirmation_link_used_twice_says_it_is_already_confirmed(client, home):
    client.post(reverse("account_signup"), SIGNUP)
    confirm_path = re.search(r"(/accounts/confirm-email/\S+/)", mail.outbox[0].body).group(1)
    client.post(confirm_path)

    again = client.get(confirm_path)

    assert "Your e-mail address is already confirmed" in again.text
    assert f'href="{reverse("account_login")}"' in again.text
    assert "expired" not in again.text


def test_a_broken_confirmation_link_says_so_and_how_to_get_another(client, home):
    response = client.get("/accounts/confirm-email/not-a-real-key/")

    assert "This link does not work" in response.text


def test_the_support_address_is_in_the_footer_and_on_the_404_page(client, home):
    settings_row = SiteSettings.for_site(home.get_site())
    settings_row.support_email = "help@training.example.org"
    settings_row.save()

    assert 'href="mailto:help@training.example.org"' in client.get("/").text
    missing = client.get("/no-such-page/")
    assert missing.status_code == 404
    assert 'href="mailto:help@training.example.org"' in missing.text


def test_sign_in_lands_on_my_learning(client, home):
    user = UserFactory()

    response = client.post(
        reverse("account_login"), {"login": user.email, "password": DEFAULT_PASSWORD}
    )

    assert response.url == reverse("courses:my_learning")


def test_sign_in_lands_where_the_person_was_going(client, home):
    user = UserFactory()

    response = client.post(
        reverse("account_login") + "?next=/practice/drill/",
        {"login": user.email, "password": DEFAULT_PASSWORD},
    )

    assert response.url == "/practice/drill/"


def test_sign_in_asks_for_the_profile_while_it_lacks_what_the_site_needs(client, home):
    user = UserFactory(full_name="", profession="")

    response = client.post(
        reverse("account_login"), {"login": user.email, "password": DEFAULT_PASSWORD}
    )

    assert response.url == reverse("account_profile")


def test_a_failed_profile_save_keeps_the_saved_name_in_the_header(client, home):
    user = UserFactory(full_name="Priya Shah")
    client.force_login(user)

    response = client.post(
        reverse("account_profile"),
        {"full_name": "Dr Who 2", "profession": "not-a-profession", "organisation_name": ""},
    )

    assert response.status_code == 200
    header = visible_text(response.text.split("</header>")[0])
    assert "Your account: Priya Shah" in header
    assert "Dr Who 2" not in header


def test_the_two_factor_code_asks_for_a_number_pad(client, home):
    user = UserFactory(roles=[Role.TRAINEE])
    TOTP.activate(user, "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP")

    client.post(reverse("account_login"), {"login": user.email, "password": DEFAULT_PASSWORD})
    page = client.get(reverse("mfa_authenticate")).text

    field = re.search(r"<input[^>]*name=\"code\"[^>]*>", page).group(0)
    assert 'inputmode="numeric"' in field
    assert 'autocomplete="one-time-code"' in field


def test_the_compiled_wording_matches_the_po_file_it_comes_from():
    """An edit to django.po that was not recompiled (make messages) would never reach a page."""
    messages = Path(__file__).resolve().parents[2] / "cms/locale/en_GB/LC_MESSAGES"

    def entries(catalogue) -> dict:
        return {
            (entry.msgctxt, entry.msgid, entry.msgid_plural): entry.msgstr_plural or entry.msgstr
            for entry in catalogue.translated_entries()
        }

    source = entries(polib.pofile(str(messages / "django.po")))
    compiled = entries(polib.mofile(str(messages / "django.mo")))
    assert compiled == source
    with (messages / "django.mo").open("rb") as file:
        assert gettext.GNUTranslations(file).gettext("Sign In") == "Sign in"


def test_a_refused_form_says_error_in_the_title_and_summarises_above_the_heading(client, home):
    for name, data in [
        ("account_login", {"login": "", "password": ""}),
        ("account_signup", {"email": "", "password1": ""}),
        ("account_reset_password", {"email": ""}),
    ]:
        page = client.post(reverse(name), data).text
        title = re.search(r"<title>(.*?)</title>", page, flags=re.S)[1]
        assert title.strip().startswith("Error: "), name
        assert page.count("There is a problem") == 1, name
        assert page.index("There is a problem") < page.index("<h1"), name
