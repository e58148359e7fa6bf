"""Settings shared by every environment; safe by default.

Everything that differs between machines comes from environment variables. Without them this module
refuses nothing, but it also enables nothing risky: DEBUG is off and there is no secret key, so a
process started with these settings alone fails loudly rather than running insecurely.
"""

import os
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from csp.constants import NONE, SELF

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent


def env_bool(name: str, default: bool = False) -> bool:
    """Read a yes/no environment variable ("1", "true", "yes", "on" mean yes)."""
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def media_origin(*, bucket: str, endpoint_url: str = "", region: str = "") -> str:
    """The origin an S3-compatible bucket serves its files from (for the content security
    policy): the endpoint's, when one is set, otherwise AWS's address for the bucket."""
    if endpoint_url:
        parts = urlsplit(endpoint_url)
        return f"{parts.scheme}://{parts.netloc}"
    return (
        f"https://{bucket}.s3.{region}.amazonaws.com"
        if region
        else f"https://{bucket}.s3.amazonaws.com"
    )


def env_list(name: str, default: str = "") -> list[str]:
    """Read a comma-separated environment variable as a list, ignoring blanks."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

# The project's four packages, top layer first (so the site's templates override the others').
INSTALLED_APPS = [
    "cms",
    "courses",
    "scoring_practice",
    "core",
    "wagtailnhsukfrontend",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "cms.apps.UsersAdminConfig",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "ninja",
    "django_tasks",
    "django_tasks_db",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    # First, so a load balancer's probe needs no allowed host name, HTTPS, session or cookie.
    "cms.health.HealthCheckMiddleware",
    # Next, so an oversized API body is refused before anything reads it.
    "scoring_practice.api.BodyLimitMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "cms.security.ContentSecurityPolicyMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "cms.audit.AuditContextMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "cms.middleware.SessionTimeoutMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "cms.middleware.RequireMFAMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "cms.security.PrivateCacheMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "cms.urls"
WSGI_APPLICATION = "cms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "cms.context_processors.site_settings",
                "cms.context_processors.tool_statement",
                "cms.context_processors.navigation",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------------------------------
# SQLite by default (no service needed); PostgreSQL when DATABASE_URL says so. SQLite runs in WAL
# mode with a busy timeout and immediate transactions, so concurrent writers wait their turn
# instead of failing with "database is locked".
SQLITE_OPTIONS = {
    "timeout": 20,
    "transaction_mode": "IMMEDIATE",
    "init_command": (
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=20000;"
        " PRAGMA foreign_keys=ON;"
    ),
}


def database_from_environment() -> dict:
    """The default database: DATABASE_URL if set, otherwise the project's SQLite file."""
    url = os.environ.get("DATABASE_URL")
    if url:
        config = dj_database_url.parse(url, conn_max_age=60, conn_health_checks=True)
    else:
        config = {"ENGINE": "django.db.backends.sqlite3", "NAME": BASE_DIR / "db.sqlite3"}
    if config["ENGINE"] == "django.db.backends.sqlite3":
        config.setdefault("OPTIONS", {}).update(SQLITE_OPTIONS)
    return config


DATABASES = {"default": database_from_environment()}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # SQLite builds covering indexes without their included columns, which is all it needs.
    SILENCED_SYSTEM_CHECKS = ["models.W040"]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache ----------------------------------------------------------------------------------------
# Redis when REDIS_URL is set (needed once there is more than one process: rate limits and sessions
# must be shared); otherwise a per-process memory cache.
REDIS_URL = os.environ.get("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "startback",
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# --- Accounts -------------------------------------------------------------------------------------
AUTH_USER_MODEL = "core.User"
# allauth's backend (a ModelBackend) is the only way in, so its rate limits always apply.
AUTHENTICATION_BACKENDS = ["allauth.account.auth_backends.AuthenticationBackend"]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
# After signing in: where the person was going (`next`), else My learning; the profile form
# only while its required fields are empty (see cms.accounts.AccountAdapter).
LOGIN_REDIRECT_URL = "courses:my_learning"
ACCOUNT_LOGOUT_REDIRECT_URL = "/"

ACCOUNT_ADAPTER = "cms.accounts.AccountAdapter"
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_SIGNUP_FORM_CLASS = "cms.forms.SignupProfileForm"
ACCOUNT_FORMS = {
    "login": "cms.account_forms.AccountLoginForm",
    "signup": "cms.account_forms.OrderedSignupForm",
}
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
# One address per account: a new address replaces the old once it is confirmed.
ACCOUNT_CHANGE_EMAIL = True
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = False
ACCOUNT_SESSION_REMEMBER = False
ACCOUNT_PRESERVE_USERNAME_CASING = False
# Sign-ins: at most 60 attempts a minute from one network address (allauth's own "login" limit,
# 30 by default, is set to the same, so there is one limit, as the README says), and at most 5
# failures in 5 minutes for one e-mail address. The per-account limit carries the protection
# against guessing one account's password. The per-address limits are generous because a whole
# NHS organisation may reach the site from one network address: they stop a flood, not a busy
# practice or a training day signing in together.
ACCOUNT_RATE_LIMITS = {
    "login": "60/m/ip",
    "login_failed": "60/m/ip,5/5m/key",
    "signup": "60/m/ip",
    "reset_password": "60/m/ip,5/m/key",
}
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "STarT Back training"
MFA_FORMS = {
    "authenticate": "cms.account_forms.CodeAuthenticateForm",
    "reauthenticate": "cms.account_forms.CodeReauthenticateForm",
    "activate_totp": "cms.account_forms.CodeActivateTOTPForm",
}
# Which roles must set up an authenticator app before using anything is in `core.roles`.

# Sessions end after 30 minutes without activity and 12 hours after sign-in, whichever comes first.
SESSION_IDLE_TIMEOUT = timedelta(minutes=30)
SESSION_ABSOLUTE_TIMEOUT = timedelta(hours=12)
SESSION_COOKIE_AGE = int(SESSION_ABSOLUTE_TIMEOUT.total_seconds())
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"

# --- E-mail ---------------------------------------------------------------------------------------
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "STarT Back training <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Internationalisation -------------------------------------------------------------------------
LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

# --- Static and media -----------------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "static"
MEDIA_URL = "/media/"
MEDIA_ROOT = BASE_DIR / "media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "cms.storage.StaticFilesStorage"},
}
# Uploads: images at most 10 MB and 40 megapixels, documents at most 10 MB.
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# The library's kinds of file; each upload's content is checked against its extension too.
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "pptx", "xlsx", "png", "jpg", "jpeg", "webp"]
WAGTAILDOCS_DOCUMENT_FORM_BASE = "cms.resources.ResourceDocumentForm"
# Images uploaded through the admin lose their EXIF, GPS and other metadata.
WAGTAILIMAGES_IMAGE_FORM_BASE = "cms.resources.MetadataFreeImageForm"
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# --- Security -------------------------------------------------------------------------------------
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"  # Wagtail's preview views allow same-origin framing themselves
CSRF_COOKIE_HTTPONLY = False

