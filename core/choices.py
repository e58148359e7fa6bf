"""Choice lists used across the site."""

from django.db import models


class Profession(models.TextChoices):
    GP = "gp", "GP"
    PHYSIOTHERAPIST = "physiotherapist", "Physiotherapist"
    NURSE = "nurse", "Nurse"
    PHARMACIST = "pharmacist", "Pharmacist"
    OTHER = "other", "Other"


class Role(models.TextChoices):
    """The Django groups that make up the platform's roles; the values are the group names."""

    TRAINEE = "Trainee", "Trainee"
    CHAMPION = "Champion", "Champion"
    TRAINER = "Trainer", "Trainer"
    ADMINISTRATOR = "Administrator", "Administrator"
