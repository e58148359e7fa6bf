"""Enrolling, marking lessons complete, and the learner's own page, /my-learning/.

The two buttons are plain POST forms on the course and lesson pages. A visitor who presses one is
sent to sign in and brought back to the page; a GET to either address changes nothing and returns
to the page.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from core.roles import trainer_required
from courses.learning.models import CourseIndexPage, CoursePage, LessonPage
from courses.learning.selectors import content_review_due, enrolments_progress
from courses.learning.services import (
    MESSAGE_ALREADY_ENROLLED,
    MESSAGE_ENROLLED,
    MESSAGE_LESSON_ALREADY_COMPLETED,
    MESSAGE_LESSON_COMPLETED,
    MESSAGE_SIGN_IN_TO_COMPLETE,
    MESSAGE_SIGN_IN_TO_ENROL,
    ProgressError,
    enrolment_create,
    lesson_complete,
)
from courses.quiz.selectors import sittings_recent
from scoring_practice.selectors import practice_summary

RECENT_SITTINGS = 5


def _live_or_404(model, pk: int):
    return get_object_or_404(model.objects.live(), pk=pk)


def course_enrol(request: HttpRequest, course_id: int) -> HttpResponse:
    """Enrol the signed-in user on a live course, then return to the course page."""
    course = _live_or_404(CoursePage, course_id)
    if request.method != "POST":
        return redirect(course.url)
    if not request.user.is_authenticated:
        messages.info(request, MESSAGE_SIGN_IN_TO_ENROL)
        return redirect_to_login(course.url)
    _, created = enrolment_create(user=request.user, course=course)
    messages.success(request, MESSAGE_ENROLLED if created else MESSAGE_ALREADY_ENROLLED)
    return redirect(course.url)


def lesson_mark_complete(request: HttpRequest, lesson_id: int) -> HttpResponse:
    """Record that the signed-in user completed a live lesson, then return to the lesson."""
    lesson = _live_or_404(LessonPage, lesson_id)
    if request.method != "POST":
        return redirect(lesson.url)
    if not request.user.is_authenticated:
        messages.info(request, MESSAGE_SIGN_IN_TO_COMPLETE)
        return redirect_to_login(lesson.url)
    try:
        _, created = lesson_complete(user=request.user, lesson=lesson)
    except ProgressError as error:
        messages.error(request, str(error))
        return redirect(lesson.url)
    messages.success(
        request, MESSAGE_LESSON_COMPLETED if created else MESSAGE_LESSON_ALREADY_COMPLETED
    )
    return redirect(lesson.url)


@login_required
def my_learning(request: HttpRequest) -> HttpResponse:
    """The signed-in user's courses with progress, recent quiz results and practice statistics."""
    enrolments_page, course_states = enrolments_progress(
        user=request.user, page_number=request.GET.get("page")
    )
    context = {
        "enrolments_page": enrolments_page,
        "course_states": course_states,
        "recent_sittings": sittings_recent(user=request.user, limit=RECENT_SITTINGS),
        "training_index": None if course_states else CourseIndexPage.objects.live().first(),
        "practice": practice_summary(user=request.user),
    }
    return render(request, "courses/learning/my_learning.html", context)


@trainer_required
def content_reviews(request: HttpRequest) -> HttpResponse:
    """For trainers: lessons and vignettes whose clinical review is due, lapsed or missing."""
    due = content_review_due(page_number=request.GET.get("page"))
    return render(request, "courses/learning/content_reviews.html", {"due": due})
