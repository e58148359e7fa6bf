"""The site's own pages: home, about, accessibility statement and privacy notice.

Loaded by `seed_site` in every environment (production included) and by `seed_demo`. Pages that
already exist are left as editors made them.
"""

from django.conf import settings
from django.db import transaction

from wagtail.models import Page, Site

from cms.models import ContentPage, HomePage, ResourceIndexPage, SiteSettings


def _rich(*paragraphs: str) -> str:
    return "".join(f"<p>{text}</p>" for text in paragraphs)


HOME = {
    "title": "Home",
    "hero_heading": "Stratified care for low back pain",
    "hero_text": (
        "Training for GPs and physiotherapists in using the Keele STarT Back Screening Tool "
        "and matching each patient to the care that fits their risk."
    ),
    "intro": _rich(
        "Most people with low back pain recover with simple advice and support; a minority are "
        "at risk of persistent disabling pain. Stratified care uses a short questionnaire, the "
        "Keele STarT Back Screening Tool, to tell these groups apart early, so that each person "
        "gets the treatment that fits: neither more nor less than they need.",
        "This training takes you through why stratification works, how to score the tool, "
        "what the matched treatments are for low, medium and high risk, how to talk about risk "
        "with patients, and the red flags to rule out first. You practise on case vignettes and "
        "get feedback on every answer.",
    ),
    "audience": [
        (
            "audience",
            {
                "heading": "GPs",
                "text": "Use the tool in a consultation, explain the result and decide who "
                "needs onward referral and who is best supported in primary care.",
            },
        ),
        (
            "audience",
            {
                "heading": "Physiotherapists",
                "text": "Deliver matched treatment, including psychologically informed "
                "physiotherapy for patients at high risk.",
            },
        ),
        (
            "audience",
            {
                "heading": "Champions and trainers",
                "text": "Lead stratified care locally, share resources and follow how "
                "your teams are progressing.",
            },
        ),
    ],
    "body": [
        (
            "inset_text",
            {
                "body": _rich(
                    "In the STarT Back trial, stratified care improved disability and cost "
                    "less per patient than current best care (Hill et al., Lancet 2011)."
                )
            },
        ),
    ],
}

ABOUT = {
    "title": "About stratified care",
    "slug": "about",
    "intro": "Why matching treatment to risk helps people with low back pain.",
    "body": [
        ("heading", {"text": "The problem stratification solves", "level": "h2"}),
        (
            "paragraph",
            _rich(
                "Low back pain is one of the commonest reasons people see a GP. Most episodes "
                "settle, but a smaller group go on to long-term pain and disability. Giving "
                "everyone the same care means some receive treatment they do not need while "
                "others wait too long for help they do."
            ),
        ),
        ("heading", {"text": "What the evidence shows", "level": "h2"}),
        (
            "table",
            {
                "caption": "Key studies",
                "caption_size": "s",
                "head": [{"text": "Study"}, {"text": "What it found"}],
                "rows": [
                    {
                        "cells": [
                            {"text": "STarT Back trial (Hill et al., Lancet 2011)"},
                            {
                                "text": "851 patients. Disability (RMDQ) improved by 1.81 points "
                                "more at 4 months and 1.06 at 12 months than with current best "
                                "care, at a lower cost per patient (£240.01 against £274.40)."
                            },
                        ]
                    },
                    {
                        "cells": [
                            {"text": "IMPaCT Back (Foster et al., Ann Fam Med 2014)"},
                            {
                                "text": "64 GPs and 922 patients. Time off work halved (4 against "
                                "8 days) and fewer sickness certificates were issued (9% against "
                                "15%)."
                            },
                        ]
                    },
                ],
            },
        ),
        ("heading", {"text": "Before you stratify", "level": "h2"}),
        (
            "warning_callout",
            {
                "title": "Screen for red flags first",
                "heading_level": 3,
                "body": _rich(
                    "The tool is for people whose back pain is not caused by serious pathology. "
                    "Suspected cauda equina syndrome, malignancy, fracture, infection or a "
                    "progressive neurological deficit needs urgent or emergency referral, not a "
                    "risk group."
                ),
            },
        ),
        (
            "do_list",
            {
                "heading_level": 3,
                "label": "For every patient",
                "do": [
                    "<p>assess, and advise staying active and at work</p>",
                    "<p>give advice on pain relief and written self-management material</p>",
                    "<p>reassure, and explain when to seek help again (safety-netting)</p>",
                ],
            },
        ),
        (
            "details",
            {
                "title": "Who holds the copyright of the tool?",
                "body": [
                    (
                        "richtext",
                        _rich(
                            "Keele University. The tool may be used without a licence for "
                            "non-commercial purposes, and Keele does not endorse modified "
                            "versions. "
                            "This service shows it exactly as published."
                        ),
                    )
                ],
            },
        ),
    ],
}

