"""Create the site's own pages and settings if they are missing. Safe in every environment."""

from django.core.management import call_command
from django.core.management.base import BaseCommand

from cms.content import resources_section_ensure, site_pages_ensure
from core.roles import roles_sync
from courses.learning.sections import training_section_ensure
from scoring_practice.sections import practice_section_ensure


class Command(BaseCommand):
    help = (
        "Create the home, about, accessibility, privacy, training and practice pages if missing, "
        "and give the roles their permissions (idempotent)."
    )

    def handle(self, *args, **options):
        home = site_pages_ensure()
        training_section_ensure(home=home)
        practice_section_ensure()
        resources_section_ensure(home=home)
        # After the sections exist, so their page permissions land on them.
        roles_sync()
        call_command("update_index", verbosity=0)
        call_command("rebuild_references_index", verbosity=0)
        if options["verbosity"]:
            self.stdout.write(self.style.SUCCESS("Site pages are in place."))
