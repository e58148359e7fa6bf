"""The practice section's place in the site: the index page at /practice/ and who may edit it.

Run by `seed_site` in every environment. An existing index page is left as editors made it; the
page permissions are added if missing, never removed.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction

from wagtail.models import GroupPagePermission, Page, Site

from scoring_practice.models import PracticeIndexPage

# The role groups' names (see the site's `Role` choices); this app does not import the site app.
TRAINER_GROUP = "Trainer"
CHAMPION_GROUP = "Champion"
# Trainers author and publish vignettes; champions may draft them and submit them for moderation.
GROUP_PAGE_PERMISSIONS = {
    TRAINER_GROUP: ("add_page", "change_page", "publish_page"),
    CHAMPION_GROUP: ("add_page", "change_page"),
}

PRACTICE_INDEX = {
    "title": "Practise scoring",
    "slug": "practice",
    "intro": (
        "<p>Practise the Keele STarT Back Screening Tool on case vignettes: score a completed "
        "questionnaire, read a consultation and answer as the patient would, or decide whether a "
        "patient can be stratified at all. Each answer gets feedback item by item, with the "
        "common mistakes named when they happen.</p>"
        "<p>For quick practice on the cut-offs, the scoring drill gives you one ticked "
        "questionnaire after another.</p>"
    ),
}


@transaction.atomic
def practice_section_ensure() -> PracticeIndexPage | None:
    """The practice index under the default site's home page, with its group permissions.

    Returns None (and does nothing) if there is no default site yet.
    """
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        return None
    home: Page = site.root_page
    index = PracticeIndexPage.objects.child_of(home).first()
    if index is None:
        index = PracticeIndexPage(**PRACTICE_INDEX)
        home.add_child(instance=index)
        index.save_revision().publish()

    for group_name, codenames in GROUP_PAGE_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=group_name)
        for codename in codenames:
            permission = Permission.objects.get(
                content_type__app_label="wagtailcore", codename=codename
            )
            GroupPagePermission.objects.get_or_create(
                group=group, page=index, permission=permission
            )
    return index
