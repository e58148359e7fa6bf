from django.apps import AppConfig


class ScoringPracticeConfig(AppConfig):
    """The STarT Back tool, case vignettes, feedback and the scoring drill."""

    name = "scoring_practice"
    verbose_name = "Scoring practice"
    default_auto_field = "django.db.models.BigAutoField"
