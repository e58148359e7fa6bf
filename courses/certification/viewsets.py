"""Certification in the Wagtail admin: rules and assessed sets to edit, certificates to read."""

from django.db.models import QuerySet

from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from core.permissions import ReadOnlyPermissionPolicy
from courses.certification.models import AssessedSet, Certificate, CertificationRule


class CertificationRuleViewSet(SnippetViewSet):
    model = CertificationRule
    icon = "tick-inverse"
    menu_label = "Certification rules"
    list_display = ["course", "assessed_set", "validity_months", "renewal_window_days"]


class AssessedSetViewSet(SnippetViewSet):
    model = AssessedSet
    icon = "form"
    menu_label = "Assessed vignette sets"
    list_display = ["title", "pass_percent", "time_limit_minutes"]
    search_fields = ["title"]


class CertificationGroup(SnippetViewSetGroup):
    items = (CertificationRuleViewSet, AssessedSetViewSet)
    menu_icon = "tick-inverse"
    menu_label = "Certification"
    menu_name = "certification"


CERTIFICATE_COLUMNS = [
    "code",
    "holder_name",
    "course_title",
    "issued_on",
    "expires_on",
    "revoked_at",
    "renews",
]

register_permission_policy(Certificate, ReadOnlyPermissionPolicy(Certificate))


class CertificateViewSet(ModelViewSet):
    """Every certificate issued, in the Reports menu: filter by course, dates and revocation,
    search by code or name, export. Certificates are never edited here; trainers revoke them
    from the verification page, with a reason."""

    model = Certificate
    icon = "doc-full"
    menu_label = "Certificates"
    menu_hook = "register_reports_menu_item"
    menu_order = 900
    list_display = CERTIFICATE_COLUMNS
    list_export = [*CERTIFICATE_COLUMNS, "revoked_reason", "cpd_hours"]
    list_filter = ["course", "issued_on", "expires_on", "revoked_at"]
    search_fields = ["code", "holder_name", "course_title"]
    search_backend_name = None
    inspect_view_enabled = True
    copy_view_enabled = False
    form_fields = ["holder_name"]  # required by the viewset; the policy forbids every write
    list_per_page = 50

    def get_queryset(self, request) -> QuerySet[Certificate]:
        return Certificate.objects.select_related("renews")
