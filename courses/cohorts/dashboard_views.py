"""The trainer's dashboard at /trainer/, the trainee list and its exports. Each reads through
`scoped_trainees`, which starts from the trainer's scope."""

from __future__ import annotations

import csv
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.html import strip_tags
from django.views.decorators.http import require_GET, require_POST

from openpyxl import Workbook  # type: ignore[import-untyped]

from core.audit import Kind, audit_record
from core.roles import trainer_required
from core.spreadsheets import formula_safe
from courses.certification.models import Certificate
from courses.cohorts.cache import cached_figure
from courses.cohorts.dashboard import (
    COLUMNS,
    Filters,
    FunnelStep,
    Summary,
    overview,
    scoped_trainees,
    trainee_rows,
)
from courses.cohorts.forms import DashboardFilterForm
from courses.cohorts.models import CohortMember
from courses.cohorts.practice_stats import PracticeStats, practice_stats
from courses.cohorts.quiz_stats import QuestionStats, question_stats, quizzes_summary
from courses.cohorts.scope import cohorts_in_scope, trainee_in_scope_or_404, trainees_in_scope
from courses.cohorts.services import reminders_send
from courses.learning.selectors import enrolments_progress
from courses.quiz.choices import SittingStatus
from courses.quiz.models import Quiz, Sitting
from scoring_practice import startback
from scoring_practice.agreement import CATEGORY_LABELS
from scoring_practice.feedback import ALL_MISTAKES
from scoring_practice.models import Attempt

MESSAGE_REMINDED = "Reminder sent to {count} trainee{s} who had not completed."
MESSAGE_SCOPE_INVALID = "Choose the trainees again: the scope was not valid."
TRAINEES_PER_PAGE = 50
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
ATTEMPTS_SHOWN = 30
# Cells a spreadsheet would read as a formula are written with a leading apostrophe.


def _filters(request, data=None) -> tuple[DashboardFilterForm, Filters]:
    cohorts = cohorts_in_scope(request.user).select_related("course").order_by("name")
    if data is None:
        data = request.GET
    fields = {key: value for key, value in data.items() if key in DashboardFilterForm.base_fields}
    form = DashboardFilterForm(fields or None, cohorts=cohorts)
    if form.is_bound and form.is_valid():
        chosen = form.cleaned_data
        return form, Filters(
            cohort=chosen.get("cohort"),
            organisation=chosen.get("organisation"),
            cluster=chosen.get("cluster"),
            profession=chosen.get("profession") or "",
            since=chosen.get("since"),
            until=chosen.get("until"),
        )
    return form, Filters()


def _overview(trainees, filters: Filters) -> tuple[Summary, list[FunnelStep]]:
    scope = f"{trainees.query}|course {filters.course.pk if filters.course else 'all'}"
    return cached_figure("overview", scope, lambda: overview(trainees, filters))


@trainer_required
@require_GET
def trainer_home(request):
    """Where trainers start: the dashboard for the chosen scope, and what needs doing."""
    form, filters = _filters(request)
    trainees = scoped_trainees(request.user, filters)
    totals, steps = _overview(trainees, filters)
    return render(
        request,
        "courses/cohorts/dashboard.html",
        {
            "form": form,
            "summary": totals,
            "funnel": steps,
            "awaiting_marking": Sitting.objects.filter(
                status=SittingStatus.AWAITING_MARKING,
                user__in=trainees_in_scope(request.user),
            ).count(),
            "query": request.GET.urlencode(),
        },
    )


@trainer_required
@require_GET
def trainee_list(request):
    form, filters = _filters(request)
    trainees = scoped_trainees(request.user, filters)
    page = Paginator(trainees.order_by("full_name", "email", "pk"), TRAINEES_PER_PAGE).get_page(
        request.GET.get("page")
    )
    shown = trainees.model.objects.filter(pk__in=[user.pk for user in page.object_list])
    rows = list(trainee_rows(shown, filters))
    return render(
        request,
        "courses/cohorts/trainee_list.html",
        {
            "form": form,
            "page_obj": page,
            "rows": rows,
            "columns": COLUMNS,
            "query": request.GET.urlencode(),
        },
    )


