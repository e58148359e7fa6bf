"""The training section (/training/) in the page tree.

Called by `seed_site` in every environment, production included. A section that already exists is
left as editors made it.
"""

from django.db import transaction

from wagtail.models import Page, Site

from courses.learning.models import CourseIndexPage

TRAINING = {
    "title": "Training",
    "slug": "training",
    "intro": (
        "<p>Courses for GPs, physiotherapists and other clinicians on stratified care for low "
        "back pain with the Keele STarT Back Screening Tool. Every lesson is free to read; sign "
        "in to enrol, keep track of your progress and take the module quizzes.</p>"
    ),
}


@transaction.atomic
def training_section_ensure(*, home: Page | None = None) -> CourseIndexPage:
    """The training section under the home page (the default site's, unless one is given).

    If a training section already exists anywhere (editors may have moved or renamed it), that
    one is kept and no second is made. Who may author in it is the role matrix's business
    (`core.roles`, applied by `seed_site`): trainers add, edit and publish.
    """
    index = CourseIndexPage.objects.first()
    if index is None:
        home = home or Site.objects.get(is_default_site=True).root_page
        index = CourseIndexPage(**TRAINING)
        home.add_child(instance=index)
        index.save_revision().publish()
    return index
