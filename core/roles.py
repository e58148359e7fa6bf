"""The platform's roles and what each may do: the one role → permission matrix.

Roles are Django groups named after `core.choices.Role`. What each group is granted is written
once, here, in `ROLE_MATRIX`, and applied by `roles_apply`: by the site's data migration (with the
migration's historical models) and by `roles_sync`, which `seed_site` runs after it has created the
sections, so page permissions land on the sections themselves. Applying is idempotent and only
adds: a permission an administrator grants in the admin on top of the matrix is kept.

Permissions are named as Django names them (`"app_label.codename"`). A section is named by the
`role_section` attribute its index page model declares (`CourseIndexPage.role_section =
"training"`), so the grant follows the section's page wherever editors move or rename it, and
this module names no model of the apps above it. "Is a trainer" is decided in one place,
`user_is_trainer`, by permission.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from django.apps import apps as installed_apps
from django.contrib.auth.decorators import login_required, permission_required

from core.choices import Role

# The permission that makes someone a trainer wherever the site asks: the header's Trainer link,
# the trainer pages, marking, and (later) their cohorts' progress.
TRAINER_PERMISSION = "core.view_trainee_progress"

# A page-permission grant on this "section" covers the whole page tree.
WHOLE_SITE = "/"

# Images and documents uploaded by a role that cannot publish wait here, visible only to people
# who can enter the admin, until a trainer or administrator publishes a page that uses them.
AWAITING_APPROVAL_COLLECTION = "Awaiting approval"

PAGE_AUTHOR = ("add_page", "change_page", "publish_page")
PAGE_DRAFTER = ("add_page", "change_page")  # drafts and submits for moderation; cannot publish
# Adds pages and edits only the ones they own (Wagtail's "add"): a champion's own resources.
PAGE_OWN_DRAFTS = ("add_page",)
PAGE_ADMINISTRATOR = (
    "add_page",
    "change_page",
    "publish_page",
    "bulk_delete_page",
    "lock_page",
    "unlock_page",
)

QUIZ_AUTHORING = (
    "courses.add_quiz",
    "courses.change_quiz",
    "courses.delete_quiz",
    "courses.view_quiz",
    "courses.add_category",
    "courses.change_category",
    "courses.delete_category",
    "courses.view_category",
)

NETWORK_MANAGEMENT = tuple(
    f"core.{action}_{model}"
    for model in ("region", "cluster", "organisation")
    for action in ("add", "change", "delete", "view")
)
# Who belongs where decides whom a trainer sees (their scope is the organisations and clusters
# an administrator assigned them), so trainers read the network and only administrators change
# it: otherwise a trainer could move an organisation into their own cluster and widen their own
# scope. docs/decisions/0009-network-editing-is-for-administrators.md.
NETWORK_VIEWING = tuple(f"core.view_{model}" for model in ("region", "cluster", "organisation"))


@dataclass(frozen=True)
class RoleGrant:
    """What one role's group is given.

    `admin`: may enter the Wagtail admin. `mfa_required`: may use nothing until an authenticator
    app is set up (every role with `admin` must have it). `permissions`: model permissions.
    `collection_permissions`: permissions on the root collection of the image and document
    libraries (and so on every collection). `approval_collection_permissions`: permissions on the
    `AWAITING_APPROVAL_COLLECTION` only, where a role that cannot publish puts its uploads.
    `page_permissions`: section (a page model's `role_section`, or `WHOLE_SITE`) → Wagtail
    page-permission codenames on it.
    """

    admin: bool = False
    mfa_required: bool = False
    permissions: tuple[str, ...] = ()
    collection_permissions: tuple[str, ...] = ()
    approval_collection_permissions: tuple[str, ...] = ()
    page_permissions: Mapping[str, tuple[str, ...]] = field(
        default_factory=lambda: MappingProxyType({})
    )


ROLE_MATRIX: Mapping[Role, RoleGrant] = MappingProxyType(
    {
        Role.TRAINEE: RoleGrant(),
        Role.CHAMPION: RoleGrant(
            admin=True,
            mfa_required=True,
            collection_permissions=("wagtailimages.choose_image", "wagtaildocs.choose_document"),
            # Champions draft but cannot publish, so what they upload is held for approval.
            approval_collection_permissions=("wagtailimages.add_image", "wagtaildocs.add_document"),
            page_permissions=MappingProxyType(
                {"practice": PAGE_DRAFTER, "resources": PAGE_OWN_DRAFTS}
            ),
        ),
        Role.TRAINER: RoleGrant(
            admin=True,
            mfa_required=True,
            permissions=(TRAINER_PERMISSION, *QUIZ_AUTHORING, *NETWORK_VIEWING),
            collection_permissions=(
                "wagtailimages.add_image",
                "wagtailimages.change_image",
                "wagtailimages.choose_image",
                "wagtaildocs.add_document",
                "wagtaildocs.change_document",
                "wagtaildocs.choose_document",
            ),
            page_permissions=MappingProxyType(
                {"training": PAGE_AUTHOR, "practice": PAGE_AUTHOR, "resources": PAGE_AUTHOR}
            ),
        ),
        Role.ADMINISTRATOR: RoleGrant(
            admin=True,
            mfa_required=True,
            permissions=(
                TRAINER_PERMISSION,
                *QUIZ_AUTHORING,
                *NETWORK_MANAGEMENT,
                "courses.add_trainerassignment",
                "courses.change_trainerassignment",
                "courses.delete_trainerassignment",
                "courses.view_trainerassignment",
                "core.add_user",
                "core.change_user",
                "core.delete_user",
                "core.view_auditevent",
                "auth.add_group",
                "auth.change_group",
                "auth.delete_group",
                "cms.change_sitesettings",
                "wagtailcore.add_site",
                "wagtailcore.change_site",
                "wagtailcore.add_workflow",
                "wagtailcore.change_workflow",
                "wagtailcore.add_task",
                "wagtailcore.change_task",
                "wagtailredirects.add_redirect",
                "wagtailredirects.change_redirect",
                "wagtailredirects.delete_redirect",
            ),
            collection_permissions=(
                "wagtailimages.add_image",
                "wagtailimages.change_image",
                "wagtailimages.delete_image",
                "wagtailimages.choose_image",
                "wagtaildocs.add_document",
                "wagtaildocs.change_document",
                "wagtaildocs.delete_document",
                "wagtaildocs.choose_document",
                "wagtailcore.add_collection",
                "wagtailcore.change_collection",
                "wagtailcore.delete_collection",
            ),
            page_permissions=MappingProxyType({WHOLE_SITE: PAGE_ADMINISTRATOR}),
        ),
    }
)

ADMIN_ACCESS = "wagtailadmin.access_admin"


def trainer_required(view):
    """A view for trainers: visitors are sent to sign in, anyone else gets a 403."""
    return login_required(permission_required(TRAINER_PERMISSION, raise_exception=True)(view))


# Holding any of these (by role, or granted on top) obliges an account to use a second factor:
# each opens the admin or other people's records.
MFA_PERMISSIONS = (ADMIN_ACCESS, TRAINER_PERMISSION, "core.change_user")


def user_needs_mfa(user) -> bool:
    """Whether the user must use an authenticator app: anyone who can enter the admin or see
    other people's records (by role, by a permission granted on top, or as a superuser), and
    any role the matrix says must."""
    if user.is_superuser or any(user.has_perm(name) for name in MFA_PERMISSIONS):
        return True
    return bool(user.role_names & mfa_required_roles())


def mfa_required_roles() -> frozenset[str]:
    """Names of the groups whose members must use an authenticator app."""
    return frozenset(role.value for role, grant in ROLE_MATRIX.items() if grant.mfa_required)


def user_is_trainer(user) -> bool:
    """Whether the user is a trainer (or administrator) wherever the site asks."""
    return bool(user.is_authenticated and user.has_perm(TRAINER_PERMISSION))


def _split(permission: str) -> tuple[str, str]:
    app_label, codename = permission.split(".", 1)
    return app_label, codename


class UnknownPermission(LookupError):
    """The matrix names a permission that does not exist (usually a misspelling)."""


def _section_pages(apps, Page, section: str) -> list:
    """The live registry's pages whose model declares this `role_section`; none in a migration,
    whose historical models carry no such attribute (and whose database has no sections yet)."""
    if section == WHOLE_SITE:
        root = Page.objects.filter(depth=1).first()
        return [root] if root is not None else []
    models = [
        model
        for model in apps.get_models()
        if getattr(model, "role_section", None) == section and issubclass(model, Page)
    ]
    return [page for model in models for page in model.objects.all()]


def roles_apply(*, apps, strict: bool = False) -> None:
    """Create the role groups and give each what the matrix grants; safe to repeat.

    `apps` is an app registry: a migration's historical one, or `django.apps.apps`. With
    `strict`, a permission the matrix names that does not exist raises `UnknownPermission`;
    without it (in the migration, where later apps' permissions may not exist yet) it is skipped
    and the next sync grants it. Page permissions go on the sections' pages.
    """
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    Page = apps.get_model("wagtailcore", "Page")

    wanted = {
        _split(name)
        for grant in ROLE_MATRIX.values()
        for name in (
            *grant.permissions,
            *grant.collection_permissions,
            *grant.approval_collection_permissions,
            ADMIN_ACCESS,
            *(
                f"wagtailcore.{codename}"
                for codenames in grant.page_permissions.values()
                for codename in codenames
            ),
        )
    }
    known = {
        (permission.content_type.app_label, permission.codename): permission
        for permission in Permission.objects.select_related("content_type").filter(
            codename__in={codename for _, codename in wanted}
        )
    }
    missing = sorted(f"{app}.{codename}" for app, codename in wanted - set(known))
    if strict and missing:
        raise UnknownPermission(f"The role matrix names permissions that do not exist: {missing}")
    root_collection = Collection.objects.filter(depth=1).first()
    approval_collection = Collection.objects.filter(
        depth=2, name=AWAITING_APPROVAL_COLLECTION
    ).first()

    for role, grant in ROLE_MATRIX.items():
        group, _ = Group.objects.get_or_create(name=role.value)
        model_permissions = [*grant.permissions, *([ADMIN_ACCESS] if grant.admin else [])]
        group.permissions.add(
            *(known[_split(name)] for name in model_permissions if _split(name) in known)
        )
        for collection, names in [
            (root_collection, grant.collection_permissions),
            (approval_collection, grant.approval_collection_permissions),
        ]:
            if collection is None:
                continue
            for name in names:
                if _split(name) in known:
                    GroupCollectionPermission.objects.get_or_create(
                        group=group, collection=collection, permission=known[_split(name)]
                    )
        for section, codenames in grant.page_permissions.items():
            for page in _section_pages(apps, Page, section):
                for codename in codenames:
                    permission = known.get(("wagtailcore", codename))
                    if permission is not None:
                        GroupPagePermission.objects.get_or_create(
                            group=group, page=page, permission=permission
                        )


def roles_sync() -> None:
    """Apply the matrix to the live database (run by `seed_site`, after the sections exist)."""
    approval_collection_ensure()
    roles_apply(apps=installed_apps, strict=True)


def approval_collection_ensure():
    """The collection for uploads awaiting approval, created if missing, viewable (documents
    downloadable) only by the roles that can enter the admin."""
    from django.contrib.auth.models import Group

    from wagtail.models import Collection, CollectionViewRestriction

    root = Collection.get_first_root_node()
    collection = root.get_children().filter(name=AWAITING_APPROVAL_COLLECTION).first()
    if collection is None:
        collection = root.add_child(name=AWAITING_APPROVAL_COLLECTION)
    restriction, _ = CollectionViewRestriction.objects.get_or_create(
        collection=collection,
        defaults={"restriction_type": CollectionViewRestriction.GROUPS},
    )
    admin_roles = [role.value for role, grant in ROLE_MATRIX.items() if grant.admin]
    for role in admin_roles:
        group, _ = Group.objects.get_or_create(name=role)
        restriction.groups.add(group)
    return collection
