"""The practice section's pages: the index at /practice/ and the case vignettes beneath it."""

from collections.abc import Callable
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from core.blocks import SHORT_RICH_TEXT_FEATURES
from core.models import ClinicalReview
from scoring_practice import startback
from scoring_practice.admin_forms import VignettePageForm
from scoring_practice.blocks import (
    VignetteStoryBlock,
    questionnaire_answers,
)
from scoring_practice.choices import (
    DESTINATION_CHOICES,
    REFERRAL_URGENCY_CHOICES,
    Difficulty,
    ProfessionFocus,
    RiskChoice,
    TreatmentChoice,
    VignetteMode,
    item_choices,
)
from scoring_practice.reference import RED_FLAG_KEYS, Reference, reference_problems

# Addresses under /practice/ answered by the section's own views, so no vignette may take them.
RESERVED_SLUGS = frozenset({"drill", "history", "attempts", "vignettes"})
MESSAGE_SLUG_RESERVED = "“{slug}” is used by the practice section itself; choose another slug."
MESSAGE_RED_FLAG_UNKNOWN = "Choose red flags from the list."
MESSAGE_PUBLISH_REFUSED = (
    "This vignette cannot be published until its reference answers agree with the tool: {problems}"
)


class VignettePublishRefused(ValidationError, PermissionDenied):
    """Publishing an inconsistent vignette was refused.

    A `ValidationError` for code that publishes, and a `PermissionDenied` so that an admin view
    reaching it answers 403 rather than failing.
    """


