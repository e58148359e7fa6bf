"""Cohorts and trainers' scopes: who a trainer is responsible for.

A trainer sees the members of their cohorts and the clinicians at the organisations and clusters
an administrator assigned them to; never everybody by default (see `courses.cohorts.scope`).
"""

from __future__ import annotations

import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone

from wagtail.admin.panels import FieldPanel

MESSAGE_DATES = "The cohort must end on or after the day it starts."
MESSAGE_ONE_SCOPE = "Choose an organisation or a cluster (one of the two)."


def join_token() -> str:
    return secrets.token_urlsafe(24)


class Cohort(models.Model):
    """A group of trainees working through one course together, with their trainers."""

    name = models.CharField(max_length=120)
    course = models.ForeignKey(
        "courses.CoursePage", on_delete=models.PROTECT, related_name="cohorts"
    )
    starts_on = models.DateField()
    ends_on = models.DateField()
    trainers = models.ManyToManyField(
        settings.AUTH_USER_MODEL, related_name="cohorts_led", blank=True
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-starts_on", "name", "pk"]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        super().clean()
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": MESSAGE_DATES})


class CohortMember(models.Model):
    class Via(models.TextChoices):
        EMAIL = "email", "Added by e-mail"
        LINK = "link", "Joined by link"
        CSV = "csv", "Imported from a file"
        INVITATION = "invitation", "Accepted an invitation"

    cohort = models.ForeignKey(Cohort, on_delete=models.CASCADE, related_name="members")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="cohort_memberships"
    )
    via = models.CharField(max_length=12, choices=Via.choices)
    joined_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["joined_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["cohort", "user"], name="cohort_member_once")
        ]

    def __str__(self) -> str:
        return f"{self.user} in {self.cohort}"


class CohortInvitation(models.Model):
    """Someone added by e-mail (or in a file) who has no account yet: they join the cohort when
    they sign up with that address."""

    cohort = models.ForeignKey(Cohort, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField("e-mail address")
    full_name = models.CharField(max_length=150, blank=True)
    profession = models.CharField(max_length=20, blank=True)
    organisation = models.ForeignKey(
        "core.Organisation", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    invited_at = models.DateTimeField(default=timezone.now)
    accepted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["invited_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["cohort", "email"], name="cohort_invitation_once")
        ]

    def __str__(self) -> str:
        return f"{self.email} to {self.cohort}"


class JoinLink(models.Model):
    """A shareable address that puts whoever signs in and follows it into the cohort, until it
    expires or a trainer revokes it."""

    cohort = models.ForeignKey(Cohort, on_delete=models.CASCADE, related_name="join_links")
    token = models.CharField(max_length=64, unique=True, default=join_token)
    expires_at = models.DateTimeField()
    revoked_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"Join link for {self.cohort}"

    def is_usable(self, now=None) -> bool:
        now = now or timezone.now()
        return self.revoked_at is None and self.expires_at > now


class TrainerAssignment(models.Model):
    """An administrator makes a trainer responsible for an organisation's or a cluster's
    clinicians."""

    trainer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="trainer_assignments"
    )
    organisation = models.ForeignKey(
        "core.Organisation", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    cluster = models.ForeignKey(
        "core.Cluster", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    panels = [FieldPanel("trainer"), FieldPanel("organisation"), FieldPanel("cluster")]

    class Meta:
        ordering = ["trainer", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(organisation__isnull=False, cluster__isnull=True)
                | Q(organisation__isnull=True, cluster__isnull=False),
                name="trainer_assignment_one_scope",
            ),
            models.UniqueConstraint(
                fields=["trainer", "organisation"],
                condition=Q(organisation__isnull=False),
                name="trainer_assignment_organisation_once",
            ),
            models.UniqueConstraint(
                fields=["trainer", "cluster"],
                condition=Q(cluster__isnull=False),
                name="trainer_assignment_cluster_once",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.trainer}: {self.organisation or self.cluster}"

    def clean(self) -> None:
        super().clean()
        if bool(self.organisation_id) == bool(self.cluster_id):
            raise ValidationError(MESSAGE_ONE_SCOPE)


class ReminderBatch(models.Model):
    """Reminder e-mails a trainer sent to the trainees in a scope who had not completed: the
    record of who was reminded, when, and by whom."""

    trainer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    course = models.ForeignKey(
        "courses.CoursePage", on_delete=models.SET_NULL, null=True, related_name="+"
    )
    scope = models.CharField(max_length=300, help_text="The dashboard's scope, in words.")
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    recipients = models.ManyToManyField(
        settings.AUTH_USER_MODEL, related_name="reminders_received", blank=True
    )

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"Reminders from {self.trainer} on {self.created_at:%d/%m/%Y}"
