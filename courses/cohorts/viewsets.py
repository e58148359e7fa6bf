"""Trainers' assignments to organisations and clusters, made by administrators in the admin."""

from django.db.models import QuerySet

from core.viewsets import UniqueSafeSnippetViewSet
from courses.cohorts.models import TrainerAssignment


class TrainerAssignmentViewSet(UniqueSafeSnippetViewSet):
    model = TrainerAssignment
    icon = "user"
    menu_label = "Trainer assignments"
    add_to_admin_menu = False
    menu_hook = "register_network_menu_item"
    list_display = ["trainer", "organisation", "cluster", "created_at"]
    list_filter = ["cluster", "organisation"]
    search_fields = ["trainer__email", "trainer__full_name"]
    search_backend_name = None
    list_export = ["trainer", "trainer.email", "organisation", "cluster", "created_at"]

    def get_queryset(self, request) -> QuerySet[TrainerAssignment]:
        return TrainerAssignment.objects.select_related("trainer", "organisation", "cluster")
