from django.apps import AppConfig


class CoursesConfig(AppConfig):
    """Learning: courses, modules, lessons, quizzes, progress and certification."""

    name = "courses"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from courses.certification import receivers  # noqa: F401  (connect the receivers)
        from courses.cohorts import receivers as cohort_receivers  # noqa: F401
