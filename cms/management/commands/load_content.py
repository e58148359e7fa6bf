"""Load the training content: the course, its quizzes and the case vignettes. Safe to repeat."""

from django.core.management import call_command
from django.core.management.base import BaseCommand

from courses.learning.demo import demo_course_ensure
from scoring_practice.demo import demo_vignettes_ensure


class Command(BaseCommand):
    help = (
        "Create the training course, its quizzes and the case vignettes where they are missing "
        "(idempotent; editors' changes are kept). Runs seed_site first."
    )

    def handle(self, *args, **options):
        call_command("seed_site", verbosity=0)
        demo_course_ensure()
        demo_vignettes_ensure()
        if options["verbosity"]:
            self.stdout.write(self.style.SUCCESS("Training content is in place."))