class _Echo:
    def write(self, value: str) -> str:
        return value


def _csv(header, rows) -> Iterator[str]:
    """A CSV file (with the byte-order mark spreadsheets look for) written row by row."""
    writer = csv.writer(_Echo())
    yield "\ufeff" + writer.writerow(header)
    for cells in rows:
        yield writer.writerow([formula_safe(cell) for cell in cells])


def _xlsx(header, rows) -> Iterator[bytes]:
    """A workbook written row by row (openpyxl's write-only mode), then sent in pieces."""
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Export")
    sheet.append(list(header))
    for cells in rows:
        sheet.append([formula_safe(cell) for cell in cells])
    # Saved to a temporary file rather than memory, so a large workbook does not sit in RAM.
    with tempfile.TemporaryFile() as workbook:
        book.save(workbook)
        workbook.seek(0)
        while chunk := workbook.read(64 * 1024):
            yield chunk


def _download(*, request, name: str, kind: str, header, rows, what: str) -> StreamingHttpResponse:
    """A streamed CSV or Excel download, never cached, recorded in the audit log."""
    if kind == "xlsx":
        response = StreamingHttpResponse(_xlsx(header, rows), content_type=XLSX_TYPE)
    else:
        response = StreamingHttpResponse(_csv(header, rows), content_type="text/csv; charset=utf-8")
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="{name}-{stamp}.{kind}"'
    response["Cache-Control"] = "private, no-store"
    audit_record(Kind.TRAINEES_EXPORTED, subject=request.user, format=what)
    return response


@trainer_required
@require_GET
def trainee_export(request, kind: str):
    if kind not in ("csv", "xlsx"):
        raise Http404("No such export")
    form, filters = _filters(request)
    trainees = scoped_trainees(request.user, filters)
    rows = (row.cells() for row in trainee_rows(trainees, filters))
    return _download(
        request=request, name="trainees", kind=kind, header=COLUMNS, rows=rows, what=kind
    )


@trainer_required
@require_GET
def trainee_detail(request, pk: int):
    """One trainee in the trainer's scope: progress, attempts, mistakes and certificates."""
    trainee = trainee_in_scope_or_404(request.user, pk)
    _, courses = enrolments_progress(user=trainee, page_number=1)
    attempts = [
        (attempt, [ALL_MISTAKES[code].title for code in attempt.mistakes if code in ALL_MISTAKES])
        for attempt in Attempt.objects.filter(user=trainee).order_by("-submitted_at")[
            :ATTEMPTS_SHOWN
        ]
    ]
    certificates = list(Certificate.objects.filter(holder=trainee).select_related("renewal"))
    return render(
        request,
        "courses/cohorts/trainee_detail.html",
        {
            "trainee": trainee,
            "cohorts": CohortMember.objects.filter(user=trainee)
            .select_related("cohort")
            .order_by("cohort__name"),
            "courses": courses,
            "sittings": Sitting.objects.filter(user=trainee)
            .exclude(status=SittingStatus.IN_PROGRESS)
            .order_by("-ended_at", "-pk")[:ATTEMPTS_SHOWN],
            "awaiting": Sitting.objects.filter(
                user=trainee, status=SittingStatus.AWAITING_MARKING
            ).count(),
            "attempts": attempts,
            "certificates": [(c, c.status()) for c in certificates],
        },
    )


