"""The calculator in a real browser: answered by clicking, checked by axe-core, at both widths."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import BROWSER

pytestmark = BROWSER


def answer(tab, agreed: set[int], item_9: str) -> None:
    for number in range(1, 9):
        value = "agree" if number in agreed else "disagree"
        tab.locator(f"input[name=item_{number}][value={value}]").check()
    tab.locator(f"input[name=item_9][value={item_9}]").check()


@pytest.mark.parametrize("width", [1280, 375])
def test_a_clinician_scores_the_tool_and_reads_the_matched_treatment(tab, axe, width):
    tab.set_viewport_size({"width": width, "height": 900})
    tab.goto("/tool/")
    assert axe(tab) == []

    tab.get_by_role("button", name="Calculate risk group").click()
    tab.locator(".nhsuk-error-summary").wait_for()
    assert tab.locator(".nhsuk-error-summary li").count() == 9
    assert axe(tab) == []

    answer(tab, agreed={1, 5, 6, 7}, item_9="very_much")
    tab.get_by_role("button", name="Calculate risk group").click()
    heading = tab.locator("#result-heading")
    heading.wait_for()
    assert "High risk" in heading.inner_text()
    assert "Psychologically informed physiotherapy" in tab.content()
    # The answers never travel in the address; a screen reader is taken to the result.
    assert "item_" not in tab.url
    expect(heading).to_be_focused()
    assert axe(tab) == []

    tab.get_by_role("button", name="Printable version of this result").click()
    tab.get_by_role("heading", name="Keele STarT Back Screening Tool: result").wait_for()
    assert axe(tab) == []


def test_the_blank_questionnaire_has_no_axe_violations(tab, axe):
    tab.goto("/tool/questionnaire/")
    assert axe(tab) == []
