"""Session lifetime and the multi-factor requirement for privileged roles."""

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.core.cache import cache
from django.shortcuts import redirect
from django.urls import reverse

from core.roles import user_needs_mfa

SESSION_STARTED_KEY = "cms_session_started"
SESSION_LAST_SEEN_KEY = "cms_session_last_seen"
MFA_SATISFIED_CACHE_KEY = "cms:mfa-satisfied:{user_id}"
MFA_SATISFIED_SECONDS = 300

# Activity is written to the session at most this often, so most requests do not save it.
LAST_SEEN_RESOLUTION_SECONDS = 60

MESSAGE_SESSION_IDLE = "You were signed out because you were inactive for 30 minutes."
MESSAGE_SESSION_EXPIRED = "You were signed out because you have been signed in for 12 hours."
MESSAGE_MFA_REQUIRED = (
    "Your role needs two-factor authentication. Set up an authenticator app to continue."
)
MESSAGE_SECOND_FACTOR_MISSING = (
    "Your role needs two-factor authentication. Sign in again with your e-mail address, password "
    "and the code from your authenticator app."
)


class SessionTimeoutMiddleware:
    """Signs a user out after 30 minutes idle or 12 hours after sign-in."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            now = time.time()
            session = request.session
            started = session.setdefault(SESSION_STARTED_KEY, now)
            last_seen = session.get(SESSION_LAST_SEEN_KEY, now)
            message = None
            if now - started > settings.SESSION_ABSOLUTE_TIMEOUT.total_seconds():
                message = MESSAGE_SESSION_EXPIRED
            elif now - last_seen > settings.SESSION_IDLE_TIMEOUT.total_seconds():
                message = MESSAGE_SESSION_IDLE
            if message:
                logout(request)
                messages.info(request, message)
                return redirect_to_login(request.get_full_path())
            if (
                SESSION_LAST_SEEN_KEY not in session
                or now - last_seen > LAST_SEEN_RESOLUTION_SECONDS
            ):
                session[SESSION_LAST_SEEN_KEY] = now
        return self.get_response(request)


def mfa_enrolled(user) -> bool:
    from allauth.mfa.models import Authenticator

    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


def mfa_forget(user_id: int) -> None:
    """Check the user again on their next request (their roles or authenticators changed)."""
    cache.delete(MFA_SATISFIED_CACHE_KEY.format(user_id=user_id))


def second_factor_used(request) -> bool:
    """Whether this session was opened with an authenticator code (allauth's record of the steps
    the person took to sign in). A session opened any other way, by a password alone through some
    login view other than the site's, has no such record."""
    from allauth.account.internal.flows.login import get_authentication_records

    return any(
        record.get("method") == "mfa"
        for record in get_authentication_records(request, request.user)
    )


MFA_NOT_NEEDED = "not-needed"
MFA_ENROLLED = "enrolled"
MFA_MISSING = "missing"


def mfa_state(user) -> str:
    """Whether the user needs a second factor and, if so, whether they have set one up.

    The answer is cached per user (shared by all their sessions) and dropped whenever their
    groups, superuser flag or authenticators change, so a newly promoted trainer or one who has
    just removed their authenticator is stopped on their next request.
    """
    key = MFA_SATISFIED_CACHE_KEY.format(user_id=user.pk)
    state = cache.get(key)
    if state not in (MFA_NOT_NEEDED, MFA_ENROLLED, MFA_MISSING):
        if not user_needs_mfa(user):
            state = MFA_NOT_NEEDED
        else:
            state = MFA_ENROLLED if mfa_enrolled(user) else MFA_MISSING
        cache.set(key, state, MFA_SATISFIED_SECONDS)
    return state


def mfa_satisfied(user) -> bool:
    """Whether the user may go on: no second factor needed, or one is set up."""
    return mfa_state(user) != MFA_MISSING


class RequireMFAMiddleware:
    """Anyone who can enter the admin must set up TOTP before they can use anything else, and
    once it is set up, no session of theirs goes on without the code.

    The second check stands behind the sign-in page's own: whatever view opened the session
    (a login view a package mounts, a future one), a person whose role needs the second factor
    and who has an authenticator is signed out again unless the session used it.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if user.is_authenticated and not request.path.startswith(settings.STATIC_URL):
            if self._second_factor_missing(request):
                logout(request)
                messages.warning(request, MESSAGE_SECOND_FACTOR_MISSING)
                return redirect_to_login(request.get_full_path())
            if not self._is_exempt(request.path) and not mfa_satisfied(user):
                messages.warning(request, MESSAGE_MFA_REQUIRED)
                return redirect("mfa_activate_totp")
        return self.get_response(request)

    @staticmethod
    def _second_factor_missing(request) -> bool:
        # The state is cached: for most people (no second factor needed) this asks the
        # database nothing.
        return mfa_state(request.user) == MFA_ENROLLED and not second_factor_used(request)

    @staticmethod
    def _is_exempt(path: str) -> bool:
        exempt = (
            reverse("mfa_index"),
            reverse("account_logout"),
            reverse("account_reauthenticate"),
            # A person may always see, download and delete their own data.
            reverse("account_your_data"),
            reverse("account_delete"),
            settings.STATIC_URL,
        )
        return path.startswith(exempt)
