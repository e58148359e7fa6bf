from django.urls import include, path

app_name = "scoring_practice"

urlpatterns = [
    path("", include("scoring_practice.practice_urls")),
]
