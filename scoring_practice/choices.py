"""Choice lists for vignettes, attempts and the drill.

The instrument's own answers and risk groups come from the core (`scoring_practice.startback`);
these lists only add what the practice section needs around them.
"""

from django.db import models

from scoring_practice import startback


class VignetteMode(models.TextChoices):
    """What a vignette asks the trainee to do."""

    QUESTIONNAIRE = "questionnaire", "Score a completed questionnaire"
    CONSULTATION = "consultation", "Listening practice: interpret a consultation"
    TRIAGE = "triage", "Red-flag triage"


class Difficulty(models.TextChoices):
    INTRODUCTORY = "introductory", "Introductory"
    INTERMEDIATE = "intermediate", "Intermediate"
    ADVANCED = "advanced", "Advanced"


class ProfessionFocus(models.TextChoices):
    """Who a vignette is written for; the practice section does not depend on the user model."""

    ANY = "any", "All clinicians"
    GP = "gp", "GPs"
    PHYSIOTHERAPIST = "physiotherapist", "Physiotherapists"
    NURSE = "nurse", "Nurses"


class RiskChoice(models.TextChoices):
    LOW = startback.RiskGroup.LOW.value, startback.RiskGroup.LOW.label
    MEDIUM = startback.RiskGroup.MEDIUM.value, startback.RiskGroup.MEDIUM.label
    HIGH = startback.RiskGroup.HIGH.value, startback.RiskGroup.HIGH.label


REFERRAL = "referral"
REFERRAL_LABEL = "Urgent or emergency referral: do not stratify"


class TreatmentChoice(models.TextChoices):
    """The care a trainee may choose: the three matched treatments, or referral for red flags.

    The matched treatments' values are their risk groups' values, so a treatment is "matched" to a
    group exactly when the two values are equal.
    """

    LOW = (
        startback.RiskGroup.LOW.value,
        startback.MATCHED_TREATMENTS[startback.RiskGroup.LOW].title,
    )
    MEDIUM = (
        startback.RiskGroup.MEDIUM.value,
        startback.MATCHED_TREATMENTS[startback.RiskGroup.MEDIUM].title,
    )
    HIGH = (
        startback.RiskGroup.HIGH.value,
        startback.MATCHED_TREATMENTS[startback.RiskGroup.HIGH].title,
    )
    REFERRAL = REFERRAL, REFERRAL_LABEL


AGREEMENT_CHOICES = [(option.value, option.label) for option in startback.AGREEMENT_OPTIONS]
BOTHERSOMENESS_CHOICES = [
    (option.value, option.label) for option in startback.BOTHERSOMENESS_OPTIONS
]
RED_FLAG_CHOICES = [(flag.key, flag.name) for flag in startback.RED_FLAGS]
# How soon, and where, a patient who is not stratified is sent.
REFERRAL_URGENCY_CHOICES = [
    (urgency.value, urgency.label) for urgency in startback.REFERRAL_URGENCIES
]
DESTINATION_CHOICES = [
    (destination.value, destination.label)
    for destination in startback.Destination
    if destination is not startback.Destination.PRIMARY_CARE
]


def item_choices(number: int) -> list[tuple[str, str]]:
    """The answer options of item `number`, in the order the questionnaire prints them."""
    return [(option.value, option.label) for option in startback.item(number).options]
