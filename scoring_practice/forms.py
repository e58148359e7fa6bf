"""Forms for the practice section: answering a vignette, filtering the list, the drill."""

from __future__ import annotations

from django import forms

from scoring_practice import startback
from scoring_practice.choices import (
    DESTINATION_CHOICES,
    RED_FLAG_CHOICES,
    REFERRAL,
    REFERRAL_URGENCY_CHOICES,
    Difficulty,
    ProfessionFocus,
    RiskChoice,
    TreatmentChoice,
    VignetteMode,
    item_choices,
)
from scoring_practice.feedback import Submission

MESSAGE_STRATIFIABLE_REQUIRED = "Select whether this patient can be stratified"
MESSAGE_RED_FLAGS_REQUIRED = "Select the serious condition you suspect"
MESSAGE_URGENCY_REQUIRED = "Select how urgently the patient should be seen"
MESSAGE_DESTINATION_REQUIRED = "Select where the patient should go"
MESSAGE_ITEM_REQUIRED = "Select the answer the story supports for item {number}"
MESSAGE_TOTAL = "Enter the total score as a whole number from 0 to 9"
MESSAGE_PSYCHOSOCIAL = "Enter the psychosocial subscale score as a whole number from 0 to 5"
MESSAGE_RISK_REQUIRED = "Select the risk group"
MESSAGE_TREATMENT_REQUIRED = "Select the treatment"
MESSAGE_TICKET_EXPIRED = (
    "This form had expired or was not issued to you. Your answers are kept: check them and "
    "submit again."
)
MESSAGE_DRILL_RISK_REQUIRED = "Select the risk group for this questionnaire"

YES = "yes"
NO = "no"
STRATIFIABLE_CHOICES = [
    (YES, "Yes: nothing raises the suspicion of serious pathology, so I can use the tool"),
    (NO, "No: serious pathology is suspected, so the patient needs referral"),
]


class ScoreInput(forms.TextInput):
    """A short numeric box: text with a numeric keyboard, as the design system advises."""

    input_type = "text"

    def __init__(self, attrs=None):
        super().__init__(
            {
                "class": "nhsuk-input--width-2",
                "inputmode": "numeric",
                "spellcheck": "false",
                "autocomplete": "off",
                **(attrs or {}),
            }
        )


def _score_field(*, label: str, maximum: int, message: str, required: bool) -> forms.IntegerField:
    return forms.IntegerField(
        label=label,
        min_value=0,
        max_value=maximum,
        required=required,
        widget=ScoreInput,
        help_text=f"A number from 0 to {maximum}",
        error_messages={
            "required": message,
            "invalid": message,
            "min_value": message,
            "max_value": message,
        },
    )


