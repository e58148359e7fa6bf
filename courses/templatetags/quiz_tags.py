"""Template filters for quiz pages."""

from decimal import Decimal

from django import template

register = template.Library()


@register.filter
def marks(value) -> str:
    """A score or percentage without trailing zeros: 2.50 shows as 2.5, 10.00 as 10."""
    if value is None or value == "":
        return "0"
    return format(Decimal(value).normalize(), "f")