@trainer_required
@require_POST
def reminders(request):
    """Remind the trainees in the dashboard's scope who have not completed."""
    form, filters = _filters(request, data=request.POST)
    if form.is_bound and not form.is_valid():
        messages.error(request, MESSAGE_SCOPE_INVALID)
        return redirect("courses:trainer_home")
    trainees = scoped_trainees(request.user, filters)
    try:
        batch = reminders_send(
            trainer=request.user,
            trainees=trainees,
            course=filters.course,
            scope=filters.describe(),
        )
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        count = batch.recipients.count()
        messages.success(request, MESSAGE_REMINDED.format(count=count, s="" if count == 1 else "s"))
    query = request.POST.get("query", "")
    return redirect(
        f"{reverse('courses:trainer_home')}?{query}" if query else "courses:trainer_home"
    )


@trainer_required
@require_GET
def quiz_list(request):
    form, filters = _filters(request)
    trainees = scoped_trainees(request.user, filters)
    return render(
        request,
        "courses/cohorts/quiz_list.html",
        {
            "form": form,
            "quizzes": cached_figure("quizzes", trainees.query, lambda: quizzes_summary(trainees)),
            "query": request.GET.urlencode(),
        },
    )


def _question_stats(quiz: Quiz, trainees) -> list[QuestionStats]:
    return cached_figure(
        f"quiz-{quiz.pk}", trainees.query, lambda: question_stats(quiz=quiz, trainees=trainees)
    )


@trainer_required
@require_GET
def quiz_statistics(request, pk: int):
    quiz = get_object_or_404(Quiz, pk=pk)
    form, filters = _filters(request)
    trainees = scoped_trainees(request.user, filters)
    return render(
        request,
        "courses/cohorts/quiz_statistics.html",
        {
            "form": form,
            "quiz": quiz,
            "questions": _question_stats(quiz, trainees),
            "query": request.GET.urlencode(),
        },
    )


@trainer_required
@require_GET
def quiz_statistics_export(request, pk: int, kind: str):
    """The quiz's question statistics, for the same scope, as a CSV or Excel file."""
    if kind not in ("csv", "xlsx"):
        raise Http404("No such export")
    quiz = get_object_or_404(Quiz, pk=pk)
    form, filters = _filters(request)
    questions = _question_stats(quiz, scoped_trainees(request.user, filters))
    header = [
        "Question",
        "Answers",
        "Facility index (%)",
        "Discrimination index",
        "Options chosen (right ones marked)",
    ]
    rows = (
        [
            strip_tags(stats.text),
            str(stats.attempts),
            "" if stats.facility is None else str(stats.facility),
            "" if stats.discrimination is None else str(stats.discrimination),
            "; ".join(
                f"{label}{' (right)' if right else ''}: {count}"
                for label, right, count in stats.options
            ),
        ]
        for stats in questions
    )
    return _download(
        request=request,
        name=f"quiz-{quiz.pk}-questions",
        kind=kind,
        header=header,
        rows=rows,
        what=f"question statistics of quiz {quiz.pk} ({kind})",
    )


@dataclass
class _Step:
    label: str
    count: int
    share: int