ACCESSIBILITY = {
    "title": "Accessibility statement",
    "slug": "accessibility",
    "intro": "How accessible this service is and how to tell us about a problem.",
    "body": [
        (
            "paragraph",
            _rich(
                "We want as many people as possible to be able to use this service. You should "
                "be able to change colours, contrast levels and fonts, zoom in up to 400% without "
                "the text spilling off the screen, navigate the whole service using just a "
                "keyboard, and use it with a screen reader.",
                "The service is built on the NHS.UK design system, and every page is checked "
                "automatically against the Web Content Accessibility Guidelines (WCAG) 2.2 at "
                "level AA before it is released. Forms work without JavaScript.",
            ),
        ),
        ("heading", {"text": "Reporting a problem", "level": "h2"}),
        (
            "paragraph",
            _rich(
                "If you find a part of the service you cannot use, tell your trainer or local "
                "clinical champion, saying which page and what happened. We aim to reply within "
                "5 working days."
            ),
        ),
        ("heading", {"text": "Enforcement procedure", "level": "h2"}),
        (
            "paragraph",
            _rich(
                "The Equality and Human Rights Commission (EHRC) is responsible for enforcing "
                "the Public Sector Bodies (Websites and Mobile Applications) (No. 2) "
                "Accessibility Regulations 2018. If you are not happy with how we respond to "
                "your complaint, contact the Equality Advisory and Support Service (EASS)."
            ),
        ),
    ],
}

PRIVACY = {
    "title": "Privacy notice",
    "slug": "privacy",
    "intro": "What we record about you, who can see it, and how long we keep it.",
    "body": [
        ("heading", {"text": "What we record", "level": "h2"}),
        (
            "paragraph",
            _rich(
                "Your name, e-mail address, profession, organisation and, if you give it, your "
                "professional registration number.",
                "Your learning: the courses you enrol on, the lessons you complete, your quiz "
                "attempts (including anything you write in an answer and a marker's comments), "
                "your answers to case vignettes and in the scoring drill.",
                "A security record of your account: each sign-in and sign-out, failed sign-ins, "
                "changes to your password, e-mail addresses, two-factor authentication and "
                "roles (whether you or an administrator made them), downloads of your data, "
                "with the time and the network (IP) address they came from. It never holds your "
                "password or codes, and of an e-mail address only the part after the @.",
                "We record no patient information. The case vignettes describe fictional people.",
            ),
        ),
        ("heading", {"text": "Why", "level": "h2"}),
        (
            "paragraph",
            _rich(
                "To run your training and show you your progress, to let trainers mark written "
                "answers and follow learners' progress, and to keep accounts secure."
            ),
        ),
        ("heading", {"text": "Who can see it", "level": "h2"}),
        (
            "paragraph",
            _rich(
                "You can see all of it. A trainer sees the progress, quiz attempts, answers, "
                "case vignette attempts and certificates of the learners they are responsible "
                "for (the members of their cohorts, and the clinicians at the organisations and "
                "clusters they are assigned to), with their name, e-mail address and "
                "organisation, in order to support and mark them. Administrators see every "
                "learner's, and can also see your profile, your roles and the security record of "
                "your account. Champions "
                "cannot see your data: on their cluster's page they see only totals, by "
                "profession, of how many clinicians at the cluster's organisations are enrolled, "
                "have completed a course and hold a current certificate.",
                "If you apply to be a champion, the trainer who decides reads your application. "
                "Once you are approved, your directory profile is public: the name you give, "
                "your role, profession, organisations, cluster, what you write about yourself, "
                "your photo if you add one, and whether your certificate is current. Your e-mail "
                "address is shown only if you choose, and only to people signed in to this site. "
                "You can unlist yourself or leave the network at any time.",
                "Nobody outside the service sees it. E-mails we send you (to confirm your "
                "address or reset your password) pass through our e-mail provider.",
            ),
        ),
        ("heading", {"text": "Nothing from other websites", "level": "h2"}),
        (
            "paragraph",
            _rich(
                "Our pages load nothing from other websites: no fonts, scripts, videos or "
                "analytics. Videos in lessons are links; if you follow one, the video site's "
                "own privacy policy applies there."
            ),
        ),
        ("heading", {"text": "How long we keep it", "level": "h2"}),
        (
            "paragraph",
            _rich(
                "Your profile and learning record: for as long as you have an account.",
                f"An account whose e-mail address is never confirmed: removed after "
                f"{settings.UNVERIFIED_ACCOUNT_DAYS} days.",
                f"The security record: {settings.AUDIT_LOG_DAYS} days. Each event is also "
                "written to the service's system logs (with the account number and network "
                "address, never a name), which the service's operator keeps for a limited time.",
                "When you delete your account, your name, e-mail addresses, profile and sign-in "
                "details are removed at once. Your scores and answers stay as statistics under "
                "an account number that no longer leads to you (anything you wrote in a quiz "
                "answer is removed), and the security record keeps that number without network "
                "addresses.",
            ),
        ),
        ("heading", {"text": "Cookies", "level": "h2"}),
        (
            "paragraph",
            _rich(
                "We use only strictly necessary cookies: one keeps you signed in, one protects "
                "forms against forgery, and a short-lived one carries a message (such as "
                "\u201cYour profile has been saved\u201d) from one page to the next. We use no "
                "analytics or advertising cookies."
            ),
        ),
        ("heading", {"text": "Your rights", "level": "h2"}),
        (
            "paragraph",
            _rich(
                "From your account\u2019s \u201cYour data\u201d page you can download "
                "everything we hold about you, as a file or a page you can print, and delete "
                "your account yourself. You can see and correct your profile at any time."
            ),
        ),
    ],
}


