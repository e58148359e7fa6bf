"""What the cohorts part of the site holds about one person, for their data download."""

from __future__ import annotations

from django.db.models import Count, QuerySet

from allauth.account.models import EmailAddress

from core.models import User
from courses.cohorts.models import (
    Cohort,
    CohortInvitation,
    CohortMember,
    JoinLink,
    ReminderBatch,
    TrainerAssignment,
)


def _verified_addresses(user: User) -> QuerySet:
    return EmailAddress.objects.filter(user=user, verified=True).values("email")


def invitations_pending(*, user: User) -> QuerySet[CohortInvitation]:
    """The invitations waiting for this person: to any address of theirs that is verified."""
    return (
        CohortInvitation.objects.filter(
            accepted_at__isnull=True, email__in=_verified_addresses(user)
        )
        .exclude(cohort__members__user=user)
        .select_related("cohort__course")
        .order_by("invited_at", "pk")
    )


def _when(moment) -> str | None:
    return moment.isoformat() if moment else None


def cohorts_personal_data(*, user: User) -> dict:
    """The person's cohorts and invitations, the reminders they were sent, and, for a trainer,
    the cohorts they lead, the join links they made, their assignments and the reminders they
    sent (counted: the recipients are other people)."""
    return {
        "cohorts": [
            {
                "cohort": member.cohort.name,
                "course": member.cohort.course.title,
                "joined_at": _when(member.joined_at),
                "how": member.get_via_display(),
            }
            for member in CohortMember.objects.filter(user=user).select_related("cohort__course")
        ],
        "cohort_invitations": [
            {
                "cohort": invitation.cohort.name,
                "to": invitation.email,
                "invited_at": _when(invitation.invited_at),
                "accepted_at": _when(invitation.accepted_at),
            }
            for invitation in CohortInvitation.objects.filter(
                email__in=_verified_addresses(user)
            ).select_related("cohort")
        ],
        "reminders_received": [
            {
                "sent_at": _when(batch.created_at),
                "course": batch.course.title if batch.course else None,
            }
            for batch in ReminderBatch.objects.filter(recipients=user).select_related("course")
        ],
        "cohorts_led": [
            {
                "cohort": cohort.name,
                "course": cohort.course.title,
                "created_by_you": cohort.created_by_id == user.pk,
            }
            for cohort in Cohort.objects.filter(trainers=user).select_related("course")
        ],
        "join_links_made": [
            {
                "cohort": link.cohort.name,
                "made_at": _when(link.created_at),
                "expires_at": _when(link.expires_at),
                "withdrawn_at": _when(link.revoked_at),
            }
            for link in JoinLink.objects.filter(created_by=user).select_related("cohort")
        ],
        "trainer_assignments": [
            {
                "organisation": assignment.organisation.name if assignment.organisation else None,
                "cluster": assignment.cluster.name if assignment.cluster else None,
                "assigned_at": _when(assignment.created_at),
            }
            for assignment in TrainerAssignment.objects.filter(trainer=user).select_related(
                "organisation", "cluster"
            )
        ],
        "reminders_sent": [
            {
                "sent_at": _when(batch.created_at),
                "course": batch.course.title if batch.course else None,
                "scope": batch.scope,
                "people_reminded": batch.people_reminded,
            }
            for batch in ReminderBatch.objects.filter(trainer=user)
            .select_related("course")
            .annotate(people_reminded=Count("recipients"))
        ],
    }
