"""A trainee answers a consultation vignette in a real browser and reads the feedback; the practice
pages pass axe-core."""

import pytest

from scoring_practice import startback
from scoring_practice.diagnosis import ITEM9_MODERATELY, MISTAKES
from tests.browser.conftest import BROWSER, sign_in
from tests.factories import UserFactory
from tests.scoring_practice.factories import (
    MEDIUM_ITEMS,
    PracticeIndexPageFactory,
    questionnaire_block,
    vignette_publish,
)

pytestmark = BROWSER

WIDTHS = [1280, 375]


@pytest.fixture
def practice(live_home):
    index = PracticeIndexPageFactory(parent=live_home)
    index.save_revision().publish()
    return index


@pytest.fixture
def consultation(practice):
    return vignette_publish(
        parent=practice,
        title="Mr Khan: back pain after lifting boxes",
        story=[
            ("narrative", "<p>Mr Khan, 44, hurt his back lifting boxes at the warehouse.</p>"),
            ("patient_quote", {"quote": "It shoots down my leg.", "attribution": "Mr Khan"}),
            ("examination", {"heading": "Examination", "findings": "<p>Tender at L4/5.</p>"}),
        ],
    )


def answer_items(tab, items):
    for question in startback.ITEMS:
        group = tab.get_by_role("group", name=f"{question.number}. {question.text}")
        label = question.option(items[question.number]).label
        group.get_by_label(label, exact=True).check()


def test_trainee_completes_a_consultation_vignette_and_reads_feedback(tab, axe, consultation):
    user = UserFactory(email="physio@example.com")
    sign_in(tab, user.email)

    tab.goto("/practice/")
    tab.get_by_role("link", name=consultation.title).click()
    tab.get_by_role("heading", name=consultation.title).wait_for()
    assert tab.get_by_text("It shoots down my leg.").is_visible()

    answer_items(tab, MEDIUM_ITEMS)
    # Item 9 is "moderately": counting it gives 5 and 1 instead of 4 and 0.
    tab.get_by_label("Total score").fill("5")
    tab.get_by_label("Psychosocial subscale score").fill("1")
    tab.get_by_label("Medium risk").check()
    tab.get_by_label(startback.MATCHED_TREATMENTS[startback.RiskGroup.MEDIUM].title).check()
    tab.get_by_role("button", name="Submit my answers").click()

    tab.get_by_role("heading", name="Item by item").wait_for()
    assert "/practice/attempts/" in tab.url
    assert tab.get_by_text("Right risk group").is_visible()
    assert tab.get_by_text("You got 9 of 9 items the same as the reference.").is_visible()
    assert tab.get_by_role("heading", name=MISTAKES[ITEM9_MODERATELY].title).is_visible()
    assert axe(tab) == []

    tab.get_by_role("button", name="Try this case again").click()
    tab.get_by_role("button", name="Submit my answers").wait_for()
    assert tab.url.endswith(consultation.url)


def fits(tab, width) -> bool:
    """Whether the page fits the window, with nothing to scroll sideways to."""
    return tab.evaluate("document.documentElement.scrollWidth") <= width


@pytest.mark.parametrize("width", WIDTHS)
def test_practice_pages_have_no_axe_violations(tab, axe, practice, consultation, width):
    tab.set_viewport_size({"width": width, "height": 900})
    questionnaire = vignette_publish(
        parent=practice, mode="questionnaire", story=[questionnaire_block(MEDIUM_ITEMS)]
    )
    triage = vignette_publish(parent=practice, mode="triage")

    for path in ["/practice/", questionnaire.url, "/practice/drill/"]:
        tab.goto(path)
        assert axe(tab) == [], path
        # The ticked questionnaire, item 9's five answers included, fits a phone's width.
        assert fits(tab, width), path

    sign_in(tab, UserFactory().email)
    for path in [consultation.url, triage.url, "/practice/drill/"]:
        tab.goto(path)
        assert axe(tab) == [], path

    tab.goto(consultation.url)
    tab.get_by_role("button", name="Submit my answers").click()
    tab.locator(".nhsuk-error-summary").wait_for()
    assert axe(tab) == [], "vignette form errors"

    tab.goto(questionnaire.url)
    tab.get_by_label("Total score").fill("4")
    tab.get_by_label("Psychosocial subscale score").fill("0")
    tab.get_by_label("High risk").check()
    tab.get_by_label(startback.MATCHED_TREATMENTS[startback.RiskGroup.HIGH].title).check()
    tab.get_by_role("button", name="Submit my answers").click()
    tab.get_by_role("heading", name="Your arithmetic").wait_for()
    assert axe(tab) == [], "feedback"
    assert fits(tab, width), "feedback"

    tab.goto("/practice/history/")
    assert axe(tab) == [], "history"

    tab.goto("/practice/drill/")
    tab.get_by_label("Low risk").check()
    tab.get_by_role("button", name="Check my answer").click()
    tab.get_by_role("button", name="Next case").wait_for()
    assert axe(tab) == [], "drill result"
    assert fits(tab, width), "drill result"


