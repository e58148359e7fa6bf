"""Home and content pages: page-type rules, every body block, navigation and query counts."""

import re

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Page

import pytest

from cms.choices import Role
from cms.models import ContentPage, HomePage
from cms.navigation import SECTIONS, sections_forget
from tests.factories import ContentPageFactory, UserFactory

pytestmark = pytest.mark.django_db

EVERY_BLOCK = [
    ("heading", {"text": "Matched treatment", "level": "h2"}),
    ("paragraph", '<p>Stay <b>active</b>. <a href="https://example.org/">Read more</a></p>'),
    ("inset_text", {"body": "<p>The tool asks about the last 2 weeks.</p>"}),
    (
        "care_card",
        {
            "type": "immediate",
            "heading_level": 3,
            "title": "Suspected cauda equina syndrome",
            "body": [("richtext", "<p>Send for emergency assessment.</p>")],
        },
    ),
    (
        "warning_callout",
        {"title": "Red flags", "heading_level": 3, "body": "<p>Screen first.</p>"},
    ),
    (
        "details",
        {"title": "Why two weeks?", "body": [("richtext", "<p>Recent symptoms.</p>")]},
    ),
    (
        "expander",
        {"title": "What the subscale measures", "body": [("richtext", "<p>Items 5 to 9.</p>")]},
    ),
    ("do_list", {"heading_level": 3, "label": "Do", "do": ["<p>advise staying at work</p>"]}),
    (
        "dont_list",
        {"heading_level": 3, "label": "Don't", "dont": ["<p>order routine imaging</p>"]},
    ),
    ("action_link", {"text": "Start the training", "external_url": "https://example.org/start"}),
    (
        "table",
        {
            "caption": "Risk groups",
            "head": [{"text": "Group"}, {"text": "Rule"}],
            "rows": [{"cells": [{"text": "High"}, {"text": "Subscale 4 or 5"}]}],
        },
    ),
    ("quote", {"quote": "I was scared to move.", "attribution": "A patient"}),
]


def test_page_type_rules():
    assert HomePage.parent_page_types == ["wagtailcore.Page"]
    assert ContentPage.allowed_parent_page_models() == [HomePage, ContentPage]
    assert HomePage.can_exist_under(Page.get_first_root_node())
    assert not ContentPage.can_exist_under(Page.get_first_root_node())
    assert HomePage.max_count == 1


def test_home_page_shows_hero_intro_audience_and_sign_up(client, home):
    home.audience = [("audience", {"heading": "Physiotherapists", "text": "Matched care."})]
    home.save_revision().publish()

    response = client.get(home.url)

    assert response.status_code == 200
    html = response.text
    assert "<h1" in html and "Stratified care for low back pain" in html
    assert "What the training is" in html
    assert "Physiotherapists" in html
    assert "Create an account to start" in html
    assert "© Keele University" in html
    assert 'href="#maincontent"' in html


def test_content_page_renders_every_nhsuk_block(client, home):
    page = ContentPageFactory(parent=home, title="Matched treatments", body=EVERY_BLOCK)

    response = client.get(page.url)

    assert response.status_code == 200
    html = response.text
    for fragment in [
        "<h2>Matched treatment</h2>",
        "<b>active</b>",
        "nhsuk-inset-text",
        "nhsuk-card--care--emergency",
        "Suspected cauda equina syndrome",
        "nhsuk-card--warning",
        "nhsuk-details",
        "nhsuk-expander",
        "nhsuk-do-dont-list",
        "order routine imaging",
        "nhsuk-action-link",
        "nhsuk-table",
        "I was scared to move.",
        'aria-label="Breadcrumb"',
    ]:
        assert fragment in html, fragment


def test_rich_text_is_sanitised_when_rendered(client, home):
    page = ContentPageFactory(
        parent=home,
        body=[
            (
                "paragraph",
                '<p>Safe</p><script>alert(1)</script><a href="javascript:alert(2)">x</a>'
                '<img src=x onerror="alert(3)">',
            )
        ],
    )

    html = client.get(page.url).text

    assert "<p>Safe</p>" in html
    assert "<script>alert(1)" not in html
    assert "javascript:alert(2)" not in html
    assert "onerror" not in html


def test_content_page_query_count_does_not_grow_with_siblings(client, home):
    page = ContentPageFactory(parent=home, body=EVERY_BLOCK)
    client.get(page.url)  # warm caches (site root, navigation)

    with CaptureQueriesContext(connection) as few:
        client.get(page.url)
    for _ in range(15):
        ContentPageFactory(parent=home)
    client.get(page.url)
    with CaptureQueriesContext(connection) as many:
        client.get(page.url)

    assert len(many) == len(few)


def test_home_page_query_count_is_constant_for_signed_in_users(client, home):
    client.force_login(UserFactory())
    client.get(home.url)
    with CaptureQueriesContext(connection) as first:
        client.get(home.url)
    for _ in range(10):
        ContentPageFactory(parent=home)
    client.get(home.url)
    with CaptureQueriesContext(connection) as second:
        client.get(home.url)
    assert len(second) == len(first)


def nav_labels(client, path="/") -> list[str]:
    """The header menu's links, as a visitor reads them."""
    html = client.get(path).text
    hrefs = re.findall(r'class="nhsuk-header__navigation-link" href="([^"]+)"', html)
    label_for = {section.path: section.label for section in SECTIONS}
    return [label_for[href] for href in hrefs]


def test_navigation_shows_a_section_only_once_it_exists(client, home):
    assert nav_labels(client) == []

    ContentPageFactory(parent=home, title="Training", slug="training")
    sections_forget()

    assert nav_labels(client) == ["Training"]


def test_navigation_shows_sections_to_the_right_audience(client, home):
    for section in SECTIONS:
        ContentPageFactory(parent=home, title=section.label, slug=section.path.strip("/"))
    sections_forget()

    everyone = ["Training", "Practice", "STarT Back tool", "Champions", "Resources"]
    assert nav_labels(client) == everyone

    client.force_login(UserFactory())
    assert nav_labels(client) == [*everyone, "My learning"]

    client.force_login(UserFactory(roles=[Role.TRAINEE, Role.TRAINER], email="t@example.com"))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("cms.middleware.mfa_enrolled", lambda user: True)
        assert nav_labels(client) == [*everyone, "My learning", "Trainer"]


def test_navigation_marks_the_current_section(client, home):
    training = ContentPageFactory(parent=home, title="Training", slug="training")
    sections_forget()

    html = client.get(training.url).text

    assert 'aria-current="page"' in html


def test_unknown_address_shows_the_not_found_page(client, home):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "Page not found" in response.text
