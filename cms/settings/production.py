"""Production: PostgreSQL, Redis, whitenoise, optional S3-compatible media, HTTPS only.

Required environment: SECRET_KEY, CERTIFICATE_SIGNING_KEY, ALLOWED_HOSTS, DATABASE_URL, REDIS_URL.
Recommended: e-mail settings, CSRF_TRUSTED_ORIGINS. The process refuses to start without the
secret key, the signing key or Redis.
"""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import SELF, env_bool, media_origin

DEBUG = False

if not os.environ.get("SECRET_KEY"):
    raise ImproperlyConfigured("SECRET_KEY must be set in the environment for production.")
SECRET_KEY = os.environ["SECRET_KEY"]

# Certificates are signed with the issuer's own key; a derived one would change with SECRET_KEY.
if not os.environ.get("CERTIFICATE_SIGNING_KEY"):
    raise ImproperlyConfigured(
        "CERTIFICATE_SIGNING_KEY (an Ed25519 private key in PEM) must be set for production: "
        "make one with `manage.py certificate_signing_key`."
    )

# Reminder e-mails and other background work go through the database queue; run
# `manage.py db_worker` beside the web processes.
TASKS["default"] = {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}  # type: ignore[dict-item]  # noqa: F405

# Rate limits, sign-in codes and cached checks must be shared by every worker process.
if not os.environ.get("REDIS_URL"):
    raise ImproperlyConfigured("REDIS_URL must be set in the environment for production.")

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https"

# S3-compatible media storage when a bucket is configured; local disk otherwise.
if os.environ.get("AWS_STORAGE_BUCKET_NAME"):
    STORAGES["default"] = {  # noqa: F405
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ["AWS_STORAGE_BUCKET_NAME"],
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
            "default_acl": None,
            "querystring_auth": True,
            "file_overwrite": False,
        },
    }
    # Images then come from the bucket's own address (signed, expiring): the content security
    # policy allows that one origin for images and media, and nothing else from another host.
    MEDIA_ORIGIN = os.environ.get("MEDIA_ORIGIN") or media_origin(
        bucket=os.environ["AWS_STORAGE_BUCKET_NAME"],
        endpoint_url=os.environ.get("AWS_S3_ENDPOINT_URL", ""),
        region=os.environ.get("AWS_S3_REGION_NAME", ""),
    )
    for directive in ("img-src", "media-src"):
        CONTENT_SECURITY_POLICY["DIRECTIVES"][directive] = [SELF, MEDIA_ORIGIN]  # noqa: F405
