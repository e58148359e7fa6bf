"""Site-wide configuration editable in the Wagtail admin."""

from django.db import models

from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField


class FooterLinkBlock(blocks.StructBlock):
    """A footer link to a page on the site or to an address elsewhere."""

    label = blocks.CharBlock(max_length=80)
    page = blocks.PageChooserBlock(required=False)
    url = blocks.URLBlock(required=False, help_text="Used when no page is chosen.")

    class Meta:
        icon = "link"
        template = "blocks/footer_link.html"
        description = "A link in the site footer."
        preview_value = {"label": "Accessibility statement", "url": "https://example.org/"}

    def clean(self, value):
        value = super().clean(value)
        if not value.get("page") and not value.get("url"):
            raise blocks.StructBlockValidationError(
                block_errors={"url": ["Choose a page or enter an address."]}
            )
        return value


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    """The service's name, the text shown as its logo, its support address and the footer links."""

    service_name = models.CharField(max_length=80, default="STarT Back training")
    logo_text = models.CharField(
        max_length=40,
        default="Stratified care",
        help_text="Short text shown in the header in place of a logo.",
    )
    support_email = models.EmailField(
        "support e-mail address",
        blank=True,
        help_text="Where people write for help: shown in the footer, on error pages and in "
        "e-mails.",
    )
    footer_links = StreamField([("link", FooterLinkBlock())], blank=True)

    panels = [
        FieldPanel("service_name"),
        FieldPanel("logo_text"),
        FieldPanel("support_email"),
        FieldPanel("footer_links"),
    ]

    class Meta:
        verbose_name = "site settings"
