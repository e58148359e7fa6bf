"""A champion's photo: checked by its content (JPEG, PNG or WebP only, within size and pixel
limits, decompression bombs refused), re-encoded without its metadata (EXIF, GPS, comments),
and stored as a Wagtail image, so pages show resized renditions of it."""

from __future__ import annotations

import io
import warnings

from django.core.exceptions import ValidationError
from django.core.files.images import ImageFile

from wagtail.images import get_image_model
from wagtail.models import Collection

from PIL import Image, UnidentifiedImageError

from core.images import encode_without_metadata

PHOTO_MAX_BYTES = 5 * 1024 * 1024
PHOTO_MAX_PIXELS = 25_000_000  # e.g. 5000 × 5000
PHOTO_MIN_SIDE = 100
PHOTO_FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}
PHOTO_COLLECTION = "Champion photos"

MESSAGE_PHOTO_TYPE = "Upload the photo as a JPEG, PNG or WebP image."
MESSAGE_PHOTO_SIZE = "The photo must be 5 MB or smaller."
MESSAGE_PHOTO_PIXELS = (
    "The photo has too many pixels (more than 25 million): resize it and upload it again."
)
MESSAGE_PHOTO_SMALL = "The photo must be at least 100 pixels wide and high."
MESSAGE_PHOTO_BROKEN = "The photo could not be read: it may be damaged. Try another file."


def photo_check(upload) -> tuple[bytes, str]:
    """The photo re-encoded without metadata, and its file extension; ValidationError with a
    message saying what is wrong otherwise."""
    if upload.size > PHOTO_MAX_BYTES:
        raise ValidationError(MESSAGE_PHOTO_SIZE)
    data = upload.read()
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            with Image.open(io.BytesIO(data)) as image:
                if image.format not in PHOTO_FORMATS:
                    raise ValidationError(MESSAGE_PHOTO_TYPE)
                width, height = image.size
                # Checked from the header, before a single pixel is decoded.
                if width * height > PHOTO_MAX_PIXELS:
                    raise ValidationError(MESSAGE_PHOTO_PIXELS)
                if min(width, height) < PHOTO_MIN_SIDE:
                    raise ValidationError(MESSAGE_PHOTO_SMALL)
                image.load()
                kind = image.format
                # Saved afresh with no EXIF, XMP or text chunks: nothing of the camera, the
                # place or the software goes with it.
                data = encode_without_metadata(
                    image, kind, **({"quality": 90} if kind == "JPEG" else {})
                )
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise ValidationError(MESSAGE_PHOTO_PIXELS) from None
        except UnidentifiedImageError:
            raise ValidationError(MESSAGE_PHOTO_TYPE) from None
        except (OSError, SyntaxError, ValueError):
            raise ValidationError(MESSAGE_PHOTO_BROKEN) from None
    return data, PHOTO_FORMATS[kind]


def _collection() -> Collection:
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name=PHOTO_COLLECTION).first()
    return existing or root.add_child(name=PHOTO_COLLECTION)


def photo_store(*, data: bytes, extension: str, title: str):
    """A Wagtail image of the (already checked) photo, in the champion photos collection."""
    image = get_image_model()(title=title[:255], collection=_collection())
    image.file = ImageFile(io.BytesIO(data), name=f"champion.{extension}")
    image.save()
    return image
