"""Admin and serving hooks for the site layer: held documents, and the audit log's admin."""

from django.http import Http404
from django.urls import path, reverse

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from cms.network_admin import unlisted_organisations
from cms.uploads import upload_visible_to
from core.models import AuditEvent
from core.permissions import ReadOnlyPermissionPolicy
from core.viewsets import NetworkGroup


@hooks.register("before_serve_document")
def documents_awaiting_approval_are_not_served(document, request):
    """A held document is not found for anyone outside the admin (not even "sign in to see it")."""
    if not upload_visible_to(document, request.user):
        raise Http404


AUDIT_COLUMNS = [
    "occurred_at",
    "kind",
    "subject_reference",
    "actor_reference",
    "ip_address",
    "summary",
]

register_permission_policy(AuditEvent, ReadOnlyPermissionPolicy(AuditEvent))


class AuditEventViewSet(ModelViewSet):
    """The audit log in the admin's Reports menu: administrators read, filter and export it."""

    model = AuditEvent
    icon = "list-ul"
    menu_label = "Audit log"
    menu_hook = "register_reports_menu_item"
    menu_order = 1000
    list_display = AUDIT_COLUMNS
    list_filter = ["kind", "occurred_at"]
    list_export = AUDIT_COLUMNS
    search_fields = ["subject_reference", "actor_reference", "ip_address"]
    search_backend_name = None
    inspect_view_enabled = True
    inspect_view_fields = [*AUDIT_COLUMNS[:-1], "detail"]
    copy_view_enabled = False
    form_fields = ["kind"]  # required by the viewset; no one may add or edit (see the policy)
    list_per_page = 50


@hooks.register("register_admin_viewset")
def register_audit_log():
    return AuditEventViewSet("audit_log")


register_snippet(NetworkGroup)


@hooks.register("register_admin_urls")
def network_admin_urls():
    return [
        path("network/not-listed/", unlisted_organisations, name="unlisted_organisations"),
    ]


class PermissionMenuItem(MenuItem):
    def __init__(self, *args, permission: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.permission = permission

    def is_shown(self, request):
        return request.user.has_perm(self.permission)


@hooks.register("register_network_menu_item")
def unlisted_organisations_menu_item():
    return PermissionMenuItem(
        "Not in the list",
        reverse("unlisted_organisations"),
        icon_name="warning",
        order=10,
        permission="core.change_organisation",
    )
