from django.urls import include, path

app_name = "courses"

urlpatterns = [
    path("", include("courses.learning.urls")),
    path("", include("courses.quiz.urls")),
    path("", include("courses.certification.urls")),
    path("", include("courses.cohorts.urls")),
]
