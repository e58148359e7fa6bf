"""Receivers: session start time on sign-in, the second-factor check, approving held uploads on
publication, keeping the navigation cache fresh, and PostgreSQL's session settings."""

import time

from django.contrib.auth.models import Group
from django.contrib.auth.signals import user_logged_in
from django.db.backends.signals import connection_created
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from wagtail.models import Page
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from allauth.mfa.models import Authenticator

from cms.champions import champion_group_changed
from cms.middleware import SESSION_LAST_SEEN_KEY, SESSION_STARTED_KEY, mfa_forget
from cms.navigation import sections_forget
from cms.uploads import image_approve, uploads_approve_for
from core.models import User
from courses.quiz.models import Question


@receiver(connection_created)
def postgresql_jit_off(sender, connection, **kwargs):
    """PostgreSQL's JIT compiler spends longer compiling the trainers' aggregate queries than
    running them (hundreds of milliseconds for queries that take tens without it). Set here, on
    each new connection, rather than as a startup option, which connection poolers refuse."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET jit = off")


@receiver(user_logged_in)
def session_mark_start(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        now = time.time()
        request.session[SESSION_STARTED_KEY] = now
        request.session[SESSION_LAST_SEEN_KEY] = now


@receiver(post_save, sender=Authenticator)
@receiver(post_delete, sender=Authenticator)
def mfa_recheck_on_authenticator_change(sender, instance, **kwargs):
    mfa_forget(instance.user_id)


@receiver(post_save, sender=User)
def mfa_recheck_on_user_change(sender, instance, **kwargs):
    mfa_forget(instance.pk)


@receiver(m2m_changed, sender=User.user_permissions.through)
def mfa_recheck_on_permission_change(sender, instance, action, reverse, **kwargs):
    # Admin access granted to one account directly: the second factor is needed from now on.
    if action.startswith("post_") and not reverse:
        mfa_forget(instance.pk)


@receiver(m2m_changed, sender=Group.permissions.through)
def mfa_recheck_on_group_permission_change(sender, instance, action, reverse, pk_set, **kwargs):
    # A group gained or lost a permission (admin access, say): check each member again.
    if not action.startswith("post_"):
        return
    groups = [instance] if not reverse else Group.objects.filter(pk__in=pk_set or ())
    for user_id in User.objects.filter(groups__in=groups).values_list("pk", flat=True).distinct():
        mfa_forget(user_id)


@receiver(m2m_changed, sender=User.groups.through)
def mfa_recheck_on_group_change(sender, instance, action, reverse, pk_set, **kwargs):
    if not action.startswith("post_"):
        return
    if not reverse:
        mfa_forget(instance.pk)
    else:
        # A group's members changed: forget each member named (or all, when cleared).
        user_ids = pk_set if pk_set is not None else User.objects.values_list("pk", flat=True)
        for user_id in user_ids:
            mfa_forget(user_id)


@receiver(page_published)
def uploads_approve_on_publish(sender, instance, **kwargs):
    # Publishing is the approval: what the page uses from the held uploads becomes public.
    uploads_approve_for(instance)


@receiver(post_save, sender=Question)
def uploads_approve_in_quiz_question(sender, instance, raw=False, **kwargs):
    # Only trainers and administrators author quizzes: their choosing a held image approves it.
    if not raw and instance.image_id:
        image_approve(instance.image)


@receiver(page_published)
@receiver(page_unpublished)
@receiver(page_slug_changed)
@receiver(post_page_move)
def navigation_refresh(sender, **kwargs):
    sections_forget()


# Deleting any page deletes its `Page` row too, so this fires for every page type. A receiver
# with no sender would also turn off Django's fast delete for every model in the project.
@receiver(post_delete, sender=Page)
def navigation_refresh_on_delete(sender, instance, **kwargs):
    sections_forget()


# Leaving the Champion group (in the admin, say) unlists the champion's profile.
m2m_changed.connect(
    champion_group_changed, sender=User.groups.through, dispatch_uid="champion_group_changed"
)
