"""Nonsense sent to every practice, calculator and API address never ends in a server error.

Each address is tried with GET and POST, as a visitor, a trainee and a trainer, with huge and
non-numeric ids, junk query strings, garbage or missing form fields, forged and expired tickets
and drill tokens from another session. Nothing may be recorded by any of it.
"""

import json
import time
from datetime import timedelta

from django.core import signing
from django.urls import reverse

import pytest

from core.choices import Role
from scoring_practice.api import MESSAGE_TOO_LARGE
from scoring_practice.forms import MESSAGE_TICKET_EXPIRED
from scoring_practice.models import Attempt, DrillAnswer
from scoring_practice.practice_views import MESSAGE_DRILL_CASE_CLOSED
from scoring_practice.tickets import SALT, ticket_issue
from tests.factories import UserFactory
from tests.scoring_practice.factories import (
    MEDIUM_ITEMS,
    AttemptFactory,
    questionnaire_block,
    vignette_publish,
)

pytestmark = pytest.mark.django_db

HUGE = "99999999999999999999"
SQLITE_EDGE = str(2**63)
QUERIES = [
    "",
    "?page=abc",
    "?page=99999",
    f"?page={HUGE}",
    "?page=-1",
    "?mode=nonsense&difficulty=%00",
    "?mode=consultation&difficulty=advanced&page=0",
    "?next=1&case=" + "x" * 3000,
    "?1=zzz&9=%00&2=agree",
    "?" + "&".join(f"{n}=agree" for n in range(1, 9)) + "&9=" + HUGE,
]
GARBAGE = [
    {},
    {"ticket": "", "total": HUGE, "psychosocial": SQLITE_EDGE, "risk": HUGE, "treatment": "x"},
    {"ticket": "forged", "total": "-1", "psychosocial": "1.5", "risk": "high", "treatment": "high"},
    {"ticket": "x" * 5000, "total": "\x00", "item_1": "\x00", "item_9": "very", "case": HUGE},
    {
        "stratifiable": "maybe",
        "red_flags": ["nonsense", HUGE],
        "urgency": "<script>",
        "destination": HUGE,
    },
    {"case": "not-a-uuid", "risk": "medium", "total": "4", "psychosocial": "0"},
    {"case": "00000000-0000-0000-0000-000000000000", "risk": "low"},
    {"page": HUGE, "mode": "x" * 5000, "1": "agree", "9": "extremely"},
]


@pytest.fixture
def cases(practice):
    questionnaire = vignette_publish(
        parent=practice, mode="questionnaire", story=[questionnaire_block(MEDIUM_ITEMS)]
    )
    consultation = vignette_publish(parent=practice)
    triage = vignette_publish(parent=practice, mode="triage")
    return [questionnaire, consultation, triage]


def _addresses(practice, cases, attempt) -> list[str]:
    answer_urls = [reverse("scoring_practice:vignette_answer", args=[case.pk]) for case in cases]
    return [
        practice.url,
        *(case.url for case in cases),
        *answer_urls,
        reverse("scoring_practice:attempt_detail", args=[attempt.pk]),
        reverse("scoring_practice:attempt_history"),
        reverse("scoring_practice:drill"),
        reverse("scoring_practice:drill_history"),
        reverse("scoring_practice:tool"),
        reverse("scoring_practice:tool_print"),
        reverse("scoring_practice:tool_questionnaire"),
        f"/practice/vignettes/{HUGE}/answer/",
        f"/practice/vignettes/{SQLITE_EDGE}/answer/",
        "/practice/vignettes/abc/answer/",
        "/practice/vignettes/-1/answer/",
        f"/practice/attempts/{HUGE}/",
        f"/practice/attempts/{SQLITE_EDGE}/",
        "/practice/attempts/abc/",
        f"/practice/{HUGE}/",
    ]


