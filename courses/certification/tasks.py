"""Background work for certification, on Django's tasks framework (django-tasks): run at once in
development and tests, by the database-backed queue's worker (`manage.py db_worker`) in
production."""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from django_tasks import task

from core.audit import Kind, audit_record
from core.emails import email_send, service_details
from courses.certification.models import Certificate, CertificateReminder

SUBJECTS = {
    CertificateReminder.Kind.DAYS_60: "your certificate expires in two months",
    CertificateReminder.Kind.DAYS_14: "your certificate expires in two weeks",
    CertificateReminder.Kind.EXPIRED: "your certificate has expired",
}


@task()
def certificate_reminder_send(certificate_id: int, kind: str) -> bool:
    """Send one expiry reminder, once: the record and the e-mail stand or fall together, and a
    reminder already recorded is not sent again. Returns whether it was sent."""
    certificate = (
        Certificate.objects.select_related("holder", "renewal")
        .filter(pk=certificate_id, revoked_at__isnull=True)
        .first()
    )
    if certificate is None or certificate.renewed_by is not None:
        return False
    try:
        with transaction.atomic():
            CertificateReminder.objects.create(certificate=certificate, kind=kind)
            base = service_details()["service_url"].rstrip("/")
            email_send(
                to=certificate.holder.email,
                subject=SUBJECTS[CertificateReminder.Kind(kind)],
                template="courses/certification/email/reminder.txt",
                context={
                    "certificate": certificate,
                    "kind": kind,
                    "expired": kind == CertificateReminder.Kind.EXPIRED,
                    "days_left": (certificate.expires_on - timezone.localdate()).days,
                    "renew_url": base + (certificate.course.url if certificate.course else "/"),
                    "certificates_url": base + reverse("courses:certificate_list"),
                },
            )
            audit_record(
                Kind.CERTIFICATE_REMINDER,
                subject=certificate.holder,
                record_address=False,
                certificate=certificate.code,
                reminder=kind,
            )
    except IntegrityError:
        return False
    return True
