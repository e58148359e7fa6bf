"""Load the training content from its files: the course, its quizzes and the case vignettes."""

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from core.content_files import ContentError
from courses.learning.loader import course_load, course_read, lessons_refresh
from scoring_practice.loader import vignettes_load, vignettes_read, vignettes_refresh


class Command(BaseCommand):
    help = (
        "Create the training course, its quizzes and the case vignettes from courses/content/ "
        "and scoring_practice/content/ where they are missing (idempotent; editors' changes are "
        "kept). Runs seed_site first."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--refresh-reviewed",
            action="store_true",
            help="Also publish the files' version of each lesson and vignette whose file records "
            "a later clinical review than the live page (a correction reaching a site loaded "
            "before it); pages reviewed since are kept.",
        )

    def handle(self, *args, **options):
        try:
            course, vignettes = course_read(), vignettes_read()
        except ContentError as error:
            raise CommandError(str(error)) from error
        with transaction.atomic():  # all of it, or nothing
            call_command("seed_site", verbosity=0)
            course_load(content=course)
            created = vignettes_load(content=vignettes)
            refreshed = []
            if options["refresh_reviewed"]:
                refreshed = lessons_refresh(content=course) + vignettes_refresh(content=vignettes)
        if options["verbosity"]:
            for page in refreshed:
                self.stdout.write(f"Refreshed from its reviewed file: {page.title}")
            self.stdout.write(
                self.style.SUCCESS(
                    f"Training content is in place: “{course.title}” and "
                    f"{len(vignettes)} vignettes ({len(created)} added)."
                )
            )
