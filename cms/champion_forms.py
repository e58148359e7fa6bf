"""Forms for the champion network: applying, editing one's profile, a trainer's decision, and the
directory's filters. Every one works without JavaScript."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError

from cms.champion_photos import photo_check
from cms.models import ChampionProfile, NetworkRole
from core.choices import Profession
from core.models import Cluster, Organisation, Region

MESSAGE_ORGANISATIONS_REQUIRED = "Choose at least one organisation you work for."
BIO_MAX = 2000


def _organisation_choices():
    """Organisations grouped by cluster, as checkboxes with headings (no script needed)."""
    groups: dict[str, list[tuple[int, str]]] = {}
    for organisation in Organisation.objects.select_related("cluster").order_by(
        "cluster__name", "name"
    ):
        cluster = organisation.cluster.name if organisation.cluster else "Across the region"
        groups.setdefault(cluster, []).append((organisation.pk, organisation.name))
    return list(groups.items())


class ChampionProfileForm(forms.ModelForm):
    """The profile a champion keeps: also the application form, with the reason added."""

    photo_upload = forms.FileField(
        required=False,
        label="Photo (optional)",
        help_text="A head-and-shoulders photo: JPEG, PNG or WebP, up to 5 MB. Its location and "
        "camera details are removed.",
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
    )
    remove_photo = forms.BooleanField(required=False, label="Remove my photo")

    class Meta:
        model = ChampionProfile
        fields = [
            "display_name",
            "network_role",
            "profession",
            "organisations",
            "cluster",
            "bio",
            "show_email",
            "listed",
        ]
        labels = {
            "display_name": "Name to show in the directory",
            "network_role": "Your role in the network",
            "organisations": "Organisations you work for",
            "cluster": "Cluster (optional)",
            "bio": "About you (optional)",
            "listed": "List me in the champion directory",
        }
        help_texts = {
            "network_role": "A clinical champion leads stratified care in their own practice or "
            "service; a trainer teaches colleagues across the network; a change agent leads "
            "changes to pathways and audits them.",
            "cluster": "The cluster you mainly work in. Left as it is, it is the cluster of the "
            "first organisation ticked above.",
            "bio": "A few sentences on your work and what you can help colleagues with. Leave a "
            "blank line between paragraphs. Links are allowed; other formatting is removed.",
            "show_email": "Only people signed in to this site see it, and only if you tick this.",
        }
        widgets = {
            "network_role": forms.RadioSelect,
            "profession": forms.RadioSelect,
            "organisations": forms.CheckboxSelectMultiple,
            "bio": forms.Textarea(attrs={"rows": 6}),
        }
        error_messages = {
            "display_name": {"required": "Enter the name to show in the directory."},
            "network_role": {"required": "Select your role in the network."},
            "profession": {"required": "Select your profession."},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        fields: Any = self.fields
        fields["network_role"].choices = NetworkRole.choices
        fields["profession"].choices = Profession.choices
        fields["organisations"].choices = _organisation_choices()
        fields["organisations"].required = True
        fields["organisations"].error_messages["required"] = MESSAGE_ORGANISATIONS_REQUIRED
        fields["cluster"].empty_label = "The cluster of my first organisation"
        fields["bio"].max_length = BIO_MAX
        fields["bio"].widget.attrs["maxlength"] = BIO_MAX
        if not self.instance.photo_id:
            del self.fields["remove_photo"]
        self.checked_photo: tuple[bytes, str] | None = None

    def organisation_groups(self):
        """The organisation checkboxes by cluster, numbered as the error summary links them."""
        field = self["organisations"]
        chosen = {str(value) for value in (field.value() or [])}
        groups, number = [], 0
        choices: Any = self.fields["organisations"]
        for label, options in choices.choices:
            rows = []
            for value, name in options:
                rows.append((str(value), name, f"{field.auto_id}_{number}", str(value) in chosen))
                number += 1
            groups.append((label, rows))
        return groups

    def clean_photo_upload(self):
        upload = self.cleaned_data.get("photo_upload")
        if upload:
            self.checked_photo = photo_check(upload)
        return upload

    def clean_bio(self):
        bio = (self.cleaned_data.get("bio") or "").strip()
        if len(bio) > BIO_MAX:
            raise ValidationError(f"Keep it to {BIO_MAX} characters or fewer.")
        return bio


class ChampionApplicationForm(ChampionProfileForm):
    class Meta(ChampionProfileForm.Meta):
        fields = [*ChampionProfileForm.Meta.fields[:-1], "reason"]
        labels = {
            **ChampionProfileForm.Meta.labels,
            "reason": "Why would you like to be a champion?",
        }
        help_texts = {
            **ChampionProfileForm.Meta.help_texts,
            "reason": "For the trainer who reads your application; not shown in the directory.",
        }
        widgets = {**ChampionProfileForm.Meta.widgets, "reason": forms.Textarea(attrs={"rows": 4})}
        error_messages = {
            **ChampionProfileForm.Meta.error_messages,
            "reason": {"required": "Say in a sentence or two why you would like to be a champion."},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reason"].required = True


class DeclineForm(forms.Form):
    reason = forms.CharField(
        label="Reason for declining",
        help_text="Sent to the applicant by e-mail.",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Give the reason for declining, so the applicant knows."},
    )


class DirectoryFilterForm(forms.Form):
    q = forms.CharField(label="Name or organisation", required=False, max_length=100)
    region = forms.ModelChoiceField(Region.objects.all(), required=False, empty_label="All regions")
    cluster = forms.ModelChoiceField(
        Cluster.objects.all(), required=False, empty_label="All clusters"
    )
    organisation = forms.ModelChoiceField(
        Organisation.objects.all(), required=False, empty_label="All organisations"
    )
    profession = forms.ChoiceField(
        choices=[("", "All professions"), *Profession.choices], required=False
    )
    role = forms.ChoiceField(
        label="Role in the network",
        choices=[("", "All roles"), *NetworkRole.choices],
        required=False,
    )


class NearMeForm(forms.Form):
    near = forms.ModelChoiceField(
        Organisation.objects.filter(cluster__isnull=False),
        label="Your organisation",
        empty_label="Choose your organisation",
        error_messages={
            "required": "Choose your organisation to find its champions.",
            "invalid_choice": "Choose your organisation from the list.",
        },
    )
