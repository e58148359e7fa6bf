"""Taking quizzes, seeing results and progress, and marking free-text answers."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from core.converters import int_or_none
from courses.quiz import selectors as quiz_selectors
from courses.quiz import services as quiz_services
from courses.quiz.choices import AnswerReveal
from courses.quiz.forms import AnswerForm

MESSAGE_NO_OPEN_SITTING = "You have no attempt in progress at this quiz. Start one below."
RESULTS_PER_PAGE = 10


def _refusal(error: ValidationError) -> str:
    return error.messages[0]


@require_http_methods(["GET", "POST"])
def quiz_detail(request, pk: int):
    """The quiz's introduction, the person's attempts so far and a button to start or resume."""
    quiz = get_object_or_404(quiz_selectors.quizzes_takeable_by(user=request.user), pk=pk)
    if request.method == "POST":
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        try:
            quiz_services.sitting_start(user=request.user, quiz=quiz)
        except ValidationError as error:
            messages.error(request, _refusal(error))
            return redirect("courses:quiz_detail", pk=quiz.pk)
        return redirect("courses:quiz_take", pk=quiz.pk)

    user = request.user
    open_sitting = quiz_selectors.sitting_open(user=user, quiz=quiz)
    used = quiz_selectors.quiz_attempts_used(user=user, quiz=quiz)
    results = None
    if user.is_authenticated:
        results = Paginator(
            quiz_selectors.sittings_finished_for_quiz(user=user, quiz=quiz), RESULTS_PER_PAGE
        ).get_page(request.GET.get("page"))
    pool = quiz.questions.count()
    remaining = None if quiz.max_attempts is None else max(quiz.max_attempts - used, 0)
    return render(
        request,
        "courses/quiz/quiz_detail.html",
        {
            "quiz": quiz,
            "question_count": min(quiz.question_count or pool, pool),
            "pool": pool,
            "open_sitting": open_sitting,
            "attempts_used": used,
            "attempts_remaining": remaining,
            "results": results,
            "can_start": open_sitting is not None or remaining is None or remaining > 0,
            "module": quiz_selectors.quiz_module_live(quiz_id=quiz.pk),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def quiz_take(request, pk: int):
    """The question the person is on in their open attempt; answering it moves them on."""
    quiz = get_object_or_404(quiz_selectors.quizzes_takeable_by(user=request.user), pk=pk)
    sitting = quiz_selectors.sitting_open(user=request.user, quiz=quiz)
    if sitting is None:
        if request.method == "POST":
            messages.error(request, quiz_services.MESSAGE_SITTING_CLOSED)
        else:
            messages.info(request, MESSAGE_NO_OPEN_SITTING)
        return redirect("courses:quiz_detail", pk=quiz.pk)
    current = quiz_selectors.sitting_answer_at(sitting=sitting, position=sitting.position)
    form = AnswerForm(request.POST or None, answer=current)

    if request.method == "POST":
        posted = int_or_none(request.POST.get("question"))
        # A form for another question (a stale tab) goes to the service unread, to be refused.
        on_current = posted == current.pk
        if on_current and not form.is_valid():
            return _render_question(request, quiz, sitting, current, form)
        try:
            answer = quiz_services.sitting_answer(
                sitting=sitting,
                answer_id=posted,
                option_ids=form.option_ids() if on_current else [],
                text=form.cleaned_data.get("text", "") if on_current else "",
            )
        except ValidationError as error:
            messages.error(request, _refusal(error))
            return redirect("courses:quiz_take", pk=quiz.pk)
        if sitting.answers_reveal == AnswerReveal.AFTER_EACH:
            return redirect("courses:sitting_feedback", pk=sitting.pk, position=answer.position)
        if not answer.sitting.is_open:
            return redirect("courses:sitting_result", pk=sitting.pk)
        return redirect("courses:quiz_take", pk=quiz.pk)
    return _render_question(request, quiz, sitting, current, form)


def _render_question(request, quiz, sitting, current, form):
    return render(
        request,
        "courses/quiz/quiz_take.html",
        {"quiz": quiz, "sitting": sitting, "answer": current, "form": form},
    )


@login_required
def sitting_feedback(request, pk: int, position: int):
    """After each question (when the quiz shows answers as it goes): right or wrong, and why."""
    sitting = get_object_or_404(request.user.quiz_sittings, pk=pk)
    if sitting.answers_reveal != AnswerReveal.AFTER_EACH:
        raise Http404
    answer = quiz_selectors.sitting_answer_at(sitting=sitting, position=position)
    if answer is None:
        raise Http404
    if not answer.is_answered:
        return redirect("courses:quiz_take", pk=sitting.quiz_id)
    return render(
        request,
        "courses/quiz/sitting_feedback.html",
        {"sitting": sitting, "answer": answer, "is_last": position >= sitting.question_total},
    )


@login_required
def sitting_result(request, pk: int):
    """An attempt's score and outcome, with each question, the answer given and the right one."""
    sitting = get_object_or_404(quiz_selectors.sittings_visible_to(user=request.user), pk=pk)
    own = sitting.user_id == request.user.pk
    if sitting.is_open and own:
        return redirect("courses:quiz_take", pk=sitting.quiz_id)
    answers = [] if sitting.is_open else quiz_selectors.sitting_answers(sitting=sitting)
    module = quiz_selectors.quiz_module_live(quiz_id=sitting.quiz_id)
    revise = module is not None and own and sitting.passed is False
    return render(
        request,
        "courses/quiz/sitting_result.html",
        {
            "sitting": sitting,
            "answers": answers,
            "own": own,
            "module": module,
            # After a failed attempt, the module's lessons to go back to, as links.
            "lessons": list(module.get_children().live().order_by("path")) if revise else [],
        },
    )


@login_required
def quiz_progress(request):
    """The signed-in person's success rate in each question category."""
    return render(
        request,
        "courses/quiz/quiz_progress.html",
        {"categories": quiz_selectors.category_progress(user=request.user)},
    )
