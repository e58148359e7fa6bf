"""Sign up, confirm the e-mail address from the message, sign in: as a person does it."""

from django.core import mail

from core.choices import Role
from core.models import User
from tests.browser.conftest import BROWSER, link_in

pytestmark = BROWSER

PASSWORD = "lumbar-support-passphrase"


def test_sign_up_verify_email_then_sign_in(tab):
    tab.goto("/")
    tab.get_by_role("link", name="Create an account").first.click()

    tab.get_by_label("E-mail address").fill("new.physio@example.com")
    tab.get_by_label("Full name").fill("Morgan Hughes")
    tab.get_by_label("Physiotherapist").check()
    tab.get_by_label("Professional registration number (optional)").fill("PH654321")
    tab.get_by_label("Organisation (optional)").fill("Valley MSK Service")
    tab.get_by_label("My organisation is not listed").check()
    tab.get_by_label("Create a password").fill(PASSWORD)
    tab.get_by_label("Type the password again").fill(PASSWORD)
    tab.get_by_role("button", name="Create account").click()

    tab.get_by_role("heading", name="Check your e-mail").wait_for()
    assert len(mail.outbox) == 1
    confirm_path = link_in(mail.outbox[0].body, "/accounts/confirm-email/")

    # Signing in before confirming is not possible.
    tab.goto("/accounts/login/")
    tab.get_by_label("E-mail address").fill("new.physio@example.com")
    tab.get_by_label("Password").fill(PASSWORD)
    tab.get_by_role("button", name="Sign in").click()
    tab.get_by_role("heading", name="Check your e-mail").wait_for()

    tab.goto(confirm_path)
    tab.get_by_role("button", name="Confirm").click()

    tab.goto("/accounts/login/")
    tab.get_by_label("E-mail address").fill("new.physio@example.com")
    tab.get_by_label("Password").fill(PASSWORD)
    tab.get_by_role("button", name="Sign in").click()

    # Sign-in lands where learners work: the profile was complete from sign-up.
    tab.get_by_role("heading", name="My learning").wait_for()
    assert tab.get_by_role("link", name="Your account: Morgan Hughes").is_visible()
    user = User.objects.get(email="new.physio@example.com")
    assert user.registration_number == "PH654321"
    assert user.has_role(Role.TRAINEE)

    tab.get_by_role("button", name="Sign out").click()
    tab.get_by_role("link", name="Sign in").wait_for()


def test_sign_up_errors_are_summarised_and_what_was_typed_is_kept(tab):
    tab.goto("/accounts/signup/")
    tab.get_by_label("E-mail address").fill("typed@example.com")
    tab.get_by_label("Full name").fill("Kept Name")
    tab.get_by_role("button", name="Create account").click()

    summary = tab.locator(".nhsuk-error-summary")
    summary.wait_for()
    assert "There is a problem" in summary.inner_text()
    assert "Select your profession." in summary.inner_text()
    assert tab.get_by_label("Full name").input_value() == "Kept Name"
    assert tab.get_by_label("E-mail address").input_value() == "typed@example.com"
    assert not User.objects.exists()