# Content-Security-Policy: everything comes from the site itself, no inline script, nothing from
# another host (the NHS.UK typeface is not fetched from assets.nhs.uk; see core.frontend).
# The Wagtail admin's extra needs are added on its own paths only (cms.security.ADMIN_CSP_EXTRA).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF],
        "font-src": [SELF],
        "connect-src": [SELF],
        "media-src": [SELF],
        "frame-src": [NONE],
        "object-src": [NONE],
        "worker-src": [NONE],
        "manifest-src": [SELF],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}
# Browser features no page of the site uses, switched off for every page and anything it embeds.
PERMISSIONS_POLICY: dict[str, list[str]] = {
    feature: []
    for feature in [
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "encrypted-media",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "publickey-credentials-get",
        "screen-wake-lock",
        "usb",
        "xr-spatial-tracking",
    ]
}

# The support address `seed_site` puts in the site settings when they have none (editable there).
SUPPORT_EMAIL = os.environ.get("SUPPORT_EMAIL", "")

# --- Keeping data ---------------------------------------------------------------------------------
# `python manage.py apply_retention` (run daily) removes accounts whose address was never
# confirmed after this many days, and security-log events older than AUDIT_LOG_DAYS.
UNVERIFIED_ACCOUNT_DAYS = int(os.environ.get("UNVERIFIED_ACCOUNT_DAYS", "30"))
AUDIT_LOG_DAYS = int(os.environ.get("AUDIT_LOG_DAYS", "365"))

# --- Client addresses and the API -----------------------------------------------------------------
# How many proxies (load balancer, TLS terminator) stand in front of the app and append to
# X-Forwarded-For. 0 trusts no such header: with no proxy, a client could forge it.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
ALLAUTH_TRUSTED_PROXY_COUNT = TRUSTED_PROXY_COUNT
NINJA_NUM_PROXIES = TRUSTED_PROXY_COUNT
# Requests per client address to the JSON API, e.g. "120/m"; "off" for load tests.
API_RATE_LIMIT = os.environ.get("API_RATE_LIMIT", "120/m")
# Certificate look-ups (verification pages and credentials) per client address, so codes cannot
# be enumerated: "<number>/<s|m|h>".
CERTIFICATE_VERIFY_RATE_LIMIT = os.environ.get("CERTIFICATE_VERIFY_RATE_LIMIT", "30/m")

# --- Certificates and background tasks ----------------------------------------------------------
# The issuer's Ed25519 private key (PEM) that signs Open Badges credentials. Required in
# production; elsewhere a key derived from SECRET_KEY stands in.
CERTIFICATE_SIGNING_KEY = os.environ.get("CERTIFICATE_SIGNING_KEY", "")
# Django's tasks framework (django-tasks): run at once here; production uses the database queue
# and a worker process (`manage.py db_worker`).
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

# --- Wagtail --------------------------------------------------------------------------------------
WAGTAIL_SITE_NAME = "STarT Back training"
# Otherwise the admin asks releases.wagtail.org for the latest version on every dashboard visit.
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILADMIN_LOGIN_URL = "/admin/login/"
# Pages restricted to signed-in people send visitors to the site's own sign-in page.
WAGTAIL_FRONTEND_LOGIN_URL = "/accounts/login/"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
# Passwords and e-mail addresses are managed through the site's account pages (with verification,
# rate limits and the second factor), not through the admin's own forms.
WAGTAIL_PASSWORD_MANAGEMENT_ENABLED = False
WAGTAIL_PASSWORD_RESET_ENABLED = False
WAGTAIL_EMAIL_MANAGEMENT_ENABLED = False
# No Gravatar look-ups: they would send a hash of each user's e-mail address to a third party.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# Demo accounts with published passwords may only be created where this is switched on.
SEED_DEMO_ALLOWED = False

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"no_traceback_below_500": {"()": "cms.log_filters.NoTracebackBelow500"}},
    "formatters": {"json_line": {"format": "%(message)s"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler"},
        # Security events, one JSON object a line, for the log pipeline (see core.audit).
        "audit": {"class": "logging.StreamHandler", "formatter": "json_line"},
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        # Routine page and background-task events are not worth a line each.
        "wagtail": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
        # A refused (403) or missing (404) page is one line, not a traceback.
        "django.request": {"filters": ["no_traceback_below_500"]},
        "startback.audit": {"handlers": ["audit"], "level": "INFO", "propagate": False},
    },
}
