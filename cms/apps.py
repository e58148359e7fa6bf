from django.apps import AppConfig

from wagtail.users.apps import WagtailUsersAppConfig


class CmsConfig(AppConfig):
    # This module also defines the users' admin config; `default` tells Django which one is "cms".
    default = True
    name = "cms"
    verbose_name = "Site"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from cms import audit, signals  # noqa: F401  (connect the receivers)
        from cms.accounts import service_details
        from core.emails import service_details_register
        from core.spreadsheets import admin_exports_guard
        from courses.learning.models import CourseIndexPage
        from scoring_practice.models import PracticeIndexPage

        # The site decides where its sections go: directly under the home page. The section
        # apps cannot say so themselves without naming this app's model.
        for section in (CourseIndexPage, PracticeIndexPage):
            section.parent_page_types = ["cms.HomePage"]
        # E-mails sent from any layer carry the name and addresses from the site's settings.
        service_details_register(service_details)
        # Wagtail's admin exports write titles and reasons as the site's own exports do.
        admin_exports_guard()


class UsersAdminConfig(WagtailUsersAppConfig):
    """Wagtail's user admin, with the platform's profile fields in place of first and last name."""

    user_viewset = "cms.admin_users.UserViewSet"
