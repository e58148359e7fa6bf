"""The health check a load balancer polls: is this process able to reach its database and cache?"""

import logging
import uuid

from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse

HEALTH_PATH = "/health/"
logger = logging.getLogger(__name__)


def _database_ok() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except Exception:  # any failure means "not healthy"; it is logged
        logger.exception("Health check: the database did not answer")
        return False


def _cache_ok() -> bool:
    key = f"health:{uuid.uuid4().hex}"
    try:
        cache.set(key, "ok", timeout=10)
        found = cache.get(key) == "ok"
        cache.delete(key)
        return found
    except Exception:  # as above
        logger.exception("Health check: the cache did not answer")
        return False


class HealthCheckMiddleware:
    """Answers `GET /health/` before any other middleware runs.

    200 with `{"status": "ok", ...}` when the database and the cache both answer, 503 otherwise.
    It runs first so that a probe addressed to the server's own IP (not an allowed host name),
    over plain HTTP behind the TLS-terminating proxy, is answered rather than refused or
    redirected, and so that it never touches a session.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path != HEALTH_PATH:
            return self.get_response(request)
        if request.method not in ("GET", "HEAD"):
            return JsonResponse({"status": "method not allowed"}, status=405)
        checks = {"database": _database_ok(), "cache": _cache_ok()}
        healthy = all(checks.values())
        body = {
            "status": "ok" if healthy else "unavailable",
            **{name: "ok" if ok else "failing" for name, ok in checks.items()},
        }
        response = JsonResponse(body, status=200 if healthy else 503)
        response["Cache-Control"] = "no-store"
        return response
