"""Rebuild the demo content from its files, for development: refused in production."""

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from cms.management.commands.seed_demo import MESSAGE_NOT_ALLOWED
from core.content_files import ContentError
from courses.learning.loader import course_read
from courses.models import Cohort, CoursePage, Quiz, Sitting
from scoring_practice.loader import vignettes_read
from scoring_practice.models import VignettePage


class Command(BaseCommand):
    help = (
        "Delete the demo course (with its cohorts), its quizzes and the case vignettes, with "
        "every attempt at them, and load them again from the content files. Development only."
    )

    def handle(self, *args, **options):
        if not settings.SEED_DEMO_ALLOWED:
            raise CommandError(MESSAGE_NOT_ALLOWED)
        # Check the files before deleting anything: a broken file leaves the demo as it was.
        try:
            course, vignettes = course_read(), vignettes_read()
        except ContentError as error:
            raise CommandError(str(error)) from error
        quiz_titles = [module.quiz.title for module in course.modules]
        with transaction.atomic():
            for page in CoursePage.objects.filter(slug=course.slug):
                Cohort.objects.filter(course=page).delete()  # a cohort keeps its course
                page.delete()  # its modules, lessons, enrolments and completions go with it
            Sitting.objects.filter(quiz__title__in=quiz_titles).delete()
            Quiz.objects.filter(title__in=quiz_titles).delete()
            for page in VignettePage.objects.filter(slug__in=[v.slug for v in vignettes]):
                page.delete()  # attempts keep their own copy of the case
            call_command("seed_demo", verbosity=options["verbosity"])
