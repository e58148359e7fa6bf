from django.utils.functional import SimpleLazyObject

from cms.navigation import navigation_items


def navigation(request):
    """The header links, worked out only if a template uses them."""
    return {"navigation": SimpleLazyObject(lambda: navigation_items(request=request))}