class PracticeIndexPage(Page):
    """The practice section: lists the live case vignettes and links to the drill and history."""

    intro = RichTextField(features=SHORT_RICH_TEXT_FEATURES, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    # The role matrix (`core.roles`) grants its "practice" page permissions on this page.
    role_section = "practice"
    # Where the section may go is the site's decision: `cms` sets `parent_page_types` (the home
    # page) when it starts, since naming the home page here would point up to `cms`.
    subpage_types = ["scoring_practice.VignettePage"]
    max_count = 1

    class Meta:
        verbose_name = "practice index page"

    def get_context(self, request, *args, **kwargs):
        from scoring_practice.forms import VignetteFilterForm
        from scoring_practice.selectors import vignette_page_list

        context = super().get_context(request, *args, **kwargs)
        filters = VignetteFilterForm(request.GET or None)
        chosen = filters.cleaned_data if filters.is_valid() else {}
        context["filters"] = filters
        context["vignettes"] = vignette_page_list(
            index=self,
            mode=chosen.get("mode", ""),
            difficulty=chosen.get("difficulty", ""),
            profession=chosen.get("profession", ""),
            page_number=request.GET.get("page"),
        )
        return context


def _item_answer_field(number: int) -> models.CharField:
    return models.CharField(
        f"item {number} answer", max_length=12, choices=item_choices(number), blank=True
    )


def _item_alternative_field(number: int) -> models.CharField:
    return models.CharField(
        f"item {number}: another acceptable answer",
        max_length=12,
        choices=item_choices(number),
        blank=True,
        help_text="Only where the story can fairly be read either way; leave empty otherwise.",
    )


def _item_rationale_field(number: int) -> models.TextField:
    return models.TextField(
        f"item {number} rationale",
        blank=True,
        help_text="Why the patient would answer this way, pointing to the story.",
    )


# The Wagtail page base carries no types, so django-stubs cannot resolve the manager of a page
# that also takes a typed mixin.
class VignettePage(ClinicalReview, Page):  # type: ignore[django-manager-missing]
    """A case for trainees to score: a patient's story and the reference answer to every step.

    The reference (nine item answers with rationales, risk group, treatment with rationale, red
    flags) must agree with the tool before the page can be published; drafts may disagree.
    """

    patient_age = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(16), MaxValueValidator(110)]
    )
    patient_occupation = models.CharField(max_length=120)
    presentation = models.CharField(
        max_length=300, help_text="The presenting problem in a sentence."
    )
    story = StreamField(VignetteStoryBlock())
    difficulty = models.CharField(
        max_length=20, choices=Difficulty.choices, default=Difficulty.INTRODUCTORY
    )
    profession_focus = models.CharField(
        max_length=20, choices=ProfessionFocus.choices, default=ProfessionFocus.ANY
    )
    mode = models.CharField(
        max_length=20,
        choices=VignetteMode.choices,
        default=VignetteMode.CONSULTATION,
        help_text="“Score a completed questionnaire” needs a completed questionnaire in the story; "
        "the other modes must not show one.",
    )
    red_flags = models.JSONField(
        default=list,
        blank=True,
        help_text="Red-flag triage cases only: the serious condition(s) suspected. A case in "
        "which serious pathology is suspected is referred, not stratified.",
    )
    acceptable_red_flags = models.JSONField(
        default=list,
        blank=True,
        help_text="Other suspected conditions a clinician could defensibly name as well; naming "
        "them is not marked wrong.",
    )
    red_flag_urgency = models.CharField(
        "how urgent", max_length=12, choices=REFERRAL_URGENCY_CHOICES, blank=True
    )
    red_flag_destination = models.CharField(
        "where to", max_length=20, choices=DESTINATION_CHOICES, blank=True
    )
    red_flag_action = models.TextField(
        "the right action, explained",
        blank=True,
        help_text="What should happen next and why, in your words.",
    )
    triage_note = models.TextField(
        "why the triage decision is right",
        blank=True,
        help_text="Shown with the feedback, e.g. why a feature that looks worrying is not a red "
        "flag here.",
    )

    reference_item_1 = _item_answer_field(1)
    reference_rationale_1 = _item_rationale_field(1)
    reference_alternative_1 = _item_alternative_field(1)
    reference_item_2 = _item_answer_field(2)
    reference_rationale_2 = _item_rationale_field(2)
    reference_alternative_2 = _item_alternative_field(2)
    reference_item_3 = _item_answer_field(3)
    reference_rationale_3 = _item_rationale_field(3)
    reference_alternative_3 = _item_alternative_field(3)
    reference_item_4 = _item_answer_field(4)
    reference_rationale_4 = _item_rationale_field(4)
    reference_alternative_4 = _item_alternative_field(4)
    reference_item_5 = _item_answer_field(5)
    reference_rationale_5 = _item_rationale_field(5)
    reference_alternative_5 = _item_alternative_field(5)
    reference_item_6 = _item_answer_field(6)
    reference_rationale_6 = _item_rationale_field(6)
    reference_alternative_6 = _item_alternative_field(6)
    reference_item_7 = _item_answer_field(7)
    reference_rationale_7 = _item_rationale_field(7)
    reference_alternative_7 = _item_alternative_field(7)
    reference_item_8 = _item_answer_field(8)
    reference_rationale_8 = _item_rationale_field(8)
    reference_alternative_8 = _item_alternative_field(8)
    reference_item_9 = _item_answer_field(9)
    reference_rationale_9 = _item_rationale_field(9)
    reference_alternative_9 = _item_alternative_field(9)

    reference_risk = models.CharField(
        "reference risk group",
        max_length=10,
        choices=RiskChoice.choices,
        blank=True,
        help_text="Must be the group the tool gives for the reference answers. May be left empty "
        "for a red-flag case.",
    )
    reference_treatment = models.CharField(
        "reference treatment",
        max_length=10,
        choices=TreatmentChoice.choices,
        blank=True,
        help_text="The treatment matched to the risk group; urgent referral for a red-flag case.",
    )
    reference_treatment_rationale = models.TextField("treatment rationale", blank=True)

    case_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("patient_age"),
                FieldPanel("patient_occupation"),
                FieldPanel("presentation"),
            ],
            heading="Patient",
        ),
        FieldPanel("story"),
        MultiFieldPanel(
            [FieldPanel("mode"), FieldPanel("difficulty"), FieldPanel("profession_focus")],
            heading="How the case is used",
        ),
        *ClinicalReview.review_panels,
        MultiFieldPanel(
            [
                FieldPanel("red_flags"),
                FieldPanel("acceptable_red_flags"),
                FieldPanel("red_flag_urgency"),
                FieldPanel("red_flag_destination"),
                FieldPanel("red_flag_action"),
                FieldPanel("triage_note"),
            ],
            heading="Red flags and triage",
        ),
    ]
    reference_panels = [
        *[
            MultiFieldPanel(
                [
                    FieldPanel(f"reference_item_{question.number}"),
                    FieldPanel(f"reference_rationale_{question.number}"),
                    FieldPanel(f"reference_alternative_{question.number}"),
                ],
                heading=f"Item {question.number}: {question.text}",
            )
            for question in startback.ITEMS
        ],
        MultiFieldPanel(
            [
                FieldPanel("reference_risk"),
                FieldPanel("reference_treatment"),
                FieldPanel("reference_treatment_rationale"),
            ],
            heading="Risk group and treatment",
        ),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(case_panels, heading="Case"),
            ObjectList(reference_panels, heading="Reference answers"),
            ObjectList(Page.promote_panels, heading="Promote"),
            ObjectList(Page.settings_panels, heading="Settings"),
        ]
    )
    base_form_class = VignettePageForm
    search_fields = [
        *Page.search_fields,
        index.SearchField("presentation"),
        index.SearchField("story"),
        index.FilterField("mode"),
        index.FilterField("difficulty"),
    ]

    parent_page_types = ["scoring_practice.PracticeIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = "case vignette"

    def clean(self):
        super().clean()
        if self.slug in RESERVED_SLUGS:
            raise ValidationError({"slug": MESSAGE_SLUG_RESERVED.format(slug=self.slug)})
        for name in ("red_flags", "acceptable_red_flags"):
            value = getattr(self, name)
            if not isinstance(value, list) or not set(value) <= RED_FLAG_KEYS:
                raise ValidationError({name: MESSAGE_RED_FLAG_UNKNOWN})

    def get_context(self, request, *args, **kwargs):
        """The page, plus the answer form (signed-in) and the trainee's recent attempts."""
        from scoring_practice.forms import AttemptForm
        from scoring_practice.selectors import attempt_recent_for_page
        from scoring_practice.tickets import ticket_issue

        context = super().get_context(request, *args, **kwargs)
        if request.user.is_authenticated:
            context["form"] = AttemptForm(
                mode=self.mode,
                initial={
                    "ticket": ticket_issue(
                        user_id=request.user.pk,
                        page_id=self.pk,
                        revision_id=self.live_revision_id,
                    )
                },
            )
            context["recent_attempts"] = attempt_recent_for_page(user=request.user, page=self)
        return context

    @property
    def reference_items(self) -> dict[int, str]:
        return {n: getattr(self, f"reference_item_{n}") for n in startback.ITEM_NUMBERS}

    def reference(self) -> Reference:
        """The case's question and expected answers, as plain data for feedback and checks."""
        return self.reference_from(lambda name: getattr(self, name))

    @staticmethod
    def reference_from(field: Callable[[str], Any]) -> Reference:
        """The reference held in a vignette's fields, each read by name with `field`.

        The page reads its own attributes; the admin form reads its cleaned data before saving.
        """
        return Reference(
            title=field("title"),
            mode=field("mode"),
            items={n: field(f"reference_item_{n}") for n in startback.ITEM_NUMBERS},
            rationales={n: field(f"reference_rationale_{n}") for n in startback.ITEM_NUMBERS},
            risk=field("reference_risk"),
            treatment=field("reference_treatment"),
            treatment_rationale=field("reference_treatment_rationale"),
            red_flags=tuple(field("red_flags") or ()),
            red_flag_action=field("red_flag_action"),
            acceptable_red_flags=tuple(field("acceptable_red_flags") or ()),
            red_flag_urgency=field("red_flag_urgency"),
            red_flag_destination=field("red_flag_destination"),
            triage_note=field("triage_note"),
            alternatives={
                n: field(f"reference_alternative_{n}")
                for n in startback.ITEM_NUMBERS
                if field(f"reference_alternative_{n}")
            },
            questionnaires=tuple(
                questionnaire_answers(block.value)
                for block in field("story") or ()
                if block.block_type == "questionnaire"
            ),
        )

    def publish(self, revision, *args, **kwargs):
        """Publish `revision`, unless its reference answers disagree with the tool.

        Every publishing path that goes through the page (code, workflow approval, bulk and
        scheduled publishing) comes here; the admin's own publish button is checked earlier by
        `VignettePageForm`, so the editor sees the message beside the form.
        """
        problems = reference_problems(revision.as_object().reference())
        if problems:
            raise VignettePublishRefused(
                MESSAGE_PUBLISH_REFUSED.format(problems=" ".join(problems))
            )
        return super().publish(revision, *args, **kwargs)
