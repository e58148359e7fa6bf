"""No upload keeps where a photo was taken: images added through the admin, by one or many at a
time, and images uploaded as documents lose their EXIF, GPS and other metadata."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wagtail.documents import get_document_model
from wagtail.images import get_image_model

import pytest
from PIL import Image

from core.choices import Role
from core.images import image_without_metadata
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

GPS_IFD = 0x8825


def photo(kind="JPEG", *, orientation=None) -> bytes:
    """A 120 × 80 photo with a camera make, a GPS position and, for JPEG, a comment."""
    image = Image.new("RGB", (120, 80), "#005eb8")
    exif = Image.Exif()
    exif[0x010F] = "CameraMaker"
    exif[GPS_IFD] = {1: "N", 2: (51.0, 30.0, 0.0), 3: "W", 4: (0.0, 7.0, 0.0)}
    if orientation:
        exif[0x0112] = orientation
    buffer = io.BytesIO()
    extra = {"comment": b"Taken at 14 Acacia Avenue"} if kind == "JPEG" else {}
    image.save(buffer, format=kind, exif=exif, **extra)
    return buffer.getvalue()


def metadata_of(data: bytes) -> tuple[dict, dict]:
    with Image.open(io.BytesIO(data)) as image:
        return dict(image.getexif()), dict(image.info)


@pytest.fixture
def administrator(client, home, monkeypatch):
    monkeypatch.setattr("cms.middleware.mfa_enrolled", lambda user: True)
    user = UserFactory(roles=[Role.ADMINISTRATOR])
    client.force_login(user)
    return user


def test_the_photo_made_for_these_tests_carries_a_position():
    exif, info = metadata_of(photo())
    assert GPS_IFD in exif and "comment" in info


@pytest.mark.parametrize("kind", ["JPEG", "PNG", "WEBP"])
def test_metadata_is_removed_and_the_picture_kept(kind):
    cleaned = image_without_metadata(photo(kind))
    exif, info = metadata_of(cleaned)
    assert exif == {} and "comment" not in info and "exif" not in info
    with Image.open(io.BytesIO(cleaned)) as image:
        assert image.size == (120, 80) and image.format == kind


def test_a_sideways_photo_is_turned_upright_before_its_orientation_tag_goes():
    cleaned = image_without_metadata(photo(orientation=6))  # "rotate 90° clockwise to view"
    with Image.open(io.BytesIO(cleaned)) as image:
        assert image.size == (80, 120)


def test_an_image_with_no_metadata_and_a_file_that_is_not_an_image_are_left_alone():
    buffer = io.BytesIO()
    Image.new("RGB", (10, 10)).save(buffer, format="PNG")
    assert image_without_metadata(buffer.getvalue()) is None
    assert image_without_metadata(b"%PDF-1.4 not an image") is None


def test_an_image_added_in_the_admin_is_stored_without_its_metadata(client, administrator):
    response = client.post(
        reverse("wagtailimages:add"),
        {
            "title": "Clinic",
            "file": SimpleUploadedFile("clinic.jpg", photo(), content_type="image/jpeg"),
            "collection": 1,
        },
    )

    assert response.status_code == 302
    image = get_image_model().objects.get()
    with image.open_file() as stored:
        data = stored.read()
    assert metadata_of(data)[0] == {}
    assert (image.width, image.height) == (120, 80)
    assert image.file_size == len(data)


def test_images_added_several_at_once_are_stored_without_their_metadata(client, administrator):
    response = client.post(
        reverse("wagtailimages:add_multiple"),
        {"files[]": SimpleUploadedFile("a.jpg", photo(), content_type="image/jpeg")},
    )

    assert response.status_code == 200 and response.json()["success"]
    image = get_image_model().objects.get()
    with image.open_file() as stored:
        assert metadata_of(stored.read())[0] == {}


def test_a_photo_uploaded_as_a_document_is_stored_without_its_metadata(client, administrator):
    response = client.post(
        reverse("wagtaildocs:add"),
        {
            "title": "Poster",
            "file": SimpleUploadedFile("poster.jpg", photo(), content_type="image/jpeg"),
            "collection": 1,
        },
    )

    assert response.status_code == 302
    document = get_document_model().objects.get()
    with document.open_file() as stored:
        data = stored.read()
    exif, info = metadata_of(data)
    assert exif == {} and "comment" not in info
    assert document.file_size == len(data)
