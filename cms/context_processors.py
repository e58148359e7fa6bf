"""What the shared page templates (`core`'s base.html, header and footer) read from the site."""

from django.utils.functional import SimpleLazyObject

from cms.models import SiteSettings
from cms.navigation import navigation_items
from scoring_practice import startback


def site_settings(request):
    """The service's name, logo text and footer links, fetched only if a template uses them."""
    return {"site_settings": SimpleLazyObject(lambda: SiteSettings.for_request(request))}


def tool_statement(request):
    """The tool's copyright and funding line and licence note, for every page's footer (Keele's
    statement in full is shown wherever the tool is)."""
    return {"tool_statement": startback.COPYRIGHT_LINE, "tool_licence": startback.LICENCE_NOTE}


def navigation(request):
    """The header links, worked out only if a template uses them."""
    return {"navigation": SimpleLazyObject(lambda: navigation_items(request=request))}
