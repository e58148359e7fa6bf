"""Sending the site's e-mails: a plain-text part from a template and an HTML part in the site's
style, under the service's name, address and support address.

Those three come from the site's settings, which live in the top layer; the site registers how
to read them (`service_details_register`) when it starts, so every layer can send e-mail
without importing upwards.
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils.html import escape

ServiceDetails = Callable[[object | None], dict[str, str]]
_provider: list[ServiceDetails] = []


def service_details_register(provider: ServiceDetails) -> None:
    _provider[:] = [provider]


def service_details(request=None) -> dict[str, str]:
    """The service's name, public address and support address."""
    if _provider:
        return _provider[0](request)
    return {
        "service_name": "STarT Back training",
        "service_url": settings.WAGTAILADMIN_BASE_URL,
        "support_email": getattr(settings, "SUPPORT_EMAIL", ""),
    }


def email_html(*, subject: str, body: str, details: dict[str, str]) -> str:
    """The HTML part: the plain-text part escaped first, then its links made clickable. The text
    comes from a template, whose output Django marks as safe; without the escape here, anything a
    person typed into it (a name, a cohort's name) would reach the HTML as markup."""
    return render_to_string(
        "emails/message.html", {**details, "subject": subject, "body": escape(str(body))}
    )


def email_send(*, to: str, subject: str, template: str, context: dict, request=None) -> None:
    """Render `template` (plain text, extending emails/base_message.txt) and send it with its
    HTML part. The subject is prefixed with the service's name."""
    details = service_details(request)
    subject = f"{details['service_name']}: {subject}"
    body = render_to_string(template, {**details, **context})
    message = EmailMultiAlternatives(subject=subject, body=body, to=[to])
    message.attach_alternative(email_html(subject=subject, body=body, details=details), "text/html")
    message.send()
