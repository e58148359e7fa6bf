"""Certification: each course's rule, the assessed vignette sets, and the certificates issued.

A certificate is a record written once when its holder met the rule; what changes later (its
revocation, its renewal) is added beside it, never written over it, so the history stays. Its
status (valid, expiring soon, expired, revoked, superseded) is worked out from those facts and
today's date, never stored.
"""

from __future__ import annotations

import datetime
from enum import Enum

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel

from courses.certification.codes import code_generate

DEFAULT_PASS_PERCENT = 80
DEFAULT_VALIDITY_MONTHS = 24
DEFAULT_RENEWAL_WINDOW_DAYS = 90


class AssessedSet(ClusterableModel):
    """A fixed set of vignettes answered in assessment mode: one sitting, in a shuffled order, no
    feedback until the whole set is submitted."""

    title = models.CharField(max_length=120)
    pass_percent = models.PositiveSmallIntegerField(
        "pass mark (%)",
        default=DEFAULT_PASS_PERCENT,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
        help_text="The share of cases that must have the right risk group and matched "
        "treatment (or, for suspected serious pathology, a referral naming the condition at the "
        "right urgency and to the right service). Besides it, no case with suspected serious "
        "pathology may be stratified and no case that needs sending now or the same day referred "
        "less urgently.",
    )
    time_limit_minutes = models.PositiveSmallIntegerField(
        "time limit (minutes)",
        default=120,
        validators=[MinValueValidator(10), MaxValueValidator(600)],
        help_text="One sitting: a set not submitted within this time is abandoned.",
    )

    panels = [
        FieldPanel("title"),
        FieldPanel("pass_percent"),
        FieldPanel("time_limit_minutes"),
        InlinePanel("cases", label="Vignettes", min_num=1),
    ]

    class Meta:
        verbose_name = "assessed vignette set"
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title


class AssessedSetCase(Orderable):
    assessed_set = ParentalKey(AssessedSet, on_delete=models.CASCADE, related_name="cases")
    vignette = models.ForeignKey(
        "scoring_practice.VignettePage", on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("vignette")]

    class Meta(Orderable.Meta):
        constraints = [
            models.UniqueConstraint(
                fields=["assessed_set", "vignette"], name="assessed_set_case_once"
            )
        ]


class CertificationRule(ClusterableModel):
    """What a course's certificate asks for, how long it lasts, and how it is renewed."""

    course = models.OneToOneField(
        "courses.CoursePage", on_delete=models.CASCADE, related_name="certification_rule"
    )
    required_lessons = ParentalManyToManyField(
        "courses.LessonPage",
        blank=True,
        related_name="+",
        help_text="Leave empty to require every required lesson of the course.",
    )
    required_quizzes = ParentalManyToManyField(
        "courses.Quiz",
        blank=True,
        related_name="+",
        help_text="Leave empty to require each module's quiz.",
    )
    assessed_set = models.ForeignKey(
        AssessedSet,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="The assessed vignette set to pass; leave empty for none.",
    )
    validity_months = models.PositiveSmallIntegerField(
        "valid for (months)",
        default=DEFAULT_VALIDITY_MONTHS,
        validators=[MinValueValidator(1), MaxValueValidator(120)],
    )
    renewal_window_days = models.PositiveSmallIntegerField(
        "renewal opens (days before expiry)",
        default=DEFAULT_RENEWAL_WINDOW_DAYS,
        validators=[MinValueValidator(1), MaxValueValidator(365)],
    )
    refresher_lessons = ParentalManyToManyField(
        "courses.LessonPage",
        blank=True,
        related_name="+",
        help_text="The refresher's lessons.",
    )
    refresher_quiz = models.ForeignKey(
        "courses.Quiz", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    refresher_set = models.ForeignKey(
        AssessedSet,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="refresher assessed set",
    )
    refresher_cpd_hours = models.DecimalField(
        "refresher CPD hours",
        max_digits=4,
        decimal_places=1,
        default=1,
        validators=[MinValueValidator(0)],
    )

    panels = [
        FieldPanel("course"),
        MultiFieldPanel(
            [
                FieldPanel("required_lessons"),
                FieldPanel("required_quizzes"),
                FieldPanel("assessed_set"),
            ],
            heading="To earn the certificate",
        ),
        MultiFieldPanel(
            [FieldPanel("validity_months"), FieldPanel("renewal_window_days")],
            heading="Validity",
        ),
        MultiFieldPanel(
            [
                FieldPanel("refresher_lessons"),
                FieldPanel("refresher_quiz"),
                FieldPanel("refresher_set"),
                FieldPanel("refresher_cpd_hours"),
            ],
            heading="Refresher (renewal inside the renewal window)",
        ),
    ]

    class Meta:
        verbose_name = "certification rule"

    def __str__(self) -> str:
        return f"Certification: {self.course}"

    @property
    def has_refresher(self) -> bool:
        return bool(self.refresher_quiz_id or self.refresher_set_id) or bool(
            self.pk and self.refresher_lessons.exists()
        )

    def criteria(self, *, renewal: bool) -> str:
        """What earning the certificate takes, in words: the whole rule for a first certificate
        (or a renewal after expiry), the refresher for a renewal in the window."""
        if renewal and self.has_refresher:
            parts = []
            if self.refresher_lessons.exists():
                parts.append("completed the refresher's lessons")
            if self.refresher_quiz_id:
                parts.append("passed the refresher quiz")
            if self.refresher_set is not None:
                parts.append(_set_criteria(self.refresher_set))
            return f"Renewed by completing the course's refresher: {_and(parts)}."
        parts = []
        if not renewal:
            parts.append("completed the course's required lessons")
        parts.append("passed its required quizzes")
        if self.assessed_set is not None:
            parts.append(_set_criteria(self.assessed_set))
        lead = "Renewed by taking the course's assessment again" if renewal else "Met the rule"
        return f"{lead}: {_and(parts)}."


def _and(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])} and {parts[-1]}"


