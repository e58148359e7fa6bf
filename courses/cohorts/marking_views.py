"""Marking, for trainers: the quiz attempts of the trainees in their scope, and a mark and
comment for each free-text answer. An attempt outside the scope is "not found"."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from core.converters import int_or_none
from core.roles import trainer_required
from courses.cohorts.scope import trainees_in_scope
from courses.quiz import selectors as quiz_selectors
from courses.quiz import services as quiz_services
from courses.quiz.forms import MarkForm, MarkingFilterForm

MESSAGE_MARK_SAVED = "The mark has been saved, and the trainee has been told by e-mail."
MESSAGE_MARK_UNKNOWN_ANSWER = "That answer is not a free-text answer in this attempt."
MARKING_PER_PAGE = 25


@trainer_required
def marking_list(request):
    """Finished attempts, awaiting marking first, filtered by quiz, trainee and status."""
    form = MarkingFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    sittings = quiz_selectors.sittings_for_marking(
        users=trainees_in_scope(request.user),
        quiz=filters.get("quiz"),
        user_search=filters.get("user", ""),
        status=filters.get("status", ""),
    )
    page = Paginator(sittings, MARKING_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "courses/quiz/marking_list.html", {"form": form, "page_obj": page})


@trainer_required
@require_http_methods(["GET", "POST"])
def marking_detail(request, pk: int):
    """An attempt's answers, with a mark-and-comment form for each free-text answer."""
    sitting = get_object_or_404(
        quiz_selectors.sittings_of(users=trainees_in_scope(request.user)), pk=pk
    )
    answers = quiz_selectors.sitting_answers(sitting=sitting)
    markable = [] if sitting.is_open else [a for a in answers if a.is_free_text and a.is_answered]
    bound_id = int_or_none(request.POST.get("answer")) if request.method == "POST" else None
    forms = {}
    for answer in markable:
        data = request.POST if answer.pk == bound_id else None
        forms[answer.pk] = MarkForm(data, answer=answer, prefix=f"answer-{answer.pk}")

    if request.method == "POST":
        form = forms.get(bound_id) if bound_id is not None else None
        if form is None:
            messages.error(request, MESSAGE_MARK_UNKNOWN_ANSWER)
            return redirect("courses:marking_detail", pk=sitting.pk)
        if form.is_valid():
            try:
                quiz_services.answer_mark(
                    answer=form.answer,
                    marker=request.user,
                    score=form.cleaned_data["mark"],
                    comment=form.cleaned_data["comment"],
                )
            except ValidationError as error:
                messages.error(request, error.messages[0])
                return redirect("courses:marking_detail", pk=sitting.pk)
            messages.success(request, MESSAGE_MARK_SAVED)
            return redirect("courses:marking_detail", pk=sitting.pk)

    for answer in answers:
        answer.mark_form = forms.get(answer.pk)  # type: ignore[attr-defined]
    return render(
        request,
        "courses/quiz/marking_detail.html",
        {"sitting": sitting, "answers": answers, "own": sitting.user_id == request.user.pk},
    )
