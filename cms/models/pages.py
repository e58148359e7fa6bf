"""The home page and general content pages."""

from django.db import models

from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from core.blocks import RICH_TEXT_FEATURES, ActionLinkBlock, BaseStreamBlock


class AudienceBlock(blocks.StructBlock):
    """One group of people the training is for, and what it offers them."""

    heading = blocks.CharBlock(max_length=80)
    text = blocks.TextBlock(max_length=500)

    class Meta:
        icon = "group"
        template = "blocks/audience.html"
        description = "A group the training is for."
        preview_value = {
            "heading": "GPs",
            "text": "Score the tool in a consultation and match the care that follows.",
        }


class HomePage(Page):
    """The front page: what the training is, who it is for and where to start."""

    hero_heading = models.CharField(max_length=120)
    hero_text = models.CharField(max_length=300)
    intro = RichTextField(features=RICH_TEXT_FEATURES, blank=True, verbose_name="what it is")
    audience = StreamField(
        [("audience", AudienceBlock())], blank=True, verbose_name="who it is for"
    )
    calls_to_action = StreamField([("action_link", ActionLinkBlock())], blank=True)
    body = StreamField(BaseStreamBlock(), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("hero_heading"),
        FieldPanel("hero_text"),
        FieldPanel("intro"),
        FieldPanel("audience"),
        FieldPanel("calls_to_action"),
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("hero_text"),
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "cms.ContentPage",
        "courses.CourseIndexPage",
        "scoring_practice.PracticeIndexPage",
        "cms.ResourceIndexPage",
    ]
    max_count = 1

    class Meta:
        verbose_name = "home page"


class ContentPage(Page):
    """A general page: guidance, about, accessibility statement, privacy notice."""

    intro = models.CharField(max_length=300, blank=True, help_text="A one-sentence summary.")
    body = StreamField(BaseStreamBlock())

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["cms.HomePage", "cms.ContentPage"]
    subpage_types = ["cms.ContentPage"]

    class Meta:
        verbose_name = "content page"
