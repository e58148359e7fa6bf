"""Template helpers for the practice section: ticked questionnaires, labels and durations."""

from __future__ import annotations

from datetime import timedelta

from django import template

from scoring_practice import startback
from scoring_practice.blocks import questionnaire_answers
from scoring_practice.choices import (
    DESTINATION_CHOICES,
    RED_FLAG_CHOICES,
    REFERRAL_URGENCY_CHOICES,
    Difficulty,
    ProfessionFocus,
    RiskChoice,
    TreatmentChoice,
    VignetteMode,
)
from scoring_practice.feedback import ALL_MISTAKES

register = template.Library()

LABELS = {
    "mode": dict(VignetteMode.choices),
    "difficulty": dict(Difficulty.choices),
    "focus": dict(ProfessionFocus.choices),
    "risk": dict(RiskChoice.choices),
    "treatment": dict(TreatmentChoice.choices),
    "red_flag": dict(RED_FLAG_CHOICES),
    "urgency": dict(REFERRAL_URGENCY_CHOICES),
    "destination": dict(DESTINATION_CHOICES),
}


@register.simple_tag
def questionnaire_rows(answers) -> dict:
    """A ticked questionnaire for display: agree/disagree items and item 9 with each option."""
    # A questionnaire block's value is keyed "item_1"…; other callers key by item number.
    if "item_1" in answers:
        answers = questionnaire_answers(answers)
    else:
        answers = {int(n): value for n, value in answers.items()}
    rows = [
        {
            "item": question,
            "options": [
                {"label": option.label, "ticked": answers.get(question.number) == option.value}
                for option in question.options
            ],
        }
        for question in startback.ITEMS
    ]
    return {
        "agreement": rows[:-1],
        "agreement_options": [option.label for option in startback.AGREEMENT_OPTIONS],
        "bothersomeness": rows[-1],
        "preamble": startback.PREAMBLE,
        "statement": startback.STATEMENT,
    }


@register.simple_tag
def red_flag_names() -> list[str]:
    """The suspected conditions of the red-flag data, as a sentence names them."""
    return [startback.RED_FLAG_IN_WORDS[flag.key] for flag in startback.RED_FLAGS]


@register.simple_tag
def safety_net() -> dict:
    """What every patient is told to watch for: when to go to A&E now, when to get help the
    same day, and when to come back soon, each with its heading."""
    return {
        key: {"heading": heading, "signs": signs}
        for key, heading, signs in startback.SAFETY_NETTING
    }


@register.filter
def mistake_title(code: str) -> str:
    """A stored mistake code as the heading its feedback gave it."""
    mistake = ALL_MISTAKES.get(code)
    return mistake.title if mistake else code


@register.filter
def label(value, kind: str) -> str:
    """The display label of a stored choice value, e.g. `{{ attempt.mode|label:"mode" }}`."""
    if value in (None, ""):
        return ""
    return LABELS.get(kind, {}).get(value, value)


@register.filter
def duration(value: timedelta | None) -> str:
    """A time taken in words: "45 seconds", "3 min 20 s", "1 h 5 min"."""
    if value is None:
        return "Not recorded"
    seconds = int(value.total_seconds())
    if seconds < 60:
        return f"{seconds} second{'' if seconds == 1 else 's'}"
    minutes, seconds = divmod(seconds, 60)
    if minutes < 60:
        return f"{minutes} min {seconds} s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes} min"
