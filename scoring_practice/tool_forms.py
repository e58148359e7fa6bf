"""The questionnaire as a form, built from the core's items so the wording stays in one place."""

from django import forms

from scoring_practice import startback

# Sent with the form so that pressing the button with nothing ticked shows what is missing.
SUBMITTED = "submitted"

MESSAGE_REQUIRED_AGREEMENT = "Select agree or disagree for question {number}"
MESSAGE_REQUIRED_BOTHER = "Select how bothersome the back pain has been (question 9)"
MESSAGE_INVALID = "Select one of the answers shown for question {number}"


def field_name(number: int) -> str:
    return f"item_{number}"


class QuestionnaireForm(forms.Form):
    """The nine questions as radio buttons; a valid form carries the scored `result`."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.result: startback.Score | None = None
        for item in startback.ITEMS:
            required = (
                MESSAGE_REQUIRED_BOTHER
                if item.number == 9
                else MESSAGE_REQUIRED_AGREEMENT.format(number=item.number)
            )
            self.fields[field_name(item.number)] = forms.ChoiceField(
                label=item.text,
                choices=[(option.value, option.label) for option in item.options],
                widget=forms.RadioSelect,
                error_messages={
                    "required": required,
                    "invalid_choice": MESSAGE_INVALID.format(number=item.number),
                },
            )

    def clean(self):
        cleaned = super().clean()
        # Every field is a required choice, so a form without errors is a complete questionnaire.
        if not self.errors:
            self.result = startback.score(
                {item.number: cleaned[field_name(item.number)] for item in startback.ITEMS}
            )
        return cleaned

    def questions(self) -> list[tuple[startback.Item, forms.BoundField]]:
        return [(item, self[field_name(item.number)]) for item in startback.ITEMS]

    @classmethod
    def is_submission(cls, data) -> bool:
        """Whether a query string carries answers (a bare visit shows the empty form, no errors)."""
        return SUBMITTED in data or any(field_name(item.number) in data for item in startback.ITEMS)
