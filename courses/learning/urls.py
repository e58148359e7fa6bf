"""Addresses for enrolment, lesson completion and the learner's own page."""

from django.urls import path

from courses.learning import views as learning_views

urlpatterns = [
    path("my-learning/", learning_views.my_learning, name="my_learning"),
    path("trainer/reviews/", learning_views.content_reviews, name="content_reviews"),
    path(
        "my-learning/courses/<dbid:course_id>/enrol/",
        learning_views.course_enrol,
        name="course_enrol",
    ),
    path(
        "my-learning/lessons/<dbid:lesson_id>/complete/",
        learning_views.lesson_mark_complete,
        name="lesson_complete",
    ),
]
