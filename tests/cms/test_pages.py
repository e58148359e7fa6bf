"""Home and content pages: page-type rules, every body block, navigation and query counts."""

import json
import re

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Page

import pytest
import wagtail_factories
from allauth.mfa.totp.internal.auth import TOTP

from cms.models import ContentPage, HomePage
from cms.navigation import SECTIONS
from core.choices import Role
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


def test_page_type_rules(home):
    root = Page.get_first_root_node()
    guidance = ContentPageFactory(parent=home)

    assert ContentPage.can_create_at(home)
    assert ContentPage.can_create_at(guidance)
    assert not ContentPage.can_create_at(root)
    assert not HomePage.can_create_at(home)
    # One home page per installation: a second cannot be added, even at the top.
    assert not HomePage.can_create_at(root)


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
    # The tool's copyright and funding statement, as Keele asks, on every page.
    assert "Copyright ©2007 Keele University" in html
    assert "Arthritis Research UK (now Versus Arthritis)" in html
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


def test_content_page_query_count_does_not_grow_with_the_number_of_pages(client, home):
    section = ContentPageFactory(parent=home, title="Guidance")
    page = ContentPageFactory(parent=section, body=EVERY_BLOCK)
    client.get(page.url)  # warm caches (site root, navigation)

    with CaptureQueriesContext(connection) as few:
        client.get(page.url)
    for _ in range(10):
        ContentPageFactory(parent=section)  # siblings
        ContentPageFactory(parent=page)  # children
    client.get(page.url)
    with CaptureQueriesContext(connection) as many:
        response = client.get(page.url)

    assert response.status_code == 200
    assert len(many) == len(few)


def test_breadcrumbs_list_every_ancestor(client, home):
    parent = home
    for depth in range(3):
        parent = ContentPageFactory(parent=parent, title=f"Level {depth}")
    page = ContentPageFactory(parent=parent, title="Deep page")

    html = client.get(page.url).text
    crumbs = html.split('aria-label="Breadcrumb"', 1)[1].split("</nav>", 1)[0]

    assert re.findall(r'class="nhsuk-breadcrumb__link" href="[^"]+">([^<]+)<', crumbs) == [
        "Home",
        "Level 0",
        "Level 1",
        "Level 2",
    ]
    # On narrow screens the design system shows a single link back to the parent instead.
    assert re.search(r'class="nhsuk-back-link" href="[^"]+">.*Back to.*Level 2</a>', crumbs)


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


def publish_section(home, label: str, slug: str) -> ContentPage:
    """Add a page at a section's address and publish it, as an editor would."""
    page = ContentPageFactory(parent=home, title=label, slug=slug, live=False)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def test_navigation_shows_a_section_only_once_it_is_published(client, home):
    # The calculator and the champion directory are views, so they are always there; the other
    # sections are pages.
    assert nav_labels(client) == ["STarT Back tool", "Champions"]

    training = publish_section(home, "Training", "training")
    assert nav_labels(client) == ["Training", "STarT Back tool", "Champions"]

    training.unpublish()
    assert nav_labels(client) == ["STarT Back tool", "Champions"]

    resources = publish_section(home, "Resources", "resources")
    assert nav_labels(client) == ["STarT Back tool", "Champions", "Resources"]

    resources.delete()
    assert nav_labels(client) == ["STarT Back tool", "Champions"]


def test_deleting_rows_other_than_pages_keeps_djangos_fast_delete(db):
    # A post_delete receiver with no sender makes Django fetch and signal every row it deletes.
    from django.db.models.deletion import Collector

    from courses.models import LessonCompletion

    assert Collector(using="default").can_fast_delete(LessonCompletion.objects.all())


def test_navigation_shows_sections_to_the_right_audience(client, home):
    for section in SECTIONS:
        publish_section(home, section.label, section.path.strip("/"))

    everyone = ["Training", "Practice", "STarT Back tool", "Champions", "Resources"]
    assert nav_labels(client) == everyone

    client.force_login(UserFactory())
    assert nav_labels(client) == [*everyone, "My learning"]

    trainer = UserFactory(roles=[Role.TRAINEE, Role.TRAINER], email="t@example.com")
    TOTP.activate(trainer, "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP")
    client.force_login(trainer)
    assert nav_labels(client) == [*everyone, "My learning", "Trainer"]


def test_navigation_marks_the_current_section(client, home):
    training = publish_section(home, "Training", "training")

    html = client.get(training.url).text

    assert 'aria-current="page"' in html


def test_unknown_address_shows_the_not_found_page(client, home):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "Page not found" in response.text


def test_image_block_renders_a_resized_image_with_its_alternative_text(client, home):
    image = wagtail_factories.ImageFactory(title="Spine model")
    # Stored as the database holds it: the image by its id.
    body = [
        {
            "type": "image",
            "value": {"content_image": image.pk, "alt_text": "A model of the lumbar spine"},
        }
    ]
    page = ContentPageFactory(parent=home, body=json.dumps(body))

    html = client.get(page.url).text

    assert re.search(r'<img\s[^>]*alt="A model of the lumbar spine"', html)
    assert "images/" in html