class AttemptForm(forms.Form):
    """A trainee's answer to a vignette. The fields depend on the vignette's mode.

    Questionnaire mode asks for the total, subscale, risk group and treatment; consultation mode
    first asks which answer to each of the nine items the story supports; triage mode first asks
    whether the patient can be stratified at all, and then either the suspected condition, how
    urgently and where to (if not) or everything consultation mode asks (if so).
    """

    ticket = forms.CharField(widget=forms.HiddenInput)
    preamble = startback.PREAMBLE

    def __init__(self, *args, mode: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.mode = mode
        triage = mode == VignetteMode.TRIAGE
        if triage:
            self.fields["stratifiable"] = forms.ChoiceField(
                label="Can this patient be stratified with the STarT Back tool?",
                choices=STRATIFIABLE_CHOICES,
                widget=forms.RadioSelect,
                error_messages={"required": MESSAGE_STRATIFIABLE_REQUIRED},
            )
            self.fields["red_flags"] = forms.MultipleChoiceField(
                label="If not: which serious condition do you suspect?",
                help_text="Select all that apply",
                choices=RED_FLAG_CHOICES,
                widget=forms.CheckboxSelectMultiple,
                required=False,
            )
            self.fields["urgency"] = forms.ChoiceField(
                label="If not: how urgently should the patient be seen?",
                choices=REFERRAL_URGENCY_CHOICES,
                widget=forms.RadioSelect,
                required=False,
            )
            self.fields["destination"] = forms.ChoiceField(
                label="If not: where should the patient go?",
                choices=DESTINATION_CHOICES,
                widget=forms.RadioSelect,
                required=False,
            )
        if mode in (VignetteMode.CONSULTATION, VignetteMode.TRIAGE):
            for question in startback.ITEMS:
                message = MESSAGE_ITEM_REQUIRED.format(number=question.number)
                self.fields[f"item_{question.number}"] = forms.ChoiceField(
                    label=f"{question.number}. {question.text}",
                    choices=item_choices(question.number),
                    widget=forms.RadioSelect,
                    required=not triage,
                    error_messages={"required": message},
                )
        self.fields["total"] = _score_field(
            label="Total score", maximum=9, message=MESSAGE_TOTAL, required=not triage
        )
        self.fields["psychosocial"] = _score_field(
            label="Psychosocial subscale score",
            maximum=5,
            message=MESSAGE_PSYCHOSOCIAL,
            required=not triage,
        )
        self.fields["risk"] = forms.ChoiceField(
            label="Risk group",
            choices=RiskChoice.choices,
            widget=forms.RadioSelect,
            required=not triage,
            error_messages={"required": MESSAGE_RISK_REQUIRED},
        )
        self.fields["treatment"] = forms.ChoiceField(
            label="Treatment",
            choices=TreatmentChoice.choices,
            widget=forms.RadioSelect,
            required=not triage,
            error_messages={"required": MESSAGE_TREATMENT_REQUIRED},
        )

    @property
    def item_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in self.fields if name.startswith("item_")]

    STRATIFY_FIELDS = ("total", "psychosocial", "risk", "treatment")

    def clean(self):
        super().clean()
        cleaned_data = self.cleaned_data
        if self.mode != VignetteMode.TRIAGE:
            return cleaned_data
        stratifiable = cleaned_data.get("stratifiable")
        if stratifiable == NO:
            if not cleaned_data.get("red_flags"):
                self.add_error("red_flags", MESSAGE_RED_FLAGS_REQUIRED)
            if not cleaned_data.get("urgency"):
                self.add_error("urgency", MESSAGE_URGENCY_REQUIRED)
            if not cleaned_data.get("destination"):
                self.add_error("destination", MESSAGE_DESTINATION_REQUIRED)
        elif stratifiable == YES:
            # Everything the stratifying path asks becomes required once the trainee takes it.
            for name in self.STRATIFY_FIELDS + tuple(f.name for f in self.item_fields):
                if cleaned_data.get(name) in (None, "") and name not in self.errors:
                    self.add_error(name, self.fields[name].error_messages["required"])
        return cleaned_data

    def submission(self) -> Submission:
        """The valid answers as the feedback engine takes them."""
        data = self.cleaned_data
        stratifiable = None
        if self.mode == VignetteMode.TRIAGE:
            stratifiable = data["stratifiable"] == YES
            if not stratifiable:
                return Submission(
                    stratifiable=False,
                    red_flags=tuple(data["red_flags"]),
                    urgency=data["urgency"],
                    destination=data["destination"],
                    treatment=REFERRAL,
                )
        items = None
        if self.mode != VignetteMode.QUESTIONNAIRE:
            items = {n: data[f"item_{n}"] for n in startback.ITEM_NUMBERS}
        return Submission(
            stratifiable=stratifiable,
            items=items,
            total=data["total"],
            psychosocial=data["psychosocial"],
            risk=data["risk"],
            treatment=data["treatment"],
        )


class VignetteFilterForm(forms.Form):
    """The practice list's filters (GET)."""

    mode = forms.ChoiceField(
        label="Type of case", choices=[("", "All types"), *VignetteMode.choices], required=False
    )
    difficulty = forms.ChoiceField(
        label="Difficulty", choices=[("", "Any difficulty"), *Difficulty.choices], required=False
    )
    profession = forms.ChoiceField(
        label="Written for",
        choices=[("", "Any profession")]
        + [
            (value, label)
            for value, label in ProfessionFocus.choices
            if value != ProfessionFocus.ANY
        ],
        required=False,
        help_text="Cases for all clinicians are always included.",
    )


class DrillForm(forms.Form):
    """One drill answer: the risk group, and optionally the total and subscale."""

    case = forms.UUIDField(widget=forms.HiddenInput)
    risk = forms.ChoiceField(
        label="Risk group",
        choices=RiskChoice.choices,
        widget=forms.RadioSelect,
        error_messages={"required": MESSAGE_DRILL_RISK_REQUIRED},
    )
    total = _score_field(
        label="Total score (optional)", maximum=9, message=MESSAGE_TOTAL, required=False
    )
    psychosocial = _score_field(
        label="Psychosocial subscale score (optional)",
        maximum=5,
        message=MESSAGE_PSYCHOSOCIAL,
        required=False,
    )
