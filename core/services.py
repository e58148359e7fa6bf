"""Writes for accounts and roles."""

from django.contrib.auth.models import Group
from django.db import transaction

from core.choices import Role
from core.models import User


@transaction.atomic
def user_assign_role(*, user: User, role: Role) -> None:
    """Put the user in the role's group (created by migration; created here if it has gone)."""
    group, _ = Group.objects.get_or_create(name=role.value)
    user.groups.add(group)
    user.__dict__.pop("_role_names", None)
