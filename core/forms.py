"""Form pieces shared by every app: the organisation, chosen from the network's list."""

from __future__ import annotations

from django import forms

from core.organisations import organisation_find, organisation_label, organisation_options

MESSAGE_ORGANISATION_UNKNOWN = (
    "No organisation in the list matches “{typed}”. Choose one from the list as you type, or "
    "tick “My organisation is not listed”."
)
MESSAGE_ORGANISATION_MISSING = (
    "Enter the name of your organisation, or untick “My organisation is not listed”."
)


class DatalistInput(forms.TextInput):
    """A text box offering the list's entries as you type (a native `datalist`): searchable,
    and it works without JavaScript."""

    template_name = "core/widgets/datalist_input.html"

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        list_id = f"{context['widget']['attrs'].get('id', name)}-options"
        context["widget"]["attrs"]["list"] = list_id
        context["widget"]["list_id"] = list_id
        context["widget"]["options"] = organisation_options()
        return context


class OrganisationFields(forms.Form):
    """The profile's organisation: one from the network's list, found by name or ODS code, or,
    with "not listed" ticked, the name as typed for a trainer to add. `clean` leaves the
    organisation (or None) in `organisation` and the typed name in `organisation_unlisted`."""

    organisation_name = forms.CharField(
        max_length=200,
        required=False,
        label="Organisation (optional)",
        help_text="Start typing your practice, trust or service, or its ODS code, and choose it "
        "from the list.",
        widget=DatalistInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )
    organisation_not_listed = forms.BooleanField(
        required=False,
        label="My organisation is not listed",
        help_text="Type its full name above: a trainer will add it to the list.",
    )

    def organisation_initial(self, user) -> None:
        if user.organisation_id:
            self.initial["organisation_name"] = organisation_label(user.organisation)
        elif user.organisation_unlisted:
            self.initial["organisation_name"] = user.organisation_unlisted
            self.initial["organisation_not_listed"] = True

    def clean(self):
        cleaned = super().clean() or {}
        typed = " ".join((cleaned.get("organisation_name") or "").split())
        not_listed = cleaned.get("organisation_not_listed")
        cleaned["organisation"], cleaned["organisation_unlisted"] = None, ""
        if not typed:
            if not_listed:
                self.add_error("organisation_name", MESSAGE_ORGANISATION_MISSING)
            return cleaned
        found = organisation_find(typed)
        if found is not None:
            cleaned["organisation"] = found
        elif not_listed:
            cleaned["organisation_unlisted"] = typed
        else:
            self.add_error("organisation_name", MESSAGE_ORGANISATION_UNKNOWN.format(typed=typed))
        return cleaned
