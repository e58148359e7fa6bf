"""The JSON API: POST /api/v1/startback/score, GET /api/v1/startback/instrument, the schema."""

import json

import pytest

from scoring_practice import startback
from scoring_practice.api import (
    API_MAX_BODY_BYTES,
    MAX_PROBLEMS,
    MESSAGE_NOT_AN_OBJECT,
    MESSAGE_THROTTLED,
    MESSAGE_TOO_LARGE,
)

pytestmark = pytest.mark.django_db

SCORE_URL = "/api/v1/startback/score"


def answers(*agreed: int, item_9: str = "not_at_all") -> dict[str, str]:
    result = {str(n): "agree" if n in agreed else "disagree" for n in range(1, 9)}
    result["9"] = item_9
    return result


def post(client, body, content_type="application/json"):
    data = body if isinstance(body, str) else json.dumps(body)
    return client.post(SCORE_URL, data, content_type=content_type)


def test_scores_a_completed_questionnaire(client):
    response = post(client, {"answers": answers(1, 2, 5, 6, 7, item_9="very_much")})
    assert response.status_code == 200
    body = response.json()
    assert (body["total"], body["psychosocial"], body["risk"]) == (6, 4, "high")
    assert body["item_scores"] == {
        "1": 1, "2": 1, "3": 0, "4": 0, "5": 1, "6": 1, "7": 1, "8": 0, "9": 1
    }  # fmt: skip
    treatment = body["matched_treatment"]
    assert treatment["title"] == startback.matched_treatment("high").title
    assert "backpac_options" not in treatment
    assert treatment["care_for_everyone"]
    assert body["copyright"] == startback.STATEMENT


@pytest.mark.parametrize(
    ("given", "risk"),
    [
        (answers(1, 2, 3), "low"),
        (answers(1, 2, 3, 4), "medium"),
        (answers(5, 6, 7, item_9="moderately"), "low"),
        (answers(5, 6, 7, item_9="extremely"), "high"),
    ],
)
def test_risk_groups_at_the_boundaries(client, given, risk):
    assert post(client, {"answers": given}).json()["risk"] == risk


def problems(response) -> list[tuple[int | None, str]]:
    assert response.status_code == 422, response.content
    return [(problem["item"], problem["msg"]) for problem in response.json()["detail"]]


def test_a_missing_answer_is_named(client):
    given = answers()
    del given["4"]
    assert problems(post(client, {"answers": given})) == [(4, "Answer item 4")]


def test_an_invalid_answer_is_named_with_the_choices(client):
    given = {**answers(), "9": "agree", "2": "yes"}
    assert problems(post(client, {"answers": given})) == [
        (2, 'Item 2 must be one of: "disagree", "agree"'),
        (9, 'Item 9 must be one of: "not_at_all", "slightly", "moderately", "very_much", '
            '"extremely"'),
    ]  # fmt: skip


def test_an_extra_item_is_refused(client):
    assert problems(post(client, {"answers": {**answers(), "10": "agree"}})) == [
        (None, "There is no item 10; the tool has items 1 to 9")
    ]


@pytest.mark.parametrize("wrong", [1, True, None, ["agree"], {"x": 1}])
def test_a_wrong_type_of_answer_is_named(client, wrong):
    (item, message), *_ = problems(post(client, {"answers": {**answers(), "3": wrong}}))
    assert item == 3
    assert message.startswith("Item 3 must be one of") or message == "Answer item 3"


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({}, "Send a JSON object"),
        ("", "Send a JSON object"),
        ([1, 2], "Send a JSON object"),
        ('"text"', "Send a JSON object"),
        ({"answers": ["agree"] * 9}, '"answers" must be an object'),
        ({"answers": answers(), "notes": "x"}, 'Unexpected field "notes"'),
    ],
)
def test_a_badly_shaped_request_is_refused_with_a_message(client, body, message):
    [(item, text)] = problems(post(client, body))
    assert item is None
    assert text.startswith(message)


