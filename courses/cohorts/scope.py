"""Who a trainer may see: the one selector every trainer page, drill-down and export uses.

- An administrator (or superuser) sees every active account.
- A trainer sees the members of the cohorts they lead, and the clinicians at the organisations
  and in the clusters an administrator assigned them to. Nobody else, by default.
- Anyone else sees nobody. (A champion sees their cluster's totals on its page, not people.)
"""

from __future__ import annotations

from django.db.models import Q, QuerySet
from django.http import Http404

from core.choices import Role
from core.models import User
from core.roles import user_is_trainer
from courses.cohorts.models import Cohort, TrainerAssignment


def sees_everyone(user) -> bool:
    return bool(user.is_authenticated and (user.is_superuser or user.has_role(Role.ADMINISTRATOR)))


def trainees_in_scope(user) -> QuerySet[User]:
    """The active accounts this user is responsible for."""
    active = User.objects.filter(is_active=True)
    if sees_everyone(user):
        return active
    if not user_is_trainer(user):
        return User.objects.none()
    assignments = TrainerAssignment.objects.filter(trainer=user)
    within = (
        Q(cohort_memberships__cohort__trainers=user)
        | Q(organisation__in=assignments.exclude(organisation=None).values("organisation"))
        | Q(organisation__cluster__in=assignments.exclude(cluster=None).values("cluster"))
    )
    return active.filter(pk__in=User.objects.filter(within).values("pk"))


def cohorts_in_scope(user) -> QuerySet[Cohort]:
    """The cohorts this user may see and manage: all for an administrator, their own for a
    trainer."""
    if sees_everyone(user):
        return Cohort.objects.all()
    if not user_is_trainer(user):
        return Cohort.objects.none()
    return Cohort.objects.filter(trainers=user)


def cohort_in_scope_or_404(user, pk: int) -> Cohort:
    cohort = cohorts_in_scope(user).select_related("course").filter(pk=pk).first()
    if cohort is None:
        raise Http404("No such cohort")
    return cohort


def trainee_in_scope_or_404(user, pk: int) -> User:
    trainee = trainees_in_scope(user).filter(pk=pk).select_related("organisation").first()
    if trainee is None:
        raise Http404("No such trainee")
    return trainee
