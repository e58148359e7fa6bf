"""Uploads held for approval.

A role that cannot publish (a champion) can add images and documents only to the "Awaiting
approval" collection (see `core.roles`), which only admin users can see or download. When a
trainer or administrator publishes a page, everything that page uses from that collection has
been approved with it and moves to the root collection, the public library; so does an image a
trainer puts in a quiz question (only trainers and administrators author quizzes).

Held documents are refused to everyone else at `/documents/`, the only address the site gives
for a document. Image files have no such gate: the site links no held image anywhere public,
but on a single server whose proxy serves `media/` directly, someone who knew a held image's
file name could fetch it; keep media in a private bucket (signed addresses) to close that.
"""

from django.contrib.contenttypes.models import ContentType
from django.db import transaction

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, ReferenceIndex

from core.roles import ADMIN_ACCESS, AWAITING_APPROVAL_COLLECTION


def approval_collection() -> Collection | None:
    return Collection.objects.filter(depth=2, name=AWAITING_APPROVAL_COLLECTION).first()


def upload_awaits_approval(upload) -> bool:
    """Whether an image or document is still held in the approval collection."""
    collection = approval_collection()
    return collection is not None and upload.collection_id == collection.pk


def upload_visible_to(upload, user) -> bool:
    """Held uploads are for admin users only; everything else is as its collection says."""
    return not upload_awaits_approval(upload) or user.has_perm(ADMIN_ACCESS)


def image_approve(image) -> bool:
    """Move one held image into the public library; whether it was held."""
    held = approval_collection()
    if held is None or image is None:
        return False
    public = Collection.get_first_root_node()
    return bool(
        get_image_model().objects.filter(pk=image.pk, collection=held).update(collection=public)
    )


@transaction.atomic
def uploads_approve_for(page) -> int:
    """Move the held images and documents the page uses into the public library.

    The page's references are indexed here and now, so the move does not wait for (or depend
    on) the background task that normally keeps Wagtail's reference index up to date. Returns
    how many uploads were approved.
    """
    held = approval_collection()
    if held is None:
        return 0
    ReferenceIndex.create_or_update_for_object(page)
    references = ReferenceIndex.get_references_for_object(page)
    public = Collection.get_first_root_node()
    approved = 0
    for model in (get_image_model(), get_document_model()):
        ids = references.filter(to_content_type=ContentType.objects.get_for_model(model))
        approved += model.objects.filter(
            collection=held, pk__in=[int(pk) for pk in ids.values_list("to_object_id", flat=True)]
        ).update(collection=public)
    return approved
