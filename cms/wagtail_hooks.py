"""Admin and serving hooks for the site layer."""

from django.http import Http404

from wagtail import hooks

from cms.uploads import upload_visible_to


@hooks.register("before_serve_document")
def documents_awaiting_approval_are_not_served(document, request):
    """A held document is not found for anyone outside the admin (not even "sign in to see it")."""
    if not upload_visible_to(document, request.user):
        raise Http404
