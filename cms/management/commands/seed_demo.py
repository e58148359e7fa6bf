"""Load the demo site: its pages (seed_site) and one account per role. Safe to run repeatedly."""

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from cms.demo import DEMO_ACCOUNTS, demo_accounts_ensure
from cms.demo_activity import demo_activity_ensure
from cms.demo_certificates import demo_certificates_ensure
from cms.demo_champions import demo_champions_ensure
from cms.demo_cohorts import TRAINER_EMAIL, demo_cohorts_ensure
from cms.demo_network import demo_network_ensure

MESSAGE_NOT_ALLOWED = (
    "Demo accounts have published passwords, so seed_demo only runs where SEED_DEMO_ALLOWED is on "
    "(development and test settings)."
)


class Command(BaseCommand):
    help = "Build the demo site and one demo account per role (idempotent)."

    def handle(self, *args, **options):
        if not settings.SEED_DEMO_ALLOWED:
            raise CommandError(MESSAGE_NOT_ALLOWED)
        call_command("load_content", verbosity=0)
        demo_network_ensure()
        users = demo_accounts_ensure()
        certificates = demo_certificates_ensure(trainee=users[0])
        network = demo_champions_ensure()
        in_scope = demo_cohorts_ensure()
        demo_activity_ensure(TRAINER_EMAIL)
        self.stdout.write(self.style.SUCCESS("Demo content is ready. Demo accounts:"))
        for account in DEMO_ACCOUNTS:
            line = f"  {account.role.label:<14} {account.email:<24} password: {account.password}"
            if account.totp_secret:
                line += f"  (authenticator secret {account.totp_secret})"
            self.stdout.write(line)
        self.stdout.write(
            "  Champion, trainer and administrator accounts ask for a 6-digit code at sign-in: "
            "add the secret to an authenticator app, or run "
            "`make demo-code EMAIL=trainer@example.com`."
        )
        if certificates:
            self.stdout.write("Demo certificates (check one at /certificates/verify/):")
        for holder, certificate in certificates:
            self.stdout.write(f"  {certificate.code}  {certificate.status().value:<24} {holder}")
        plural = "" if network["resources"] == 1 else "s"
        self.stdout.write(
            f"Champion network: {network['champions']} champions at /champions/ (one more "
            f"application awaits a decision at /champions/applications/), "
            f"{network['resources']} new resource{plural} at /resources/, "
            f"{network['clinicians']} new demo clinicians."
        )
        self.stdout.write(
            f"Trainer: the demo trainer leads a cohort and is assigned to a cluster, "
            f"{in_scope} trainees in all: see /trainer/."
        )
