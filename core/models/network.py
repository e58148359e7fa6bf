"""The rollout's network: regions, clusters of GP practices linked to the physiotherapy services
they refer to, and the organisations in them.

It lives in `core` so that every layer can scope by it: the profile's organisation, the champion
directory, a cluster's training coverage and a trainer's scope over organisations and clusters.
"""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Lower

from core.validators import normalise_ods_code, validate_ods_code

MESSAGE_CLUSTER_REQUIRED = "Choose the cluster this practice or service belongs to."
MESSAGE_PRACTICE_CODE = "A GP practice's ODS code is a letter and 5 digits, for example A81001."
PRACTICE_CODE = re.compile(r"^[A-Z][0-9]{5}$")


class OrganisationKind(models.TextChoices):
    GP_PRACTICE = "gp_practice", "GP practice"
    PHYSIOTHERAPY = "physiotherapy", "Physiotherapy service"
    COMMUNITY_TRUST = "community_trust", "Community trust"
    ICB = "icb", "Integrated care board"
    OTHER = "other", "Other"


# Practices and physiotherapy services make up a cluster; the others may serve several.
IN_A_CLUSTER = frozenset({OrganisationKind.GP_PRACTICE, OrganisationKind.PHYSIOTHERAPY})


class Region(models.Model):
    name = models.CharField(max_length=120, unique=True)
    slug = models.SlugField(max_length=120, unique=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Cluster(models.Model):  # type: ignore[django-manager-missing]
    """GP practices and the physiotherapy services they refer to, with local champions."""

    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="clusters")
    name = models.CharField(max_length=120, unique=True)
    slug = models.SlugField(max_length=120, unique=True)
    description = models.TextField(blank=True, help_text="A sentence or two on the area.")

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Organisation(models.Model):
    name = models.CharField(max_length=200)
    kind = models.CharField("type", max_length=20, choices=OrganisationKind.choices)
    ods_code = models.CharField(
        "ODS code",
        max_length=6,
        blank=True,
        null=True,
        unique=True,
        validators=[validate_ods_code],
        help_text="The organisation's code in the NHS Organisation Data Service, e.g. A81001 "
        "for a GP practice. Optional.",
    )
    cluster = models.ForeignKey(
        Cluster,
        on_delete=models.PROTECT,
        related_name="organisations",
        null=True,
        blank=True,
        help_text="Required for GP practices and physiotherapy services.",
    )
    refers_to = models.ManyToManyField(
        "self",
        symmetrical=False,
        blank=True,
        related_name="referred_from",
        limit_choices_to={"kind": OrganisationKind.PHYSIOTHERAPY},
        help_text="For a GP practice: the physiotherapy services it refers patients to.",
    )

    class Meta:
        ordering = ["name"]
        indexes = [models.Index(Lower("name"), name="organisation_name_lower")]

    def __str__(self) -> str:
        return f"{self.name} ({self.ods_code})" if self.ods_code else self.name

    def save(self, *args, **kwargs) -> None:
        # A blank code is stored as NULL, so any number of organisations can have none.
        self.ods_code = normalise_ods_code(self.ods_code or "") or None
        super().save(*args, **kwargs)

    def clean(self) -> None:
        super().clean()
        self.ods_code = normalise_ods_code(self.ods_code or "") or None
        if (
            self.kind == OrganisationKind.GP_PRACTICE
            and self.ods_code
            and not PRACTICE_CODE.match(self.ods_code)
        ):
            raise ValidationError({"ods_code": MESSAGE_PRACTICE_CODE})
        if self.kind in IN_A_CLUSTER and self.cluster_id is None:
            raise ValidationError({"cluster": MESSAGE_CLUSTER_REQUIRED})
