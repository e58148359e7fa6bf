from django.core.cache import cache

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
