"""The resource library: champions add their own resources and cannot publish, a trainer approves
or rejects through the workflow, documents are checked by content, and the library filters,
searches and pages in a constant number of queries."""

import datetime
import io
import zipfile

from django.core import mail
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from wagtail.documents import get_document_model
from wagtail.test.utils.form_data import nested_form_data, rich_text

import pytest

from cms.content import resources_section_ensure
from cms.models import ChampionProfile, NetworkRole, ResourcePage
from cms.resources import document_content_matches
from core.choices import Profession, Role
from core.roles import roles_sync
from tests.factories import ClusterFactory, OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def mfa_satisfied(monkeypatch):
    monkeypatch.setattr("cms.middleware.mfa_enrolled", lambda user: True)
    monkeypatch.setattr("cms.middleware.second_factor_used", lambda request: True)


@pytest.fixture
def library(home):
    library = resources_section_ensure(home=home)
    roles_sync()
    return library


def champion_user(name: str, cluster=None):
    organisation = OrganisationFactory(cluster=cluster or ClusterFactory())
    user = UserFactory(full_name=name, organisation=organisation, roles=[Role.CHAMPION])
    profile = ChampionProfile.objects.create(
        user=user,
        display_name=name,
        network_role=NetworkRole.CLINICAL_CHAMPION,
        profession=Profession.PHYSIOTHERAPIST,
        cluster=organisation.cluster,
        status=ChampionProfile.Status.APPROVED,
    )
    profile.organisations.set([organisation])
    return user


def pdf_document(title="Leaflet"):
    document = get_document_model()(title=title)
    document.file.save("leaflet.pdf", ContentFile(b"%PDF-1.4\n%demo\n"), save=False)
    document.save()
    return document


def form(document, **changes):
    data = {
        "title": "Your back pain: what helps",
        "slug": "your-back-pain",
        "resource_type": "patient_leaflet",
        "audience": "patients",
        "summary": "A leaflet for low-risk patients.",
        "body": rich_text("<p>Stay active.</p>"),
        "document": document.pk,
        "external_url": "",
        "tags": "self-management, low risk",
        "review_date": (timezone.localdate() + datetime.timedelta(days=365)).isoformat(),
        **changes,
    }
    return nested_form_data(data)


def add_url(library):
    return reverse("wagtailadmin_pages:add", args=["cms", "resourcepage", library.pk])


def test_a_champion_submits_a_resource_a_trainer_approves_it_and_it_is_published(client, library):
    owen = champion_user("Owen Price")
    client.force_login(owen)
    document = pdf_document()

    # Publishing is not theirs to do: the page is saved as a draft, nothing goes live.
    client.post(add_url(library), {**form(document), "action-publish": "action-publish"})
    page = ResourcePage.objects.get(slug="your-back-pain")
    assert not page.live
    assert page.champion.user == owen and page.cluster == owen.organisation.cluster

    edit = reverse("wagtailadmin_pages:edit", args=[page.pk])
    response = client.post(edit, {**form(document), "action-submit": "action-submit"})
    assert response.status_code == 302
    state = page.current_workflow_state
    assert state is not None and state.status == "in_progress"
    assert "Awaiting approval" in client.get(reverse("champion_mine")).text
    assert client.get("/resources/your-back-pain/").status_code == 404

    trainer = UserFactory(roles=[Role.TRAINER])
    mail.outbox.clear()
    task_state = state.current_task_state
    task_state.task.specific.on_action(task_state, trainer, "approve", comment="Looks good.")
    page.refresh_from_db()
    assert page.live
    assert client.get("/resources/your-back-pain/").status_code == 200
    assert "Published" in client.get(reverse("champion_mine")).text
    assert any(owen.email in message.to for message in mail.outbox)


def test_a_rejected_resource_shows_the_trainers_comment_to_its_champion(client, library):
    owen = champion_user("Owen Price")
    client.force_login(owen)
    document = pdf_document()
    client.post(add_url(library), {**form(document), "action-submit": "action-submit"})
    page = ResourcePage.objects.get(slug="your-back-pain")
    state = page.current_workflow_state
    assert state is not None

    mail.outbox.clear()
    task_state = state.current_task_state
    trainer = UserFactory(roles=[Role.TRAINER])
    task_state.task.specific.on_action(
        task_state, trainer, "reject", comment="Please add the review date source."
    )
    page.refresh_from_db()
    assert not page.live
    mine = client.get(reverse("champion_mine")).text
    assert "Changes requested" in mine and "Please add the review date source." in mine
    assert any(owen.email in message.to for message in mail.outbox)


def test_a_champion_cannot_edit_another_champions_resource_or_add_elsewhere(client, library):
    owen = champion_user("Owen Price")
    client.force_login(owen)
    client.post(add_url(library), {**form(pdf_document()), "action-submit": "action-submit"})
    page = ResourcePage.objects.get(slug="your-back-pain")

    client.force_login(champion_user("Amara Bello"))
    edit = reverse("wagtailadmin_pages:edit", args=[page.pk])
    assert client.get(edit).status_code in (302, 403)
    response = client.post(edit, {**form(pdf_document(), title="Taken over")})
    assert response.status_code in (302, 403)
    page.refresh_from_db()
    assert page.title == "Your back pain: what helps"
    # Only in the library: not under the home page.
    home_add = reverse(
        "wagtailadmin_pages:add", args=["cms", "contentpage", library.get_parent().pk]
    )
    assert client.get(home_add).status_code in (302, 403)


