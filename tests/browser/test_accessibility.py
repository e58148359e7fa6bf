"""axe-core finds no accessibility violations on the foundation's pages, at desktop and mobile."""

import pytest

from tests.browser.conftest import BROWSER, sign_in
from tests.factories import ContentPageFactory, UserFactory

pytestmark = BROWSER

WIDTHS = [1280, 375]


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("path", ["/", "/accounts/login/", "/accounts/signup/"])
def test_public_pages_have_no_axe_violations(tab, axe, path, width):
    tab.set_viewport_size({"width": width, "height": 900})
    tab.goto(path)
    assert axe(tab) == []


def test_content_page_with_every_block_has_no_axe_violations(tab, axe, live_home):
    from tests.cms.test_pages import EVERY_BLOCK

    page = ContentPageFactory(parent=live_home, title="Matched treatments", body=EVERY_BLOCK)
    tab.goto(page.url)
    assert axe(tab) == []


def test_form_errors_have_no_axe_violations(tab, axe):
    tab.goto("/accounts/signup/")
    tab.get_by_role("button", name="Create account").click()
    tab.locator(".nhsuk-error-summary").wait_for()
    assert axe(tab) == []


def test_signed_in_account_pages_have_no_axe_violations(tab, axe):
    sign_in(tab, UserFactory(email="axe@example.com").email)
    assert axe(tab) == []

    for path in ["/accounts/email/", "/accounts/password/change/", "/accounts/2fa/"]:
        tab.goto(path)
        assert axe(tab) == [], path
