"""Trainers and administrators manage the organisation network: the role matrix is applied
again, for the permissions of the network's models."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from core.roles import roles_apply


def network_permissions(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    roles_apply(apps=apps)


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0005_support_email"),
        ("core", "0005_organisation_network"),
    ]

    operations = [migrations.RunPython(network_permissions, migrations.RunPython.noop)]
