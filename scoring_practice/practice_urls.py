"""Addresses under /practice/ served by views rather than pages (see `RESERVED_SLUGS`)."""

from django.urls import path

from scoring_practice import practice_views

urlpatterns = [
    path(
        "practice/vignettes/<dbid:page_id>/answer/",
        practice_views.vignette_answer,
        name="vignette_answer",
    ),
    path("practice/attempts/<dbid:pk>/", practice_views.attempt_detail, name="attempt_detail"),
    path("practice/history/", practice_views.attempt_history, name="attempt_history"),
    path("practice/drill/", practice_views.drill, name="drill"),
    path("practice/drill/history/", practice_views.drill_history, name="drill_history"),
]
