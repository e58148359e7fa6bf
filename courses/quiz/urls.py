"""Addresses of the quiz engine, included in the `courses` namespace."""

from django.urls import path

from courses.quiz import views as quiz_views

urlpatterns = [
    path("quizzes/<dbid:pk>/", quiz_views.quiz_detail, name="quiz_detail"),
    path("quizzes/<dbid:pk>/take/", quiz_views.quiz_take, name="quiz_take"),
    path("quizzes/sittings/<dbid:pk>/", quiz_views.sitting_result, name="sitting_result"),
    path(
        "quizzes/sittings/<dbid:pk>/feedback/<int:position>/",
        quiz_views.sitting_feedback,
        name="sitting_feedback",
    ),
    path("quizzes/progress/", quiz_views.quiz_progress, name="quiz_progress"),
]
