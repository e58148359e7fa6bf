"""Let trainers and administrators author quizzes and see and mark other people's attempts."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

AUTHORING = [
    "add_quiz",
    "change_quiz",
    "delete_quiz",
    "view_quiz",
    "add_category",
    "change_category",
    "delete_category",
    "view_category",
    "view_others_sittings",
]
GROUPS = ["Trainer", "Administrator"]


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    # On a fresh database, model permissions are normally created after all migrations have run.
    app_config = apps.get_app_config("courses")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None

    permissions = Permission.objects.filter(
        content_type__app_label="courses", codename__in=AUTHORING
    )
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.add(*permissions)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(
        content_type__app_label="courses", codename__in=AUTHORING
    )
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0001_initial"),
        ("cms", "0003_roles"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
