"""The header navigation.

The site's sections are fixed by the design, so the list lives here rather than in the database. A
section appears once something answers at its address (a view, or a live page), so the header never
offers a link that leads nowhere; each is shown to the audience it is for.
"""

from dataclasses import dataclass
from enum import Enum

from django.core.cache import cache
from django.http import HttpRequest
from django.urls import Resolver404, resolve

from wagtail.models import Page, Site
from wagtail.views import serve as wagtail_serve

from core.roles import user_is_trainer

CACHE_KEY = "cms:navigation:available:{site_id}"
CACHE_SECONDS = 300


class Audience(Enum):
    EVERYONE = "everyone"
    SIGNED_IN = "signed_in"
    TRAINERS = "trainers"


@dataclass(frozen=True)
class Section:
    label: str
    path: str
    audience: Audience = Audience.EVERYONE


SECTIONS: tuple[Section, ...] = (
    Section("Training", "/training/"),
    Section("Practice", "/practice/"),
    Section("STarT Back tool", "/tool/"),
    Section("Champions", "/champions/"),
    Section("Resources", "/resources/"),
    Section("My learning", "/my-learning/", Audience.SIGNED_IN),
    Section("Trainer", "/trainer/", Audience.TRAINERS),
)


def _served_by_view(path: str) -> bool:
    try:
        match = resolve(path)
    except Resolver404:
        return False
    return match.func is not wagtail_serve


def sections_available(*, site: Site | None) -> frozenset[str]:
    """Paths of the sections that exist on this site: one cached look-up shared by all requests."""
    key = CACHE_KEY.format(site_id=site.pk if site else 0)
    available = cache.get(key)
    if available is None:
        by_view = {section.path for section in SECTIONS if _served_by_view(section.path)}
        by_page: set[str] = set()
        if site is not None:
            root = site.root_page.url_path.rstrip("/")
            wanted = {root + section.path: section.path for section in SECTIONS}
            live = (
                Page.objects.live().filter(url_path__in=wanted).values_list("url_path", flat=True)
            )
            by_page = {wanted[url_path] for url_path in live}
        available = frozenset(by_view | by_page)
        cache.set(key, available, CACHE_SECONDS)
    return available


def sections_forget() -> None:
    """Drop the cached list, e.g. after a page is published, moved or removed."""
    for site_id in [0, *Site.objects.values_list("pk", flat=True)]:
        cache.delete(CACHE_KEY.format(site_id=site_id))


def _audience_allows(audience: Audience, user) -> bool:
    if audience is Audience.EVERYONE:
        return True
    if not user.is_authenticated:
        return False
    if audience is Audience.TRAINERS:
        return user_is_trainer(user)
    return True


def navigation_items(*, request: HttpRequest) -> list[dict]:
    """The header links for this request: label, url and whether it is the current section."""
    site = Site.find_for_request(request)
    available = sections_available(site=site)
    return [
        {
            "label": section.label,
            "url": section.path,
            "current": request.path == section.path,
            "active": request.path.startswith(section.path),
        }
        for section in SECTIONS
        if section.path in available and _audience_allows(section.audience, request.user)
    ]
