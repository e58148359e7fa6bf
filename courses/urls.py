from django.urls import include, path

app_name = "courses"

urlpatterns = [
    path("", include("courses.learning_urls")),
    path("", include("courses.quiz_urls")),
]
