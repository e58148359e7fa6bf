"""Account deletion confirmed twenty times at once (a double-clicked button) on PostgreSQL:
erased once, recorded once, and never a 500."""

from django.test import Client
from django.urls import reverse

import pytest

from core.models import AuditEvent, User
from tests.concurrency import BURST, burst, clients_signed_in, postgresql_only
from tests.factories import DEFAULT_PASSWORD, UserFactory

pytestmark = [postgresql_only, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_an_account_deletion_sent_twenty_times_at_once_erases_it_once(home):
    user = UserFactory()
    browser = Client(raise_request_exception=False)
    browser.force_login(user)
    browser.post(reverse("account_reauthenticate"), {"password": DEFAULT_PASSWORD})
    clients = clients_signed_in(user, share_session_of=browser)

    statuses = burst(clients, reverse("account_delete"), {"confirm": "on"})

    assert len(statuses) == BURST and set(statuses) <= {200, 302}
    assert not User.objects.get(pk=user.pk).is_active
    assert AuditEvent.objects.filter(kind=AuditEvent.Kind.ACCOUNT_DELETED).count() == 1
