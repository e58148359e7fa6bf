"""Write the site's copy of the NHS.UK frontend stylesheet (see core.frontend)."""

from django.core.management.base import BaseCommand

from core.frontend import SITE_STYLESHEET, site_stylesheet_text


class Command(BaseCommand):
    help = (
        "Write core/static/core/nhsuk-frontend.min.css from the installed NHS.UK frontend, "
        "without its remote web font."
    )

    def handle(self, *args, **options):
        SITE_STYLESHEET.write_text(site_stylesheet_text(), encoding="utf-8")
        self.stdout.write(f"Wrote {SITE_STYLESHEET.name}.")
