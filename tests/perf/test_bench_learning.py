"""Benchmarks for the learning and practice pages over the demo content (run with `make bench`).

Loads the demo course (6 modules, 18 lessons) and the 15 demo vignettes, gives a trainee an
enrolment with half the lessons done, 30 vignette attempts and 200 drill answers, then reports the
median and 95th-percentile server time and the queries per request through Django's test client.
"""

from django.core.management import call_command
from django.db import connection

import pytest

from courses.learning.services import enrolment_create, lesson_complete
from courses.models import CoursePage, LessonPage
from scoring_practice.models import VignettePage
from tests.factories import UserFactory
from tests.perf.test_bench_pages import REQUESTS, measure
from tests.scoring_practice.factories import AttemptFactory, DrillAnswerFactory

pytestmark = pytest.mark.django_db


def test_bench_learning_and_practice_pages(client, home):
    call_command("seed_demo", verbosity=0)
    course = CoursePage.objects.live().get()
    lessons = list(LessonPage.objects.live().descendant_of(course).order_by("path"))
    vignettes = list(VignettePage.objects.live().order_by("path"))
    trainee = UserFactory()
    enrolment_create(user=trainee, course=course)
    for lesson in lessons[: len(lessons) // 2]:
        lesson_complete(user=trainee, lesson=lesson)
    attempts = [AttemptFactory(user=trainee, page=vignettes[i % len(vignettes)]) for i in range(30)]
    for _ in range(200):
        DrillAnswerFactory(user=trainee)

    results = {
        "training index (visitor)": measure(client, "/training/"),
        "course page (visitor)": measure(client, course.url),
        "lesson (visitor)": measure(client, lessons[5].url),
        "practice index (visitor)": measure(client, "/practice/"),
        "vignette (visitor)": measure(client, vignettes[0].url),
    }
    client.force_login(trainee)
    results |= {
        "course page (enrolled)": measure(client, course.url),
        "lesson (enrolled)": measure(client, lessons[5].url),
        "my learning": measure(client, "/my-learning/"),
        "vignette (signed in)": measure(client, vignettes[0].url),
        "attempt feedback": measure(client, f"/practice/attempts/{attempts[-1].pk}/"),
        "practice history": measure(client, "/practice/history/"),
        "drill": measure(client, "/practice/drill/"),
    }
    print(f"\n{REQUESTS} requests each, Django test client, {connection.vendor}")
    for name, figures in results.items():
        print(f"  {name:<26} {figures}")
