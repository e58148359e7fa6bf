"""The trainer's dashboard: who is enrolled, in progress, completed and certified in a chosen
scope, the module-by-module funnel, and the trainee list behind it. Everything starts from
`trainees_in_scope` and is aggregated in the database, in a number of queries that does not
grow with the number of trainees."""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from dataclasses import dataclass, field

from django.db.models import Count, Exists, Max, OuterRef, Q, QuerySet
from django.utils import timezone

from core.models import Cluster, Organisation, User
from courses.certification.models import Certificate
from courses.cohorts.models import Cohort, CohortMember
from courses.cohorts.scope import trainees_in_scope
from courses.learning.models import CoursePage, Enrolment, LessonCompletion
from courses.learning.selectors import (
    course_completers,
    course_finishers,
    module_completers_by_course,
)
from courses.quiz.models import Sitting

EXPIRING_DAYS = 60


@dataclass(frozen=True)
class Filters:
    cohort: Cohort | None = None
    organisation: Organisation | None = None
    cluster: Cluster | None = None
    profession: str = ""
    since: datetime.date | None = None
    until: datetime.date | None = None

    @property
    def course(self) -> CoursePage | None:
        return self.cohort.course if self.cohort is not None else None

    def describe(self) -> str:
        """The scope in words, for the record of reminders sent."""
        parts = [
            f"cohort {self.cohort}" if self.cohort else "",
            f"organisation {self.organisation}" if self.organisation else "",
            f"cluster {self.cluster}" if self.cluster else "",
            f"profession {self.profession}" if self.profession else "",
            f"enrolled from {self.since}" if self.since else "",
            f"enrolled to {self.until}" if self.until else "",
        ]
        return ", ".join(part for part in parts if part) or "all my trainees"


def scoped_trainees(user, filters: Filters) -> QuerySet[User]:
    """The trainees in the user's scope that the filters pick out."""
    trainees = trainees_in_scope(user)
    if filters.cohort is not None:
        trainees = trainees.filter(
            pk__in=CohortMember.objects.filter(cohort=filters.cohort).values("user_id")
        )
    if filters.organisation is not None:
        trainees = trainees.filter(organisation=filters.organisation)
    if filters.cluster is not None:
        trainees = trainees.filter(organisation__cluster=filters.cluster)
    if filters.profession:
        trainees = trainees.filter(profession=filters.profession)
    if filters.since or filters.until:
        enrolled = Enrolment.objects.all()
        if filters.since:
            enrolled = enrolled.filter(enrolled_at__date__gte=filters.since)
        if filters.until:
            enrolled = enrolled.filter(enrolled_at__date__lte=filters.until)
        if filters.course is not None:
            enrolled = enrolled.filter(course=filters.course)
        trainees = trainees.filter(pk__in=enrolled.values("user_id"))
    return trainees


def _courses(filters: Filters) -> list[CoursePage]:
    return [filters.course] if filters.course else list(CoursePage.objects.live().order_by("path"))


def _standing_certificates(filters: Filters) -> QuerySet[Certificate]:
    certificates = Certificate.objects.filter(revoked_at__isnull=True, renewal__isnull=True)
    if filters.course is not None:
        certificates = certificates.filter(course=filters.course)
    return certificates


@dataclass
class Summary:
    trainees: int = 0
    enrolled: int = 0
    in_progress: int = 0
    completed: int = 0
    certified: int = 0
    expiring: int = 0
    expired: int = 0

    def share(self, count: int) -> int:
        return 100 * count // self.trainees if self.trainees else 0


def _count(condition: Q) -> Count:
    # The scope's queries filter by subqueries and single-valued joins, so never repeat a user.
    return Count("pk", filter=condition)


@dataclass
class FunnelStep:
    label: str
    count: int
    share: int


