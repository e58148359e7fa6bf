"""Demo certification: the course's rule and assessed set, a valid certificate for the demo
trainee, and demo holders whose certificates are expiring, expired, revoked and renewed.
Idempotent: a second run finds what the first made."""

import datetime

from django.db import transaction
from django.utils import timezone

from core.choices import Profession, Role
from core.models import User
from core.services import user_assign_role
from courses.certification.models import (
    AssessedSet,
    AssessedSetCase,
    Certificate,
    CertificationRule,
)
from courses.certification.services import add_months
from courses.learning.models import CoursePage
from scoring_practice.models import VignettePage

ASSESSED_SET_TITLE = "Stratify and triage: ten assessed cases"
# Chosen to test every decision: two low, three medium (one with a subscale of 3, one with item 9
# at "moderately"), two high (one on the subscale cut-off of 4), a triage case that is stratified
# (mechanical night pain), an emergency (cauda equina) and an urgent referral (spinal metastases).
ASSESSED_SLUGS = (
    "darren-hughes",
    "priya-nair",
    "steve-barnes",
    "ian-fletcher",
    "sandra-okafor",
    "lukasz-nowak",
    "tom-whitaker",
    "paul-hendry",
    "kelly-marsh",
    "margaret-hollis",
)
# (e-mail, full name, how the certificate stands)
DEMO_HOLDERS = (
    ("holder.expiring@example.com", "Farah Siddiqui", "expiring"),
    ("holder.expired@example.com", "Tomasz Nowak", "expired"),
    ("holder.revoked@example.com", "Gwen Price", "revoked"),
    ("holder.renewed@example.com", "Kwame Mensah", "renewed"),
)


def _rule(course: CoursePage) -> CertificationRule:
    assessed, created = AssessedSet.objects.get_or_create(title=ASSESSED_SET_TITLE)
    if created:
        by_slug = {
            vignette.slug: vignette
            for vignette in VignettePage.objects.live().filter(slug__in=ASSESSED_SLUGS)
        }
        for order, slug in enumerate(ASSESSED_SLUGS):
            if slug in by_slug:
                AssessedSetCase.objects.create(
                    assessed_set=assessed, vignette=by_slug[slug], sort_order=order
                )
    rule, _ = CertificationRule.objects.get_or_create(
        course=course, defaults={"assessed_set": assessed}
    )
    return rule


def _certificate(user: User, course: CoursePage, issued_on, **fields) -> Certificate:
    values = {
        "holder_name": user.full_name,
        "course_title": course.title,
        "cpd_hours": course.cpd_hours,
        "issued_on": issued_on,
        "expires_on": add_months(issued_on, 24),
        "criteria": course.certification_rule.criteria(renewal=fields.get("renews") is not None),
        **fields,
    }
    certificate = Certificate.objects.filter(
        holder=user, course=course, renews=fields.get("renews")
    ).first()
    return certificate or Certificate.objects.create(holder=user, course=course, **values)


@transaction.atomic
def demo_certificates_ensure(*, trainee: User) -> list[tuple[str, Certificate]]:
    """(who, certificate) for each demo certificate; empty if the course is not loaded."""
    course = CoursePage.objects.live().order_by("path").first()
    if course is None:
        return []
    _rule(course)
    today = timezone.localdate()
    shown = [("Trainee", _certificate(trainee, course, today - datetime.timedelta(days=30)))]
    for email, name, kind in DEMO_HOLDERS:
        user = User.objects.filter(email=email).first()
        if user is None:
            user = User(email=email, full_name=name, profession=Profession.PHYSIOTHERAPIST)
            user.set_unusable_password()
            user.save()
            user_assign_role(user=user, role=Role.TRAINEE)
        if kind == "expiring":
            issued = add_months(today, -24) + datetime.timedelta(days=40)
            shown.append((name, _certificate(user, course, issued)))
        elif kind == "expired":
            issued = add_months(today, -24) - datetime.timedelta(days=20)
            shown.append((name, _certificate(user, course, issued)))
        elif kind == "revoked":
            shown.append(
                (
                    name,
                    _certificate(
                        user,
                        course,
                        today - datetime.timedelta(days=100),
                        revoked_at=timezone.now(),
                        revoked_reason="The assessment was not the holder's own work.",
                    ),
                )
            )
        else:
            old = _certificate(user, course, add_months(today, -24) + datetime.timedelta(days=60))
            shown.append((name, old))
            shown.append(
                (
                    name,
                    _certificate(
                        user,
                        course,
                        today - datetime.timedelta(days=20),
                        renews=old,
                        expires_on=add_months(old.expires_on, 24),
                        cpd_hours=1,
                    ),
                )
            )
    return shown
