"""Caching the trainer's expensive figures until the data behind them changes.

Every write to the records the figures are made from (enrolments, lessons completed, quiz
attempts and answers, vignette attempts, drill answers, certificates, cohort members, trainer
assignments, users) moves a version number on; a figure is cached under its name, the version
and its scope's query, so a change anywhere makes the next request work it out afresh. Bulk
inserts send no signals: whatever makes them (`seed_scale`) calls `data_changed` itself.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import TypeVar

from django.core.cache import cache
from django.utils import timezone

VERSION_KEY = "trainer-figures-version"
# Raise when what a figure means changes, so figures cached by the code before it are not shown.
REVISION = 2
SECONDS = 6 * 60 * 60
T = TypeVar("T")


def _version() -> int:
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, 1, timeout=None)
        version = cache.get(VERSION_KEY) or 1
    return int(version)


def data_changed(*args, **kwargs) -> None:
    """Receiver (and plain function): the figures made so far are out of date."""
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 1, timeout=None)


def cached_figure(name: str, scope: object, compute: Callable[[], T]) -> T:
    """`compute()`, kept until the data changes; `scope` is what the figure is of: a query, or
    a string made from one (its text, never its repr, which changes from request to request)."""
    digest = hashlib.sha256(str(scope).encode()).hexdigest()
    # The day is in the key too: what is "expiring" or "expired" changes at midnight.
    key = f"trainer-figure:{REVISION}:{name}:{_version()}:{timezone.localdate()}:{digest}"
    figure = cache.get(key)
    if figure is None:
        figure = compute()
        cache.set(key, figure, SECONDS)
    return figure