def _set_criteria(assessed_set: AssessedSet) -> str:
    return (
        f"passed an assessed set of case vignettes with at least {assessed_set.pass_percent}% "
        "of cases right (the right STarT Back risk group and matched treatment or, where serious "
        "pathology was suspected, referral naming the suspected condition at the right urgency "
        "and to the right service), no patient with suspected serious pathology stratified and "
        "no emergency referred at a lower urgency"
    )


class Assessment(models.Model):
    """One sitting of an assessed set. Answers are kept as given and judged only when the whole
    set is submitted; the result (and the agreement with the reference) is stored then."""

    class State(models.TextChoices):
        OPEN = "open", "In progress"
        SUBMITTED = "submitted", "Submitted"
        ABANDONED = "abandoned", "Abandoned (time ran out)"

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="assessments"
    )
    assessed_set = models.ForeignKey(AssessedSet, on_delete=models.PROTECT, related_name="+")
    course = models.ForeignKey(
        "courses.CoursePage", on_delete=models.CASCADE, related_name="assessments"
    )
    state = models.CharField(max_length=10, choices=State.choices, default=State.OPEN)
    started_at = models.DateTimeField(default=timezone.now)
    deadline = models.DateTimeField()
    submitted_at = models.DateTimeField(null=True, blank=True)
    passed = models.BooleanField(null=True, blank=True)
    percent_correct = models.PositiveSmallIntegerField(null=True, blank=True)
    result = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-started_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "assessed_set"],
                condition=Q(state="open"),
                name="assessment_one_open_sitting",
            )
        ]

    def __str__(self) -> str:
        return f"{self.assessed_set} – {self.user} – {self.started_at:%Y-%m-%d}"

    def get_absolute_url(self) -> str:
        return reverse("courses:assessment", kwargs={"pk": self.pk})


