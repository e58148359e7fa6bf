"""Champion profiles: an application a trainer approves or declines, then a directory entry the
champion keeps up to date."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse

from core.choices import Profession


class NetworkRole(models.TextChoices):
    CLINICAL_CHAMPION = "clinical_champion", "Clinical champion"
    TRAINER = "trainer", "Trainer"
    CHANGE_AGENT = "change_agent", "Change agent"


class ChampionProfile(models.Model):  # type: ignore[django-manager-missing]
    """One person's place in the champion network. It starts as an application (pending); a
    trainer or administrator approves it (the person joins the Champion role and is listed) or
    declines it with a reason. Certification status is never stored: it is read from the
    person's certificates."""

    class Status(models.TextChoices):
        PENDING = "pending", "Awaiting a decision"
        APPROVED = "approved", "Approved"
        DECLINED = "declined", "Declined"

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="champion_profile"
    )
    display_name = models.CharField(max_length=80)
    network_role = models.CharField(
        "role in the network", max_length=20, choices=NetworkRole.choices
    )
    profession = models.CharField(max_length=20, choices=Profession.choices)
    organisations = models.ManyToManyField(
        "core.Organisation", related_name="champions", blank=True
    )
    cluster = models.ForeignKey(
        "core.Cluster",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="champions",
    )
    bio = models.TextField(
        blank=True,
        help_text="As the champion wrote it; shown sanitised to paragraphs, emphasis, lists and "
        "links (see `core.sanitise.sanitise_bio`).",
    )
    photo = models.ForeignKey(
        "wagtailimages.Image",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    show_email = models.BooleanField(
        "show my e-mail address to signed-in users",
        default=False,
    )
    listed = models.BooleanField("listed in the directory", default=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    reason = models.CharField("why I would like to be a champion", max_length=1000, blank=True)
    decline_reason = models.TextField(blank=True)
    applied_at = models.DateTimeField(auto_now_add=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["display_name", "pk"]
        indexes = [
            models.Index(fields=["status", "listed", "display_name"]),
        ]

    def __str__(self) -> str:
        return self.display_name

    def get_absolute_url(self) -> str:
        return reverse("champion", kwargs={"pk": self.pk})

    @property
    def in_directory(self) -> bool:
        return self.status == self.Status.APPROVED and self.listed
