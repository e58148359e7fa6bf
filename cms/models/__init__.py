from cms.models.pages import ContentPage, HomePage
from cms.models.settings import SiteSettings

__all__ = ["ContentPage", "HomePage", "SiteSettings"]
