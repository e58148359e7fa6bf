"""Create the platform's roles as groups, with the Wagtail admin access each role is allowed.

Champion and Trainer may enter the admin and use the image and document libraries; the page-tree
permissions for their own sections are granted by the migrations that create those sections.
Administrator may do everything through the admin.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ROLE_NAMES = ["Trainee", "Champion", "Trainer", "Administrator"]

LIBRARY_PERMISSIONS = {
    "Champion": [
        ("wagtailimages", "add_image"),
        ("wagtailimages", "choose_image"),
        ("wagtaildocs", "add_document"),
        ("wagtaildocs", "choose_document"),
    ],
    "Trainer": [
        ("wagtailimages", "add_image"),
        ("wagtailimages", "change_image"),
        ("wagtailimages", "choose_image"),
        ("wagtaildocs", "add_document"),
        ("wagtaildocs", "change_document"),
        ("wagtaildocs", "choose_document"),
    ],
    "Administrator": [
        ("wagtailimages", "add_image"),
        ("wagtailimages", "change_image"),
        ("wagtailimages", "delete_image"),
        ("wagtailimages", "choose_image"),
        ("wagtaildocs", "add_document"),
        ("wagtaildocs", "change_document"),
        ("wagtaildocs", "delete_document"),
        ("wagtaildocs", "choose_document"),
        ("wagtailcore", "add_collection"),
        ("wagtailcore", "change_collection"),
        ("wagtailcore", "delete_collection"),
    ],
}

ADMINISTRATOR_PAGE_PERMISSIONS = [
    "add_page",
    "change_page",
    "publish_page",
    "bulk_delete_page",
    "lock_page",
    "unlock_page",
]

ADMINISTRATOR_MODEL_PERMISSIONS = [
    ("cms", "add_user"),
    ("cms", "change_user"),
    ("cms", "delete_user"),
    ("auth", "add_group"),
    ("auth", "change_group"),
    ("auth", "delete_group"),
    ("cms", "change_sitesettings"),
    ("wagtailcore", "add_site"),
    ("wagtailcore", "change_site"),
    ("wagtailcore", "add_workflow"),
    ("wagtailcore", "change_workflow"),
    ("wagtailcore", "add_task"),
    ("wagtailcore", "change_task"),
    ("wagtailredirects", "add_redirect"),
    ("wagtailredirects", "change_redirect"),
    ("wagtailredirects", "delete_redirect"),
]


def _ensure_permissions(apps):
    # On a fresh database, model permissions are normally created after all migrations have run.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None


def create_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    Page = apps.get_model("wagtailcore", "Page")

    _ensure_permissions(apps)

    def permission(app_label, codename):
        return Permission.objects.get(content_type__app_label=app_label, codename=codename)

    groups = {name: Group.objects.get_or_create(name=name)[0] for name in ROLE_NAMES}
    access_admin = permission("wagtailadmin", "access_admin")
    for name in ["Champion", "Trainer", "Administrator"]:
        groups[name].permissions.add(access_admin)

    root_collection = Collection.objects.filter(depth=1).first()
    if root_collection is not None:
        for name, perms in LIBRARY_PERMISSIONS.items():
            for app_label, codename in perms:
                GroupCollectionPermission.objects.get_or_create(
                    group=groups[name],
                    collection=root_collection,
                    permission=permission(app_label, codename),
                )

    root_page = Page.objects.filter(depth=1).first()
    if root_page is not None:
        for codename in ADMINISTRATOR_PAGE_PERMISSIONS:
            GroupPagePermission.objects.get_or_create(
                group=groups["Administrator"],
                page=root_page,
                permission=permission("wagtailcore", codename),
            )
    for app_label, codename in ADMINISTRATOR_MODEL_PERMISSIONS:
        groups["Administrator"].permissions.add(permission(app_label, codename))


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ROLE_NAMES).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0002_pages"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
