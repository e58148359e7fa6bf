"""The organisation network in the Wagtail admin: regions, clusters and organisations, each with
search, filters and export, for administrators and trainers. Registered by the site (cms)."""

from __future__ import annotations

from django import forms
from django.db import IntegrityError, transaction
from django.db.models import Count, QuerySet

from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.tables import Column
from wagtail.snippets.views.snippets import (
    CreateView,
    EditView,
    SnippetViewSet,
    SnippetViewSetGroup,
)

from core.models import Cluster, Organisation, Region

MESSAGE_TAKEN = "Another change saved the same values a moment ago: check the form and try again."


class UniqueSafeSaveMixin:
    """Two identical saves at once: the database's unique constraint refuses the second, which
    then gets the form back with the constraint's own message, not a server error."""

    def form_valid(self, form):
        try:
            with transaction.atomic():
                return super().form_valid(form)  # type: ignore[misc]
        except IntegrityError:
            form.full_clean()  # the unique checks now see the row the other request saved
            if not form.errors:
                form.add_error(None, MESSAGE_TAKEN)
            # As Wagtail's own form_valid does when it refuses a save.
            self.produced_error_code = "invalid"
            self.produced_error_message = MESSAGE_TAKEN
            return self.form_invalid(form)  # type: ignore[attr-defined]


class UniqueSafeCreateView(UniqueSafeSaveMixin, CreateView):
    pass


class UniqueSafeEditView(UniqueSafeSaveMixin, EditView):
    pass


class UniqueSafeSnippetViewSet(SnippetViewSet):
    """A snippet viewset whose add and edit views survive a race on a unique constraint."""

    add_view_class = UniqueSafeCreateView
    edit_view_class = UniqueSafeEditView


class RegionViewSet(UniqueSafeSnippetViewSet):
    model = Region
    icon = "site"
    menu_label = "Regions"
    list_display = ["name", "slug"]
    list_export = ["name", "slug"]
    search_fields = ["name"]
    search_backend_name = None
    panels = [FieldPanel("name"), FieldPanel("slug")]


class ClusterViewSet(UniqueSafeSnippetViewSet):
    model = Cluster
    icon = "group"
    menu_label = "Clusters"
    # The count is annotated on the listing's queryset, so it is a column of its own, not a
    # model attribute Wagtail could look up.
    list_display = [
        "name",
        "region",
        Column("organisation_count", label="Organisations", sort_key="organisation_count"),
    ]
    list_export = ["name", "slug", "region", "description"]
    list_filter = ["region"]
    search_fields = ["name"]
    search_backend_name = None
    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("region"),
        FieldPanel("description"),
    ]

    def get_queryset(self, request) -> QuerySet[Cluster]:
        return Cluster.objects.select_related("region").annotate(
            organisation_count=Count("organisations")
        )


class OrganisationViewSet(UniqueSafeSnippetViewSet):
    model = Organisation
    icon = "home"
    menu_label = "Organisations"
    list_display = ["name", "kind", "ods_code", "cluster"]
    list_export = ["name", "get_kind_display", "ods_code", "cluster", "cluster.region"]
    export_headings = {
        "cluster.region": "Region",
        "get_kind_display": "Type",
        "ods_code": "ODS code",
    }
    list_filter = ["kind", "cluster", "cluster__region"]
    search_fields = ["name", "ods_code"]
    search_backend_name = None
    list_per_page = 50
    panels = [
        FieldPanel("name"),
        FieldPanel("kind"),
        FieldPanel("ods_code"),
        FieldPanel("cluster"),
        FieldPanel(
            "refers_to",
            widget=forms.CheckboxSelectMultiple,
            help_text="For a GP practice: the physiotherapy services it refers patients to.",
        ),
    ]

    def get_queryset(self, request) -> QuerySet[Organisation]:
        return Organisation.objects.select_related("cluster__region")


class NetworkGroup(SnippetViewSetGroup):
    items = (RegionViewSet, ClusterViewSet, OrganisationViewSet)
    menu_icon = "group"
    menu_label = "Network"
    menu_name = "network"
    submenu_hook = "register_network_menu_item"
