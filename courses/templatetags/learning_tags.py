"""Template helpers for course, module, lesson and My learning pages."""

from django import template

register = template.Library()


@register.filter
def duration(minutes) -> str:
    """Minutes as people say them: "45 minutes", "1 hour", "2 hours 30 minutes"."""
    try:
        minutes = int(minutes)
    except (TypeError, ValueError):
        return ""
    hours, rest = divmod(max(minutes, 0), 60)
    parts = []
    if hours:
        parts.append(f"{hours} hour{'s' if hours != 1 else ''}")
    if rest or not hours:
        parts.append(f"{rest} minute{'s' if rest != 1 else ''}")
    return " ".join(parts)
