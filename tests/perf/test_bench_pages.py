"""Benchmarks for the foundation's pages (run with `make bench`; not part of the test suite).

Reports, for the home page and a content page with every block, the median and 95th-percentile
server time per request through Django's test client, and the number of queries per request.
"""

import statistics
import time

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from tests.cms.test_pages import EVERY_BLOCK
from tests.factories import ContentPageFactory, UserFactory

pytestmark = pytest.mark.django_db

REQUESTS = 200


def time_requests(send) -> dict:
    """Median and 95th-percentile time of `send()` (one request) over REQUESTS runs, warmed up."""
    assert send().status_code == 200
    timings = []
    for _ in range(REQUESTS):
        start = time.perf_counter()
        response = send()
        timings.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200
    timings.sort()
    return {
        "median_ms": round(statistics.median(timings), 2),
        "p95_ms": round(timings[int(len(timings) * 0.95)], 2),
    }


def measure(client, path: str) -> dict:
    """Timings of GET `path`, and the queries one such request makes."""
    figures = time_requests(lambda: client.get(path))
    with CaptureQueriesContext(connection) as queries:
        client.get(path)
    return {**figures, "queries": len(queries)}


def test_bench_foundation_pages(client, home):
    for _ in range(30):
        ContentPageFactory(parent=home)
    content = ContentPageFactory(parent=home, title="Every block", body=EVERY_BLOCK)

    results = {
        "home (visitor)": measure(client, home.url),
        "content page (visitor)": measure(client, content.url),
    }
    client.force_login(UserFactory())
    results["home (signed in)"] = measure(client, home.url)
    results["content page (signed in)"] = measure(client, content.url)

    print(f"\n{REQUESTS} requests each, Django test client, {connection.vendor}")
    for name, figures in results.items():
        print(f"  {name:<28} {figures}")
