"""Render Django form widgets with the NHS.UK design system's classes and ARIA links."""

from django import template
from django.forms import BoundField

register = template.Library()

WIDGET_CLASSES = {
    "textarea": ("nhsuk-textarea", "nhsuk-textarea--error"),
    "select": ("nhsuk-select", "nhsuk-select--error"),
    "checkbox": ("nhsuk-checkboxes__input", ""),
}
INPUT_CLASSES = ("nhsuk-input", "nhsuk-input--error")


@register.filter
def nhsuk_widget(field: BoundField) -> str:
    """The field's widget with NHS.UK classes, linked to its hint and error message."""
    css, error_css = WIDGET_CLASSES.get(field.widget_type, INPUT_CLASSES)
    # A widget's own classes (a width, say) are kept beside the design system's.
    classes = [css, field.field.widget.attrs.get("class", "")]
    if field.errors:
        classes.append(error_css)
    attrs: dict[str, str | bool] = {"class": " ".join(c for c in classes if c)}
    described_by = []
    if field.help_text:
        described_by.append(f"{field.auto_id}-hint")
    if field.errors:
        described_by.append(f"{field.auto_id}-error")
    if described_by:
        attrs["aria-describedby"] = " ".join(described_by)
    # The design system asks for labels and hints, not placeholders.
    field.field.widget.attrs.pop("placeholder", None)
    return field.as_widget(attrs=attrs)
