"""The resource library: leaflets, guides, slides, pathways, audit tools and videos that
champions publish (through a trainer's approval) for their colleagues and patients."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models

from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase

from cms.models.champions import ChampionProfile
from core.blocks import RICH_TEXT_FEATURES
from core.roles import TRAINER_PERMISSION

MESSAGE_FILE_OR_LINK = "Attach a document or give a link to the resource (one of the two)."


class ResourceType(models.TextChoices):
    PATIENT_LEAFLET = "patient_leaflet", "Patient leaflet"
    CLINICIAN_GUIDE = "clinician_guide", "Clinician guide"
    SLIDES = "slides", "Slides"
    PATHWAY = "pathway", "Pathway or template"
    AUDIT_TOOL = "audit_tool", "Audit tool"
    VIDEO = "video", "Video"


class Audience(models.TextChoices):
    PATIENTS = "patients", "Patients"
    CLINICIANS = "clinicians", "Clinicians"
    COMMISSIONERS = "commissioners", "Commissioners"


class ResourceIndexPage(Page):
    """The library: every published resource, filtered and searched."""

    intro = models.CharField(max_length=300, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    # Champions add resources here (and only here): see `core.roles`.
    role_section = "resources"
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.ResourcePage"]
    max_count = 1

    class Meta:
        verbose_name = "resource library"

    def get_context(self, request, *args, **kwargs):
        from cms.resources import resource_library_context

        context = super().get_context(request, *args, **kwargs)
        context.update(resource_library_context(request, index=self))
        return context


class ResourcePageTag(TaggedItemBase):
    content_object = ParentalKey(
        "cms.ResourcePage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class ResourcePageForm(WagtailAdminPageForm):
    """A champion's resource is theirs: the champion and cluster are filled in from their
    profile, and only trainers and administrators may set them by hand."""

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        self.champion_profile = None
        if for_user is not None and "champion" not in self.fields:
            self.champion_profile = ChampionProfile.objects.filter(user=for_user).first()

    def save(self, commit=True):
        page = super().save(commit=False)
        profile = self.champion_profile
        if profile is not None and page.champion_id is None:
            page.champion = profile
            page.cluster_id = profile.cluster_id
        if commit:
            page.save()
        return page


class ResourcePage(Page):
    resource_type = models.CharField("type", max_length=20, choices=ResourceType.choices)
    audience = models.CharField(max_length=20, choices=Audience.choices)
    summary = models.CharField(max_length=300, help_text="One or two sentences.")
    body = RichTextField(features=RICH_TEXT_FEATURES, blank=True)
    document = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="PDF, Word, PowerPoint or Excel file, or an image; up to 10 MB.",
    )
    external_url = models.URLField("link", blank=True, help_text="A video or a page elsewhere.")
    tags = ClusterTaggableManager(through=ResourcePageTag, blank=True)
    champion = models.ForeignKey(
        "cms.ChampionProfile",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="resources",
        help_text="The champion publishing it; filled in for a champion who creates it.",
    )
    cluster = models.ForeignKey(
        "core.Cluster",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="resources",
        help_text="The cluster it was made for; the champion's cluster if left empty.",
    )
    review_date = models.DateField(help_text="When the content should next be checked.")

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [FieldPanel("resource_type"), FieldPanel("audience"), FieldPanel("tags")],
            heading="What it is",
        ),
        FieldPanel("summary"),
        FieldPanel("body"),
        MultiFieldPanel([FieldPanel("document"), FieldPanel("external_url")], heading="Resource"),
        MultiFieldPanel(
            [
                FieldPanel("champion", permission=TRAINER_PERMISSION),
                FieldPanel("cluster", permission=TRAINER_PERMISSION),
                FieldPanel("review_date"),
            ],
            heading="Who and when",
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("resource_type"),
        index.FilterField("audience"),
        index.FilterField("cluster_id"),
    ]
    base_form_class = ResourcePageForm
    parent_page_types = ["cms.ResourceIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = "resource"

    def clean(self) -> None:
        super().clean()
        if bool(self.document_id) == bool(self.external_url):
            raise ValidationError(MESSAGE_FILE_OR_LINK)
