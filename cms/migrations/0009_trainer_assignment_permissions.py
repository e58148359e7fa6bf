"""Administrators assign trainers to organisations and clusters: the role matrix is applied
again, for the permissions of the assignments' model."""

from django.db import migrations

from cms.migrations._roles import roles_reapply


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0008_directory_search_indexes"),
        ("courses", "0007_cohorts"),
    ]

    operations = [migrations.RunPython(roles_reapply, migrations.RunPython.noop)]
