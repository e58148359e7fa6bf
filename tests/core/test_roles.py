"""The role matrix, applied by the migration and by seed_site; the one way "trainer" is decided."""

from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.urls import reverse

from wagtail.models import GroupPagePermission, Page

import pytest

from core.choices import Role
from core.roles import (
    ROLE_MATRIX,
    WHOLE_SITE,
    UnknownPermission,
    mfa_required_roles,
    roles_sync,
    user_is_trainer,
)
from courses.models import CourseIndexPage
from scoring_practice.models import PracticeIndexPage
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def granted_model_permissions(role: Role) -> set[str]:
    group = Group.objects.get(name=role.value)
    return {
        f"{app_label}.{codename}"
        for app_label, codename in group.permissions.values_list(
            "content_type__app_label", "codename"
        )
    }


def granted_page_permissions(role: Role) -> set[tuple[str, str]]:
    rows = GroupPagePermission.objects.filter(group__name=role.value).values_list(
        "page__slug", "page__depth", "permission__codename"
    )
    return {(WHOLE_SITE if depth == 1 else slug, codename) for slug, depth, codename in rows}


def test_the_migration_creates_every_role_with_its_model_permissions():
    for role, grant in ROLE_MATRIX.items():
        granted = granted_model_permissions(role)
        assert set(grant.permissions) <= granted, role
        assert ("wagtailadmin.access_admin" in granted) is grant.admin, role
    assert granted_model_permissions(Role.TRAINEE) == set()


def test_seed_site_puts_each_roles_page_permissions_on_its_sections():
    call_command("seed_site", verbosity=0)

    for role, grant in ROLE_MATRIX.items():
        expected = {
            (section, codename)
            for section, codenames in grant.page_permissions.items()
            for codename in codenames
        }
        assert granted_page_permissions(role) == expected, role
    # Champions draft vignettes for moderation; only trainers and administrators publish.
    assert ("practice", "publish_page") not in granted_page_permissions(Role.CHAMPION)
    assert ("training", "add_page") not in granted_page_permissions(Role.CHAMPION)


def test_sync_is_idempotent_and_keeps_what_an_administrator_added():
    call_command("seed_site", verbosity=0)
    trainers = Group.objects.get(name=Role.TRAINER.value)
    extra = Permission.objects.get(codename="delete_redirect")
    trainers.permissions.add(extra)
    before = (
        set(trainers.permissions.values_list("pk", flat=True)),
        GroupPagePermission.objects.count(),
    )

    roles_sync()
    roles_sync()

    after = (
        set(trainers.permissions.values_list("pk", flat=True)),
        GroupPagePermission.objects.count(),
    )
    assert after == before


def test_sync_restores_a_permission_the_matrix_grants():
    trainers = Group.objects.get(name=Role.TRAINER.value)
    trainers.permissions.remove(Permission.objects.get(codename="view_trainee_progress"))
    assert not user_is_trainer(UserFactory(roles=[Role.TRAINER]))

    roles_sync()

    assert user_is_trainer(UserFactory(roles=[Role.TRAINER]))


def test_every_role_that_can_enter_the_admin_needs_a_second_factor():
    assert mfa_required_roles() == {
        Role.CHAMPION.value,
        Role.TRAINER.value,
        Role.ADMINISTRATOR.value,
    }
    for role, grant in ROLE_MATRIX.items():
        assert grant.mfa_required or not grant.admin, role


def test_a_role_that_cannot_publish_cannot_add_to_the_public_library():
    for role, grant in ROLE_MATRIX.items():
        publishes = any("publish_page" in codes for codes in grant.page_permissions.values())
        adds_to_root = any(
            name.split(".")[1].startswith("add_") for name in grant.collection_permissions
        )
        assert publishes or not adds_to_root, role


@pytest.mark.parametrize(
    ("roles", "is_trainer"),
    [
        ([Role.TRAINEE], False),
        ([Role.TRAINEE, Role.CHAMPION], False),
        ([Role.TRAINEE, Role.TRAINER], True),
        ([Role.ADMINISTRATOR], True),
    ],
)
def test_the_header_and_the_trainer_pages_agree_on_who_is_a_trainer(
    client, home, monkeypatch, roles, is_trainer
):
    user = UserFactory(roles=roles)
    monkeypatch.setattr("cms.middleware.mfa_enrolled", lambda user: True)
    monkeypatch.setattr("cms.middleware.second_factor_used", lambda request: True)
    client.force_login(user)

    header = client.get("/").text
    trainer_page = client.get(reverse("courses:trainer_home"))

    assert user_is_trainer(user) is is_trainer
    assert ('href="/trainer/"' in header) is is_trainer
    assert trainer_page.status_code == (200 if is_trainer else 403)


def test_the_permission_alone_makes_a_trainer_whatever_the_group():
    # A group set up by an administrator for, say, a regional lead.
    lead = UserFactory(roles=[Role.TRAINEE])
    lead.user_permissions.add(Permission.objects.get(codename="view_trainee_progress"))
    lead = type(lead).objects.get(pk=lead.pk)

    assert user_is_trainer(lead)


def test_section_permissions_follow_the_section_when_editors_rename_it():
    call_command("seed_site", verbosity=0)
    training = CourseIndexPage.objects.get()
    training.slug = "courses"
    training.title = "Courses"
    training.save_revision().publish()
    GroupPagePermission.objects.filter(page=training).delete()

    roles_sync()

    assert granted_page_permissions(Role.TRAINER) >= {
        ("courses", codename) for codename in ("add_page", "change_page", "publish_page")
    }


def test_a_permission_the_matrix_names_that_does_not_exist_stops_the_sync(monkeypatch):
    from core import roles

    misspelt = roles.RoleGrant(permissions=("courses.add_quizz",))
    monkeypatch.setattr(roles, "ROLE_MATRIX", {**roles.ROLE_MATRIX, Role.TRAINEE: misspelt})

    with pytest.raises(UnknownPermission, match="courses.add_quizz"):
        roles_sync()


def test_the_sections_may_only_go_directly_under_the_home_page(home):
    root = Page.get_first_root_node()
    for section in (CourseIndexPage, PracticeIndexPage):
        assert section.can_create_at(home)
        assert not section.can_create_at(root)
