"""Trainers and administrators manage the organisation network: the role matrix is applied
again, for the permissions of the network's models."""

from django.db import migrations

from cms.migrations._roles import roles_reapply


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0005_support_email"),
        ("core", "0005_organisation_network"),
    ]

    operations = [migrations.RunPython(roles_reapply, migrations.RunPython.noop)]
