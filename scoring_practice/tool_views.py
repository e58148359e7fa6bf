"""The public STarT Back calculator.

Nothing entered is stored, and the answers never travel in an address: the form is sent with
POST, so they do not land in browser history, bookmarks, proxies or server access logs. The
printable version is reached the same way, by sending the answers again from the result page.
"""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

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
            answers=[(name, form.cleaned_data[name]) for name in form.fields],
        )
    return context


@require_http_methods(["GET", "POST"])
def calculator(request: HttpRequest) -> HttpResponse:
    """The questionnaire; once sent, the result above the form so the answers can be changed.

    A visit whose address carries answers (an old bookmark) is sent to the bare address, so the
    answers do not stay in the browser's history.
    """
    if request.method == "GET" and request.GET:
        return redirect("scoring_practice:tool")
    form = QuestionnaireForm(request.POST if request.method == "POST" else None)
    if form.is_bound:
        form.is_valid()
    return render(request, "scoring_practice/tool.html", _context(form))


@require_http_methods(["GET", "POST"])
def calculator_print(request: HttpRequest) -> HttpResponse:
    """A printable record of one result; anything short of complete answers goes back to the
    calculator."""
    form = QuestionnaireForm(request.POST if request.method == "POST" else None)
    if not form.is_bound or not form.is_valid():
        return render(request, "scoring_practice/tool.html", _context(form))
    return render(request, "scoring_practice/tool_print.html", _context(form))


@require_GET
def questionnaire_blank(request: HttpRequest) -> HttpResponse:
    """The blank questionnaire to print and hand to a patient."""
    rows = [(item, None) for item in startback.ITEMS]
    return render(
        request, "scoring_practice/tool_questionnaire.html", {"startback": startback, "rows": rows}
    )