class AssessmentAnswer(models.Model):
    """One case of a sitting, in the order it was shown: the reference as it stood when the
    sitting started, and what the trainee answered (None until they answer)."""

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="answers")
    position = models.PositiveSmallIntegerField()
    vignette = models.ForeignKey(
        "scoring_practice.VignettePage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reference = models.JSONField()
    answers = models.JSONField(null=True, blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["position"]
        constraints = [
            models.UniqueConstraint(
                fields=["assessment", "position"], name="assessment_answer_position_once"
            )
        ]

    def __str__(self) -> str:
        return f"Case {self.position} of {self.assessment}"


class CertificateStatus(Enum):
    VALID = "valid"
    EXPIRING = "expiring soon"
    EXPIRED = "expired"
    REVOKED = "revoked"
    SUPERSEDED = "superseded by a renewal"

    @property
    def label(self) -> str:
        return self.value.capitalize()

    @property
    def tag_class(self) -> str:
        return {
            CertificateStatus.VALID: "nhsuk-tag--green",
            CertificateStatus.EXPIRING: "nhsuk-tag--yellow",
            CertificateStatus.EXPIRED: "nhsuk-tag--grey",
            CertificateStatus.REVOKED: "nhsuk-tag--red",
            CertificateStatus.SUPERSEDED: "nhsuk-tag--white",
        }[self]

    @property
    def is_current(self) -> bool:
        return self in (CertificateStatus.VALID, CertificateStatus.EXPIRING)


class Certificate(models.Model):
    """A certificate, issued once when its holder met the course's rule.

    The holder's name, the course's title and the CPD hours are copied in at issue, so the
    certificate says what it said on the day. The first certificate for a holder and course is
    unique, and each certificate can be renewed once (`renews` is unique): the database makes a
    second issue impossible, whatever arrives at once.
    """

    code = models.CharField(max_length=12, unique=True, default=code_generate, editable=False)
    # Deleting an account deletes its certificates: a verifier is then told there is none.
    holder = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="certificates"
    )
    holder_name = models.CharField(max_length=80)
    # A certificate outlives its course page: it keeps the title it was issued under.
    course = models.ForeignKey(
        "courses.CoursePage",
        null=True,
        on_delete=models.SET_NULL,
        related_name="certificates",
    )
    course_title = models.CharField(max_length=255)
    cpd_hours = models.DecimalField("CPD hours", max_digits=4, decimal_places=1)
    criteria = models.TextField(
        blank=True,
        help_text="What the holder did to earn it, in words, as the rule stood at issue.",
    )
    issued_on = models.DateField()
    expires_on = models.DateField()
    renewal_window_days = models.PositiveSmallIntegerField(default=DEFAULT_RENEWAL_WINDOW_DAYS)
    renews = models.OneToOneField(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="renewal",
        help_text="The certificate this one renews.",
    )
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoked_reason = models.TextField(blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-issued_on", "-pk"]
        indexes = [
            models.Index(fields=["holder", "-issued_on"], name="certificate_holder_recent"),
            models.Index(fields=["expires_on"], name="certificate_expiry"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["holder", "course"],
                condition=Q(renews__isnull=True),
                name="certificate_first_issue_once",
            ),
            models.CheckConstraint(
                condition=Q(expires_on__gt=models.F("issued_on")),
                name="certificate_expires_after_issue",
            ),
            models.CheckConstraint(
                condition=Q(revoked_at__isnull=True) | ~Q(revoked_reason=""),
                name="certificate_revocation_has_reason",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code} – {self.course_title} – {self.holder_name}"

    def get_absolute_url(self) -> str:
        return reverse("courses:certificate_verify", kwargs={"code": self.code})

    def status(self, today: datetime.date | None = None) -> CertificateStatus:
        """Where the certificate stands today. `renewal` must have been fetched with it (the
        lists and pages do) to avoid a query per certificate."""
        today = today or timezone.localdate()
        if self.revoked_at is not None:
            return CertificateStatus.REVOKED
        if self.renewed_by is not None:
            return CertificateStatus.SUPERSEDED
        if self.expires_on <= today:
            return CertificateStatus.EXPIRED
        if self.renewal_opens_on <= today:
            return CertificateStatus.EXPIRING
        return CertificateStatus.VALID

    @property
    def renewed_by(self) -> Certificate | None:
        try:
            return self.renewal
        except Certificate.DoesNotExist:
            return None

    @property
    def renewal_opens_on(self) -> datetime.date:
        return self.expires_on - datetime.timedelta(days=self.renewal_window_days)

    @property
    def current_status(self) -> CertificateStatus:
        return self.status()


class CertificateReminder(models.Model):
    """A reminder e-mail sent about a certificate's expiry: recorded once per certificate and
    kind, so running the daily job twice sends nothing twice."""

    class Kind(models.TextChoices):
        DAYS_60 = "60_days", "60 days before expiry"
        DAYS_14 = "14_days", "14 days before expiry"
        EXPIRED = "expired", "On expiry"

    certificate = models.ForeignKey(Certificate, on_delete=models.CASCADE, related_name="reminders")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-sent_at"]
        constraints = [
            models.UniqueConstraint(fields=["certificate", "kind"], name="reminder_once_per_kind")
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} – {self.certificate_id}"


class CpdReflection(models.Model):
    """The holder's reflection on a CPD activity (a certificate or a completed course)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="cpd_reflections"
    )
    entry = models.CharField(max_length=40, help_text='"certificate:<id>" or "course:<id>".')
    learned = models.TextField("What I learned", max_length=2000, blank=True)
    apply = models.TextField("How I will apply it", max_length=2000, blank=True)
    effect = models.TextField("The effect on my practice", max_length=2000, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "entry"], name="cpd_reflection_once")
        ]

    def __str__(self) -> str:
        return f"Reflection on {self.entry}"
