"""Clinical review dates, kept on every piece of content clinicians act on."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from wagtail.admin.panels import FieldPanel, MultiFieldPanel

# How far ahead "due for review" looks, so a review can be booked before it lapses.
REVIEW_NOTICE_DAYS = 90

MESSAGE_REVIEW_INCOMPLETE = "Give who reviewed the content and when, or leave all three empty."
MESSAGE_REVIEW_FUTURE = "The review date cannot be in the future."
MESSAGE_NEXT_BEFORE_REVIEW = "The next review must be due after the last one."


class ClinicalReview(models.Model):
    """Who last reviewed a page's content clinically, when, and when the next review is due.

    Shown on the page as NHS patient information shows it ("Last reviewed … Next review due …"),
    and listed for trainers once a review is due within `REVIEW_NOTICE_DAYS` or has lapsed.
    """

    reviewed_by = models.CharField(
        "clinically reviewed by",
        max_length=200,
        blank=True,
        help_text="The reviewer's name and role, e.g. “Dr A Patel, GP and clinical lead”.",
    )
    reviewed_on = models.DateField("last reviewed", null=True, blank=True)
    next_review_due = models.DateField(null=True, blank=True)

    review_panels = [
        MultiFieldPanel(
            [FieldPanel("reviewed_by"), FieldPanel("reviewed_on"), FieldPanel("next_review_due")],
            heading="Clinical review",
        )
    ]

    class Meta:
        abstract = True

    def clean(self) -> None:
        super().clean()
        given = [self.reviewed_by, self.reviewed_on, self.next_review_due]
        if any(given) and not all(given):
            raise ValidationError(MESSAGE_REVIEW_INCOMPLETE)
        if self.reviewed_on and self.reviewed_on > timezone.localdate():
            raise ValidationError({"reviewed_on": MESSAGE_REVIEW_FUTURE})
        if self.reviewed_on and self.next_review_due and self.next_review_due <= self.reviewed_on:
            raise ValidationError({"next_review_due": MESSAGE_NEXT_BEFORE_REVIEW})

    def reviewed_before(self, review: dict | None) -> bool:
        """Whether a content file's review record (`{reviewed_on: …}`) is later than this page's
        own review: the file then supersedes the page (`load_content --refresh-reviewed`)."""
        reviewed_on = (review or {}).get("reviewed_on")
        if reviewed_on is None:
            return False
        return self.reviewed_on is None or self.reviewed_on < reviewed_on

    def review_due(self, *, today: datetime.date | None = None) -> bool:
        """Never reviewed, or the next review falls due within the notice period."""
        today = today or timezone.localdate()
        if self.next_review_due is None:
            return True
        return self.next_review_due <= today + datetime.timedelta(days=REVIEW_NOTICE_DAYS)
