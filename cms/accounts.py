"""Hooks into django-allauth: what happens when somebody signs up, and failed sign-ins audited."""

from django.core.cache import cache
from django.core.exceptions import ValidationError

from allauth.account.adapter import DefaultAccountAdapter

from cms.audit import client_address
from core.audit import Kind, audit_record
from core.choices import Role
from core.models import User
from core.services import user_assign_role

LOCK_OUT_RECORDED_KEY = "cms:lock-out-recorded:{who}"
LOCK_OUT_RECORD_SECONDS = 60


def _account_for(credentials) -> User | None:
    email = (credentials.get("email") or credentials.get("username") or "").strip()
    return User.objects.filter(email__iexact=email).first() if email else None


class AccountAdapter(DefaultAccountAdapter):
    """Everyone who signs up becomes a trainee; failed and refused sign-ins are audited."""

    def save_user(self, request, user, form, commit=True):
        user.signed_up = True
        user = super().save_user(request, user, form, commit=commit)
        if commit:
            user_assign_role(user=user, role=Role.TRAINEE)
        return user

    def pre_authenticate(self, request, **credentials):
        try:
            super().pre_authenticate(request, **credentials)
        except ValidationError:
            # The per-account or per-address limit has been reached: this attempt is refused
            # without the password being checked. Recorded once a minute per account (or per
            # address, for an unknown one), so a flood of refused attempts cannot flood the log.
            account = _account_for(credentials)
            who = f"account:{account.pk}" if account else f"address:{client_address(request)}"
            if cache.add(LOCK_OUT_RECORDED_KEY.format(who=who), True, LOCK_OUT_RECORD_SECONDS):
                audit_record(
                    Kind.SIGN_IN_LOCKED, subject=account, known_account=account is not None
                )
            raise

    def authentication_failed(self, request, **credentials):
        # The password is not recorded, nor what was typed as the address when it matches no
        # account: only whether it did.
        account = _account_for(credentials)
        audit_record(Kind.SIGN_IN_FAILED, subject=account, known_account=account is not None)
