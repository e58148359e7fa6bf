from django.urls import include, path

from scoring_practice import tool_views

app_name = "scoring_practice"

urlpatterns = [
    path("tool/", tool_views.calculator, name="tool"),
    path("tool/print/", tool_views.calculator_print, name="tool_print"),
    path("tool/questionnaire/", tool_views.questionnaire_blank, name="tool_questionnaire"),
    path("", include("scoring_practice.practice_urls")),
]
