"""The shared body blocks, built on the NHS.UK design system components.

Every page type that has a body uses `BaseStreamBlock`; apps add their own blocks by subclassing it.
`RICH_TEXT_FEATURES` is for body text with headings; `SHORT_RICH_TEXT_FEATURES` for text that sits
inside something else (an introduction, a story, findings, a quiz description), so has none.
"""

from wagtail import blocks
from wagtailnhsukfrontend import blocks as nhsuk

RICH_TEXT_FEATURES = ["h2", "h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"]
SHORT_RICH_TEXT_FEATURES = ["bold", "italic", "ol", "ul", "link"]


class HeadingBlock(blocks.StructBlock):
    """A section heading at level 2 or 3, so the page outline stays correct."""

    text = blocks.CharBlock(max_length=200)
    level = blocks.ChoiceBlock(choices=[("h2", "Level 2"), ("h3", "Level 3")], default="h2")

    class Meta:
        icon = "title"
        template = "blocks/heading.html"
        description = "A section heading."
        preview_value = {"text": "Why stratify care?", "level": "h2"}


class ParagraphBlock(blocks.RichTextBlock):
    """Body text."""

    def __init__(self, **kwargs):
        kwargs.setdefault("features", RICH_TEXT_FEATURES)
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        template = "blocks/paragraph.html"
        description = "Paragraphs, lists and links."
        preview_value = (
            "<p>Most people with low back pain improve with simple care; a minority need more.</p>"
        )


class InsetTextBlock(nhsuk.InsetTextBlock):
    class Meta:
        icon = "openquote"
        template = "wagtailnhsukfrontend/inset_text.html"
        description = "Inset text: a short piece of information set apart from the body."
        preview_value = {"body": "<p>The tool asks about the last 2 weeks.</p>"}


class CareCardBlock(nhsuk.CareCardBlock):
    class Meta:
        icon = "help"
        template = "wagtailnhsukfrontend/care_card.html"
        description = "Care card: advice with an urgency level (non-urgent, urgent, emergency)."
        preview_value = {
            "type": "immediate",
            "heading_level": 3,
            "title": "Suspected cauda equina syndrome",
            "body": [("richtext", "<p>Send the patient now to the emergency department.</p>")],
        }


class WarningCalloutBlock(nhsuk.WarningCalloutBlock):
    class Meta:
        icon = "warning"
        template = "wagtailnhsukfrontend/warning_callout.html"
        description = "Warning callout: something the reader must not miss."
        preview_value = {
            "title": "Important",
            "heading_level": 3,
            "body": "<p>Screen for red flags before you stratify.</p>",
        }


class DetailsBlock(nhsuk.DetailsBlock):
    class Meta:
        icon = "collapse-down"
        template = "wagtailnhsukfrontend/details.html"
        description = "Details: a short heading that opens to reveal more."
        preview_value = {
            "title": "Where does the name come from?",
            "body": [("richtext", "<p>STarT stands for Subgroups for Targeted Treatment.</p>")],
        }


class ExpanderBlock(nhsuk.ExpanderBlock):
    class Meta:
        icon = "plus-inverse"
        template = "wagtailnhsukfrontend/expander.html"
        description = "Expander: a boxed section that opens to reveal more."
        preview_value = {
            "title": "What the subscale measures",
            "body": [("richtext", "<p>Items 5 to 9: fear, worry, catastrophising, mood.</p>")],
        }


class DoListBlock(nhsuk.DoBlock):
    class Meta:
        icon = "tick"
        template = "wagtailnhsukfrontend/do_list.html"
        description = "A list of things to do."
        preview_value = {
            "heading_level": 3,
            "label": "Do",
            "do": ["<p>advise staying active and at work</p>"],
        }


class DontListBlock(nhsuk.DontBlock):
    class Meta:
        icon = "cross"
        template = "wagtailnhsukfrontend/dont_list.html"
        description = "A list of things not to do."
        preview_value = {
            "heading_level": 3,
            "label": "Don't",
            "dont": ["<p>do not refer every patient for imaging</p>"],
        }


class ActionLinkBlock(nhsuk.ActionLinkBlock):
    class Meta:
        icon = "link"
        template = "wagtailnhsukfrontend/action_link.html"
        description = "Action link: a prominent link to start something."
        preview_value = {"text": "Start the training", "external_url": "https://example.org/"}


class ImageBlock(nhsuk.ImageBlock):
    class Meta:
        icon = "image"
        template = "wagtailnhsukfrontend/image.html"
        description = "An image with alternative text and an optional caption."


class TableBlock(nhsuk.TableBlock):
    class Meta:
        icon = "table"
        template = "blocks/table.html"
        description = "A table with a caption and header row."
        preview_value = {
            "caption": "Risk groups",
            "head": [{"text": "Group"}, {"text": "Rule"}],
            "rows": [
                {"cells": [{"text": "High"}, {"text": "Subscale 4 or 5"}]},
                {"cells": [{"text": "Low"}, {"text": "Total 0 to 3"}]},
            ],
        }


class QuoteBlock(blocks.StructBlock):
    """A quotation with its source, e.g. what a patient or clinician said."""

    quote = blocks.TextBlock(max_length=1000)
    attribution = blocks.CharBlock(max_length=200, required=False)

    class Meta:
        icon = "openquote"
        template = "blocks/quote.html"
        description = "A quotation with who said it."
        preview_value = {
            "quote": "I was worried moving would make it worse.",
            "attribution": "A patient",
        }


class BaseStreamBlock(blocks.StreamBlock):
    """The NHS.UK components every page body can use."""

    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    inset_text = InsetTextBlock()
    care_card = CareCardBlock()
    warning_callout = WarningCalloutBlock()
    details = DetailsBlock()
    expander = ExpanderBlock()
    do_list = DoListBlock()
    dont_list = DontListBlock()
    action_link = ActionLinkBlock()
    image = ImageBlock()
    table = TableBlock()
    quote = QuoteBlock()
