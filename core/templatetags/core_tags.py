from django import template
from django.utils.safestring import mark_safe

from wagtail.rich_text import expand_db_html

from core.sanitise import sanitise_rich

register = template.Library()


@register.filter
def safe_richtext(value) -> str:
    """Wagtail rich text, expanded and then sanitised before it is marked safe."""
    source = value.source if hasattr(value, "source") else str(value or "")
    return mark_safe(sanitise_rich(expand_db_html(source)))  # noqa: S308  (sanitised above)


@register.simple_tag
def breadcrumb_pages(page) -> list:
    """The page's ancestors below the tree's root (home first), fetched in one query."""
    return list(page.get_ancestors().filter(depth__gt=1))
