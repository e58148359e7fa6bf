"""The public calculator at /tool/: questions, result, errors and the printable pages. The
answers are sent with POST, so they never appear in an address or an access log."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest
from pytest_django.asserts import assertContains, assertNotContains

from scoring_practice import startback
from scoring_practice.tool_forms import MESSAGE_REQUIRED_AGREEMENT, MESSAGE_REQUIRED_BOTHER

pytestmark = pytest.mark.django_db


def query(*agreed: int, item_9: str = "not_at_all", **overrides: str) -> dict[str, str]:
    """The calculator form's fields for these answers (an override of None leaves one out)."""
    answers = {f"item_{n}": "agree" if n in agreed else "disagree" for n in range(1, 9)}
    answers["item_9"] = item_9
    answers.update(overrides)
    return {"submitted": "1", **{key: value for key, value in answers.items() if value is not None}}


def test_visitors_see_all_nine_questions_with_keeles_wording_and_no_errors(client, home):
    response = client.get("/tool/")
    assert response.status_code == 200
    for item in startback.ITEMS:
        assertContains(response, item.text.replace("'", "&#x27;"))
    assertContains(response, startback.PREAMBLE)
    assertContains(response, startback.STATEMENT)
    assertContains(response, 'type="radio"', count=8 * 2 + 5)
    assertNotContains(response, "There is a problem")
    assertNotContains(response, "Result:")


@pytest.mark.parametrize(
    ("answers", "risk", "total", "subscale"),
    [
        (query(1, 2), "Low risk", 2, 0),
        (query(1, 2, 3, 5), "Medium risk", 4, 1),
        (query(5, 6, 7, item_9="extremely"), "High risk", 4, 4),
    ],
)
def test_a_completed_questionnaire_shows_scores_risk_group_and_matched_treatment(
    client, home, answers, risk, total, subscale
):
    response = client.post("/tool/", answers)
    assertContains(response, f"{total} out of 9")
    assertContains(response, f"{subscale} out of 5")
    assertContains(response, f'app-risk--{risk.split()[0].lower()}">{risk}</strong>', html=False)
    treatment = startback.matched_treatment(risk.split()[0].lower())
    assertContains(response, treatment.title)
    assertNotContains(response, "BackPAC")
    # The answers stay ticked so they can be changed.
    assertContains(response, 'value="agree" checked')


def test_item_9_moderately_does_not_count(client, home):
    response = client.post("/tool/", query(5, 6, 7, item_9="moderately"))
    assertContains(response, "3 out of 5")
    assertContains(response, "Low risk")


def test_the_result_explains_what_drives_it(client, home):
    response = client.post("/tool/", query(1, 2, 3, 4, 5))
    assertContains(response, "below the 4 that would make it high risk")
    assertContains(response, "Physical items scoring: 1, 2, 3 and 4")


def test_incomplete_answers_show_the_error_summary_and_keep_what_was_ticked(client, home):
    response = client.post("/tool/", query(1, item_3=None, item_9=None))
    assertContains(response, "There is a problem")
    assertContains(response, MESSAGE_REQUIRED_AGREEMENT.format(number=3), count=2)
    assertContains(response, MESSAGE_REQUIRED_BOTHER, count=2)
    assertContains(response, 'href="#id_item_3_0"')
    assertContains(response, 'id="id_item_1_1" name="item_1" type="radio" value="agree" checked')
    assertNotContains(response, "Result:")
    assert "<title>Error: STarT Back calculator" in response.content.decode()


def test_pressing_the_button_with_nothing_ticked_lists_all_nine_questions(client, home):
    response = client.post("/tool/", {"submitted": "1"})
    assertContains(response, "There is a problem")
    assert len(response.context["form"].errors) == 9


def test_an_answer_that_is_not_an_option_is_refused(client, home):
    response = client.post("/tool/", query(item_2="maybe", item_9="<b>lots</b>"))
    assertContains(response, "Select one of the answers shown for question 2")
    assertContains(response, "Select one of the answers shown for question 9")
    assertNotContains(response, "<b>lots</b>")
    assertNotContains(response, "Result:")


def test_printable_result_has_the_ticked_questionnaire_and_copyright(client, home):
    answers = query(1, 5, 6, 7, item_9="very_much")
    page = client.get("/tool/")
    assertNotContains(page, "/tool/print/")
    result = client.post("/tool/", answers)
    # The printable version is reached by sending the answers again, not by an address.
    assertContains(result, 'action="/tool/print/"')
    assertContains(result, '<input type="hidden" name="item_9" value="very_much">', html=True)
    response = client.post("/tool/print/", answers)
    assertContains(response, "High risk")
    assertContains(response, "Ticked:", count=9)
    assertContains(response, startback.STATEMENT)


def test_printing_an_incomplete_questionnaire_returns_to_the_form(client, home):
    response = client.post("/tool/print/", query(1, item_9=None))
    assertContains(response, "There is a problem")
    assertNotContains(response, "Ticked:")
    assertContains(client.get("/tool/print/"), "STarT Back calculator")


def test_answers_in_an_address_are_not_kept(client, home):
    response = client.get("/tool/?item_1=agree&item_9=extremely")

    assert response.status_code == 302
    assert response.url == "/tool/"


def test_no_answer_appears_in_any_address_on_the_result_page(client, home):
    html = client.post("/tool/", query(1, 5, 6, 7, item_9="very_much")).content.decode()

    assert "item_9=" not in html
    assert "?item_" not in html


def test_blank_questionnaire_prints_every_item_unticked(client, home):
    response = client.get("/tool/questionnaire/")
    for item in startback.ITEMS:
        assertContains(response, item.text.replace("'", "&#x27;"))
    assertNotContains(response, "Ticked:")
    assertContains(response, startback.STATEMENT)


def test_nothing_is_stored(client, home):
    client.get("/tool/")  # the site's settings row is created on the first visit to any page
    with CaptureQueriesContext(connection) as queries:
        assertContains(client.post("/tool/", query(1, 2, 3)), "Low risk")
    writes = [
        q["sql"] for q in queries if q["sql"].split()[0].upper() in {"INSERT", "UPDATE", "DELETE"}
    ]
    assert writes == []
    assert "sessionid" not in client.cookies


def test_the_tool_appears_in_the_header_navigation(client, home):
    assertContains(client.get("/"), 'href="/tool/"')
