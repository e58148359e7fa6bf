"""Receivers: session start time on sign-in, and keeping the navigation cache fresh."""

import time

from django.contrib.auth.signals import user_logged_in
from django.db.models.signals import post_delete
from django.dispatch import receiver

from wagtail.models import Page
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from allauth.mfa.signals import authenticator_removed

from cms.middleware import SESSION_LAST_SEEN_KEY, SESSION_MFA_CHECKED_KEY, SESSION_STARTED_KEY
from cms.navigation import sections_forget


@receiver(user_logged_in)
def session_mark_start(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        now = time.time()
        request.session[SESSION_STARTED_KEY] = now
        request.session[SESSION_LAST_SEEN_KEY] = now
        request.session.pop(SESSION_MFA_CHECKED_KEY, None)


@receiver(authenticator_removed)
def session_recheck_mfa(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        request.session.pop(SESSION_MFA_CHECKED_KEY, None)


@receiver(page_published)
@receiver(page_unpublished)
@receiver(page_slug_changed)
@receiver(post_page_move)
def navigation_refresh(sender, **kwargs):
    sections_forget()


@receiver(post_delete)
def navigation_refresh_on_delete(sender, instance, **kwargs):
    if isinstance(instance, Page):
        sections_forget()
