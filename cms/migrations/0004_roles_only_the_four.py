"""The site's four roles are the only groups; the audit log is readable by administrators.

Wagtail's own migrations create "Moderators" and "Editors" groups with page and library
permissions, and a "Moderators approval" workflow whose approvers are the Moderators group, so
nobody but a superuser could approve what a champion submits. The approval task passes to the
Trainer and Administrator roles (the roles that publish) and the two groups are removed.
Then the role matrix is applied again, for the permissions of models added since (the log's).
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from core.roles import roles_apply

WAGTAIL_DEFAULT_GROUPS = ["Moderators", "Editors"]
APPROVERS = ["Trainer", "Administrator"]


def roles_only_the_four(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    Workflow = apps.get_model("wagtailcore", "Workflow")

    approvers = [Group.objects.get_or_create(name=name)[0] for name in APPROVERS]
    for task in GroupApprovalTask.objects.filter(groups__name="Moderators").distinct():
        task.groups.add(*approvers)
        if task.name == "Moderators approval":
            task.name = "Trainer approval"
            task.save(update_fields=["name"])
    Workflow.objects.filter(name="Moderators approval").update(name="Trainer approval")
    Group.objects.filter(name__in=WAGTAIL_DEFAULT_GROUPS).delete()

    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    roles_apply(apps=apps)


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0003_champion_uploads_held"),
        ("core", "0003_audit_log"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(roles_only_the_four, migrations.RunPython.noop)]
