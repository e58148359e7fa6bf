import datetime

from django import template
from django.utils.safestring import mark_safe

from wagtail.rich_text import expand_db_html

from core.sanitise import sanitise_bio, sanitise_rich

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


@register.filter
def iso_moment(value):
    """An ISO 8601 timestamp (as in the data download) back to a datetime, for the `date` filter."""
    if not value:
        return None
    try:
        return datetime.datetime.fromisoformat(str(value))
    except ValueError:
        return None


@register.filter
def yes_no(value) -> str:
    """True, False or unknown, in words."""
    return {True: "Yes", False: "No"}.get(value, "Not yet known")


@register.filter
def bio(text: str) -> str:
    """A person's own short text (a champion's bio), sanitised to a small allow-list."""
    return mark_safe(sanitise_bio(text))  # noqa: S308  (sanitised above)
