from django.apps import AppConfig


class ScoringPracticeConfig(AppConfig):
    """The STarT Back tool, case vignettes, feedback and the scoring drill."""

    name = "scoring_practice"
    verbose_name = "Scoring practice"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.urls import register_converter

        from scoring_practice.converters import DatabaseIdConverter

        # `<dbid:pk>` in any app's addresses: a number too large for an id is "not found".
        register_converter(DatabaseIdConverter, "dbid")