def _child_ensure(parent: Page, model: type[Page], content: dict) -> tuple[Page, bool]:
    """The child page with this slug: created and published if missing, otherwise left as it is."""
    existing = model.objects.child_of(parent).filter(slug=content["slug"]).first()
    if existing is not None:
        return existing, False
    page = model(**content)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page, True


RESOURCES = {
    "title": "Resources",
    "slug": "resources",
    "intro": "Patient leaflets, clinician guides, slides, pathways and audit tools, published by "
    "the network's champions and checked by a trainer.",
}


def resources_section_ensure(*, home: Page) -> ResourceIndexPage:
    """The resource library under the home page (created once; editors' changes survive)."""
    existing = ResourceIndexPage.objects.child_of(home).first()
    if existing is not None:
        return existing
    library, _ = _child_ensure(home, ResourceIndexPage, RESOURCES)
    return library


def _blocks(body) -> list[tuple[str, object]]:
    """A stream's content without its blocks' generated ids, for comparing two versions."""
    return [(child.block_type, child.block.get_prep_value(child.value)) for child in body]


def _privacy_notice_refresh(page: ContentPage) -> bool:
    """Bring a privacy notice nobody has edited up to date with what the site now does.

    The notice must stay true as the site changes, so `seed_site` (run on every release)
    publishes the current text over a notice only this module ever wrote (every revision
    without an author). A notice an editor has changed is theirs: it is left alone.
    """
    if page.revisions.exclude(user=None).exists():
        return False
    current = ContentPage(**PRIVACY)
    if page.intro == current.intro and _blocks(page.body) == _blocks(current.body):
        return False
    page.intro = current.intro
    page.body = current.body
    page.save_revision().publish()
    return True


@transaction.atomic
def site_pages_ensure() -> HomePage:
    """The home page as the default site's root, with the general pages beneath it.

    Pages that already exist are left alone, so editors' changes survive a second run.
    """
    root = Page.get_first_root_node()
    # Wagtail's placeholder "welcome" page (slug "home") gives way to the real home page; its
    # site goes with it and is recreated below.
    Page.objects.filter(
        depth=2, content_type__app_label="wagtailcore", content_type__model="page"
    ).delete()
    home = HomePage.objects.first()
    if home is None:
        home, home_created = _child_ensure(root, HomePage, {"slug": "home", **HOME})
    else:
        home_created = False

    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        site = Site.objects.create(
            hostname="localhost",
            port=80,
            is_default_site=True,
            root_page=home,
            site_name="STarT Back training",
        )
    elif not isinstance(site.root_page.specific, HomePage):
        site.root_page = home
        site.save()

    about, _ = _child_ensure(home, ContentPage, ABOUT)
    accessibility, _ = _child_ensure(home, ContentPage, ACCESSIBILITY)
    privacy, privacy_created = _child_ensure(home, ContentPage, PRIVACY)
    if not privacy_created:
        _privacy_notice_refresh(privacy.specific)

    if home_created:
        home.calls_to_action = [
            ("action_link", {"text": "Read about stratified care", "internal_page": about}),
        ]
        home.save_revision().publish()

    site_settings = SiteSettings.for_site(site)
    if not site_settings.footer_links:
        site_settings.footer_links = [
            ("link", {"label": "About stratified care", "page": about}),
            ("link", {"label": "Accessibility statement", "page": accessibility}),
            ("link", {"label": "Privacy notice", "page": privacy}),
        ]
        site_settings.save()
    if not site_settings.support_email and settings.SUPPORT_EMAIL:
        site_settings.support_email = settings.SUPPORT_EMAIL
        site_settings.save()
    return home
