"""Forms for certification: the verification code, a revocation's reason, a CPD reflection."""

from django import forms

from courses.certification.models import CpdReflection

MESSAGE_CODE_REQUIRED = "Enter the certificate code, for example SB-7K2M-Q9TX"
MESSAGE_REASON_REQUIRED = "Enter the reason for revoking this certificate"


class VerifyForm(forms.Form):
    code = forms.CharField(
        label="Certificate code",
        help_text="It is printed on the certificate, for example SB-7K2M-Q9TX. Spaces and "
        "capital letters do not matter.",
        max_length=40,
        error_messages={
            "required": MESSAGE_CODE_REQUIRED,
            "max_length": "A certificate code is 12 characters, for example SB-7K2M-Q9TX",
        },
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "spellcheck": "false", "autocapitalize": "characters"}
        ),
    )


class RevokeForm(forms.Form):
    reason = forms.CharField(
        label="Reason for revoking",
        help_text="Shown on the public verification page and recorded in the audit log.",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": MESSAGE_REASON_REQUIRED},
    )


MESSAGE_REFLECTION_EMPTY = "Write something under at least one of the headings"


class ReflectionForm(forms.ModelForm):
    def clean(self):
        cleaned_data = super().clean() or {}
        if not any((cleaned_data.get(name) or "").strip() for name in self.Meta.fields):
            raise forms.ValidationError(MESSAGE_REFLECTION_EMPTY)
        return cleaned_data

    class Meta:
        model = CpdReflection
        fields = ["learned", "apply", "effect"]
        widgets = {name: forms.Textarea(attrs={"rows": 4}) for name in fields}
