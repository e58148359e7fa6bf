"""Forms for the visitor-facing account pages."""

from django import forms
from django.core.exceptions import ValidationError

from core.choices import Profession
from core.forms import OrganisationFields
from core.models import User
from core.validators import validate_person_name, validate_registration_number


class ProfileFieldsForm(OrganisationFields):
    """The professional profile, asked at sign-up and editable afterwards."""

    full_name = forms.CharField(
        max_length=150,
        label="Full name",
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
        validators=[validate_person_name],
        error_messages={"required": "Enter your full name."},
    )
    profession = forms.ChoiceField(
        choices=Profession.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select your profession."},
    )
    registration_number = forms.CharField(
        max_length=20,
        required=False,
        label="Professional registration number (optional)",
        help_text="GMC number for doctors, HCPC number for physiotherapists, NMC PIN for nurses.",
    )

    def clean(self):
        cleaned = super().clean()
        profession = cleaned.get("profession")
        if profession:
            try:
                cleaned["registration_number"] = validate_registration_number(
                    profession=profession, number=cleaned.get("registration_number", "")
                )
            except ValidationError as error:
                self.add_error("registration_number", error)
        return cleaned


class SignupProfileForm(ProfileFieldsForm):
    """Extra fields on allauth's sign-up form; `signup` stores them on the new user."""

    field_order = [
        "full_name",
        "profession",
        "registration_number",
        "organisation_name",
        "organisation_not_listed",
    ]

    def signup(self, request, user: User) -> None:
        user.full_name = self.cleaned_data["full_name"]
        user.profession = self.cleaned_data["profession"]
        user.registration_number = self.cleaned_data["registration_number"]
        user.organisation = self.cleaned_data["organisation"]
        user.organisation_unlisted = self.cleaned_data["organisation_unlisted"]
        user.save()


class ProfileForm(OrganisationFields, forms.ModelForm):
    """Edit one's own profile."""

    class Meta:
        model = User
        fields = ["full_name", "profession", "registration_number"]
        widgets = {"profession": forms.RadioSelect}
        labels = {"registration_number": "Professional registration number (optional)"}
        help_texts = {
            "registration_number": ProfileFieldsForm.base_fields["registration_number"].help_text,
        }
        error_messages = {
            "full_name": {"required": "Enter your full name."},
            "profession": {"required": "Select your profession."},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["full_name"].required = True
        self.fields["profession"].required = True
        # A model field with blank=True adds an empty "---------" radio; a profession is required.
        self.fields["profession"].choices = Profession.choices
        self.organisation_initial(self.instance)

    def save(self, commit=True):
        user = super().save(commit=False)
        user.organisation = self.cleaned_data["organisation"]
        user.organisation_unlisted = self.cleaned_data["organisation_unlisted"]
        if commit:
            user.save()
        return user


class AccountDeleteForm(forms.Form):
    """The holder confirms the account should go (having just confirmed who they are)."""

    confirm = forms.BooleanField(
        label="I understand that my account will be deleted and I will not be able to sign in "
        "again",
        error_messages={"required": "Confirm that you understand your account will be deleted."},
    )
