"""What a champion uploads stays out of public reach until a trainer publishes the page using it."""

from django.core.files.base import ContentFile
from django.core.management import call_command
from django.urls import reverse

from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction
from wagtail.permissions import policy_registry

import pytest
import wagtail_factories

from cms.uploads import approval_collection
from core.choices import Role
from tests.factories import ContentPageFactory, UserFactory

pytestmark = pytest.mark.django_db

Document = get_document_model()
document_policy = policy_registry.get_by_type(Document)


@pytest.fixture
def site(home, settings, tmp_path):
    # Files on disk, so a download is really served rather than looked for in memory.
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    }
    settings.MEDIA_ROOT = tmp_path
    call_command("seed_site", verbosity=0)
    return home


@pytest.fixture
def mfa_satisfied(monkeypatch):
    """These tests are about uploads, not the second factor (tested elsewhere)."""
    monkeypatch.setattr("cms.middleware.mfa_enrolled", lambda user: True)
    monkeypatch.setattr("cms.middleware.second_factor_used", lambda request: True)


@pytest.fixture
def champion():
    return UserFactory(roles=[Role.TRAINEE, Role.CHAMPION])


def held_document(owner) -> Document:
    return Document.objects.create(
        title="Back pain leaflet",
        file=ContentFile(b"%PDF-1.4 leaflet", name="leaflet.pdf"),
        collection=approval_collection(),
        uploaded_by_user=owner,
    )


def download(client, document):
    return client.get(reverse("wagtaildocs_serve", args=[document.pk, document.filename]))


def page_linking(parent, document):
    link = f'<p>Read the <a linktype="document" id="{document.pk}">leaflet</a>.</p>'
    return ContentPageFactory(parent=parent, body=[("paragraph", link)], live=False)


def test_the_held_collection_is_for_admin_users_only(site):
    held = approval_collection()

    restriction = CollectionViewRestriction.objects.get(collection=held)
    assert restriction.restriction_type == CollectionViewRestriction.GROUPS
    assert {group.name for group in restriction.groups.all()} == {
        Role.CHAMPION.value,
        Role.TRAINER.value,
        Role.ADMINISTRATOR.value,
    }


def test_a_champion_can_add_documents_only_to_the_held_collection(site, champion):
    collections = document_policy.collections_user_has_permission_for(champion, "add")

    assert list(collections) == [approval_collection()]


def test_a_champions_upload_through_the_admin_lands_in_the_held_collection(
    client, site, champion, mfa_satisfied
):
    client.force_login(champion)
    form = client.get(reverse("wagtaildocs:add"))
    assert form.status_code == 200
    assert 'name="collection"' not in form.text, "no library to choose: only one is theirs"

    # Even a hand-made request naming the public library puts the file in the held collection.
    root = Collection.get_first_root_node()
    upload = {"title": "Leaflet", "file": ContentFile(b"%PDF-1.4 x", name="leaflet.pdf")}
    response = client.post(reverse("wagtaildocs:add"), {**upload, "collection": root.pk})

    assert response.status_code == 302
    assert Document.objects.get().collection == approval_collection()


def test_a_held_document_is_not_found_by_visitors_or_trainees(client, site, champion):
    document = held_document(champion)

    assert download(client, document).status_code == 404
    client.force_login(UserFactory())
    assert download(client, document).status_code == 404


def test_a_held_document_can_be_downloaded_by_a_trainer_reviewing_it(
    client, site, champion, mfa_satisfied
):
    document = held_document(champion)
    client.force_login(UserFactory(roles=[Role.TRAINER]))

    assert download(client, document).status_code == 200


def test_publishing_a_page_that_uses_it_makes_it_public(client, site, champion):
    document = held_document(champion)
    image = wagtail_factories.ImageFactory(collection=approval_collection())
    page = page_linking(site, document)
    page.body = [
        *page.body.raw_data,
        {"type": "image", "value": {"content_image": image.pk, "alt_text": "", "caption": ""}},
    ]

    page.save_revision()
    document.refresh_from_db()
    assert document.collection == approval_collection(), "a draft approves nothing"

    page.save_revision().publish()

    document.refresh_from_db()
    image.refresh_from_db()
    root = Collection.get_first_root_node()
    assert document.collection == root
    assert image.collection == root
    assert download(client, document).status_code == 200


def test_once_approved_the_champion_can_no_longer_replace_the_file(site, champion):
    document = held_document(champion)
    assert document_policy.user_has_permission_for_instance(champion, "change", document)

    page_linking(site, document).save_revision().publish()
    document.refresh_from_db()

    assert not document_policy.user_has_permission_for_instance(champion, "change", document)


def test_publishing_leaves_other_held_uploads_held(site, champion):
    used = held_document(champion)
    unused = held_document(champion)

    page_linking(site, used).save_revision().publish()

    unused.refresh_from_db()
    assert unused.collection == approval_collection()


def test_a_held_image_a_trainer_puts_in_a_quiz_question_is_approved(site):
    from tests.courses.quiz_factories import QuestionFactory, QuizFactory

    image = wagtail_factories.ImageFactory(collection=approval_collection())

    QuestionFactory(quiz=QuizFactory(), image=image)

    image.refresh_from_db()
    assert image.collection == Collection.get_first_root_node()
