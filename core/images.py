"""Uploaded images carry where and when they were taken (EXIF, GPS), the camera and the software
(XMP, comments, text chunks). The site keeps none of it: an image with any is re-encoded without,
turned upright first so that dropping its orientation tag changes nothing a viewer sees."""

from __future__ import annotations

import io
import warnings

from PIL import Image, ImageOps, UnidentifiedImageError

# Formats that carry such metadata, and how each is written again.
REWRITTEN_FORMATS = {
    "JPEG": {"quality": 95},
    "MPO": {"quality": 95},
    "PNG": {},
    "WEBP": {"quality": 95},
    "TIFF": {},
}
# What an image's `info` may hold that says nothing about the person, the place or the device.
HARMLESS_INFO = {
    "dpi",
    "icc_profile",
    "gamma",
    "transparency",
    "interlace",
    "progressive",
    "progression",
    "jfif",
    "jfif_version",
    "jfif_unit",
    "jfif_density",
    "adobe",
    "adobe_transform",
    "srgb",
    "aspect",
    "compression",
    "loop",
    "duration",
    "background",
    "mp",
    "mpoffset",
}


def has_metadata(image: Image.Image) -> bool:
    return bool(image.getexif()) or any(key not in HARMLESS_INFO for key in image.info)


def encode_without_metadata(image: Image.Image, kind: str, **options) -> bytes:
    """The image written afresh in `kind` with no EXIF, XMP, comments or text chunks (the colour
    profile stays)."""
    upright = ImageOps.exif_transpose(image)
    # Pillow writes some of `info` back (a JPEG's comment): keep only what is harmless.
    upright.info = {key: value for key, value in upright.info.items() if key in HARMLESS_INFO}
    if kind in ("JPEG", "MPO"):
        kind = "JPEG"
        if upright.mode not in ("RGB", "L", "CMYK"):
            upright = upright.convert("RGB")
    buffer = io.BytesIO()
    icc = image.info.get("icc_profile")
    upright.save(buffer, format=kind, **({"icc_profile": icc} if icc else {}), **options)
    return buffer.getvalue()


def image_without_metadata(data: bytes) -> bytes | None:
    """The image re-encoded without its metadata when it has any; None when it has none, or is
    not an image of a format that carries it (the caller keeps the file as it is)."""
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            with Image.open(io.BytesIO(data)) as image:
                kind = image.format or ""
                if kind not in REWRITTEN_FORMATS or not has_metadata(image):
                    return None
                image.load()
                return encode_without_metadata(image, kind, **REWRITTEN_FORMATS[kind])
        except (
            UnidentifiedImageError,
            Image.DecompressionBombError,
            Image.DecompressionBombWarning,
            OSError,
            SyntaxError,
            ValueError,
        ):
            return None
