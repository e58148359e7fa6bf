"""The load balancer's health check: answers for any host, over plain HTTP, and says what fails."""

from unittest import mock

from django.db.utils import OperationalError
from django.test import override_settings

import pytest

pytestmark = pytest.mark.django_db


def test_health_answers_ok_when_the_database_and_cache_answer(client):
    response = client.get("/health/")

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}
    assert response["Cache-Control"] == "no-store"
    assert "sessionid" not in response.cookies


@override_settings(ALLOWED_HOSTS=["training.example.org"], SECURE_SSL_REDIRECT=True)
def test_health_answers_a_probe_by_ip_address_over_plain_http(client):
    # A load balancer addresses the server by its own IP, without TLS; the site itself refuses
    # that host and redirects plain HTTP, but the probe must still get its answer.
    assert client.get("/", HTTP_HOST="10.0.0.7").status_code == 400

    response = client.get("/health/", HTTP_HOST="10.0.0.7")

    assert response.status_code == 200


def test_health_is_unavailable_when_the_database_fails(client):
    with mock.patch("cms.health.connection.cursor", side_effect=OperationalError("gone")):
        response = client.get("/health/")

    assert response.status_code == 503
    assert response.json() == {"status": "unavailable", "database": "failing", "cache": "ok"}


def test_health_is_unavailable_when_the_cache_fails(client):
    with mock.patch("cms.health.cache.set", side_effect=ConnectionError("refused")):
        response = client.get("/health/")

    assert response.status_code == 503
    assert response.json()["cache"] == "failing"


def test_health_refuses_writes(client):
    assert client.post("/health/").status_code == 405