@pytest.mark.parametrize("role", [None, Role.TRAINEE, Role.TRAINER])
def test_no_request_ends_in_a_server_error(client, practice, cases, role):
    owner = UserFactory()
    attempt = AttemptFactory(user=owner, page=cases[1])
    if role is not None:
        client.force_login(UserFactory(roles=[role]))
    for address in _addresses(practice, cases, attempt):
        for query in QUERIES:
            response = client.get(address + query)
            assert response.status_code in (200, 302, 404), (address + query, response.status_code)
        for data in GARBAGE:
            response = client.post(address, data)
            assert response.status_code in (200, 302, 404, 405), (address, data, response)
    # Only the factory's attempt exists; no garbage was recorded for anybody.
    assert list(Attempt.objects.all()) == [attempt]
    assert not DrillAnswer.objects.exists()


def test_huge_ids_are_not_found(client, practice):
    client.force_login(UserFactory())
    for address in (
        f"/practice/vignettes/{HUGE}/answer/",
        f"/practice/vignettes/{SQLITE_EDGE}/answer/",
        f"/practice/attempts/{HUGE}/",
        f"/practice/attempts/{SQLITE_EDGE}/",
    ):
        assert client.get(address).status_code == 404, address
        assert client.post(address, {"total": "4"}).status_code == 404, address


def test_page_numbers_out_of_range_show_a_real_page(client, practice, cases):
    for query in ("?page=abc", "?page=99999", f"?page={HUGE}"):
        response = client.get(practice.url + query)
        assert response.status_code == 200
        assert cases[0].title in response.text

    trainee = UserFactory()
    client.force_login(trainee)
    attempt = AttemptFactory(user=trainee, page=cases[0])
    for query in ("?page=abc", "?page=99999", f"?page={HUGE}"):
        response = client.get(reverse("scoring_practice:attempt_history") + query)
        assert response.status_code == 200
        assert attempt.get_absolute_url() in response.text


def _ticket_for(user, page, **overrides) -> str:
    data = signing.loads(
        ticket_issue(user_id=user.pk, page_id=page.pk, revision_id=page.live_revision_id),
        salt=SALT,
    )
    data.update(overrides)
    return signing.dumps(data, salt=SALT, compress=True)


ANSWERS = {"total": "4", "psychosocial": "0", "risk": "medium", "treatment": "medium"}


@pytest.mark.parametrize(
    "make_ticket",
    [
        pytest.param(lambda user, page, other: "forged:ticket", id="forged"),
        pytest.param(
            lambda user, page, other: signing.dumps({"u": user.pk}, salt="another salt"),
            id="wrong-salt",
        ),
        pytest.param(lambda user, page, other: _ticket_for(other, page), id="someone-elses"),
        pytest.param(lambda user, page, other: _ticket_for(user, other.page), id="other-page"),
        pytest.param(lambda user, page, other: _ticket_for(user, page, k="nope"), id="bad-token"),
        pytest.param(lambda user, page, other: _ticket_for(user, page, t="soon"), id="bad-time"),
        pytest.param(lambda user, page, other: _ticket_for(user, page, u=None), id="no-user"),
    ],
)
def test_bad_tickets_keep_the_answers_and_record_nothing(client, cases, make_ticket):
    page = cases[0]
    trainee = UserFactory()
    other = UserFactory()
    other.page = cases[1]
    client.force_login(trainee)
    response = client.post(
        reverse("scoring_practice:vignette_answer", args=[page.pk]),
        {"ticket": make_ticket(trainee, page, other), **ANSWERS},
    )
    assert response.status_code == 200
    assert MESSAGE_TICKET_EXPIRED in response.text
    assert 'value="4"' in response.text
    assert not Attempt.objects.exists()


def test_ticket_naming_a_vanished_revision_is_judged_against_the_live_page(client, cases):
    page = cases[0]
    trainee = UserFactory()
    client.force_login(trainee)
    response = client.post(
        reverse("scoring_practice:vignette_answer", args=[page.pk]),
        {"ticket": _ticket_for(trainee, page, r=HUGE), **ANSWERS},
    )
    attempt = Attempt.objects.get(user=trainee)
    assert response.url == attempt.get_absolute_url()
    assert attempt.revision_id == page.live_revision_id


