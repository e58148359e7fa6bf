"""Firing identical requests at the same moment from threads, as a double-clicked form or a
flaky connection does. Each thread has its own database connection, so on PostgreSQL the
requests really race; SQLite serialises writers, so these tests run on PostgreSQL only."""

import threading

from django.db import connection
from django.test import Client

import pytest

BURST = 20

postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="Real races need a database that runs writers at once: run on PostgreSQL.",
)


def clients_signed_in(user, *, count: int = BURST, share_session_of: Client | None = None):
    """`count` browsers for one user: each with its own session, or all sharing one."""
    clients = []
    for _ in range(count):
        client = Client(raise_request_exception=False)
        if share_session_of is not None:
            client.cookies = share_session_of.cookies
        else:
            client.force_login(user)
        clients.append(client)
    return clients


def burst(clients, url: str, data: dict) -> list[int]:
    """POST the same data from every client at once; the status codes, in no order."""
    barrier = threading.Barrier(len(clients))
    statuses: list[int] = []
    lock = threading.Lock()

    def post(client):
        try:
            barrier.wait(timeout=30)
            status = client.post(url, data).status_code
        finally:
            connection.close()
        with lock:
            statuses.append(status)

    threads = [threading.Thread(target=post, args=(client,)) for client in clients]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return statuses
