"""Nonsense sent to the course pages and the learning addresses never produces a server error."""

import pytest

from courses.models import Enrolment, LessonCompletion
from tests.courses.factories import course_tree, training_index
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

NONSENSE = {"page": "x" * 5000, "next": "https://evil.example/", "check-abc": ["<b>", "99"]}


@pytest.mark.parametrize("signed_in", [False, True])
def test_no_learning_address_answers_nonsense_with_a_server_error(client, home, signed_in):
    course = course_tree(index=training_index(home), modules=1, lessons=1)
    module = course.get_children().first()
    lesson = module.get_children().first()
    if signed_in:
        client.force_login(UserFactory())
    paths = [
        course.get_parent().url,
        course.url,
        module.url,
        lesson.url,
        "/my-learning/",
        "/my-learning/?page=-1",
        "/my-learning/courses/0/enrol/",
        f"/my-learning/courses/{module.pk}/enrol/",
        f"/my-learning/courses/{course.pk}/enrol/extra/",
        "/my-learning/courses/99999999999999999999/enrol/",
        "/my-learning/lessons/0/complete/",
        f"/my-learning/lessons/{course.pk}/complete/",
        "/my-learning/lessons/99999999999999999999/complete/",
    ]
    failures = []
    for path in paths:
        for method in ("get", "post", "put", "delete"):
            response = getattr(client, method)(path, NONSENSE if method != "delete" else None)
            if response.status_code >= 500:
                failures.append(f"{method.upper()} {path} -> {response.status_code}")
    assert failures == []
    assert not Enrolment.objects.exists()
    assert not LessonCompletion.objects.exists()
