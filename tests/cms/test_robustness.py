"""Nonsense sent to any account or page address gets an answer, never a server error."""

import pytest

from core.choices import Role
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PATHS = [
    "/",
    "/about/",
    "/nope/",
    "/accounts/login/",
    "/accounts/signup/",
    "/accounts/profile/",
    "/accounts/email/",
    "/accounts/password/change/",
    "/accounts/password/set/",
    "/accounts/password/reset/",
    "/accounts/password/reset/done/",
    "/accounts/password/reset/key/xx-yy/",
    "/accounts/confirm-email/",
    "/accounts/confirm-email/bogus/",
    "/accounts/2fa/",
    "/accounts/2fa/totp/activate/",
    "/accounts/2fa/totp/deactivate/",
    "/accounts/2fa/recovery-codes/",
    "/accounts/2fa/recovery-codes/generate/",
    "/accounts/2fa/authenticate/",
    "/accounts/reauthenticate/",
    "/admin/",
    "/admin/login/",
    "/documents/1/missing.pdf",
    "/accounts/logout/",  # last: it ends the session
]
NONSENSE = {
    "login": "x" * 5000,
    "email": "<script>alert(1)</script>",
    "password": "",
    "password1": "a",
    "password2": "b",
    "code": "abc",
    "full_name": "",
    "profession": "surgeon",
    "registration_number": "\u0661\u0662",
    "action_add": "",
    "action_remove": "",
}
ROLES = {
    "visitor": None,
    "trainee": [Role.TRAINEE],
    "trainer": [Role.TRAINEE, Role.TRAINER],
}


@pytest.mark.parametrize("who", list(ROLES))
def test_no_address_answers_nonsense_with_a_server_error(client, home, who):
    if ROLES[who]:
        client.force_login(UserFactory(roles=ROLES[who]))
    failures = []
    for path in PATHS:
        for method in ("get", "post"):
            response = getattr(client, method)(path, NONSENSE if method == "post" else None)
            if response.status_code >= 500:
                failures.append(f"{method.upper()} {path} -> {response.status_code}")
    assert failures == []
