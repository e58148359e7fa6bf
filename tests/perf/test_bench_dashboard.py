"""Benchmark of the trainer's pages at the scale of a region (run with `make bench`, best on
PostgreSQL: DATABASE_URL=postgres://…).

Seeds BENCH_TRAINEES trainees and BENCH_ATTEMPTS attempts with `seed_scale` (defaults 10,000 and
200,000), then reports, for a trainer assigned to one cluster and for an administrator who sees
everyone, each page's first request (caches empty), single-request time (the median of a few)
and query count, and the peak memory (tracemalloc) of streaming the whole trainee list as CSV
and as Excel. The figures are cached until the data behind them changes, so a page's first
request is the one that works them out. A second benchmark streams a trainee list of
BENCH_EXPORT_ROWS (default 100,000) rows.
"""

import os
import statistics
import time
import tracemalloc

from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from core.choices import Role
from core.models import User
from courses.cohorts.models import Cohort
from courses.quiz.models import Quiz
from tests.factories import UserFactory

# Committed data (not a test transaction), so PostgreSQL can VACUUM and ANALYZE it after the
# bulk load as autovacuum would on a live site: the planner needs the statistics, and index-only
# scans need the visibility map.
# (serialized_rollback puts back what the migrations made, such as Wagtail's locale, after each
# benchmark's flush.)
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

TRAINEES = int(os.environ.get("BENCH_TRAINEES", "10000"))
ATTEMPTS = int(os.environ.get("BENCH_ATTEMPTS", "200000"))
EXPORT_ROWS = int(os.environ.get("BENCH_EXPORT_ROWS", "100000"))
RUNS = 5


def timed(client, path: str) -> dict:
    """The first request (cold: caches empty), then the median of RUNS more, and the queries."""
    start = time.perf_counter()
    assert client.get(path).status_code == 200
    first = round((time.perf_counter() - start) * 1000)
    timings = []
    for _ in range(RUNS):
        start = time.perf_counter()
        response = client.get(path)
        timings.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200
    with CaptureQueriesContext(connection) as queries:
        client.get(path)
    return {
        "first_ms": first,
        "median_ms": round(statistics.median(timings)),
        "queries": len(queries),
    }


def export_peak(client, path: str) -> dict:
    tracemalloc.start()
    start = time.perf_counter()
    response = client.get(path)
    size = sum(len(chunk) for chunk in response.streaming_content)
    seconds = time.perf_counter() - start
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return {"peak_mb": round(peak / 1024 / 1024, 1), "bytes": size, "seconds": round(seconds, 1)}


def seed(trainees: int, attempts: int) -> None:
    start = time.perf_counter()
    call_command("seed_scale", trainees=trainees, attempts=attempts, clusters=10, verbosity=0)
    seconds = time.perf_counter() - start
    print(f"\nseed_scale {trainees} trainees, {attempts} attempts: {seconds:.0f} s")
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")


def test_bench_trainer_pages_at_scale(client, home, monkeypatch):
    monkeypatch.setattr("cms.middleware.mfa_enrolled", lambda user: True)
    monkeypatch.setattr("cms.middleware.second_factor_used", lambda request: True)
    seed(TRAINEES, ATTEMPTS)
    trainer = User.objects.get(email="scale.trainer0@example.com")
    cohort = Cohort.objects.filter(trainers=trainer).first()
    quiz_id = Quiz.objects.order_by("pk").values_list("pk", flat=True).first()
    pages = {
        "dashboard": "/trainer/",
        "dashboard, one cohort": f"/trainer/?cohort={cohort.pk}",
        "trainee list": "/trainer/trainees/",
        "quizzes": "/trainer/quizzes/",
        "quiz statistics": f"/trainer/quizzes/{quiz_id}/",
        "practice insight": "/trainer/practice/",
        "marking list": "/trainer/marking/",
        "cohorts": "/trainer/cohorts/",
    }
    admin = UserFactory(roles=[Role.ADMINISTRATOR])
    # A request before any timing, so the first timed one is not also loading the templates.
    client.force_login(trainer)
    assert client.get("/trainer/cohorts/").status_code == 200
    for who, user in (("trainer (one cluster)", trainer), ("administrator (everyone)", admin)):
        client.force_login(user)
        print(f"\n{who}")
        for name, path in pages.items():
            if who.startswith("administrator") and name == "dashboard, one cohort":
                continue
            print(f"  {name:<24} {timed(client, path)}")
        for kind in ("csv", "xlsx"):
            print(f"  export {kind:<17} {export_peak(client, f'/trainer/trainees/export.{kind}')}")


def test_bench_trainee_export_at_100000_rows(client, home, monkeypatch):
    """The whole trainee list of BENCH_EXPORT_ROWS trainees (default 100,000), as an
    administrator sees it, streamed as CSV and as Excel: peak memory and time."""
    monkeypatch.setattr("cms.middleware.mfa_enrolled", lambda user: True)
    monkeypatch.setattr("cms.middleware.second_factor_used", lambda request: True)
    seed(EXPORT_ROWS, EXPORT_ROWS // 10)
    client.force_login(UserFactory(roles=[Role.ADMINISTRATOR]))
    for kind in ("csv", "xlsx"):
        print(f"  export {kind:<5} {export_peak(client, f'/trainer/trainees/export.{kind}')}")