@trainer_required
@require_GET
def practice(request):
    """How the trainees in the scope score the tool: items, risk groups, mistakes, over time."""
    form, filters = _filters(request)
    trainees = scoped_trainees(request.user, filters)
    stats = _practice(trainees)
    item_chart = [
        _Step(f"Item {row.number}", row.right, row.accuracy or 0)
        for row in sorted(stats.items, key=lambda row: row.number)
        if row.answered
    ]
    month_chart = [
        _Step(f"{month:%b %Y}", right, 100 * right // total if total else 0)
        for month, total, right in stats.months
    ]
    return render(
        request,
        "courses/cohorts/practice.html",
        {
            "form": form,
            "stats": stats,
            "item_chart": item_chart,
            "month_chart": month_chart,
            "tool_statement": startback.STATEMENT,
            "query": request.GET.urlencode(),
        },
    )


def _practice(trainees) -> PracticeStats:
    return cached_figure("practice", trainees.query, lambda: practice_stats(trainees))


def _progress_table(trainees, filters) -> tuple[list[str], list[list[str]]]:
    totals, _ = _overview(trainees, filters)
    rows = [
        [label, str(getattr(totals, field)), str(totals.share(getattr(totals, field)))]
        for label, field in (
            ("Trainees", "trainees"),
            ("Enrolled", "enrolled"),
            ("In progress", "in_progress"),
            ("Completed", "completed"),
            ("Certified", "certified"),
            ("Expiring within 60 days", "expiring"),
            ("Expired", "expired"),
        )
    ]
    return ["Measure", "Trainees", "Share of trainees (%)"], rows


def _modules_table(trainees, filters) -> tuple[list[str], list[list[str]]]:
    return ["Step", "Trainees", "Share of enrolled (%)"], [
        [step.label, str(step.count), str(step.share)] for step in _overview(trainees, filters)[1]
    ]


def _quizzes_table(trainees, filters) -> tuple[list[str], list[list[str]]]:
    return ["Quiz", "Finished attempts", "Passed", "Pass rate (%)"], [
        [row.quiz.title, str(row.attempts), str(row.passed), str(row.pass_rate)]
        for row in quizzes_summary(trainees)
    ]


def _items_table(trainees, filters) -> tuple[list[str], list[list[str]]]:
    return ["Item", "Answers", "Scored right", "Over-scored", "Under-scored"], [
        [
            f"{row.number}. {row.text}",
            str(row.answered),
            str(row.right),
            str(row.over),
            str(row.under),
        ]
        for row in _practice(trainees).items
    ] + [[startback.STATEMENT, "", "", "", ""]]


def _agreement_table(trainees, filters) -> tuple[list[str], list[list[str]]]:
    stats = _practice(trainees)
    header = ["Practice", "Reference", *(f"Trainee: {label}" for label in CATEGORY_LABELS.values())]
    rows = []
    for source, agreed in (("Case vignettes", stats.vignettes), ("Scoring drill", stats.drill)):
        if agreed is None:
            continue
        kappa = "" if agreed.kappa is None else f"{agreed.kappa:.2f}"
        for reference in agreed.categories:
            counts = agreed.table[reference]
            # The drill has no "refer" column: its cell is left empty rather than 0.
            cells = [str(counts[given]) if given in counts else "" for given in CATEGORY_LABELS]
            total = str(sum(counts.values()))
            rows.append([source, CATEGORY_LABELS[reference], *cells, total, kappa])
    return [*header, "Total", "Cohen's kappa"], rows


def _mistakes_table(trainees, filters) -> tuple[list[str], list[list[str]]]:
    return ["Mistake", "Times made"], [
        [title, str(count)] for title, count in _practice(trainees).mistakes
    ]


def _months_table(trainees, filters) -> tuple[list[str], list[list[str]]]:
    return ["Month", "Case vignette attempts", "Right outcome", "Share right (%)"], [
        [f"{month:%Y-%m}", str(total), str(right), str(100 * right // total if total else 0)]
        for month, total, right in _practice(trainees).months
    ]


# Each table on the dashboard's pages that downloads, by the name in its address.
TABLES = {
    "progress": _progress_table,
    "modules": _modules_table,
    "quizzes": _quizzes_table,
    "items": _items_table,
    "agreement": _agreement_table,
    "mistakes": _mistakes_table,
    "months": _months_table,
}


@trainer_required
@require_GET
def table_export(request, name: str, kind: str):
    """One of the dashboard's tables, for the same scope, as a CSV or Excel file."""
    if kind not in ("csv", "xlsx"):
        raise Http404("No such export")
    if name not in TABLES:
        raise Http404("No such table")
    form, filters = _filters(request)
    header, rows = TABLES[name](scoped_trainees(request.user, filters), filters)
    return _download(
        request=request,
        name=name,
        kind=kind,
        header=header,
        rows=rows,
        what=f"{name} table ({kind})",
    )
