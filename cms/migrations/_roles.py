"""Shared by the migrations that apply the role matrix again after new models arrive."""

from django.contrib.auth.management import create_permissions

from core.roles import roles_apply


def roles_reapply(apps, schema_editor):
    """Create the permissions of every model so far, then grant each role what the matrix says."""
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    roles_apply(apps=apps)
