"""Forms for cohorts: every one works without JavaScript."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import validate_email

from core.choices import Profession
from core.models import Cluster, Organisation
from courses.cohorts.models import Cohort
from courses.learning.models import CoursePage

MESSAGE_EMAILS_REQUIRED = "Enter at least one e-mail address."
MESSAGE_FILE_REQUIRED = "Choose a CSV file to upload."
EMAILS_MAX = 200


class CohortForm(forms.ModelForm):
    class Meta:
        model = Cohort
        fields = ["name", "course", "starts_on", "ends_on"]
        labels = {"name": "Cohort name", "starts_on": "Starts on", "ends_on": "Ends on"}
        help_texts = {"name": "For example “Northfield GPs, spring 2027”."}
        widgets = {
            "starts_on": forms.DateInput(attrs={"type": "date"}),
            "ends_on": forms.DateInput(attrs={"type": "date"}),
        }
        error_messages = {
            "name": {"required": "Enter the cohort's name."},
            "course": {"required": "Choose the course the cohort works through."},
            "starts_on": {"required": "Enter the start date.", "invalid": "Enter a real date."},
            "ends_on": {"required": "Enter the end date.", "invalid": "Enter a real date."},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        course_field: forms.ModelChoiceField = self.fields["course"]  # type: ignore[assignment]
        course_field.queryset = CoursePage.objects.live().order_by("title")
        course_field.empty_label = "Choose a course"


class AddByEmailForm(forms.Form):
    emails = forms.CharField(
        label="E-mail addresses",
        help_text="One per line, or separated by commas. People without an account are sent an "
        "invitation and join when they sign up.",
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": MESSAGE_EMAILS_REQUIRED},
    )

    def clean_emails(self) -> list[str]:
        raw = self.cleaned_data["emails"].replace(",", "\n").replace(";", "\n")
        emails = [line.strip().lower() for line in raw.splitlines() if line.strip()]
        if not emails:
            raise ValidationError(MESSAGE_EMAILS_REQUIRED)
        if len(emails) > EMAILS_MAX:
            raise ValidationError(
                f"Add up to {EMAILS_MAX} addresses at a time, or upload a CSV file."
            )
        wrong = []
        for email in emails:
            try:
                validate_email(email)
            except ValidationError:
                wrong.append(email)
        if wrong:
            raise ValidationError(f"These are not e-mail addresses: {', '.join(wrong[:10])}.")
        return emails


class JoinLinkForm(forms.Form):
    days = forms.TypedChoiceField(
        label="The link works for",
        choices=[(7, "7 days"), (14, "14 days"), (30, "30 days"), (90, "90 days")],
        coerce=int,
        initial=14,
    )


class ImportForm(forms.Form):
    file = forms.FileField(
        label="CSV file",
        help_text="Columns: name, e-mail, profession, organisation, with a header row. Save "
        "from a spreadsheet as “CSV UTF-8”. Up to 5,000 people.",
        error_messages={
            "required": MESSAGE_FILE_REQUIRED,
            "empty": "The file is empty. Upload a CSV file with a header row and one row per "
            "person.",
        },
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv"}),
    )
    valid_only = forms.BooleanField(
        required=False,
        label="If some rows have errors, import the valid rows anyway",
        help_text="Otherwise nothing is imported until every row is right.",
    )


class DashboardFilterForm(forms.Form):
    """The scope of the dashboard and the trainee list, within the trainer's own."""

    cohort = forms.ModelChoiceField(
        queryset=Cohort.objects.none(), required=False, empty_label="All my trainees"
    )
    organisation = forms.ModelChoiceField(
        queryset=Organisation.objects.all(), required=False, empty_label="All organisations"
    )
    cluster = forms.ModelChoiceField(
        queryset=Cluster.objects.all(), required=False, empty_label="All clusters"
    )
    profession = forms.ChoiceField(
        choices=[("", "All professions"), *Profession.choices], required=False
    )
    since = forms.DateField(
        label="Enrolled from",
        required=False,
        widget=forms.DateInput(attrs={"type": "date", "class": "nhsuk-input--width-10"}),
        error_messages={"invalid": "Enter a real date."},
    )
    until = forms.DateField(
        label="Enrolled to",
        required=False,
        widget=forms.DateInput(attrs={"type": "date", "class": "nhsuk-input--width-10"}),
        error_messages={"invalid": "Enter a real date."},
    )

    def __init__(self, *args, cohorts=None, **kwargs):
        super().__init__(*args, **kwargs)
        field: Any = self.fields["cohort"]
        field.queryset = cohorts if cohorts is not None else Cohort.objects.none()

    def clean(self):
        cleaned = super().clean() or {}
        since, until = cleaned.get("since"), cleaned.get("until")
        if since and until and until < since:
            self.add_error("until", "The end of the range must be on or after its start.")
        return cleaned