def overview(trainees: QuerySet[User], filters: Filters) -> tuple[Summary, list[FunnelStep]]:
    """The dashboard's totals and its module-by-module funnel, which share the work of finding
    who has completed what: two queries for the courses' trees and two per course."""
    today = timezone.localdate()
    courses = _courses(filters)
    enrolments = Enrolment.objects.filter(user=OuterRef("pk"), course__in=courses)
    lessons_done = LessonCompletion.objects.filter(user=OuterRef("pk"))
    quizzes_tried = Sitting.objects.filter(user=OuterRef("pk"))
    standing = _standing_certificates(filters).filter(holder=OuterRef("pk"))
    counts = trainees.annotate(
        is_enrolled=Exists(enrolments),
        has_lessons=Exists(lessons_done),
        has_sittings=Exists(quizzes_tried),
        is_current=Exists(standing.filter(expires_on__gt=today)),
        is_expiring=Exists(
            standing.filter(
                expires_on__gt=today,
                expires_on__lte=today + datetime.timedelta(days=EXPIRING_DAYS),
            )
        ),
        has_expired=Exists(standing.filter(expires_on__lte=today)),
    ).aggregate(
        trainees=Count("pk"),
        enrolled=_count(Q(is_enrolled=True)),
        started=_count(Q(is_enrolled=True) & (Q(has_lessons=True) | Q(has_sittings=True))),
        certified=_count(Q(is_current=True)),
        expiring=_count(Q(is_expiring=True)),
        expired=_count(Q(has_expired=True, is_current=False)),
    )
    modules = module_completers_by_course(courses=courses, user_ids=trainees.values("pk"))
    completers = set().union(*(course_finishers(rows) for rows in modules.values()))
    completed = len(completers)
    totals = Summary(
        trainees=counts["trainees"],
        enrolled=counts["enrolled"],
        in_progress=max(counts["started"] - completed, 0),
        completed=completed,
        certified=counts["certified"],
        expiring=counts["expiring"],
        expired=counts["expired"],
    )
    # The funnel: those enrolled on the cohort's course (or the first course), then each module.
    course = filters.course or (courses[0] if courses else None)
    if course is None:
        return totals, []
    enrolled = set(
        Enrolment.objects.filter(course=course, user__in=trainees).values_list("user_id", flat=True)
    )
    total = len(enrolled)
    steps = [FunnelStep("Enrolled", total, 100 if total else 0)]
    for module, finished in modules[course.pk]:
        count = len(finished & enrolled)
        steps.append(FunnelStep(module.page.title, count, 100 * count // total if total else 0))
    return totals, steps


def summary(trainees: QuerySet[User], filters: Filters) -> Summary:
    return overview(trainees, filters)[0]


def funnel(trainees: QuerySet[User], filters: Filters) -> list[FunnelStep]:
    return overview(trainees, filters)[1]


# The trainee list and its export ------------------------------------------------------------

COLUMNS = (
    "Name",
    "E-mail",
    "Profession",
    "Organisation",
    "Cluster",
    "Cohorts",
    "Enrolled",
    "Completed",
    "Certificate",
    "Certificate expires",
    "Last activity",
)


@dataclass
class TraineeRow:
    user: User
    cohorts: list[str] = field(default_factory=list)
    enrolled: datetime.date | None = None
    completed: bool = False
    certificate: str = "None"
    expires_on: datetime.date | None = None
    last_activity: datetime.datetime | None = None

    def cells(self) -> list[str]:
        user = self.user
        cluster = user.organisation.cluster if user.organisation_id and user.organisation else None
        return [
            user.full_name,
            user.email,
            user.get_profession_display(),
            user.organisation_display,
            cluster.name if cluster else "",
            "; ".join(self.cohorts),
            self.enrolled.isoformat() if self.enrolled else "",
            "Yes" if self.completed else "No",
            self.certificate,
            self.expires_on.isoformat() if self.expires_on else "",
            self.last_activity.date().isoformat() if self.last_activity else "",
        ]


def trainee_rows(
    trainees: QuerySet[User], filters: Filters, *, chunk: int = 2000
) -> Iterator[TraineeRow]:
    """Each trainee with their columns, a chunk at a time: a fixed number of queries per chunk,
    and memory that stays flat however many rows there are."""
    today = timezone.localdate()
    courses = _courses(filters)
    ordered = trainees.order_by("full_name", "email", "pk").select_related("organisation__cluster")
    ids = list(ordered.values_list("pk", flat=True))
    for start in range(0, len(ids), chunk):
        batch_ids = ids[start : start + chunk]
        users = ordered.filter(pk__in=batch_ids).annotate(
            last_lesson=Max("lesson_completions__completed_at"),
            last_enrolled=Max("enrolments__last_visited_at"),
        )
        cohorts: dict[int, list[str]] = {}
        for user_id, name in CohortMember.objects.filter(user_id__in=batch_ids).values_list(
            "user_id", "cohort__name"
        ):
            cohorts.setdefault(user_id, []).append(name)
        enrolled = dict(
            Enrolment.objects.filter(user_id__in=batch_ids, course__in=courses)
            .values("user_id")
            .annotate(first=Max("enrolled_at"))
            .values_list("user_id", "first")
        )
        completed = course_completers(courses=courses, user_ids=batch_ids)
        certificates: dict[int, tuple[str, datetime.date | None]] = {}
        for holder_id, expiry in (
            _standing_certificates(filters)
            .filter(holder_id__in=batch_ids)
            .order_by("expires_on")
            .values_list("holder_id", "expires_on")
        ):
            if expiry <= today:
                status = "Expired"
            elif expiry <= today + datetime.timedelta(days=EXPIRING_DAYS):
                status = "Expires soon"
            else:
                status = "Current"
            certificates[holder_id] = (status, expiry)
        for user in users:
            words, expires_on = certificates.get(user.pk, ("None", None))
            moments = [m for m in (user.last_lesson, user.last_enrolled) if m]
            yield TraineeRow(
                user=user,
                cohorts=cohorts.get(user.pk, []),
                enrolled=enrolled[user.pk].date() if user.pk in enrolled else None,
                completed=user.pk in completed,
                certificate=words,
                expires_on=expires_on,
                last_activity=max(moments) if moments else None,
            )
