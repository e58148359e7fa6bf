"""Hooks into django-allauth: what happens when somebody signs up."""

from allauth.account.adapter import DefaultAccountAdapter

from core.choices import Role
from core.services import user_assign_role


class AccountAdapter(DefaultAccountAdapter):
    """Everyone who signs up becomes a trainee."""

    def save_user(self, request, user, form, commit=True):
        user = super().save_user(request, user, form, commit=commit)
        if commit:
            user_assign_role(user=user, role=Role.TRAINEE)
        return user
