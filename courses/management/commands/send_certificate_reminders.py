"""Queue the certificate expiry reminders due today. Run daily (cron or a scheduler); running it
twice sends nothing twice."""

from django.core.management.base import BaseCommand
from django.utils import timezone

from courses.certification.models import CertificateReminder
from courses.certification.selectors import certificates_due_reminder
from courses.certification.services import reminder_kind_due
from courses.certification.tasks import certificate_reminder_send


class Command(BaseCommand):
    help = "Queue the e-mails reminding holders that their certificate expires soon or has expired."

    def handle(self, *args, **options):
        today = timezone.localdate()
        certificates = list(certificates_due_reminder(on=today))
        sent = set(
            CertificateReminder.objects.filter(certificate__in=certificates).values_list(
                "certificate_id", "kind"
            )
        )
        queued = 0
        for certificate in certificates:
            kind = reminder_kind_due(certificate, today)
            if kind is None or (certificate.pk, kind) in sent:
                continue
            certificate_reminder_send.enqueue(certificate.pk, str(kind))
            queued += 1
        self.stdout.write(f"Queued {queued} certificate reminder{'s' if queued != 1 else ''}.")
