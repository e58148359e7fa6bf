"""Template filters for quiz pages."""

from decimal import ROUND_FLOOR, Decimal

from django import template

register = template.Library()


@register.filter
def marks(value) -> str:
    """A score or percentage without trailing zeros: 2.50 shows as 2.5, 10.00 as 10."""
    if value is None or value == "":
        return "0"
    return format(Decimal(value).normalize(), "f")


@register.filter
def whole_percent(value) -> str:
    """A percentage as a whole number, rounded down: 28.57 shows as 28, and a score just under
    the pass mark (79.6 against 80) never reads as the pass mark."""
    if value is None or value == "":
        return "0"
    return str(int(Decimal(str(value)).to_integral_value(rounding=ROUND_FLOOR)))
