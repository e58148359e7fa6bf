"""The admin as each role reaches it: no page ends in a server error, its exports write nothing a
spreadsheet would run, signing out ends the session, and trainers cannot widen their own scope by
editing the network."""

import csv
import datetime
import io

from django.contrib.sessions.models import Session
from django.urls import URLPattern, URLResolver, reverse
from django.utils import timezone

from wagtail.admin import urls as wagtailadmin_urls
from wagtail.models import PageLogEntry

import pytest

from core.choices import Role
from core.models import Cluster, Organisation
from courses.models import Certificate
from tests.courses.factories import course_tree, training_index
from tests.factories import ClusterFactory, OrganisationFactory, RegionFactory, UserFactory

pytestmark = pytest.mark.django_db

HOSTILE = '=HYPERLINK("https://attacker.example/","Click")'
ROLES = {
    "champion": [Role.TRAINEE, Role.CHAMPION],
    "trainer": [Role.TRAINER],
    "administrator": [Role.ADMINISTRATOR],
}


@pytest.fixture(autouse=True)
def mfa_satisfied(monkeypatch):
    monkeypatch.setattr("cms.middleware.mfa_enrolled", lambda user: True)


def _admin_paths(patterns, prefix="/admin/"):
    """The admin's addresses that take no parameter."""
    for entry in patterns:
        route = str(entry.pattern).lstrip("^").rstrip("$")
        if any(mark in route for mark in "<([\\"):
            continue
        if isinstance(entry, URLResolver):
            yield from _admin_paths(entry.url_patterns, prefix + route)
        elif isinstance(entry, URLPattern):
            yield prefix + route


@pytest.fixture
def network():
    region = RegionFactory(name="West Midlands")
    cluster = ClusterFactory(name="Northfield", region=region)
    organisation = OrganisationFactory(name="Kingsway Surgery", cluster=cluster)
    return region, cluster, organisation


@pytest.mark.parametrize("role", sorted(ROLES))
def test_every_admin_listing_opens_for_each_role_without_a_server_error(
    client, home, network, role
):
    client.force_login(UserFactory(roles=ROLES[role]))
    client.raise_request_exception = False
    failures = []
    for path in sorted(set(_admin_paths(wagtailadmin_urls.urlpatterns))):
        if path.endswith(("logout/", "login/")):
            continue
        response = client.get(path)
        if response.status_code >= 500:
            failures.append(f"{path}: {response.status_code}")
    assert failures == []


@pytest.mark.parametrize("role", ["trainer", "administrator"])
def test_the_network_listings_and_edit_views_open_without_a_server_error(
    client, home, network, role
):
    region, cluster, organisation = network
    client.force_login(UserFactory(roles=ROLES[role]))
    client.raise_request_exception = False
    for name, pk in [
        ("core_region", region.pk),
        ("core_cluster", cluster.pk),
        ("core_organisation", organisation.pk),
    ]:
        listing = client.get(reverse(f"wagtailsnippets_{name}:list"))
        assert listing.status_code == 200, name
        edit = client.get(reverse(f"wagtailsnippets_{name}:edit", args=[pk]))
        assert edit.status_code == (200 if role == "administrator" else 302), name
    assert "Kingsway Surgery" in client.get(reverse("wagtailsnippets_core_organisation:list")).text
    clusters = client.get(reverse("wagtailsnippets_core_cluster:list")).text
    assert "Northfield" in clusters and "Organisations" in clusters


def test_wagtails_deliberate_error_page_is_not_on_the_site(client, home):
    client.force_login(UserFactory(roles=ROLES["administrator"]))
    assert client.get("/admin/failwhale/").status_code == 404


def test_a_trainer_cannot_move_an_organisation_into_their_own_cluster(client, home, network):
    from courses.cohorts.models import TrainerAssignment

    _, own_cluster, _ = network
    elsewhere = OrganisationFactory(name="Weir Lane Health Centre", cluster=ClusterFactory())
    trainer = UserFactory(roles=ROLES["trainer"])
    TrainerAssignment.objects.create(trainer=trainer, cluster=own_cluster)
    client.force_login(trainer)

    edit = reverse("wagtailsnippets_core_organisation:edit", args=[elsewhere.pk])
    response = client.post(
        edit, {"name": elsewhere.name, "kind": elsewhere.kind, "cluster": own_cluster.pk}
    )

    assert response.status_code == 302 and "/admin/" in response.url  # refused, sent away
    elsewhere.refresh_from_db()
    assert elsewhere.cluster != own_cluster
    assert client.get(reverse("wagtailsnippets_core_cluster:add")).status_code == 302
    assert client.get(reverse("unlisted_organisations")).status_code == 302
    assert not trainer.has_perm("core.change_organisation")
    assert trainer.has_perm("core.view_organisation")


def _csv_cells(response) -> list[str]:
    content = b"".join(response.streaming_content).decode("utf-8-sig")
    return [cell for row in csv.reader(io.StringIO(content)) for cell in row]


def test_wagtails_exports_write_formulas_as_text(client, home, network):
    _, cluster, _ = network
    Organisation.objects.create(name=HOSTILE, cluster=cluster)
    Cluster.objects.filter(pk=cluster.pk).update(description=HOSTILE)
    course = course_tree(index=training_index(home), modules=1, lessons=1)
    today = timezone.localdate()
    Certificate.objects.create(
        holder=UserFactory(),
        course=course,
        holder_name="Sam Patel",
        course_title=course.title,
        cpd_hours=course.cpd_hours,
        issued_on=today,
        expires_on=today + datetime.timedelta(days=730),
        revoked_at=timezone.now(),
        revoked_reason=HOSTILE,
    )
    PageLogEntry.objects.log_action(home, "wagtail.edit", title=HOSTILE)
    # A superuser reaches every one of them (the certificates' report is a superuser's).
    client.force_login(UserFactory(roles=ROLES["administrator"], is_superuser=True))

    for url in [
        reverse("wagtailsnippets_core_organisation:list") + "?export=csv",
        reverse("wagtailsnippets_core_cluster:list") + "?export=csv",
        "/admin/certificates/?export=csv",
        "/admin/reports/site-history/?export=csv",
    ]:
        response = client.get(url)
        assert response.status_code == 200, f"{url}: {response.status_code}"
        cells = _csv_cells(response)
        assert f"'{HOSTILE}" in cells, url
        assert HOSTILE not in cells, url


def test_signing_out_of_the_admin_ends_the_session_on_the_server(client, home):
    client.force_login(UserFactory(roles=ROLES["administrator"]))
    session_key = client.session.session_key

    # A GET (a link, an image on another site) signs nobody out and deletes nothing.
    asked = client.get("/admin/logout/")
    assert asked.status_code == 200 and "Sign out" in asked.text
    assert client.get("/admin/").status_code == 200

    client.post("/admin/logout/")

    assert not Session.objects.filter(session_key=session_key).exists()
    assert client.get("/admin/").status_code == 302
