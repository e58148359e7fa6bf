"""Print the current authenticator code for a demo account (development only)."""

import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

from cms.demo import DEMO_ACCOUNTS
from cms.management.commands.seed_demo import MESSAGE_NOT_ALLOWED


class Command(BaseCommand):
    help = "Print the current 6-digit sign-in code for a demo trainer or administrator."

    def add_arguments(self, parser):
        parser.add_argument("email")

    def handle(self, *args, email, **options):
        if not settings.SEED_DEMO_ALLOWED:
            raise CommandError(MESSAGE_NOT_ALLOWED)
        secrets = {account.email: account.totp_secret for account in DEMO_ACCOUNTS}
        secret = secrets.get(email.lower())
        if not secret:
            raise CommandError(f"{email} is not a demo account with an authenticator.")
        self.stdout.write(format_hotp_value(hotp_value(secret, int(time.time()) // 30)))
