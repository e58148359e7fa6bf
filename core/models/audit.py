"""The security audit log: who did what to which account, and when."""

from django.conf import settings
from django.db import models
from django.utils import timezone


class AuditEvent(models.Model):
    """One security event, written once and never edited.

    `subject_reference` and `actor_reference` ("account 123") stay when the account is deleted,
    so the log keeps an anonymous reference rather than anybody's name or address; `detail`
    never holds a password, a code or an e-mail address (at most an address's domain).
    """

    class Kind(models.TextChoices):
        SIGN_IN = "sign_in", "Signed in"
        SIGN_IN_FAILED = "sign_in_failed", "Sign-in failed"
        SIGN_IN_LOCKED = "sign_in_locked", "Sign-in refused: too many failed attempts"
        SIGN_OUT = "sign_out", "Signed out"
        MFA_ADDED = "mfa_added", "Two-factor authentication set up"
        MFA_REMOVED = "mfa_removed", "Two-factor authentication removed"
        MFA_CODES_RESET = "mfa_codes_reset", "Recovery codes replaced"
        MFA_FAILED = "mfa_failed", "Two-factor code refused"
        PASSWORD_CHANGED = "password_changed", "Password changed"
        PASSWORD_RESET = "password_reset", "Password reset by e-mail"
        EMAIL_ADDED = "email_added", "E-mail address added"
        EMAIL_CONFIRMED = "email_confirmed", "E-mail address confirmed"
        EMAIL_PRIMARY_CHANGED = "email_primary_changed", "Primary e-mail address changed"
        EMAIL_REMOVED = "email_removed", "E-mail address removed"
        ROLE_CHANGED = "role_changed", "Roles changed"
        ACCOUNT_CREATED = "account_created", "Account created"
        ACCOUNT_DISABLED = "account_disabled", "Account disabled"
        ACCOUNT_ENABLED = "account_enabled", "Account enabled again"
        DATA_EXPORTED = "data_exported", "Personal data downloaded"
        ACCOUNT_DELETED = "account_deleted", "Account deleted"
        ACCOUNT_EXPIRED = "account_expired", "Unverified account removed"
        CERTIFICATE_ISSUED = "certificate_issued", "Certificate issued"
        CERTIFICATE_RENEWED = "certificate_renewed", "Certificate renewed"
        CERTIFICATE_REMINDER = "certificate_reminder", "Certificate expiry reminder sent"
        CERTIFICATE_REVOKED = "certificate_revoked", "Certificate revoked"
        CHAMPION_APPLIED = "champion_applied", "Applied to be a champion"
        CHAMPION_APPROVED = "champion_approved", "Champion application approved"
        CHAMPION_DECLINED = "champion_declined", "Champion application declined"
        TRAINEES_EXPORTED = "trainees_exported", "Trainee list exported"

    occurred_at = models.DateTimeField(default=timezone.now, db_index=True)
    kind = models.CharField(max_length=32, choices=Kind.choices, db_index=True)
    subject = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The account the event is about, while it exists.",
    )
    subject_reference = models.CharField("account", max_length=32, blank=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Who did it, when not the account holder themselves.",
    )
    actor_reference = models.CharField("by", max_length=32, blank=True, db_index=True)
    ip_address = models.GenericIPAddressField("network address", null=True, blank=True)
    detail = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-occurred_at", "-pk"]
        verbose_name = "audit event"

    def __str__(self) -> str:
        return f"{self.get_kind_display()} – {self.subject_reference or 'unknown account'}"

    @property
    def summary(self) -> str:
        """The detail as one readable line, for the admin's list."""
        return "; ".join(
            f"{key.replace('_', ' ')}: {', '.join(value) if isinstance(value, list) else value}"
            for key, value in sorted(self.detail.items())
        )
