"""The training section (/training/), and the Trainer role's right to author courses in it.

Called by `seed_site` in every environment, production included. A section that already exists is
left as editors made it; only missing permissions are added.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction

from wagtail.models import GroupPagePermission, Page

from cms.choices import Role
from courses.models import CourseIndexPage

TRAINING = {
    "title": "Training",
    "slug": "training",
    "intro": (
        "<p>Courses for GPs, physiotherapists and other clinicians on stratified care for low "
        "back pain with the Keele STarT Back Screening Tool. Every lesson is free to read; sign "
        "in to enrol, keep track of your progress and take the module quizzes.</p>"
    ),
}

# Trainers write courses, modules and lessons and publish them; deleting stays with administrators.
TRAINER_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page"]


@transaction.atomic
def training_section_ensure(*, home: Page) -> CourseIndexPage:
    """The training section under the home page, with trainers allowed to author in it.

    If a training section already exists anywhere (editors may have moved or renamed it), that
    one is kept and no second is made.
    """
    index = CourseIndexPage.objects.first()
    if index is None:
        index = CourseIndexPage(**TRAINING)
        home.add_child(instance=index)
        index.save_revision().publish()
    trainers, _ = Group.objects.get_or_create(name=Role.TRAINER.value)
    for codename in TRAINER_PAGE_PERMISSIONS:
        permission = Permission.objects.get(
            content_type__app_label="wagtailcore", codename=codename
        )
        GroupPagePermission.objects.get_or_create(group=trainers, page=index, permission=permission)
    return index
