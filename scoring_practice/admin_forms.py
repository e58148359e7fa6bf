"""The admin form for vignettes: checks the reference answers against the tool when publishing.

Wagtail lets drafts be saved incomplete ("deferred validation"); this form follows the same rule,
so an author can save an inconsistent draft, but publishing, submitting for moderation or approving
shows what disagrees with the tool and stops.
"""

from django import forms

from wagtail.admin.forms import WagtailAdminPageForm

from scoring_practice.choices import RED_FLAG_CHOICES
from scoring_practice.reference import reference_problems

WORKFLOW_APPROVE = "approve"


class VignettePageForm(WagtailAdminPageForm):
    """The vignette editor's form: red flags as checkboxes, and the publish-time check."""

    red_flags = forms.MultipleChoiceField(
        choices=RED_FLAG_CHOICES,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text="Red-flag triage cases only: the serious condition(s) suspected. A case in "
        "which serious pathology is suspected is referred, not stratified.",
    )
    acceptable_red_flags = forms.MultipleChoiceField(
        choices=RED_FLAG_CHOICES,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text="Other suspected conditions a clinician could defensibly name as well.",
    )

    def _checks_reference(self) -> bool:
        """Whether this submission would make the page live or put it forward to go live."""
        if getattr(self, "is_deferred_validation", False):
            return False  # saving a draft
        if self.data.get("action-workflow-action"):
            return self.data.get("workflow-action-name") == WORKFLOW_APPROVE
        return not self.data.get("action-cancel-workflow")

    def clean(self):
        cleaned_data = super().clean()
        if not self._checks_reference() or self.errors:
            return cleaned_data
        reference = self._meta.model.reference_from(lambda name: cleaned_data.get(name) or "")
        for problem in reference_problems(reference):
            self.add_error(None, problem)
        return cleaned_data
