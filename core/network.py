"""Who is asking: the client's network address, and a limit on requests per address."""

from __future__ import annotations

import ipaddress
import re
import time

from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured, PermissionDenied

from allauth.account.adapter import get_adapter

RATE = re.compile(r"^\s*(\d+)\s*/\s*([smh])\s*$")
SECONDS = {"s": 1, "m": 60, "h": 3600}


def client_address(request) -> str | None:
    """The client's address as the rate limits see it (TRUSTED_PROXY_COUNT applies)."""
    try:
        address = get_adapter(request).get_client_ip(request)
        return str(ipaddress.ip_address(address))
    except (ImproperlyConfigured, PermissionDenied, ValueError):
        return None


def rate_limit_exceeded(request, *, scope: str, rate: str) -> int | None:
    """Count this request against `rate` ("30/m") for its client address in `scope`; returns
    the seconds to wait when over the limit, else None. The count lives in the shared cache, so
    every process sees it. "off" (or nothing) switches the limit off."""
    match = RATE.match(rate or "")
    if match is None:
        return None
    limit, period = int(match[1]), SECONDS[match[2]]
    window = int(time.time() // period)
    key = f"rate:{scope}:{client_address(request) or 'unknown'}:{window}"
    cache.add(key, 0, period + 5)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, period + 5)
        count = 1
    if count > limit:
        return period - int(time.time()) % period
    return None