def test_expired_ticket_is_refused(client, cases, monkeypatch):
    page = cases[0]
    trainee = UserFactory()
    client.force_login(trainee)
    issued_at = time.time() - timedelta(hours=13).total_seconds()
    with monkeypatch.context() as patch:
        # The signature's timestamp is what expires a ticket: sign as if 13 hours ago.
        patch.setattr(signing.time, "time", lambda: issued_at)
        ticket = ticket_issue(
            user_id=trainee.pk, page_id=page.pk, revision_id=page.live_revision_id
        )
    response = client.post(
        reverse("scoring_practice:vignette_answer", args=[page.pk]), {"ticket": ticket, **ANSWERS}
    )
    assert response.status_code == 200
    assert MESSAGE_TICKET_EXPIRED in response.text
    assert not Attempt.objects.exists()


def test_drill_token_from_another_session_is_refused(client, home):
    other = UserFactory()
    client.force_login(other)
    client.get(reverse("scoring_practice:drill"))
    token = client.session["scoring_practice:drill"]["case"]["token"]

    client.logout()
    client.force_login(UserFactory())
    client.get(reverse("scoring_practice:drill"))
    response = client.post(
        reverse("scoring_practice:drill"), {"case": token, "risk": "low"}, follow=True
    )
    assert MESSAGE_DRILL_CASE_CLOSED in response.text
    assert not DrillAnswer.objects.exists()


@pytest.mark.parametrize(
    "body",
    [
        b"",
        b"null",
        b"[]",
        b'"answers"',
        b"{",
        b'{"answers": null}',
        b'{"answers": [1, 2, 3]}',
        ('{"answers": {"1": ' + HUGE + "}}").encode(),
        ('{"answers": {"' + "9" * 5000 + '": "agree"}}').encode(),
        ('{"answers": ' + "[" * 5000 + "]" * 5000 + "}").encode(),
        json.dumps({"answers": {str(n): "agree" for n in range(1, 10)}}).encode(),
        json.dumps({"answers": {str(n): "x" * 100_000 for n in range(1, 10)}}).encode(),
        b"\xff\xfe\x00",
    ],
)
def test_api_never_ends_in_a_server_error(client, body):
    response = client.post("/api/v1/startback/score", body, content_type="application/json")
    assert response.status_code in (400, 413, 422)


@pytest.mark.parametrize("debug", [False, True])
def test_api_refuses_an_oversized_body(client, settings, debug):
    settings.DEBUG = debug
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    body = json.dumps({"answers": {"1": "agree"}, "padding": "x" * 5000})
    response = client.post("/api/v1/startback/score", body, content_type="application/json")
    assert response.status_code == 413
    assert response.json() == {"detail": MESSAGE_TOO_LARGE}


def test_api_answers_a_valid_request(client):
    answers = {str(n): "agree" for n in range(1, 9)} | {"9": "extremely"}
    response = client.post(
        "/api/v1/startback/score", {"answers": answers}, content_type="application/json"
    )
    assert response.status_code == 200
    assert response.json()["risk"] == "high"


@pytest.mark.parametrize("data", GARBAGE)
def test_garbage_answers_with_a_genuine_ticket_are_shown_again_with_errors(client, cases, data):
    trainee = UserFactory()
    client.force_login(trainee)
    for page in cases:
        ticket = ticket_issue(
            user_id=trainee.pk, page_id=page.pk, revision_id=page.live_revision_id
        )
        response = client.post(
            reverse("scoring_practice:vignette_answer", args=[page.pk]),
            {**data, "ticket": ticket},
        )
        assert response.status_code == 200, (page.mode, data)
        assert "There is a problem" in response.text, (page.mode, data)
    assert not Attempt.objects.exists()
