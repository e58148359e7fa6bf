"""Create the role groups and grant what the role matrix (`core.roles.ROLE_MATRIX`) gives them.

The site app runs this because it sits above every app whose permissions the matrix names, so
their permissions exist by now. `seed_site` applies the same matrix again after it has created
the training and practice sections, so their page permissions land on the pages themselves.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from core.choices import Role
from core.roles import roles_apply


def create_roles(apps, schema_editor):
    # On a fresh database, model permissions are normally created only after every migration.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    roles_apply(apps=apps)


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=Role.values).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0001_initial"),
        ("core", "0001_initial"),
        ("courses", "0001_initial"),
        ("scoring_practice", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
