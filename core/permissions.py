"""Admin permission policies shared by every layer."""

from wagtail.permission_policies import ModelPermissionPolicy


class ReadOnlyPermissionPolicy(ModelPermissionPolicy):
    """Anyone with the model's "view" permission may read; nobody, superusers included, may
    add, change or delete an entry through the admin."""

    WRITES = frozenset({"add", "change", "delete"})

    def user_has_permission(self, user, action):
        return action not in self.WRITES and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)
