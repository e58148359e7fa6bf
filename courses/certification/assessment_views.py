"""Sitting an assessed vignette set: start, answer each case (no feedback), submit, result."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from courses.certification.models import AssessedSet, Assessment, AssessmentAnswer
from courses.certification.services import (
    assessment_answer_save,
    assessment_is_open,
    assessment_start,
    assessment_submit,
)
from courses.learning.models import CoursePage
from scoring_practice.agreement import CATEGORIES, CATEGORY_LABELS, Agreement
from scoring_practice.forms import AttemptForm
from scoring_practice.models import VignettePage
from scoring_practice.reference import Reference

MESSAGE_SAVED = "Answer saved. You can change it until you submit the set."
MESSAGE_TIME_UP = "The time for this sitting ran out before it was submitted. Start a new one."
MESSAGE_UNANSWERED = "Answer every case before you submit the set: {cases} still to answer."


def _own(request, pk: int) -> Assessment:
    assessment = (
        Assessment.objects.select_related("assessed_set", "course")
        .filter(pk=pk, user=request.user)
        .first()
    )
    if assessment is None:
        raise Http404("No such assessment")
    return assessment


@login_required
@require_http_methods(["GET", "POST"])
def assessment_start_view(request, course_id: int, set_id: int) -> HttpResponse:
    """What the assessment involves, and the button that starts (or resumes) the sitting."""
    course = get_object_or_404(CoursePage.objects.live(), pk=course_id)
    assessed_set = get_object_or_404(AssessedSet, pk=set_id)
    if request.method == "POST":
        assessment = assessment_start(user=request.user, course=course, assessed_set=assessed_set)
        return redirect(assessment)
    return render(
        request,
        "courses/certification/assessment_start.html",
        {
            "course": course,
            "assessed_set": assessed_set,
            "case_count": assessed_set.cases.filter(vignette__live=True).count(),
            "past": Assessment.objects.filter(user=request.user, assessed_set=assessed_set)
            .exclude(state=Assessment.State.OPEN)
            .order_by("-started_at")[:5],
        },
    )


@login_required
def assessment_view(request: HttpRequest, pk: int) -> HttpResponse:
    """The sitting: its cases and which are answered; once submitted, the result."""
    assessment = _own(request, pk)
    if assessment.state == Assessment.State.SUBMITTED:
        result = assessment.result
        table = {ref: dict(row) for ref, row in result.get("table", {}).items()}
        agreement = Agreement(table=table, observed=None, expected=None, kappa=result.get("kappa"))
        return render(
            request,
            "courses/certification/assessment_result.html",
            {
                "assessment": assessment,
                "result": result,
                "agreement": agreement if table else None,
                "categories": [CATEGORY_LABELS[category] for category in CATEGORIES],
            },
        )
    if not assessment_is_open(assessment):
        messages.error(request, MESSAGE_TIME_UP)
        return redirect(
            "courses:assessment_start",
            course_id=assessment.course_id,
            set_id=assessment.assessed_set_id,
        )
    answers = list(assessment.answers.all())
    return render(
        request,
        "courses/certification/assessment_overview.html",
        {
            "assessment": assessment,
            "answers": answers,
            "unanswered": sum(1 for answer in answers if answer.answers is None),
        },
    )


def _case(assessment: Assessment, position: int) -> AssessmentAnswer:
    answer = assessment.answers.filter(position=position).select_related("vignette").first()
    if answer is None:
        raise Http404("No such case")
    return answer


@login_required
@require_http_methods(["GET", "POST"])
def assessment_case(request: HttpRequest, pk: int, position: int) -> HttpResponse:
    """One case of the sitting: the story and the answer form. Saving shows no feedback."""
    assessment = _own(request, pk)
    if not assessment_is_open(assessment):
        return redirect(assessment)
    answer = _case(assessment, position)
    reference = Reference.from_json(answer.reference)
    vignette: VignettePage | None = answer.vignette
    if vignette is None:
        raise Http404("This case is no longer available")
    total = assessment.answers.count()
    if request.method == "POST":
        form = AttemptForm(request.POST, mode=reference.mode)
        del form.fields["ticket"]
        if form.is_valid():
            assessment_answer_save(answer=answer, submission=form.submission())
            messages.success(request, MESSAGE_SAVED)
            if position < total:
                return redirect("courses:assessment_case", pk=assessment.pk, position=position + 1)
            return redirect(assessment)
    else:
        form = AttemptForm(initial=_initial(answer.answers), mode=reference.mode)
        del form.fields["ticket"]
    return render(
        request,
        "courses/certification/assessment_case.html",
        {
            "assessment": assessment,
            "answer": answer,
            "page": vignette,
            "form": form,
            "position": position,
            "total": total,
        },
    )


def _initial(saved: dict | None) -> dict:
    """The form's fields as the trainee last saved them."""
    if not saved:
        return {}
    initial = {
        "stratifiable": {True: "yes", False: "no", None: ""}[saved.get("stratifiable")],
        "red_flags": saved.get("red_flags") or [],
        "urgency": saved.get("urgency") or "",
        "destination": saved.get("destination") or "",
        "total": saved.get("total"),
        "psychosocial": saved.get("psychosocial"),
        "risk": saved.get("risk") or "",
        "treatment": saved.get("treatment") or "",
    }
    for number, value in (saved.get("items") or {}).items():
        initial[f"item_{number}"] = value
    return initial


@login_required
@require_POST
def assessment_submit_view(request: HttpRequest, pk: int) -> HttpResponse:
    assessment = _own(request, pk)
    if assessment.state == Assessment.State.OPEN:
        if not assessment_is_open(assessment):
            return redirect(assessment)
        unanswered = assessment.answers.filter(answers__isnull=True).count()
        if unanswered:
            messages.error(request, MESSAGE_UNANSWERED.format(cases=unanswered))
            return redirect(assessment)
        assessment_submit(assessment=assessment)
    return redirect(assessment)
