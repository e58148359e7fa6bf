"""Writes for enrolment and progress.

Each write is safe to repeat: enrolling twice, or pressing "Mark as complete" twice (two tabs, a
double-submitted form), leaves one row, guaranteed by a unique constraint in the database.
"""

from django.db import transaction
from django.utils import timezone

from courses.learning.models import CoursePage, Enrolment, LessonCompletion, LessonPage

MESSAGE_ENROLLED = "You are enrolled on this course."
MESSAGE_ALREADY_ENROLLED = "You are already enrolled on this course."
MESSAGE_LESSON_COMPLETED = "Lesson marked as complete."
MESSAGE_LESSON_ALREADY_COMPLETED = "You have already completed this lesson."
MESSAGE_SIGN_IN_TO_ENROL = "Sign in to enrol on the course and keep track of your progress."
MESSAGE_SIGN_IN_TO_COMPLETE = "Sign in to mark lessons complete and keep track of your progress."
MESSAGE_NOT_IN_COURSE = "This lesson is not part of a published course, so it cannot be completed."


class ProgressError(Exception):
    """A progress write that cannot be made (e.g. the lesson is not part of a live course)."""


@transaction.atomic
def enrolment_create(*, user, course: CoursePage) -> tuple[Enrolment, bool]:
    """Enrol the user on the course; returns the enrolment and whether it is new.

    Enrolling again returns the existing enrolment unchanged.
    """
    enrolment = Enrolment.objects.filter(user=user, course=course).first()
    if enrolment is not None:
        return enrolment, False
    candidate = Enrolment(user=user, course=course)
    candidate.full_clean(validate_unique=False, validate_constraints=False)
    # A concurrent request may have enrolled the user since the check above; get_or_create then
    # finds that row instead of failing on the unique constraint.
    return Enrolment.objects.get_or_create(user=user, course=course)


@transaction.atomic
def lesson_complete(*, user, lesson: LessonPage) -> tuple[LessonCompletion, bool]:
    """Record that the user completed the lesson, enrolling them on its course if needed.

    Returns the completion and whether it is new; completing a lesson again changes nothing.
    Raises `ProgressError` if the lesson is not in a live module of a live course.
    """
    course = CoursePage.objects.live().filter(path=lesson.path[: -2 * lesson.steplen]).first()
    if course is None or not lesson.live or not lesson.get_parent().live:
        raise ProgressError(MESSAGE_NOT_IN_COURSE)
    enrolment_create(user=user, course=course)
    candidate = LessonCompletion(user=user, lesson=lesson)
    candidate.full_clean(validate_unique=False, validate_constraints=False)
    return LessonCompletion.objects.get_or_create(user=user, lesson=lesson)


def enrolment_visit(*, enrolment: Enrolment, lesson: LessonPage) -> None:
    """Remember the lesson the learner opened last, for "Continue where you left off"."""
    now = timezone.now()
    Enrolment.objects.filter(pk=enrolment.pk).update(last_lesson=lesson, last_visited_at=now)
    enrolment.last_lesson = lesson
    enrolment.last_visited_at = now
