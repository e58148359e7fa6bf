"""Views for answering vignettes, reading feedback and history, and the scoring drill."""

from __future__ import annotations

import random
import secrets
import uuid
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from scoring_practice import startback
from scoring_practice.drill import drill_case_generate
from scoring_practice.feedback import drill_feedback
from scoring_practice.forms import MESSAGE_TICKET_EXPIRED, AttemptForm, DrillForm
from scoring_practice.models import PracticeIndexPage, VignettePage
from scoring_practice.selectors import (
    DrillStats,
    attempt_for_token,
    attempt_get,
    attempt_list,
    attempt_reference,
    drill_answer_list,
    drill_stats,
)
from scoring_practice.services import attempt_submit, drill_answer_record
from scoring_practice.tickets import ticket_issue, ticket_read

MESSAGE_DRILL_CASE_CLOSED = (
    "That questionnaire had already been answered or has been replaced. Here is the current one."
)
DRILL_SESSION_KEY = "scoring_practice:drill"


def _practice_index_url(request: HttpRequest) -> str | None:
    index = PracticeIndexPage.objects.live().first()
    return index.get_url(request) if index else None


@require_http_methods(["GET", "POST"])
def vignette_answer(request: HttpRequest, page_id: int) -> HttpResponse:
    """Take a trainee's answers to a vignette: store the attempt and show its feedback.

    Answers with errors are shown again on the vignette, as typed, with an error summary.
    """
    page = get_object_or_404(VignettePage.objects.live().public(), pk=page_id)
    page_url = page.get_url(request)
    if request.method != "POST":
        return redirect(page_url)
    if not request.user.is_authenticated:
        return redirect(f"{reverse('account_login')}?{urlencode({'next': page_url})}")

    ticket = ticket_read(request.POST.get("ticket", ""), user_id=request.user.pk, page_id=page.pk)
    if ticket is not None:
        existing = attempt_for_token(user=request.user, token=ticket.token)
        if existing is not None:
            return redirect(existing)
        reference, revision_id = attempt_reference(page=page, revision_id=ticket.revision_id)
        form = AttemptForm(request.POST, mode=reference.mode)
        if form.is_valid():
            attempt, _ = attempt_submit(
                user=request.user,
                page=page,
                ticket=ticket,
                reference=reference,
                revision_id=revision_id,
                submission=form.submission(),
            )
            return redirect(attempt)
    else:
        # Keep what was typed, under a fresh ticket, and say why it was not accepted.
        data = request.POST.copy()
        data["ticket"] = ticket_issue(
            user_id=request.user.pk, page_id=page.pk, revision_id=page.live_revision_id
        )
        form = AttemptForm(data, mode=page.mode)
        form.is_valid()
        form.add_error(None, MESSAGE_TICKET_EXPIRED)

    context = page.get_context(request)
    context["form"] = form
    return TemplateResponse(request, page.get_template(request), context)


@login_required
def attempt_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The feedback on one of the trainee's own attempts."""
    attempt = attempt_get(user=request.user, pk=pk)
    page = attempt.page
    retry_url = page.get_url(request) if page is not None and page.live else None
    return render(
        request,
        "scoring_practice/attempt_detail.html",
        {
            "attempt": attempt,
            "feedback": attempt.feedback(),
            "retry_url": retry_url,
            "practice_url": _practice_index_url(request),
            "statement": startback.STATEMENT,
        },
    )


@login_required
def attempt_history(request: HttpRequest) -> HttpResponse:
    """The trainee's own attempts, newest first."""
    return render(
        request,
        "scoring_practice/attempt_list.html",
        {
            "attempts": attempt_list(user=request.user, page_number=request.GET.get("page")),
            "practice_url": _practice_index_url(request),
        },
    )


@login_required
def drill_history(request: HttpRequest) -> HttpResponse:
    """The trainee's own drill answers, newest first, with their totals."""
    return render(
        request,
        "scoring_practice/drill_history.html",
        {
            "answers": drill_answer_list(user=request.user, page_number=request.GET.get("page")),
            "stats": drill_stats(user=request.user),
            "practice_url": _practice_index_url(request),
        },
    )


def _drill_state(request: HttpRequest) -> dict:
    return request.session.get(DRILL_SESSION_KEY) or {}


def _drill_save(request: HttpRequest, state: dict) -> None:
    request.session[DRILL_SESSION_KEY] = state
    request.session.modified = True


def _drill_new_case() -> dict:
    # Not a secret: the case stays on the server, so an ordinary generator is enough.
    rng = random.Random(secrets.randbits(64))  # noqa: S311
    case = drill_case_generate(rng)
    return {"token": uuid.uuid4().hex, "answers": {str(n): v for n, v in case.answers.items()}}


def _answers(case: dict) -> dict[int, str]:
    return {int(n): value for n, value in case["answers"].items()}


def _visitor_stats(state: dict) -> DrillStats:
    return DrillStats(**state.get("stats", {}))


@require_http_methods(["GET", "POST"])
def drill(request: HttpRequest) -> HttpResponse:
    """The scoring drill: classify a ticked questionnaire, see the verdict, take the next one.

    The questionnaire being answered lives in the session; the form carries only its token, so
    the answers judged are always the ones the server generated.
    """
    state = _drill_state(request)
    signed_in = request.user.is_authenticated
    form = None

    if request.method == "POST":
        case = state.get("case")
        form = DrillForm(request.POST)
        posted = request.POST.get("case", "")
        if case is None or posted != case["token"]:
            messages.error(request, MESSAGE_DRILL_CASE_CLOSED)
            return redirect("scoring_practice:drill")
        if form.is_valid():
            answers = _answers(case)
            risk = form.cleaned_data["risk"]
            total = form.cleaned_data["total"]
            psychosocial = form.cleaned_data["psychosocial"]
            if signed_in:
                drill_answer_record(
                    user=request.user,
                    token=uuid.UUID(case["token"]),
                    answers=answers,
                    risk=risk,
                    total=total,
                    psychosocial=psychosocial,
                )
            else:
                verdict = drill_feedback(
                    answers=answers, risk=risk, total=total, psychosocial=psychosocial
                )
                stats = _visitor_stats(state)
                streak = stats.streak + 1 if verdict.correct else 0
                state["stats"] = {
                    "answered": stats.answered + 1,
                    "correct": stats.correct + int(verdict.correct),
                    "streak": streak,
                    "best_streak": max(stats.best_streak, streak),
                }
            state["case"] = None
            state["result"] = {
                "answers": case["answers"],
                "risk": risk,
                "total": total,
                "psychosocial": psychosocial,
            }
            _drill_save(request, state)
            return redirect("scoring_practice:drill")
    elif "next" in request.GET:
        state["result"] = None

    result = state.get("result")
    verdict = None
    if result and form is None:
        case_answers = _answers(result)
        verdict = drill_feedback(
            answers=case_answers,
            risk=result["risk"],
            total=result["total"],
            psychosocial=result["psychosocial"],
        )
    else:
        if not state.get("case"):
            state["case"] = _drill_new_case()
        case_answers = _answers(state["case"])
        if form is None:
            form = DrillForm(initial={"case": state["case"]["token"]})
    _drill_save(request, state)

    return render(
        request,
        "scoring_practice/drill.html",
        {
            "form": form,
            "verdict": verdict,
            "answers": case_answers,
            "stats": drill_stats(user=request.user) if signed_in else _visitor_stats(state),
            "practice_url": _practice_index_url(request),
        },
    )
