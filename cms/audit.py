"""What goes into the security audit log, and where the request's actor and address come from.

The events come from Django's and django-allauth's signals (sign-in and out, failures, e-mail,
password and two-factor changes), from the account adapter (failures and lock-outs, see
`cms.accounts`), from changes to a user's groups (roles) and from the account services.
"""

from django.contrib.auth.signals import user_logged_in, user_logged_out
from django.db.models.signals import m2m_changed, post_save, pre_delete, pre_save
from django.dispatch import receiver

from allauth.account import signals as account_signals
from allauth.mfa import signals as mfa_signals
from allauth.mfa.models import Authenticator

from core.audit import (
    AuditContext,
    Kind,
    audit_actor,
    audit_context,
    audit_record,
    email_domain,
    roles_recorded_by_caller,
)
from core.choices import Role
from core.models import AuditEvent, User
from core.network import client_address


class AuditContextMiddleware:
    """Makes the request's user and address available to `audit_record` while it is served."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = audit_context.set(
            AuditContext(user=getattr(request, "user", None), ip_address=client_address(request))
        )
        try:
            return self.get_response(request)
        finally:
            audit_context.reset(token)


# --- Signing in and out ----------------------------------------------------------------------


@receiver(user_logged_in)
def audit_sign_in(sender, request, user, **kwargs):
    audit_record(Kind.SIGN_IN, subject=user)


@receiver(user_logged_out)
def audit_sign_out(sender, request, user, **kwargs):
    # An account deleted a moment ago is signed out too; its record stays without an address.
    if user is not None and User.objects.filter(pk=user.pk, is_active=True).exists():
        audit_record(Kind.SIGN_OUT, subject=user)


# --- Two-factor authentication ---------------------------------------------------------------


def _authenticator_kind(authenticator) -> str:
    return str(Authenticator.Type(authenticator.type).label)


@receiver(mfa_signals.authenticator_added)
def audit_mfa_added(sender, request, user, authenticator, **kwargs):
    audit_record(Kind.MFA_ADDED, subject=user, method=_authenticator_kind(authenticator))


@receiver(mfa_signals.authenticator_removed)
def audit_mfa_removed(sender, request, user, authenticator, **kwargs):
    audit_record(Kind.MFA_REMOVED, subject=user, method=_authenticator_kind(authenticator))


@receiver(mfa_signals.authenticator_reset)
def audit_mfa_codes_reset(sender, request, user, authenticator, **kwargs):
    audit_record(Kind.MFA_CODES_RESET, subject=user)


@receiver(mfa_signals.authentication_failed)
def audit_mfa_failed(sender, request, user, authenticator, reauthentication=False, **kwargs):
    audit_record(
        Kind.MFA_FAILED, subject=user, when="confirming" if reauthentication else "signing in"
    )


# --- Passwords and e-mail addresses ----------------------------------------------------------


@receiver(account_signals.password_changed)
@receiver(account_signals.password_set)
def audit_password_changed(sender, request, user, **kwargs):
    audit_record(Kind.PASSWORD_CHANGED, subject=user)


@receiver(account_signals.password_reset)
def audit_password_reset(sender, request, user, **kwargs):
    audit_record(Kind.PASSWORD_RESET, subject=user)


@receiver(account_signals.email_added)
def audit_email_added(sender, request, user, email_address, **kwargs):
    audit_record(Kind.EMAIL_ADDED, subject=user, domain=email_domain(email_address.email))


@receiver(account_signals.email_confirmed)
def audit_email_confirmed(sender, request, email_address, **kwargs):
    audit_record(
        Kind.EMAIL_CONFIRMED, subject=email_address.user, domain=email_domain(email_address.email)
    )


@receiver(account_signals.email_changed)
def audit_email_primary_changed(
    sender, request, user, from_email_address, to_email_address, **kwargs
):
    audit_record(
        Kind.EMAIL_PRIMARY_CHANGED,
        subject=user,
        from_domain=email_domain(from_email_address.email) if from_email_address else "",
        to_domain=email_domain(to_email_address.email),
    )


@receiver(account_signals.email_removed)
def audit_email_removed(sender, request, user, email_address, **kwargs):
    audit_record(Kind.EMAIL_REMOVED, subject=user, domain=email_domain(email_address.email))


# --- Changes an administrator makes to someone else's account -------------------------------
# A person's own changes come through allauth's signals above; these catch the admin's user form
# (e-mail, password, superuser, active) and deletions from the admin.

WATCHED_FIELDS = ("email", "password", "is_active", "is_superuser")
BEFORE_SAVE = "_audit_before_save"


def _changed_by_someone_else(user) -> object | None:
    actor = audit_actor()
    return actor if actor is not None and actor.pk != user.pk else None


@receiver(pre_save, sender=User)
def audit_remember_account_fields(sender, instance, raw=False, update_fields=None, **kwargs):
    if raw or instance.pk is None or _changed_by_someone_else(instance) is None:
        return
    if update_fields is not None and not set(update_fields) & set(WATCHED_FIELDS):
        return
    setattr(
        instance, BEFORE_SAVE, User.objects.filter(pk=instance.pk).values(*WATCHED_FIELDS).first()
    )


@receiver(post_save, sender=User)
def audit_account_changes(sender, instance, created, raw=False, **kwargs):
    if raw:
        return
    if created:
        audit_record(Kind.ACCOUNT_CREATED, subject=instance)
        return
    before = instance.__dict__.pop(BEFORE_SAVE, None)
    if not before:
        return
    if before["email"] != instance.email:
        audit_record(
            Kind.EMAIL_PRIMARY_CHANGED,
            subject=instance,
            from_domain=email_domain(before["email"]),
            to_domain=email_domain(instance.email),
        )
    if before["password"] != instance.password:
        audit_record(Kind.PASSWORD_CHANGED, subject=instance)
    if before["is_superuser"] != instance.is_superuser:
        audit_record(
            Kind.ROLE_CHANGED,
            subject=instance,
            superuser="granted" if instance.is_superuser else "removed",
        )
    if before["is_active"] != instance.is_active:
        kind = Kind.ACCOUNT_ENABLED if instance.is_active else Kind.ACCOUNT_DISABLED
        audit_record(kind, subject=instance)


@receiver(pre_delete, sender=User)
def audit_account_deleted_by_someone_else(sender, instance, **kwargs):
    if _changed_by_someone_else(instance) is not None:
        AuditEvent.objects.filter(subject=instance).update(ip_address=None)
        audit_record(Kind.ACCOUNT_DELETED, subject=instance)


# --- Roles ------------------------------------------------------------------------------------

ROLE_NAMES = set(Role.values)
ROLES_BEFORE = "_audit_roles_before"


def roles_of(user) -> list[str]:
    """The user's roles in the matrix's order, then any other groups by name."""
    names = set(user.groups.values_list("name", flat=True))
    return [role for role in Role.values if role in names] + sorted(names - ROLE_NAMES)


@receiver(m2m_changed, sender=User.groups.through)
def audit_role_change(sender, instance, action, reverse, pk_set, **kwargs):
    """Each change to a user's groups: from which roles to which, and who made it.

    Changed from the user's side (`user.groups.add(...)`, the admin's user form) or the group's
    (`group.user_set.add(...)`), each member whose roles changed gets one event. The roles
    before are read just before the change and kept on the signal's instance until just after.
    """
    if roles_recorded_by_caller.get():
        return
    if action.startswith("pre_"):
        if not reverse:
            members = [instance]
        elif action == "pre_clear":
            members = list(instance.user_set.all())
        else:
            members = list(User.objects.filter(pk__in=pk_set or ()))
        setattr(instance, ROLES_BEFORE, {user.pk: (user, roles_of(user)) for user in members})
        return
    for user, before in getattr(instance, ROLES_BEFORE, {}).values():
        after = roles_of(user)
        user.__dict__.pop("_role_names", None)
        if after != before:
            audit_record(Kind.ROLE_CHANGED, subject=user, before=before, after=after)
    if hasattr(instance, ROLES_BEFORE):
        delattr(instance, ROLES_BEFORE)
