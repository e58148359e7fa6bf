"""Benchmarks for the STarT Back calculator and API (run with `make bench`; not part of the suite).

Reports the core's scoring rate over all 1,280 answer sets, and the median and 95th-percentile
server time of the calculator page and the scoring API through Django's test client.
"""

import itertools
import json
import time

from django.db import connection

import pytest

from scoring_practice import startback
from tests.perf.test_bench_pages import REQUESTS, time_requests

pytestmark = pytest.mark.django_db


def test_bench_scoring(client, home):
    answer_sets = [
        {str(n): value for n, value in enumerate((*first, ninth), start=1)}
        for first in itertools.product(("agree", "disagree"), repeat=8)
        for ninth in ("not_at_all", "slightly", "moderately", "very_much", "extremely")
    ]
    start = time.perf_counter()
    for answers in answer_sets:
        startback.score(answers)
    per_set_us = (time.perf_counter() - start) / len(answer_sets) * 1_000_000

    form = {"submitted": "1", **{f"item_{key}": value for key, value in answer_sets[77].items()}}
    body = json.dumps({"answers": answer_sets[77]})
    results = {
        "calculator page with result": time_requests(lambda: client.post("/tool/", form)),
        "POST /api/v1/startback/score": time_requests(
            lambda: client.post("/api/v1/startback/score", body, content_type="application/json")
        ),
        "GET /api/v1/startback/instrument": time_requests(
            lambda: client.get("/api/v1/startback/instrument")
        ),
    }
    print(f"\ncore: {per_set_us:.1f} µs per answer set over all 1,280 sets")
    print(f"{REQUESTS} requests each, Django test client, {connection.vendor}")
    for name, figures in results.items():
        print(f"  {name:<34} {figures}")
