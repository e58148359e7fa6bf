"""Trainers author courses in the Wagtail admin, inside the training section only."""

from django.urls import reverse

import pytest

from core.choices import Role
from core.roles import roles_sync
from courses.learning.sections import training_section_ensure
from tests.courses.factories import course_tree, lesson_with_every_block
from tests.factories import ContentPageFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def mfa_satisfied(monkeypatch):
    """These tests are about page permissions, not the second factor (tested elsewhere)."""
    monkeypatch.setattr("cms.middleware.mfa_enrolled", lambda user: True)
    monkeypatch.setattr("cms.middleware.second_factor_used", lambda request: True)


def test_trainer_may_author_and_publish_in_the_training_section_only(home):
    index = training_section_ensure(home=home)
    roles_sync()
    about = ContentPageFactory(parent=home)
    trainer = UserFactory(roles=[Role.TRAINEE, Role.TRAINER])
    trainee = UserFactory()

    in_training = index.permissions_for_user(trainer)
    assert in_training.can_add_subpage()
    assert in_training.can_publish_subpage()
    assert not about.permissions_for_user(trainer).can_edit()
    assert not index.permissions_for_user(trainee).can_add_subpage()


def test_trainer_edits_every_course_page_type_in_the_admin(client, home, mfa_satisfied):
    index = training_section_ensure(home=home)
    roles_sync()
    course = course_tree(index=index, modules=1, lessons=1, quiz=True)
    module = course.get_children().first()
    lesson = lesson_with_every_block(index)
    client.force_login(UserFactory(roles=[Role.TRAINEE, Role.TRAINER]))

    for page in [index, course, module, lesson]:
        response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
        assert response.status_code == 200, page
    for model, parent in [("coursepage", index), ("modulepage", course), ("lessonpage", module)]:
        url = reverse("wagtailadmin_pages:add", args=["courses", model, parent.pk])
        assert client.get(url).status_code == 200, model
