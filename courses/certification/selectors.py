"""Reads for certification: where a learner stands against a course's rule, their certificates,
and a certificate looked up by its code."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone

from courses.certification.codes import code_normalise
from courses.certification.models import (
    AssessedSet,
    Assessment,
    Certificate,
    CertificateStatus,
    CertificationRule,
    CpdReflection,
)
from courses.learning.models import CoursePage, LessonCompletion, LessonPage, ModulePage
from courses.learning.selectors import course_modules_live
from courses.quiz.models import Quiz, Sitting

CERTIFICATES_PER_PAGE = 20


@dataclass(frozen=True)
class Requirement:
    """One thing the rule asks for, whether it is met, and where to go to meet it."""

    label: str
    met: bool
    url: str | None = None
    kind: str = "lesson"


@dataclass
class RuleProgress:
    """A learner's standing against a rule (or its refresher)."""

    rule: CertificationRule
    requirements: list[Requirement] = field(default_factory=list)
    renewal: bool = False

    @property
    def met(self) -> bool:
        return all(requirement.met for requirement in self.requirements)

    @property
    def remaining(self) -> list[Requirement]:
        return [requirement for requirement in self.requirements if not requirement.met]


def rule_for_course(*, course: CoursePage) -> CertificationRule | None:
    return (
        CertificationRule.objects.select_related("assessed_set", "refresher_set", "refresher_quiz")
        .filter(course=course)
        .first()
    )


def _lesson_requirements(*, user, lessons: list[LessonPage]) -> list[Requirement]:
    done = set(
        LessonCompletion.objects.filter(user=user, lesson__in=lessons).values_list(
            "lesson_id", flat=True
        )
    )
    return [
        Requirement(f"Complete the lesson “{lesson.title}”", lesson.pk in done, lesson.url)
        for lesson in lessons
    ]


def _quiz_requirements(
    *, user, quizzes: list[tuple[Quiz, str | None]], since: datetime.date | None
) -> list[Requirement]:
    sittings = Sitting.objects.filter(
        user=user, quiz__in=[quiz for quiz, _ in quizzes], passed=True
    )
    if since is not None:
        sittings = sittings.filter(ended_at__date__gte=since)
    passed = set(sittings.values_list("quiz_id", flat=True))
    return [
        Requirement(f"Pass the quiz “{quiz.title}”", quiz.pk in passed, url, kind="quiz")
        for quiz, url in quizzes
    ]


def assessment_passed(
    *, user, assessed_set: AssessedSet, since: datetime.date | None = None
) -> bool:
    passed = Assessment.objects.filter(user=user, assessed_set=assessed_set, passed=True)
    if since is not None:
        passed = passed.filter(submitted_at__date__gte=since)
    return passed.exists()


def _assessment_requirement(
    *, user, course: CoursePage, assessed_set: AssessedSet, since: datetime.date | None
) -> Requirement:
    return Requirement(
        f"Pass the assessed vignette set “{assessed_set.title}”",
        assessment_passed(user=user, assessed_set=assessed_set, since=since),
        reverse(
            "courses:assessment_start",
            kwargs={"course_id": course.pk, "set_id": assessed_set.pk},
        ),
        kind="assessment",
    )


def rule_progress(
    *, rule: CertificationRule, user, since: datetime.date | None = None
) -> RuleProgress:
    """The course's requirements and which of them the user has met. Quiz passes and assessed
    sets count from `since` when given (re-certifying after expiry)."""
    course = rule.course
    modules = course_modules_live(course=course)
    lessons = list(rule.required_lessons.live().order_by("path")) or [
        lesson.page for module in modules for lesson in module.required_lessons
    ]
    module_urls = {module.quiz_id: module.page.url for module in modules if module.quiz_id}
    chosen = list(rule.required_quizzes.filter(draft=False).order_by("title"))
    if not chosen:
        # Each live module's quiz, in course order (drafts cannot be taken, so never count).
        by_id = Quiz.objects.in_bulk(list(module_urls))
        chosen = [by_id[quiz_id] for quiz_id in module_urls if quiz_id in by_id]
    quizzes = [(quiz, module_urls.get(quiz.pk)) for quiz in chosen]
    progress = RuleProgress(rule=rule)
    progress.requirements += _lesson_requirements(user=user, lessons=lessons)
    progress.requirements += _quiz_requirements(user=user, quizzes=quizzes, since=since)
    if rule.assessed_set is not None:
        progress.requirements.append(
            _assessment_requirement(
                user=user, course=course, assessed_set=rule.assessed_set, since=since
            )
        )
    return progress