TRIAGE_CASES = {
    "immediate": {
        "red_flags": ["cauda_equina"],
        "red_flag_urgency": "immediate",
        "red_flag_destination": "hospital",
        "red_flag_action": "Send her to the emergency department now.",
    },
    "same_day": {
        "red_flags": ["infection"],
        "red_flag_urgency": "emergency",
        "red_flag_destination": "hospital",
        "red_flag_action": "Hospital assessment today, with full observations.",
    },
    "urgent": {
        "red_flags": ["fracture"],
        "red_flag_urgency": "urgent",
        "red_flag_destination": "urgent_imaging",
        "red_flag_action": "Urgent imaging, analgesia and a bone-health assessment.",
    },
}


def refer(tab, *, condition: str, urgency: str, destination: str):
    tab.get_by_label("No: serious pathology is suspected", exact=False).check()
    tab.get_by_label(condition, exact=True).check()
    tab.get_by_label(urgency, exact=True).check()
    tab.get_by_label(destination, exact=True).check()
    tab.get_by_role("button", name="Submit my answers").click()
    tab.get_by_role("heading", name="Is serious pathology suspected?").wait_for()


@pytest.mark.parametrize("width", WIDTHS)
def test_triage_feedback_at_each_urgency_is_styled_by_it_and_passes_axe(tab, axe, practice, width):
    tab.set_viewport_size({"width": width, "height": 900})
    cases = {
        name: vignette_publish(
            parent=practice, mode="triage", reference_treatment="referral", **fields
        )
        for name, fields in TRIAGE_CASES.items()
    }
    stratifiable = vignette_publish(
        parent=practice,
        mode="triage",
        triage_note="Night pain that eases on turning over is mechanical, not a red flag.",
    )
    sign_in(tab, UserFactory().email)

    tab.goto(cases["immediate"].url)
    refer(
        tab,
        condition=startback.red_flag("cauda_equina").name,
        urgency=startback.Urgency.IMMEDIATE.label,
        destination=startback.Destination.HOSPITAL.label,
    )
    assert tab.get_by_text("Right: refer immediately: now, not later today").is_visible()
    assert tab.locator(".nhsuk-card--care--emergency").first.is_visible()
    assert tab.get_by_role("heading", name=startback.Urgency.IMMEDIATE.heading).is_visible()
    assert axe(tab) == [], "immediate"
    assert fits(tab, width), "immediate"

    tab.goto(cases["same_day"].url)
    refer(
        tab,
        condition=startback.red_flag("infection").name,
        urgency=startback.Urgency.EMERGENCY.label,
        destination=startback.Destination.ACUTE_ONCOLOGY.label,
    )
    assert tab.get_by_text(
        "Partly right: the urgency is right, the destination is not"
    ).is_visible()
    assert tab.get_by_role("heading", name=startback.Urgency.EMERGENCY.heading).is_visible()
    assert axe(tab) == [], "same day"
    assert fits(tab, width), "same day"

    tab.goto(cases["urgent"].url)
    refer(
        tab,
        condition=startback.red_flag("fracture").name,
        urgency=startback.Urgency.EMERGENCY.label,
        destination=startback.Destination.HOSPITAL.label,
    )
    assert tab.get_by_text("Partly right: this patient needs referral").is_visible()
    assert tab.get_by_role("heading", name=startback.Urgency.URGENT.heading).is_visible()
    assert axe(tab) == [], "urgent"

    tab.goto(stratifiable.url)
    refer(
        tab,
        condition=startback.red_flag("malignancy").name,
        urgency=startback.Urgency.URGENT.label,
        destination=startback.Destination.SUSPECTED_CANCER.label,
    )
    assert tab.get_by_text("Not quite: this patient can be stratified").is_visible()
    assert tab.get_by_role("heading", name="Why this patient is stratified").is_visible()
    assert axe(tab) == [], "stratify"
    assert fits(tab, width), "stratify"
