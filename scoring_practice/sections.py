"""The practice section's place in the site: the index page at /practice/.

Run by `seed_site` in every environment. An existing index page is left as editors made it. Who
may edit vignettes is the role matrix's business (`core.roles`, applied by `seed_site`): trainers
author and publish, champions draft and submit for moderation.
"""

from django.db import transaction

from wagtail.models import Page, Site

from scoring_practice.models import PracticeIndexPage

PRACTICE_INDEX = {
    "title": "Practise scoring",
    "slug": "practice",
    "intro": (
        "<p>Practise the Keele STarT Back Screening Tool on case vignettes: score a completed "
        "questionnaire, listen for the items in a consultation, or decide whether a "
        "patient can be stratified at all. Each answer gets feedback item by item, with the "
        "common mistakes named when they happen.</p>"
        "<p>For quick practice on the cut-offs, the scoring drill gives you one ticked "
        "questionnaire after another.</p>"
    ),
}


@transaction.atomic
def practice_section_ensure() -> PracticeIndexPage | None:
    """The practice index under the default site's home page.

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

    return index