def refresher_progress(*, rule: CertificationRule, user, since: datetime.date) -> RuleProgress:
    """The refresher's requirements: its lessons (read at any time) and its quiz and assessed
    set, passed since the renewal window opened."""
    progress = RuleProgress(rule=rule, renewal=True)
    lessons = list(rule.refresher_lessons.live().order_by("path"))
    progress.requirements += _lesson_requirements(user=user, lessons=lessons)
    if rule.refresher_quiz is not None:
        module = ModulePage.objects.live().filter(quiz=rule.refresher_quiz).first()
        progress.requirements += _quiz_requirements(
            user=user,
            quizzes=[(rule.refresher_quiz, module.url if module else None)],
            since=since,
        )
    if rule.refresher_set is not None:
        progress.requirements.append(
            _assessment_requirement(
                user=user, course=rule.course, assessed_set=rule.refresher_set, since=since
            )
        )
    return progress


def _with_renewal(certificates: QuerySet[Certificate]) -> QuerySet[Certificate]:
    return certificates.select_related("renewal", "renews")


def certificate_latest(*, user, course: CoursePage) -> Certificate | None:
    """The newest certificate in the holder's chain for a course."""
    return (
        _with_renewal(Certificate.objects.filter(holder=user, course=course))
        .order_by("-issued_on", "-pk")
        .first()
    )


def certificate_list(*, user, page_number=None) -> PaginatorPage:
    """The holder's certificates, current ones first, then newest first."""
    today = timezone.localdate()
    certificates = sorted(
        _with_renewal(Certificate.objects.filter(holder=user)).select_related("course"),
        key=lambda certificate: (
            not certificate.status(today).is_current,
            -certificate.issued_on.toordinal(),
            -certificate.pk,
        ),
    )
    return Paginator(certificates, CERTIFICATES_PER_PAGE).get_page(page_number)


def certificate_by_code(typed: str) -> Certificate | None:
    """The certificate a typed code names, or None if it is malformed or unknown."""
    code = code_normalise(typed)
    if code is None:
        return None
    return _with_renewal(Certificate.objects.filter(code=code)).first()


def certificate_for_holder(*, user, code: str) -> Certificate | None:
    return _with_renewal(Certificate.objects.filter(holder=user, code=code)).first()


def certificates_due_reminder(*, on: datetime.date) -> QuerySet[Certificate]:
    """Certificates that are neither revoked nor renewed, expiring within 60 days or expired on
    or before `on` (the reminder job decides which reminder each is due)."""
    return Certificate.objects.filter(
        revoked_at__isnull=True,
        renewal__isnull=True,
        expires_on__lte=on + datetime.timedelta(days=60),
        expires_on__gt=on - datetime.timedelta(days=30),
    ).select_related("holder", "renews")


def certification_personal_data(*, user) -> dict:
    """Everything certification holds about one person, for their data download."""
    certificates = _with_renewal(Certificate.objects.filter(holder=user)).order_by("issued_on")
    sittings = Assessment.objects.filter(user=user).select_related("assessed_set")
    return {
        "certificates": [
            {
                "code": certificate.code,
                "course": certificate.course_title,
                "name_on_certificate": certificate.holder_name,
                "issued_on": certificate.issued_on.isoformat(),
                "expires_on": certificate.expires_on.isoformat(),
                "cpd_hours": str(certificate.cpd_hours),
                "status": certificate.status().value,
                "revoked_reason": certificate.revoked_reason or None,
                "renews": certificate.renews.code if certificate.renews else None,
            }
            for certificate in certificates
        ],
        "assessments": [
            {
                "set": sitting.assessed_set.title,
                "started_at": sitting.started_at.isoformat(),
                "state": sitting.get_state_display(),
                "percent_correct": sitting.percent_correct,
                "passed": sitting.passed,
            }
            for sitting in sittings.order_by("started_at")
        ],
        "cpd_reflections": [
            {
                "entry": reflection.entry,
                "what_i_learned": reflection.learned,
                "how_i_will_apply_it": reflection.apply,
                "effect_on_my_practice": reflection.effect,
                "updated_at": reflection.updated_at.isoformat(),
            }
            for reflection in CpdReflection.objects.filter(user=user).order_by("updated_at")
        ],
    }


def certification_status_by_user(user_ids) -> dict[int, CertificateStatus]:
    """Each user's best standing certificate status (valid, then expiring, then expired), from
    the certificates neither revoked nor renewed; users with none are left out. One query."""
    today = timezone.localdate()
    rank = {
        CertificateStatus.VALID: 0,
        CertificateStatus.EXPIRING: 1,
        CertificateStatus.EXPIRED: 2,
    }
    best: dict[int, CertificateStatus] = {}
    standing = Certificate.objects.filter(
        holder_id__in=user_ids, revoked_at__isnull=True, renewal__isnull=True
    ).values_list("holder_id", "expires_on", "renewal_window_days")
    for holder_id, expires_on, window in standing:
        if expires_on <= today:
            status = CertificateStatus.EXPIRED
        elif expires_on - datetime.timedelta(days=window) <= today:
            status = CertificateStatus.EXPIRING
        else:
            status = CertificateStatus.VALID
        held = best.get(holder_id)
        if held is None or rank[status] < rank[held]:
            best[holder_id] = status
    return best
