from cms.models.champions import ChampionProfile, NetworkRole
from cms.models.pages import ContentPage, HomePage
from cms.models.resources import (
    Audience,
    ResourceIndexPage,
    ResourcePage,
    ResourcePageTag,
    ResourceType,
)
from cms.models.settings import SiteSettings

__all__ = [
    "Audience",
    "ChampionProfile",
    "ContentPage",
    "HomePage",
    "NetworkRole",
    "ResourceIndexPage",
    "ResourcePage",
    "ResourcePageTag",
    "ResourceType",
    "SiteSettings",
]
