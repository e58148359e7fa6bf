"""The public STarT Back calculator: nothing is stored; the answers travel in the query string."""

from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET

from scoring_practice import startback
from scoring_practice.tool_forms import QuestionnaireForm, field_name


def _context(form: QuestionnaireForm) -> dict:
    context: dict = {
        "form": form,
        "startback": startback,
        "care_for_everyone": startback.CARE_FOR_EVERYONE,
    }
    if form.result:
        context.update(
            result=form.result,
            drivers=startback.explain(form.result),
            treatment=startback.matched_treatment(form.result.risk),
            rows=[(item, form.cleaned_data[field_name(item.number)]) for item in startback.ITEMS],
            answers_query=urlencode({name: form.cleaned_data[name] for name in form.fields}),
        )
    return context


@require_GET
def calculator(request: HttpRequest) -> HttpResponse:
    """The questionnaire; with answers, the result above the form so the answers can be changed."""
    data = request.GET if QuestionnaireForm.is_submission(request.GET) else None
    form = QuestionnaireForm(data)
    if data is not None:
        form.is_valid()
    return render(request, "scoring_practice/tool.html", _context(form))


@require_GET
def calculator_print(request: HttpRequest) -> HttpResponse:
    """A printable record of one result; incomplete answers go back to the form to be finished."""
    form = QuestionnaireForm(request.GET)
    if not form.is_valid():
        url = reverse("scoring_practice:tool")
        query = request.GET.urlencode()
        return redirect(f"{url}?{query}" if query else url)
    return render(request, "scoring_practice/tool_print.html", _context(form))


@require_GET
def questionnaire_blank(request: HttpRequest) -> HttpResponse:
    """The blank questionnaire to print and hand to a patient."""
    rows = [(item, None) for item in startback.ITEMS]
    return render(
        request, "scoring_practice/tool_questionnaire.html", {"startback": startback, "rows": rows}
    )
