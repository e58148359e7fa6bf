"""A real Chromium, driven by Playwright, against the live test server.

Browser tests need Debian's Chromium at /usr/bin/chromium (`apt-get install -y chromium`);
without it they are skipped with a message saying so. Playwright's own browser download is not
used.
"""

import os
import re
from pathlib import Path

import pytest

CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SKIP_REASON = (
    f"Chromium not found at {CHROMIUM}: browser tests skipped "
    "(install it with `apt-get install -y chromium`)."
)

# Playwright's sync API runs an event loop in the test thread; Django's database calls from the
# test itself (fixtures, assertions) are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(config, items):
    if CHROMIUM.exists():
        return
    skip = pytest.mark.skip(reason=SKIP_REASON)
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(skip)


# Every browser test module starts with `pytestmark = BROWSER`. The live server needs committed
# data, so these tests run in real transactions and the database is emptied after each one;
# `serialized_rollback` keeps that emptying from recreating content types, so `live_home` can put
# the migrated data back whole.
BROWSER = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def migrated_data(django_db_setup, django_db_blocker) -> str:
    """What the migrations put in the database (roles, locale, page-tree root), as loaded."""
    from django.db import connection

    with django_db_blocker.unblock():
        return connection.creation.serialize_db_to_string()


@pytest.fixture
def live_home(migrated_data, transactional_db):
    """A HomePage site, with the migrated data back in place after earlier tests emptied it.

    Playwright's sync API runs tests in a context where Django opens fresh connection objects,
    which lack the snapshot Django's serialized rollback relies on; it is handed over here so the
    emptying after this test leaves content types alone and the next test can reload it whole.
    """
    from django.db import connection

    from wagtail.models import Locale

    from tests.factories import site_with_home

    connection._test_serialized_contents = migrated_data
    if not Locale.objects.exists():
        connection.creation.deserialize_db_from_string(migrated_data)
    return site_with_home()


@pytest.fixture
def tab(browser, live_server, live_home):
    """A fresh browser tab (its own cookies) pointed at the live server, desktop-sized."""
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    context.set_default_timeout(15_000)
    page = context.new_page()
    # Every browser test also checks the page kept to its content security policy and asked
    # nothing of another host: a violation or a third-party request fails the test.
    refused: list[str] = []
    elsewhere: list[str] = []
    page.on(
        "console",
        lambda message: (
            refused.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    page.on(
        "request",
        lambda request: (
            elsewhere.append(request.url)
            if not request.url.startswith((live_server.url, "data:", "blob:"))
            else None
        ),
    )
    yield page
    context.close()
    assert refused == [], "the page broke its content security policy"
    assert elsewhere == [], "the page asked another host for something"


@pytest.fixture
def axe():
    """Run axe-core on the page in a tab and return the violations, described for a failure."""
    from axe_playwright_python.sync_playwright import Axe

    runner = Axe()

    def check(page) -> list[str]:
        results = runner.run(page)
        return [
            f"{v['id']}: {v['help']} ({len(v['nodes'])} nodes: "
            f"{', '.join(n['target'][0] for n in v['nodes'][:3])})"
            for v in results.response["violations"]
        ]

    return check


def sign_in(tab, email: str) -> None:
    """Sign in through the site's own form with the factories' password; lands on My learning."""
    from tests.factories import DEFAULT_PASSWORD

    tab.goto("/accounts/login/")
    tab.get_by_label("E-mail address").fill(email)
    tab.get_by_label("Password").fill(DEFAULT_PASSWORD)
    tab.get_by_role("button", name="Sign in").click()
    tab.get_by_role("heading", name="My learning").wait_for()


def link_in(text: str, path_prefix: str) -> str:
    """The first address in a message that starts with the path."""
    match = re.search(rf"https?://[^\s]+({re.escape(path_prefix)}[^\s]*)", text)
    assert match, f"no {path_prefix} link in: {text}"
    return match.group(1)
