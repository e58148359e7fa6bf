"""Trainers read the organisation network and no longer change it (core/roles.py, decision
0009): the add, change and delete permissions on regions, clusters and organisations leave the
Trainer group, which keeps the view permissions."""

from django.db import migrations

TAKEN_BACK = [
    f"{action}_{model}"
    for model in ("region", "cluster", "organisation")
    for action in ("add", "change", "delete")
]


def trainers_read_the_network(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    trainer = Group.objects.filter(name="Trainer").first()
    if trainer is not None:
        trainer.permissions.remove(
            *Permission.objects.filter(content_type__app_label="core", codename__in=TAKEN_BACK)
        )


class Migration(migrations.Migration):
    dependencies = [("cms", "0009_trainer_assignment_permissions")]

    operations = [migrations.RunPython(trainers_read_the_network, migrations.RunPython.noop)]
