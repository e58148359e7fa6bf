from django.apps import AppConfig

from wagtail.users.apps import WagtailUsersAppConfig


class CmsConfig(AppConfig):
    # This module also defines the users' admin config; `default` tells Django which one is "cms".
    default = True
    name = "cms"
    verbose_name = "Site"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from cms import signals  # noqa: F401  (connects the receivers)


class UsersAdminConfig(WagtailUsersAppConfig):
    """Wagtail's user admin, with the platform's profile fields in place of first and last name."""

    user_viewset = "cms.admin_users.UserViewSet"
