"""Test settings, tuned for speed and isolation."""

from .base import *  # noqa: F403

SECRET_KEY = "test-only-insecure-key"
DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
WAGTAILADMIN_BASE_URL = "http://testserver"
SEED_DEMO_ALLOWED = True
# No output handlers (pytest captures records), but the same filters as everywhere else.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": LOGGING["filters"],  # noqa: F405
    "loggers": {"django.request": {"filters": ["no_traceback_below_500"]}},
}
