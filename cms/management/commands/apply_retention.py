"""Remove what the privacy notice says is not kept: run once a day (cron or the platform's
scheduler)."""

from django.conf import settings
from django.core.management.base import BaseCommand

from cms.personal_data import retention_apply


class Command(BaseCommand):
    help = (
        "Remove accounts whose e-mail address was never confirmed within "
        "UNVERIFIED_ACCOUNT_DAYS, and security-log events older than AUDIT_LOG_DAYS."
    )

    def handle(self, *args, **options):
        removed = retention_apply()
        self.stdout.write(
            f"Removed {removed['accounts']} unconfirmed account(s) older than "
            f"{settings.UNVERIFIED_ACCOUNT_DAYS} days and {removed['events']} security event(s) "
            f"older than {settings.AUDIT_LOG_DAYS} days."
        )
