from django.core.cache import cache
from django.http import HttpRequest
from django.test.client import ClientMixin

import pytest

from tests.factories import site_with_home


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Rate limits, navigation and MFA codes live in the cache; no test sees another's."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def home(db):
    """A site whose root is a HomePage."""
    return site_with_home()


_login_without_second_factor = ClientMixin._login


def login_without_second_factor(client, user) -> None:
    """Open a session as a login view other than the site's would: a password, nothing more."""
    _login_without_second_factor(client, user)


@pytest.fixture(autouse=True)
def _force_login_is_a_whole_sign_in(monkeypatch):
    """`client.force_login` stands for signing in through the site's whole flow, the second
    factor included: the middleware signs out a staff session that never used one. Tests of
    the sign-in itself post to the real pages, or use `login_without_second_factor`."""
    from allauth.account.internal.flows.login import record_authentication

    def _login(client, user, backend=None):
        _login_without_second_factor(client, user, backend)
        request = HttpRequest()
        request.session = client.session
        record_authentication(request, user, "password")
        record_authentication(request, user, "mfa", type="totp")
        request.session.save()

    monkeypatch.setattr(ClientMixin, "_login", _login)