def test_a_resource_needs_a_document_or_a_link(client, library):
    client.force_login(UserFactory(roles=[Role.TRAINER]))
    response = client.post(add_url(library), {**form(pdf_document()), "document": ""})
    assert response.status_code == 200
    assert "Attach a document or give a link" in response.text
    assert not ResourcePage.objects.exists()


# Documents ----------------------------------------------------------------------------------


def office_file(main_part: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr(main_part, "<document/>")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("data", "extension", "accepted"),
    [
        (b"%PDF-1.7\n...", "pdf", True),
        (b"MZ\x90\x00 a program", "pdf", False),
        (office_file("word/document.xml"), "docx", True),
        (office_file("ppt/presentation.xml"), "pptx", True),
        (office_file("xl/workbook.xml"), "xlsx", True),
        (office_file("word/document.xml"), "xlsx", False),
        (b"%PDF-1.7", "docx", False),
        (b"<html><script>alert(1)</script></html>", "png", False),
    ],
)
def test_a_document_must_be_what_its_extension_says(data, extension, accepted):
    assert document_content_matches(data, extension) is accepted


def upload_document(client, name: str, data: bytes):
    return client.post(
        reverse("wagtaildocs:add"),
        {"title": name, "file": SimpleUploadedFile(name, data), "collection": 1},
    )


def test_the_document_upload_refuses_disguised_unknown_and_oversized_files(
    client, library, settings
):
    client.force_login(UserFactory(roles=[Role.TRAINER]))
    Document = get_document_model()

    response = upload_document(client, "leaflet.pdf", b"MZ\x90\x00 not a pdf")
    assert "not a real PDF file" in response.text
    response = upload_document(client, "tool.exe", b"MZ\x90\x00")
    assert response.status_code == 200 and "exe" in response.text
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 1024
    response = upload_document(client, "big.pdf", b"%PDF-1.7" + b"0" * 2048)
    assert response.status_code == 200
    assert not Document.objects.exists()

    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
    response = upload_document(client, "guide.docx", office_file("word/document.xml"))
    assert response.status_code == 302
    assert Document.objects.count() == 1


# The library ----------------------------------------------------------------------------------


def publish(library, title, **fields):
    values = {
        "resource_type": "clinician_guide",
        "audience": "clinicians",
        "summary": f"About {title.lower()}.",
        "external_url": "https://example.org/",
        "review_date": timezone.localdate() + datetime.timedelta(days=200),
        **fields,
    }
    tags = values.pop("tags", ())
    page = ResourcePage(title=title, **values)
    library.add_child(instance=page)
    page.tags.add(*tags)
    page.save_revision().publish()
    return page


def test_the_library_filters_searches_and_hides_drafts(client, library):
    north = ClusterFactory(name="Northfield")
    publish(
        library,
        "Your back pain",
        resource_type="patient_leaflet",
        audience="patients",
        tags=["self-management"],
    )
    publish(
        library,
        "Referral audit template",
        resource_type="audit_tool",
        audience="commissioners",
        cluster=north,
    )
    draft = ResourcePage(
        title="Unapproved leaflet",
        resource_type="patient_leaflet",
        audience="patients",
        summary="Not yet approved.",
        external_url="https://example.org/",
        review_date=timezone.localdate(),
        live=False,
    )
    library.add_child(instance=draft)

    def titles(**params):
        page = client.get(library.url, params).text
        return sorted(
            t
            for t in ("Your back pain", "Referral audit template", "Unapproved leaflet")
            if f">{t}</a>" in page
        )

    assert titles() == ["Referral audit template", "Your back pain"]
    assert titles(type="patient_leaflet") == ["Your back pain"]
    assert titles(audience="commissioners") == ["Referral audit template"]
    assert titles(cluster=north.pk) == ["Referral audit template"]
    assert titles(tag="self-management") == ["Your back pain"]
    assert titles(q="audit") == ["Referral audit template"]
    assert titles(type="nonsense") == ["Referral audit template", "Your back pain"]


def test_the_library_takes_the_same_queries_however_many_resources(client, library):
    publish(library, "Resource 0", tags=["one"])
    client.get(library.url)
    with CaptureQueriesContext(connection) as few:
        client.get(library.url)
    for number in range(1, 10):
        publish(library, f"Resource {number}", tags=[f"tag {number}", "shared"])
    client.get(library.url)  # publishing refreshes the navigation's cached look-up
    with CaptureQueriesContext(connection) as many:
        client.get(library.url)
    assert len(few) == len(many)


def test_the_calculator_links_the_patient_leaflets(client, library):
    assert "/resources/?type=patient_leaflet" in client.get("/tool/").text
