"""What trainees answered: vignette attempts and drill answers."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone

from scoring_practice import readings
from scoring_practice.choices import RiskChoice
from scoring_practice.feedback import Feedback, Submission, attempt_feedback
from scoring_practice.reference import Reference


class Attempt(models.Model):
    """One trainee's answer to one vignette, with a snapshot of what they were asked.

    `reference` is the vignette's question and reference answers as they stood in `revision`, so
    later edits to the page never rewrite a past attempt's feedback. `token` comes from the form
    the trainee was shown; it is unique, so submitting the same form twice records one attempt.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="vignette_attempts"
    )
    page = models.ForeignKey(
        "scoring_practice.VignettePage",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="attempts",
    )
    revision = models.ForeignKey(
        "wagtailcore.Revision",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="The revision of the vignette the trainee answered.",
    )
    token = models.UUIDField(editable=False)
    reference = models.JSONField(help_text="The vignette's reference answers when asked.")
    answers = models.JSONField(help_text="What the trainee submitted.")
    scores = models.JSONField(
        null=True, blank=True, help_text="The tool's scores of the answers the trainee scored."
    )
    mistakes = models.JSONField(default=list, blank=True)
    triage_correct = models.BooleanField(null=True, blank=True)
    items_correct = models.PositiveSmallIntegerField(null=True, blank=True)
    total_correct = models.BooleanField(null=True, blank=True)
    psychosocial_correct = models.BooleanField(null=True, blank=True)
    risk_correct = models.BooleanField(null=True, blank=True)
    treatment_correct = models.BooleanField()
    outcome_correct = models.BooleanField(
        help_text="The key decision: the right risk group, or referral at the right urgency "
        "when serious pathology is suspected."
    )
    started_at = models.DateTimeField(null=True, blank=True)
    submitted_at = models.DateTimeField(default=timezone.now)
    time_taken = models.DurationField(null=True, blank=True)
    # Worked out from the snapshot on saving (see `readings`), for the trainers' figures.
    # The database's default keeps an insert that does not name them (code from before them, a
    # raw insert) working; the figures leave blank readings out.
    item_marks = models.CharField(
        max_length=9,
        blank=True,
        editable=False,
        db_default="",
        help_text="One mark per item: r right, o over-scored, u under-scored, . not read.",
    )
    reference_group = models.CharField(max_length=6, blank=True, editable=False, db_default="")
    given_group = models.CharField(max_length=6, blank=True, editable=False, db_default="")

    class Meta:
        ordering = ["-submitted_at", "-pk"]
        indexes = [
            models.Index(fields=["user", "-submitted_at"], name="attempt_user_recent"),
            # On PostgreSQL the trainers' figures are read from this index alone, not the table
            # with its large snapshots.
            models.Index(
                fields=["user"],
                include=[
                    "submitted_at",
                    "outcome_correct",
                    "item_marks",
                    "reference_group",
                    "given_group",
                    "mistakes",
                ],
                name="attempt_user_readings",
            ),
        ]
        constraints = [
            models.UniqueConstraint(fields=["token"], name="attempt_token_unique"),
            models.CheckConstraint(
                condition=Q(items_correct__isnull=True) | Q(items_correct__lte=9),
                name="attempt_items_correct_at_most_9",
            ),
            models.CheckConstraint(
                condition=Q(started_at__isnull=True) | Q(started_at__lte=F("submitted_at")),
                name="attempt_started_before_submitted",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title or 'Vignette'} – {self.user} – {self.submitted_at:%Y-%m-%d}"

    def save(self, *args, **kwargs) -> None:
        self.fill_readings()
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("scoring_practice:attempt_detail", kwargs={"pk": self.pk})

    def fill_readings(self) -> None:
        """Work out the item marks and the two groups from the snapshot (bulk inserts, which
        skip `save`, call this themselves)."""
        self.item_marks = readings.item_marks(self.reference or {}, self.answers or {})
        self.reference_group = readings.reference_group(self.reference or {})
        self.given_group = readings.given_group(self.answers or {})

    @property
    def title(self) -> str:
        return self.reference.get("title", "")

    def feedback(self) -> Feedback:
        """The feedback for this attempt, worked out again from the stored snapshot."""
        return attempt_feedback(
            reference=Reference.from_json(self.reference),
            submission=Submission.from_json(self.answers),
        )


class DrillAnswer(models.Model):
    """One answer in the scoring drill by a signed-in trainee, kept for their progress.

    `streak` is the run of right answers ending with this one, so the current and best streaks
    are read without walking the whole history. `token` is the case's; a case is recorded once.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="drill_answers"
    )
    token = models.UUIDField(editable=False)
    answers = models.JSONField(help_text="The synthetic questionnaire, keyed by item number.")
    total = models.PositiveSmallIntegerField()
    psychosocial = models.PositiveSmallIntegerField()
    risk = models.CharField(max_length=10, choices=RiskChoice.choices)
    given_risk = models.CharField(max_length=10, choices=RiskChoice.choices)
    given_total = models.PositiveSmallIntegerField(null=True, blank=True)
    given_psychosocial = models.PositiveSmallIntegerField(null=True, blank=True)
    correct = models.BooleanField()
    mistakes = models.JSONField(default=list, blank=True)
    streak = models.PositiveIntegerField(default=0)
    answered_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-answered_at", "-pk"]
        indexes = [models.Index(fields=["user", "-answered_at"], name="drill_user_recent")]
        constraints = [
            models.UniqueConstraint(fields=["token"], name="drill_answer_token_unique"),
            models.CheckConstraint(condition=Q(total__lte=9), name="drill_total_at_most_9"),
            models.CheckConstraint(
                condition=Q(psychosocial__lte=5), name="drill_psychosocial_at_most_5"
            ),
            models.CheckConstraint(
                condition=Q(correct=True) | Q(streak=0), name="drill_wrong_answer_ends_streak"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.answered_at:%Y-%m-%d %H:%M}"
