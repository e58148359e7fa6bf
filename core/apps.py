from django.apps import AppConfig


class CoreConfig(AppConfig):
    """What every app shares: users, roles, the NHS.UK blocks and templates, validators."""

    name = "core"
    verbose_name = "Core"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django.urls import register_converter

        from core.converters import DatabaseIdConverter

        # `<dbid:pk>` in any app's addresses: a number too large for an id is "not found".
        register_converter(DatabaseIdConverter, "dbid")

        from django.db.models.signals import post_save

        from core.models import Organisation
        from core.organisations import organisation_saved

        post_save.connect(
            organisation_saved, sender=Organisation, dispatch_uid="organisation_saved"
        )
