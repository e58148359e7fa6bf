"""Champions no longer add images or documents to the public library.

Their uploads now go to the "Awaiting approval" collection, which `seed_site` creates and grants
(see `core.roles`); this removes the grant that let them add straight to the root collection.
"""

from django.db import migrations

HELD_PERMISSIONS = ["add_image", "add_document"]


def revoke_public_uploads(apps, schema_editor):
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    GroupCollectionPermission.objects.filter(
        group__name="Champion",
        collection__depth=1,
        permission__codename__in=HELD_PERMISSIONS,
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("cms", "0002_roles")]

    operations = [migrations.RunPython(revoke_public_uploads, migrations.RunPython.noop)]