@pytest.mark.parametrize(
    ("data", "content_type"),
    [
        ('{"answers": {"1": "agree",', "application/json"),
        ("\xff\xfe", "application/json"),
        ("answers=1", "application/x-www-form-urlencoded"),
    ],
)
def test_an_unparseable_body_gets_400_that_says_what_to_send_not_how_parsing_failed(
    client, settings, data, content_type
):
    settings.DEBUG = True  # even where the parser's own error would otherwise be shown
    response = post(client, data, content_type=content_type)
    assert response.status_code == 400
    assert response.json() == {"detail": MESSAGE_NOT_AN_OBJECT}


def test_only_post_scores(client):
    assert client.get(SCORE_URL).status_code == 405


def test_the_instrument_carries_the_items_options_and_copyright(client):
    body = client.get("/api/v1/startback/instrument").json()
    assert [item["text"] for item in body["items"]] == [item.text for item in startback.ITEMS]
    assert [option["value"] for option in body["items"][8]["options"]] == [
        "not_at_all",
        "slightly",
        "moderately",
        "very_much",
        "extremely",
    ]
    assert [item["number"] for item in body["items"] if item["psychosocial"]] == [5, 6, 7, 8, 9]
    assert body["preamble"] == startback.PREAMBLE
    assert body["copyright"] == startback.STATEMENT


def test_the_openapi_schema_and_docs_are_served(client):
    schema = client.get("/api/v1/openapi.json").json()
    assert "/api/v1/startback/score" in schema["paths"]
    assert "/api/v1/startback/instrument" in schema["paths"]
    score_op = schema["paths"]["/api/v1/startback/score"]["post"]
    assert {"200", "400", "422"} <= set(score_op["responses"])
    answer_schema = schema["components"]["schemas"]["Answers"]
    assert answer_schema["properties"]["9"]["enum"] == [
        "not_at_all",
        "slightly",
        "moderately",
        "very_much",
        "extremely",
    ]
    assert sorted(answer_schema["required"]) == [str(n) for n in range(1, 10)]
    docs = client.get("/api/v1/docs")
    assert docs.status_code == 200
    assert b"openapi.json" in docs.content


# --- Bounded work: body size, error count, rate ------------------------------------------------


def test_a_body_larger_than_a_questionnaire_could_be_is_refused_before_it_is_read(client):
    hostile = json.dumps({"answers": {str(n): 0 for n in range(10, 200_010)}})  # about 2.5 MB

    response = post(client, hostile)

    assert response.status_code == 413
    assert response.json() == {"detail": MESSAGE_TOO_LARGE}
    assert len(response.content) < 200


def test_keys_that_are_not_items_are_named_once_together_and_problems_are_capped(client):
    body = {"answers": {**answers(1), "9": "sometimes", **{f"x{n}": 1 for n in range(300)}}}
    assert len(json.dumps(body)) < API_MAX_BODY_BYTES

    response = post(client, body)

    assert response.status_code == 422
    detail = response.json()["detail"]
    assert len(detail) <= MAX_PROBLEMS
    assert [problem["item"] for problem in detail] == [9, None]
    assert detail[1]["msg"].startswith('"x0", "x1", "x2", "x3", "x4" and 295 more in "answers"')


def test_the_api_is_rate_limited_per_address_with_a_retry_after(client, settings):
    settings.API_RATE_LIMIT = "3/m"
    body = {"answers": answers(1)}
    statuses = [post(client, body).status_code for _ in range(3)]

    refused = post(client, body)

    assert statuses == [200, 200, 200]
    assert refused.status_code == 429
    assert refused.json() == {"detail": MESSAGE_THROTTLED}
    assert 0 < int(refused["Retry-After"]) <= 60
    # Another address is not held back by the first one's requests.
    other = client.post(
        SCORE_URL, json.dumps(body), content_type="application/json", REMOTE_ADDR="10.9.8.7"
    )
    assert other.status_code == 200


def test_the_rate_limit_can_be_switched_off_for_load_tests(client, settings):
    settings.API_RATE_LIMIT = "off"
    body = {"answers": answers(1)}
    assert {post(client, body).status_code for _ in range(150)} == {200}
