"""The resource library: its filtered, searched and paginated listing, the state of a champion's
own resources, and the check that an uploaded document is what its name says."""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.paginator import Paginator

from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.forms import BaseImageForm
from wagtail.models import WorkflowState

from PIL import Image, UnidentifiedImageError
from taggit.models import Tag

from cms.models import Audience, ResourcePage, ResourceType
from core.images import image_without_metadata
from core.models import Cluster

RESOURCES_PER_PAGE = 12

# What a file must contain to be what its extension says: Office files are zip packages with
# their main part inside; PDFs start with their signature; images must open as that format.
OFFICE_PARTS = {
    "docx": "word/document.xml",
    "pptx": "ppt/presentation.xml",
    "xlsx": "xl/workbook.xml",
}
IMAGE_FORMATS = {"png": "PNG", "jpg": "JPEG", "jpeg": "JPEG", "webp": "WEBP"}
MESSAGE_DOCUMENT_CONTENT = (
    "This file is not a real {kind} file, whatever its name says. Upload a PDF, Word, "
    "PowerPoint or Excel file, or a PNG, JPEG or WebP image."
)
KIND_NAMES = {
    "pdf": "PDF",
    "docx": "Word",
    "pptx": "PowerPoint",
    "xlsx": "Excel",
    "png": "PNG",
    "jpg": "JPEG",
    "jpeg": "JPEG",
    "webp": "WebP",
}


def document_content_matches(data: bytes, extension: str) -> bool:
    """Whether the bytes are a file of the kind the extension names."""
    extension = extension.lower()
    if extension == "pdf":
        return data.startswith(b"%PDF-")
    if extension in OFFICE_PARTS:
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as package:
                names = set(package.namelist())
        except (zipfile.BadZipFile, ValueError):
            return False
        return "[Content_Types].xml" in names and OFFICE_PARTS[extension] in names
    if extension in IMAGE_FORMATS:
        try:
            with Image.open(io.BytesIO(data)) as image:
                kind = image.format
                image.verify()
        except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
            return False
        except Image.DecompressionBombError:
            return False
        return kind == IMAGE_FORMATS[extension]
    return False


def without_metadata(upload, data: bytes):
    """The uploaded image file, or a copy of it re-encoded without its metadata when it has any
    (same name and type)."""
    cleaned = image_without_metadata(data)
    if cleaned is None:
        return upload
    content_type = getattr(upload, "content_type", None) or "application/octet-stream"
    return SimpleUploadedFile(upload.name, cleaned, content_type=content_type)


class ResourceDocumentForm(BaseDocumentForm):
    """Wagtail's document form, with the file's content checked against its extension (the
    extension list and size limit are Wagtail's own checks, from settings)."""

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload and "file" in self.changed_data:
            extension = upload.name.rsplit(".", 1)[-1].lower() if "." in upload.name else ""
            position = upload.tell() if hasattr(upload, "tell") else 0
            upload.seek(0)
            data = upload.read()
            upload.seek(position)
            if not document_content_matches(data, extension):
                raise ValidationError(
                    MESSAGE_DOCUMENT_CONTENT.format(kind=KIND_NAMES.get(extension, "document"))
                )
            # A photo uploaded as a document is served as a download: without where it was taken.
            if extension in IMAGE_FORMATS:
                upload = without_metadata(upload, data)
        return upload


class MetadataFreeImageForm(BaseImageForm):
    """Wagtail's image form (the admin's upload, multiple upload and chooser upload), with the
    image re-encoded without its metadata (EXIF, GPS, XMP, comments) when it carries any."""

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload and "file" in self.changed_data:
            upload.seek(0)
            data = upload.read()
            upload.seek(0)
            cleaned = without_metadata(upload, data)
            if cleaned is not upload:
                # Wagtail's checks read the image the field opened; they see the new file too.
                cleaned.image = getattr(upload, "image", None)
            return cleaned
        return upload


class LibraryFilterForm(forms.Form):
    q = forms.CharField(label="Search the library", required=False, max_length=100)
    type = forms.ChoiceField(choices=[("", "All types"), *ResourceType.choices], required=False)
    audience = forms.ChoiceField(
        label="For", choices=[("", "All audiences"), *Audience.choices], required=False
    )
    cluster = forms.ModelChoiceField(
        Cluster.objects.all(), required=False, empty_label="All clusters"
    )
    tag = forms.SlugField(required=False, widget=forms.HiddenInput)


def resource_library_context(request, *, index) -> dict:
    """The library's published resources, filtered, searched and paginated."""
    filters = LibraryFilterForm(request.GET or None)
    chosen = filters.cleaned_data if filters.is_valid() else {}
    resources = ResourcePage.objects.live().public().child_of(index)
    if chosen.get("type"):
        resources = resources.filter(resource_type=chosen["type"])
    if chosen.get("audience"):
        resources = resources.filter(audience=chosen["audience"])
    if chosen.get("cluster"):
        resources = resources.filter(cluster=chosen["cluster"])
    if chosen.get("tag"):
        resources = resources.filter(tags__slug=chosen["tag"])
    query = " ".join((chosen.get("q") or "").split())
    if query:
        found = resources.search(query, operator="and")
        ids = [page.pk for page in found[:500]]
        resources = resources.filter(pk__in=ids)
    resources = resources.order_by("title").distinct()
    page = Paginator(resources, RESOURCES_PER_PAGE).get_page(request.GET.get("page"))
    shown = list(
        ResourcePage.objects.filter(pk__in=[r.pk for r in page.object_list])
        .select_related("document", "champion", "cluster")
        .prefetch_related("tags")
        .order_by("title")
    )
    tag_name = ""
    if chosen.get("tag"):
        tag_name = Tag.objects.filter(slug=chosen["tag"]).values_list("name", flat=True).first()
    return {
        "filters": filters,
        "tag_name": tag_name or chosen.get("tag", ""),
        "query": query,
        "page_obj": page,
        "resources": shown,
        "tags": Tag.objects.filter(cms_resourcepagetag_items__isnull=False)
        .distinct()
        .order_by("name"),
    }


@dataclass
class ResourceState:
    page: ResourcePage
    label: str
    tag_class: str
    comment: str = ""


def resource_states(pages: list[ResourcePage]) -> list[ResourceState]:
    """Where each of a champion's resources stands: published, awaiting approval, changes
    requested (with the trainer's comment) or a draft. One query for all of them."""
    active = {
        state.object_id: state
        for state in WorkflowState.objects.active()
        .filter(object_id__in=[str(page.pk) for page in pages])
        .select_related("current_task_state")
    }
    states = []
    for page in pages:
        workflow = active.get(str(page.pk))
        if workflow is not None and workflow.status == WorkflowState.STATUS_NEEDS_CHANGES:
            comment = workflow.current_task_state.comment if workflow.current_task_state else ""
            states.append(ResourceState(page, "Changes requested", "nhsuk-tag--red", comment))
        elif workflow is not None:
            states.append(ResourceState(page, "Awaiting approval", "nhsuk-tag--yellow"))
        elif page.live and not page.has_unpublished_changes:
            states.append(ResourceState(page, "Published", "nhsuk-tag--green"))
        elif page.live:
            states.append(ResourceState(page, "Published; changes in draft", "nhsuk-tag--blue"))
        else:
            states.append(ResourceState(page, "Draft", "nhsuk-tag--grey"))
    return states
